#include "unbounded/MetricsServer.h"
#include "unbounded/MetricsText.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <string>
#include <sys/socket.h>
#include <unistd.h>

using namespace unbounded::guard;

namespace {

/// A plain HTTP/1.0 GET over loopback, no client library.
std::string httpGet(int port, const std::string &path) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) !=
      0) {
    close(fd);
    return {};
  }
  const std::string request =
      "GET " + path + " HTTP/1.0\r\nHost: localhost\r\n\r\n";
  (void)!write(fd, request.data(), request.size());
  std::string response;
  char buffer[4096];
  while (true) {
    const ssize_t n = read(fd, buffer, sizeof buffer);
    if (n <= 0)
      break;
    response.append(buffer, static_cast<size_t>(n));
  }
  close(fd);
  return response;
}

} // namespace

TEST(MetricsServerTest, ServesTheRegistryOnLoopback) {
  MetricsRegistry registry;
  MetricHandle depth =
      registry.gauge("unbounded_queue_depth", "Depth.", {{"queue", "events"}},
                     [] { return 17.0; });
  MetricsServer server(registry);
  ASSERT_GT(server.port(), 0);
  const std::string response = httpGet(server.port(), "/metrics");
  EXPECT_NE(response.find("200 OK"), std::string::npos) << response;
  EXPECT_NE(response.find("text/plain; version=0.0.4"), std::string::npos)
      << response;
  EXPECT_NE(response.find("unbounded_queue_depth{queue=\"events\"} 17\n"),
            std::string::npos);
  EXPECT_NE(httpGet(server.port(), "/other").find("404"), std::string::npos);
}

TEST(MetricsServerTest, ScrapeRecordsTheFamiliesServed) {
  MetricsRegistry registry;
  MetricHandle threads = registry.gauge("unbounded_process_threads", "Threads.",
                                        {}, [] { return 4.0; });
  MetricHandle dropped =
      registry.counter("unbounded_queue_dropped_total", "Refused.",
                       {{"queue", "q"}}, [] { return 2.0; });
  MetricsServer server(registry);
  takeTestEvidence();
  const ScrapeRecord record = scrapeMetrics("127.0.0.1", server.port());
  EXPECT_EQ(record.error, "");
  EXPECT_EQ(record.families,
            (std::vector<std::string>{"unbounded_process_threads",
                                      "unbounded_queue_dropped_total"}));
  EXPECT_EQ(takeTestEvidence().scrapes.size(), 1u);
  EXPECT_EQ(scrapeMetrics("127.0.0.1", server.port(), "/other").error,
            "HTTP status 404");
}
