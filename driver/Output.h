//===- Output.h - report files, written safely ------------------*- C++ -*-===//
///
/// \file
/// Where a report goes decides how it is written. A device, FIFO or socket
/// (/dev/null, a named pipe) and a descriptor's name (/dev/stderr,
/// /dev/fd/N) are written in place.
/// Anything else is written to a temporary file in its directory and
/// renamed over it, so an interrupted run leaves the old report or none,
/// never half of one; a symbolic link is followed, so its target is
/// replaced and the link kept. docs/driver.md, "Outputs".
///
//===----------------------------------------------------------------------===//
#ifndef UNBOUNDED_DRIVER_OUTPUT_H
#define UNBOUNDED_DRIVER_OUTPUT_H

#include "llvm/Support/Error.h"
#include "llvm/Support/ErrorOr.h"
#include <string>

namespace unbounded::driver {

/// Writes Contents to Path as described above (the caller writes standard
/// output, `-o -` and `-o /dev/stdout`, itself).
llvm::Error writeOutput(const std::string &Path, llvm::StringRef Contents);

/// Whether writeOutput(Path, ...) can succeed: checked before any work.
llvm::Error checkWritable(const std::string &Path);

/// The file a report for Path ends up in: Path with its symbolic links
/// followed (also dangling ones); the error names a link loop.
llvm::Expected<std::string> outputTarget(const std::string &Path);

/// Reads a whole file; the error is the system's (the caller names the file).
llvm::ErrorOr<std::string> readWholeFile(const std::string &Path);

} // namespace unbounded::driver

#endif
