// Run with LD_PRELOAD=libunbounded_guard_interpose.so
// UNBOUNDED_GUARD_MAX_THREADS=3 UNBOUNDED_GUARD_MAX_SOCKETS=2: the limits come
// from the environment and the binary itself does not link the interposition
// library. With --no-limits (check_env_limits.py sets only bad values): no
// limit is in force and ten threads start.
#include "unbounded/ResourceCounter.h"

#include <cerrno>
#include <cstdio>
#include <pthread.h>
#include <string>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

using namespace unbounded::guard;

namespace {

void *wait(void *) {
  pause();
  return nullptr;
}

int fail(const char *what) {
  std::fprintf(stderr, "preload probe: %s\n", what);
  return 1;
}

} // namespace

int noLimits() {
  if (resourceLimits().any())
    return fail("a limit is in force");
  for (int i = 0; i < 10; ++i) {
    pthread_t thread;
    if (pthread_create(&thread, nullptr, wait, nullptr) != 0)
      return fail("a thread was refused");
    pthread_detach(thread);
  }
  return 0;
}

int main(int argc, char **argv) {
  if (!interpositionActive())
    return fail("interposition library not loaded (LD_PRELOAD?)");
  if (argc > 1 && std::string(argv[1]) == "--no-limits")
    return noLimits();
  if (resourceLimits().maxThreads != 3 || resourceLimits().maxSockets != 2)
    return fail("limits not read from the environment");
  int created = 0;
  int lastError = 0;
  for (int i = 0; i < 10; ++i) {
    pthread_t thread;
    lastError = pthread_create(&thread, nullptr, wait, nullptr);
    if (lastError != 0)
      break;
    pthread_detach(thread);
    ++created;
  }
  if (created != 3 || lastError != EAGAIN)
    return fail("expected exactly 3 threads, then EAGAIN");
  std::vector<int> sockets;
  int fd;
  while ((fd = socket(AF_INET, SOCK_STREAM, 0)) >= 0)
    sockets.push_back(fd);
  if (sockets.size() != 2 || errno != EMFILE)
    return fail("expected exactly 2 sockets, then EMFILE");
  const ResourceCounts counts = *resourceCounts();
  std::printf("preload probe: threads live %lld peak %lld rejected %lld; "
              "sockets live %lld rejected %lld\n",
              (long long)counts.threads_live, (long long)counts.threads_peak,
              (long long)counts.threads_rejected,
              (long long)counts.sockets_live,
              (long long)counts.sockets_rejected);
  return counts.threads_peak == 3 && counts.sockets_rejected == 1
             ? 0
             : fail("wrong counts");
}
