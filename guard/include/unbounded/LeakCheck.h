#ifndef UNBOUNDED_LEAKCHECK_H
#define UNBOUNDED_LEAKCHECK_H

/// \file
/// Leak checks for threads and file descriptors: the goleak model for C++.
/// Take a ResourceSnapshot before the code under test, then call findLeaks:
/// whatever is alive afterwards and was not in the baseline is a leak.
/// No dependency on any test framework (see GuardListener.h for GoogleTest).

#include <chrono>
#include <string>
#include <sys/types.h>
#include <vector>

namespace unbounded::guard {

/// One thread of this process, from /proc/self/task/<tid>/comm.
struct ThreadInfo {
  pid_t tid = 0;
  std::string name;
};

/// What an open descriptor refers to.
enum class FdKind { File, Socket, Pipe, AnonInode, Other };

/// "file", "socket", "pipe", "anon_inode" or "other".
const char *fdKindName(FdKind kind);

/// One open descriptor of this process, from /proc/self/fd/<fd>.
struct FdInfo {
  int fd = -1;
  FdKind kind = FdKind::Other;
  std::string target; ///< readlink of /proc/self/fd/<fd>, e.g. "socket:[1234]"
};

/// The threads and descriptors alive at one moment.
struct ResourceSnapshot {
  std::vector<ThreadInfo> threads;
  std::vector<FdInfo> fds;

  /// Reads /proc/self/task and /proc/self/fd now.
  static ResourceSnapshot take();
};

/// How findLeaks compares and how long it waits; small composable values.
struct LeakOptions {
  bool checkThreads = true;
  bool checkFds = true;
  /// Threads whose name starts with one of these are never leaks.
  std::vector<std::string> ignoreThreadNamePrefixes;
  /// Descriptors whose target contains one of these are never leaks.
  std::vector<std::string> ignoreFdTargetSubstrings;
  /// Retries before blaming: exiting threads get time to finish.
  int maxRetries = 12;
  std::chrono::microseconds initialBackoff{500};
  std::chrono::microseconds maxBackoff{std::chrono::milliseconds(200)};

  LeakOptions &ignoreThread(std::string prefix);
  LeakOptions &ignoreFd(std::string substring);
  LeakOptions &retries(int count);
  LeakOptions &threadsOnly();
  LeakOptions &fdsOnly();
  /// Throws std::invalid_argument on a misuse (negative retries, zero backoff,
  /// nothing to check).
  void validate() const;
};

/// Threads and descriptors alive now that were not in the baseline.
struct Leaks {
  std::vector<ThreadInfo> threads;
  std::vector<FdInfo> fds;
  int attempts = 0; ///< snapshots taken before the verdict

  bool empty() const { return threads.empty() && fds.empty(); }
  /// One line per leak: "leaked thread 1234 'worker'", "leaked fd 7 (socket) socket:[99]".
  std::string describe() const;
};

/// Compares the live resources with \p baseline once, without waiting.
Leaks diffAgainst(const ResourceSnapshot &baseline, const ResourceSnapshot &now,
                  const LeakOptions &options);

/// Compares with \p baseline, retrying with bounded exponential backoff until
/// nothing leaks or the retries are used up. The core of every wrapper.
Leaks findLeaks(const ResourceSnapshot &baseline, const LeakOptions &options = {});

/// A baseline taken at construction: "ignore what already exists".
class LeakChecker {
public:
  explicit LeakChecker(LeakOptions options = {});
  /// Leaks relative to the construction-time baseline (with retries).
  Leaks find() const;
  /// Takes a fresh baseline.
  void resetBaseline();
  const ResourceSnapshot &baseline() const { return baseline_; }
  const LeakOptions &options() const { return options_; }

private:
  LeakOptions options_;
  ResourceSnapshot baseline_;
};

/// Number of threads of this process now (entries of /proc/self/task).
int liveThreadCount();
/// Number of open descriptors now, and of those, sockets.
int openFdCount();
int openSocketCount();

} // namespace unbounded::guard

#endif
