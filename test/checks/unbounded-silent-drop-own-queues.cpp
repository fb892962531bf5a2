// The project's own fallible enqueues: a method of any name that returns
// false when a size comparison says it is full, and the functions that
// return its result. Discarding that result, or branching on it and doing
// nothing, drops the item silently. Enqueues that cannot fail, checks that
// are not enqueues, and handled failures stay quiet.
// RUN: %check_both %s unbounded-silent-drop -- -std=c++17 %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <deque>
#include <mutex>

struct Task { int id; };

class WorkerPool {
public:
  bool append(Task *t) {
    std::lock_guard<std::mutex> lock(m_);
    if (work_.size() >= max_)
      return false;
    work_.push_back(t);
    return true;
  }
  // A wrapper that hands the result on.
  bool submit(Task *t) { return append(t); }
  // Cannot fail: nothing to drop.
  bool add(Task *t) {
    work_.push_back(t);
    return true;
  }
  // Not an enqueue: compares a size, stores nothing.
  bool hasRoom(Task *t) const { return work_.size() < max_ && t; }

private:
  std::mutex m_;
  std::deque<Task *> work_;
  unsigned max_ = 10000;
};

// A ring buffer that refuses when full.
class Ring {
public:
  bool put(int v) {
    if (count_ == 64) {
      return false;
    }
    slots_[tail_] = v;
    tail_ = (tail_ + 1) % 64;
    ++count_;
    return true;
  }
private:
  int slots_[64];
  unsigned tail_ = 0, count_ = 0;
};

int dropped = 0;

void onReadable(WorkerPool &pool, Task *t) {
  pool.append(t);
  // CHECK: :[[@LINE-1]]:8: warning: result of 'append' is discarded: when the queue is full the item is dropped and nobody is told; count the drop and return an error to the caller [unbounded-silent-drop]
  // CHECK-NEXT: :[[@LINE-42]]:7: note: 'WorkerPool::append' returns false here, when it is full
  if (!pool.submit(t)) {
  }
  // CHECK: :[[@LINE-2]]:13: warning: failure of 'submit' is not handled: the branch taken when the queue is full does nothing observable, so the item is dropped silently; count the drop, log it or return an error to the caller [unbounded-silent-drop]
  // CHECK-NEXT: :[[@LINE-41]]:33: note: 'WorkerPool::submit' returns the result of 'WorkerPool::append'
  // CHECK-NEXT: :[[@LINE-47]]:7: note: 'WorkerPool::append' returns false here, when it is full
}

void sample(Ring &ring, int v) {
  ring.put(v);
  // CHECK: :[[@LINE-1]]:8: warning: result of 'put' is discarded
  // CHECK-NEXT: :[[@LINE-28]]:7: note: 'Ring::put' returns false here, when it is full
}

// ---- Negatives ---------------------------------------------------------------

bool forward(WorkerPool &pool, Task *t) {
  if (!pool.append(t)) {
    ++dropped;
    return false;
  }
  pool.add(t);
  pool.hasRoom(t);
  return pool.submit(t);
}

// Not an enqueue that refuses when full: the size is what the write is
// given, and the comparison tests whether the write failed.
struct Sink {
  long write(const char *data, unsigned len);
};
bool sendFrame(Sink &sink, std::deque<char> &log, const char *data,
               unsigned len) {
  log.push_back(data[0]);
  if (sink.write(data, len) < 0)
    return false;
  return true;
}

// A refusal inside a lambda leaves the lambda, not the function; nor is
// the lambda's `return append(...)` this function's result.
bool serveOnce(WorkerPool &pool, Task *t) {
  auto offer = [&] { return pool.append(t); };
  auto check = [&](std::deque<int> &q) {
    if (q.size() > 8)
      return false;
    q.push_back(1);
    return true;
  };
  (void)offer;
  (void)check;
  return true;
}

void onConnection(WorkerPool &pool, Sink &sink, std::deque<char> &log,
                  Task *t) {
  sendFrame(sink, log, "x", 1);
  serveOnce(pool, t);
}

// A full queue that throws tells the caller; the `return false` after the
// throw never runs, so the discarded result drops nothing.
struct ThrowingQueue {
  bool append(Task *t);
  std::deque<Task *> work_;
  unsigned max_ = 64;
};
struct QueueFull {};
bool ThrowingQueue::append(Task *t) {
  if (work_.size() >= max_) {
    throw QueueFull{};
    return false;
  }
  work_.push_back(t);
  return true;
}

void onRead(ThrowingQueue &queue, Task *t) { queue.append(t); }
