// A hand-written linked queue: a push that makes a node and links it in
// under the queue's lock (`tail_->next = node`, or `head_ = node` for a
// stack), in a class that also takes nodes off along the same link, is a
// push into a queue like any other: unbounded unless something compares
// its size with a limit or waits for space. In a template's own body, in an
// instantiation (judged once), and in a plain class.
// RUN: %check_both %s unbounded-queue-growth -- -std=c++17 %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <condition_variable>
#include <memory>
#include <mutex>
#include <utility>

// ---- Positives ---------------------------------------------------------------

// Two locks, a dummy node, smart-pointer links; nothing instantiates it.
template <class T> class TwoLockQueue {
  struct Cell {
    std::unique_ptr<T> payload;
    std::unique_ptr<Cell> next;
  };
  std::unique_ptr<Cell> first_;
  std::mutex first_mu_;
  Cell *last_;
  std::mutex last_mu_;

public:
  TwoLockQueue() : first_(new Cell), last_(first_.get()) {}
  void put(T value) {
    std::unique_ptr<Cell> spare(new Cell);
    Cell *const next_last = spare.get();
    std::lock_guard<std::mutex> hold(last_mu_);
    last_->payload = std::make_unique<T>(std::move(value));
    last_->next = std::move(spare);
    // CHECK: :[[@LINE-1]]:12: warning: queue 'last_' grows without bound: this push links a new node into the list while holding the queue's lock but never compares its size with a limit or waits for space; bound the queue
    // CHECK-NEXT: :[[@LINE-12]]:9: note: 'last_' is declared here with no capacity
    last_ = next_last;
  }
  std::unique_ptr<T> take() {
    std::lock_guard<std::mutex> hold(first_mu_);
    std::unique_ptr<Cell> old = std::move(first_);
    first_ = std::move(old->next);
    return std::move(old->payload);
  }
};

// Raw links in a plain class, appended at the tail or started at the head.
struct Job {
  int id;
  Job *after;
};

class JobList {
public:
  void add(int id) {
    Job *job = new Job{id, nullptr};
    std::lock_guard<std::mutex> lock(mu_);
    if (tail_)
      tail_->after = job;
    // CHECK: :[[@LINE-1]]:14: warning: queue 'tail_' grows without bound: this push links a new node
    // CHECK-NEXT: :[[@LINE+18]]:8: note: 'tail_' is declared here with no capacity
    else
      head_ = job;
    tail_ = job;
  }
  Job *next() {
    std::lock_guard<std::mutex> lock(mu_);
    Job *job = head_;
    if (job)
      head_ = job->after;
    if (!head_)
      tail_ = nullptr;
    return job;
  }

private:
  std::mutex mu_;
  Job *head_ = nullptr;
  Job *tail_ = nullptr;
};

// A stack: the new node goes in front of the head.
class TaskStack {
  struct Entry {
    int task;
    Entry *below;
  };

public:
  void push(int task) {
    Entry *entry = new Entry{task, nullptr};
    std::lock_guard<std::mutex> lock(mu_);
    entry->below = top_;
    top_ = entry;
    // CHECK: :[[@LINE-1]]:5: warning: queue 'top_' grows without bound: this push links a new node
    // CHECK-NEXT: :[[@LINE+13]]:10: note: 'top_' is declared here with no capacity
  }
  bool pop(int &task) {
    std::lock_guard<std::mutex> lock(mu_);
    if (!top_)
      return false;
    task = top_->task;
    top_ = top_->below;
    return true;
  }

private:
  std::mutex mu_;
  Entry *top_ = nullptr;
};

