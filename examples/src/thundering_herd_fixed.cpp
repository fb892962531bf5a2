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

#include "orders/connection_thread.h"

#include <condition_variable>
#include <mutex>
#include <thread>

namespace orders::fixed {
namespace {

// std::counting_semaphore is C++20; this is the C++17 equivalent.
class Semaphore {
 public:
  explicit Semaphore(int permits) : permits_(permits) {}

  void acquire() {
    std::unique_lock<std::mutex> lock(mu_);
    available_.wait(lock, [this] { return permits_ > 0; });
    --permits_;
  }

  void release() {
    // Notify under the lock: the owner may destroy the semaphore as soon as
    // it can take the lock after the last release.
    std::lock_guard<std::mutex> lock(mu_);
    ++permits_;
    available_.notify_one();
  }

 private:
  std::mutex mu_;
  std::condition_variable available_;
  int permits_;
};

}  // namespace

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
    // The same thread per connection as the bad version, but only with a
    // permit in hand: at most max_connections run at once.
    serveOnNewThread(fd, [&slots] { slots.release(); });
  }
  // Wait for the connections still being served: `slots` must outlive them.
  for (int i = 0; i < max_connections; ++i) slots.acquire();
}

}  // namespace orders::fixed
