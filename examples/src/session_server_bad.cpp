// Incident 1 behind a helper -- PROBLEMATIC version.
//
// The accept loop looks harmless: no std::thread in sight. The thread is
// started by serveOnNewThread, in connection_thread.cpp; every connection
// still gets one, and nothing counts them. unbounded-tidy follows the call
// into the other file (the driver joins both files' facts; the plugin and
// unbounded-clangd need the exported facts file, UnboundedFactsFile).
// Fixed version: session_server_fixed.cpp.
#include "orders/connection_thread.h"

namespace orders::bad {

void serveSessions(Listener& listener, const std::atomic<bool>& running) {
  while (running) {
    int fd = listener.acceptConnection();
    if (fd < 0) break;  // listener closed: shutting down
    serveOnNewThread(fd);  // EXPECT: unbounded-thread-creation
  }
}

}  // namespace orders::bad
