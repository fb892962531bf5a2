#pragma once
// Mirrors boost/lockfree/policies.hpp: capacity<N> and fixed_sized<B>.
#include <cstddef>
namespace boost {
namespace lockfree {
template <std::size_t Size> struct capacity {};
template <bool IsFixedSized> struct fixed_sized {};
} // namespace lockfree
} // namespace boost
