#pragma once
// Mirrors the constructors of folly::IOThreadPoolExecutor.
#include <cstddef>
#include <memory>
namespace folly {
class ThreadFactory;
class IOThreadPoolExecutor {
public:
  explicit IOThreadPoolExecutor(std::size_t numThreads);
};
} // namespace folly
