//===- Runner.h - lint translation units in parallel ------------*- C++ -*-===//
///
/// \file
/// Runs one worker process per translation unit, at most Jobs at a time.
/// clang-tidy's engine is not made for concurrent use in one process
/// (ClangTidyContext, the diagnostic consumer and LLVM's global options are
/// per run), and a process per TU also confines a crash to its file. The
/// worker is this binary with --internal-worker=<result file>.
///
//===----------------------------------------------------------------------===//
#ifndef UNBOUNDED_DRIVER_RUNNER_H
#define UNBOUNDED_DRIVER_RUNNER_H

#include "Cache.h"
#include "Findings.h"

namespace unbounded::driver {

/// One translation unit to lint.
struct Job {
  std::string File;                ///< Absolute path of the TU.
  std::vector<std::string> Argv;   ///< The worker's command line, minus the
                                   ///< --internal-worker option.
  std::string CacheKey;            ///< Empty: no caching.
  std::vector<std::string> Checks; ///< Enabled for File: re-run one by one
                                   ///< when the worker crashes.
};

struct RunnerSettings {
  unsigned Jobs = 1;
  bool Terminal = false; ///< Redraw one progress line.
  bool Lines = false;    ///< One progress line per finished TU.
  std::string Root;      ///< For shorter paths in progress lines.
  const ResultCache *Cache = nullptr;
};

/// What running the jobs produced.
struct RunOutcome {
  std::vector<UnitResult> Units; ///< In job order.
  unsigned CacheHits = 0;
};

/// Lints every job; a worker that fails yields an error finding for its
/// file instead of a result. A worker that crashes is run again check by
/// check: the findings of the checks that do not crash are kept, and the
/// error names those that do.
RunOutcome runJobs(const std::vector<Job> &Jobs, const RunnerSettings &S);

} // namespace unbounded::driver

#endif
