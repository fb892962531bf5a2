#pragma once
// Mirrors the declarations of boost::lockfree::queue (boost/lockfree/queue.hpp).
#include <boost/lockfree/policies.hpp>
#include <cstddef>
namespace boost {
namespace lockfree {
template <typename T, typename... Options> class queue {
public:
  typedef std::size_t size_type;
  queue();
  explicit queue(size_type n);
  void reserve(size_type n);
  bool push(T const &t);
  bool bounded_push(T const &t);
  bool unsynchronized_push(T const &t);
  bool pop(T &ret);
  bool empty() const;
};
} // namespace lockfree
} // namespace boost
