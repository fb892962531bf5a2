// The project's own clients: classes that keep a client they obtain (in the
// constructor, a member initializer, a member object or a member function),
// factories that return a new client, and wrappers of those, made per call,
// per iteration or per request. Shared and pooled clients stay quiet.
// RUN: %check_both %s unbounded-client-per-call -- -std=c++17 %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <curl/curl.h>
#include <httplib.h>
#include <memory>
#include <pqxx/pqxx>
#include <string>
#include <vector>

struct Request { std::string body; };
bool running();

class HttpClient {
public:
  HttpClient() : handle_(curl_easy_init()) {}
  ~HttpClient() { curl_easy_cleanup(handle_); }
  std::string get(const std::string &url);
private:
  CURL *handle_;
};

// A class holding one as a member is a client too.
struct Backend { HttpClient http; };

// A member function that keeps the handle it obtains.
class LazyRequest {
public:
  explicit LazyRequest(const char *url) : url_(url) {}
  ~LazyRequest() { if (h_) curl_easy_cleanup(h_); }
  void send() {
    if (!h_)
      h_ = curl_easy_init();
  }
private:
  const char *url_;
  CURL *h_ = nullptr;
};

std::unique_ptr<httplib::Client> makeClient(const std::string &host) {
  return std::make_unique<httplib::Client>(host);
}
// A wrapper of a factory.
std::unique_ptr<httplib::Client> inventoryClient() {
  return makeClient("inventory");
}

// ---- Positives ---------------------------------------------------------------

std::string fetch(const std::string &url) {
  HttpClient client;
  // CHECK: :[[@LINE-1]]:14: warning: 'HttpClient' is created on every call of 'fetch' and destroyed at its end: it opens its own connections through 'curl_easy_init' (create one shared client, configured with connection limits, and reuse it) [unbounded-client-per-call]
  // CHECK-NEXT: :[[@LINE-37]]:26: note: the handle from 'curl_easy_init' is obtained here
  return client.get(url);
}

void notify() {
  LazyRequest hook("http://example.com/hook");
  // CHECK: :[[@LINE-1]]:15: warning: 'LazyRequest' is created on every call of 'notify' and destroyed at its end: it opens its own connections through 'curl_easy_init'
  // CHECK-NEXT: :[[@LINE-31]]:12: note: 'LazyRequest' keeps a client it obtains in 'send'
  // CHECK-NEXT: :[[@LINE-28]]:12: note: the handle from 'curl_easy_init' is obtained here
  hook.send();
}

void refresh(const std::vector<Request> &batch) {
  for (const Request &r : batch) {
    Backend backend;
    // CHECK: :[[@LINE-1]]:13: warning: 'Backend' is created on every iteration of an unbounded loop and destroyed at its end: it opens its own connections through 'curl_easy_init'
    // CHECK-NEXT: :[[@LINE-3]]:3: note: the loop is unbounded: it runs once per element of 'batch'
    // CHECK-NEXT: :[[@LINE-46]]:8: note: 'Backend::Backend' creates it through this call to 'HttpClient::HttpClient'
    // CHECK-NEXT: :[[@LINE-55]]:26: note: the handle from 'curl_easy_init' is obtained here
    backend.http.get(r.body);
  }
}

void poll() {
  while (running()) {
    auto client = inventoryClient();
    // CHECK: :[[@LINE-1]]:19: warning: call to 'inventoryClient' creates a client on every iteration of an unbounded loop: each one opens its own connections through 'httplib::Client'
    // CHECK-NEXT: :[[@LINE-3]]:3: note: the loop is unbounded: it runs for as long as 'running()' holds
    // CHECK-NEXT: :[[@LINE-36]]:10: note: 'inventoryClient' creates it through this call to 'makeClient'
    // CHECK-NEXT: :[[@LINE-41]]:10: note: 'httplib::Client' is created here
    client->Get("/stock");
  }
}

// ---- Negatives ---------------------------------------------------------------

// One client for the life of the process.
HttpClient &sharedClient() {
  static HttpClient client;
  return client;
}
void fetchAll(const std::vector<Request> &batch) {
  for (const Request &r : batch)
    sharedClient().get(r.body);
}

// Clients made once and kept by a pool, even in a loop.
struct ClientPool {
  void add(std::unique_ptr<httplib::Client> client);
};
void fill(ClientPool &pool, const std::vector<std::string> &hosts) {
  for (const std::string &host : hosts)
    pool.add(makeClient(host));
}

// A service that keeps its client as a member, built once.
class Service {
public:
  std::string lookup(const std::string &key) { return client_.get(key); }
private:
  HttpClient client_;
};
void serve(Service &service, const std::vector<Request> &batch) {
  for (const Request &r : batch)
    service.lookup(r.body);
}

// A factory of the project that returns a raw handle, released by the
// caller in the same call: a client per call, loop or not.
CURL *openHandle(const std::string &url) {
  CURL *handle = curl_easy_init();
  if (!handle)
    return nullptr;
  curl_easy_setopt(handle, CURLOPT_URL, url.c_str());
  return handle;
}
bool prepare(CURL *handle);

bool fetchOnce(const std::string &url) {
  CURL *handle = openHandle(url);
  // CHECK: :[[@LINE-1]]:18: warning: call to 'openHandle' creates a client on every call of 'fetchOnce': each one opens its own connections through 'curl_easy_init'
  // CHECK-NEXT: :[[@LINE-11]]:18: note: the handle from 'curl_easy_init' is obtained here
  if (!handle)
    return false;
  if (!prepare(handle)) {
    curl_easy_cleanup(handle);
    return false;
  }
  bool ok = curl_easy_perform(handle) == CURLE_OK;
  curl_easy_cleanup(handle);
  return ok;
}

// The handle the factory returns is kept by the object, or handed back.
class Keeper {
public:
  void open(const std::string &url) { handle_ = openHandle(url); }
  ~Keeper() { curl_easy_cleanup(handle_); }

private:
  CURL *handle_ = nullptr;
};
CURL *reopen(const std::string &url) {
  CURL *handle = openHandle(url);
  return handle;
}

// A database wrapper whose constructor assigns its connection to a smart
// pointer member (`conn_ = std::unique_ptr<...>(new ...)`), held as a
// member of a session made per accepted connection.
class Database {
public:
  Database() {
    conn_ = std::unique_ptr<pqxx::connection>(new pqxx::connection("db"));
  }

private:
  std::unique_ptr<pqxx::connection> conn_;
};
class Session {
  Database db_;

public:
  void handle(int fd);
};
void serveConnection(int fd) {
  Session session;
  // CHECK: :[[@LINE-1]]:11: warning: 'Session' is created on every call of 'serveConnection' and destroyed at its end: it opens its own connections through 'pqxx::connection'
  // CHECK-NEXT: :[[@LINE-9]]:7: note: 'Session::Session' creates it through this call to 'Database::Database'
  // CHECK-NEXT: :[[@LINE-16]]:51: note: 'pqxx::connection' is created here
  session.handle(fd);
}

// Quiet: one client per batch, reused for every item of it, then asked how
// the requests went.
double fetchAll(const std::vector<std::string> &urls) {
  HttpClient client;
  double total = 0;
  for (const std::string &url : urls)
    total += client.get(url).size();
  return total / (client.get("/stats").size() + 1);
}
