#pragma once
// Mirrors the redis++ (sw::redis) declarations the checks recognise.
#include <chrono>
#include <string>
namespace sw::redis {
struct ConnectionOptions {
  std::string host;
  int port = 6379;
  std::chrono::milliseconds connect_timeout{0};
  std::chrono::milliseconds socket_timeout{0};
};
struct ConnectionPoolOptions {
  unsigned long size = 1;
  std::chrono::milliseconds wait_timeout{0};
};
class Redis {
public:
  explicit Redis(const std::string &uri);
  explicit Redis(const ConnectionOptions &options,
                 const ConnectionPoolOptions &pool = {});
  Redis(const Redis &) = delete;
  std::string ping();
};
} // namespace sw::redis
