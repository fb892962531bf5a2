//===- Main.cpp - the unbounded-tidy driver
//--------------------------------===//
//
// unbounded-tidy [options] <source|directory>... [-- <compiler flags>]
// unbounded-tidy merge <report.json>... [--format=F -o FILE]...
//
// Lints translation units in parallel worker processes (Runner.h), each
// running clang-tidy's own engine (Worker.h), so .clang-tidy files, NOLINT
// comments and diagnostics are clang-tidy's; then builds one report
// (Report.h) and renders it in every requested format (Formats.h).
// Exit status: 0 nothing (introduced) found, 1 findings, 2 usage error or a
// file that cannot be read or compiled. docs/driver.md has the details.
//
//===----------------------------------------------------------------------===//

#include "Baseline.h"
#include "Cache.h"
#include "Formats.h"
#include "Interrupt.h"
#include "Options.h"
#include "Output.h"
#include "ReportFormat.h"
#include "Runner.h"
#include "UnboundedTidyModule.h"
#include "Worker.h"
#include "utils/CheckOptions.h"
#include "utils/Compat.h"

#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang-tidy/GlobList.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/SHA1.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include <csignal>
#include <cstdlib>
#include <set>

using namespace clang;
using namespace clang::tidy;
using namespace clang::tooling;
using namespace ::unbounded::driver;

