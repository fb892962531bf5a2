// Incident 1, the thundering herd -- FIXED version.
//
// Requests go to a WorkerPool with a fixed number of threads and a bounded
// queue; when the queue is full the client gets 503 and retries later, so a
// spike costs some rejected requests instead of the whole service.
// Connections are served by at most max_connections threads at once: the
// accept loop takes a permit from a semaphore before it starts a thread, and
// the thread gives it back when it is done.
// Problematic version: thundering_herd_bad.cpp.
#include "orders/thundering_herd.h"

#include "orders/semaphore.h"

#include <thread>

namespace orders::fixed {

void registerOrderRoutes(Router& router, WorkerPool& pool) {
  router.Post("/orders", [&pool](const Request& req, Response& res) {
    if (!pool.try_submit([req] { processOrder(req); })) {
      res.status = 503;
      res.body = "Service busy, please retry";
      return;
    }
    res.status = 202;
  });
}

void serveConnections(Listener& listener, const std::atomic<bool>& running,
                      int max_connections) {
  Semaphore slots(max_connections);
  while (running) {
    // At the limit, stop accepting: new connections wait in the kernel's
    // listen backlog instead of becoming threads.
    slots.acquire();
    int fd = listener.acceptConnection();
    if (fd < 0) {  // listener closed: shutting down
      slots.release();
      break;
    }
    std::thread([&slots, fd] {
      handleConnection(fd);
      slots.release();
    }).detach();
  }
  // Wait for the connections still being served: `slots` must outlive them.
  for (int i = 0; i < max_connections; ++i) slots.acquire();
}

}  // namespace orders::fixed
