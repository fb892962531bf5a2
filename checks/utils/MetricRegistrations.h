//===- MetricRegistrations.h - metrics the code registers -------*- C++ -*-===//
///
/// \file
/// Collects, into the driver's facts sink, every call of a metric
/// registration function whose name argument is a string literal: the
/// guard's MetricsRegistry, prometheus-cpp's builders, OpenTelemetry's
/// meters, or the functions an option names. It reports nothing: the
/// checklist's Monitoring items take the registrations as static evidence.
///
//===----------------------------------------------------------------------===//
#ifndef UNBOUNDED_UTILS_METRICREGISTRATIONS_H
#define UNBOUNDED_UTILS_METRICREGISTRATIONS_H

#include "clang/ASTMatchers/ASTMatchFinder.h"
#include <string>
#include <vector>

namespace clang::tidy::unbounded::utils {

/// The registration functions known by default, ';'-separated.
extern const char *const DefaultMetricRegistrationCalls;

/// The registration API a function belongs to, for evidence: its outermost
/// namespace's library ("prometheus-cpp", "OpenTelemetry", "guard metrics
/// API"), or its qualified name.
std::string registrationApi(const FunctionDecl &F);

/// The metric name a registration call passes: its first argument that is
/// a string literal (through conversions to string types); empty if none.
std::string registeredName(const CallExpr &Call);

class MetricRegistrations : public ast_matchers::MatchFinder::MatchCallback {
public:
  explicit MetricRegistrations(std::vector<std::string> Calls)
      : Calls(std::move(Calls)) {}

  /// Adds the matcher when a facts sink is installed (the driver's worker);
  /// other front ends pay nothing.
  void registerMatchers(ast_matchers::MatchFinder &Finder);
  void run(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  std::vector<std::string> Calls;
};

} // namespace clang::tidy::unbounded::utils

#endif
