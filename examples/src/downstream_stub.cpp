// Loopback stand-in for the inventory service (see downstream_stub.h).
#include "orders/downstream_stub.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace orders {

DownstreamStub::DownstreamStub() {
  listen_fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  if (listen_fd_ < 0 ||
      ::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), len) != 0 ||
      ::listen(listen_fd_, 128) != 0 ||
      ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len) != 0 ||
      ::pipe2(wake_, O_CLOEXEC) != 0) {
    if (listen_fd_ >= 0) ::close(listen_fd_);
    throw std::runtime_error("downstream stub: cannot listen on 127.0.0.1");
  }
  port_ = ntohs(addr.sin_port);
  thread_ = std::thread(&DownstreamStub::serve, this);
}

DownstreamStub::~DownstreamStub() {
  const char stop = 1;
  ssize_t written = ::write(wake_[1], &stop, 1);
  static_cast<void>(written);
  thread_.join();
  ::close(wake_[0]);
  ::close(wake_[1]);
  ::close(listen_fd_);
}

// Reads what fd has; answers every complete request in pending. Returns
// false once the client has closed the connection.
bool DownstreamStub::answer(int fd, std::string& pending) {
  char buffer[4096];
  ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
  if (n <= 0) return n < 0 && errno == EINTR;
  pending.append(buffer, static_cast<std::size_t>(n));
  static const std::string kReply =
      "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\n42";
  for (std::size_t end; (end = pending.find("\r\n\r\n")) != std::string::npos;) {
    pending.erase(0, end + 4);
    if (::send(fd, kReply.data(), kReply.size(), MSG_NOSIGNAL) < 0) return false;
  }
  return true;
}

void DownstreamStub::serve() {
  std::vector<pollfd> fds{{wake_[0], POLLIN, 0}, {listen_fd_, POLLIN, 0}};
  std::map<int, std::string> pending;  // unanswered request bytes
  for (;;) {
    if (::poll(fds.data(), fds.size(), -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    if (fds[0].revents != 0) break;  // stop requested
    if (fds[1].revents & POLLIN) {
      int fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
      if (fd >= 0) {
        fds.push_back({fd, POLLIN, 0});
        accepted_.fetch_add(1);
      }
    }
    for (std::size_t i = 2; i < fds.size();) {
      const int fd = fds[i].fd;
      if (fds[i].revents != 0 && !answer(fd, pending[fd])) {
        ::close(fd);
        pending.erase(fd);
        fds[i] = fds.back();  // handled next, at the same index
        fds.pop_back();
        continue;
      }
      fds[i++].revents = 0;
    }
  }
  for (std::size_t i = 2; i < fds.size(); ++i) ::close(fds[i].fd);
}

}  // namespace orders
