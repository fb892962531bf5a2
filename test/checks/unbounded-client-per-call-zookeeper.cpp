// A ZooKeeper session (zookeeper_init, released by zookeeper_close) kept by
// the project's own wrapper, which connects in a member function: a wrapper
// started per call opens a session per call; one kept by the object that
// serves every call does not.
// RUN: %check_both %s unbounded-client-per-call -- -std=c++17 %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <memory>
#include <string>

// As the ZooKeeper C client's header declares them.
extern "C" {
typedef struct _zhandle zhandle_t;
typedef void (*watcher_fn)(zhandle_t *, int, int, const char *, void *);
zhandle_t *zookeeper_init(const char *host, watcher_fn fn, int recv_timeout,
                          const void *clientid, void *context, int flags);
int zookeeper_close(zhandle_t *zh);
}

class Registry {
public:
  ~Registry() {
    if (handle_)
      zookeeper_close(handle_);
  }
  void start() { handle_ = zookeeper_init("zk:2181", nullptr, 30000, nullptr, nullptr, 0); }
  std::string lookup(const std::string &path);

private:
  zhandle_t *handle_ = nullptr;
};

class Channel {
public:
  std::string call(const std::string &method) {
    Registry registry;
    // CHECK: :[[@LINE-1]]:14: warning: 'Registry' is created on every call of 'Channel::call' and destroyed at its end: it opens its own connections through 'zookeeper_init'
    // CHECK-NEXT: :20:7: note: 'Registry' keeps a client it obtains in 'start'
    // CHECK-NEXT: :26:28: note: the handle from 'zookeeper_init' is obtained here
    registry.start();
    return registry.lookup(method);
  }
};

// Quiet: one session, started once, serves every call.
class SharedChannel {
public:
  SharedChannel() { registry_.start(); }
  std::string call(const std::string &method) {
    return registry_.lookup(method);
  }

private:
  Registry registry_;
};

// As protobuf's service.h declares them.
namespace google::protobuf {
class MethodDescriptor;
class RpcController;
class Message;
class Closure;
class RpcChannel {
public:
  virtual void CallMethod(const MethodDescriptor *method,
                          RpcController *controller, const Message *request,
                          Message *response, Closure *done) = 0;
};
} // namespace google::protobuf
using namespace google::protobuf;

// An RPC channel runs CallMethod once per RPC; a member replaced at the top
// of it starts a new session per RPC.
class ReplacingChannel : public RpcChannel {
public:
  void CallMethod(const MethodDescriptor *method, RpcController *controller,
                  const Message *request, Message *response,
                  Closure *done) override {
    registry_ = std::make_unique<Registry>();
    // CHECK: :[[@LINE-1]]:17: warning: 'Registry' is created on every request to this handler and destroyed at its end: it opens its own connections through 'zookeeper_init'
    // CHECK-NEXT: :[[@LINE-5]]:8: note: 'CallMethod' overrides a protobuf RPC method, which runs once per RPC
    // CHECK-NEXT: :20:7: note: 'Registry' keeps a client it obtains in 'start'
    // CHECK-NEXT: :26:28: note: the handle from 'zookeeper_init' is obtained here
    registry_->start();
    registry_->lookup("/service/method");
  }

private:
  std::unique_ptr<Registry> registry_;
};

// Quiet: made on the first RPC only, or when the last one failed; and a
// method that is no handler keeps what it makes for later calls.
class LazyChannel : public RpcChannel {
public:
  void CallMethod(const MethodDescriptor *method, RpcController *controller,
                  const Message *request, Message *response,
                  Closure *done) override {
    if (!registry_) {
      registry_ = std::make_unique<Registry>();
      registry_->start();
    }
    registry_->lookup("/service/method");
  }
  void retry(bool failed) {
    if (failed)
      registry_ = std::make_unique<Registry>();
  }
  void start() { registry_ = std::make_unique<Registry>(); }

private:
  std::unique_ptr<Registry> registry_;
};
