// Incident 1 once more, the way real servers hide it: the accept loop calls
// a helper in another file (src/connection_thread.cpp) that starts the
// thread. src/session_server_bad.cpp and src/session_server_fixed.cpp.
#ifndef ORDERS_CONNECTION_THREAD_H
#define ORDERS_CONNECTION_THREAD_H

#include "orders/service.h"

#include <atomic>
#include <functional>

namespace orders {

// Serves fd on a new detached thread, then runs done (if any).
void serveOnNewThread(int fd, std::function<void()> done = {});

namespace bad {
// Accepts connections until the listener closes, each served by
// serveOnNewThread: a thread per connection, one file away.
void serveSessions(Listener& listener, const std::atomic<bool>& running);
}  // namespace bad

namespace fixed {
// The same helper, called only with one of max_sessions permits in hand.
// Returns once every session is served.
void serveSessions(Listener& listener, const std::atomic<bool>& running,
                   int max_sessions);
}  // namespace fixed

}  // namespace orders

#endif
