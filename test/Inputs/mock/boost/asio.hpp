#pragma once
// Mirrors the Asio classes the checks recognise.
#include <string>
namespace boost::asio {
class io_context {
public:
  io_context();
  void run();
};
namespace ip {
template <class Protocol> class basic_resolver {
public:
  explicit basic_resolver(io_context &);
  int resolve(const std::string &host, const std::string &service);
};
template <class Protocol> class basic_stream_socket {
public:
  explicit basic_stream_socket(io_context &);
};
class tcp {
public:
  using resolver = basic_resolver<tcp>;
  using socket = basic_stream_socket<tcp>;
};
} // namespace ip
class const_buffer {};
const_buffer buffer(const std::string &data);
template <class Stream, class Buffer, class Handler>
void async_write(Stream &stream, const Buffer &buffer, Handler &&handler);
template <class Executor, class Handler>
void post(Executor &executor, Handler &&handler);
} // namespace boost::asio
