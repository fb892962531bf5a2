// A minimal HTTP-ish request router, enough to show how handlers are
// registered and run once per request. No parsing, no sockets: dispatch()
// is called with an already parsed Request.
#ifndef ORDERS_HTTP_H
#define ORDERS_HTTP_H

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>

namespace orders {

struct Request {
  std::string method;
  std::string path;
  std::string body;
};

struct Response {
  int status = 200;
  std::string body;
};

using Handler = std::function<void(const Request&, Response&)>;

// Exact-match routes keyed by method and path.
class Router {
 public:
  template <typename H>
  void Post(const std::string& path, H&& handler) {
    add("POST", path, Handler(std::forward<H>(handler)));
  }

  template <typename H>
  void Get(const std::string& path, H&& handler) {
    add("GET", path, Handler(std::forward<H>(handler)));
  }

  // Runs the handler registered for req, or answers 404.
  Response dispatch(const Request& req) const {
    Response res;
    auto route = routes_.find({req.method, req.path});
    if (route == routes_.end()) {
      res.status = 404;
      return res;
    }
    route->second(req, res);
    return res;
  }

 private:
  void add(std::string method, std::string path, Handler handler) {
    routes_[{std::move(method), std::move(path)}] = std::move(handler);
  }

  std::map<std::pair<std::string, std::string>, Handler> routes_;
};

// Where a gateway's requests come from: the next one, or std::nullopt once
// the source is closed.
class RequestSource {
 public:
  virtual ~RequestSource() = default;
  virtual std::optional<Request> next() = 0;
};

}  // namespace orders

#endif