namespace {

enum ExitCode { NoFindings = 0, Findings = 1, Failure = 2 };
const char *const Tool = "unbounded-tidy";

std::string readOrFail(const std::string &Path, llvm::StringRef What) {
  auto Text = readWholeFile(Path);
  if (!Text)
    fail("cannot read " + What + " '" + Path +
         "': " + Text.getError().message());
  return *Text;
}

std::unique_ptr<ClangTidyOptionsProvider>
makeOptionsProvider(const Options &O) {
  ClangTidyOptions Defaults = ClangTidyOptions::getDefaults();
  Defaults.Checks = "-*,unbounded-*";
  Defaults.User = llvm::sys::Process::GetEnv("USER");
  ClangTidyOptions Overrides;
  if (O.HasChecks)
    Overrides.Checks = O.Checks;
  if (O.HasHeaderFilter)
    Overrides.HeaderFilterRegex = O.HeaderFilter;
  auto FS = llvm::vfs::getRealFileSystem();

  std::string Text = O.Config;
  std::string Origin = "--config";
  if (!O.ConfigFile.empty()) {
    if (!O.Config.empty())
      fail("--config and --config-file cannot be used together");
    Text = readOrFail(O.ConfigFile, "configuration file");
    Origin = O.ConfigFile;
  }
  if (Text.empty() && !O.HasConfig && O.ConfigFile.empty())
    return std::make_unique<FileOptionsProvider>(ClangTidyGlobalOptions(),
                                                 Defaults, Overrides, FS);
  std::string Problem;
  auto Parsed = parseConfigurationWithDiags(llvm::MemoryBufferRef(Text, Origin),
                                            [&](const llvm::SMDiagnostic &D) {
                                              if (Problem.empty())
                                                Problem = D.getMessage().str();
                                            });
  if (!Parsed)
    fail("invalid configuration in " + Origin + ": " +
         (Problem.empty() ? Parsed.getError().message() : Problem));
  return std::make_unique<ConfigOptionsProvider>(
      ClangTidyGlobalOptions(), Defaults, std::move(*Parsed), Overrides, FS);
}

/// Fails on a positive --checks glob that names no known check.
void validateCheckGlobs(llvm::StringRef Globs) {
  llvm::StringSet<> Known = ::unbounded::compat::allCheckNames();
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  Globs.split(Parts, ',', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef Glob : Parts) {
    Glob = Glob.trim();
    if (Glob.empty() || Glob.starts_with("-") ||
        Glob.starts_with("clang-diagnostic-"))
      continue;
    GlobList Matcher(Glob);
    bool Matches = llvm::any_of(Known, [&](const auto &Entry) {
      return Matcher.contains(Entry.getKey());
    });
    if (!Matches)
      fail("unknown check '" + Glob +
           "' in --checks (--list-checks shows the available checks)");
  }
}

std::unique_ptr<CompilationDatabase> loadBuildDatabase(const Options &O) {
  std::string Path = O.BuildPath;
  if (llvm::sys::fs::is_directory(Path))
    Path = (llvm::Twine(Path) + "/compile_commands.json").str();
  if (!llvm::sys::fs::exists(Path))
    fail("no compilation database at '" + Path +
         "' (configure with -DCMAKE_EXPORT_COMPILE_COMMANDS=ON)");
  // Parsed once here first: clang's own parser prints a multi-line caret
  // dump for broken JSON.
  if (auto Parsed = llvm::json::parse(readOrFail(Path, "compilation database"));
      !Parsed)
    fail("cannot load compilation database '" + Path +
         "': " + llvm::toString(Parsed.takeError()));
  std::string Error;
  std::unique_ptr<CompilationDatabase> Database =
      JSONCompilationDatabase::loadFromFile(Path, Error,
                                            JSONCommandLineSyntax::AutoDetect);
  if (!Database)
    fail("cannot load compilation database '" + Path + "': " + Error);
  return inferTargetAndDriverMode(
      inferMissingCompileCommands(std::move(Database)));
}

/// A named file must exist and be readable.
void checkReadable(const std::string &Source, const std::string &Path) {
  llvm::sys::fs::file_status Status;
  if (std::error_code EC = llvm::sys::fs::status(Path, Status))
    fail("cannot read '" + Source + "': " +
         (EC == std::errc::no_such_file_or_directory
              ? "no such file or directory"
              : EC.message()));
  auto Handle = llvm::sys::fs::openNativeFileForRead(Path);
  if (!Handle)
    fail("cannot read '" + Source + "': " + llvm::toString(Handle.takeError()));
  llvm::sys::fs::closeFile(*Handle);
}

/// Every compile command of the files to lint runs in a directory that
/// exists: clang-tidy would stop with a fatal error per file, after all
/// the other work. (A file that is gone is an error for that file only.)
void checkCommands(const std::vector<std::string> &Files,
                   const CompilationDatabase &Compilations) {
  for (const std::string &File : Files) {
    for (const CompileCommand &Command : Compilations.getCompileCommands(File))
      if (!llvm::sys::fs::is_directory(Command.Directory))
        fail("the compile command for '" + File + "' runs in '" +
             Command.Directory + "', which is not a directory");
  }
}

/// The files to lint: named files, and the database's files under named
/// directories (all of them when nothing is named); sorted, unique.
std::vector<std::string> selectFiles(const Options &O,
                                     const CompilationDatabase *Build) {
  std::vector<std::string> Files;
  if (O.Sources.empty()) {
    if (!Build)
      fail("no input files (name sources, or use -p <build-dir>)");
    for (const std::string &File : Build->getAllFiles())
      Files.push_back(absolute(File));
    if (Files.empty())
      fail("the compilation database in '" + O.BuildPath + "' lists no files");
  }
  for (const std::string &Source : O.Sources) {
    std::string Path = absolute(Source);
    if (!llvm::sys::fs::is_directory(Path)) {
      checkReadable(Source, Path);
      Files.push_back(Path);
      continue;
    }
    if (!Build)
      fail("'" + Source +
           "' is a directory; use -p <build-dir> to lint the "
           "files of a compilation database under it");
    size_t Before = Files.size();
    for (const std::string &File : Build->getAllFiles())
      if (llvm::StringRef(absolute(File)).starts_with(Path + "/"))
        Files.push_back(absolute(File));
    if (Files.size() == Before)
      fail("no file of the compilation database is under '" + Source + "'");
  }
  llvm::sort(Files);
  Files.erase(std::unique(Files.begin(), Files.end()), Files.end());
  return Files;
}

std::unique_ptr<CompilationDatabase>
databaseFor(std::unique_ptr<CompilationDatabase> Fixed,
            std::unique_ptr<CompilationDatabase> Build, const std::string &File,
            bool Quiet) {
  if (Build)
    return Build;
  if (Fixed)
    return Fixed;
  std::string Error;
  if (auto Detected = CompilationDatabase::autoDetectFromSource(File, Error))
    return inferMissingCompileCommands(std::move(Detected));
  if (!Quiet)
    llvm::errs() << Tool << ": note: no compilation database found for '"
                 << File
                 << "'; compiling with default flags (use -p <build-dir> or "
                    "-- <flags>)\n";
  return std::make_unique<FixedCompilationDatabase>(".",
                                                    std::vector<std::string>{});
}

void listChecks(const ClangTidyOptions &Options) {
  std::vector<std::string> Names = ::unbounded::compat::enabledChecks(Options);
  llvm::outs() << "Enabled checks:";
  for (const std::string &Name : Names)
    llvm::outs() << "\n    " << Name;
  llvm::outs() << "\n\n";
}

void dumpConfig(ClangTidyOptions Options) {
  Options.CheckOptions = ::unbounded::compat::checkOptions(Options);
  llvm::outs() << configurationAsText(
                      ClangTidyOptions::getDefaults().merge(Options, 0))
               << "\n";
}

/// A short hash of Parts, in order.
std::string fingerprint(const std::vector<std::string> &Parts) {
  llvm::SHA1 Hash;
  for (const std::string &Part : Parts) {
    Hash.update(Part);
    Hash.update(llvm::StringRef("\0", 1));
  }
  return llvm::toHex(Hash.final(), /*LowerCase=*/true).substr(0, 16);
}

/// Fails on a check option value that its option cannot take, in any of
/// the configurations Files are linted with; returns their fingerprint,
/// by which merge tells shards of one run from others.
std::string checkConfigurations(ClangTidyOptionsProvider &Provider,
                                const std::vector<std::string> &Files) {
  std::set<std::string> Texts;
  for (const std::string &File : Files) {
    ClangTidyOptions Effective = Provider.getOptions(File);
    Effective.User.reset(); // Shards may run under different users.
    if (!Texts.insert(configurationAsText(Effective)).second)
      continue;
    for (const std::string &Check :
         ::unbounded::compat::enabledChecks(Effective)) {
      std::vector<std::string> Problems =
          clang::tidy::unbounded::utils::optionProblems(Check,
                                                        Effective.CheckOptions);
      if (!Problems.empty())
        fail(Problems.front());
    }
  }
  return fingerprint({Texts.begin(), Texts.end()});
}

/// Baseline, guard report and line filters: read and validated before any
/// linting, so bad input costs nothing.
struct Inputs {
  std::vector<Finding> Baseline;
  ReportSettings Settings;
};

Inputs loadInputs(const Options &O) {
  Inputs In;
  if (!O.Baseline.empty() && !O.WriteBaseline) {
    std::string Text = readOrFail(O.Baseline, "baseline");
    auto Parsed = parseBaseline(Text, O.Root);
    if (!Parsed)
      fail("malformed baseline '" + O.Baseline +
           "': " + llvm::toString(Parsed.takeError()));
    In.Baseline = std::move(*Parsed);
    In.Settings.Baseline = &In.Baseline;
  }
  auto Families = MetricFamilies::create(O.MetricFamilies);
  if (!Families)
    fail(llvm::toString(Families.takeError()));
  In.Settings.Families = *Families;
  if (!O.AlertRules.empty()) {
    auto Rules = readAlertRules(O.AlertRules);
    if (!Rules)
      fail(llvm::toString(Rules.takeError()));
    In.Settings.Alerts = judgeAlerts(*Rules, *Families);
  }
  if (!O.GuardReport.empty()) {
    std::string Text = readOrFail(O.GuardReport, "guard report");
    auto Parsed = parseGuardReport(Text, *Families);
    if (!Parsed)
      fail("malformed guard report '" + O.GuardReport +
           "': " + llvm::toString(Parsed.takeError()));
    In.Settings.Guard = std::move(*Parsed);
    auto Leaks = parseRuntimeLeaks(Text);
    if (!Leaks)
      fail("malformed guard report '" + O.GuardReport +
           "': " + llvm::toString(Leaks.takeError()));
    In.Settings.Leaks = std::move(*Leaks);
  }
  if (!O.LineFilter.empty()) {
    auto Parsed = parseLineFilter(O.LineFilter);
    if (!Parsed)
      fail("invalid --line-filter: " + llvm::toString(Parsed.takeError()));
    In.Settings.Filters.push_back(std::move(*Parsed));
  }
  if (!O.Diff.empty()) {
    auto Changed = changedLinesSince(O.Diff, O.Root);
    if (!Changed)
      fail("--diff=" + O.Diff + ": " + llvm::toString(Changed.takeError()));
    In.Settings.Filters.push_back(std::move(*Changed));
  }
  return In;
}

void writeOutputs(const Report &R, const Options &O) {
  if (!O.ExportFacts.empty()) {
    std::string Facts = llvm::formatv("{0:2}", R.Project.toJson()).str() + "\n";
    if (auto E = writeOutput(O.ExportFacts, Facts))
      fail(llvm::toString(std::move(E)));
  }
  FormatSettings Settings{O.HelpUriBase};
  for (const OutputSpec &Spec : O.Outputs) {
    std::string Text = Spec.Format->Write(R, Settings);
    if (Spec.Path.empty()) {
      llvm::outs() << Text;
      llvm::outs().flush();
      continue;
    }
    if (auto E = writeOutput(Spec.Path, Text))
      fail(llvm::toString(std::move(E)));
  }
}

/// Summary on stderr, the errors' one line, and the exit status.
int finish(const Report &R, const Options &O, unsigned CacheHits) {
  if (O.WriteBaseline)
    if (auto E = writeOutput(O.Baseline, baselineText(R.Findings, R.Root)))
      fail(llvm::toString(std::move(E)));
  if (!O.Quiet) {
    llvm::StringSet<> Files;
    for (const Finding &F : R.Findings)
      Files.insert(F.Where.File);
    llvm::errs() << Tool << ": " << plural(R.Findings.size(), "finding")
                 << " in " << plural(Files.size(), "file") << " ("
                 << plural(R.Units.size(), "file") << " linted)";
    if (R.HasBaseline) {
      unsigned Introduced = R.counted();
      llvm::errs() << "; baseline: " << Introduced << " introduced, "
                   << R.Findings.size() - Introduced << " preexisting, "
                   << R.Fixed.size() << " fixed";
    }
    if (O.WriteBaseline)
      llvm::errs() << "; baseline written to " << O.Baseline;
    if (!O.CacheDir.empty())
      llvm::errs() << "; " << CacheHits << " from the cache";
    llvm::errs() << "\n";
  }
  if (!R.Errors.empty()) {
    llvm::StringSet<> Files;
    std::string Which;
    for (const Finding &F : R.Errors)
      if (Files.insert(F.Where.File).second)
        Which += (Which.empty() ? "" : ", ") + F.Where.File;
    unsigned Compile = llvm::count_if(
        R.Errors, [](const Finding &F) { return F.Check != ToolErrorCheck; });
    if (Compile == R.Errors.size())
      fail(plural(Compile, "compiler error") +
           " (findings may be incomplete) in: " + Which);
    fail(plural(R.Errors.size(), "error") +
         " (findings may be incomplete) in: " + Which + " (" +
         R.Errors.front().Message + ")");
  }
  if (O.WriteBaseline)
    return NoFindings;
  return R.counted() ? Findings : NoFindings;
}

int runAsWorker(const Options &O, std::unique_ptr<CompilationDatabase> Fixed) {
  if (O.Sources.size() != 1)
    fail("--internal-worker lints exactly one file");
  std::unique_ptr<CompilationDatabase> Build;
  if (!O.BuildPath.empty())
    Build = loadBuildDatabase(O);
  std::string File = absolute(O.Sources.front());
  auto Compilations =
      databaseFor(std::move(Fixed), std::move(Build), File, /*Quiet=*/true);
  // Fault injection for the tests of the crash re-run: a worker that runs
  // the check named here (any check for "*", as a crash in clang itself
  // would) dies as a crashing check would.
  if (const char *Faulty = std::getenv("UNBOUNDED_TIDY_FAULT_CHECK")) {
    std::vector<std::string> Enabled = ::unbounded::compat::enabledChecks(
        makeOptionsProvider(O)->getOptions(File));
    if (llvm::StringRef(Faulty) == "*" ? !Enabled.empty()
                                       : llvm::is_contained(Enabled, Faulty))
      std::raise(SIGSEGV);
  }
  UnitResult Result = lintUnit(makeOptionsProvider(O), *Compilations, File);
  std::string Text = llvm::formatv("{0}", toJson(Result)).str();
  std::error_code EC;
  llvm::raw_fd_ostream Out(O.WorkerResult, EC);
  if (EC)
    fail("cannot write '" + O.WorkerResult + "': " + EC.message());
  Out << Text;
  return NoFindings;
}

template <typename T> void append(std::vector<T> &To, std::vector<T> &From) {
  To.insert(To.end(), std::make_move_iterator(From.begin()),
            std::make_move_iterator(From.end()));
}

/// `unbounded-tidy merge`: shard reports become one report, finished
/// exactly like a full run's.
int merge(const Options &O, const Inputs &In) {
  std::vector<Report> Parts;
  for (const std::string &Path : O.Sources) {
    std::string Text = readOrFail(Path, "report");
    auto Part = parseJsonReport(Text);
    if (!Part)
      fail("malformed report '" + Path +
           "': " + llvm::toString(Part.takeError()));
    Parts.push_back(std::move(*Part));
  }
  if (auto E = checkMergeable(O.Sources, Parts))
    fail(llvm::toString(std::move(E)));
  Report R;
  R.Root = O.HasRoot ? O.Root : Parts.front().Root;
  R.Configuration = Parts.front().Configuration;
  for (Report &Part : Parts) {
    append(R.Units, Part.Units);
    append(R.Facts, Part.Facts);
    append(R.ChecksRun, Part.ChecksRun);
    append(R.Findings, Part.Findings);
    append(R.Errors, Part.Errors);
  }
  finalize(R, In.Settings);
  writeOutputs(R, O);
  return finish(R, O, 0);
}

/// Keeps the i-th of N parts: every N-th file of the sorted list.
std::vector<std::string> shard(std::vector<std::string> Files,
                               const Options &O) {
  if (!O.ShardCount)
    return Files;
  std::vector<std::string> Mine;
  for (size_t I = 0; I < Files.size(); ++I)
    if (I % O.ShardCount == O.ShardIndex - 1)
      Mine.push_back(std::move(Files[I]));
  return Mine;
}

std::string commandText(const CompilationDatabase &Compilations,
                        const std::string &File) {
  std::string Text;
  for (const CompileCommand &Command : Compilations.getCompileCommands(File)) {
    Text += Command.Directory + '\n';
    for (const std::string &Arg : Command.CommandLine)
      Text += Arg + '\0';
    Text += '\n';
  }
  return Text;
}

int lint(const Options &O, const Inputs &In,
         std::unique_ptr<CompilationDatabase> Fixed, const char *Argv0) {
  std::unique_ptr<ClangTidyOptionsProvider> Provider = makeOptionsProvider(O);
  if (O.ListChecks || O.DumpConfig) {
    std::string Anchor =
        O.Sources.empty() ? absolute("dummy.cpp") : absolute(O.Sources.front());
    ClangTidyOptions Effective = Provider->getOptions(Anchor);
    if (O.ListChecks)
      listChecks(Effective);
    else
      dumpConfig(Effective);
    return NoFindings;
  }
  std::unique_ptr<CompilationDatabase> Build;
  if (!O.BuildPath.empty())
    Build = loadBuildDatabase(O);
  std::vector<std::string> All = selectFiles(O, Build.get());
  if (Build)
    checkCommands(All, *Build);
  if (::unbounded::compat::enabledChecks(Provider->getOptions(All.front()))
          .empty())
    fail("no checks enabled for '" + All.front() +
         "' (see --checks and the .clang-tidy files that apply)");
  std::string Configuration = checkConfigurations(*Provider, All);
  std::vector<std::string> Files = shard(All, O);
  std::unique_ptr<CompilationDatabase> Compilations =
      databaseFor(std::move(Fixed), std::move(Build), All.front(), O.Quiet);

  std::optional<ResultCache> Cache;
  if (!O.CacheDir.empty()) {
    Cache.emplace(O.CacheDir);
    if (auto E = Cache->prepare())
      fail(llvm::toString(std::move(E)));
  }
  std::string Self =
      llvm::sys::fs::getMainExecutable(Argv0, (void *)&validateCheckGlobs);
  // The version number does not change with every rebuild during
  // development; the binary's size and time do.
  std::string Binary;
  llvm::sys::fs::file_status Status;
  if (!llvm::sys::fs::status(Self, Status))
    Binary = std::to_string(Status.getSize()) + ":" +
             std::to_string(
                 Status.getLastModificationTime().time_since_epoch().count()) +
             "\n";
  Report R;
  R.Root = O.Root;
  R.Partial = O.ShardCount != 0;
  R.Configuration = Configuration;
  if (O.ShardCount) {
    std::vector<std::string> Relative;
    for (const std::string &File : All)
      Relative.push_back(relativePath(File, O.Root));
    R.ShardIndex = O.ShardIndex;
    R.ShardCount = O.ShardCount;
    R.ShardSet = fingerprint(Relative);
  }
  std::vector<Job> Jobs;
  for (const std::string &File : Files) {
    ClangTidyOptions Effective = Provider->getOptions(File);
    std::vector<std::string> Checks =
        ::unbounded::compat::enabledChecks(Effective);
    R.ChecksRun.insert(R.ChecksRun.end(), Checks.begin(), Checks.end());
    Job J{File, workerArguments(O, Self, File), "", Checks};
    if (Cache)
      J.CacheKey = ResultCache::key(Binary + configurationAsText(Effective),
                                    commandText(*Compilations, File), File);
    Jobs.push_back(std::move(J));
  }
  RunnerSettings Settings;
  Settings.Jobs = O.Jobs;
  bool Terminal = llvm::sys::Process::StandardErrIsDisplayed();
  Settings.Terminal = !O.Quiet && Terminal;
  Settings.Lines = !O.Quiet && !Terminal && Jobs.size() > 1;
  Settings.Root = O.Root;
  Settings.Cache = Cache ? &*Cache : nullptr;
  RunOutcome Outcome = runJobs(Jobs, Settings);
  for (UnitResult &Unit : Outcome.Units)
    addUnit(R, std::move(Unit));
  finalize(R, In.Settings);
  writeOutputs(R, O);
  return finish(R, O, Outcome.CacheHits);
}

} // namespace

