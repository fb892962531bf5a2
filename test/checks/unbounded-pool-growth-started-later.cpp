// Worker objects made in one method, one per unit of a count, whose
// threads another method starts by calling each element: the count sizes
// the pool as if the loop started the threads itself.
// RUN: %check_both %s unbounded-pool-growth -- -std=c++17 %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <string>
#include <thread>
#include <vector>

class Loop {
public:
  explicit Loop(std::string label) : label_(label) {}
  void launch() { thread_ = std::thread([] {}); }
  void stop() { thread_.join(); }

private:
  std::string label_;
  std::thread thread_;
};

class LoopGroup {
public:
  explicit LoopGroup(int count) : count_(count) {
    for (int i = 0; i < count_; ++i)
      loops_.push_back(std::unique_ptr<Loop>(new Loop("loop")));
  }
  void launchAll() {
    for (auto &loop : loops_)
      loop->launch();
  }
  void stopAll() {
    for (std::size_t i = 0; i < loops_.size(); ++i)
      loops_[i]->stop();
  }

private:
  int count_;
  std::vector<std::unique_ptr<Loop>> loops_;
};

void unclamped(char **argv) {
  int wanted = std::atoi(argv[1]);
  LoopGroup group(wanted);
  // CHECK: :[[@LINE-1]]:19: warning: 'LoopGroup' sizes a thread pool from this argument, 'wanted', which is read from the input with no upper limit; clamp it with std::min against a configured maximum or the core count [unbounded-pool-growth]
  // CHECK-NEXT: :[[@LINE-3]]:16: note: read from the input here
  // CHECK-NEXT: :[[@LINE-23]]:35: note: 'LoopGroup::LoopGroup' keeps 'count' in 'count_'
  // CHECK-NEXT: :[[@LINE-23]]:5: note: 'LoopGroup::LoopGroup' runs this loop once per unit of 'count_'
  // CHECK-NEXT: :[[@LINE-23]]:7: note: and adds an element to 'loops_' on each pass
  // CHECK-NEXT: :[[@LINE-20]]:7: note: 'LoopGroup::launchAll' calls 'Loop::launch' on each element of 'loops_'
  // CHECK-NEXT: :[[@LINE-37]]:29: note: 'Loop::launch' starts a thread here
  group.launchAll();
}

// Quiet: the count held under a limit, or a constant one.
void clamped(char **argv) {
  int wanted = std::min(std::atoi(argv[1]), 16);
  LoopGroup group(wanted);
  group.launchAll();
  LoopGroup fixed(4);
  fixed.launchAll();
}

// Quiet: the elements' methods start no thread.
class Buffer {
public:
  void clear() { data_.clear(); }

private:
  std::vector<int> data_;
};
class BufferSet {
public:
  explicit BufferSet(int count) {
    for (int i = 0; i < count; ++i)
      buffers_.push_back(Buffer());
  }
  void clearAll() {
    for (Buffer &b : buffers_)
      b.clear();
  }

private:
  std::vector<Buffer> buffers_;
};
void buffers(char **argv) { BufferSet set(std::atoi(argv[1])); }

// A vector made with the count, whose elements a range-for then starts.
class SlotGroup {
public:
  explicit SlotGroup(int thread_num) : thread_num_(thread_num) {
    threads_ = std::vector<std::thread>(thread_num_);
    for (auto &t : threads_)
      t = std::thread([this] { work(); });
  }

private:
  void work();
  int thread_num_;
  std::vector<std::thread> threads_;
};

void makeSlots(char **argv) {
  SlotGroup pool(std::atoi(argv[1]));
  // CHECK: :[[@LINE-1]]:18: warning: 'SlotGroup' sizes a thread pool from this argument, 'std::atoi(argv[1])', which is read from the input with no upper limit
  // CHECK-NEXT: :[[@LINE-2]]:18: note: read from the input here
  // CHECK-NEXT: :94:40: note: 'SlotGroup::SlotGroup' keeps 'thread_num' in 'thread_num_'
  // CHECK-NEXT: :96:5: note: 'SlotGroup::SlotGroup' runs this loop once per unit of 'thread_num_'
  // CHECK-NEXT: :97:11: note: and starts a thread here on each pass
}
