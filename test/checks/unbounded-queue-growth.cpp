// Producer/consumer queues that grow without bound: containers shared
// between threads under a lock, and unbounded concurrent queues, whose
// producers push with no limit and no wait for space.
// RUN: %check_both %s unbounded-queue-growth -- -std=c++17 %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <atomic>
#include <condition_variable>
#include <boost/lockfree/queue.hpp>
#include <concurrentqueue/blockingconcurrentqueue.h>
#include <concurrentqueue/concurrentqueue.h>
#include <deque>
#include <functional>
#include <list>
#include <map>
#include <mutex>
#include <pthread.h>
#include <queue>
#include <semaphore>
#include <tbb/concurrent_queue.h>
#include <thread>
#include <utility>
#include <vector>

using Task = std::function<void()>;
struct Event {
  int id;
};

// ---- Positives ---------------------------------------------------------------

// The classic case: a hand-written thread pool whose enqueue always pushes.
class ThreadPool {
public:
  void enqueue(Task task) {
    {
      std::unique_lock<std::mutex> lock(mutex);
      if (stop)
        return;
      tasks.emplace(std::move(task));
      // CHECK: :[[@LINE-1]]:13: warning: queue 'tasks' grows without bound: this push holds the queue's lock but never compares its size with a limit or waits for space; bound the queue and report rejection to the caller (return an error, count the drop) so a slow consumer shows up as backpressure, not as memory growth [unbounded-queue-growth]
      // CHECK-NEXT: :[[@LINE+19]]:20: note: 'tasks' is declared here with no capacity
    }
    ready.notify_one();
  }

private:
  void worker() {
    for (;;) {
      std::unique_lock<std::mutex> lock(mutex);
      ready.wait(lock, [this] { return stop || !tasks.empty(); });
      if (stop && tasks.empty())
        return;
      Task task = std::move(tasks.front());
      tasks.pop();
      task();
    }
  }
  std::mutex mutex;
  std::condition_variable ready;
  std::queue<Task> tasks;
  bool stop = false;
};

// Case study 2 with no capacity at all: events pile up while the consumer lags.
class EventLog {
public:
  void append(const Event &e) {
    mu.lock();
    events.push_back(e);
    // CHECK: :[[@LINE-1]]:12: warning: queue 'events' grows without bound: this push holds the queue's lock
    // CHECK-NEXT: :[[@LINE+12]]:22: note: 'events' is declared here with no capacity
    mu.unlock();
  }
  std::vector<Event> drain() {
    std::lock_guard<std::mutex> lock(mu);
    std::vector<Event> batch;
    std::swap(batch, events);
    return batch;
  }

private:
  std::mutex mu;
  std::vector<Event> events;
};

// A std::list and a std::deque used as FIFOs, pushed at both ends.
struct Mailboxes {
  std::mutex m;
  std::list<int> inbox;
  std::deque<int> urgent;
  void post(int message) {
    std::lock_guard<std::mutex> lock(m);
    inbox.push_back(message);
    // CHECK: :[[@LINE-1]]:11: warning: queue 'inbox' grows without bound
    // CHECK-NEXT: :[[@LINE-6]]:18: note: 'inbox' is declared here with no capacity
    urgent.push_front(message);
    // CHECK: :[[@LINE-1]]:12: warning: queue 'urgent' grows without bound
    // CHECK-NEXT: :[[@LINE-8]]:19: note: 'urgent' is declared here with no capacity
  }
  int take() {
    std::lock_guard<std::mutex> lock(m);
    int first = inbox.front();
    inbox.pop_front();
    urgent.pop_front();
    return first;
  }
};

