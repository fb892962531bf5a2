// A connection pool's release path returns a borrowed item to the queue its
// acquire took it from: the queue never holds more than the pool created.
// A queue whose items come from the callers still grows.
// RUN: %check_both %s unbounded-queue-growth -- -std=c++17 %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <concurrentqueue/concurrentqueue.h>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <queue>
#include <semaphore.h>
#include <utility>
#include <vector>

struct Connection {};
Connection *connect();

// ---- Negatives ----------------------------------------------------------------

class ConnectionPool {
public:
  explicit ConnectionPool(int size) {
    sem_init(&available_, 0, size);
    for (int i = 0; i < size; ++i)
      pool_.push(connect());
  }
  Connection *acquire() {
    sem_wait(&available_);
    std::lock_guard<std::mutex> lock(mutex_);
    Connection *conn = pool_.front();
    pool_.pop();
    return conn;
  }
  void release(Connection *conn) {
    std::lock_guard<std::mutex> lock(mutex_);
    pool_.push(conn);
    sem_post(&available_);
  }

private:
  std::mutex mutex_;
  sem_t available_;
  std::queue<Connection *> pool_;
};

// Filled by a loop in an init method rather than the constructor.
class SessionPool {
public:
  void open(int size) {
    for (int i = 0; i < size; ++i)
      idle_.push_back(connect());
  }
  Connection *take() {
    std::lock_guard<std::mutex> lock(mutex_);
    Connection *c = idle_.back();
    idle_.pop_back();
    return c;
  }
  void giveBack(Connection *c) {
    std::lock_guard<std::mutex> lock(mutex_);
    idle_.push_back(std::move(c));
  }

private:
  std::mutex mutex_;
  std::vector<Connection *> idle_;
};

// The release is the deleter of the shared_ptr that lends the front.
class LendingPool {
public:
  std::shared_ptr<Connection> get() {
    std::unique_lock<std::mutex> lock(mutex_);
    ready_.wait(lock, [this] { return !idle_.empty(); });
    std::shared_ptr<Connection> c(idle_.front(), [this](Connection *p) {
      std::lock_guard<std::mutex> back(mutex_);
      idle_.push(p);
      ready_.notify_one();
    });
    idle_.pop();
    return c;
  }

private:
  std::mutex mutex_;
  std::condition_variable ready_;
  std::queue<Connection *> idle_;
};

// A lock-free pool refilled by a generator loop and returned to by recover.
class LockFreePool {
public:
  void generate() {
    for (;;) {
      sem_wait(&needed_);
      Connection *fresh = connect();
      idle_.enqueue(fresh);
      sem_post(&ready_);
    }
  }
  Connection *get() {
    sem_wait(&ready_);
    Connection *c = nullptr;
    while (!idle_.try_dequeue(c)) {
    }
    return c;
  }
  void recover(Connection *c) {
    idle_.enqueue(c);
    sem_post(&ready_);
  }

private:
  moodycamel::ConcurrentQueue<Connection *> idle_;
  sem_t needed_;
  sem_t ready_;
};

// A pool of one per process: the queue is a static member, filled by a
// generator loop of new connections (one per free slot), and the release
// path puts back what the acquire took.
class SharedPool {
public:
  static void fill() {
    while (true) {
      sem_wait(&slots_);
      idle_.enqueue(connect());
    }
  }
  static Connection *borrow() {
    Connection *c = nullptr;
    while (!idle_.try_dequeue(c)) {
    }
    return c;
  }
  static void giveBack(Connection *c) { idle_.enqueue(c); }

private:
  static moodycamel::ConcurrentQueue<Connection *> idle_;
  static sem_t slots_;
};

// Filled by inserting a batch the pool made, all at once.
class BatchPool {
public:
  void grow(int n) {
    std::vector<Connection *> made;
    for (int i = 0; i < n; ++i)
      made.push_back(connect());
    std::lock_guard<std::mutex> lock(mutex_);
    idle_.insert(idle_.end(), made.begin(), made.end());
  }
  Connection *take() {
    std::lock_guard<std::mutex> lock(mutex_);
    Connection *c = idle_.back();
    idle_.pop_back();
    return c;
  }
  void put(Connection *c) {
    std::lock_guard<std::mutex> lock(mutex_);
    idle_.push_back(c);
  }

private:
  std::mutex mutex_;
  std::vector<Connection *> idle_;
};

