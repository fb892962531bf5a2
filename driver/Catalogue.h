//===- Catalogue.h - the embedded check catalogue ---------------*- C++ -*-===//
///
/// \file
/// checks/catalogue.json, compiled into the binary: case studies, the
/// prevention checklist and each check's metadata, for reports and SARIF
/// rule descriptions.
///
//===----------------------------------------------------------------------===//
#ifndef UNBOUNDED_DRIVER_CATALOGUE_H
#define UNBOUNDED_DRIVER_CATALOGUE_H

#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace unbounded::driver {

/// One incident of the case studies.
struct CaseStudy {
  std::string Id, Title, RootCause, Impact, Prevention;
};

/// One item of the prevention checklist; Verifiable is static, runtime,
/// alerts or none (what can establish it). Families: for Monitoring and
/// Alerting items, alternatives of metric families that together are
/// evidence (one of [[pool-in-use, pool-max], [pool-waiting]]).
struct ChecklistItem {
  std::string Id, Section, Text, Verifiable;
  std::vector<std::vector<std::string>> Families;
};

/// Metric names (POSIX extended regexes over `name{labels}`) that count as
/// one kind of series; Rate: an alert must take its rate.
struct MetricFamilyInfo {
  std::string Id, Text;
  std::vector<std::string> Patterns;
  bool Rate = false;
};

/// One check's metadata.
struct CheckInfo {
  std::string Name, CaseStudy, Severity, Summary, Doc;
  std::vector<std::string> Checklist;
};

/// The whole catalogue.
struct Catalogue {
  std::vector<CaseStudy> CaseStudies;
  std::vector<ChecklistItem> Checklist;
  std::vector<MetricFamilyInfo> MetricFamilies;
  std::vector<CheckInfo> Checks;

  /// The check named Name, or null.
  const CheckInfo *check(llvm::StringRef Name) const;
  /// The case study with this id, or null.
  const CaseStudy *study(llvm::StringRef Id) const;
  /// The checklist item with this id, or null.
  const ChecklistItem *item(llvm::StringRef Id) const;
  /// The metric family with this id, or null.
  const MetricFamilyInfo *family(llvm::StringRef Id) const;
  /// Checks that cover the checklist item Id.
  std::vector<const CheckInfo *> checksFor(llvm::StringRef Id) const;
};

/// The embedded catalogue, parsed once.
const Catalogue &catalogue();

/// Severity of a check: the catalogue's (high/medium/low), "error" for
/// compiler errors, "medium" for checks outside the catalogue.
std::string severityOf(llvm::StringRef Check);

} // namespace unbounded::driver

#endif
