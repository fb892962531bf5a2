// Queues, ring buffers and channels sized "big enough to never block", and
// size checks against limits that bound nothing, on the real libraries'
// declarations (mock headers that mirror them).
// RUN: %check_both %s unbounded-queue-capacity -- -std=c++17 %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <boost/circular_buffer.hpp>
#include <boost/lockfree/queue.hpp>
#include <boost/lockfree/spsc_queue.hpp>
#include <concurrentqueue/blockingconcurrentqueue.h>
#include <concurrentqueue/concurrentqueue.h>
#include <deque>
#include <folly/MPMCQueue.h>
#include <folly/ProducerConsumerQueue.h>
#include <memory>
#include <queue>
#include <rigtorp/MPMCQueue.h>
#include <rigtorp/SPSCQueue.h>
#include <spdlog/async.h>
#include <tbb/concurrent_queue.h>
#include <vector>
#include <array>

struct Event {
  char payload[64];
};
struct Small {
  int id;
};

// ---- Positives: the libraries ------------------------------------------------

boost::lockfree::queue<Event> lockfreeEvents(1 << 20);
// CHECK: :[[@LINE-1]]:46: warning: 'boost::lockfree::queue<Event>' is given a capacity of 1,048,576, above the threshold of 10,000 (1,048,576 slots x 64 B = 64 MiB when full): a buffer this deep hides backpressure until it overflows; size it for seconds of traffic and export its depth [unbounded-queue-capacity]

boost::lockfree::queue<Small, boost::lockfree::capacity<65000>> fixedEvents;
// CHECK: :[[@LINE-1]]:1: warning: 'boost::lockfree::queue<Small, boost::lockfree::capacity<65000>>' is given a capacity of 65,000, above the threshold of 10,000 (65,000 slots x 4 B = 253.9 KiB when full)

boost::lockfree::spsc_queue<Small> spsc(8 * 1024 * 1024);
// CHECK: :[[@LINE-1]]:41: warning: 'boost::lockfree::spsc_queue<Small>' is given a capacity of 8,388,608, above the threshold of 10,000 (8,388,608 slots x 4 B = 32 MiB when full)

