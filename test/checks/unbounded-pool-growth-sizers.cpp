// Library setters that size an event-loop server's thread pool for a later
// start() (PoolSizers): a count from the input reaching one, directly or
// through the project's own wrapper, is reported like a pool's
// constructor argument.
// RUN: %check_both %s unbounded-pool-growth -- -std=c++17 %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <algorithm>
#include <cstdlib>

// As muduo's net/TcpServer.h declares it.
namespace muduo::net {
class TcpServer {
public:
  void setThreadNum(int numThreads);
  void start();
};
} // namespace muduo::net

class WebServer {
public:
  void setThreadNum(int n) { server_.setThreadNum(n); }
  void start() { server_.start(); }

private:
  muduo::net::TcpServer server_;
};

void direct(muduo::net::TcpServer &server, char **argv) {
  server.setThreadNum(std::atoi(argv[1]));
  // CHECK: :[[@LINE-1]]:23: warning: 'muduo::net::TcpServer::setThreadNum' sizes a thread pool from this argument, 'std::atoi(argv[1])', which is read from the input with no upper limit; clamp it with std::min against a configured maximum or the core count [unbounded-pool-growth]
  // CHECK-NEXT: :[[@LINE-2]]:23: note: read from the input here
  // CHECK-NEXT: :22:30: note: 'muduo::net::TcpServer::setThreadNum' starts one thread per unit of its argument
}

void throughWrapper(char **argv) {
  WebServer server;
  int threads = std::atoi(argv[2]);
  server.setThreadNum(threads);
  // CHECK: :[[@LINE-1]]:23: warning: 'WebServer::setThreadNum' sizes a thread pool from this argument, 'threads', which is read from the input with no upper limit
  // CHECK-NEXT: :[[@LINE-3]]:17: note: read from the input here
  // CHECK-NEXT: :22:51: note: 'WebServer::setThreadNum' passes 'n' on to 'muduo::net::TcpServer::setThreadNum'
  // CHECK-NEXT: :22:30: note: 'muduo::net::TcpServer::setThreadNum' starts one thread per unit of its argument
  server.start();
}

// Quiet: clamped, or a constant under MaxThreads.
void quiet(muduo::net::TcpServer &server, char **argv) {
  server.setThreadNum(std::min(std::atoi(argv[1]), 16));
  server.setThreadNum(8);
  WebServer web;
  web.setThreadNum(4);
}
