// A project queue's push called only from template code that nothing
// instantiates has no body in its class's specialization: the class
// template's body decides whether it can fail.
// RUN: %check_both %s unbounded-silent-drop -- -std=c++17 %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <functional>
#include <mutex>
#include <queue>

namespace detail {
// Always succeeds: discarding its result drops nothing.
template <class T> class WorkQueue {
public:
  bool push(const T &value) {
    std::lock_guard<std::mutex> lock(mutex_);
    items_.push(value);
    return true;
  }

private:
  std::mutex mutex_;
  std::queue<T> items_;
};

// Refuses when full.
template <class T> class RingQueue {
public:
  bool push(const T &value) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (items_.size() >= limit_)
      return false;
    items_.push(value);
    return true;
  }

private:
  std::mutex mutex_;
  std::queue<T> items_;
  unsigned limit_ = 128;
};
} // namespace detail

class Executor {
public:
  // ---- Negative: the push cannot fail.
  template <class F> void run(F &&f) {
    auto *job = new std::function<void()>(std::forward<F>(f));
    jobs_.push(job);
  }

  // ---- Positive: the push refuses when full and the refusal is dropped.
  template <class F> void post(F &&f) {
    auto *job = new std::function<void()>(std::forward<F>(f));
    ring_.push(job);
    // CHECK: :[[@LINE-1]]:11: warning: result of 'push' is discarded: when the queue is full the item is dropped and nobody is told; count the drop and return an error to the caller [unbounded-silent-drop]
    // CHECK-NEXT: :32:7: note: 'detail::RingQueue::push' returns false here, when it is full
  }

private:
  detail::WorkQueue<std::function<void()> *> jobs_;
  detail::RingQueue<std::function<void()> *> ring_;
};

// A pool template whose own queue type spells its calls `Size()` and
// `Push()`; the refusal is dropped on every read event.
template <class T> class Ring {
public:
  int Size() const;
  void Push(T item);
};
template <class T> class TaskPool {
public:
  bool AppendTask(T task);

private:
  static const int max_requests_ = 10000;
  Ring<T> requests_;
};
template <class T> bool TaskPool<T>::AppendTask(T task) {
  if (requests_.Size() >= max_requests_)
    return false;
  requests_.Push(task);
  return true;
}
struct Connection {};
void onReadable(TaskPool<Connection *> &pool, Connection *conn) {
  pool.AppendTask(conn);
  // CHECK: :[[@LINE-1]]:8: warning: result of 'AppendTask' is discarded: when the queue is full the item is dropped and nobody is told
  // CHECK-NEXT: :[[@LINE-8]]:5: note: 'TaskPool::AppendTask' returns false here, when it is full
}

// A server template whose pool is a `TaskPool<C> *` of its own parameter,
// defined in a file that never instantiates it: the call names the class
// template's method, which takes that many arguments. The overload that
// always succeeds is quiet.
template <class C> class Server {
public:
  void onRead(C *conn, int state) {
    pool_->AppendTask(conn);
    // CHECK: :[[@LINE-1]]:5: warning: result of 'AppendTask' is discarded: when the queue is full the item is dropped and nobody is told
    // CHECK-NEXT: :82:5: note: 'TaskPool::AppendTask' returns false here, when it is full
    log_->Append(conn, state);
  }

private:
  TaskPool<C *> *pool_;
  struct Log {
    bool Append(C *conn, int state) { return true; }
  };
  Log *log_;
};
