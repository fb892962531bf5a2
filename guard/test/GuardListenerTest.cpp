#include "unbounded/GuardReport.h"

#include <cstdio>
#include <fstream>
#include <gtest/gtest.h>
#include <sstream>
#include <string>
#include <sys/wait.h>

namespace {

struct ProbeRun {
  int exitCode = -1;
  std::string output;
  std::string report;
};

/// Runs the probe binary with a test filter and optional environment prefix.
ProbeRun runProbe(const std::string &filter, const std::string &environment = "") {
  const std::string reportPath =
      std::string(::testing::TempDir()) + "guard-probe-" + std::to_string(getpid()) + ".json";
  std::remove(reportPath.c_str());
  const std::string command = environment + " UNBOUNDED_GUARD_REPORT=" + reportPath + " " +
                              GUARD_LISTENER_PROBE + " --gtest_filter=" + filter + " 2>&1";
  ProbeRun run;
  FILE *pipe = popen(command.c_str(), "r");
  if (!pipe)
    return run;
  char buffer[4096];
  while (size_t n = fread(buffer, 1, sizeof buffer, pipe))
    run.output.append(buffer, n);
  const int status = pclose(pipe);
  run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream file(reportPath);
  std::ostringstream text;
  text << file.rdbuf();
  run.report = text.str();
  std::remove(reportPath.c_str());
  return run;
}

} // namespace

TEST(GuardListenerTest, CleanTestsPass) {
  const ProbeRun run = runProbe("Probe.Clean*");
  EXPECT_EQ(run.exitCode, 0) << run.output;
  EXPECT_EQ(run.output.find("leaked"), std::string::npos) << run.output;
  EXPECT_NE(run.report.find("\"tests_with_leaks\": 0"), std::string::npos) << run.report;
}

TEST(GuardListenerTest, LeakedThreadFailsTheTestThatLeakedIt) {
  const ProbeRun run = runProbe("Probe.CleanThreadJoined:Probe.LeaksThread:Probe.CleanSocketClosed");
  EXPECT_NE(run.exitCode, 0);
  EXPECT_NE(run.output.find("Probe.LeaksThread leaked:"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("'probe-leak'"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("[  FAILED  ] Probe.LeaksThread"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("ListenerProbe.cpp:"), std::string::npos) << "failure at the TEST line";
  // The test after it is not blamed: the leaked thread is in its baseline.
  EXPECT_EQ(run.output.find("[  FAILED  ] Probe.CleanSocketClosed"), std::string::npos) << run.output;
  EXPECT_EQ(run.output.find("[  FAILED  ] Probe.CleanThreadJoined"), std::string::npos) << run.output;
  EXPECT_NE(run.report.find("\"name\": \"probe-leak\""), std::string::npos) << run.report;
}

TEST(GuardListenerTest, LeakedSocketIsNamedAsSocket) {
  const ProbeRun run = runProbe("Probe.LeaksSocket");
  EXPECT_NE(run.exitCode, 0);
  EXPECT_NE(run.output.find("(socket) socket:["), std::string::npos) << run.output;
  EXPECT_NE(run.report.find("\"kind\": \"socket\""), std::string::npos) << run.report;
}

TEST(GuardListenerTest, RejectionsAndMetricsGoIntoTheReport) {
  const ProbeRun run = runProbe("Probe.RejectsWhenFull");
  EXPECT_EQ(run.exitCode, 0) << run.output;
  EXPECT_NE(run.report.find("\"unbounded_queue_dropped_total{queue=\\\"probe\\\"}\": 3"),
            std::string::npos)
      << run.report;
  EXPECT_NE(run.report.find("\"schema\": \"unbounded-guard-report\""), std::string::npos);
}

TEST(GuardListenerTest, WholeBinaryModeFailsTheBinary) {
  const ProbeRun run = runProbe("Probe.CleanThreadJoined:Probe.LeaksThread", "PROBE_BINARY_MODE=1");
  EXPECT_EQ(run.exitCode, 1) << run.output;
  EXPECT_NE(run.output.find("the test binary leaked"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("[  PASSED  ] 2 tests"), std::string::npos) << run.output;
  EXPECT_NE(run.report.find("\"binary_leaks\": {\"threads\": [{\"tid\""), std::string::npos)
      << run.report;
}
