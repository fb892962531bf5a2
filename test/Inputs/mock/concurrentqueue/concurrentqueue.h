#pragma once
// Mirrors the declarations of moodycamel::ConcurrentQueue
// (libconcurrentqueue-dev, /usr/include/concurrentqueue/concurrentqueue.h).
#include <cstddef>
namespace moodycamel {
struct ConcurrentQueueDefaultTraits {
  static const std::size_t BLOCK_SIZE = 32;
};
struct ProducerToken {};
template <typename T, typename Traits = ConcurrentQueueDefaultTraits>
class ConcurrentQueue {
public:
  static const std::size_t BLOCK_SIZE = Traits::BLOCK_SIZE;
  explicit ConcurrentQueue(std::size_t capacity = 32 * BLOCK_SIZE);
  ConcurrentQueue(std::size_t minCapacity, std::size_t maxExplicitProducers,
                  std::size_t maxImplicitProducers);
  inline bool enqueue(T const &item);
  inline bool enqueue(T &&item);
  inline bool enqueue(ProducerToken const &token, T const &item);
  template <typename It> bool enqueue_bulk(It itemFirst, std::size_t count);
  inline bool try_enqueue(T const &item);
  inline bool try_enqueue(T &&item);
  template <typename It> bool try_enqueue_bulk(It itemFirst, std::size_t count);
  template <typename U> bool try_dequeue(U &item);
  std::size_t size_approx() const;
};
} // namespace moodycamel
