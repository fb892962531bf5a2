#ifndef UNBOUNDED_RESOURCELIMIT_H
#define UNBOUNDED_RESOURCELIMIT_H

/// \file
/// ScopedRlimit: setrlimit-based limits for a scope, where interposition is
/// not wanted. The kernel enforces them for the whole process (every thread).

#include <sys/resource.h>

namespace unbounded::guard {

/// Lowers the soft limit of \p resource (RLIMIT_NOFILE, RLIMIT_AS, ...) for
/// the scope and restores the previous soft limit on destruction. Throws
/// std::system_error when setrlimit fails (e.g. a value above the hard limit).
class ScopedRlimit {
public:
  ScopedRlimit(int resource, rlim_t softLimit);
  ~ScopedRlimit();
  ScopedRlimit(const ScopedRlimit &) = delete;
  ScopedRlimit &operator=(const ScopedRlimit &) = delete;

  rlim_t previous() const { return previous_.rlim_cur; }

private:
  int resource_;
  rlimit previous_{};
};

/// The common case: descriptors numbered >= \p maxFds cannot be created
/// (open, socket, accept, pipe, dup fail with EMFILE).
class ScopedFdLimit : public ScopedRlimit {
public:
  explicit ScopedFdLimit(rlim_t maxFds) : ScopedRlimit(RLIMIT_NOFILE, maxFds) {}
};

/// RLIMIT_NPROC counts every thread of the user, and root ignores it; use
/// the interposition library's maxThreads for per-process thread limits.
class ScopedThreadLimit : public ScopedRlimit {
public:
  explicit ScopedThreadLimit(rlim_t maxThreadsOfUser)
      : ScopedRlimit(RLIMIT_NPROC, maxThreadsOfUser) {}
};

} // namespace unbounded::guard

#endif
