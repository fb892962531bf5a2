// unbounded-queue-capacity against the real Boost.Lockfree,
// Boost.CircularBuffer, oneTBB, moodycamel and spdlog headers
// (libboost-dev, libtbb-dev, libconcurrentqueue-dev, libspdlog-dev).
// RUN: %check_both %s unbounded-queue-capacity -- -std=c++17 -pthread \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <array>
#include <boost/circular_buffer.hpp>
#include <boost/lockfree/queue.hpp>
#include <boost/lockfree/spsc_queue.hpp>
#include <concurrentqueue/blockingconcurrentqueue.h>
#include <concurrentqueue/concurrentqueue.h>
#include <deque>
#include <memory>
#include <spdlog/async.h>
#include <tbb/concurrent_queue.h>
#include <vector>

struct Event {
  char payload[64];
};

void positives(tbb::concurrent_bounded_queue<Event> &bounded,
               std::deque<Event> &pending) {
  boost::lockfree::queue<Event> lockfree(1 << 20);
  // CHECK: :[[@LINE-1]]:42: warning: 'boost::lockfree::queue<Event>' is given a capacity of 1,048,576, above the threshold of 10,000 (1,048,576 slots x 64 B = 64 MiB when full): a buffer this deep hides backpressure until it overflows; size it for seconds of traffic and export its depth [unbounded-queue-capacity]
  boost::lockfree::spsc_queue<Event, boost::lockfree::capacity<100000>> spsc;
  // CHECK: :[[@LINE-1]]:3: warning: 'boost::lockfree::spsc_queue<Event, boost::lockfree::capacity<100000>>' is given a capacity of 100,000, above the threshold of 10,000 (100,000 slots x 64 B = 6.1 MiB when full)
  boost::circular_buffer<Event> ring(8 * 1024 * 1024);
  // CHECK: :[[@LINE-1]]:38: warning: 'boost::circular_buffer<Event>' is given a capacity of 8,388,608
  ring.set_capacity(500'000);
  // CHECK: :[[@LINE-1]]:21: warning: 'boost::circular_buffer<Event>' is given a capacity of 500,000
  bounded.set_capacity(1'000'000);
  // CHECK: :[[@LINE-1]]:24: warning: 'tbb::concurrent_bounded_queue<Event>' is given a capacity of 1,000,000, above the threshold of 10,000 (1,000,000 slots x 64 B = 61 MiB when full)
  moodycamel::ConcurrentQueue<Event> moody(1'000'000);
  // CHECK: :[[@LINE-1]]:44: warning: 'moodycamel::ConcurrentQueue<Event>' is given a capacity of 1,000,000
  auto blocking = std::make_unique<moodycamel::BlockingConcurrentQueue<Event>>(1 << 18);
  // CHECK: :[[@LINE-1]]:80: warning: 'moodycamel::BlockingConcurrentQueue<Event>' is given a capacity of 262,144
  spdlog::init_thread_pool(1048576, 1);
  // CHECK: :[[@LINE-1]]:28: warning: 'spdlog::init_thread_pool' is given a capacity of 1,048,576
  auto pool = std::make_shared<spdlog::details::thread_pool>(1 << 20, 2);
  // CHECK: :[[@LINE-1]]:62: warning: 'spdlog::details::thread_pool' is given a capacity of 1,048,576
  if (pending.size() > 1000001)
    // CHECK: :[[@LINE-1]]:24: warning: size check against 1,000,001 is no bound in practice: 'pending'
    return;
}

void negatives(std::size_t configured) {
  boost::lockfree::queue<Event> small(1024);
  boost::lockfree::spsc_queue<Event, boost::lockfree::capacity<4096>> fixed;
  boost::circular_buffer<Event> recent(10000);
  moodycamel::ConcurrentQueue<Event> defaulted;
  moodycamel::ConcurrentQueue<Event> fromConfig(configured);
  tbb::concurrent_bounded_queue<Event> bounded;
  bounded.set_capacity(10000);
  spdlog::init_thread_pool(spdlog::details::default_async_q_size, 1);
  std::vector<char> buf(4 << 20);
  std::array<int, 100000> table{};
  (void)table;
}
