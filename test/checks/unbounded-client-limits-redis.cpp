// redis++ clients set up without a socket timeout: from a URI with no
// socket_timeout in its query, or from ConnectionOptions whose
// socket_timeout is never set.
// RUN: %check_both %s unbounded-client-limits -- -std=c++17 %mock_flags \
// RUN:   | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <chrono>
#include <memory>
#include <sw/redis++/redis++.h>

sw::redis::Redis cache("tcp://127.0.0.1:6379");
// CHECK: :[[@LINE-1]]:18: warning: 'sw::redis::Redis' is set up without a socket timeout: one stalled Redis server blocks every caller, and every connection of the pool, for as long as it stalls (set ConnectionOptions::socket_timeout and connect_timeout, or socket_timeout= in the URI, and ConnectionPoolOptions::wait_timeout) [unbounded-client-limits]

std::shared_ptr<sw::redis::Redis> makeSessions() {
  sw::redis::ConnectionOptions options;
  options.host = "127.0.0.1";
  sw::redis::ConnectionPoolOptions pool;
  pool.size = 8;
  return std::make_shared<sw::redis::Redis>(options, pool);
  // CHECK: :[[@LINE-1]]:10: warning: 'sw::redis::Redis' is set up without a socket timeout
}

void pooled() {
  sw::redis::ConnectionOptions options;
  options.host = "127.0.0.1";
  sw::redis::Redis redis(options);
  // CHECK: :[[@LINE-1]]:20: warning: 'sw::redis::Redis' is set up without a socket timeout
}

// Quiet: timeouts in the URI or in the options.
sw::redis::Redis limited("tcp://127.0.0.1:6379?socket_timeout=50ms&connect_timeout=1s");
void timed() {
  sw::redis::ConnectionOptions options;
  options.host = "127.0.0.1";
  options.socket_timeout = std::chrono::milliseconds(100);
  sw::redis::Redis redis(options);
}
