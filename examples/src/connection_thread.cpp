// See connection_thread.h.
#include "orders/connection_thread.h"

#include "orders/service.h"

#include <thread>

namespace orders {

void serveOnNewThread(int fd, std::function<void()> done) {
  std::thread([fd, done = std::move(done)] {
    handleConnection(fd);
    if (done) done();
  }).detach();
}

}  // namespace orders
