#pragma once
// Mirrors the declarations of <grpcpp/grpcpp.h> that the checks use.
#include <memory>
#include <string>
namespace grpc {
class Channel {};
class ChannelCredentials {};
class ServerCredentials {};
class ChannelArguments {};
std::shared_ptr<ChannelCredentials> InsecureChannelCredentials();
std::shared_ptr<ServerCredentials> InsecureServerCredentials();
std::shared_ptr<Channel>
CreateChannel(const std::string &target,
              const std::shared_ptr<ChannelCredentials> &creds);
std::shared_ptr<Channel>
CreateCustomChannel(const std::string &target,
                    const std::shared_ptr<ChannelCredentials> &creds,
                    const ChannelArguments &args);
class Service {};
class Status {
public:
  Status();
  static const Status &OK;
};
class ServerContextBase {};
class ServerContext : public ServerContextBase {};
class CallbackServerContext : public ServerContextBase {};
class ServerUnaryReactor {
public:
  void Finish(const Status &s);
};
class Server {
public:
  void Wait();
};
class ResourceQuota {
public:
  ResourceQuota();
  explicit ResourceQuota(const std::string &name);
  ResourceQuota &SetMaxThreads(int new_max_threads);
  ResourceQuota &Resize(std::size_t new_size);
};
class ServerBuilder {
public:
  ServerBuilder();
  ServerBuilder &AddListeningPort(const std::string &addr,
                                  std::shared_ptr<ServerCredentials> creds,
                                  int *selected_port = nullptr);
  ServerBuilder &RegisterService(Service *service);
  ServerBuilder &SetResourceQuota(const ResourceQuota &resource_quota);
  enum SyncServerOption { NUM_CQS, MIN_POLLERS, MAX_POLLERS, CQ_TIMEOUT_MSEC };
  ServerBuilder &SetSyncServerOption(SyncServerOption option, int value);
  std::unique_ptr<Server> BuildAndStart();
};
} // namespace grpc