// A pool template whose constructor makes each connection and hands it to
// its own add(), which pushes it; return_() puts a borrowed one back.
template <typename C> class TemplatePool {
public:
  explicit TemplatePool(unsigned size) {
    while (size--) {
      auto made = make();
      this->add(made);
    }
  }
  std::shared_ptr<C> take() {
    std::unique_lock<std::mutex> lock(mutex_);
    ready_.wait(lock, [this] { return !idle_.empty(); });
    auto c = idle_.back();
    idle_.pop_back();
    return c;
  }
  void return_(std::shared_ptr<C> c) {
    std::unique_lock<std::mutex> lock(mutex_);
    idle_.push_back(c);
    ready_.notify_one();
  }

private:
  std::shared_ptr<C> make() { return std::make_shared<C>(); }
  void add(std::shared_ptr<C> c) { idle_.push_back(c); }
  std::mutex mutex_;
  std::condition_variable ready_;
  std::vector<std::shared_ptr<C>> idle_;
};
TemplatePool<Connection> templatePool(4);

// Each connection the pool makes carries a deleter that wraps the raw
// pointer again and puts it back; open() fills the queue with a loop.
class RewrappingPool {
public:
  void open(int size) {
    for (int i = 0; i < size; ++i)
      idle_.push(make());
  }
  std::shared_ptr<Connection> get() {
    std::unique_lock<std::mutex> lock(mutex_);
    ready_.wait(lock, [this] { return !idle_.empty(); });
    auto c = idle_.front();
    idle_.pop();
    return c;
  }

private:
  std::shared_ptr<Connection> make() {
    return std::shared_ptr<Connection>(connect(), [this](Connection *raw) {
      std::lock_guard<std::mutex> lock(mutex_);
      idle_.push(std::shared_ptr<Connection>(raw));
      ready_.notify_all();
    });
  }
  std::mutex mutex_;
  std::condition_variable ready_;
  std::queue<std::shared_ptr<Connection>> idle_;
};

// An init method that fills the pool under its lock, a counted number of
// connections it makes itself.
class LockedInitPool {
public:
  void init(int count) {
    std::lock_guard<std::mutex> lock(mutex_);
    for (int i = 0; i < count; ++i) {
      Connection *conn = connect();
      if (conn)
        idle_.push(conn);
    }
  }
  Connection *get() {
    std::lock_guard<std::mutex> lock(mutex_);
    Connection *c = idle_.front();
    idle_.pop();
    return c;
  }

private:
  std::mutex mutex_;
  std::queue<Connection *> idle_;
};

// A free list of the pool's own workers: a finished worker puts itself back
// by its index into the pool's container.
struct Worker {};
class WorkerPool {
public:
  void spawn(int count) {
    for (int i = 0; i < count; ++i)
      workers_.push_back(std::make_unique<Worker>());
    for (auto &w : workers_)
      free_.push_back(w.get());
  }
  Worker *take() {
    std::lock_guard<std::mutex> lock(mutex_);
    Worker *w = free_.back();
    free_.pop_back();
    return w;
  }
  void release(std::size_t id) {
    std::lock_guard<std::mutex> lock(mutex_);
    free_.push_back(workers_[id].get());
  }

private:
  std::mutex mutex_;
  std::vector<std::unique_ptr<Worker>> workers_;
  std::vector<Worker *> free_;
};

// ---- Positives ----------------------------------------------------------------

// The same shape with nothing created by the pool: every item comes from a
// caller, so this is a producer/consumer queue with no bound.
class Mailbox {
public:
  void post(Connection *conn) {
    std::lock_guard<std::mutex> lock(mutex_);
    queue_.push(conn);
    // CHECK: :[[@LINE-1]]:12: warning: queue 'queue_' grows without bound: this push holds the queue's lock but never compares its size with a limit or waits for space
    // CHECK-NEXT: :[[@LINE+11]]:28: note: 'queue_' is declared here with no capacity
  }
  Connection *receive() {
    std::lock_guard<std::mutex> lock(mutex_);
    Connection *c = queue_.front();
    queue_.pop();
    return c;
  }

private:
  std::mutex mutex_;
  std::queue<Connection *> queue_;
};

// A deleter that pushes into another queue than the one it lends from.
class Leaky {
public:
  std::shared_ptr<Connection> get() {
    std::lock_guard<std::mutex> lock(mutex_);
    std::shared_ptr<Connection> c(connect(), [this](Connection *p) {
      std::lock_guard<std::mutex> back(mutex_);
      retired_.push(p);
      // CHECK: :[[@LINE-1]]:16: warning: queue 'retired_' grows without bound
      // CHECK-NEXT: :[[@LINE+13]]:28: note: 'retired_' is declared here with no capacity
    });
    return c;
  }
  Connection *reuse() {
    std::lock_guard<std::mutex> lock(mutex_);
    Connection *c = retired_.front();
    retired_.pop();
    return c;
  }

private:
  std::mutex mutex_;
  std::queue<Connection *> retired_;
};

