#pragma once
// Mirrors the declarations of cpp-httplib 0.11 that the checks use.
#include <functional>
#include <string>
namespace httplib {
struct Request {};
struct Response {
  int status = 200;
};
struct Result {
  explicit operator bool() const;
};
class TaskQueue {
public:
  virtual ~TaskQueue() = default;
};
class ThreadPool : public TaskQueue {
public:
  explicit ThreadPool(std::size_t n);
};
class Server {
public:
  using Handler = std::function<void(const Request &, Response &)>;
  Server();
  Server &Get(const std::string &pattern, Handler handler);
  Server &Post(const std::string &pattern, Handler handler);
  bool listen(const std::string &host, int port);
  std::function<TaskQueue *(void)> new_task_queue;
};
class SSLServer : public Server {
public:
  SSLServer(const char *cert, const char *key);
};
class Client {
public:
  explicit Client(const std::string &scheme_host_port);
  Client(const std::string &host, int port);
  Client(Client &&);
  ~Client();
  Result Get(const std::string &path);
  Result Post(const std::string &path, const std::string &body,
              const std::string &content_type);
  void set_keep_alive(bool on);
};
class SSLClient {
public:
  SSLClient(const std::string &host, int port);
  Result Get(const std::string &path);
};
} // namespace httplib
