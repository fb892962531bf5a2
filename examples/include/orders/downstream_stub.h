// A stand-in for the inventory service, for the simulation in main.cpp: a
// keep-alive HTTP server on 127.0.0.1 (an ephemeral port) that answers every
// request with "42" and counts the connections it accepts. One thread, one
// poll() loop.
#ifndef ORDERS_DOWNSTREAM_STUB_H
#define ORDERS_DOWNSTREAM_STUB_H

#include <atomic>
#include <cstddef>
#include <string>
#include <thread>

namespace orders {

class DownstreamStub {
 public:
  DownstreamStub();
  ~DownstreamStub();

  DownstreamStub(const DownstreamStub&) = delete;
  DownstreamStub& operator=(const DownstreamStub&) = delete;

  int port() const { return port_; }
  std::size_t connectionsAccepted() const { return accepted_.load(); }

 private:
  void serve();
  bool answer(int fd, std::string& pending);

  int listen_fd_ = -1;
  int port_ = 0;
  int wake_[2] = {-1, -1};  // a byte on this pipe stops serve()
  std::atomic<std::size_t> accepted_{0};
  std::thread thread_;
};

}  // namespace orders

#endif
