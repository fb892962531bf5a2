#include "unbounded/ConcurrencyLimiter.h"

#include <algorithm>
#include <stdexcept>

namespace unbounded::guard {

ConcurrencyLimiter::Permit &
ConcurrencyLimiter::Permit::operator=(Permit &&other) noexcept {
  if (this != &other) {
    release();
    owner_ = other.owner_;
    other.owner_ = nullptr;
  }
  return *this;
}

void ConcurrencyLimiter::Permit::release() {
  if (!owner_)
    return;
  owner_->giveBack();
  owner_ = nullptr;
}

ConcurrencyLimiter::ConcurrencyLimiter(std::size_t limit, std::string name)
    : limit_(limit), name_(std::move(name)) {
  if (limit == 0)
    throw std::invalid_argument("ConcurrencyLimiter: limit must be at least 1");
  stats_.limit = limit;
}

void ConcurrencyLimiter::takeLocked() {
  ++stats_.inUse;
  ++stats_.acquired;
  stats_.peakInUse = std::max(stats_.peakInUse, stats_.inUse);
}

void ConcurrencyLimiter::giveBack() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    --stats_.inUse;
  }
  available_.notify_one();
}

std::optional<ConcurrencyLimiter::Permit> ConcurrencyLimiter::tryAcquire() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (stats_.inUse >= limit_) {
    ++stats_.rejected;
    return std::nullopt;
  }
  takeLocked();
  return Permit(this);
}

std::optional<ConcurrencyLimiter::Permit>
ConcurrencyLimiter::acquireFor(std::chrono::nanoseconds timeout) {
  std::unique_lock<std::mutex> lock(mutex_);
  if (!available_.wait_for(lock, timeout,
                           [&] { return stats_.inUse < limit_; })) {
    ++stats_.rejected;
    return std::nullopt;
  }
  takeLocked();
  return Permit(this);
}

ConcurrencyLimiter::Permit ConcurrencyLimiter::acquire() {
  std::unique_lock<std::mutex> lock(mutex_);
  available_.wait(lock, [&] { return stats_.inUse < limit_; });
  takeLocked();
  return Permit(this);
}

LimiterStats ConcurrencyLimiter::stats() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return stats_;
}

} // namespace unbounded::guard
