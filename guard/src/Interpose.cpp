// The interposition library: wraps thread and socket creation to count live
// resources exactly and to enforce artificial limits. Built as a shared
// library so it works both linked into a test binary (it precedes libc in
// symbol lookup) and through LD_PRELOAD. See docs/guard.md, "Live counting".

#include "unbounded/ResourceCounter.h"

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <dlfcn.h>
#include <mutex>
#include <pthread.h>
#include <sys/socket.h>
#include <unistd.h>
#include <unordered_set>

namespace {

struct Counter {
  std::atomic<int64_t> live{0};
  std::atomic<int64_t> peak{0};
  std::atomic<int64_t> total{0};
  std::atomic<int64_t> rejected{0};

  void notePeak(int64_t value) {
    int64_t seen = peak.load(std::memory_order_relaxed);
    while (value > seen && !peak.compare_exchange_weak(seen, value, std::memory_order_relaxed)) {
    }
  }

  /// Takes a slot unless that would exceed \p limit (negative: unlimited).
  bool reserve(int64_t limit) {
    const int64_t now = live.fetch_add(1) + 1;
    if (limit >= 0 && now > limit) {
      live.fetch_sub(1);
      rejected.fetch_add(1);
      return false;
    }
    notePeak(now);
    return true;
  }

  void commit() { total.fetch_add(1, std::memory_order_relaxed); }
  void release() { live.fetch_sub(1); }
};

Counter threads;
Counter sockets;
std::atomic<int64_t> connectsAttempted{0};
std::atomic<int64_t> connectsFailed{0};
std::atomic<int64_t> maxThreads{-1};
std::atomic<int64_t> maxSockets{-1};
std::atomic<int64_t> maxFds{-1};
// The tightest limits in force since the last peak reset (-1: none).
std::mutex tightestMutex;
unbounded_guard_limits tightest{-1, -1, -1};

int64_t tighter(int64_t a, int64_t b) {
  if (a < 0)
    return b;
  if (b < 0)
    return a;
  return a < b ? a : b;
}

void noteTightestLocked() {
  tightest.max_threads = tighter(tightest.max_threads, maxThreads.load());
  tightest.max_sockets = tighter(tightest.max_sockets, maxSockets.load());
  tightest.max_fds = tighter(tightest.max_fds, maxFds.load());
}

// Threads created here and neither joined nor detached yet.
std::mutex unreclaimedMutex;
std::unordered_set<pthread_t> *unreclaimed() {
  static auto *set = new std::unordered_set<pthread_t>(); // never destroyed: used at exit
  return set;
}

// Which descriptors are sockets we counted; beyond the table they are not tracked.
constexpr int kTrackedFds = 1 << 16;
std::atomic<bool> isSocket[kTrackedFds];

template <typename Function> Function real(const char *name) {
  void *symbol = dlsym(RTLD_NEXT, name);
  if (!symbol)
    abort(); // libc without the symbol: nothing sensible to do
  return reinterpret_cast<Function>(symbol);
}

#define UNBOUNDED_REAL(name)                                                                       \
  static const auto real_##name = real<decltype(&::name)>(#name)

int64_t envLimit(const char *name) {
  const char *value = getenv(name);
  if (!value || !*value)
    return -1;
  return strtoll(value, nullptr, 10);
}

__attribute__((constructor)) void readLimitsFromEnvironment() {
  maxThreads = envLimit("UNBOUNDED_GUARD_MAX_THREADS");
  maxSockets = envLimit("UNBOUNDED_GUARD_MAX_SOCKETS");
  maxFds = envLimit("UNBOUNDED_GUARD_MAX_FDS");
  std::lock_guard<std::mutex> lock(tightestMutex);
  noteTightestLocked();
}

struct Start {
  void *(*routine)(void *);
  void *argument;
};

/// Counts the thread as finished however it ends: return, pthread_exit or
/// cancellation (both unwind through this frame).
struct LiveThread {
  ~LiveThread() { threads.release(); }
};

void *trampoline(void *raw) {
  const Start start = *static_cast<Start *>(raw);
  delete static_cast<Start *>(raw);
  LiveThread live;
  return start.routine(start.argument);
}

void trackSocket(int fd) {
  sockets.commit();
  if (fd < kTrackedFds)
    isSocket[fd].store(true);
}

/// Checks max_fds the way RLIMIT_NOFILE does: by descriptor number.
bool beyondFdLimit(int fd) {
  const int64_t limit = maxFds.load();
  return limit >= 0 && fd >= limit;
}

int failWith(int error) {
  errno = error;
  return -1;
}

/// Shared tail of socket, accept and accept4: the slot is already reserved.
int finishSocket(int fd) {
  UNBOUNDED_REAL(close);
  if (fd < 0) {
    sockets.release();
    return fd;
  }
  if (beyondFdLimit(fd)) {
    real_close(fd);
    sockets.release();
    sockets.rejected.fetch_add(1);
    return failWith(EMFILE);
  }
  trackSocket(fd);
  return fd;
}

bool reserveSocket() { return sockets.reserve(maxSockets.load()); }

} // namespace

