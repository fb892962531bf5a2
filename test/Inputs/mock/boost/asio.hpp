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
template <class Protocol> class basic_endpoint {};
template <class Protocol> class basic_stream_socket {
public:
  explicit basic_stream_socket(io_context &);
  basic_stream_socket &lowest_layer();
  template <class Endpoint> void connect(const Endpoint &to);
  template <class Endpoint, class Handler>
  void async_connect(const Endpoint &to, Handler &&handler);
  template <class Buffer, class Handler>
  void async_read_some(const Buffer &buffer, Handler &&handler);
};
class tcp {
public:
  using resolver = basic_resolver<tcp>;
  using socket = basic_stream_socket<tcp>;
  using endpoint = basic_endpoint<tcp>;
};
} // namespace ip
class const_buffer {};
const_buffer buffer(const std::string &data);
template <class Socket, class Endpoints, class Handler>
void async_connect(Socket &socket, const Endpoints &to, Handler &&handler);
template <class Socket, class Endpoints>
void connect(Socket &socket, const Endpoints &to);
template <class Stream, class Buffer, class Handler>
void async_write(Stream &stream, const Buffer &buffer, Handler &&handler);
template <class Executor, class Handler>
void post(Executor &executor, Handler &&handler);
} // namespace boost::asio
