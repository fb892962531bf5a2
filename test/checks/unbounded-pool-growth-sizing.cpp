// Pools sized by a large constant or by the size of the input.
// RUN: %check_both %s unbounded-pool-growth -- -std=c++17 %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <BS_thread_pool.hpp>
#include <boost/asio/thread_pool.hpp>
#include <folly/executors/CPUThreadPoolExecutor.h>
#include <folly/executors/IOThreadPoolExecutor.h>
#include <memory>
#include <thread>
#include <utility>
#include <vector>

struct Request {};

// A pool of this code base's own making: named *Pool, with a thread count.
class WorkerPool {
public:
  WorkerPool(std::size_t num_threads, std::size_t queue_size);
};
// Not a thread pool: its count is of connections.
class ConnectionPool {
public:
  explicit ConnectionPool(std::size_t max_connections);
};

constexpr std::size_t kHuge = 1 << 12;

// ---- Positives ---------------------------------------------------------------

void oversized(const std::vector<Request> &requests, std::size_t num_requests) {
  boost::asio::thread_pool io(1000);
  // CHECK: :[[@LINE-1]]:31: warning: 'boost::asio::thread_pool' is sized with 1000 threads, more than the 256 MaxThreads allows; clamp it with std::min against a configured maximum or the core count [unbounded-pool-growth]
  auto shared = std::make_unique<boost::asio::thread_pool>(kHuge);
  // CHECK: :[[@LINE-1]]:60: warning: 'boost::asio::thread_pool' is sized with 4096 threads, more than the 256 MaxThreads allows
  BS::thread_pool perRequest(requests.size());
  // CHECK: :[[@LINE-1]]:30: warning: 'BS::thread_pool' is sized by the number of elements of 'requests', which grows with the input: one thread per element; clamp it with std::min against a configured maximum or the core count
  folly::CPUThreadPoolExecutor cpu(num_requests);
  // CHECK: :[[@LINE-1]]:36: warning: 'folly::CPUThreadPoolExecutor' is sized by 'num_requests', which grows with the input: one thread per unit of input
  WorkerPool mine(requests.size(), 100);
  // CHECK: :[[@LINE-1]]:19: warning: 'WorkerPool' is sized by the number of elements of 'requests', which grows with the input
  auto *io2 = new folly::IOThreadPoolExecutor(2 * 512);
  // CHECK: :[[@LINE-1]]:47: warning: 'folly::IOThreadPoolExecutor' is sized with 1024 threads, more than the 256 MaxThreads allows
  (void)io2;
}

// ---- Negatives ---------------------------------------------------------------

void sized(const std::vector<Request> &requests, std::size_t num_threads) {
  boost::asio::thread_pool small(8);
  boost::asio::thread_pool byCores(std::thread::hardware_concurrency());
  boost::asio::thread_pool defaulted;
  BS::thread_pool automatic;
  BS::thread_pool configured(num_threads);
  std::size_t clampedCount = std::min<std::size_t>(requests.size(), 16);
  folly::CPUThreadPoolExecutor clamped(clampedCount);
  std::size_t n = requests.size();
  if (n > 64)
    n = 64;
  WorkerPool checked(n, 100);
  WorkerPool twiceCores(2 * std::thread::hardware_concurrency(), 1000);
  ConnectionPool connections(requests.size());
  boost::asio::thread_pool atTheLimit(256);
}

// A tag argument is not a thread count: oneTBB's task_arena(attach()), as a
// vendored copy of its flow graph constructs it.
namespace tbb {
class task_arena {
public:
  struct attach {};
  explicit task_arena(attach);
  explicit task_arena(int max_concurrency);
};
} // namespace tbb
void attached() {
  auto *arena = new tbb::task_arena(tbb::task_arena::attach());
  (void)arena;
}
