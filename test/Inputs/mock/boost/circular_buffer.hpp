#pragma once
// Mirrors the declarations of boost::circular_buffer (circular_buffer/base.hpp).
#include <cstddef>
namespace boost {
template <class T> class circular_buffer {
public:
  typedef std::size_t capacity_type;
  typedef std::size_t size_type;
  circular_buffer();
  explicit circular_buffer(capacity_type buffer_capacity);
  circular_buffer(capacity_type buffer_capacity, size_type n, const T &item);
  void set_capacity(capacity_type new_capacity);
  void rset_capacity(capacity_type new_capacity);
  void push_back(const T &item);
  void pop_front();
  T &front();
  size_type size() const;
  capacity_type capacity() const;
  bool full() const;
};
} // namespace boost
