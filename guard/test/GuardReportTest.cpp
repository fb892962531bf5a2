#include "unbounded/GuardReport.h"

#include <gtest/gtest.h>

using namespace unbounded::guard;

TEST(GuardReportTest, JsonQuoteEscapes) {
  EXPECT_EQ(jsonQuote("a\"b\\c\nd\x01"), "\"a\\\"b\\\\c\\nd\\u0001\"");
}

TEST(GuardReportTest, RecordsLimitsLeaksAndRejections) {
  GuardReport report;
  report.binary = "/bin/t";
  TestGuardRecord record;
  record.name = "Suite.Test";
  record.result = "failed";
  record.limits.maxThreads = 8;
  record.leaks.threads.push_back({42, "leaky", {}});
  record.leaks.fds.push_back({7, FdKind::Socket, "socket:[9]", {}});
  record.rejections["unbounded_pool_rejected_total{pool=\"p\"}"] = 2;
  record.metricsExported.push_back("unbounded_queue_depth{queue=\"q\"}");
  report.tests.push_back(record);
  const std::string json = report.toJson();
  EXPECT_NE(json.find("\"schema\": \"unbounded-guard-report\""),
            std::string::npos);
  EXPECT_NE(json.find("\"version\": 2"), std::string::npos);
  EXPECT_NE(json.find("\"max_threads\": 8, \"max_sockets\": null"),
            std::string::npos)
      << json;
  EXPECT_NE(json.find("{\"tid\": 42, \"name\": \"leaky\", \"origin\": null}"),
            std::string::npos)
      << json;
  EXPECT_NE(json.find("{\"fd\": 7, \"kind\": \"socket\", \"target\": "
                      "\"socket:[9]\", \"origin\": null}"),
            std::string::npos);
  EXPECT_NE(json.find("\"unbounded_pool_rejected_total{pool=\\\"p\\\"}\": 2"),
            std::string::npos);
  EXPECT_NE(json.find("\"tests_with_leaks\": 1"), std::string::npos);
  EXPECT_NE(json.find("\"counts\": null"), std::string::npos);
  EXPECT_NE(json.find("\"binary_leaks\": null"), std::string::npos);
}

TEST(GuardReportTest, UnwritablePathThrows) {
  EXPECT_THROW(GuardReport().write("/nonexistent-dir/report.json"),
               std::runtime_error);
}

TEST(GuardReportTest, RecordsLoadChaosAndScrapeEvidence) {
  GuardReport report;
  TestGuardRecord record;
  record.name = "Orders.Load";
  record.result = "passed";
  LoadTestRecord load;
  load.name = "POST /orders";
  load.declaredPeakRps = 100;
  load.targetRps = 200;
  load.achievedRps = 200;
  load.requests = 40;
  load.rejections = 3;
  load.limits.maxThreads = 16;
  load.peaks.threads = 9;
  load.passed = true;
  record.evidence.loadTests.push_back(load);
  ChaosRecord chaos;
  chaos.downstream = "inventory";
  chaos.address = "127.0.0.1:9";
  chaos.fault = "refuse";
  chaos.surfaced = "503";
  record.evidence.chaosTests.push_back(chaos);
  record.evidence.scrapes.push_back(
      {"http://127.0.0.1:9/metrics", {"a_total", "b"}, ""});
  report.tests.push_back(record);
  const std::string json = report.toJson();
  EXPECT_NE(json.find("\"load_tests\": [{\"name\": \"POST /orders\", "
                      "\"declared_peak_rps\": 100, "
                      "\"target_rps\": 200, \"achieved_rps\": 200"),
            std::string::npos)
      << json;
  EXPECT_NE(json.find("\"limits\": {\"max_threads\": 16, \"max_fds\": null"),
            std::string::npos);
  EXPECT_NE(json.find("\"peaks\": {\"threads\": 9, \"fds\": 0, \"rss_bytes\": "
                      "0, \"queue_depth\": "
                      "null}"),
            std::string::npos)
      << json;
  EXPECT_NE(
      json.find(
          "\"chaos_tests\": [{\"downstream\": \"inventory\", \"address\": "
          "\"127.0.0.1:9\", \"fault\": \"refuse\""),
      std::string::npos);
  EXPECT_NE(json.find("\"scrapes\": [{\"url\": \"http://127.0.0.1:9/metrics\", "
                      "\"families\": "
                      "[\"a_total\", \"b\"], \"error\": \"\"}]"),
            std::string::npos);
}
