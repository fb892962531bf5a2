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
  record.leaks.threads.push_back({42, "leaky"});
  record.leaks.fds.push_back({7, FdKind::Socket, "socket:[9]"});
  record.rejections["unbounded_pool_rejected_total{pool=\"p\"}"] = 2;
  record.metricsExported.push_back("unbounded_queue_depth{queue=\"q\"}");
  report.tests.push_back(record);
  const std::string json = report.toJson();
  EXPECT_NE(json.find("\"schema\": \"unbounded-guard-report\""), std::string::npos);
  EXPECT_NE(json.find("\"version\": 1"), std::string::npos);
  EXPECT_NE(json.find("\"max_threads\": 8, \"max_sockets\": null"), std::string::npos) << json;
  EXPECT_NE(json.find("{\"tid\": 42, \"name\": \"leaky\"}"), std::string::npos) << json;
  EXPECT_NE(json.find("{\"fd\": 7, \"kind\": \"socket\", \"target\": \"socket:[9]\"}"), std::string::npos);
  EXPECT_NE(json.find("\"unbounded_pool_rejected_total{pool=\\\"p\\\"}\": 2"), std::string::npos);
  EXPECT_NE(json.find("\"tests_with_leaks\": 1"), std::string::npos);
  EXPECT_NE(json.find("\"counts\": null"), std::string::npos);
  EXPECT_NE(json.find("\"binary_leaks\": null"), std::string::npos);
}

TEST(GuardReportTest, UnwritablePathThrows) {
  EXPECT_THROW(GuardReport().write("/nonexistent-dir/report.json"), std::runtime_error);
}