// put() and add() push what their callers give them (add() without the lock
// the consumer takes), and nothing of the pool's own
// making goes in: a call of add() with a caller's item is not a fill.
class Inbox {
public:
  void forward(std::shared_ptr<Connection> c) { this->add(c); }
  void put(std::shared_ptr<Connection> c) {
    std::lock_guard<std::mutex> lock(mutex_);
    items_.push_back(c);
    // CHECK: :[[@LINE-1]]:12: warning: queue 'items_' grows without bound
    // CHECK-NEXT: :[[@LINE+14]]:44: note: 'items_' is declared here with no capacity
  }
  std::shared_ptr<Connection> next() {
    std::lock_guard<std::mutex> lock(mutex_);
    auto c = items_.back();
    items_.pop_back();
    return c;
  }

private:
  void add(std::shared_ptr<Connection> c) { items_.push_back(c); }
  // CHECK: :[[@LINE-1]]:52: warning: queue 'items_' grows without bound: its consumer takes a lock but this push takes none, and never compares its size with a limit or waits for space
  // CHECK-NEXT: :[[@LINE+2]]:44: note: 'items_' is declared here with no capacity
  std::mutex mutex_;
  std::vector<std::shared_ptr<Connection>> items_;
};

// A deleter that wraps the pointer again, into a queue the class never
// fills with connections of its own.
class Graveyard {
public:
  std::shared_ptr<Connection> lend() {
    return std::shared_ptr<Connection>(connect(), [this](Connection *raw) {
      std::lock_guard<std::mutex> lock(mutex_);
      dead_.push(std::shared_ptr<Connection>(raw));
      // CHECK: :[[@LINE-1]]:13: warning: queue 'dead_' grows without bound
      // CHECK-NEXT: :[[@LINE+12]]:43: note: 'dead_' is declared here with no capacity
    });
  }
  std::shared_ptr<Connection> revive() {
    std::lock_guard<std::mutex> lock(mutex_);
    auto c = dead_.front();
    dead_.pop();
    return c;
  }

private:
  std::mutex mutex_;
  std::queue<std::shared_ptr<Connection>> dead_;
};

// One item made per element of what each caller sends: growth per request.
struct Part {};
Connection *open(const Part &part);
class Fanout {
public:
  void submit(const std::vector<Part> &parts) {
    std::lock_guard<std::mutex> lock(mutex_);
    for (const Part &part : parts)
      pending_.push(open(part));
    // CHECK: :[[@LINE-1]]:16: warning: queue 'pending_' grows without bound: this push holds the queue's lock
    // CHECK-NEXT: :[[@LINE+11]]:28: note: 'pending_' is declared here with no capacity
  }
  Connection *next() {
    std::lock_guard<std::mutex> lock(mutex_);
    Connection *c = pending_.front();
    pending_.pop();
    return c;
  }

private:
  std::mutex mutex_;
  std::queue<Connection *> pending_;
};

// A counted loop inside an endless one runs once per event: no fill.
int waitEvents(int *ready, int max);
class EventQueue {
public:
  void poll() {
    int ready[64];
    for (;;) {
      int n = waitEvents(ready, 64);
      std::lock_guard<std::mutex> lock(mutex_);
      for (int i = 0; i < n; ++i)
        events_.push(new int(ready[i]));
      // CHECK: :[[@LINE-1]]:17: warning: queue 'events_' grows without bound: this push holds the queue's lock
      // CHECK-NEXT: :[[@LINE+12]]:21: note: 'events_' is declared here with no capacity
    }
  }
  int *next() {
    std::lock_guard<std::mutex> lock(mutex_);
    int *e = events_.front();
    events_.pop();
    return e;
  }

private:
  std::mutex mutex_;
  std::queue<int *> events_;
};

// An object pool that makes a new object when it is empty and takes the
// returned ones back: it never holds more than were lent at once.
template <class T> class ObjectPool {
public:
  T *acquire() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (free_.empty())
      return new T();
    T *item = free_.back();
    free_.pop_back();
    return item;
  }
  void release(T *item) {
    std::lock_guard<std::mutex> lock(mutex_);
    free_.push_back(item);
  }

private:
  std::mutex mutex_;
  std::vector<T *> free_;
};

struct Buffer {};
void useBuffer(ObjectPool<Buffer> &pool) {
  Buffer *b = pool.acquire();
  pool.release(b);
}
