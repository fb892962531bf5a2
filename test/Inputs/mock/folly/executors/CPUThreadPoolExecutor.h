#pragma once
// Mirrors the constructors of folly::CPUThreadPoolExecutor.
#include <cstddef>
#include <memory>
namespace folly {
class ThreadFactory {};
class ThreadPoolExecutor {
public:
  virtual ~ThreadPoolExecutor();
};
class CPUThreadPoolExecutor : public ThreadPoolExecutor {
public:
  explicit CPUThreadPoolExecutor(
      std::size_t numThreads,
      std::shared_ptr<ThreadFactory> threadFactory = std::shared_ptr<ThreadFactory>());
  template <class F> void add(F f) {}
};
} // namespace folly
