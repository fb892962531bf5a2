// Incident 1, the thundering herd -- PROBLEMATIC version.
//
// Every request starts a thread. At 1K requests/s that is harmless; during a
// flash sale at 50K requests/s with a second of work each, 50K threads are
// alive at once, each with its own stack, until the process is OOM-killed.
// Fixed version: thundering_herd_fixed.cpp.
#include "orders/thundering_herd.h"

#include <thread>

namespace orders::bad {

void registerOrderRoutes(Router& router) {
  router.Post("/orders", [](const Request& req, Response& res) {
    // "Respond fast, do the work in the background." One thread per request,
    // and nothing limits how many requests arrive.
    std::thread([req] { processOrder(req); }).detach();  // EXPECT: unbounded-thread-creation
    res.status = 202;
  });
}

void serveConnections(Listener& listener, const std::atomic<bool>& running) {
  while (running) {
    int fd = listener.acceptConnection();
    if (fd < 0) break;  // listener closed: shutting down
    // One thread per connection, detached: nobody counts them.
    std::thread(handleConnection, fd).detach();  // EXPECT: unbounded-thread-creation
  }
}

}  // namespace orders::bad
