//===- CheckProbe.h - did the unbounded-* checks run on a file? -----------===//
//
// clangd builds its clang-tidy checks per file, after filtering them by
// Diagnostics.ClangTidy.FastCheckFilter. Under the default (Strict) the
// unbounded-* checks are dropped without a word. The probe records every
// file the checks were created for, so the front end can say so when they
// were not.
//
//===----------------------------------------------------------------------===//

#ifndef UNBOUNDED_CLANGD_CHECKPROBE_H
#define UNBOUNDED_CLANGD_CHECKPROBE_H

#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace unbounded::clangd {

/// The unbounded-* checks linked into this binary, sorted.
std::vector<std::string> builtInChecks();

/// Wraps the unbounded-* check factories, from now on, so that creating one
/// of the checks records the file it is created for. Call once from main(),
/// before clangd runs: it must register after the check library.
void installCheckProbe();

/// Whether an unbounded-* check was created for File (an absolute path).
bool checksRanOn(llvm::StringRef File);

/// Whether an unbounded-* check was created for any file.
bool checksRanAnywhere();

} // namespace unbounded::clangd

#endif
