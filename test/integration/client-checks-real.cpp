// unbounded-client-per-call and unbounded-client-limits against the real
// Debian headers: libcurl, cpp-httplib, gRPC, hiredis, libpqxx, libpq,
// MariaDB and Boost.Asio.
// RUN: %check_both %s unbounded-client-per-call,unbounded-client-limits -- \
// RUN:   -std=c++17 -pthread -I/usr/include/postgresql -I/usr/include/mariadb \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <boost/asio.hpp>
#include <curl/curl.h>
#include <grpcpp/grpcpp.h>
#include <hiredis/hiredis.h>
#include <httplib.h>
#include <libpq-fe.h>
#include <mysql.h>
#include <pqxx/pqxx>
#include <string>
#include <vector>

std::string callDownstream(const std::string &path) {
  httplib::Client client("http://inventory:8080");
  // CHECK: :[[@LINE-1]]:19: warning: 'httplib::Client' is created on every call of 'callDownstream' and destroyed at its end
  auto res = client.Get(path.c_str());
  return res ? res->body : "";
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

std::shared_ptr<grpc::Channel> perCallChannel() {
  auto channel = grpc::CreateChannel("orders:50051",
                                     grpc::InsecureChannelCredentials());
  // CHECK: :[[@LINE-2]]:18: warning: the handle from 'grpc::CreateChannel' is obtained on every call of 'perCallChannel' and destroyed at its end
  channel->GetState(false);
  return nullptr;
}

void storage() {
  redisContext *redis = redisConnect("cache", 6379);
  // CHECK: :[[@LINE-1]]:25: warning: the handle from 'redisConnect' is obtained on every call of 'storage' and released at its end
  redisFree(redis);
  // CHECK-NEXT: :[[@LINE-1]]:3: note: released here, at the end of the same call
  pqxx::connection db("dbname=orders");
  // CHECK: :[[@LINE-1]]:20: warning: 'pqxx::connection' is created on every call of 'storage' and destroyed at its end
  PGconn *pg = PQconnectdb("dbname=orders");
  // CHECK: :[[@LINE-1]]:16: warning: the handle from 'PQconnectdb' is obtained on every call of 'storage' and released at its end
  PQfinish(pg);
  // CHECK-NEXT: :[[@LINE-1]]:3: note: released here, at the end of the same call
  MYSQL *my = mysql_init(nullptr);
  // CHECK: :[[@LINE-1]]:15: warning: the handle from 'mysql_init' is obtained on every call of 'storage' and released at its end
  mysql_close(my);
  // CHECK-NEXT: :[[@LINE-1]]:3: note: released here, at the end of the same call
}

void asioPerCall() {
  boost::asio::io_context io;
  // CHECK: :[[@LINE-1]]:27: warning: 'boost::asio::io_context' is created on every call of 'asioPerCall' and destroyed at its end
  boost::asio::ip::tcp::resolver resolver(io);
  boost::asio::ip::tcp::socket socket(io);
  boost::asio::connect(socket, resolver.resolve("orders", "80"));
}

int serveHttp() {
  httplib::Server server;
  // CHECK: :[[@LINE-1]]:19: warning: 'httplib::Server' 'server' listens with its default task queue
  server.Get("/health", [](const httplib::Request &, httplib::Response &) {});
  return server.listen("0.0.0.0", 8080) ? 0 : 1;
}

void serveGrpc(grpc::Service *service) {
  grpc::ServerBuilder builder;
  // CHECK: :[[@LINE-1]]:23: warning: gRPC server built by 'builder' without a resource quota or MAX_POLLERS
  builder.AddListeningPort("0.0.0.0:50051", grpc::InsecureServerCredentials());
  builder.RegisterService(service);
  builder.BuildAndStart()->Wait();
}

class Downloader {
public:
  Downloader() : multi(curl_multi_init()) {
    // CHECK: :[[@LINE-1]]:24: warning: libcurl multi handle 'multi' is used without CURLMOPT_MAX_TOTAL_CONNECTIONS or CURLMOPT_MAX_HOST_CONNECTIONS
  }
  void add(CURL *easy) { curl_multi_add_handle(multi, easy); }

private:
  CURLM *multi;
};

// ---- Negatives: the case study's fix and its C++ equivalents -----------------

httplib::Client &sharedClient() {
  static httplib::Client client("http://inventory:8080");
  return client;
}

class Limited {
public:
  Limited() : multi(curl_multi_init()) {
    curl_multi_setopt(multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, 20L);
    curl_multi_setopt(multi, CURLMOPT_MAX_HOST_CONNECTIONS, 10L);
  }
  void add(CURL *easy) { curl_multi_add_handle(multi, easy); }

private:
  CURLM *multi;
};

void serveGrpcLimited(grpc::Service *service) {
  grpc::ServerBuilder builder;
  grpc::ResourceQuota quota("orders");
  quota.SetMaxThreads(64);
  builder.SetResourceQuota(quota);
  builder.RegisterService(service);
  builder.BuildAndStart()->Wait();
}

void crawl(const std::vector<std::string> &urls) {
  CURL *curl = curl_easy_init();
  for (const std::string &url : urls) {
    curl_easy_reset(curl);
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_perform(curl);
  }
  curl_easy_cleanup(curl);
}
