// unbounded-queue-growth against the real libstdc++, oneTBB, moodycamel and
// Boost.Lockfree headers.
// RUN: %check_both %s unbounded-queue-growth -- -std=c++17 -pthread \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <boost/lockfree/queue.hpp>
#include <concurrentqueue/concurrentqueue.h>
#include <condition_variable>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <queue>
#include <stdexcept>
#include <tbb/concurrent_queue.h>
#include <thread>
#include <vector>

// A hand-written thread pool whose enqueue always pushes (the shape of
// progschj/ThreadPool).
class ThreadPool {
public:
  explicit ThreadPool(std::size_t threads) {
    for (std::size_t i = 0; i < threads; ++i)
      workers.emplace_back([this] {
        for (;;) {
          std::function<void()> task;
          {
            std::unique_lock<std::mutex> lock(queue_mutex);
            condition.wait(lock, [this] { return stop || !tasks.empty(); });
            if (stop && tasks.empty())
              return;
            task = std::move(tasks.front());
            tasks.pop();
          }
          task();
        }
      });
  }
  template <class F> std::future<void> enqueue(F &&f) {
    auto task = std::make_shared<std::packaged_task<void()>>(std::forward<F>(f));
    std::future<void> res = task->get_future();
    {
      std::unique_lock<std::mutex> lock(queue_mutex);
      if (stop)
        throw std::runtime_error("enqueue on stopped ThreadPool");
      tasks.emplace([task] { (*task)(); });
      // CHECK: :[[@LINE-1]]:13: warning: queue 'tasks' grows without bound: this push holds the queue's lock but never compares its size with a limit or waits for space; bound the queue and report rejection to the caller (return an error, count the drop) so a slow consumer shows up as backpressure, not as memory growth [unbounded-queue-growth]
      // CHECK-NEXT: :[[@LINE+18]]:37: note: 'tasks' is declared here with no capacity
      // CHECK-NEXT: :102:3: note: an item is pushed through this call to 'ThreadPool::enqueue'
    }
    condition.notify_one();
    return res;
  }
  ~ThreadPool() {
    {
      std::unique_lock<std::mutex> lock(queue_mutex);
      stop = true;
    }
    condition.notify_all();
    for (std::thread &worker : workers)
      worker.join();
  }

private:
  std::vector<std::thread> workers;
  std::queue<std::function<void()>> tasks;
  std::mutex queue_mutex;
  std::condition_variable condition;
  bool stop = false;
};

struct Event {
  int id;
};
tbb::concurrent_queue<Event> work;
moodycamel::ConcurrentQueue<Event> incoming;
boost::lockfree::queue<Event> lockfree(128);
boost::lockfree::queue<Event, boost::lockfree::capacity<1024>> fixed;

void produce(const Event &e) {
  work.push(e);
  // CHECK: :[[@LINE-1]]:8: warning: queue 'work' grows without bound: 'concurrent_queue' has no capacity and nothing compares its size with a limit before this 'push'
  // CHECK-NEXT: :[[@LINE-8]]:30: note: 'work' is declared here with no capacity
  incoming.enqueue(e);
  // CHECK: :[[@LINE-1]]:12: warning: queue 'incoming' grows without bound: 'ConcurrentQueue' has no capacity
  // CHECK-NEXT: :[[@LINE-10]]:36: note: 'incoming' is declared here with no capacity
  lockfree.push(e);
  // CHECK: :[[@LINE-1]]:12: warning: queue 'lockfree' grows without bound: 'queue' has no capacity
  // CHECK-NEXT: :[[@LINE-12]]:31: note: 'lockfree' is declared here with no capacity
  (void)fixed.push(e);
}

bool admit(const Event &e) {
  if (incoming.size_approx() >= 10000)
    return false;
  return incoming.enqueue(e);
}

int main() {
  ThreadPool pool(4);
  pool.enqueue([] {}).get();
}
