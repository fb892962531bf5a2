// Pushes in a template's body that nothing in the translation unit
// instantiates (a header-only pool) are judged on the body as written;
// once something instantiates it, the instantiation is judged, once. A lock
// is whatever holds one for its scope, whatever the class is called.
// `this->member.push(...)` in a class template's own body is found on every
// major (Clang 16 leaves `this->member` as a dependent member access).
// RUN: %check_both %s unbounded-queue-growth -- -std=c++17 %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:" \
// RUN:     --check-prefixes=CHECK,THIS

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <queue>
#include <utility>
#include <vector>

using Job = std::function<void()>;

// ---- Positives ---------------------------------------------------------------

// A member template of a plain class: the queue's type is known, the pushed
// value depends on the template parameter.
class Workers {
public:
  template <class F> void submit(F &&f) {
    std::lock_guard<std::mutex> lock(mutex_);
    jobs_.emplace(std::forward<F>(f));
    // CHECK: :[[@LINE-1]]:11: warning: queue 'jobs_' grows without bound: this push holds the queue's lock but never compares its size with a limit or waits for space; bound the queue
    // CHECK-NEXT: :[[@LINE+12]]:19: note: 'jobs_' is declared here with no capacity
    ready_.notify_one();
  }
  void run() {
    std::lock_guard<std::mutex> lock(mutex_);
    Job next = std::move(jobs_.front());
    jobs_.pop();
  }

private:
  std::mutex mutex_;
  std::condition_variable ready_;
  std::queue<Job> jobs_;
};

// A class template: the queue's own type depends on the parameter.
template <class T> class SharedQueue {
public:
  bool put(const T &value) {
    std::unique_lock<std::mutex> lock(this->mutex_);
    this->items_.push(value);
    // THIS: :[[@LINE-1]]:18: warning: queue 'items_' grows without bound: this push holds the queue's lock
    // THIS-NEXT: :[[@LINE+14]]:17: note: 'items_' is declared here with no capacity
    return true;
  }
  bool take(T &value) {
    std::unique_lock<std::mutex> lock(this->mutex_);
    if (this->items_.empty())
      return false;
    value = this->items_.front();
    this->items_.pop();
    return true;
  }

private:
  std::mutex mutex_;
  std::queue<T> items_;
};

// A queue whose kind a template parameter chooses: a queue either way.
template <bool Prioritized> class Scheduler {
public:
  void add(int job) {
    std::lock_guard<std::mutex> lock(mutex_);
    jobs_.push(job);
    // CHECK: :[[@LINE-1]]:11: warning: queue 'jobs_' grows without bound: this push holds the queue's lock
    // CHECK-NEXT: :[[@LINE+10]]:7: note: 'jobs_' is declared here with no capacity
  }
  void next() {
    std::lock_guard<std::mutex> lock(mutex_);
    jobs_.pop();
  }

private:
  std::mutex mutex_;
  std::conditional_t<Prioritized, std::priority_queue<int>, std::queue<int>>
      jobs_;
};

// The project's own scoped lock, named neither lock nor guard.
struct RawMutex;
void raw_mutex_lock(RawMutex *m);
void raw_mutex_unlock(RawMutex *m);
class Critical {
public:
  explicit Critical(RawMutex *m) : m_(m) { raw_mutex_lock(m_); }
  ~Critical() { raw_mutex_unlock(m_); }

private:
  RawMutex *m_;
};

class Mailbox {
public:
  void post(void *message) {
    Critical section(raw_);
    messages_.push(message);
    // CHECK: :[[@LINE-1]]:15: warning: queue 'messages_' grows without bound
    // CHECK-NEXT: :[[@LINE+11]]:22: note: 'messages_' is declared here with no capacity
  }
  void *receive() {
    Critical section(raw_);
    void *m = messages_.front();
    messages_.pop();
    return m;
  }

private:
  RawMutex *raw_;
  std::queue<void *> messages_;
};

// Instantiated below: reported once, at the push, not once more for the
// template's own body.
class Dispatcher {
public:
  template <class F> void dispatch(F f) {
    std::lock_guard<std::mutex> lock(mutex_);
    pending_.push_back(Job(f));
    // CHECK: :[[@LINE-1]]:14: warning: queue 'pending_' grows without bound
    // CHECK-NEXT: :[[@LINE+10]]:19: note: 'pending_' is declared here with no capacity
    // CHECK-NEXT: :[[@LINE+13]]:3: note: an item is pushed through this call to 'Dispatcher::dispatch'
  }
  void drain() {
    std::lock_guard<std::mutex> lock(mutex_);
    pending_.pop_front();
  }

private:
  std::mutex mutex_;
  std::deque<Job> pending_;
};

void dispatchOne(Dispatcher &d) {
  d.dispatch([] {});
  // CHECK: :[[@LINE-1]]:3: warning: 'Dispatcher::dispatch' pushes this call's item onto queue 'pending_', which grows without bound
  // CHECK-NEXT: :129:14: note: 'Dispatcher::dispatch' pushes onto 'pending_' here
}

// ---- Negatives ----------------------------------------------------------------

// An uninstantiated template that refuses when full.
template <class T> class BoundedQueue {
public:
  bool offer(const T &value) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (items_.size() >= capacity_)
      return false;
    items_.push(value);
    return true;
  }
  void poll() {
    std::lock_guard<std::mutex> lock(mutex_);
    items_.pop();
  }

private:
  std::mutex mutex_;
  std::queue<T> items_;
  unsigned capacity_ = 64;
};

// An uninstantiated pool whose release path returns what acquire took.
template <class Conn> class Pool {
public:
  explicit Pool(int size) {
    for (int i = 0; i < size; ++i)
      idle_.push_back(new Conn());
  }
  Conn *acquire() {
    std::lock_guard<std::mutex> lock(mutex_);
    Conn *c = idle_.back();
    idle_.pop_back();
    return c;
  }
  void release(Conn *c) {
    std::lock_guard<std::mutex> lock(mutex_);
    idle_.push_back(c);
  }

private:
  std::mutex mutex_;
  std::vector<Conn *> idle_;
};

// A rotation in a template nothing instantiates: the front goes to the
// back under one lock, the size never changes.
template <class T> class RotatingQueue {
public:
  T rotate() {
    std::lock_guard<std::mutex> lock(mutex_);
    T front = items_.front();
    items_.pop_front();
    items_.push_back(front);
    return front;
  }
  T take() {
    std::lock_guard<std::mutex> lock(mutex_);
    T front = items_.front();
    items_.pop_front();
    return front;
  }

private:
  std::mutex mutex_;
  std::deque<T> items_;
};

// A scoped helper that takes no lock does not make the queue shared.
class Stopwatch {
public:
  explicit Stopwatch(const char *label) : label_(label) {}

private:
  const char *label_;
};

class Trace {
public:
  void record(int event) {
    Stopwatch timing("record");
    events_.push(event);
  }
  void flush() { events_.pop(); }

private:
  std::queue<int> events_;
};
