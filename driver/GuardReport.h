//===- GuardReport.h - runtime evidence for the checklist -------*- C++ -*-===//
///
/// \file
/// The runtime-guard library's JSON report (schema unbounded-guard-report,
/// versions 1 and 2; docs/driver.md, "Guard report"): its tests' exported
/// metrics, rejections and artificial limits become evidence for checklist
/// items, and an optional "checklist" array states items directly. Only the
/// fields read here are validated; others are ignored.
///
//===----------------------------------------------------------------------===//
#ifndef UNBOUNDED_DRIVER_GUARDREPORT_H
#define UNBOUNDED_DRIVER_GUARDREPORT_H

#include "Findings.h"
#include "MetricFamilies.h"

namespace unbounded::driver {

/// The guard's verdict on one checklist item.
struct GuardEvidence {
  std::string Item; ///< A checklist item id from the catalogue.
  bool Passed = false;
  std::string Evidence; ///< What the guard observed, one line.
};

/// Parses a guard report (versions 1 and 2); fails on a missing or mistyped
/// field it uses or on an unknown checklist item. Exported and scraped
/// series count for the Monitoring items of their Families; load-test and
/// chaos records (with their tests' results and leaks) for the Testing items.
llvm::Expected<std::vector<GuardEvidence>>
parseGuardReport(llvm::StringRef Text,
                 const MetricFamilies &Families = MetricFamilies::defaults());

} // namespace unbounded::driver

#endif
