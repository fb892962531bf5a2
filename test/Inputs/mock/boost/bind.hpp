#pragma once
// boost::bind as its header declares it, reduced to one overload.
namespace boost {
template <class F, class... A> int bind(F f, A... a);
} // namespace boost