constexpr std::size_t kHuge = 1'000'000;
moodycamel::ConcurrentQueue<Event> moody(kHuge);
// CHECK: :[[@LINE-1]]:42: warning: 'moodycamel::ConcurrentQueue<Event>' is given a capacity of 1,000,000, above the threshold of 10,000 (1,000,000 slots x 64 B = 61 MiB when full)
moodycamel::BlockingConcurrentQueue<Small> blocking(100'000);
// CHECK: :[[@LINE-1]]:53: warning: 'moodycamel::BlockingConcurrentQueue<Small>' is given a capacity of 100,000

folly::MPMCQueue<Event> mpmc(1 << 16);
// CHECK: :[[@LINE-1]]:30: warning: 'folly::MPMCQueue<Event>' is given a capacity of 65,536, above the threshold of 10,000 (65,536 slots x 64 B = 4 MiB when full)
folly::ProducerConsumerQueue<Small> pcq(50000);
// CHECK: :[[@LINE-1]]:41: warning: 'folly::ProducerConsumerQueue<Small>' is given a capacity of 50,000
rigtorp::SPSCQueue<Small> rigSpsc(1u << 24);
// CHECK: :[[@LINE-1]]:35: warning: 'rigtorp::SPSCQueue<Small>' is given a capacity of 16,777,216
rigtorp::MPMCQueue<Small> rigMpmc(20000);
// CHECK: :[[@LINE-1]]:35: warning: 'rigtorp::MPMCQueue<Small>' is given a capacity of 20,000

template <std::size_t N> struct Config {
  static constexpr std::size_t depth = N;
};

void setters(boost::circular_buffer<Small> &ring,
             tbb::concurrent_bounded_queue<Event> &bounded) {
  boost::circular_buffer<Small> history(Config<500000>::depth);
  // CHECK: :[[@LINE-1]]:41: warning: 'boost::circular_buffer<Small>' is given a capacity of 500,000
  ring.set_capacity(2000000);
  // CHECK: :[[@LINE-1]]:21: warning: 'boost::circular_buffer<Small>' is given a capacity of 2,000,000
  ring.rset_capacity(1 << 15);
  // CHECK: :[[@LINE-1]]:22: warning: 'boost::circular_buffer<Small>' is given a capacity of 32,768
  bounded.set_capacity(1000000);
  // CHECK: :[[@LINE-1]]:24: warning: 'tbb::concurrent_bounded_queue<Event>' is given a capacity of 1,000,000, above the threshold of 10,000 (1,000,000 slots x 64 B = 61 MiB when full)
  spdlog::init_thread_pool(1048576, 1);
  // CHECK: :[[@LINE-1]]:28: warning: 'spdlog::init_thread_pool' is given a capacity of 1,048,576, above the threshold of 10,000: a buffer
  auto pool = std::make_shared<spdlog::details::thread_pool>(262144, 2);
  // CHECK: :[[@LINE-1]]:62: warning: 'spdlog::details::thread_pool' is given a capacity of 262,144
  auto heap = std::make_unique<folly::MPMCQueue<Small>>(kHuge * 2);
  // CHECK: :[[@LINE-1]]:57: warning: 'folly::MPMCQueue<Small>' is given a capacity of 2,000,000
  (void)history;
}

// ---- Positives: the project's own queues ------------------------------------

// Case study 2 in C++: "let's make it big enough to never block".
class EventChannel {
public:
  explicit EventChannel(std::size_t capacity) : slots(capacity) {}
  bool send(const Event &e);
private:
  std::vector<Event> slots;
};

class EventProcessor {
public:
  EventProcessor() : events(1'000'000) {}
  // CHECK: :[[@LINE-1]]:29: warning: 'EventChannel' is given a capacity of 1,000,000, above the threshold of 10,000 (1,000,000 slots x 64 B = 61 MiB when full)
private:
  EventChannel events;
};

template <typename T> class RingBuffer {
public:
  RingBuffer(const char *name, std::size_t max_size);
  bool push(const T &);
};
RingBuffer<Small> ring("audit", 1 << 18);
// CHECK: :[[@LINE-1]]:33: warning: 'RingBuffer<Small>' is given a capacity of 262,144, above the threshold of 10,000 (262,144 slots x 4 B = 1 MiB when full)

struct Mailbox {
  explicit Mailbox(int maxItems);
  void post(int message);
};
Mailbox inbox(1000 * 1000);
// CHECK: :[[@LINE-1]]:15: warning: 'Mailbox' is given a capacity of 1,000,000, above the threshold of 10,000: a buffer

template <typename T, std::size_t N> class StaticRing {
public:
  bool push(const T &);
private:
  T slots[N];
};
StaticRing<Small, 1 << 20> staticRing;
// CHECK: :[[@LINE-1]]:1: warning: 'StaticRing<Small, 1 << 20>' is given a capacity of 1,048,576, above the threshold of 10,000 (1,048,576 slots x 4 B = 4 MiB when full)
struct Holder {
  StaticRing<Event, 20000> ring;
  // CHECK: :[[@LINE-1]]:3: warning: 'StaticRing<Event, 20000>' is given a capacity of 20,000
};

// ---- Positives: size checks that bound nothing ---------------------------------

std::queue<Small> pending;
std::deque<Small> work;
bool admit(const Small &s, folly::ProducerConsumerQueue<Small> &pc) {
  if (pending.size() > 1000001)
    // CHECK: :[[@LINE-1]]:24: warning: size check against 1,000,001 is no bound in practice: 'pending' can hold 1,000,001 items before this rejects anything; compare with a capacity of at most 10,000 [unbounded-queue-capacity]
    return false;
  if (work.size() >= kHuge)
    // CHECK: :[[@LINE-1]]:22: warning: size check against 1,000,000 is no bound in practice: 'work'
    return false;
  if (500000 < pc.sizeGuess())
    // CHECK: :[[@LINE-1]]:7: warning: size check against 500,000 is no bound in practice: 'pc'
    return false;
  return true;
}

// ---- Negatives -----------------------------------------------------------------

// The fixed EventProcessor: 10,000 events is the reasonable size.
class FixedEventProcessor {
public:
  static constexpr std::size_t kDefaultCapacity = 10'000;
  explicit FixedEventProcessor(std::size_t capacity = kDefaultCapacity)
      : events(capacity) {}
private:
  EventChannel events;
};

void negatives(std::size_t configured, std::vector<Small> &items) {
  FixedEventProcessor fixedDefault;
  FixedEventProcessor fixedExplicit(10000);
  boost::lockfree::queue<Small> small(1024);
  boost::lockfree::queue<Small, boost::lockfree::capacity<4096>> fixedSmall;
  moodycamel::ConcurrentQueue<Small> defaulted; // default capacity argument
  moodycamel::ConcurrentQueue<Small> fromConfig(configured);
  folly::MPMCQueue<Small> exact(10000);
  spdlog::init_thread_pool(8192, 1);
  boost::circular_buffer<Small> recent(256);
  // Plain data buffers are not queues.
  std::vector<char> buf(4 << 20);
  std::array<int, 100000> table{};
  StaticRing<Small, 1024> smallRing;
  struct ByteBuffer {
    explicit ByteBuffer(std::size_t size);
    void append(const char *, std::size_t);
  } bytes(16 << 20);
  // Size checks against reasonable limits, or of containers that are not queues.
  if (pending.size() >= 5000 || items.size() > 5000000)
    return;
  if (work.size() > configured)
    return;
  (void)table;
}
