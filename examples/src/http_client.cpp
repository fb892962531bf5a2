// HTTP/1.1 client with a per-host keep-alive pool (see http_client.h).
// Enough HTTP for the example: GET, Content-Length bodies, Connection: close.
#include "orders/http_client.h"

#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace orders {
namespace {

using Clock = std::chrono::steady_clock;

std::string keyOf(const Endpoint& to) {
  return to.host + ":" + std::to_string(to.port);
}

int dial(const Endpoint& to, std::chrono::milliseconds timeout,
         std::string& error) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  const std::string port = std::to_string(to.port);
  if (int rc = ::getaddrinfo(to.host.c_str(), port.c_str(), &hints, &found)) {
    error = ::gai_strerror(rc);
    return -1;
  }
  int fd = -1;
  for (addrinfo* a = found; a != nullptr && fd < 0; a = a->ai_next) {
    fd = ::socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC, a->ai_protocol);
    if (fd < 0) continue;
    timeval tv{};
    tv.tv_sec = static_cast<time_t>(timeout.count() / 1000);
    tv.tv_usec = static_cast<suseconds_t>(timeout.count() % 1000 * 1000);
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    int on = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    if (::connect(fd, a->ai_addr, a->ai_addrlen) != 0) {
      error = std::string("connect: ") + std::strerror(errno);
      ::close(fd);
      fd = -1;
    }
  }
  ::freeaddrinfo(found);
  return fd;
}

bool sendAll(int fd, const std::string& data) {
  for (std::size_t sent = 0; sent < data.size();) {
    ssize_t n = ::send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    sent += static_cast<std::size_t>(n);
  }
  return true;
}

// Reads one response; keep says whether the connection may be reused.
bool readResponse(int fd, HttpResponse& res, bool& keep) {
  std::string data;
  char buffer[4096];
  auto receive = [&] {
    ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n > 0) data.append(buffer, static_cast<std::size_t>(n));
    return n > 0;
  };
  std::size_t end;
  while ((end = data.find("\r\n\r\n")) == std::string::npos)
    if (!receive()) return false;
  std::string head = data.substr(0, end);
  for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (head.compare(0, 5, "http/") != 0) return false;
  res.status = std::atoi(head.c_str() + head.find(' ') + 1);
  std::size_t length = 0;
  if (std::size_t at = head.find("\r\ncontent-length:"); at != std::string::npos)
    length = std::strtoul(head.c_str() + at + 17, nullptr, 10);
  keep = head.find("\r\nconnection: close") == std::string::npos;
  data.erase(0, end + 4);
  while (data.size() < length)
    if (!receive()) return false;
  res.body = data.substr(0, length);
  return true;
}

}  // namespace

HttpClient::HttpClient(ClientLimits limits) : limits_(limits) {}

HttpClient::~HttpClient() {
  for (auto& host : hosts_)
    for (const Idle& idle : host.second.idle) ::close(idle.fd);
}

HttpResponse HttpClient::get(const Endpoint& to, const std::string& path) {
  const std::string request =
      "GET " + path + " HTTP/1.1\r\nHost: " + to.host + "\r\n\r\n";
  // The server may have closed a pooled connection while it sat idle: one
  // retry on a fresh connection.
  HttpResponse res;
  for (int attempt = 0; attempt < 2; ++attempt) {
    res = HttpResponse{};
    bool reused = false;
    int fd = checkout(to, reused, res.error);
    if (fd < 0) return res;
    bool keep = false;
    if (sendAll(fd, request) && readResponse(fd, res, keep)) {
      checkin(to, fd, keep);
      return res;
    }
    checkin(to, fd, false);
    res.status = 0;
    res.error = "connection to " + keyOf(to) + " failed";
    if (!reused) break;  // a fresh connection failed: do not retry
  }
  return res;
}

ClientStats HttpClient::stats() const {
  std::lock_guard<std::mutex> lock(mu_);
  ClientStats now = stats_;
  now.idle = idle_total_;
  return now;
}

int HttpClient::checkout(const Endpoint& to, bool& reused, std::string& error) {
  std::unique_lock<std::mutex> lock(mu_);
  HostPool& host = hosts_[keyOf(to)];
  const auto now = Clock::now();
  while (!host.idle.empty() && limits_.idle_timeout.count() > 0 &&
         now - host.idle.front().since > limits_.idle_timeout) {
    ::close(host.idle.front().fd);
    host.idle.pop_front();
    --idle_total_;
    --host.open;
    --stats_.open;
  }
  auto available = [&] {
    return !host.idle.empty() || limits_.max_per_host == 0 ||
           host.open < limits_.max_per_host;
  };
  if (limits_.request_timeout.count() == 0)
    released_.wait(lock, available);
  else if (!released_.wait_for(lock, limits_.request_timeout, available)) {
    error = "timed out waiting for a connection to " + keyOf(to);
    return -1;
  }
  if (!host.idle.empty()) {
    int fd = host.idle.back().fd;
    host.idle.pop_back();
    --idle_total_;
    ++stats_.reused;
    reused = true;
    return fd;
  }
  ++host.open;  // take the slot now, connect without holding the lock
  ++stats_.open;
  lock.unlock();
  int fd = dial(to, limits_.request_timeout, error);
  lock.lock();
  if (fd < 0) {
    --host.open;
    --stats_.open;
    released_.notify_one();
  } else {
    ++stats_.opened;
  }
  return fd;
}

void HttpClient::checkin(const Endpoint& to, int fd, bool keep) {
  std::lock_guard<std::mutex> lock(mu_);
  HostPool& host = hosts_[keyOf(to)];
  const bool room =
      (limits_.max_idle_per_host == 0 ||
       host.idle.size() < limits_.max_idle_per_host) &&
      (limits_.max_idle == 0 || idle_total_ < limits_.max_idle);
  if (keep && room) {
    host.idle.push_back({fd, Clock::now()});
    ++idle_total_;
  } else {
    ::close(fd);
    --host.open;
    --stats_.open;
  }
  released_.notify_one();
}

}  // namespace orders
