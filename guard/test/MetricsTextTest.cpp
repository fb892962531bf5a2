// The exposition parser against the registry's own output, the format's
// corner cases and malformed text; the scraper's refusals.
#include "unbounded/MetricsText.h"

#include "unbounded/Metrics.h"

#include <gtest/gtest.h>

using namespace unbounded::guard;

namespace {

std::vector<std::string> names(const std::vector<MetricFamily> &families) {
  std::vector<std::string> result;
  for (const MetricFamily &family : families)
    result.push_back(family.name);
  return result;
}

} // namespace

TEST(MetricsTextTest, ReadsTheRegistrysExposition) {
  MetricsRegistry registry;
  MetricHandle depth =
      registry.gauge("unbounded_queue_depth", "Items \\ waiting.",
                     {{"queue", "a\"b\nc"}}, [] { return 3.0; });
  MetricHandle dropped =
      registry.counter("unbounded_queue_dropped_total", "Refused.",
                       {{"queue", "q"}}, [] { return 1.0 / 0.0; });
  const std::vector<MetricFamily> families =
      parseMetricsText(registry.exposition());
  ASSERT_EQ(families.size(), 2u) << registry.exposition();
  EXPECT_EQ(families[0].name, "unbounded_queue_depth");
  EXPECT_EQ(families[0].type, "gauge");
  EXPECT_EQ(families[0].samples, 1u);
  EXPECT_EQ(families[1].name, "unbounded_queue_dropped_total");
  EXPECT_EQ(families[1].type, "counter");
}

TEST(MetricsTextTest, GroupsHistogramAndSummarySeriesIntoTheirFamily) {
  const std::string text =
      "# HELP http_request_duration_seconds Latency.\n"
      "# TYPE http_request_duration_seconds histogram\n"
      "http_request_duration_seconds_bucket{le=\"0.1\"} 4\n"
      "http_request_duration_seconds_bucket{le=\"+Inf\"} 5\n"
      "http_request_duration_seconds_sum 0.7\n"
      "http_request_duration_seconds_count 5\n"
      "# TYPE rpc_seconds summary\n"
      "rpc_seconds{quantile=\"0.99\"} NaN\n"
      "rpc_seconds_sum 1e-3 1700000000000\n"
      "rpc_seconds_count 2\n"
      "# a plain comment\n"
      "\n"
      "process_threads{a=\"1\",b=\"2\",} -Inf\n"
      "untyped_total 12\n";
  const std::vector<MetricFamily> families = parseMetricsText(text);
  EXPECT_EQ(names(families), (std::vector<std::string>{
                                 "http_request_duration_seconds", "rpc_seconds",
                                 "process_threads", "untyped_total"}));
  EXPECT_EQ(families[0].samples, 4u);
  EXPECT_EQ(families[0].help, "Latency.");
  EXPECT_EQ(families[1].samples, 3u);
  EXPECT_EQ(families[3].type, "untyped");
}

TEST(MetricsTextTest, RejectsMalformedTextWithItsLine) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"1abc 1\n", "invalid metric name"},
      {"a{b=\"1\" 1\n", "expected ',' or '}'"},
      {"a{b=1} 1\n", "expected '\"'"},
      {"a{b=\"1\",b=\"2\"} 1\n", "duplicate label b"},
      {"a{b=\"x\\q\"} 1\n", "invalid escape"},
      {"a{b=\"x} 1\n", "unterminated label value"},
      {"a one\n", "invalid sample value"},
      {"a 1 12.5\n", "invalid timestamp"},
      {"a 1 12 extra\n", "text after the timestamp"},
      {"a\n", "expected a blank before the value"},
      {"# TYPE a gauge\n# TYPE a counter\n", "second TYPE line for a"},
      {"# TYPE a meter\n", "unknown metric type 'meter'"},
      {"a 1\n# TYPE a gauge\n", "TYPE line for a after its samples"},
      {"# HELP a x\n# HELP a y\n", "second HELP line for a"},
      {"ok 1\nbad{ 2\n", "line 2"},
  };
  for (const auto &[text, message] : cases) {
    try {
      parseMetricsText(text);
      ADD_FAILURE() << "accepted: " << text;
    } catch (const MetricsTextError &error) {
      EXPECT_NE(std::string(error.what()).find(message), std::string::npos)
          << text << " -> " << error.what();
    }
  }
}

TEST(MetricsTextTest, ScrapeRefusesOtherHostsAndRecordsErrors) {
  takeTestEvidence();
  const ScrapeRecord remote = scrapeMetrics("192.0.2.1", 80);
  EXPECT_NE(remote.error.find("refusing non-loopback host"), std::string::npos)
      << remote.error;
  const ScrapeRecord closed = scrapeMetrics("127.0.0.1", 1);
  EXPECT_NE(closed.error.find("connect"), std::string::npos) << closed.error;
  const TestEvidence evidence = takeTestEvidence();
  ASSERT_EQ(evidence.scrapes.size(), 2u);
  EXPECT_EQ(evidence.scrapes[1].url, "http://127.0.0.1:1/metrics");
}
