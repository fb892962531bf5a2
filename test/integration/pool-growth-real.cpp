// unbounded-pool-growth against the real Boost.Asio and oneTBB headers
// (libboost-dev, libtbb-dev): the pool types are matched on their real
// declarations, tbb::task_arena through oneTBB's detail namespace.
// RUN: %check_both %s unbounded-pool-growth -- -std=c++17 -pthread \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>
#include <memory>
#include <mutex>
#include <tbb/task_arena.h>
#include <thread>
#include <vector>

struct Request {};

void positives(const std::vector<Request> &requests, int num_requests) {
  boost::asio::thread_pool perRequest(requests.size());
  // CHECK: :[[@LINE-1]]:39: warning: 'boost::asio::thread_pool' is sized by the number of elements of 'requests', which grows with the input
  auto big = std::make_shared<boost::asio::thread_pool>(4096);
  // CHECK: :[[@LINE-1]]:57: warning: 'boost::asio::thread_pool' is sized with 4096 threads, more than the 256 MaxThreads allows
  tbb::task_arena arena(num_requests);
  // CHECK: :[[@LINE-1]]:25: warning: 'tbb::task_arena' is sized by 'num_requests', which grows with the input
  (void)big;
}

void negatives(const std::vector<Request> &requests) {
  boost::asio::thread_pool cores(std::thread::hardware_concurrency());
  boost::asio::thread_pool clamped(
      std::min<std::size_t>(requests.size(), std::thread::hardware_concurrency()));
  tbb::task_arena automatic;
  tbb::task_arena four(4);
  for (const Request &r : requests)
    boost::asio::post(cores, [&r] { (void)r; });
}

// Growth on the real std::thread and std::vector.
class Elastic {
public:
  void post() {
    std::lock_guard<std::mutex> lock(m);
    if (idle == 0)
      threads.emplace_back([this] { loop(); });
    // CHECK: :[[@LINE-1]]:15: warning: pool 'Elastic' adds a worker here with no maximum
    // CHECK-NEXT: :[[@LINE+8]]:28: note: workers are kept in 'threads', which nothing bounds
    // CHECK-NEXT: :[[@LINE+4]]:8: note: the pool only ever grows: a worker running this never exits while idle
  }

private:
  void loop() { for (;;) std::this_thread::yield(); }
  std::mutex m;
  int idle = 0;
  std::vector<std::thread> threads;
};
