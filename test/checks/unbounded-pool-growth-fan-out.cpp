// Two more ways a pool's size reaches its thread starts: a local batch of
// threads started from a count read from the input and joined at the end
// (as many threads as the input says, all at once), and a pool whose
// constructor makes one slot per unit of the count while a method starts a
// thread into each slot.
// RUN: %check_both %s unbounded-pool-growth -- -std=c++17 %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <algorithm>
#include <pthread.h>
#include <string>
#include <thread>
#include <vector>

class Settings {
public:
  int get_int(const std::string &key) const;
};
void run();
void *work(void *);

// ---- Positives ----------------------------------------------------------------

void startWorkers(const Settings &config) {
  int thread_count = config.get_int("thread_pool.thread_count");
  std::vector<std::thread> threads;
  for (int i = 0; i < thread_count; ++i)
    threads.emplace_back(run);
  // CHECK: :[[@LINE-2]]:3: warning: 'threads' is filled by a loop that starts one thread per unit of 'thread_count', which is read from the input with no upper limit
  // CHECK-NEXT: :[[@LINE-5]]:22: note: read from the input here
  // CHECK-NEXT: :[[@LINE-3]]:5: note: a thread is started here on each pass
  for (auto &t : threads)
    t.join();
}

class SlotServer {
public:
  explicit SlotServer(int threads) {
    for (int i = 0; i < threads; ++i)
      slots_.push_back(pthread_t());
  }
  void serve() {
    for (std::size_t i = 0; i < slots_.size(); ++i)
      pthread_create(&slots_[i], nullptr, work, nullptr);
    for (std::size_t i = 0; i < slots_.size(); ++i)
      pthread_join(slots_[i], nullptr);
  }

private:
  std::vector<pthread_t> slots_;
};

void serveSlots(char **argv) {
  SlotServer server(std::stoi(argv[1]));
  // CHECK: :[[@LINE-1]]:21: warning: 'SlotServer' sizes a thread pool from this argument, 'std::stoi(argv[1])', which is read from the input with no upper limit
  // CHECK-NEXT: :[[@LINE-2]]:21: note: read from the input here
  // CHECK-NEXT: :39:5: note: 'SlotServer::SlotServer' runs this loop once per unit of 'threads'
  // CHECK-NEXT: :40:7: note: and adds an element to 'slots_' on each pass
  // CHECK-NEXT: :43:5: note: 'SlotServer::serve' runs this loop once per element of 'slots_'
  // CHECK-NEXT: :44:7: note: and starts a thread here on each pass
  server.serve();
}

// ---- Negatives ----------------------------------------------------------------

void startClamped(const Settings &config) {
  int thread_count = std::min(config.get_int("threads"), 16);
  std::vector<std::thread> threads;
  for (int i = 0; i < thread_count; ++i)
    threads.emplace_back(run);
  for (auto &t : threads)
    t.join();
}
