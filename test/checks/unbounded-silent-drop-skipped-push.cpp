// A function that returns nothing and pushes only while the queue is not
// full, with no other branch: when it is full the item vanishes and no
// caller can know.
// RUN: %check_both %s unbounded-silent-drop -- -std=c++17 %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

void logLine(const char *line);
#include <deque>
#include <memory>
#include <mutex>
#include <queue>
#include <string>
#include <vector>

template <class T> class LineQueue {
public:
  bool full() const;
  void push(const T &item);
  T pop();
};

class RingQueue {
public:
  bool full() const;
  bool push(const std::string &line);
  std::string pop();
};

class AsyncWriter {
public:
  void write(const std::string &line) {
    if (queue_ && !queue_->full()) {
      queue_->push(line);
      // CHECK: :[[@LINE-1]]:15: warning: 'push' is skipped when the queue is full and 'AsyncWriter::write' returns nothing, so the item is dropped silently; count the drop, log it or return an error to the caller [unbounded-silent-drop]
    }
  }
  void record(int event) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (events_.size() < kMaxEvents)
      events_.push(event);
    // CHECK: :[[@LINE-1]]:15: warning: 'push' is skipped when the queue is full and 'AsyncWriter::record' returns nothing
  }

  // ---- Negatives ----
  // The other branch writes the line itself.
  void writeOrFlush(const std::string &line) {
    if (queue_ && !queue_->full())
      queue_->push(line);
    else
      logLine(line.c_str());
  }
  // The branch leaves; what follows handles the full queue.
  void writeOrCount(const std::string &line) {
    if (!queue_->full()) {
      queue_->push(line);
      return;
    }
    ++dropped_;
  }
  // The caller is told.
  bool tryRecord(int event) {
    if (events_.size() < kMaxEvents) {
      events_.push(event);
      return true;
    }
    return false;
  }
  // A capped list that is not a queue (a history kept for display).
  void remember(int value) {
    if (history_.size() < kMaxEvents)
      history_.push_back(value);
  }

  // A push that says whether it took the line: checked for room first,
  // with a fallback for a full queue, or not.
  void writeChecked(const std::string &line) {
    if (ring_ && !ring_->full())
      ring_->push(line);
    else
      logLine(line.c_str());
  }
  void writeUnchecked(const std::string &line) {
    if (ring_ && !ring_->full())
      ring_->push(line);
    // CHECK: :[[@LINE-1]]:14: warning: result of 'push' is discarded: when the queue is full the item is dropped and nobody is told
  }

private:
  static constexpr std::size_t kMaxEvents = 1024;
  std::unique_ptr<RingQueue> ring_;
  std::unique_ptr<LineQueue<std::string>> queue_;
  std::mutex mutex_;
  std::queue<int> events_;
  std::vector<int> history_;
  int dropped_ = 0;
};
