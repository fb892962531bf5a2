// Backpressure made invisible: the result of an enqueue that can fail is
// discarded, or its failure branch does nothing observable.
// RUN: %check_both %s unbounded-silent-drop -- -std=c++17 %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <atomic>
#include <boost/lockfree/queue.hpp>
#include <boost/lockfree/spsc_queue.hpp>
#include <chrono>
#include <concurrentqueue/concurrentqueue.h>
#include <folly/MPMCQueue.h>
#include <folly/ProducerConsumerQueue.h>
#include <map>
#include <queue>
#include <rigtorp/MPMCQueue.h>
#include <rigtorp/SPSCQueue.h>
#include <tbb/concurrent_queue.h>

struct Event {
  int id;
};
void log(const char *);

// ---- Positives: the result is discarded -----------------------------------------

void discarded(boost::lockfree::queue<Event, boost::lockfree::capacity<1024>> &lf,
               boost::lockfree::spsc_queue<Event> &spsc,
               moodycamel::ConcurrentQueue<Event> &moody,
               folly::MPMCQueue<Event> &mpmc,
               folly::ProducerConsumerQueue<Event> &pcq,
               rigtorp::SPSCQueue<Event> &rigSpsc,
               rigtorp::MPMCQueue<Event> &rigMpmc,
               tbb::concurrent_bounded_queue<Event> &bounded, const Event &e) {
  lf.push(e);
  // CHECK: :[[@LINE-1]]:6: warning: result of 'push' is discarded: when the queue is full the item is dropped and nobody is told; count the drop and return an error to the caller [unbounded-silent-drop]
  lf.bounded_push(e);
  // CHECK: :[[@LINE-1]]:6: warning: result of 'bounded_push' is discarded
  spsc.push(e);
  // CHECK: :[[@LINE-1]]:8: warning: result of 'push' is discarded
  moody.try_enqueue(e);
  // CHECK: :[[@LINE-1]]:9: warning: result of 'try_enqueue' is discarded
  mpmc.write(e);
  // CHECK: :[[@LINE-1]]:8: warning: result of 'write' is discarded
  mpmc.tryWriteUntil(std::chrono::steady_clock::now(), e);
  // CHECK: :[[@LINE-1]]:8: warning: result of 'tryWriteUntil' is discarded
  pcq.write(e);
  // CHECK: :[[@LINE-1]]:7: warning: result of 'write' is discarded
  rigSpsc.try_push(e);
  // CHECK: :[[@LINE-1]]:11: warning: result of 'try_push' is discarded
  rigMpmc.try_emplace(e);
  // CHECK: :[[@LINE-1]]:11: warning: result of 'try_emplace' is discarded
  bounded.try_push(e);
  // CHECK: :[[@LINE-1]]:11: warning: result of 'try_push' is discarded
  for (int i = 0; i < 3; ++i)
    bounded.try_emplace(e);
  // CHECK: :[[@LINE-1]]:13: warning: result of 'try_emplace' is discarded
}

// The case study's producer: push() returns false when full, and nobody looks.
class EventQueue {
public:
  bool push(const Event &e);
};
class EventProcessor {
public:
  void queue(const Event &e) {
    events.push(e);
    // CHECK: :[[@LINE-1]]:12: warning: result of 'push' is discarded
  }
private:
  EventQueue events;
};

// ---- Positives: the failure branch does nothing -------------------------------

void silentBranches(rigtorp::SPSCQueue<Event> &q, const Event &e, int &queued) {
  if (!q.try_push(e)) {
    // CHECK: :[[@LINE-1]]:10: warning: failure of 'try_push' is not handled: the branch taken when the queue is full does nothing observable, so the item is dropped silently; count the drop, log it or return an error to the caller [unbounded-silent-drop]
    // queue full, never mind
  }
  if (!q.try_push(e))
    // CHECK: :[[@LINE-1]]:10: warning: failure of 'try_push' is not handled
    ;
  if (q.try_push(e))
    // CHECK: :[[@LINE-1]]:9: warning: failure of 'try_push' is not handled
    ++queued;
  if (q.try_push(e)) {
    // CHECK: :[[@LINE-1]]:9: warning: failure of 'try_push' is not handled
    ++queued;
  } else {
  }
  if (!q.try_push(e))
    // CHECK: :[[@LINE-1]]:10: warning: failure of 'try_push' is not handled
    return;
}

// ---- Negatives ---------------------------------------------------------------

// The fixed EventProcessor: ErrQueueFull and a drop counter.
enum class Status { Ok, QueueFull };
struct Metrics {
  std::atomic<unsigned long> queued{0}, dropped{0};
};
class FixedEventProcessor {
public:
  Status try_push(const Event &e) {
    if (!events.push(e)) {
      metrics.dropped.fetch_add(1);
      return Status::QueueFull;
    }
    metrics.queued.fetch_add(1);
    return Status::Ok;
  }
private:
  EventQueue events;
  Metrics metrics;
};

// A Boost.Lockfree queue without a fixed size allocates a node instead of
// failing (found on vit-vit/CTPL, whose pool pushes to one): its push is an
// unbounded-queue-growth matter, not a silent drop; bounded_push can fail.
void growable(boost::lockfree::queue<Event *> &q,
              boost::lockfree::queue<Event, boost::lockfree::fixed_sized<true>> &fixed,
              Event *e) {
  q.push(e);
  q.bounded_push(e);
  // CHECK: :[[@LINE-1]]:5: warning: result of 'bounded_push' is discarded
  fixed.push(*e);
  // CHECK: :[[@LINE-1]]:9: warning: result of 'push' is discarded
}

// A push that always returns true cannot fail (found on vit-vit/CTPL's
// ctpl_stl.h, whose Queue::push returns true after an unbounded push).
template <typename T> class LockedQueue {
public:
  bool push(const T &value) {
    items.push(value);
    return true;
  }
private:
  std::queue<T> items;
};
void alwaysTrue(LockedQueue<Event> &q, const Event &e) { q.push(e); }

// Generic code whose queue type is a template argument is judged at its
// concrete uses (found on moodycamel's benchmarks, whose wrappers have dummy
// enqueue overloads returning false).
struct DummyQueue {
  bool enqueue(int) { return false; }
};
template <typename Q> void runBenchmark(Q &q) {
  for (int i = 0; i < 100; ++i)
    q.enqueue(i);
}
void benchmarks(DummyQueue &q) { runBenchmark(q); }

bool handled(rigtorp::SPSCQueue<Event> &q, boost::lockfree::queue<Event> &lf,
             tbb::concurrent_bounded_queue<Event> &bounded,
             rigtorp::MPMCQueue<Event> &rig, std::queue<Event> &plain,
             std::map<int, Event> &byId, const Event &e, int &dropped) {
  // Passing the result on.
  bool ok = q.try_push(e);
  if (!lf.push(e))
    ++dropped;
  if (!lf.bounded_push(e))
    log("event queue full");
  if (q.try_push(e))
    return true;
  // A deliberate (void) cast is allowed by default.
  (void)q.try_push(e);
  // Spinning until there is room drops nothing.
  while (!q.try_push(e)) {
  }
  // Blocking pushes cannot fail.
  bounded.push(e);
  rig.push(e);
  plain.push(e);
  // try_emplace on a map is not an enqueue.
  byId.try_emplace(1, e);
  if (!q.try_push(e))
    throw Status::QueueFull;
  return ok && lf.push(e);
}
