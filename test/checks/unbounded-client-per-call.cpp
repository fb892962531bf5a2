// Clients, connections and pools whose whole life is one call, one loop
// iteration or one request.
// RUN: %check_both %s unbounded-client-per-call -- -std=c++17 %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <boost/asio.hpp>
#include <cpr/cpr.h>
#include <curl/curl.h>
#include <grpcpp/grpcpp.h>
#include <hiredis/hiredis.h>
#include <httplib.h>
#include <libpq-fe.h>
#include <memory>
#include <mysql.h>
#include <pqxx/pqxx>
#include <string>
#include <vector>

struct Stub {
  static std::unique_ptr<Stub> NewStub(std::shared_ptr<grpc::Channel> channel);
  void Call();
};
bool running();
std::string next();

// ---- Positives ---------------------------------------------------------------

// Case study 4, as written: a new client for every call.
std::string callDownstreamService(const std::string &url) {
  httplib::Client client("http://inventory:8080");
  // CHECK: :[[@LINE-1]]:19: warning: 'httplib::Client' is created on every call of 'callDownstreamService' and destroyed at its end: each one opens its own connections (create one shared client, configured with connection limits, and reuse it) [unbounded-client-per-call]
  auto res = client.Get(url);
  return res ? "ok" : "failed";
}

void fetchAll(const std::vector<std::string> &urls) {
  for (const std::string &url : urls) {
    CURL *curl = curl_easy_init();
    // CHECK: :[[@LINE-1]]:18: warning: the handle from 'curl_easy_init' is obtained on every iteration of an unbounded loop and released at its end
    // CHECK-NEXT: :[[@LINE-3]]:3: note: the loop is unbounded: it runs once per element of 'urls'
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_perform(curl);
    curl_easy_cleanup(curl);
    // CHECK-NEXT: :[[@LINE-1]]:5: note: released here, at the end of the same iteration
  }
}

void leaky() {
  redisContext *redis = redisConnect("cache", 6379);
  // CHECK: :[[@LINE-1]]:25: warning: the handle from 'redisConnect' is obtained on every call of 'leaky' and never released
  redisCommand(redis, "INCR hits");
}

void perCallStub() {
  auto stub = Stub::NewStub(
      grpc::CreateChannel("orders:50051", grpc::InsecureChannelCredentials()));
  // CHECK: :[[@LINE-1]]:7: warning: the handle from 'grpc::CreateChannel' is obtained on every call of 'perCallStub' and destroyed at its end
  stub->Call();
}

void database(int id) {
  pqxx::connection db("dbname=orders");
  // CHECK: :[[@LINE-1]]:20: warning: 'pqxx::connection' is created on every call of 'database' and destroyed at its end
  pqxx::work tx(db);
  tx.commit();
  PGconn *pg = PQconnectdb("dbname=orders");
  // CHECK: :[[@LINE-1]]:16: warning: the handle from 'PQconnectdb' is obtained on every call of 'database' and released at its end
  PQfinish(pg);
  // CHECK-NEXT: :[[@LINE-1]]:3: note: released here, at the end of the same call
  MYSQL *my = mysql_init(nullptr);
  // CHECK: :[[@LINE-1]]:15: warning: the handle from 'mysql_init' is obtained on every call of 'database' and released at its end
  mysql_real_connect(my, "db", "u", "p", "orders", 3306, nullptr, 0);
  mysql_close(my);
  // CHECK-NEXT: :[[@LINE-1]]:3: note: released here, at the end of the same call
}

void handlers(httplib::Server &server) {
  server.Get("/price", [](const httplib::Request &, httplib::Response &res) {
    cpr::Session session;
    // CHECK: :[[@LINE-1]]:18: warning: 'cpr::Session' is created on every request to this handler and destroyed at its end
    // CHECK-NEXT: :[[@LINE-3]]:10: note: 'Get' registers the handler, which runs once per request
    session.SetUrl("http://pricing");
    res.status = session.Get().status_code;
  });
}

