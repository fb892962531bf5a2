//===- Diff.h - report only changed lines -----------------------*- C++ -*-===//
///
/// \file
/// Line filters: clang-tidy's --line-filter JSON, and the lines a
/// `git diff <rev>` adds or changes (--diff).
///
//===----------------------------------------------------------------------===//
#ifndef UNBOUNDED_DRIVER_DIFF_H
#define UNBOUNDED_DRIVER_DIFF_H

#include "Findings.h"

#include <map>
#include <utility>

namespace unbounded::driver {

/// Lines to keep per file (absolute path, or a path suffix for
/// --line-filter names); a file with no ranges keeps all its lines.
struct LineFilter {
  std::map<std::string, std::vector<std::pair<unsigned, unsigned>>> Files;

  /// Whether a finding at L passes the filter.
  bool contains(const Location &L) const;
};

/// Parses clang-tidy's line filter: [{"name": "a.cpp", "lines": [[1, 3]]}].
llvm::Expected<LineFilter> parseLineFilter(llvm::StringRef Text);

/// Parses unified diff text with zero context (`git diff -U0`); paths are
/// resolved against TopLevel.
LineFilter parseUnifiedDiff(llvm::StringRef Text, llvm::StringRef TopLevel);

/// Runs git in Directory: the lines changed since Revision (committed or
/// not).
llvm::Expected<LineFilter> changedLinesSince(llvm::StringRef Revision,
                                             llvm::StringRef Directory);

} // namespace unbounded::driver

#endif
