//===- Output.h - atomic report files ---------------------------*- C++ -*-===//
///
/// \file
/// Reports are written to a temporary file in the target's directory and
/// renamed over it, so an interrupted run leaves the old report or none,
/// never half of one.
///
//===----------------------------------------------------------------------===//
#ifndef UNBOUNDED_DRIVER_OUTPUT_H
#define UNBOUNDED_DRIVER_OUTPUT_H

#include "llvm/Support/Error.h"
#include <string>

namespace unbounded::driver {

/// Writes Contents to Path atomically (temporary file, then rename).
llvm::Error writeFileAtomically(const std::string &Path,
                                llvm::StringRef Contents);

/// Reads a whole file; the error names the file.
llvm::Expected<std::string> readWholeFile(const std::string &Path);

} // namespace unbounded::driver

#endif
