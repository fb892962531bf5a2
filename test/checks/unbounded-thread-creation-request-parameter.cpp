// A function that takes a server framework's request (RequestTypePattern)
// runs once per request, whoever calls it: a middleware's check, a
// controller method a handler in another file calls. A thread it starts,
// or a client it builds, is one per request.
// RUN: %check_both %s unbounded-thread-creation,unbounded-client-per-call -- \
// RUN:   -std=c++17 %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <future>
#include <httplib.h>
#include <memory>
#include <thread>

namespace crow {
struct request {
  const char *remote_ip_address;
};
} // namespace crow
namespace drogon {
class HttpRequest {};
} // namespace drogon
namespace rpc {
struct request {};
} // namespace rpc
void record(const char *ip);
bool limited(const char *ip);

// ---- Positives ----------------------------------------------------------------

class DosGuard {
public:
  bool check(const crow::request &req) {
    if (limited(req.remote_ip_address)) {
      pending_ = std::async(std::launch::async, record, req.remote_ip_address);
      // CHECK: :[[@LINE-1]]:18: warning: thread started by 'std::async' on every request to this handler is kept in 'pending_'
      // CHECK-NEXT: :[[@LINE-4]]:35: note: 'check' takes the server's request 'req', so it runs once per request
      // CHECK-NEXT: :[[@LINE-3]]:7: note: thread kept in 'pending_' here
      return false;
    }
    return true;
  }

private:
  std::future<void> pending_;
};

void audit(const std::shared_ptr<drogon::HttpRequest> &request) {
  std::thread([] { record("audit"); }).detach();
  // CHECK: :[[@LINE-1]]:3: warning: thread started by 'std::thread' on every request to this handler is detached
  // CHECK-NEXT: :[[@LINE-3]]:56: note: 'audit' takes the server's request 'request', so it runs once per request
  // CHECK-NEXT: :[[@LINE-3]]:40: note: thread detached here
}

int stock(const httplib::Request &req) {
  httplib::Client inventory("http://inventory:8080");
  // CHECK: :[[@LINE-1]]:19: warning: 'httplib::Client' is created on every request to this handler and destroyed at its end
  // CHECK-NEXT: :[[@LINE-3]]:35: note: 'stock' takes the server's request 'req', so it runs once per request
  inventory.Get("/stock");
  return 0;
}

// ---- Negatives ----------------------------------------------------------------

// Not a server's request: the name of the class decides, not its spelling.
void send(const rpc::request &req) {
  std::thread([] { record("send"); }).detach();
}

// Joined before the request ends.
void mirror(const crow::request &req) {
  std::thread copy([] { record("mirror"); });
  copy.join();
}

// Started once, on the first request.
class Warmup {
public:
  void onFirst(const crow::request &req) {
    if (!started_) {
      started_ = true;
      std::thread([] { record("warm"); }).detach();
    }
  }

private:
  bool started_ = false;
};
