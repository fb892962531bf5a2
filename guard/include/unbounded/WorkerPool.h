#ifndef UNBOUNDED_WORKERPOOL_H
#define UNBOUNDED_WORKERPOOL_H

/// \file
/// WorkerPool: a bounded dynamic thread pool (case studies 1 and 3's fix).
/// Between minWorkers and maxWorkers threads, a queue of at most
/// queueCapacity waiting tasks, idle workers retire after idleTimeout, and
/// submit says "rejected" when full instead of growing without bound.

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace unbounded::guard {

struct WorkerPoolOptions {
  std::string name = "pool";
  std::size_t minWorkers = 0;
  std::size_t maxWorkers = 4;
  std::size_t queueCapacity = 64;
  std::chrono::milliseconds idleTimeout{30000};
  /// Throws std::invalid_argument: maxWorkers 0, minWorkers > maxWorkers,
  /// idleTimeout <= 0.
  void validate() const;
};

/// The answer of submit. Only Accepted means the task will run or be cancelled.
enum class SubmitStatus { Accepted, RejectedFull, RejectedShutdown };

/// "accepted", "rejected_full", "rejected_shutdown".
const char *submitStatusName(SubmitStatus status);

/// How shutdown treats tasks still waiting in the queue.
enum class ShutdownMode {
  Drain,  ///< run every queued task, then stop
  Reject, ///< cancel every queued task (its onCancel runs), then stop
};

/// A consistent view of the pool. Accounting invariant once shut down:
/// submitted == accepted + rejected, accepted == completed + failed +
/// cancelled.
struct WorkerPoolStats {
  std::size_t workers = 0;
  std::size_t idleWorkers = 0;
  std::size_t peakWorkers = 0;
  std::size_t queueDepth = 0;
  std::size_t queueCapacity = 0;
  std::size_t maxWorkers = 0;
  uint64_t submitted = 0;
  uint64_t accepted = 0;
  uint64_t rejected = 0;  ///< RejectedFull + RejectedShutdown
  uint64_t completed = 0; ///< ran and returned
  uint64_t failed = 0;    ///< ran and threw
  uint64_t cancelled = 0; ///< accepted, then dropped by shutdown(Reject)
  uint64_t spawnFailures =
      0; ///< thread creation failed (e.g. EAGAIN); the pool kept going
  uint64_t retiredWorkers = 0;
};

/// Guarantees: never more than maxWorkers threads; never more than
/// queueCapacity tasks waiting beyond those an idle worker is about to take;
/// each accepted task runs exactly once or is cancelled exactly once; an
/// exception from a task is counted as failed and never kills a worker; if a
/// thread cannot be created the task is queued when there is room and rejected
/// otherwise. All members are thread-safe; the destructor drains.
class WorkerPool {
public:
  using Task = std::function<void()>;

  explicit WorkerPool(WorkerPoolOptions options);
  ~WorkerPool();
  WorkerPool(const WorkerPool &) = delete;
  WorkerPool &operator=(const WorkerPool &) = delete;

  /// Never blocks on a full pool: answers RejectedFull (the 503, not the OOM).
  /// \p onCancel runs if the task is accepted and later cancelled by shutdown.
  SubmitStatus submit(Task task, Task onCancel = {});

  /// Stops accepting, drains or cancels the queue, joins every worker.
  /// Idempotent. Throws std::logic_error when called from one of the pool's
  /// own tasks (it would wait for itself).
  void shutdown(ShutdownMode mode = ShutdownMode::Drain);

  WorkerPoolStats stats() const;
  const WorkerPoolOptions &options() const { return options_; }

private:
  struct Entry {
    Task task;
    Task onCancel;
  };

  bool spawnWorkerLocked();
  void workerLoop();
  void runTask(Entry &entry);
  void joinRetiredLocked(std::vector<std::thread> &out);
  static void joinAll(std::vector<std::thread> &threads);

  const WorkerPoolOptions options_;
  mutable std::mutex mutex_;
  std::condition_variable workAvailable_;
  std::deque<Entry> queue_;
  std::vector<std::thread> threads_;
  std::vector<std::thread::id> retired_;
  bool stopping_ = false;
  bool stopped_ = false;
  WorkerPoolStats stats_;
};

} // namespace unbounded::guard

#endif
