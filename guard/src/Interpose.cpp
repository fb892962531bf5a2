// The interposition library: wraps thread and socket creation to count live
// resources exactly and to enforce artificial limits. Built as a shared
// library so it works both linked into a test binary (it precedes libc in
// symbol lookup) and through LD_PRELOAD. See docs/guard.md, "Live counting".
// With origin capture on it also keeps the creation stack of every live
// thread and descriptor (docs/guard.md, "Where a leak was made").

#include "unbounded/ResourceCounter.h"

#include <arpa/inet.h>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <execinfo.h>
#include <fcntl.h>
#include <mutex>
#include <netinet/in.h>
#include <pthread.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/timerfd.h>
#include <sys/uio.h>
#include <thread>
#include <unistd.h>
#include <unordered_map>
#include <unordered_set>

namespace {

struct Counter {
  std::atomic<int64_t> live{0};
  std::atomic<int64_t> peak{0};
  std::atomic<int64_t> total{0};
  std::atomic<int64_t> rejected{0};

  void notePeak(int64_t value) {
    int64_t seen = peak.load(std::memory_order_relaxed);
    while (value > seen && !peak.compare_exchange_weak(
                               seen, value, std::memory_order_relaxed)) {
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
  static auto *set =
      new std::unordered_set<pthread_t>(); // never destroyed: used at exit
  return set;
}

// Which descriptors are sockets we counted; beyond the table they are not
// tracked.
constexpr int kTrackedFds = 1 << 16;
std::atomic<bool> isSocket[kTrackedFds];

template <typename Function> Function real(const char *name) {
  void *symbol = dlsym(RTLD_NEXT, name);
  if (!symbol)
    abort(); // libc without the symbol: nothing sensible to do
  return reinterpret_cast<Function>(symbol);
}

#define UNBOUNDED_REAL(name)                                                   \
  static const auto real_##name = real<decltype(&::name)>(#name)

/// The limit in environment variable `name`, -1 (none) when it is unset or
/// empty. Anything but a whole number of 0 or more ("abc", "50x", "-1")
/// is reported in one line on stderr and ignored: a silent limit of 0 or
/// 50 would be worse than none.
int64_t envLimit(const char *name) {
  const char *value = getenv(name);
  if (!value || !*value)
    return -1;
  errno = 0;
  char *end = nullptr;
  const long long parsed = strtoll(value, &end, 10);
  if (isdigit(static_cast<unsigned char>(*value)) && *end == '\0' && errno == 0)
    return parsed;
  dprintf(
      STDERR_FILENO,
      "unbounded-guard: ignoring %s='%s': expected a whole number, 0 or more\n",
      name, value);
  return -1;
}

__attribute__((constructor)) void readLimitsFromEnvironment() {
  maxThreads = envLimit("UNBOUNDED_GUARD_MAX_THREADS");
  maxSockets = envLimit("UNBOUNDED_GUARD_MAX_SOCKETS");
  maxFds = envLimit("UNBOUNDED_GUARD_MAX_FDS");
  std::lock_guard<std::mutex> lock(tightestMutex);
  noteTightestLocked();
}

// Origins: the creation stacks of live threads (by tid) and descriptors.
// Off by default: the backtrace adds about 15% to a thread's creation and
// doubles an open() (docs/performance.md, "Runtime guard"), which a load
// test should not pay; the GoogleTest listener turns it on.
std::atomic<int> originCapture{0};
thread_local bool capturing = false;

struct FdOrigin {
  unbounded_guard_origin origin;
  dev_t
      device; // with inode: tells a reused number from the descriptor recorded
  ino_t inode;
};

std::mutex originMutex;
std::unordered_map<pid_t, unbounded_guard_origin> &threadOrigins() {
  static auto *map =
      new std::unordered_map<pid_t, unbounded_guard_origin>(); // used at exit
  return *map;
}
std::unordered_map<int, FdOrigin> &fdOrigins() {
  static auto *map = new std::unordered_map<int, FdOrigin>();
  return *map;
}
std::atomic<size_t> fdOriginCount{0};

bool capturingOrigins(int kind) {
  return (originCapture.load(std::memory_order_relaxed) & kind) != 0;
}

/// This call's stack into \p out; false when called from inside a capture
/// (backtrace loading its unwinder opens files).
bool captureOrigin(const char *call, void *routine,
                   unbounded_guard_origin *out) {
  if (capturing)
    return false;
  capturing = true;
  out->call = call;
  out->routine = routine;
  out->depth =
      backtrace(out->frames, sizeof out->frames / sizeof out->frames[0]);
  capturing = false;
  return true;
}

/// Records where \p fd was made; returns \p fd.
int noteFd(int fd, const char *call) {
  if (fd < 0 || !capturingOrigins(UNBOUNDED_GUARD_ORIGIN_FDS))
    return fd;
  FdOrigin entry;
  struct stat status;
  if (!captureOrigin(call, nullptr, &entry.origin) || fstat(fd, &status) != 0)
    return fd;
  entry.device = status.st_dev;
  entry.inode = status.st_ino;
  std::lock_guard<std::mutex> lock(originMutex);
  fdOrigins()[fd] = entry;
  fdOriginCount.store(fdOrigins().size());
  return fd;
}

/// Records both ends of a pipe when \p result says it was made; returns it.
int notePair(int result, const int fds[2], const char *call) {
  if (result == 0) {
    noteFd(fds[0], call);
    noteFd(fds[1], call);
  }
  return result;
}

void forgetFd(int fd) {
  if (fdOriginCount.load(std::memory_order_relaxed) == 0)
    return;
  std::lock_guard<std::mutex> lock(originMutex);
  fdOrigins().erase(fd);
  fdOriginCount.store(fdOrigins().size());
}

int parseOriginCapture(const char *value) {
  if (!strcmp(value, "off") || !strcmp(value, "none"))
    return 0;
  if (!strcmp(value, "threads"))
    return UNBOUNDED_GUARD_ORIGIN_THREADS;
  if (!strcmp(value, "fds"))
    return UNBOUNDED_GUARD_ORIGIN_FDS;
  if (!strcmp(value, "all") || !strcmp(value, "threads,fds") ||
      !strcmp(value, "fds,threads"))
    return UNBOUNDED_GUARD_ORIGIN_THREADS | UNBOUNDED_GUARD_ORIGIN_FDS;
  return -1;
}

__attribute__((constructor)) void readOriginCaptureFromEnvironment() {
  const char *value = getenv("UNBOUNDED_GUARD_ORIGINS");
  if (!value || !*value)
    return;
  const int mask = parseOriginCapture(value);
  if (mask < 0) {
    fprintf(stderr,
            "unbounded-guard: UNBOUNDED_GUARD_ORIGINS='%s' is not off, "
            "threads, fds or all\n",
            value);
    _exit(2); // a misspelt setting would silently capture nothing
  }
  originCapture = mask;
}

struct Start {
  void *(*routine)(void *);
  void *argument;
  bool hasOrigin;
  unbounded_guard_origin origin;
};

/// Counts the thread as finished however it ends: return, pthread_exit or
/// cancellation (both unwind through this frame), and forgets its origin.
struct LiveThread {
  bool hasOrigin = false;
  ~LiveThread() {
    threads.release();
    if (!hasOrigin)
      return;
    std::lock_guard<std::mutex> lock(originMutex);
    threadOrigins().erase(gettid());
  }
};

void *trampoline(void *raw) {
  const Start start = *static_cast<Start *>(raw);
  delete static_cast<Start *>(raw);
  LiveThread live;
  if (start.hasOrigin) {
    std::lock_guard<std::mutex> lock(originMutex);
    threadOrigins()[gettid()] = start.origin;
    live.hasOrigin = true;
  }
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
int finishSocket(const char *call, int fd) {
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
  return noteFd(fd, call);
}

bool reserveSocket() { return sockets.reserve(maxSockets.load()); }

// Chaos faults: a downstream address whose connects are refused, time out,
// are delayed, or succeed on a connection that is then reset.
enum FaultMode {
  kNoFault = 0,
  kRefuse = 1,
  kTimeout = 2,
  kLatency = 3,
  kReset = 4
};

struct Fault {
  int mode = kNoFault;
  sockaddr_storage address{}; ///< family, address and port to match
  int64_t delayMs = 0;
  uint64_t acted = 0; ///< connects the fault acted on
};

constexpr int kFaultSlots = 8;
std::mutex faultMutex;
Fault faults[kFaultSlots];
// Descriptors whose connection a reset fault owns: I/O on them fails.
std::atomic<bool> anyReset{false};
std::atomic<bool> isReset[kTrackedFds];

bool sameEndpoint(const sockaddr_storage &fault, const sockaddr *address) {
  if (!address || fault.ss_family != address->sa_family)
    return false;
  if (address->sa_family == AF_INET) {
    const auto &a = reinterpret_cast<const sockaddr_in &>(fault);
    const auto *b = reinterpret_cast<const sockaddr_in *>(address);
    return a.sin_port == b->sin_port && a.sin_addr.s_addr == b->sin_addr.s_addr;
  }
  if (address->sa_family == AF_INET6) {
    const auto &a = reinterpret_cast<const sockaddr_in6 &>(fault);
    const auto *b = reinterpret_cast<const sockaddr_in6 *>(address);
    return a.sin6_port == b->sin6_port &&
           std::memcmp(&a.sin6_addr, &b->sin6_addr, sizeof a.sin6_addr) == 0;
  }
  return false;
}

/// The fault for this destination, counted as acted on; mode kNoFault if none.
Fault faultFor(const sockaddr *address) {
  std::lock_guard<std::mutex> lock(faultMutex);
  for (Fault &fault : faults)
    if (fault.mode != kNoFault && sameEndpoint(fault.address, address)) {
      ++fault.acted;
      return fault;
    }
  return {};
}

bool resetFd(int fd) {
  return anyReset.load(std::memory_order_relaxed) && fd >= 0 &&
         fd < kTrackedFds && isReset[fd].load(std::memory_order_relaxed);
}

void sleepMs(int64_t ms) {
  std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}

} // namespace

extern "C" {

__attribute__((visibility("default"))) void
unbounded_guard_read_counts(unbounded_guard_counts *out) {
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

__attribute__((visibility("default"))) void
unbounded_guard_read_limits(unbounded_guard_limits *out) {
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

__attribute__((visibility("default"))) int
unbounded_guard_set_fault(const char *host, int port, int mode,
                          int64_t delay_ms) {
  Fault fault;
  fault.mode = mode;
  fault.delayMs = delay_ms;
  auto *in = reinterpret_cast<sockaddr_in *>(&fault.address);
  auto *in6 = reinterpret_cast<sockaddr_in6 *>(&fault.address);
  if (inet_pton(AF_INET, host, &in->sin_addr) == 1) {
    in->sin_family = AF_INET;
    in->sin_port = htons(uint16_t(port));
  } else if (inet_pton(AF_INET6, host, &in6->sin6_addr) == 1) {
    in6->sin6_family = AF_INET6;
    in6->sin6_port = htons(uint16_t(port));
  } else {
    return -1;
  }
  if (mode < kRefuse || mode > kReset || port <= 0 || port > 65535 ||
      delay_ms < 0)
    return -1;
  std::lock_guard<std::mutex> lock(faultMutex);
  for (int slot = 0; slot < kFaultSlots; ++slot)
    if (faults[slot].mode == kNoFault) {
      faults[slot] = fault;
      if (mode == kReset)
        anyReset = true;
      return slot;
    }
  return -1;
}

/// Removes the fault; returns how many connects it acted on.
__attribute__((visibility("default"))) uint64_t
unbounded_guard_clear_fault(int slot) {
  if (slot < 0 || slot >= kFaultSlots)
    return 0;
  std::lock_guard<std::mutex> lock(faultMutex);
  const uint64_t acted = faults[slot].acted;
  faults[slot] = Fault{};
  return acted;
}

int pthread_create(pthread_t *thread, const pthread_attr_t *attr,
                   void *(*routine)(void *), void *argument) __THROWNL {
  UNBOUNDED_REAL(pthread_create);
  if (!threads.reserve(maxThreads.load()))
    return EAGAIN;
  auto *start = new Start{routine, argument, false, {}};
  if (capturingOrigins(UNBOUNDED_GUARD_ORIGIN_THREADS))
    start->hasOrigin = captureOrigin(
        "pthread_create", reinterpret_cast<void *>(routine), &start->origin);
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
  real_pthread_exit(
      value); // the trampoline's LiveThread counts the exit while unwinding
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
  return finishSocket("socket", real_socket(domain, type, protocol));
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
  if (finishSocket("socketpair", fds[0]) < 0) {
    UNBOUNDED_REAL(close);
    real_close(second);
    sockets.release();
    return failWith(EMFILE);
  }
  if (finishSocket("socketpair", second) < 0) {
    close(fds[0]);
    return failWith(EMFILE);
  }
  return 0;
}

int accept(int fd, sockaddr *address, socklen_t *length) {
  UNBOUNDED_REAL(accept);
  if (!reserveSocket())
    return failWith(EMFILE); // like the OS: the connection stays in the backlog
  return finishSocket("accept", real_accept(fd, address, length));
}

int accept4(int fd, sockaddr *address, socklen_t *length, int flags) {
  UNBOUNDED_REAL(accept4);
  if (!reserveSocket())
    return failWith(EMFILE);
  return finishSocket("accept4", real_accept4(fd, address, length, flags));
}

int connect(int fd, const sockaddr *address, socklen_t length) {
  UNBOUNDED_REAL(connect);
  connectsAttempted.fetch_add(1, std::memory_order_relaxed);
  const Fault fault = faultFor(address);
  if (fault.mode == kRefuse || fault.mode == kTimeout) {
    if (fault.mode == kTimeout)
      sleepMs(fault.delayMs);
    connectsFailed.fetch_add(1, std::memory_order_relaxed);
    return failWith(fault.mode == kRefuse ? ECONNREFUSED : ETIMEDOUT);
  }
  if (fault.mode == kLatency)
    sleepMs(fault.delayMs);
  const int result = real_connect(fd, address, length);
  if (result != 0 && errno != EINPROGRESS)
    connectsFailed.fetch_add(1, std::memory_order_relaxed);
  else if (fault.mode == kReset && fd < kTrackedFds)
    isReset[fd].store(true);
  return result;
}

// I/O on a connection a reset fault owns fails as a reset by the peer would.
ssize_t read(int fd, void *buffer, size_t size) {
  UNBOUNDED_REAL(read);
  return resetFd(fd) ? failWith(ECONNRESET) : real_read(fd, buffer, size);
}

ssize_t write(int fd, const void *buffer, size_t size) {
  UNBOUNDED_REAL(write);
  return resetFd(fd) ? failWith(ECONNRESET) : real_write(fd, buffer, size);
}

ssize_t recv(int fd, void *buffer, size_t size, int flags) {
  UNBOUNDED_REAL(recv);
  return resetFd(fd) ? failWith(ECONNRESET)
                     : real_recv(fd, buffer, size, flags);
}

ssize_t send(int fd, const void *buffer, size_t size, int flags) {
  UNBOUNDED_REAL(send);
  return resetFd(fd) ? failWith(ECONNRESET)
                     : real_send(fd, buffer, size, flags);
}

ssize_t readv(int fd, const iovec *vector, int count) {
  UNBOUNDED_REAL(readv);
  return resetFd(fd) ? failWith(ECONNRESET) : real_readv(fd, vector, count);
}

ssize_t writev(int fd, const iovec *vector, int count) {
  UNBOUNDED_REAL(writev);
  return resetFd(fd) ? failWith(ECONNRESET) : real_writev(fd, vector, count);
}

ssize_t recvfrom(int fd, void *buffer, size_t size, int flags, sockaddr *from,
                 socklen_t *length) {
  UNBOUNDED_REAL(recvfrom);
  return resetFd(fd) ? failWith(ECONNRESET)
                     : real_recvfrom(fd, buffer, size, flags, from, length);
}

ssize_t sendto(int fd, const void *buffer, size_t size, int flags,
               const sockaddr *to, socklen_t length) {
  UNBOUNDED_REAL(sendto);
  return resetFd(fd) ? failWith(ECONNRESET)
                     : real_sendto(fd, buffer, size, flags, to, length);
}

ssize_t recvmsg(int fd, msghdr *message, int flags) {
  UNBOUNDED_REAL(recvmsg);
  return resetFd(fd) ? failWith(ECONNRESET) : real_recvmsg(fd, message, flags);
}

ssize_t sendmsg(int fd, const msghdr *message, int flags) {
  UNBOUNDED_REAL(sendmsg);
  return resetFd(fd) ? failWith(ECONNRESET) : real_sendmsg(fd, message, flags);
}

int close(int fd) {
  UNBOUNDED_REAL(close);
  // Unmark before closing: once closed, the number may be reused at once.
  if (fd >= 0 && fd < kTrackedFds && isSocket[fd].exchange(false))
    sockets.release();
  if (fd >= 0 && fd < kTrackedFds)
    isReset[fd].store(false, std::memory_order_relaxed);
  forgetFd(fd);
  return real_close(fd);
}

// Descriptors other than sockets: only their origins are recorded.

/// The mode argument exists only when the flags create a file.
#define UNBOUNDED_OPEN_MODE(flags)                                             \
  mode_t mode = 0;                                                             \
  if ((flags) & (O_CREAT | O_TMPFILE)) {                                       \
    va_list arguments;                                                         \
    va_start(arguments, flags);                                                \
    mode = va_arg(arguments, mode_t);                                          \
    va_end(arguments);                                                         \
  }

int open(const char *path, int flags, ...) {
  UNBOUNDED_REAL(open);
  UNBOUNDED_OPEN_MODE(flags);
  return noteFd(real_open(path, flags, mode), "open");
}

int open64(const char *path, int flags, ...) {
  UNBOUNDED_REAL(open64);
  UNBOUNDED_OPEN_MODE(flags);
  return noteFd(real_open64(path, flags, mode), "open");
}

int openat(int directory, const char *path, int flags, ...) {
  UNBOUNDED_REAL(openat);
  UNBOUNDED_OPEN_MODE(flags);
  return noteFd(real_openat(directory, path, flags, mode), "openat");
}

int openat64(int directory, const char *path, int flags, ...) {
  UNBOUNDED_REAL(openat64);
  UNBOUNDED_OPEN_MODE(flags);
  return noteFd(real_openat64(directory, path, flags, mode), "openat");
}

FILE *fopen(const char *path, const char *mode) {
  UNBOUNDED_REAL(fopen);
  FILE *file = real_fopen(path, mode);
  if (file)
    noteFd(fileno(file), "fopen");
  return file;
}

FILE *fopen64(const char *path, const char *mode) {
  UNBOUNDED_REAL(fopen64);
  FILE *file = real_fopen64(path, mode);
  if (file)
    noteFd(fileno(file), "fopen");
  return file;
}

int fclose(FILE *file) {
  UNBOUNDED_REAL(fclose);
  if (file)
    forgetFd(fileno(file));
  return real_fclose(file);
}

int pipe(int fds[2]) __THROW {
  UNBOUNDED_REAL(pipe);
  return notePair(real_pipe(fds), fds, "pipe");
}

int pipe2(int fds[2], int flags) __THROW {
  UNBOUNDED_REAL(pipe2);
  return notePair(real_pipe2(fds, flags), fds, "pipe2");
}

int eventfd(unsigned int count, int flags) __THROW {
  UNBOUNDED_REAL(eventfd);
  return noteFd(real_eventfd(count, flags), "eventfd");
}

int epoll_create1(int flags) __THROW {
  UNBOUNDED_REAL(epoll_create1);
  return noteFd(real_epoll_create1(flags), "epoll_create1");
}

int timerfd_create(clockid_t clock, int flags) __THROW {
  UNBOUNDED_REAL(timerfd_create);
  return noteFd(real_timerfd_create(clock, flags), "timerfd_create");
}

int dup(int fd) __THROW {
  UNBOUNDED_REAL(dup);
  return noteFd(real_dup(fd), "dup");
}

__attribute__((visibility("default"))) void
unbounded_guard_set_origin_capture(int mask) {
  originCapture = mask;
}

__attribute__((visibility("default"))) int
unbounded_guard_get_origin_capture() {
  return originCapture.load();
}

__attribute__((visibility("default"))) int
unbounded_guard_thread_origin(pid_t tid, unbounded_guard_origin *out) {
  std::lock_guard<std::mutex> lock(originMutex);
  const auto found = threadOrigins().find(tid);
  if (found == threadOrigins().end())
    return 0;
  *out = found->second;
  return 1;
}

__attribute__((visibility("default"))) int
unbounded_guard_fd_origin(int fd, unbounded_guard_origin *out) {
  struct stat status;
  if (fstat(fd, &status) != 0)
    return 0;
  std::lock_guard<std::mutex> lock(originMutex);
  const auto found = fdOrigins().find(fd);
  // A number closed behind the library's back (dup2 over it, close_range)
  // and reused for another file is not the descriptor recorded.
  if (found == fdOrigins().end() || found->second.device != status.st_dev ||
      found->second.inode != status.st_ino)
    return 0;
  *out = found->second.origin;
  return 1;
}

} // extern "C"
