#include "unbounded/LeakCheck.h"

#include <algorithm>
#include <cstdlib>
#include <dirent.h>
#include <fstream>
#include <limits.h>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <unistd.h>

namespace unbounded::guard {
namespace {

/// Numeric entries of a /proc directory; skips the directory's own descriptor.
std::vector<int> numericEntries(const char *path) {
  std::vector<int> result;
  DIR *dir = opendir(path);
  if (!dir)
    return result;
  const int ownFd = dirfd(dir);
  while (const dirent *entry = readdir(dir)) {
    char *end = nullptr;
    const long value = std::strtol(entry->d_name, &end, 10);
    if (end == entry->d_name || *end != '\0' || value == ownFd)
      continue;
    result.push_back(static_cast<int>(value));
  }
  closedir(dir);
  std::sort(result.begin(), result.end());
  return result;
}

std::string threadName(int tid) {
  std::ifstream comm("/proc/self/task/" + std::to_string(tid) + "/comm");
  std::string name;
  std::getline(comm, name);
  return name;
}

std::string fdTarget(int fd) {
  char buffer[PATH_MAX];
  const std::string link = "/proc/self/fd/" + std::to_string(fd);
  const ssize_t length = readlink(link.c_str(), buffer, sizeof buffer - 1);
  if (length < 0)
    return {};
  return std::string(buffer, static_cast<size_t>(length));
}

bool startsWith(const std::string &text, const std::string &prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

FdKind classify(const std::string &target) {
  if (startsWith(target, "socket:"))
    return FdKind::Socket;
  if (startsWith(target, "pipe:"))
    return FdKind::Pipe;
  if (startsWith(target, "anon_inode:"))
    return FdKind::AnonInode;
  if (startsWith(target, "/"))
    return FdKind::File;
  return FdKind::Other;
}

bool ignoredThread(const ThreadInfo &thread, const LeakOptions &options) {
  return std::any_of(options.ignoreThreadNamePrefixes.begin(),
                     options.ignoreThreadNamePrefixes.end(),
                     [&](const std::string &prefix) {
                       return startsWith(thread.name, prefix);
                     });
}

bool ignoredFd(const FdInfo &fd, const LeakOptions &options) {
  return std::any_of(options.ignoreFdTargetSubstrings.begin(),
                     options.ignoreFdTargetSubstrings.end(),
                     [&](const std::string &part) {
                       return fd.target.find(part) != std::string::npos;
                     });
}

/// Counts the match on the first rule that applies.
bool ignoredByRule(const LeakOrigin &origin, const LeakOptions &options,
                   bool thread) {
  for (const IgnoreRule &rule : options.ignoreRules) {
    bool match = false;
    if (rule.kind == IgnoreRule::Kind::StartRoutine)
      match = thread && rule.matchesFunction(origin.routine);
    else
      match = std::any_of(origin.stack.begin(), origin.stack.end(),
                          [&](const StackFrame &frame) {
                            return rule.matchesFunction(frame.function);
                          }) ||
              (thread && rule.matchesFunction(origin.routine));
    if (match) {
      rule.matches->fetch_add(1);
      return true;
    }
  }
  return false;
}

bool inBaseline(const ThreadInfo &thread, const ResourceSnapshot &baseline) {
  return std::any_of(
      baseline.threads.begin(), baseline.threads.end(),
      [&](const ThreadInfo &old) { return old.tid == thread.tid; });
}

/// A descriptor number reused for something else is a new descriptor.
bool inBaseline(const FdInfo &fd, const ResourceSnapshot &baseline) {
  return std::any_of(baseline.fds.begin(), baseline.fds.end(),
                     [&](const FdInfo &old) {
                       return old.fd == fd.fd && old.target == fd.target;
                     });
}

IgnoreRule codeRule(IgnoreRule::Kind kind, std::string pattern) {
  IgnoreRule rule;
  rule.kind = kind;
  rule.pattern = std::move(pattern);
  rule.source = "code";
  return rule;
}

/// Origins of what is still there after the retries (with ignore rules,
/// diffAgainst has looked them up already).
void attachOrigins(Leaks &leaks) {
  for (ThreadInfo &thread : leaks.threads)
    thread.origin = threadOrigin(thread.tid);
  for (FdInfo &fd : leaks.fds)
    fd.origin = fdOrigin(fd.fd);
}

} // namespace

const char *fdKindName(FdKind kind) {
  switch (kind) {
  case FdKind::File:
    return "file";
  case FdKind::Socket:
    return "socket";
  case FdKind::Pipe:
    return "pipe";
  case FdKind::AnonInode:
    return "anon_inode";
  case FdKind::Other:
    break;
  }
  return "other";
}

ResourceSnapshot ResourceSnapshot::take() {
  ResourceSnapshot snapshot;
  for (int tid : numericEntries("/proc/self/task"))
    snapshot.threads.push_back({tid, threadName(tid), {}});
  for (int fd : numericEntries("/proc/self/fd")) {
    std::string target = fdTarget(fd);
    if (target.empty())
      continue; // closed between readdir and readlink
    const FdKind kind = classify(target);
    snapshot.fds.push_back({fd, kind, std::move(target), {}});
  }
  return snapshot;
}

LeakOptions &LeakOptions::ignoreThread(std::string prefix) {
  ignoreThreadNamePrefixes.push_back(std::move(prefix));
  return *this;
}

LeakOptions &LeakOptions::ignoreFd(std::string substring) {
  ignoreFdTargetSubstrings.push_back(std::move(substring));
  return *this;
}

LeakOptions &LeakOptions::ignoreStartRoutine(std::string function) {
  ignoreRules.push_back(
      codeRule(IgnoreRule::Kind::StartRoutine, std::move(function)));
  return *this;
}

LeakOptions &LeakOptions::ignoreAnyFunction(std::string function) {
  ignoreRules.push_back(
      codeRule(IgnoreRule::Kind::AnyFunction, std::move(function)));
  return *this;
}

LeakOptions &LeakOptions::ignoreFile(const std::string &path) {
  for (IgnoreRule &rule : readIgnoreFile(path))
    ignoreRules.push_back(std::move(rule));
  return *this;
}

LeakOptions &LeakOptions::retries(int count) {
  maxRetries = count;
  return *this;
}

LeakOptions &LeakOptions::threadsOnly() {
  checkThreads = true;
  checkFds = false;
  return *this;
}

LeakOptions &LeakOptions::fdsOnly() {
  checkThreads = false;
  checkFds = true;
  return *this;
}

void LeakOptions::validate() const {
  if (maxRetries < 0)
    throw std::invalid_argument("LeakOptions: maxRetries must not be negative");
  if (initialBackoff.count() <= 0 || maxBackoff < initialBackoff)
    throw std::invalid_argument(
        "LeakOptions: need 0 < initialBackoff <= maxBackoff");
  if (!checkThreads && !checkFds)
    throw std::invalid_argument(
        "LeakOptions: nothing to check (threads and fds both off)");
  for (const IgnoreRule &rule : ignoreRules)
    if (rule.pattern.find_first_not_of('*') == std::string::npos)
      throw std::invalid_argument("LeakOptions: ignore rule '" +
                                  rule.describe() +
                                  "' needs a function name or pattern");
}

std::string Leaks::describe() const {
  std::ostringstream out;
  for (const ThreadInfo &thread : threads)
    out << "leaked thread " << thread.tid << " '" << thread.name
        << "': " << thread.origin.describe(true) << "\n";
  for (const FdInfo &fd : fds)
    out << "leaked fd " << fd.fd << " (" << fdKindName(fd.kind) << ") "
        << fd.target << ": " << fd.origin.describe(false) << "\n";
  return out.str();
}

Leaks diffAgainst(const ResourceSnapshot &baseline, const ResourceSnapshot &now,
                  const LeakOptions &options) {
  Leaks leaks;
  const bool rules = !options.ignoreRules.empty();
  if (options.checkThreads) {
    for (ThreadInfo thread : now.threads) {
      if (inBaseline(thread, baseline) || ignoredThread(thread, options))
        continue;
      if (rules && ignoredByRule(thread.origin = threadOrigin(thread.tid),
                                 options, true))
        continue;
      leaks.threads.push_back(std::move(thread));
    }
  }
  if (options.checkFds) {
    for (FdInfo fd : now.fds) {
      if (inBaseline(fd, baseline) || ignoredFd(fd, options))
        continue;
      if (rules && ignoredByRule(fd.origin = fdOrigin(fd.fd), options, false))
        continue;
      leaks.fds.push_back(std::move(fd));
    }
  }
  return leaks;
}

Leaks findLeaks(const ResourceSnapshot &baseline, const LeakOptions &options) {
  options.validate();
  std::chrono::microseconds backoff = options.initialBackoff;
  for (int attempt = 1;; ++attempt) {
    Leaks leaks = diffAgainst(baseline, ResourceSnapshot::take(), options);
    leaks.attempts = attempt;
    if (leaks.empty())
      return leaks;
    if (attempt > options.maxRetries) {
      if (options.ignoreRules.empty())
        attachOrigins(leaks);
      return leaks;
    }
    std::this_thread::sleep_for(backoff);
    backoff = std::min(backoff * 2, options.maxBackoff);
  }
}

LeakChecker::LeakChecker(LeakOptions options)
    : options_(std::move(options)), baseline_(ResourceSnapshot::take()) {
  options_.validate();
}

Leaks LeakChecker::find() const { return findLeaks(baseline_, options_); }

void LeakChecker::resetBaseline() { baseline_ = ResourceSnapshot::take(); }

int liveThreadCount() {
  return static_cast<int>(numericEntries("/proc/self/task").size());
}

int openFdCount() {
  return static_cast<int>(numericEntries("/proc/self/fd").size());
}

int openSocketCount() {
  int sockets = 0;
  for (int fd : numericEntries("/proc/self/fd"))
    sockets += startsWith(fdTarget(fd), "socket:") ? 1 : 0;
  return sockets;
}

} // namespace unbounded::guard
