#ifndef UNBOUNDED_METRICSTEXT_H
#define UNBOUNDED_METRICSTEXT_H

/// \file
/// Reading a /metrics endpoint: a parser of the Prometheus text exposition
/// format 0.0.4 and a loopback scraper that records the metric families a
/// service exports in the guard report (monitoring evidence).

#include "unbounded/TestEvidence.h"

#include <chrono>
#include <stdexcept>
#include <string>
#include <vector>

namespace unbounded::guard {

/// One metric family of an exposition.
struct MetricFamily {
  std::string name;
  std::string type =
      "untyped"; ///< counter, gauge, histogram, summary or untyped
  std::string help;
  size_t samples = 0;
};

/// Malformed exposition text; what() names the line.
class MetricsTextError : public std::runtime_error {
public:
  MetricsTextError(int line, const std::string &message);
  int line() const { return line_; }

private:
  int line_;
};

/// Parses exposition text: # HELP / # TYPE lines and samples
/// `name{label="value",...} value [timestamp]`. Samples named
/// <family>_bucket/_sum/_count belong to a histogram or summary family.
/// Families in order of appearance; throws MetricsTextError.
std::vector<MetricFamily> parseMetricsText(const std::string &text);

/// GETs http://host:port/path (loopback hosts only), parses the answer and
/// records the families as a ScrapeRecord of the current test. A failed
/// request, a status other than 200 or malformed text is recorded with its
/// error, never thrown.
ScrapeRecord
scrapeMetrics(const std::string &host, int port,
              const std::string &path = "/metrics",
              std::chrono::milliseconds timeout = std::chrono::seconds(5));

} // namespace unbounded::guard

#endif
