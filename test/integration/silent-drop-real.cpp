// unbounded-silent-drop against the real Boost.Lockfree, oneTBB and
// moodycamel headers: fallible enqueues matched on their real declarations.
// RUN: %check_both %s unbounded-silent-drop -- -std=c++17 -pthread \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <atomic>
#include <boost/lockfree/queue.hpp>
#include <boost/lockfree/spsc_queue.hpp>
#include <concurrentqueue/blockingconcurrentqueue.h>
#include <concurrentqueue/concurrentqueue.h>
#include <map>
#include <tbb/concurrent_queue.h>

struct Event {
  int id;
};
std::atomic<unsigned long> dropped{0};

void silent(boost::lockfree::queue<Event, boost::lockfree::capacity<1024>> &fixed,
            boost::lockfree::queue<Event> &growable,
            boost::lockfree::spsc_queue<Event> &spsc,
            tbb::concurrent_bounded_queue<Event> &bounded,
            moodycamel::ConcurrentQueue<Event> &moody,
            moodycamel::BlockingConcurrentQueue<Event> &blocking, const Event &e) {
  fixed.push(e);
  // CHECK: :[[@LINE-1]]:9: warning: result of 'push' is discarded: when the queue is full the item is dropped and nobody is told; count the drop and return an error to the caller [unbounded-silent-drop]
  growable.bounded_push(e);
  // CHECK: :[[@LINE-1]]:12: warning: result of 'bounded_push' is discarded
  spsc.push(e);
  // CHECK: :[[@LINE-1]]:8: warning: result of 'push' is discarded
  bounded.try_push(e);
  // CHECK: :[[@LINE-1]]:11: warning: result of 'try_push' is discarded
  if (!moody.try_enqueue(e)) {
    // CHECK: :[[@LINE-1]]:14: warning: failure of 'try_enqueue' is not handled
  }
  if (blocking.try_enqueue(e))
    // CHECK: :[[@LINE-1]]:16: warning: failure of 'try_enqueue' is not handled
    dropped.fetch_sub(0);
}

bool handled(boost::lockfree::queue<Event> &growable,
             tbb::concurrent_bounded_queue<Event> &bounded,
             moodycamel::ConcurrentQueue<Event> &moody,
             std::map<int, Event> &byId, const Event &e) {
  growable.push(e);  // allocates a node instead of failing
  bounded.push(e);   // blocks until there is room
  byId.try_emplace(1, e);
  if (!bounded.try_push(e))
    dropped.fetch_add(1);
  (void)moody.try_enqueue(e);
  moody.enqueue(e);  // allocates rather than fails: unbounded-queue-growth's
  return moody.try_enqueue(e);
}
