// A connection served on a thread of its own, started in this file's
// source (src/connection_thread.cpp) and called from the accept loops of
// incident 1 in other files: the linter has to follow the call across files
// to see the thread.
#ifndef ORDERS_CONNECTION_THREAD_H
#define ORDERS_CONNECTION_THREAD_H

#include <functional>

namespace orders {

// Serves fd on a new detached thread, then runs done (if any).
void serveOnNewThread(int fd, std::function<void()> done = {});

}  // namespace orders

#endif