extern "C" {

__attribute__((visibility("default"))) void unbounded_guard_read_counts(unbounded_guard_counts *out) {
  out->threads_live = threads.live.load();
  out->threads_peak = threads.peak.load();
  out->threads_created = threads.total.load();
  out->threads_rejected = threads.rejected.load();
  {
    std::lock_guard<std::mutex> lock(unreclaimedMutex);
    out->threads_unreclaimed = static_cast<int64_t>(unreclaimed()->size());
  }
  out->sockets_live = sockets.live.load();
  out->sockets_peak = sockets.peak.load();
  out->sockets_opened = sockets.total.load();
  out->sockets_rejected = sockets.rejected.load();
  out->connects_attempted = connectsAttempted.load();
  out->connects_failed = connectsFailed.load();
}

__attribute__((visibility("default"))) void unbounded_guard_read_limits(unbounded_guard_limits *out) {
  out->max_threads = maxThreads.load();
  out->max_sockets = maxSockets.load();
  out->max_fds = maxFds.load();
}

__attribute__((visibility("default"))) void
unbounded_guard_write_limits(const unbounded_guard_limits *limits) {
  maxThreads = limits->max_threads;
  maxSockets = limits->max_sockets;
  maxFds = limits->max_fds;
  std::lock_guard<std::mutex> lock(tightestMutex);
  noteTightestLocked();
}

__attribute__((visibility("default"))) void
unbounded_guard_read_tightest_limits(unbounded_guard_limits *out) {
  std::lock_guard<std::mutex> lock(tightestMutex);
  *out = tightest;
}

__attribute__((visibility("default"))) void unbounded_guard_reset_peaks() {
  threads.peak = threads.live.load();
  sockets.peak = sockets.live.load();
  std::lock_guard<std::mutex> lock(tightestMutex);
  tightest = {-1, -1, -1};
  noteTightestLocked();
}

int pthread_create(pthread_t *thread, const pthread_attr_t *attr, void *(*routine)(void *),
                   void *argument) __THROWNL {
  UNBOUNDED_REAL(pthread_create);
  if (!threads.reserve(maxThreads.load()))
    return EAGAIN;
  auto *start = new Start{routine, argument};
  const int result = real_pthread_create(thread, attr, trampoline, start);
  if (result != 0) {
    delete start;
    threads.release();
    return result;
  }
  threads.commit();
  std::lock_guard<std::mutex> lock(unreclaimedMutex);
  unreclaimed()->insert(*thread);
  return 0;
}

void pthread_exit(void *value) {
  UNBOUNDED_REAL(pthread_exit);
  real_pthread_exit(value); // the trampoline's LiveThread counts the exit while unwinding
  __builtin_unreachable();
}

int pthread_join(pthread_t thread, void **value) {
  UNBOUNDED_REAL(pthread_join);
  const int result = real_pthread_join(thread, value);
  if (result == 0) {
    std::lock_guard<std::mutex> lock(unreclaimedMutex);
    unreclaimed()->erase(thread);
  }
  return result;
}

int pthread_detach(pthread_t thread) __THROW {
  UNBOUNDED_REAL(pthread_detach);
  const int result = real_pthread_detach(thread);
  if (result == 0) {
    std::lock_guard<std::mutex> lock(unreclaimedMutex);
    unreclaimed()->erase(thread);
  }
  return result;
}

int socket(int domain, int type, int protocol) __THROW {
  UNBOUNDED_REAL(socket);
  if (!reserveSocket())
    return failWith(EMFILE);
  return finishSocket(real_socket(domain, type, protocol));
}

int socketpair(int domain, int type, int protocol, int fds[2]) __THROW {
  UNBOUNDED_REAL(socketpair);
  if (!reserveSocket())
    return failWith(EMFILE);
  if (!reserveSocket()) {
    sockets.release();
    return failWith(EMFILE);
  }
  if (real_socketpair(domain, type, protocol, fds) != 0) {
    sockets.release();
    sockets.release();
    return -1;
  }
  const int second = fds[1];
  if (finishSocket(fds[0]) < 0) {
    UNBOUNDED_REAL(close);
    real_close(second);
    sockets.release();
    return failWith(EMFILE);
  }
  if (finishSocket(second) < 0) {
    close(fds[0]);
    return failWith(EMFILE);
  }
  return 0;
}

int accept(int fd, sockaddr *address, socklen_t *length) {
  UNBOUNDED_REAL(accept);
  if (!reserveSocket())
    return failWith(EMFILE); // like the OS: the connection stays in the backlog
  return finishSocket(real_accept(fd, address, length));
}

int accept4(int fd, sockaddr *address, socklen_t *length, int flags) {
  UNBOUNDED_REAL(accept4);
  if (!reserveSocket())
    return failWith(EMFILE);
  return finishSocket(real_accept4(fd, address, length, flags));
}

int connect(int fd, const sockaddr *address, socklen_t length) {
  UNBOUNDED_REAL(connect);
  connectsAttempted.fetch_add(1, std::memory_order_relaxed);
  const int result = real_connect(fd, address, length);
  if (result != 0 && errno != EINPROGRESS)
    connectsFailed.fetch_add(1, std::memory_order_relaxed);
  return result;
}

int close(int fd) {
  UNBOUNDED_REAL(close);
  // Unmark before closing: once closed, the number may be reused at once.
  if (fd >= 0 && fd < kTrackedFds && isSocket[fd].exchange(false))
    sockets.release();
  return real_close(fd);
}

} // extern "C"
