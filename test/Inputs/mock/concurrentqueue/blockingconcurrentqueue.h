#pragma once
// Mirrors the declarations of moodycamel::BlockingConcurrentQueue.
#include <concurrentqueue/concurrentqueue.h>
namespace moodycamel {
template <typename T, typename Traits = ConcurrentQueueDefaultTraits>
class BlockingConcurrentQueue {
public:
  static const std::size_t BLOCK_SIZE = Traits::BLOCK_SIZE;
  explicit BlockingConcurrentQueue(std::size_t capacity = 6 * BLOCK_SIZE);
  inline bool enqueue(T const &item);
  inline bool enqueue(T &&item);
  inline bool try_enqueue(T const &item);
  inline bool try_enqueue(T &&item);
  template <typename U> void wait_dequeue(U &item);
  template <typename U> bool wait_dequeue_timed(U &item, long long usecs);
  std::size_t size_approx() const;
};
} // namespace moodycamel