// An instantiated template is judged once, at its instantiation.
template <class T> class Mailbox {
  struct Letter {
    T body;
    std::unique_ptr<Letter> next;
  };

public:
  void post(T body) {
    auto letter = std::make_unique<Letter>();
    std::lock_guard<std::mutex> lock(mu_);
    Letter *raw = letter.get();
    if (last_)
      last_->next = std::move(letter);
    // CHECK: :[[@LINE-1]]:14: warning: queue 'last_' grows without bound: this push links a new node
    // CHECK-NEXT: :[[@LINE+14]]:11: note: 'last_' is declared here with no capacity
    // CHECK-NEXT: :[[@LINE+16]]:35: note: an item is pushed through this call to 'Mailbox<int>::post'
    else
      first_ = std::move(letter);
    last_ = raw;
  }
  void drop() {
    std::lock_guard<std::mutex> lock(mu_);
    first_ = std::move(first_->next);
  }

private:
  std::mutex mu_;
  std::unique_ptr<Letter> first_;
  Letter *last_ = nullptr;
};

void deliver(Mailbox<int> &box) { box.post(1); }
// CHECK: :[[@LINE-1]]:35: warning: 'Mailbox<int>::post' pushes this call's item onto queue 'last_', which grows without bound
// CHECK-NEXT: :126:14: note: 'Mailbox<int>::post' pushes onto 'last_' here

// ---- Negatives ---------------------------------------------------------------

// Bounded: a count compared with the capacity before linking.
class BoundedList {
  struct Item {
    int value;
    Item *next;
  };

public:
  bool offer(int value) {
    std::lock_guard<std::mutex> lock(mu_);
    if (count_ >= capacity_)
      return false;
    Item *item = new Item{value, nullptr};
    if (tail_)
      tail_->next = item;
    else
      head_ = item;
    tail_ = item;
    ++count_;
    return true;
  }
  void poll() {
    std::lock_guard<std::mutex> lock(mu_);
    head_ = head_->next;
    --count_;
  }

private:
  std::mutex mu_;
  Item *head_ = nullptr;
  Item *tail_ = nullptr;
  unsigned count_ = 0;
  unsigned capacity_ = 64;
};

// Waits for space before linking.
class WaitingList {
  struct Item {
    int value;
    Item *next;
  };

public:
  void put(int value) {
    std::unique_lock<std::mutex> lock(mu_);
    not_full_.wait(lock, [&] { return length_ < capacity_; });
    Item *item = new Item{value, nullptr};
    item->next = head_;
    head_ = item;
    ++length_;
  }
  void get() {
    std::lock_guard<std::mutex> lock(mu_);
    head_ = head_->next;
    --length_;
  }

private:
  std::mutex mu_;
  std::condition_variable not_full_;
  Item *head_ = nullptr;
  unsigned length_ = 0;
  unsigned capacity_ = 64;
};

// A free list: release() links back a node acquire() took off; it makes
// none, so the list never holds more than was allocated.
class FreeList {
  struct Block {
    char bytes[64];
    Block *next;
  };

public:
  Block *acquire() {
    std::lock_guard<std::mutex> lock(mu_);
    Block *block = free_;
    if (block)
      free_ = block->next;
    return block;
  }
  void release(Block *block) {
    std::lock_guard<std::mutex> lock(mu_);
    block->next = free_;
    free_ = block;
  }

private:
  std::mutex mu_;
  Block *free_ = nullptr;
};

// No lock: a list one thread builds and reads (a parser's token chain).
class TokenChain {
  struct Token {
    int kind;
    Token *next;
  };

public:
  void append(int kind) {
    Token *token = new Token{kind, nullptr};
    if (tail_)
      tail_->next = token;
    else
      head_ = token;
    tail_ = token;
  }
  void skip() { head_ = head_->next; }

private:
  Token *head_ = nullptr;
  Token *tail_ = nullptr;
};

// Never consumed: nodes are linked in and walked, never taken off (a
// registry of listeners); queue growth needs a queue.
class Listeners {
  struct Entry {
    int fd;
    Entry *next;
  };

public:
  void add(int fd) {
    std::lock_guard<std::mutex> lock(mu_);
    head_ = new Entry{fd, head_};
  }
  int count() const {
    int n = 0;
    for (Entry *e = head_; e; e = e->next)
      ++n;
    return n;
  }

private:
  std::mutex mu_;
  Entry *head_ = nullptr;
};
