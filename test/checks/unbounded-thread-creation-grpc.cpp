// A generated gRPC service's method override runs once per RPC, with no
// registration call in sight: a thread it starts is a thread per request.
// RUN: %check_both %s unbounded-thread-creation,unbounded-client-per-call -- \
// RUN:   -std=c++17 %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <grpcpp/grpcpp.h>
#include <httplib.h>
#include <thread>

struct EchoRequest {};
struct EchoReply {};
void audit(const EchoRequest *);

// What protoc generates, reduced to what the checks look at.
class Echo {
public:
  class Service : public grpc::Service {
  public:
    virtual grpc::Status Say(grpc::ServerContext *context,
                             const EchoRequest *request, EchoReply *reply);
  };
  class CallbackService : public grpc::Service {
  public:
    virtual grpc::ServerUnaryReactor *Say(grpc::CallbackServerContext *context,
                                          const EchoRequest *request,
                                          EchoReply *reply);
  };
};

// ---- Positives ----------------------------------------------------------------

class EchoImpl final : public Echo::Service {
  grpc::Status Say(grpc::ServerContext *context, const EchoRequest *request,
                   EchoReply *reply) override {
    std::thread([request] { audit(request); }).detach();
    // CHECK: :[[@LINE-1]]:5: warning: thread started by 'std::thread' on every request to this handler is detached
    // CHECK-NEXT: :[[@LINE-4]]:16: note: 'Say' overrides a gRPC service method, which runs once per RPC
    // CHECK-NEXT: :[[@LINE-3]]:48: note: thread detached here
    httplib::Client inventory("http://inventory:8080");
    // CHECK-NEXT: :[[@LINE-1]]:21: warning: 'httplib::Client' is created on every request to this handler and destroyed at its end
    // CHECK-NEXT: :[[@LINE-8]]:16: note: 'Say' overrides a gRPC service method, which runs once per RPC
    inventory.Get("/stock");
    return grpc::Status();
  }
};

class EchoCallbackImpl final : public Echo::CallbackService {
  grpc::ServerUnaryReactor *Say(grpc::CallbackServerContext *context,
                                const EchoRequest *request,
                                EchoReply *reply) override {
    std::thread([request] { audit(request); }).detach();
    // CHECK: :[[@LINE-1]]:5: warning: thread started by 'std::thread' on every request to this handler is detached
    // CHECK-NEXT: :[[@LINE-5]]:29: note: 'Say' overrides a gRPC service method, which runs once per RPC
    // CHECK-NEXT: :[[@LINE-3]]:48: note: thread detached here
    return nullptr;
  }
};

// ---- Negatives ----------------------------------------------------------------

class NotAnOverride {
public:
  // Same parameters, but overrides nothing: not called by the server.
  grpc::Status Say(grpc::ServerContext *context, const EchoRequest *request,
                   EchoReply *reply) {
    std::thread([request] { audit(request); }).detach();
    return grpc::Status();
  }
};
class JoinsItsThread final : public Echo::Service {
  grpc::Status Say(grpc::ServerContext *context, const EchoRequest *request,
                   EchoReply *reply) override {
    std::thread t([request] { audit(request); });
    t.join();
    return grpc::Status();
  }
};