// curlpp's easy handle, declared here as its header declares it.
namespace curlpp {
class Easy {
public:
  Easy();
  ~Easy();
  void perform();
};
} // namespace curlpp
void fetchPage() {
  curlpp::Easy request;
  // CHECK: :[[@LINE-1]]:16: warning: 'curlpp::Easy' is created on every call of 'fetchPage' and destroyed at its end
  request.perform();
}

void temporary() {
  httplib::Client("http://audit:80").Post("/log", "{}", "application/json");
  // CHECK: :[[@LINE-1]]:3: warning: 'httplib::Client' is created on every call of 'temporary' and destroyed at its end
}

void asioPerCall() {
  boost::asio::io_context io;
  // CHECK: :[[@LINE-1]]:27: warning: 'boost::asio::io_context' is created on every call of 'asioPerCall' and destroyed at its end
  boost::asio::ip::tcp::resolver resolver(io);
  boost::asio::ip::tcp::socket socket(io);
  resolver.resolve("orders", "80");
}

void heapClient() {
  auto client = std::make_unique<httplib::Client>("http://inventory:8080");
  // CHECK: :[[@LINE-1]]:17: warning: 'httplib::Client' is created on every call of 'heapClient' and destroyed at its end
  client->Get("/");
}

// ---- Negatives ---------------------------------------------------------------

// Case study 4, fixed: one shared client.
httplib::Client &sharedClient() {
  static httplib::Client client("http://inventory:8080");
  return client;
}
std::string callDownstreamFixed(const std::string &url) {
  auto res = sharedClient().Get(url);
  return res ? "ok" : "failed";
}

thread_local CURL *PerThread = curl_easy_init();
httplib::Client Global("http://inventory:8080");

class Repository {
public:
  Repository() : curl(curl_easy_init()) {
    // A pool filling a fixed number of connections.
    for (int i = 0; i < 4; ++i)
      pool.push_back(std::make_unique<pqxx::connection>("dbname=orders"));
    redis = redisConnect("cache", 6379);
  }
  void reconnect() { redis = redisConnect("cache", 6379); }

private:
  CURL *curl;
  redisContext *redis;
  std::vector<std::unique_ptr<pqxx::connection>> pool;
};

// Factories hand the client to the caller.
std::unique_ptr<httplib::Client> makeClient() {
  return std::make_unique<httplib::Client>("http://inventory:8080");
}
CURL *makeHandle() {
  CURL *handle = curl_easy_init();
  curl_easy_setopt(handle, CURLOPT_URL, "http://a");
  return handle;
}
pqxx::connection openDb() {
  pqxx::connection c("dbname=orders");
  return c;
}

// One handle for the whole batch, reset between items.
void crawl(const std::vector<std::string> &urls) {
  CURL *curl = curl_easy_init();
  for (const std::string &url : urls) {
    curl_easy_reset(curl);
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_perform(curl);
  }
  curl_easy_cleanup(curl);
}

// Moved into a longer-lived owner.
struct Holder {
  void adopt() {
    auto fresh = std::make_unique<httplib::Client>("http://a");
    clients.push_back(std::move(fresh));
  }
  std::vector<std::unique_ptr<httplib::Client>> clients;
};

// Handed to code this analysis does not follow.
void keep(CURL *);
void handOver() { keep(curl_easy_init()); }

// main lives as long as the program.
int main() {
  httplib::Client client("http://inventory:8080");
  client.Get("/");
  boost::asio::io_context io;
  boost::asio::ip::tcp::socket socket(io);
}

// Handed to a new owner that releases it.
void addTransfer(CURLM *multi, const char *url) {
  CURL *curl = curl_easy_init();
  curl_easy_setopt(curl, CURLOPT_URL, url);
  curl_multi_add_handle(multi, curl);
}
void enqueueForLater(std::vector<CURL *> &queue) {
  CURL *curl = curl_easy_init();
  queue.push_back(curl);
}
// A stub kept in a member holds its channel.
struct Orders {
  void connect() {
    auto channel =
        grpc::CreateChannel("orders:50051", grpc::InsecureChannelCredentials());
    stub = Stub::NewStub(channel);
  }
  std::unique_ptr<Stub> stub;
};
