#include "unbounded/ResourceLimit.h"

#include <cerrno>
#include <system_error>

namespace unbounded::guard {

ScopedRlimit::ScopedRlimit(int resource, rlim_t softLimit)
    : resource_(resource) {
  if (getrlimit(resource, &previous_) != 0)
    throw std::system_error(errno, std::generic_category(), "getrlimit");
  rlimit lowered = previous_;
  lowered.rlim_cur = softLimit;
  if (setrlimit(resource, &lowered) != 0)
    throw std::system_error(errno, std::generic_category(), "setrlimit");
}

ScopedRlimit::~ScopedRlimit() { setrlimit(resource_, &previous_); }

} // namespace unbounded::guard