// Inherently unbounded concurrent queues used as work queues.
tbb::concurrent_queue<Task> work;
moodycamel::ConcurrentQueue<Event> incoming;
moodycamel::BlockingConcurrentQueue<Event> blockingIncoming;
void submit(Task t, const Event &e) {
  work.push(std::move(t));
  // CHECK: :[[@LINE-1]]:8: warning: queue 'work' grows without bound: 'concurrent_queue' has no capacity and nothing compares its size with a limit before this 'push'; bound the queue
  // CHECK-NEXT: :[[@LINE-6]]:29: note: 'work' is declared here with no capacity
  incoming.enqueue(e);
  // CHECK: :[[@LINE-1]]:12: warning: queue 'incoming' grows without bound: 'ConcurrentQueue' has no capacity and nothing compares its size with a limit before this 'enqueue'
  // CHECK-NEXT: :[[@LINE-8]]:36: note: 'incoming' is declared here with no capacity
  blockingIncoming.enqueue(e);
  // CHECK: :[[@LINE-1]]:20: warning: queue 'blockingIncoming' grows without bound: 'BlockingConcurrentQueue' has no capacity
  // CHECK-NEXT: :[[@LINE-10]]:44: note: 'blockingIncoming' is declared here with no capacity
}

// A Boost.Lockfree queue without a fixed size allocates a node per push
// (vit-vit/CTPL's pool queue); a fixed-size one fails instead.
class LockfreePool {
public:
  void push(Task *t) {
    q.push(t);
    // CHECK: :[[@LINE-1]]:7: warning: queue 'q' grows without bound: 'queue' has no capacity and nothing compares its size with a limit before this 'push'
    // CHECK-NEXT: :[[@LINE+5]]:34: note: 'q' is declared here with no capacity
    (void)fixed.push(t);
  }

private:
  boost::lockfree::queue<Task *> q;
  boost::lockfree::queue<Task *, boost::lockfree::capacity<128>> fixed;
};

// ---- Negatives ---------------------------------------------------------------

// A size check that rejects: the bounded pool of the fixed examples.
class BoundedPool {
public:
  bool try_submit(Task task) {
    std::lock_guard<std::mutex> lock(mutex);
    if (stopping || tasks.size() >= capacity)
      return false;
    tasks.push_back(std::move(task));
    return true;
  }
  // The fixed EventProcessor: 10,000 slots, ErrQueueFull and a drop counter.
  enum Status { Ok, QueueFull };
  Status queue(Task task) {
    std::lock_guard<std::mutex> lock(mutex);
    if (tasks.size() == 10000) {
      dropped.fetch_add(1);
      return QueueFull;
    }
    tasks.push_back(std::move(task));
    return Ok;
  }
  // Guarded by the comparison itself.
  void offer(Task task) {
    std::lock_guard<std::mutex> lock(mutex);
    if (tasks.size() < capacity)
      tasks.push_back(std::move(task));
  }
  Task take() {
    std::lock_guard<std::mutex> lock(mutex);
    Task t = std::move(tasks.front());
    tasks.pop_front();
    return t;
  }

private:
  std::mutex mutex;
  std::deque<Task> tasks;
  std::size_t capacity = 1024;
  std::atomic<unsigned long> dropped{0};
  bool stopping = false;
};

// Producers that wait on a not-full condition.
class BlockingQueue {
public:
  void put(int v) {
    std::unique_lock<std::mutex> lock(m);
    notFull.wait(lock, [this] { return items.size() < maxItems; });
    items.push(v);
  }
  void putWhenRoom(int v) {
    std::unique_lock<std::mutex> lock(m);
    while (full())
      notFull.wait(lock);
    items.push(v);
  }
  void putWithPredicate(int v) {
    std::unique_lock<std::mutex> lock(m);
    notFull.wait(lock, [this] { return !full(); });
    items.push(v);
  }
  int get() {
    std::unique_lock<std::mutex> lock(m);
    int v = items.front();
    items.pop();
    return v;
  }

private:
  bool full() const;
  std::mutex m;
  std::condition_variable notFull;
  std::queue<int> items;
  std::size_t maxItems = 256;
};

// The same wait in a class template, on one condition variable for both
// directions: the predicate compares the size with the limit.
template <typename T> class RequestPool {
public:
  bool append(T *request) {
    std::unique_lock<std::mutex> lock(m);
    changed.wait(lock, [this] { return work.size() < maxRequests; });
    work.push_back(request);
    changed.notify_all();
    return true;
  }
  T *take() {
    std::unique_lock<std::mutex> lock(m);
    changed.wait(lock, [this] { return !work.empty(); });
    T *request = work.front();
    work.pop_front();
    changed.notify_all();
    return request;
  }

private:
  std::mutex m;
  std::condition_variable changed;
  std::deque<T *> work;
  int maxRequests = 10000;
};
RequestPool<int> requestPool;

