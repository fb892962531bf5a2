#include "unbounded/GuardReport.h"

#include "unbounded/Metrics.h"

#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace unbounded::guard {
namespace {

std::string limit(int64_t value) {
  return value < 0 ? "null" : std::to_string(value);
}

void writeFrame(std::ostream &out, const StackFrame &frame) {
  out << "{\"function\": " << jsonQuote(frame.function)
      << ", \"file\": " << jsonQuote(frame.file) << ", \"line\": " << frame.line
      << ", \"module\": " << jsonQuote(frame.module)
      << ", \"library\": " << (frame.library ? "true" : "false") << "}";
}

/// The creation site and stack; null when neither was recorded nor the
/// routine known.
void writeOrigin(std::ostream &out, const LeakOrigin &origin) {
  if (!origin.recorded && origin.routine.empty()) {
    out << "null";
    return;
  }
  out << "{\"recorded\": " << (origin.recorded ? "true" : "false")
      << ", \"call\": " << jsonQuote(origin.call)
      << ", \"via\": " << jsonQuote(origin.via) << ", \"site\": ";
  if (origin.recorded)
    writeFrame(out, origin.site);
  else
    out << "null";
  out << ", \"routine\": " << jsonQuote(origin.routine)
      << ", \"symbols\": " << jsonQuote(symbolDetailName(origin.detail))
      << ", \"stack\": [";
  for (size_t i = 0; i < origin.stack.size(); ++i) {
    out << (i ? ", " : "");
    writeFrame(out, origin.stack[i]);
  }
  out << "]}";
}

void writeLeaks(std::ostream &out, const Leaks &leaks) {
  out << "{\"threads\": [";
  for (size_t i = 0; i < leaks.threads.size(); ++i) {
    out << (i ? ", " : "") << "{\"tid\": " << leaks.threads[i].tid
        << ", \"name\": " << jsonQuote(leaks.threads[i].name)
        << ", \"origin\": ";
    writeOrigin(out, leaks.threads[i].origin);
    out << "}";
  }
  out << "], \"fds\": [";
  for (size_t i = 0; i < leaks.fds.size(); ++i) {
    out << (i ? ", " : "") << "{\"fd\": " << leaks.fds[i].fd
        << ", \"kind\": " << jsonQuote(fdKindName(leaks.fds[i].kind))
        << ", \"target\": " << jsonQuote(leaks.fds[i].target)
        << ", \"origin\": ";
    writeOrigin(out, leaks.fds[i].origin);
    out << "}";
  }
  out << "], \"attempts\": " << leaks.attempts << "}";
}

void writeIgnoreRules(std::ostream &out, const std::vector<IgnoreRule> &rules) {
  out << "  \"ignore_rules\": [";
  for (size_t i = 0; i < rules.size(); ++i)
    out << (i ? ", " : "")
        << "{\"kind\": " << jsonQuote(ignoreRuleKindName(rules[i].kind))
        << ", \"pattern\": " << jsonQuote(rules[i].pattern)
        << ", \"source\": " << jsonQuote(rules[i].source)
        << ", \"matches\": " << rules[i].matches->load() << "}";
  out << "],\n";
}

void writeCounts(std::ostream &out,
                 const std::optional<ResourceCounts> &counts) {
  if (!counts) {
    out << "null";
    return;
  }
  out << "{\"threads_peak\": " << counts->threads_peak
      << ", \"threads_created\": " << counts->threads_created
      << ", \"threads_rejected\": " << counts->threads_rejected
      << ", \"threads_live\": " << counts->threads_live
      << ", \"threads_unreclaimed\": " << counts->threads_unreclaimed
      << ", \"sockets_peak\": " << counts->sockets_peak
      << ", \"sockets_opened\": " << counts->sockets_opened
      << ", \"sockets_rejected\": " << counts->sockets_rejected
      << ", \"sockets_live\": " << counts->sockets_live
      << ", \"connects_attempted\": " << counts->connects_attempted
      << ", \"connects_failed\": " << counts->connects_failed << "}";
}

void writeLimitsAndPeaks(std::ostream &out, const DeclaredLimits &limits,
                         const ObservedPeaks &peaks) {
  out << "\"limits\": {\"max_threads\": " << limit(limits.maxThreads)
      << ", \"max_fds\": " << limit(limits.maxFds)
      << ", \"max_rss_bytes\": " << limit(limits.maxRssBytes)
      << ", \"max_queue_depth\": " << limit(limits.maxQueueDepth)
      << "}, \"peaks\": {\"threads\": " << peaks.threads
      << ", \"fds\": " << peaks.fds << ", \"rss_bytes\": " << peaks.rssBytes
      << ", \"queue_depth\": " << limit(peaks.queueDepth) << "}";
}

void writeLoadTest(std::ostream &out, const LoadTestRecord &r) {
  out << "{\"name\": " << jsonQuote(r.name)
      << ", \"declared_peak_rps\": " << formatMetricValue(r.declaredPeakRps)
      << ", \"target_rps\": " << formatMetricValue(r.targetRps)
      << ", \"achieved_rps\": " << formatMetricValue(r.achievedRps)
      << ", \"duration_s\": " << formatMetricValue(r.durationS)
      << ", \"requests\": " << r.requests << ", \"ok\": " << r.ok
      << ", \"errors\": " << r.errors << ", \"rejections\": " << r.rejections
      << ", \"p50_ms\": " << formatMetricValue(r.p50Ms)
      << ", \"p99_ms\": " << formatMetricValue(r.p99Ms) << ", ";
  writeLimitsAndPeaks(out, r.limits, r.peaks);
  out << ", \"stopped\": " << (r.stopped ? "true" : "false")
      << ", \"passed\": " << (r.passed ? "true" : "false")
      << ", \"verdict\": " << jsonQuote(r.verdict) << "}";
}

void writeChaosTest(std::ostream &out, const ChaosRecord &r) {
  out << "{\"downstream\": " << jsonQuote(r.downstream)
      << ", \"address\": " << jsonQuote(r.address)
      << ", \"fault\": " << jsonQuote(r.fault)
      << ", \"delay_ms\": " << r.delayMs
      << ", \"connects_faulted\": " << r.connectsFaulted << ", ";
  writeLimitsAndPeaks(out, r.limits, r.peaks);
  out << ", \"surfaced\": " << jsonQuote(r.surfaced)
      << ", \"passed\": " << (r.passed ? "true" : "false")
      << ", \"verdict\": " << jsonQuote(r.verdict) << "}";
}

void writeScrape(std::ostream &out, const ScrapeRecord &r) {
  out << "{\"url\": " << jsonQuote(r.url) << ", \"families\": [";
  for (size_t i = 0; i < r.families.size(); ++i)
    out << (i ? ", " : "") << jsonQuote(r.families[i]);
  out << "], \"error\": " << jsonQuote(r.error) << "}";
}

template <typename Record, typename Write>
void writeList(std::ostream &out, const char *key,
               const std::vector<Record> &records, Write write) {
  out << "\"" << key << "\": [";
  for (size_t i = 0; i < records.size(); ++i) {
    out << (i ? ", " : "");
    write(out, records[i]);
  }
  out << "]";
}

void writeEvidence(std::ostream &out, const TestEvidence &evidence) {
  writeList(out, "load_tests", evidence.loadTests, writeLoadTest);
  out << ", ";
  writeList(out, "chaos_tests", evidence.chaosTests, writeChaosTest);
  out << ", ";
  writeList(out, "scrapes", evidence.scrapes, writeScrape);
}

void writeTest(std::ostream &out, const TestGuardRecord &test) {
  out << "    {\"name\": " << jsonQuote(test.name)
      << ", \"result\": " << jsonQuote(test.result)
      << ", \"duration_ms\": " << formatMetricValue(test.durationMs)
      << ",\n     \"limits\": {\"max_threads\": "
      << limit(test.limits.maxThreads)
      << ", \"max_sockets\": " << limit(test.limits.maxSockets)
      << ", \"max_fds\": " << limit(test.limits.maxFds) << "}"
      << ", \"interposition\": " << (test.interposition ? "true" : "false")
      << ",\n     \"counts\": ";
  writeCounts(out, test.counts);
  out << ",\n     \"threads_at_start\": " << test.threadsAtStart
      << ", \"threads_at_end\": " << test.threadsAtEnd
      << ", \"fds_at_start\": " << test.fdsAtStart
      << ", \"fds_at_end\": " << test.fdsAtEnd << ",\n     \"leaks\": ";
  writeLeaks(out, test.leaks);
  out << ",\n     \"rejections\": {";
  bool first = true;
  for (const auto &[series, delta] : test.rejections) {
    out << (first ? "" : ", ") << jsonQuote(series) << ": "
        << formatMetricValue(delta);
    first = false;
  }
  out << "},\n     \"metrics_exported\": [";
  for (size_t i = 0; i < test.metricsExported.size(); ++i)
    out << (i ? ", " : "") << jsonQuote(test.metricsExported[i]);
  out << "],\n     ";
  writeEvidence(out, test.evidence);
  out << "}";
}

} // namespace

