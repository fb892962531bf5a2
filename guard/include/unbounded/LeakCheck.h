#ifndef UNBOUNDED_LEAKCHECK_H
#define UNBOUNDED_LEAKCHECK_H

/// \file
/// Leak checks for threads and file descriptors: the goleak model for C++.
/// Take a ResourceSnapshot before the code under test, then call findLeaks:
/// whatever is alive afterwards and was not in the baseline is a leak.
/// No dependency on any test framework (see GuardListener.h for GoogleTest).

#include "unbounded/IgnoreRules.h"
#include "unbounded/LeakOrigin.h"

#include <chrono>
#include <string>
#include <sys/types.h>
#include <vector>

namespace unbounded::guard {

/// One thread of this process, from /proc/self/task/<tid>/comm.
struct ThreadInfo {
  pid_t tid = 0;
  std::string name;
  LeakOrigin origin; ///< filled in for leaks only
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
  LeakOrigin origin;  ///< filled in for leaks only
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
  /// Rules on origins: start routine or any frame of the creation stack.
  std::vector<IgnoreRule> ignoreRules;
  /// Retries before blaming: exiting threads get time to finish.
  int maxRetries = 12;
  std::chrono::microseconds initialBackoff{500};
  std::chrono::microseconds maxBackoff{std::chrono::milliseconds(200)};

  LeakOptions &ignoreThread(std::string prefix);
  LeakOptions &ignoreFd(std::string substring);
  /// A thread whose start routine is \p function (exact, or '*' patterns).
  LeakOptions &ignoreStartRoutine(std::string function);
  /// A leak with \p function anywhere in its creation stack.
  LeakOptions &ignoreAnyFunction(std::string function);
  /// The rules of an ignore file (IgnoreRules.h); throws std::invalid_argument.
  LeakOptions &ignoreFile(const std::string &path);
  LeakOptions &retries(int count);
  LeakOptions &threadsOnly();
  LeakOptions &fdsOnly();
  /// Throws std::invalid_argument on a misuse (negative retries, zero backoff,
  /// nothing to check, an empty ignore rule).
  void validate() const;
};

/// Threads and descriptors alive now that were not in the baseline.
struct Leaks {
  std::vector<ThreadInfo> threads;
  std::vector<FdInfo> fds;
  int attempts = 0; ///< snapshots taken before the verdict

  bool empty() const { return threads.empty() && fds.empty(); }
  /// One line per leak with its origin: "leaked thread 1234 'worker': started
  /// at f (file:line) via std::thread; runs g", "leaked fd 7 (socket)
  /// socket:[99]: opened at f (file:line) via socket".
  std::string describe() const;
};

/// Compares the live resources with \p baseline once, without waiting.
/// Origins are looked up only when ignore rules need them.
Leaks diffAgainst(const ResourceSnapshot &baseline, const ResourceSnapshot &now,
                  const LeakOptions &options);

/// Compares with \p baseline, retrying with bounded exponential backoff until
/// nothing leaks or the retries are used up; the leaks found carry their
/// origins. The core of every wrapper.
Leaks findLeaks(const ResourceSnapshot &baseline,
                const LeakOptions &options = {});

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
