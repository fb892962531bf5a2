// drogon's HttpClient::newHttpClient returns a client that keeps its own
// connections (a shared_ptr that releases itself): one made in a request
// handler and dropped at its end opens new connections per request; one
// made once and kept by the controller does not.
// RUN: %check_both %s unbounded-client-per-call -- -std=c++17 %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <functional>
#include <memory>
#include <string>

// As drogon's HttpClient.h declares them.
namespace drogon {
class HttpRequest {};
using HttpRequestPtr = std::shared_ptr<HttpRequest>;
class HttpClient;
using HttpClientPtr = std::shared_ptr<HttpClient>;
class HttpClient {
public:
  static HttpClientPtr newHttpClient(const std::string &hostString);
  void sendRequest(const HttpRequestPtr &req);
};
} // namespace drogon

void registerHandler(const std::string &path,
                     std::function<void(const drogon::HttpRequestPtr &)> handler);

void routes() {
  registerHandler("/proxy", [](const drogon::HttpRequestPtr &req) {
    auto client = drogon::HttpClient::newHttpClient("http://backend:8080");
    // CHECK: :[[@LINE-1]]:19: warning: the handle from 'drogon::HttpClient::newHttpClient' is obtained on every request to this handler and destroyed at its end: each one opens its own connections
    // CHECK-NEXT: :[[@LINE-3]]:3: note: 'registerHandler' registers the handler, which runs once per request
    client->sendRequest(req);
  });
}

class Proxy {
public:
  Proxy() : backend_(drogon::HttpClient::newHttpClient("http://backend:8080")) {}
  void forward(const drogon::HttpRequestPtr &req) { backend_->sendRequest(req); }

private:
  drogon::HttpClientPtr backend_;
};
