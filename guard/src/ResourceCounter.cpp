#include "unbounded/ResourceCounter.h"

#include <dlfcn.h>
#include <stdexcept>

namespace unbounded::guard {
namespace {

using ReadCounts = void (*)(unbounded_guard_counts *);
using ReadLimits = void (*)(unbounded_guard_limits *);
using WriteLimits = void (*)(const unbounded_guard_limits *);
using ResetPeaks = void (*)();

/// Looked up at run time so the same binary works with and without the
/// interposition library, linked or preloaded.
template <typename Function> Function lookup(const char *name) {
  return reinterpret_cast<Function>(dlsym(RTLD_DEFAULT, name));
}

} // namespace

bool interpositionActive() {
  return lookup<ReadCounts>("unbounded_guard_read_counts") != nullptr;
}

std::optional<ResourceCounts> resourceCounts() {
  const auto read = lookup<ReadCounts>("unbounded_guard_read_counts");
  if (!read)
    return std::nullopt;
  ResourceCounts counts{};
  read(&counts);
  return counts;
}

ResourceLimits resourceLimits() {
  const auto read = lookup<ReadLimits>("unbounded_guard_read_limits");
  if (!read)
    return {};
  unbounded_guard_limits raw{};
  read(&raw);
  return {raw.max_threads, raw.max_sockets, raw.max_fds};
}

ResourceLimits tightestLimitsSinceReset() {
  const auto read = lookup<ReadLimits>("unbounded_guard_read_tightest_limits");
  if (!read)
    return {};
  unbounded_guard_limits raw{};
  read(&raw);
  return {raw.max_threads, raw.max_sockets, raw.max_fds};
}

void setResourceLimits(const ResourceLimits &limits) {
  const auto write = lookup<WriteLimits>("unbounded_guard_write_limits");
  if (!write)
    throw std::logic_error(
        "unbounded-guard: resource limits need the interposition library "
        "(link unbounded::guard_interpose or LD_PRELOAD it)");
  const unbounded_guard_limits raw{limits.maxThreads, limits.maxSockets,
                                   limits.maxFds};
  write(&raw);
}

void resetPeaks() {
  if (const auto reset = lookup<ResetPeaks>("unbounded_guard_reset_peaks"))
    reset();
}

ScopedResourceLimits::ScopedResourceLimits(const ResourceLimits &limits)
    : previous_(resourceLimits()) {
  setResourceLimits(limits);
}

ScopedResourceLimits::~ScopedResourceLimits() {
  if (interpositionActive())
    setResourceLimits(previous_);
}

} // namespace unbounded::guard
