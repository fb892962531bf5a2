// A class whose member functions connect POSIX sockets (themselves or
// through a helper) owns connections: each object made per call or per
// request is a client of its own. A constructor that adopts a descriptor
// it is given (the wrapper of an accepted connection) opens nothing.
// RUN: %check_both %s unbounded-client-per-call -- -std=c++17 %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <string>
#include <sys/socket.h>
#include <thread>
#include <vector>

bool running();

// ---- Positives ---------------------------------------------------------------

// Connects in a member function, through a helper of the same file.
static int dial(int fd) {
  sockaddr to{};
  return connect(fd, &to, sizeof to);
}

class Upstream {
public:
  explicit Upstream(const std::string &host) : host_(host) {}
  bool open() {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    return dial(fd_) == 0;
  }

private:
  std::string host_;
  int fd_ = -1;
};

void forward(const std::string &payload) {
  while (running()) {
    Upstream upstream("backend");
    // CHECK: :[[@LINE-1]]:14: warning: 'Upstream' is created on every iteration of an unbounded loop and destroyed at its end: it opens its own connections through 'connect'
    // CHECK-NEXT: :[[@LINE-3]]:3: note: the loop is unbounded
    // CHECK-NEXT: :[[@LINE-15]]:8: note: 'Upstream::open' opens the object's connections
    // CHECK-NEXT: :[[@LINE-22]]:10: note: a connection is opened here by 'connect'
    upstream.open();
  }
}

// ---- Negatives ---------------------------------------------------------------

// The wrapper of an accepted connection: its constructor adopts the
// descriptor accept() returned. That the class can also connect does not
// make each accepted session a new outgoing client.
class Socket {
public:
  Socket() = default;
  explicit Socket(int fd) : fd_(fd) {}
  void connectTo(const sockaddr &to) { connect(fd_, &to, sizeof to); }
  int acceptOne() { return accept(fd_, nullptr, nullptr); }

private:
  int fd_ = -1;
};

class Session {
public:
  explicit Session(int fd) : conn_(fd) {}

private:
  Socket conn_;
};

void serve(Socket &listener) {
  while (running()) {
    Session session(listener.acceptOne());
  }
}

// The same adoption written in the constructor's body.
class Peer {
public:
  explicit Peer(int fd) { fd_ = fd; }
  void reconnect(const sockaddr &to) { connect(fd_, &to, sizeof to); }

private:
  int fd_;
};

void accepted(int listener) {
  while (running()) {
    Peer peer(accept(listener, nullptr, nullptr));
  }
}

// One client made once and shared.
void relay(Upstream &shared);
int main() {
  Upstream upstream("backend");
  upstream.open();
  relay(upstream);
}

// ---- A descriptor made and connected in one call ------------------------------

// Connected and closed within the call: a connection per call.
int fetchPage(const sockaddr &server, const std::string &request) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK: :[[@LINE-1]]:12: warning: the handle from 'socket' is obtained on every call of 'fetchPage' and released at its end: each one opens its own connections
  if (connect(fd, &server, sizeof server) < 0) {
  // CHECK-NEXT: :[[@LINE-1]]:7: note: connected here
    close(fd);
    return -1;
  }
  send(fd, request.c_str(), request.size(), 0);
  close(fd);
  // CHECK: :[[@LINE-1]]:3: note: released here, at the end of the same call
  return 0;
}

// Connected through a helper of this file.
static bool connectTo(int fd, const sockaddr &to) {
  return connect(fd, &to, sizeof to) == 0;
}
bool probe(const sockaddr &server) {
  int fd;
  fd = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK: :[[@LINE-1]]:8: warning: the handle from 'socket' is obtained on every call of 'probe' and released at its end
  bool up = connectTo(fd, server);
  // CHECK-NEXT: :[[@LINE-1]]:13: note: connected here
  close(fd);
  // CHECK: :[[@LINE-1]]:3: note: released here, at the end of the same call
  return up;
}

