#ifndef UNBOUNDED_RESOURCECOUNTER_H
#define UNBOUNDED_RESOURCECOUNTER_H

/// \file
/// Exact live counts, peaks and artificial limits for threads and sockets,
/// served by the optional interposition library (unbounded::guard_interpose,
/// linked into the test binary or LD_PRELOADed). Without it,
/// interpositionActive() is false, resourceCounts() is empty and setting limits
/// throws.

#include <cstdint>
#include <optional>

extern "C" {
/// Plain C layout shared with the interposition library. -1 means unlimited.
struct unbounded_guard_limits {
  int64_t max_threads;
  int64_t max_sockets;
  int64_t max_fds;
};

struct unbounded_guard_counts {
  int64_t threads_live; ///< created through pthread_create, not yet finished
  int64_t threads_peak;
  int64_t threads_created;
  int64_t threads_rejected;    ///< pthread_create failed with EAGAIN because of
                               ///< max_threads
  int64_t threads_unreclaimed; ///< created, neither joined nor detached yet
  int64_t
      sockets_live; ///< from socket/socketpair/accept/accept4, not yet closed
  int64_t sockets_peak;
  int64_t sockets_opened;
  int64_t sockets_rejected; ///< failed with EMFILE because of max_sockets or
                            ///< max_fds
  int64_t connects_attempted;
  int64_t connects_failed;
};

/// Raw creation site of a thread or descriptor, recorded by the interposition
/// library when origin capture is on (unbounded_guard_set_origin_capture).
/// Return addresses only: symbolised when a leak is reported (LeakOrigin.h).
struct unbounded_guard_origin {
  const char
      *call; ///< the wrapped function: "pthread_create", "socket", "open", ...
  void *routine; ///< threads: the start routine given to pthread_create
  int depth;     ///< valid entries of frames, innermost first
  void *frames[32];
};

/// Bits of unbounded_guard_set_origin_capture.
enum { UNBOUNDED_GUARD_ORIGIN_THREADS = 1, UNBOUNDED_GUARD_ORIGIN_FDS = 2 };
}

namespace unbounded::guard {

/// Artificial limits; a negative value means no limit.
struct ResourceLimits {
  int64_t maxThreads = -1; ///< pthread_create beyond it returns EAGAIN
  int64_t maxSockets = -1; ///< socket/accept beyond it fail with EMFILE
  int64_t maxFds = -1; ///< a new socket numbered >= maxFds fails with EMFILE
                       ///< (RLIMIT_NOFILE semantics)

  bool any() const { return maxThreads >= 0 || maxSockets >= 0 || maxFds >= 0; }
};

using ResourceCounts = unbounded_guard_counts;

/// True when the interposition library is loaded in this process.
bool interpositionActive();

/// Exact counts since the library was loaded; empty without interposition.
std::optional<ResourceCounts> resourceCounts();

/// Limits in force now (all unlimited without interposition).
ResourceLimits resourceLimits();

/// The tightest limits in force at any moment since the last resetPeaks()
/// (what a test ran under, even after a ScopedResourceLimits restored them).
ResourceLimits tightestLimitsSinceReset();

/// Sets the limits; throws std::logic_error without interposition, because a
/// limit that silently does nothing would make a test prove nothing.
void setResourceLimits(const ResourceLimits &limits);

/// Restarts peak tracking (and the tightest limits) from the current state;
/// no-op without interposition.
void resetPeaks();

/// Sets limits for a scope and restores the previous ones.
class ScopedResourceLimits {
public:
  explicit ScopedResourceLimits(const ResourceLimits &limits);
  ~ScopedResourceLimits();
  ScopedResourceLimits(const ScopedResourceLimits &) = delete;
  ScopedResourceLimits &operator=(const ScopedResourceLimits &) = delete;

private:
  ResourceLimits previous_;
};

} // namespace unbounded::guard

#endif
