#ifndef UNBOUNDED_GUARD_LOOPBACKHTTP_H
#define UNBOUNDED_GUARD_LOOPBACKHTTP_H

/// \file
/// One HTTP/1.0 request to a loopback address (127.0.0.1, ::1 or localhost;
/// any other host is refused), for the scraper and the load test's HTTP
/// target. Internal to unbounded::guard.

#include <chrono>
#include <string>

namespace unbounded::guard::detail {

struct HttpResult {
  int status = 0; ///< 0: no response (see error)
  std::string body;
  std::string error; ///< one line
};

/// True for 127.0.0.1, ::1 and localhost.
bool isLoopbackHost(const std::string &host);

/// Sends `METHOD path`, reads the whole answer (at most 16 MiB) within
/// \p timeout, and closes the connection.
HttpResult loopbackRequest(const std::string &host, int port,
                           const std::string &method, const std::string &path,
                           std::chrono::milliseconds timeout);

} // namespace unbounded::guard::detail

#endif
