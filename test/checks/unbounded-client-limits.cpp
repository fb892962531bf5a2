// Shared clients and servers set up without the limits their library offers.
// RUN: %check_both %s unbounded-client-limits -- -std=c++17 %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <curl/curl.h>
#include <grpcpp/grpcpp.h>
#include <httplib.h>

// ---- Positives ---------------------------------------------------------------

class Downloader {
public:
  Downloader() : multi(curl_multi_init()) {
    // CHECK: :[[@LINE-1]]:24: warning: libcurl multi handle 'multi' is used without CURLMOPT_MAX_TOTAL_CONNECTIONS or CURLMOPT_MAX_HOST_CONNECTIONS: it opens as many connections as it has transfers (cap both with curl_multi_setopt) [unbounded-client-limits]
    curl_multi_setopt(multi, CURLMOPT_PIPELINING, 1L);
  }
  void add(CURL *easy) { curl_multi_add_handle(multi, easy); }

private:
  CURLM *multi;
};

int serveHttp() {
  httplib::Server server;
  // CHECK: :[[@LINE-1]]:19: warning: 'httplib::Server' 'server' listens with its default task queue, which queues requests without bound behind its thread pool (set new_task_queue to a queue with a maximum length that rejects when full)
  server.Get("/health", [](const httplib::Request &, httplib::Response &) {});
  return server.listen("0.0.0.0", 8080) ? 0 : 1;
}

class Api {
public:
  void run() { http.listen("0.0.0.0", 8081); }

private:
  httplib::Server http;
  // CHECK: :[[@LINE-1]]:19: warning: 'httplib::Server' 'http' listens with its default task queue
};

// A server held by pointer, made in the constructor.
class SecureApi {
public:
  SecureApi() : https(new httplib::Server()) {}
  ~SecureApi() { delete https; }
  void run() { https->listen("0.0.0.0", 8443); }

private:
  httplib::Server *https;
  // CHECK: :[[@LINE-1]]:20: warning: 'httplib::Server' 'https' listens with its default task queue
};

void serveGrpc(grpc::Service *service) {
  grpc::ServerBuilder builder;
  // CHECK: :[[@LINE-1]]:23: warning: gRPC server built by 'builder' without a resource quota or MAX_POLLERS: nothing caps its threads (SetResourceQuota(grpc::ResourceQuota().SetMaxThreads(n)))
  builder.AddListeningPort("0.0.0.0:50051", grpc::InsecureServerCredentials());
  builder.RegisterService(service);
  builder.BuildAndStart()->Wait();
}

// ---- Negatives ---------------------------------------------------------------

// The same pointer member given a bounded queue before it listens.
class BoundedSecureApi {
public:
  BoundedSecureApi() : https(new httplib::Server()) {
    https->new_task_queue = [] { return makeBoundedQueue(); };
  }
  void run() { https->listen("0.0.0.0", 8443); }

private:
  static httplib::TaskQueue *makeBoundedQueue();
  httplib::Server *https;
};

class LimitedDownloader {
public:
  LimitedDownloader() : multi(curl_multi_init()) {
    curl_multi_setopt(multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, 20L);
    curl_multi_setopt(multi, CURLMOPT_MAX_HOST_CONNECTIONS, 10L);
  }
  void add(CURL *easy) { curl_multi_add_handle(multi, easy); }

private:
  CURLM *multi;
};

void configure(CURLM *multi);
void configuredElsewhere(CURL *easy) {
  CURLM *multi = curl_multi_init();
  configure(multi);
  curl_multi_add_handle(multi, easy);
}

class BoundedQueue : public httplib::TaskQueue {
public:
  BoundedQueue(int threads, int max_queued);
};
int serveBounded() {
  httplib::Server server;
  server.new_task_queue = [] { return new BoundedQueue(8, 64); };
  return server.listen("0.0.0.0", 8080) ? 0 : 1;
}

void setUp(httplib::Server &server);
int serveConfiguredElsewhere() {
  httplib::Server server;
  setUp(server);
  return server.listen("0.0.0.0", 8080) ? 0 : 1;
}

int notStarted() {
  httplib::Server server;
  server.Get("/x", [](const httplib::Request &, httplib::Response &) {});
  return 0;
}

void serveGrpcWithQuota(grpc::Service *service) {
  grpc::ServerBuilder builder;
  grpc::ResourceQuota quota("server");
  quota.SetMaxThreads(64);
  builder.SetResourceQuota(quota);
  builder.RegisterService(service);
  builder.BuildAndStart()->Wait();
}

void serveGrpcWithPollers(grpc::Service *service) {
  grpc::ServerBuilder builder;
  builder.SetSyncServerOption(grpc::ServerBuilder::MAX_POLLERS, 8);
  builder.BuildAndStart()->Wait();
}

grpc::ServerBuilder &builderFactory() {
  static grpc::ServerBuilder builder;
  return builder;
}
