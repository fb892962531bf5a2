// unbounded-thread-creation and unbounded-client-per-call in gRPC service
// method overrides, against the real grpc++ headers (libgrpc++-dev): the
// server calls each override once per RPC. The service base classes are
// written here as protoc would generate them.
// RUN: %check_both %s unbounded-thread-creation,unbounded-client-per-call -- \
// RUN:   -std=c++17 -pthread \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <grpcpp/grpcpp.h>
#include <grpcpp/impl/service_type.h>
#include <grpcpp/server_context.h>
#include <grpcpp/support/server_callback.h>
#include <memory>
#include <thread>

struct PingRequest {};
struct PingReply {};
void record(const PingRequest *);

namespace demo {
class Pinger {
public:
  class Service : public ::grpc::Service {
  public:
    virtual ::grpc::Status Ping(::grpc::ServerContext *context,
                                const PingRequest *request, PingReply *reply);
  };
  class CallbackService : public ::grpc::Service {
  public:
    virtual ::grpc::ServerUnaryReactor *
    Ping(::grpc::CallbackServerContext *context, const PingRequest *request,
         PingReply *reply);
  };
};
} // namespace demo

class PingerImpl final : public demo::Pinger::Service {
  grpc::Status Ping(grpc::ServerContext *context, const PingRequest *request,
                    PingReply *reply) override {
    std::thread([request] { record(request); }).detach();
    // CHECK: :[[@LINE-1]]:5: warning: thread started by 'std::thread' on every request to this handler is detached
    // CHECK-NEXT: :[[@LINE-4]]:16: note: 'Ping' overrides a gRPC service method, which runs once per RPC
    // CHECK-NEXT: :[[@LINE-3]]:49: note: thread detached here
    auto channel = grpc::CreateChannel("backend:50051",
                                       grpc::InsecureChannelCredentials());
    // CHECK-NEXT: :[[@LINE-2]]:20: warning: the handle from 'grpc::CreateChannel' is obtained on every request to this handler and destroyed at its end
    // CHECK-NEXT: :[[@LINE-9]]:16: note: 'Ping' overrides a gRPC service method, which runs once per RPC
    (void)channel;
    return grpc::Status::OK;
  }
};

class PingerCallbackImpl final : public demo::Pinger::CallbackService {
  grpc::ServerUnaryReactor *Ping(grpc::CallbackServerContext *context,
                                 const PingRequest *request,
                                 PingReply *reply) override {
    std::thread t([request] { record(request); });
    t.join();
    auto *reactor = context->DefaultReactor();
    reactor->Finish(grpc::Status::OK);
    return reactor;
  }
};
