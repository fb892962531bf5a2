// A connection's send queue: one push per outgoing message, one pop when an
// asynchronous write completes. Nothing but the peer's reading drains it,
// so with no limit a slow reader grows it without bound, lock or no lock.
// RUN: %check_both %s unbounded-queue-growth -- -std=c++17 %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <boost/asio.hpp>
#include <deque>
#include <memory>
#include <string>

using Socket = boost::asio::ip::tcp::socket;

class Session {
public:
  void deliver(const std::string &message) {
    bool writing = !outbox_.empty();
    outbox_.push_back(message);
    // CHECK: :[[@LINE-1]]:13: warning: queue 'outbox_' grows without bound: it is a connection's send queue, drained only as writes complete, and this push never compares its size with a limit, so a slow reader grows it; bound the queue
    // CHECK-NEXT: :[[@LINE+20]]:27: note: 'outbox_' is declared here with no capacity
    if (!writing)
      write();
  }
  void post(boost::asio::io_context &io, const std::string &message) {
    boost::asio::post(io, [this, message] { outbox_.push_back(message); });
    // CHECK: :[[@LINE-1]]:53: warning: queue 'outbox_' grows without bound: it is a connection's send queue
    // CHECK-NEXT: :[[@LINE+13]]:27: note: 'outbox_' is declared here with no capacity
  }

private:
  void write() {
    boost::asio::async_write(socket_, boost::asio::buffer(outbox_.front()),
                             [this] {
                               outbox_.pop_front();
                               if (!outbox_.empty())
                                 write();
                             });
  }
  Socket socket_;
  std::deque<std::string> outbox_;
};

// Quiet: a send queue that refuses messages past a limit.
class BoundedSession {
public:
  bool deliver(const std::string &message) {
    if (outbox_.size() >= kMaxQueued)
      return false;
    outbox_.push_back(message);
    if (outbox_.size() == 1)
      write();
    return true;
  }

private:
  void write() {
    boost::asio::async_write(socket_, boost::asio::buffer(outbox_.front()),
                             [this] { outbox_.pop_front(); });
  }
  static constexpr unsigned kMaxQueued = 256;
  Socket socket_;
  std::deque<std::string> outbox_;
};
