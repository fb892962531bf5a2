#pragma once
// Mirrors the declarations of boost/asio/thread_pool.hpp (Boost 1.74).
#include <cstddef>
namespace boost::asio {
class execution_context {};
class thread_pool : public execution_context {
public:
  thread_pool();
  thread_pool(std::size_t num_threads);
  ~thread_pool();
  void stop();
  void join();
  void wait();
};
template <class Executor, class F> void post(Executor &e, F f) {}
} // namespace boost::asio
