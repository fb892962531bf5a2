//===- Options.h - the driver's command line --------------------*- C++ -*-===//
///
/// \file
/// Every option of unbounded-tidy, parsed and checked once; docs/driver.md
/// documents each. Bad usage ends the process with one line and status 2.
///
//===----------------------------------------------------------------------===//
#ifndef UNBOUNDED_DRIVER_OPTIONS_H
#define UNBOUNDED_DRIVER_OPTIONS_H

#include "llvm/ADT/Twine.h"
#include <string>
#include <vector>

namespace unbounded::driver {

struct ReportFormat;

/// One report to produce: a format and a file ("" for standard output).
struct OutputSpec {
  const ReportFormat *Format; ///< One of reportFormats() (ReportFormat.h).
  std::string Path;
};

struct Options {
  bool Merge = false; ///< `unbounded-tidy merge <report.json>...`
  std::vector<std::string> Sources;
  std::string BuildPath, Checks, Config, ConfigFile, HeaderFilter;
  bool HasChecks = false, HasConfig = false, HasHeaderFilter = false;
  bool ListChecks = false, DumpConfig = false, Quiet = false;
  bool PrintPluginPath = false;
  unsigned Jobs = 1;
  std::vector<OutputSpec> Outputs;
  std::string Baseline;
  bool WriteBaseline = false;
  std::string GuardReport, Diff, LineFilter, CacheDir, Root, HelpUriBase;
  std::string ExportFacts; ///< Where to write the joined project facts.
  std::vector<std::string> AlertRules;     ///< --alert-rules paths.
  std::vector<std::string> MetricFamilies; ///< --metric-family=family=regex.
  bool HasRoot = false;
  unsigned ShardIndex = 0, ShardCount = 0; ///< 1-based; 0 = no sharding.
  std::string WorkerResult;                ///< Internal: worker mode.
  bool HasCompilerFlags = false;           ///< `--` was given.
  std::vector<std::string> CompilerFlags;  ///< What follows `--`.
};

/// Parses Argv (after `merge`, when given); exits with status 2 on error.
/// Argc stops before `--`; FullArgc includes the compiler flags after it.
Options parseOptions(int Argc, const char **Argv, int FullArgc, bool Merge);

/// The worker's command line for one file: the options that shape the
/// analysis, the build directory and the compiler flags.
std::vector<std::string> workerArguments(const Options &O,
                                         const std::string &Self,
                                         const std::string &File);

/// Prints `unbounded-tidy: error: <message>` on one line and exits 2.
[[noreturn]] void fail(const llvm::Twine &Message);

/// Absolute, with dots removed.
std::string absolute(llvm::StringRef Path);

} // namespace unbounded::driver

#endif
