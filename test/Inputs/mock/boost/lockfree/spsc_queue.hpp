#pragma once
// Mirrors the declarations of boost::lockfree::spsc_queue.
#include <boost/lockfree/policies.hpp>
#include <cstddef>
namespace boost {
namespace lockfree {
template <typename T, typename... Options> class spsc_queue {
public:
  typedef std::size_t size_type;
  spsc_queue();
  explicit spsc_queue(size_type element_count);
  bool push(T const &t);
  size_type push(T const *t, size_type size);
  bool pop(T &ret);
  size_type read_available() const;
  size_type write_available() const;
};
} // namespace lockfree
} // namespace boost
