// unbounded-thread-creation against the real libstdc++ and glibc headers:
// the matchers must hold on the real declarations (std::thread's
// constructor template, std::jthread, std::async's overloads, the
// counting_semaphore template, pthread_create).
// RUN: %check_both %s unbounded-thread-creation -- -std=c++20 -pthread \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <atomic>
#include <future>
#include <memory>
#include <pthread.h>
#include <semaphore>
#include <string>
#include <thread>
#include <vector>

void process(int);
bool running();
void *serve(void *);

void positives(const std::vector<int> &items) {
  for (int item : items)
    std::thread(process, item).detach();
  // CHECK: :[[@LINE-1]]:5: warning: thread started by 'std::thread' on every iteration of an unbounded loop is detached
  // CHECK-NEXT: :[[@LINE-3]]:3: note: the loop is unbounded: it runs once per element of 'items'
  // CHECK-NEXT: :[[@LINE-3]]:32: note: thread detached here

  std::vector<std::thread> all;
  for (int item : items)
    all.emplace_back([item] { process(item); });
  // CHECK: :[[@LINE-1]]:9: warning: thread started by 'std::thread' on every iteration of an unbounded loop is kept in 'all'
  // CHECK-NEXT: :[[@LINE-3]]:3: note: the loop is unbounded: it runs once per element of 'items'

  std::vector<std::jthread> jall;
  for (std::size_t i = 0; i < items.size(); ++i)
    jall.push_back(std::jthread(process, items[i]));
  // CHECK: :[[@LINE-1]]:20: warning: thread started by 'std::jthread' on every iteration of an unbounded loop is kept in 'jall'
  // CHECK-NEXT: :[[@LINE-3]]:3: note: the loop is unbounded: it runs once per element of 'items'
  // CHECK-NEXT: :[[@LINE-3]]:10: note: thread kept in 'jall' here

  std::vector<std::future<void>> futures;
  for (int item : items)
    futures.push_back(std::async(process, item));
  // CHECK: :[[@LINE-1]]:23: warning: thread started by 'std::async' on every iteration of an unbounded loop is kept in 'futures'
  // CHECK-NEXT: :[[@LINE-3]]:3: note: the loop is unbounded: it runs once per element of 'items'
  // CHECK-NEXT: :[[@LINE-3]]:13: note: thread kept in 'futures' here

  std::vector<std::unique_ptr<std::thread>> owned;
  while (running())
    owned.push_back(std::make_unique<std::thread>(process, 1));
  // CHECK: :[[@LINE-1]]:21: warning: thread started by 'std::thread' on every iteration of an unbounded loop is kept in 'owned'
  // CHECK-NEXT: :[[@LINE-3]]:3: note: the loop is unbounded: it runs for as long as 'running()' holds
  // CHECK-NEXT: :[[@LINE-3]]:11: note: thread kept in 'owned' here

  for (;;) {
    pthread_t tid;
    pthread_create(&tid, nullptr, serve, nullptr);
    // CHECK: :[[@LINE-1]]:5: warning: thread started by 'pthread_create' on every iteration of an unbounded loop is detached
    // CHECK-NEXT: :[[@LINE-4]]:3: note: the loop is unbounded: it has no exit condition
    pthread_detach(tid);
    // CHECK-NEXT: :[[@LINE-1]]:5: note: thread detached here
  }
}

std::counting_semaphore<64> Slots(64);
std::binary_semaphore One(1);

void negatives(const std::vector<int> &items) {
  std::vector<std::thread> pool;
  for (unsigned i = 0; i < std::thread::hardware_concurrency(); ++i)
    pool.emplace_back(process, int(i));
  for (auto &t : pool)
    t.join();

  for (int item : items) {
    Slots.acquire();
    std::thread([item] { process(item); Slots.release(); }).detach();
  }
  for (int item : items) {
    One.acquire();
    std::thread([item] { process(item); One.release(); }).detach();
  }
  for (int item : items)
    std::jthread(process, item);
  for (int item : items)
    std::async(std::launch::async, process, item);
  std::vector<std::future<void>> lazy;
  for (int item : items)
    lazy.push_back(std::async(std::launch::deferred, process, item));
  for (;;) {
    pthread_t tid;
    pthread_create(&tid, nullptr, serve, nullptr);
    pthread_join(tid, nullptr);
  }
}
