//===- Baseline.h - accepted findings ---------------------------*- C++ -*-===//
///
/// \file
/// A baseline file records the findings a project has accepted, by
/// fingerprint. Against it, current findings are introduced or
/// preexisting, and baseline entries no longer found are fixed.
///
//===----------------------------------------------------------------------===//
#ifndef UNBOUNDED_DRIVER_BASELINE_H
#define UNBOUNDED_DRIVER_BASELINE_H

#include "Findings.h"

namespace unbounded::driver {

/// Parses a baseline file's text; paths resolve against Root. Strict: any
/// field the classification uses must be present and well typed.
llvm::Expected<std::vector<Finding>> parseBaseline(llvm::StringRef Text,
                                                   llvm::StringRef Root);

/// The baseline file's text for Findings (paths relative to Root).
std::string baselineText(const std::vector<Finding> &Findings,
                         llvm::StringRef Root);

/// Marks each finding introduced or preexisting and returns the baseline
/// entries not found (state fixed).
std::vector<Finding> classify(std::vector<Finding> &Findings,
                              const std::vector<Finding> &Baseline);

} // namespace unbounded::driver

#endif
