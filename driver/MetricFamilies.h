//===- MetricFamilies.h - which metric names count as what ------*- C++ -*-===//
///
/// \file
/// The catalogue's metric families (thread count, queue depth, pool in use,
/// errors, ...) compiled once, with patterns added by --metric-family. The
/// Monitoring items match exported series against them, the Alerting items
/// the selectors of alert expressions.
///
//===----------------------------------------------------------------------===//
#ifndef UNBOUNDED_DRIVER_METRICFAMILIES_H
#define UNBOUNDED_DRIVER_METRICFAMILIES_H

#include "Catalogue.h"
#include "Facts.h"

#include "llvm/Support/Error.h"
#include "llvm/Support/Regex.h"
#include <map>
#include <memory>

namespace unbounded::driver {

/// The name a registered metric is exported under in Prometheus' text
/// format: characters other than letters, digits, '_' and ':' (the dots of
/// OpenTelemetry's names) become '_'.
std::string exportedName(llvm::StringRef Registered);

class MetricFamilies {
public:
  /// The catalogue's patterns plus Extra, each `family=regex`; fails on an
  /// unknown family or an invalid regex.
  static llvm::Expected<MetricFamilies>
  create(const std::vector<std::string> &Extra);
  /// The catalogue's patterns alone.
  static const MetricFamilies &defaults();

  /// Whether Selector (`name` or `name{labels}`) belongs to Family.
  bool matches(llvm::StringRef Family, llvm::StringRef Selector) const;

  /// The series that satisfy the first alternative of Item's families all
  /// of whose families some series matches; empty when none does.
  std::vector<std::string>
  evidenceFor(const ChecklistItem &Item,
              const std::vector<std::string> &Series) const;

  /// The registrations (static evidence) whose exported names satisfy the
  /// first alternative of Item's families that some satisfy; empty when
  /// none does.
  std::vector<facts::Metric>
  registrationsFor(const ChecklistItem &Item,
                   llvm::ArrayRef<facts::Metric> Registered) const;

private:
  std::map<std::string, std::vector<std::shared_ptr<llvm::Regex>>> Patterns;
};

} // namespace unbounded::driver

#endif
