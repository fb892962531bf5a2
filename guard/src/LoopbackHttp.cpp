#include "LoopbackHttp.h"

#include <arpa/inet.h>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace unbounded::guard::detail {
namespace {

constexpr size_t kMaxResponse = size_t(16) << 20;

using Clock = std::chrono::steady_clock;

int remainingMs(Clock::time_point deadline) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
      deadline - Clock::now());
  return left.count() > 0 ? int(left.count()) : 0;
}

/// Closes the descriptor when the request ends, however it ends.
struct Socket {
  int fd = -1;
  ~Socket() {
    if (fd >= 0)
      ::close(fd);
  }
};

bool waitFor(int fd, short events, Clock::time_point deadline) {
  pollfd entry{fd, events, 0};
  int ready;
  do
    ready = ::poll(&entry, 1, remainingMs(deadline));
  while (ready < 0 && errno == EINTR);
  return ready > 0;
}

std::string systemError(const char *what) {
  return std::string(what) + ": " + std::strerror(errno);
}

/// Connects without blocking past the deadline; "" on success.
std::string connectTo(Socket &s, const std::string &host, int port,
                      Clock::time_point deadline) {
  sockaddr_storage address{};
  socklen_t length;
  if (host == "::1") {
    auto *in6 = reinterpret_cast<sockaddr_in6 *>(&address);
    in6->sin6_family = AF_INET6;
    in6->sin6_port = htons(uint16_t(port));
    in6->sin6_addr = in6addr_loopback;
    length = sizeof *in6;
  } else {
    auto *in = reinterpret_cast<sockaddr_in *>(&address);
    in->sin_family = AF_INET;
    in->sin_port = htons(uint16_t(port));
    in->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    length = sizeof *in;
  }
  s.fd = ::socket(address.ss_family, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK,
                  0);
  if (s.fd < 0)
    return systemError("socket");
  if (::connect(s.fd, reinterpret_cast<sockaddr *>(&address), length) == 0)
    return "";
  if (errno != EINPROGRESS)
    return systemError("connect");
  if (!waitFor(s.fd, POLLOUT, deadline))
    return "connect: timed out";
  int error = 0;
  socklen_t size = sizeof error;
  ::getsockopt(s.fd, SOL_SOCKET, SO_ERROR, &error, &size);
  if (error != 0) {
    errno = error;
    return systemError("connect");
  }
  return "";
}

std::string sendAll(int fd, const std::string &data,
                    Clock::time_point deadline) {
  size_t sent = 0;
  while (sent < data.size()) {
    const ssize_t n =
        ::send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
    if (n > 0) {
      sent += size_t(n);
      continue;
    }
    if (n < 0 && errno != EAGAIN && errno != EINTR)
      return systemError("send");
    if (!waitFor(fd, POLLOUT, deadline))
      return "send: timed out";
  }
  return "";
}

std::string receiveAll(int fd, std::string &out, Clock::time_point deadline) {
  char buffer[16384];
  for (;;) {
    const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n == 0)
      return "";
    if (n > 0) {
      out.append(buffer, size_t(n));
      if (out.size() > kMaxResponse)
        return "response larger than 16 MiB";
      continue;
    }
    if (errno != EAGAIN && errno != EINTR)
      return systemError("recv");
    if (!waitFor(fd, POLLIN, deadline))
      return "receive: timed out";
  }
}

/// Splits status line, headers and body; rejects what it cannot read.
HttpResult parseResponse(const std::string &raw) {
  HttpResult result;
  const size_t end = raw.find("\r\n\r\n");
  if (raw.compare(0, 5, "HTTP/") != 0 || end == std::string::npos) {
    result.error = "not an HTTP response";
    return result;
  }
  const size_t space = raw.find(' ');
  if (space == std::string::npos || space > end || space + 4 > raw.size()) {
    result.error = "no status code";
    return result;
  }
  const std::string code = raw.substr(space + 1, 3);
  if (code.find_first_not_of("0123456789") != std::string::npos) {
    result.error = "no status code";
    return result;
  }
  std::string headers = raw.substr(0, end);
  for (char &c : headers)
    c = char(std::tolower(static_cast<unsigned char>(c)));
  if (headers.find("transfer-encoding: chunked") != std::string::npos) {
    result.error =
        "chunked responses are not supported (the request is HTTP/1.0)";
    return result;
  }
  result.status = std::stoi(code);
  result.body = raw.substr(end + 4);
  return result;
}

} // namespace

bool isLoopbackHost(const std::string &host) {
  return host == "127.0.0.1" || host == "::1" || host == "localhost";
}

HttpResult loopbackRequest(const std::string &host, int port,
                           const std::string &method, const std::string &path,
                           std::chrono::milliseconds timeout) {
  HttpResult failed;
  if (!isLoopbackHost(host)) {
    failed.error = "refusing non-loopback host " + host;
    return failed;
  }
  if (port <= 0 || port > 65535) {
    failed.error = "invalid port " + std::to_string(port);
    return failed;
  }
  const Clock::time_point deadline = Clock::now() + timeout;
  Socket s;
  std::string raw;
  const std::string hostHeader =
      (host == "::1" ? "[::1]" : host) + ":" + std::to_string(port);
  const std::string request =
      method + " " + path + " HTTP/1.0\r\nHost: " + hostHeader +
      "\r\nAccept: text/plain\r\nConnection: close\r\n\r\n";
  if (std::string error = connectTo(s, host, port, deadline); !error.empty()) {
    failed.error = error;
    return failed;
  }
  if (std::string error = sendAll(s.fd, request, deadline); !error.empty()) {
    failed.error = error;
    return failed;
  }
  if (std::string error = receiveAll(s.fd, raw, deadline); !error.empty()) {
    failed.error = error;
    return failed;
  }
  return parseResponse(raw);
}

} // namespace unbounded::guard::detail
