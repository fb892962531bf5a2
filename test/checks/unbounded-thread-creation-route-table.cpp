// A handler stored into a route table keyed by a request path (as
// Simple-Web-Server does) runs once per request, like one passed to Get.
// RUN: %check_both %s unbounded-thread-creation -- -std=c++17 %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <functional>
#include <map>
#include <string>
#include <thread>

struct Connection {};
void slowWork(Connection *);

struct Server {
  std::map<std::string, std::map<std::string, std::function<void(Connection *)>>>
      resource;
  std::map<std::string, std::function<void()>> hooks;
};

void setup(Server &server) {
  server.resource["^/work$"]["GET"] = [](Connection *conn) {
    std::thread([conn] { slowWork(conn); }).detach();
    // CHECK: :[[@LINE-1]]:5: warning: thread started by 'std::thread' on every request to this handler is detached
    // CHECK-NEXT: :[[@LINE-3]]:37: note: the handler is stored in a route table here, and runs once per request
    // CHECK-NEXT: :[[@LINE-3]]:45: note: thread detached here
  };
  // Not a path: a table of named hooks, run as often as the code says.
  server.hooks["shutdown"] = [] { std::thread([] { slowWork(nullptr); }).detach(); };
}
