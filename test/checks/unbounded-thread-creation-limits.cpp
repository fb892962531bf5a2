// What counts as a limit: a semaphore or limiter acquired before the thread
// starts, or a comparison of an in-flight counter against a maximum that
// guards the start or rejects early. Anything else leaves the loop unbounded.
// RUN: %check_both %s unbounded-thread-creation -- -std=c++17 %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <semaphore.h>
#include <semaphore>
#include <string>
#include <thread>
#include <vector>

void process(int);
int next();
bool running();
void reject(int);

std::counting_semaphore<64> Slots(64);
sem_t PosixSlots;
std::atomic<int> Active{0};
constexpr int kMaxActive = 100;

// ---- Negatives: limited -----------------------------------------------------

void semaphoreAcquired() {
  while (running()) {
    Slots.acquire();
    std::thread([] { process(next()); Slots.release(); }).detach();
  }
}

void posixSemaphore() {
  for (;;) {
    sem_wait(&PosixSlots);
    std::thread([] { process(next()); sem_post(&PosixSlots); }).detach();
  }
}

void tryAcquireOrReject() {
  while (running()) {
    int job = next();
    if (!Slots.try_acquire()) {
      reject(job);
      continue;
    }
    std::thread([job] { process(job); Slots.release(); }).detach();
  }
}

void counterRejects() {
  while (running()) {
    int job = next();
    if (Active.load() >= kMaxActive) {
      reject(job);
      continue;
    }
    ++Active;
    std::thread([job] { process(job); --Active; }).detach();
  }
}

void counterGuards() {
  while (running()) {
    if (Active < kMaxActive) {
      ++Active;
      std::thread([] { process(next()); --Active; }).detach();
    }
  }
}

void fetchAddGuard(const std::vector<int> &items) {
  for (int item : items) {
    if (Active.fetch_add(1) >= kMaxActive) {
      Active.fetch_sub(1);
      return;
    }
    std::thread([item] { process(item); --Active; }).detach();
  }
}

std::mutex M;
std::condition_variable Room;
int InFlight = 0;
const int MaxInFlight = 32;
void waitForRoom(const std::vector<int> &items) {
  for (int item : items) {
    {
      std::unique_lock<std::mutex> lock(M);
      Room.wait(lock, [] { return InFlight < MaxInFlight; });
      ++InFlight;
    }
    std::thread([item] { process(item); }).detach();
  }
}

void waitLoop(const std::vector<int> &items) {
  for (int item : items) {
    while (Active >= kMaxActive)
      std::this_thread::yield();
    std::thread([item] { process(item); }).detach();
  }
}

// A window of running threads: at the limit, the oldest is joined, before
// the next start or right after this one (which holds the next iteration).
void joinOldestFirst(const std::vector<int> &items) {
  std::vector<std::thread *> window;
  for (int item : items) {
    if (window.size() >= kMaxActive) {
      window.front()->join();
      delete window.front();
      window.erase(window.begin());
    }
    window.push_back(new std::thread(process, item));
  }
}

void joinOldestAfter(std::vector<int> &pending) {
  std::vector<std::thread> window;
  while (!pending.empty()) {
    int item = pending.back();
    pending.pop_back();
    window.emplace_back(process, item);
    if (window.size() >= kMaxActive) {
      window.front().join();
      window.erase(window.begin());
    }
  }
}

struct RateLimiter {
  void acquire();
};
RateLimiter Limiter;
void userLimiter() {
  while (running()) {
    Limiter.acquire();
    std::thread(process, next()).detach();
  }
}

// ---- Positives: no limit, or a limit in the wrong place ---------------------

void acquiredAfterStart() {
  while (running()) {
    std::thread([] { process(next()); Slots.release(); }).detach();
    // CHECK: :[[@LINE-1]]:5: warning: thread started by 'std::thread' on every iteration of an unbounded loop is detached
    // CHECK-NEXT: :[[@LINE-3]]:3: note: the loop is unbounded: it runs for as long as 'running()' holds
    // CHECK-NEXT: :[[@LINE-3]]:59: note: thread detached here
    Slots.acquire();
  }
}

void acquiredInsideTheThread() {
  while (running()) {
    std::thread([] { Slots.acquire(); process(next()); Slots.release(); }).detach();
    // CHECK: :[[@LINE-1]]:5: warning: thread started by 'std::thread' on every iteration of an unbounded loop is detached
    // CHECK-NEXT: :[[@LINE-3]]:3: note: the loop is unbounded: it runs for as long as 'running()' holds
    // CHECK-NEXT: :[[@LINE-3]]:76: note: thread detached here
  }
}

void unrelatedComparison(const std::vector<std::string> &lines) {
  for (const std::string &line : lines) {
    if (line.size() > 1024)
      continue;
    std::thread(process, 1).detach();
    // CHECK: :[[@LINE-1]]:5: warning: thread started by 'std::thread' on every iteration of an unbounded loop is detached
    // CHECK-NEXT: :[[@LINE-5]]:3: note: the loop is unbounded: it runs once per element of 'lines'
    // CHECK-NEXT: :[[@LINE-3]]:29: note: thread detached here
  }
}

void counterWithoutReject() {
  while (running()) {
    if (Active >= kMaxActive)
      reject(0);
    ++Active;
    std::thread(process, next()).detach();
    // CHECK: :[[@LINE-1]]:5: warning: thread started by 'std::thread' on every iteration of an unbounded loop is detached
    // CHECK-NEXT: :[[@LINE-6]]:3: note: the loop is unbounded: it runs for as long as 'running()' holds
    // CHECK-NEXT: :[[@LINE-3]]:34: note: thread detached here
  }
}

void windowWithoutWait(std::vector<int> &pending) {
  // At the limit it only logs: nothing waits.
  std::vector<std::thread> window;
  while (!pending.empty()) {
    int item = pending.back();
    pending.pop_back();
    window.emplace_back(process, item);
    // CHECK: :[[@LINE-1]]:12: warning: thread started by 'std::thread' on every iteration of an unbounded loop is kept in 'window'
    // CHECK-NEXT: :[[@LINE-5]]:3: note: the loop is unbounded
    if (window.size() >= kMaxActive)
      reject(item);
  }
}

void onlyCounting(const std::vector<int> &items) {
  // Counting workers is not limiting them (the case study's `workers++`).
  int workers = 0;
  for (int item : items) {
    workers++;
    std::thread(process, item).detach();
    // CHECK: :[[@LINE-1]]:5: warning: thread started by 'std::thread' on every iteration of an unbounded loop is detached
    // CHECK-NEXT: :[[@LINE-4]]:3: note: the loop is unbounded: it runs once per element of 'items'
    // CHECK-NEXT: :[[@LINE-3]]:32: note: thread detached here
  }
}