// A test against the container's own max_size() bounds nothing.
class WorkQueue {
public:
  int add(int *work) {
    std::lock_guard<std::mutex> lock(m);
    if (works.size() >= works.max_size())
      return -1;
    works.push_back(work);
    // CHECK: :[[@LINE-1]]:11: warning: queue 'works' grows without bound: this push holds the queue's lock but never compares its size with a limit or waits for space
    // CHECK-NEXT: :[[@LINE+12]]:21: note: 'works' is declared here with no capacity
    return 0;
  }
  int *take() {
    std::lock_guard<std::mutex> lock(m);
    int *work = works.front();
    works.pop_front();
    return work;
  }

private:
  std::mutex m;
  std::deque<int *> works;
};

// A sliding window trimmed right after the push.
class History {
public:
  void record(int sample) {
    std::lock_guard<std::mutex> lock(m);
    samples.push_back(sample);
    if (samples.size() > 100)
      samples.pop_front();
  }
  int oldest() {
    std::lock_guard<std::mutex> lock(m);
    return samples.front();
  }

private:
  std::mutex m;
  std::deque<int> samples;
};

// A semaphore of free slots taken before the push.
class SlotQueue {
public:
  void push(int v) {
    slots.acquire();
    std::lock_guard<std::mutex> lock(m);
    items.push_back(v);
  }
  int pop() {
    std::lock_guard<std::mutex> lock(m);
    int v = items.front();
    items.pop_front();
    slots.release();
    return v;
  }

private:
  std::counting_semaphore<64> slots{64};
  std::mutex m;
  std::deque<int> items;
};

// A limit test kept in a variable (found on examples/src/http_client.cpp,
// whose idle connection list is bounded by max_idle_per_host).
class IdleList {
public:
  void checkin(int fd, bool keep) {
    std::lock_guard<std::mutex> lock(m);
    const bool room = idle.size() < max_idle;
    if (keep && room)
      idle.push_back(fd);
  }
  int checkout() {
    std::lock_guard<std::mutex> lock(m);
    int fd = idle.front();
    idle.pop_front();
    return fd;
  }

private:
  std::mutex m;
  std::deque<int> idle;
  std::size_t max_idle = 100;
};

// Rotations move an item within the queue (found on
// DeveloperPaul123/thread-pool's thread_safe_queue).
class Rotating {
public:
  void rotate() {
    std::lock_guard<std::mutex> lock(m);
    int first = items.front();
    items.pop_front();
    items.push_back(first);
  }

private:
  std::mutex m;
  std::deque<int> items;
};

// Registrations under a lock are not a queue: nothing takes them out, and
// erasing a found element is deregistration, not consumption (found on
// oneTBB's flow graph successor_cache).
class Successors {
public:
  void add(int *r) {
    std::lock_guard<std::mutex> lock(m);
    list.push_back(r);
  }
  void remove(int *r) {
    std::lock_guard<std::mutex> lock(m);
    for (int **i = list.begin(); i != list.end(); ++i)
      if (*i == r) {
        list.erase(i);
        break;
      }
  }

private:
  std::mutex m;
  std::vector<int *> list;
};

// Registrations under a lock are not a queue: nothing takes them out.
class Listeners {
public:
  void add(Task t) {
    std::lock_guard<std::mutex> lock(m);
    callbacks.push_back(std::move(t));
  }

private:
  std::mutex m;
  std::vector<Task> callbacks;
};

// A local worklist with no synchronisation (a BFS frontier).
int reachable(const std::vector<std::vector<int>> &graph) {
  std::queue<int> frontier;
  std::vector<int> seen;
  frontier.push(0);
  int count = 0;
  while (!frontier.empty()) {
    int node = frontier.front();
    frontier.pop();
    ++count;
    for (int next : graph[node])
      frontier.push(next);
  }
  return count;
}

// An unbounded concurrent queue behind a size check.
bool admit(const Event &e) {
  if (incoming.size_approx() >= 10000)
    return false;
  return incoming.enqueue(e);
}