std::string jsonQuote(const std::string &text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    switch (c) {
    case '"':
      out += "\\\"";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\t':
      out += "\\t";
      break;
    case '\r':
      out += "\\r";
      break;
    default:
      if (c < 0x20) {
        char buffer[8];
        std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
        out += buffer;
      } else {
        out += static_cast<char>(c);
      }
    }
  }
  return out + "\"";
}

std::string GuardReport::toJson() const {
  std::ostringstream out;
  size_t leaking = 0;
  size_t failed = 0;
  for (const TestGuardRecord &test : tests) {
    leaking += test.leaks.empty() ? 0 : 1;
    failed += test.result == "failed" ? 1 : 0;
  }
  out << "{\n  \"schema\": \"unbounded-guard-report\",\n  \"version\": "
      << kGuardReportVersion << ",\n  \"binary\": " << jsonQuote(binary)
      << ",\n  \"summary\": {\"tests\": " << tests.size()
      << ", \"failed\": " << failed << ", \"tests_with_leaks\": " << leaking
      << "},\n";
  writeIgnoreRules(out, ignoreRules);
  out << "  \"binary_leaks\": ";
  if (binaryLeaks)
    writeLeaks(out, *binaryLeaks);
  else
    out << "null";
  out << ",\n  \"tests\": [\n";
  for (size_t i = 0; i < tests.size(); ++i) {
    writeTest(out, tests[i]);
    out << (i + 1 < tests.size() ? ",\n" : "\n");
  }
  out << "  ]\n}\n";
  return out.str();
}

void GuardReport::write(const std::string &path) const {
  std::ofstream file(path);
  file << toJson();
  if (!file)
    throw std::runtime_error("GuardReport: cannot write " + path);
}

} // namespace unbounded::guard
