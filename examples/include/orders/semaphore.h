// A counting semaphore for the fixed accept loops of incident 1
// (std::counting_semaphore is C++20; this is the C++17 equivalent).
#ifndef ORDERS_SEMAPHORE_H
#define ORDERS_SEMAPHORE_H

#include <condition_variable>
#include <mutex>

namespace orders::fixed {

class Semaphore {
 public:
  explicit Semaphore(int permits) : permits_(permits) {}

  void acquire() {
    std::unique_lock<std::mutex> lock(mu_);
    available_.wait(lock, [this] { return permits_ > 0; });
    --permits_;
  }

  void release() {
    // Notify under the lock: the owner may destroy the semaphore as soon as
    // it can take the lock after the last release.
    std::lock_guard<std::mutex> lock(mu_);
    ++permits_;
    available_.notify_one();
  }

 private:
  std::mutex mu_;
  std::condition_variable available_;
  int permits_;
};

}  // namespace orders::fixed

#endif
