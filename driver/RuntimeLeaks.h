//===- RuntimeLeaks.h - runtime leaks matched to findings -------*- C++ -*-===//
///
/// \file
/// The leaks in a runtime guard report (schema unbounded-guard-report,
/// versions 1 and 2; version 2 gives each leak its creation site), and
/// their matching with the static findings: a finding whose location or
/// notes (its call chain) contain a leak's creation site, or whose location
/// is on the leak's creation stack, is confirmed at runtime; a leak no
/// finding covers is a runtime-only problem (docs/driver.md, "Confirmed at
/// runtime").
///
//===----------------------------------------------------------------------===//
#ifndef UNBOUNDED_DRIVER_RUNTIMELEAKS_H
#define UNBOUNDED_DRIVER_RUNTIMELEAKS_H

#include "Findings.h"

namespace unbounded::driver {

/// One leaked thread or descriptor of a guarded test.
struct RuntimeLeak {
  std::string Test;     ///< "Suite.Test", or "whole binary"
  std::string Resource; ///< "thread 'order-worker'", "fd 7 (socket)"
  bool Thread = false;
  std::string Via;      ///< "std::thread", "socket", ... (empty: not recorded)
  std::string Function; ///< the creating function
  Location Site;        ///< its file and line (File empty: not known)
  /// Application frames of the creation stack, the site first.
  std::vector<Location> Stack;

  /// "thread 'w' leaked by Suite.Test, started at f (file:line) via
  /// std::thread".
  std::string describe(llvm::StringRef Root) const;
};

/// Reads the leaks of every test and of the whole binary (those not
/// already charged to a test); fails on a mistyped field it uses.
llvm::Expected<std::vector<RuntimeLeak>>
parseRuntimeLeaks(llvm::StringRef Text);

/// Marks each finding that a leak confirms (Finding::Confirmed) and returns
/// the leaks that no finding covers.
std::vector<RuntimeLeak> confirmFindings(std::vector<Finding> &Findings,
                                         const std::vector<RuntimeLeak> &Leaks);

/// "confirmed at runtime: 2 leaks in Orders.Leaky" for a confirmed finding.
std::string confirmationText(const RuntimeConfirmation &C);

} // namespace unbounded::driver

#endif
