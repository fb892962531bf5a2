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
ProbeRun runProbe(const std::string &filter,
                  const std::string &environment = "") {
  const std::string reportPath = std::string(::testing::TempDir()) +
                                 "guard-probe-" + std::to_string(getpid()) +
                                 ".json";
  std::remove(reportPath.c_str());
  const std::string command =
      environment + " UNBOUNDED_GUARD_REPORT=" + reportPath + " " +
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
  EXPECT_NE(run.report.find("\"tests_with_leaks\": 0"), std::string::npos)
      << run.report;
}

TEST(GuardListenerTest, LeakedThreadFailsTheTestThatLeakedIt) {
  const ProbeRun run = runProbe(
      "Probe.CleanThreadJoined:Probe.LeaksThread:Probe.CleanSocketClosed");
  EXPECT_NE(run.exitCode, 0);
  EXPECT_NE(run.output.find("Probe.LeaksThread leaked:"), std::string::npos)
      << run.output;
  EXPECT_NE(run.output.find("'probe-leak'"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("[  FAILED  ] Probe.LeaksThread"),
            std::string::npos)
      << run.output;
  EXPECT_NE(run.output.find("ListenerProbe.cpp:"), std::string::npos)
      << "failure at the TEST line";
  // The test after it is not blamed: the leaked thread is in its baseline.
  EXPECT_EQ(run.output.find("[  FAILED  ] Probe.CleanSocketClosed"),
            std::string::npos)
      << run.output;
  EXPECT_EQ(run.output.find("[  FAILED  ] Probe.CleanThreadJoined"),
            std::string::npos)
      << run.output;
  EXPECT_NE(run.report.find("\"name\": \"probe-leak\""), std::string::npos)
      << run.report;
}

TEST(GuardListenerTest, LeakedSocketIsNamedAsSocket) {
  const ProbeRun run = runProbe("Probe.LeaksSocket");
  EXPECT_NE(run.exitCode, 0);
  EXPECT_NE(run.output.find("(socket) socket:["), std::string::npos)
      << run.output;
  EXPECT_NE(run.report.find("\"kind\": \"socket\""), std::string::npos)
      << run.report;
}

TEST(GuardListenerTest, RejectionsAndMetricsGoIntoTheReport) {
  const ProbeRun run = runProbe("Probe.RejectsWhenFull");
  EXPECT_EQ(run.exitCode, 0) << run.output;
  EXPECT_NE(run.report.find(
                "\"unbounded_queue_dropped_total{queue=\\\"probe\\\"}\": 3"),
            std::string::npos)
      << run.report;
  EXPECT_NE(run.report.find("\"schema\": \"unbounded-guard-report\""),
            std::string::npos);
}

TEST(GuardListenerTest, WholeBinaryModeFailsTheBinary) {
  const ProbeRun run = runProbe("Probe.CleanThreadJoined:Probe.LeaksThread",
                                "PROBE_BINARY_MODE=1");
  EXPECT_EQ(run.exitCode, 1) << run.output;
  EXPECT_NE(run.output.find("the test binary leaked"), std::string::npos)
      << run.output;
  EXPECT_NE(run.output.find("[  PASSED  ] 2 tests"), std::string::npos)
      << run.output;
  EXPECT_NE(run.report.find("\"binary_leaks\": {\"threads\": [{\"tid\""),
            std::string::npos)
      << run.report;
}

namespace {

std::string writeIgnoreFile(const std::string &text) {
  const std::string path = std::string(::testing::TempDir()) + "guard-ignore-" +
                           std::to_string(getpid()) + ".txt";
  std::ofstream(path) << text;
  return path;
}

} // namespace

TEST(GuardListenerTest, LeakNamesItsOriginWithThePreloadedLibrary) {
  const ProbeRun run =
      runProbe("Probe.LeaksThread:Probe.LeaksSocket",
               std::string("LD_PRELOAD=") + GUARD_INTERPOSE_LIBRARY);
  EXPECT_NE(run.exitCode, 0);
  EXPECT_NE(run.output.find("'probe-leak': started at "), std::string::npos)
      << run.output;
  EXPECT_NE(
      run.output.find(
          " via pthread_create; runs (anonymous namespace)::sleepForever"),
      std::string::npos)
      << run.output;
  EXPECT_NE(run.output.find("opened at Probe_LeaksSocket_Test::TestBody"),
            std::string::npos)
      << run.output;
  EXPECT_NE(
      run.report.find(
          "\"origin\": {\"recorded\": true, \"call\": \"pthread_create\""),
      std::string::npos)
      << run.report;
}

TEST(GuardListenerTest, WithoutInterpositionTheRoutineIsStillNamed) {
  const ProbeRun run = runProbe("Probe.LeaksThread");
  EXPECT_NE(
      run.output.find(
          "creation site not recorded (needs the interposition library); runs "
          "(anonymous namespace)::sleepForever"),
      std::string::npos)
      << run.output;
}

TEST(GuardListenerTest, IgnoreFileRuleMatchesAndStaleRulesAreNamed) {
  const std::string path =
      writeIgnoreFile("# leaks we accept\n"
                      "start-routine: (anonymous namespace)::sleep*\n"
                      "any-function: orders::never\n");
  const ProbeRun run =
      runProbe("Probe.LeaksThread", "UNBOUNDED_GUARD_IGNORE_FILE=" + path);
  EXPECT_EQ(run.exitCode, 0) << run.output;
  EXPECT_NE(run.output.find("ignore rule 'any-function: orders::never' (" +
                            path + ":3) never matched"),
            std::string::npos)
      << run.output;
  EXPECT_EQ(run.output.find("'start-routine: (anonymous namespace)::sleep*' ("),
            std::string::npos)
      << run.output;
  EXPECT_NE(run.report.find("\"pattern\": \"orders::never\", \"source\": \"" +
                            path + ":3\", \"matches\": 0"),
            std::string::npos)
      << run.report;
  std::remove(path.c_str());
}

TEST(GuardListenerTest, NonMatchingIgnoreRuleLeavesTheLeak) {
  const std::string path = writeIgnoreFile("start-routine: orders::worker\n");
  const ProbeRun run =
      runProbe("Probe.LeaksThread", "UNBOUNDED_GUARD_IGNORE_FILE=" + path);
  EXPECT_NE(run.exitCode, 0);
  EXPECT_NE(run.output.find("[  FAILED  ] Probe.LeaksThread"),
            std::string::npos)
      << run.output;
  EXPECT_NE(run.output.find("ignore rule 'start-routine: orders::worker'"),
            std::string::npos)
      << run.output;
  std::remove(path.c_str());
}

TEST(GuardListenerTest, MalformedIgnoreFileIsOneLineAndExitTwo) {
  const std::string path =
      writeIgnoreFile("start-routine: ok\nignore everything\n");
  const ProbeRun run =
      runProbe("Probe.Clean*", "UNBOUNDED_GUARD_IGNORE_FILE=" + path);
  EXPECT_EQ(run.exitCode, 2) << run.output;
  EXPECT_EQ(run.output,
            "unbounded-guard: error: " + path +
                ":2: expected 'start-routine: <function>' or 'any-function: "
                "<function>'\n");
  std::remove(path.c_str());
}
