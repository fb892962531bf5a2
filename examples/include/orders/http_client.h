// A small HTTP/1.1 client over POSIX sockets with a keep-alive connection
// pool per host. Every HttpClient owns its own pool: connections are reused
// only by requests made through the same client object.
#ifndef ORDERS_HTTP_CLIENT_H
#define ORDERS_HTTP_CLIENT_H

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <map>
#include <mutex>
#include <string>

namespace orders {

struct Endpoint {
  std::string host;
  int port = 80;
};

struct HttpResponse {
  int status = 0;  // 0: no response (see error)
  std::string body;
  std::string error;
};

// Pool limits, after Go's http.Transport. Zero means "no limit".
struct ClientLimits {
  std::chrono::milliseconds request_timeout{0};  // per send/receive
  std::size_t max_idle = 0;           // idle connections kept, all hosts
  std::size_t max_idle_per_host = 0;  // idle connections kept per host
  std::size_t max_per_host = 0;       // open connections per host; more wait
  std::chrono::milliseconds idle_timeout{0};  // older idle ones are closed
};

struct ClientStats {
  std::size_t opened = 0;  // connections established
  std::size_t reused = 0;  // requests sent on an idle pooled connection
  std::size_t open = 0;    // connections open now
  std::size_t idle = 0;    // of those, idle in the pool
};

class HttpClient {
 public:
  explicit HttpClient(ClientLimits limits = ClientLimits{});
  ~HttpClient();  // closes the idle connections

  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  HttpResponse get(const Endpoint& to, const std::string& path);
  ClientStats stats() const;
  const ClientLimits& limits() const { return limits_; }

 private:
  struct Idle {
    int fd;
    std::chrono::steady_clock::time_point since;
  };
  struct HostPool {
    std::deque<Idle> idle;  // most recently used at the back
    std::size_t open = 0;
  };

  int checkout(const Endpoint& to, bool& reused, std::string& error);
  void checkin(const Endpoint& to, int fd, bool keep);

  const ClientLimits limits_;
  mutable std::mutex mu_;
  std::condition_variable released_;
  std::map<std::string, HostPool> hosts_;  // by "host:port"
  std::size_t idle_total_ = 0;
  ClientStats stats_;
};

}  // namespace orders

#endif
