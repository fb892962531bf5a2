#ifndef UNBOUNDED_CIRCUITBREAKER_H
#define UNBOUNDED_CIRCUITBREAKER_H

/// \file
/// CircuitBreaker: closed / open / half-open, the gobreaker model in C++.
/// Protects a downstream dependency: after ready-to-trip failures it refuses
/// calls for `timeout`, then lets at most `maxRequests` probes through.

#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>

namespace unbounded::guard {

enum class BreakerState { Closed, HalfOpen, Open };

/// "closed", "half_open", "open".
const char *breakerStateName(BreakerState state);

/// Request counts of the current generation (reset on every state change and,
/// in the closed state, every `interval`).
struct BreakerCounts {
  uint32_t requests = 0;
  uint32_t totalSuccesses = 0;
  uint32_t totalFailures = 0;
  uint32_t consecutiveSuccesses = 0;
  uint32_t consecutiveFailures = 0;
};

struct CircuitBreakerSettings {
  using Clock = std::chrono::steady_clock;
  std::string name = "breaker";
  /// Requests let through while half-open; 0 means 1.
  uint32_t maxRequests = 1;
  /// Cyclic period of the closed state after which counts are cleared; 0:
  /// never.
  std::chrono::milliseconds interval{0};
  /// How long the breaker stays open before probing; 0 means 60 s.
  std::chrono::milliseconds timeout{0};
  /// Trips closed -> open; default: more than 5 consecutive failures.
  std::function<bool(const BreakerCounts &)> readyToTrip;
  /// Runs under the breaker's lock: it must not call the breaker.
  std::function<void(const std::string &name, BreakerState from,
                     BreakerState to)>
      onStateChange;
  /// Injectable for deterministic tests.
  std::function<Clock::time_point()> now;
};

/// Thrown by execute() when the breaker refuses the call.
class CircuitOpenError : public std::runtime_error {
public:
  CircuitOpenError(const std::string &name, BreakerState state);
  BreakerState state() const { return state_; }

private:
  BreakerState state_;
};

/// Guarantees: while open, no call reaches the protected function; while
/// half-open, at most maxRequests calls are in flight; outcomes of calls
/// admitted in an earlier generation are ignored. Thread-safe.
class CircuitBreaker {
public:
  explicit CircuitBreaker(CircuitBreakerSettings settings);

  /// Two-step use: allow() admits a call (or not); report its outcome with
  /// done().
  struct Ticket {
    uint64_t generation;
  };
  std::optional<Ticket> allow();
  void done(Ticket ticket, bool success);

  /// Runs \p call if admitted; an exception from it is a failure and is
  /// rethrown. Throws CircuitOpenError when refused.
  template <typename F> decltype(auto) execute(F &&call) {
    const std::optional<Ticket> ticket = allow();
    if (!ticket)
      throw CircuitOpenError(settings_.name, state());
    try {
      if constexpr (std::is_void_v<decltype(call())>) {
        call();
        done(*ticket, true);
      } else {
        decltype(auto) result = call();
        done(*ticket, true);
        return result;
      }
    } catch (...) {
      done(*ticket, false);
      throw;
    }
  }

  BreakerState state();
  BreakerCounts counts();
  uint64_t rejected() const;
  const std::string &name() const { return settings_.name; }

private:
  using TimePoint = CircuitBreakerSettings::Clock::time_point;

  BreakerState currentStateLocked(TimePoint now);
  void setStateLocked(BreakerState next, TimePoint now);
  void newGenerationLocked(TimePoint now);
  void onSuccessLocked(BreakerState state, TimePoint now);
  void onFailureLocked(BreakerState state, TimePoint now);

  CircuitBreakerSettings settings_;
  mutable std::mutex mutex_;
  BreakerState state_ = BreakerState::Closed;
  uint64_t generation_ = 0;
  BreakerCounts counts_;
  TimePoint expiry_{}; ///< end of the closed interval or of the open timeout;
                       ///< zero: none
  uint64_t rejected_ = 0;
};

} // namespace unbounded::guard

#endif
