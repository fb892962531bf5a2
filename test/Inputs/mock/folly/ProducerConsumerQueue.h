#pragma once
// Mirrors folly/ProducerConsumerQueue.h.
#include <cstddef>
namespace folly {
template <class T> struct ProducerConsumerQueue {
  typedef T value_type;
  explicit ProducerConsumerQueue(unsigned int size);
  template <class... Args> bool write(Args &&...recordArgs) { return true; }
  bool read(T &record);
  bool isFull() const;
  std::size_t sizeGuess() const;
};
} // namespace folly
