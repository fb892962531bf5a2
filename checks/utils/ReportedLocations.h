//===- ReportedLocations.h - each location reported once --------*- C++ -*-===//

#ifndef UNBOUNDED_UTILS_REPORTEDLOCATIONS_H
#define UNBOUNDED_UTILS_REPORTEDLOCATIONS_H

#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/DenseSet.h"

namespace clang::tidy::unbounded::utils {

/// The locations a check has reported at, so that it reports each once.
class ReportedLocations {
public:
  /// Whether Loc was reported at before; from now on it is.
  bool alreadyReported(SourceLocation Loc) {
    return !Locations.insert(Loc.getRawEncoding()).second;
  }

private:
  llvm::DenseSet<unsigned> Locations;
};

} // namespace clang::tidy::unbounded::utils

#endif
