#ifndef UNBOUNDED_CONCURRENCYLIMITER_H
#define UNBOUNDED_CONCURRENCYLIMITER_H

/// \file
/// ConcurrencyLimiter: a counting semaphore handing out RAII permits, the C++
/// form of the case studies' `sem := make(chan struct{}, maxWorkers)`.

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>

namespace unbounded::guard {

struct LimiterStats {
  std::size_t limit = 0;
  std::size_t inUse = 0;
  std::size_t peakInUse = 0;
  uint64_t acquired = 0;
  uint64_t rejected = 0; ///< tryAcquire refused or acquireFor timed out
};

/// Guarantees: at most `limit` permits exist at once; a permit is returned
/// exactly once, when it is destroyed or release()d. Thread-safe.
class ConcurrencyLimiter {
public:
  /// Move-only; gives its slot back on destruction.
  class Permit {
  public:
    Permit(Permit &&other) noexcept : owner_(other.owner_) {
      other.owner_ = nullptr;
    }
    Permit &operator=(Permit &&other) noexcept;
    Permit(const Permit &) = delete;
    Permit &operator=(const Permit &) = delete;
    ~Permit() { release(); }
    void release();

  private:
    friend class ConcurrencyLimiter;
    explicit Permit(ConcurrencyLimiter *owner) : owner_(owner) {}
    ConcurrencyLimiter *owner_;
  };

  /// Throws std::invalid_argument for a limit of 0.
  explicit ConcurrencyLimiter(std::size_t limit, std::string name = "limiter");
  ConcurrencyLimiter(const ConcurrencyLimiter &) = delete;
  ConcurrencyLimiter &operator=(const ConcurrencyLimiter &) = delete;

  /// Never blocks.
  std::optional<Permit> tryAcquire();
  /// Waits up to \p timeout.
  std::optional<Permit> acquireFor(std::chrono::nanoseconds timeout);
  /// Waits as long as it takes.
  Permit acquire();

  LimiterStats stats() const;
  const std::string &name() const { return name_; }

private:
  void takeLocked();
  void giveBack();

  const std::size_t limit_;
  const std::string name_;
  mutable std::mutex mutex_;
  std::condition_variable available_;
  LimiterStats stats_;
};

} // namespace unbounded::guard

#endif