// Reading the one response in a loop is no reuse of the connection.
int download(const sockaddr &server, char *buffer, unsigned long size) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK: :[[@LINE-1]]:12: warning: the handle from 'socket' is obtained on every call of 'download' and released at its end
  connect(fd, &server, sizeof server);
  // CHECK-NEXT: :[[@LINE-1]]:3: note: connected here
  unsigned long got = 0;
  while (true) {
    long n = recv(fd, buffer + got, size - got, 0);
    if (n <= 0)
      break;
    got += n;
  }
  close(fd);
  // CHECK: :[[@LINE-1]]:3: note: released here, at the end of the same call
  return int(got);
}

// Never closed: each call leaks its connection.
void ping(const sockaddr &server) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK: :[[@LINE-1]]:12: warning: the handle from 'socket' is obtained on every call of 'ping' and never released
  connect(fd, &server, sizeof server);
  // CHECK-NEXT: :[[@LINE-1]]:3: note: connected here
  send(fd, "ping", 4, 0);
}

// A listening socket connects nowhere; a connected one returned or kept in
// the object is a connection that outlives the call.
int listenOn(const sockaddr &address) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  bind(fd, &address, sizeof address);
  listen(fd, 128);
  return fd;
}
int dialServer(const sockaddr &server) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  connect(fd, &server, sizeof server);
  return fd;
}
void serveForever(const sockaddr &address) {
  int listener = listenOn(address);
  while (running())
    close(accept(listener, nullptr, nullptr));
}

// A thread's body connects once and serves its whole life on that
// connection: one per thread started, not one per call.
void loadWorker(const sockaddr *server) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  connect(fd, server, sizeof *server);
  while (running())
    send(fd, "tx", 2, 0);
  close(fd);
}
void startLoad(const sockaddr &server) {
  std::vector<std::thread> workers;
  for (int i = 0; i < 8; ++i)
    workers.emplace_back(loadWorker, &server);
  std::thread extra(loadWorker, &server);
  extra.join();
  for (auto &w : workers)
    w.join();
}

// A thread's body started once per accepted connection runs per request,
// and one with no loop uses its connection for one exchange: both are
// functions like any other.
void relayServer(const sockaddr *server) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK: :[[@LINE-1]]:12: warning: the handle from 'socket' is obtained on every call of 'relayServer' and released at its end
  connect(fd, server, sizeof *server);
  // CHECK-NEXT: :[[@LINE-1]]:3: note: connected here
  while (running())
    send(fd, "tx", 2, 0);
  close(fd);
  // CHECK: :[[@LINE-1]]:3: note: released here, at the end of the same call
}
void acceptRelays(const sockaddr &server) {
  while (running())
    std::thread(relayServer, &server).detach();
}
void fireOnce(const sockaddr *server) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK: :[[@LINE-1]]:12: warning: the handle from 'socket' is obtained on every call of 'fireOnce' and released at its end
  connect(fd, server, sizeof *server);
  // CHECK-NEXT: :[[@LINE-1]]:3: note: connected here
  send(fd, "fire", 4, 0);
  close(fd);
  // CHECK: :[[@LINE-1]]:3: note: released here, at the end of the same call
}
void fireAll(const sockaddr &server) {
  std::vector<std::thread> shots;
  for (int i = 0; i < 10; ++i)
    shots.emplace_back(fireOnce, &server);
  for (auto &s : shots)
    s.join();
}

// The same function called directly as well is a function like any other.
void probeOnce(const sockaddr *server) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  // CHECK: :[[@LINE-1]]:12: warning: the handle from 'socket' is obtained on every call of 'probeOnce' and released at its end
  connect(fd, server, sizeof *server);
  // CHECK-NEXT: :[[@LINE-1]]:3: note: connected here
  close(fd);
  // CHECK: :[[@LINE-1]]:3: note: released here, at the end of the same call
}
void startProbes(const sockaddr &server) {
  std::thread background(probeOnce, &server);
  probeOnce(&server);
  background.join();
}