/// Prints the plugin that matches this driver: the installed layout
/// (<prefix>/lib/unbounded-tidy/) or the build tree's (<build>/lib/).
int printPluginPath(const char *Argv0) {
  std::string Self =
      llvm::sys::fs::getMainExecutable(Argv0, (void *)&printPluginPath);
  llvm::SmallString<256> Lib(llvm::sys::path::parent_path(Self));
  llvm::sys::path::remove_filename(Lib); // the prefix above bin/
  llvm::sys::path::append(Lib, "lib");
  for (const char *Relative : {"unbounded-tidy/libUnboundedTidyModule.so",
                               "libUnboundedTidyModule.so"}) {
    llvm::SmallString<256> Plugin(Lib);
    llvm::sys::path::append(Plugin, Relative);
    if (llvm::sys::fs::exists(Plugin)) {
      llvm::outs() << Plugin << "\n";
      return NoFindings;
    }
  }
  std::string LibDir(Lib);
  fail("no plugin next to '" + Self + "' (looked in " + LibDir +
       "/unbounded-tidy/ and " + LibDir + "/)");
}

int main(int Argc, const char **Argv) {
  ::unbounded::linkChecks();
  bool Merging = Argc > 1 && llvm::StringRef(Argv[1]) == "merge";
  std::vector<const char *> Args(Argv, Argv + Argc);
  if (Merging)
    Args.erase(Args.begin() + 1);
  Argc = int(Args.size());
  Args.push_back(nullptr);
  int FullArgc = Argc;
  std::string FixedError;
  std::unique_ptr<CompilationDatabase> Fixed =
      FixedCompilationDatabase::loadFromCommandLine(Argc, Args.data(),
                                                    FixedError);
  if (!Fixed && !FixedError.empty())
    fail(FixedError);
  Options O = parseOptions(Argc, Args.data(), FullArgc, Merging);
  if (O.PrintPluginPath)
    return printPluginPath(Args.front());
  if (O.HasChecks)
    validateCheckGlobs(O.Checks);
  if (!O.WorkerResult.empty()) {
    unblockInterrupts();
    return runAsWorker(O, std::move(Fixed));
  }
  handleInterrupts();
  Inputs In = loadInputs(O);
  if (O.Merge)
    return merge(O, In);
  return lint(O, In, std::move(Fixed), Args.front());
}
