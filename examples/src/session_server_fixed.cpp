// Incident 1 behind a helper -- FIXED version.
//
// The same helper starts the same thread, but the loop takes a permit first
// and the session gives it back when it ends: at most max_sessions threads.
#include "orders/connection_thread.h"

#include "orders/semaphore.h"

namespace orders::fixed {

void serveSessions(Listener& listener, const std::atomic<bool>& running,
                   int max_sessions) {
  Semaphore slots(max_sessions);
  while (running) {
    slots.acquire();
    int fd = listener.acceptConnection();
    if (fd < 0) {  // listener closed: shutting down
      slots.release();
      break;
    }
    serveOnNewThread(fd, [&slots] { slots.release(); });
  }
  // Wait for the sessions still being served: `slots` must outlive them.
  for (int i = 0; i < max_sessions; ++i) slots.acquire();
}

}  // namespace orders::fixed