// A lock taken by hand with a method of any name ending in "lock".
struct PlainMutex {
  void mutexLock();
  void mutexUnlock();
};
class HandLockedTasks {
public:
  void addTask(int task) {
    mutex_.mutexLock();
    tasks_.push_back(task);
    // CHECK: :[[@LINE-1]]:12: warning: queue 'tasks_' grows without bound: this push holds the queue's lock
    // CHECK-NEXT: :[[@LINE+13]]:19: note: 'tasks_' is declared here with no capacity
    mutex_.mutexUnlock();
  }
  int take() {
    mutex_.mutexLock();
    int task = tasks_.front();
    tasks_.pop_front();
    mutex_.mutexUnlock();
    return task;
  }

private:
  PlainMutex mutex_;
  std::deque<int> tasks_;
};

// A lock taken with pthread_mutex_lock around the push and the pop.
pthread_mutex_t inboxMutex;
std::queue<int> inbox;
void receiveOne(int message) {
  pthread_mutex_lock(&inboxMutex);
  inbox.push(message);
  // CHECK: :[[@LINE-1]]:9: warning: queue 'inbox' grows without bound: this push holds the queue's lock
  // CHECK-NEXT: :[[@LINE-5]]:17: note: 'inbox' is declared here with no capacity
  pthread_mutex_unlock(&inboxMutex);
}
int processOne() {
  pthread_mutex_lock(&inboxMutex);
  int message = inbox.front();
  inbox.pop();
  pthread_mutex_unlock(&inboxMutex);
  return message;
}

// The same with a size check before the push.
std::queue<int> boundedInbox;
bool receiveBounded(int message) {
  pthread_mutex_lock(&inboxMutex);
  bool room = boundedInbox.size() < 1000;
  if (room)
    boundedInbox.push(message);
  pthread_mutex_unlock(&inboxMutex);
  return room;
}
int processBounded() {
  pthread_mutex_lock(&inboxMutex);
  int message = boundedInbox.front();
  boundedInbox.pop();
  pthread_mutex_unlock(&inboxMutex);
  return message;
}

// Consumed through a getter that returns the queue by reference; a
// worker that moves its own id from one list to another after removing it
// there is not growth.
class GetterPool {
public:
  void submit(int task) {
    std::lock_guard<std::mutex> lock(mutex_);
    tasks_.push_back(task);
    // CHECK: :[[@LINE-1]]:12: warning: queue 'tasks_' grows without bound: this push holds the queue's lock
    // CHECK-NEXT: :[[@LINE+9]]:19: note: 'tasks_' is declared here with no capacity
  }
  std::deque<int> &tasks() { return tasks_; }
  std::list<int> &idle() { return idle_; }
  std::list<int> &busy() { return busy_; }
  std::mutex &mutex() { return mutex_; }

private:
  std::mutex mutex_;
  std::deque<int> tasks_;
  std::list<int> idle_;
  std::list<int> busy_;
};
void workerLoop(GetterPool &pool, int self) {
  std::lock_guard<std::mutex> lock(pool.mutex());
  int task = pool.tasks().front();
  pool.tasks().pop_front();
  pool.idle().remove(self);
  pool.busy().push_back(self);
  pool.busy().remove(self);
  pool.idle().push_back(self);
  (void)task;
}

// One queue per key in a map, pushed under the lock and drained through
// the entry a lookup found (`it->second.pop_front()`).
class UserInboxes {
public:
  void post(int user, const Event &e) {
    std::lock_guard<std::mutex> lock(mutex_);
    boxes_[user].push_back(e);
    // CHECK: :[[@LINE-1]]:18: warning: queue 'boxes_' grows without bound: this push holds the queue's lock
    // CHECK-NEXT: :[[@LINE+23]]:36: note: 'boxes_' is declared here with no capacity
  }
  bool postBounded(int user, const Event &e) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (boxes_[user].size() >= 100)
      return false;
    boxes_[user].push_back(e);
    return true;
  }
  bool take(int user, Event &out) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = boxes_.find(user);
    if (it == boxes_.end() || it->second.empty())
      return false;
    out = it->second.front();
    it->second.pop_front();
    if (it->second.empty())
      boxes_.erase(it);
    return true;
  }

private:
  std::mutex mutex_;
  std::map<int, std::deque<Event>> boxes_;
};
