//===- Options.cpp - the driver's command line ----------------------------===//

#include "Options.h"

#include "Output.h"
#include "ReportFormat.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <map>
#include <thread>

namespace unbounded::driver {
namespace cl = llvm::cl;
namespace {

const char *const Tool = "unbounded-tidy";
cl::OptionCategory Category("unbounded-tidy options");
cl::OptionCategory ReportCategory("Reports, baselines, shards and cache");

cl::list<std::string> Sources(cl::Positional,
                              cl::desc("<source file or directory>... "
                                       "(merge: <report.json>...)"),
                              cl::cat(Category));
cl::opt<std::string>
    BuildPath("p", cl::value_desc("build-dir"),
              cl::desc("Build directory holding compile_commands.json (or the "
                       "file itself); without sources, lints every file in "
                       "it; a directory argument lints the files below it"),
              cl::cat(Category));
cl::opt<std::string> Checks("checks", cl::value_desc("globs"),
                            cl::desc("Comma-separated check globs, added to "
                                     "the configuration (default: "
                                     "unbounded-*)"),
                            cl::cat(Category));
cl::opt<std::string> Config("config", cl::value_desc("yaml"),
                            cl::desc("Configuration in .clang-tidy YAML form; "
                                     "replaces .clang-tidy files"),
                            cl::cat(Category));
cl::opt<std::string> ConfigFile("config-file", cl::value_desc("path"),
                                cl::desc("Read the configuration from this "
                                         "file; replaces .clang-tidy files"),
                                cl::cat(Category));
cl::opt<std::string> HeaderFilter("header-filter", cl::value_desc("regex"),
                                  cl::desc("Also report findings in headers "
                                           "whose path matches"),
                                  cl::cat(Category));
cl::opt<bool> ListChecks("list-checks",
                         cl::desc("List the enabled checks and exit"),
                         cl::cat(Category));
cl::opt<bool> DumpConfig("dump-config",
                         cl::desc("Print the effective configuration, with "
                                  "every check option, and exit"),
                         cl::cat(Category));
cl::opt<bool> PrintPluginPath("print-plugin-path",
                              cl::desc("Print the path of the clang-tidy "
                                       "plugin built with this driver (for "
                                       "clang-tidy --load) and exit"),
                              cl::cat(Category));
cl::opt<bool> Quiet("quiet", cl::desc("No progress and no closing summary"),
                    cl::cat(Category));
// A string, parsed here: cl's own error for a bad number is two lines.
cl::opt<std::string> Jobs("j", cl::value_desc("N"), cl::Prefix,
                          cl::desc("Lint N translation units at once (default: "
                                   "the number of cores)"),
                          cl::cat(Category));

// The value description, the format table's names, is set in
// parseCommandLine.
cl::list<std::string> Formats(
    "format",
    cl::desc("Report format; repeat with -o for several reports (default: "
             "text on standard output)"),
    cl::cat(ReportCategory));
cl::list<std::string> OutputFiles(
    "o", cl::value_desc("file"),
    cl::desc("Write the report of the preceding --format here (atomically); "
             "without --format, the format follows the extension"),
    cl::cat(ReportCategory));
cl::opt<std::string> Baseline("baseline", cl::value_desc("file"),
                              cl::desc("Classify findings against this "
                                       "baseline; only introduced ones fail"),
                              cl::cat(ReportCategory));
cl::opt<bool> WriteBaseline("write-baseline",
                            cl::desc("Record the current findings in the "
                                     "--baseline file"),
                            cl::cat(ReportCategory));
cl::opt<std::string> GuardReport("guard-report", cl::value_desc("file"),
                                 cl::desc("Runtime guard report: evidence for "
                                          "the Monitoring and Testing items"),
                                 cl::cat(ReportCategory));
cl::list<std::string> AlertRulePaths(
    "alert-rules", cl::value_desc("file|dir"),
    cl::desc("Prometheus rule file, or a directory of *.yml/*.yaml rule "
             "files: evidence for the Alerting items (repeatable)"),
    cl::cat(ReportCategory));
cl::list<std::string> MetricFamilyPatterns(
    "metric-family", cl::value_desc("family=regex"),
    cl::desc("Also count metric names matching regex as the catalogue's "
             "family (threads, queue-depth, errors, ...; repeatable)"),
    cl::cat(ReportCategory));
cl::opt<std::string> Diff("diff", cl::value_desc("git-rev"),
                          cl::desc("Report only findings on lines changed "
                                   "since this git revision"),
                          cl::cat(ReportCategory));
cl::opt<std::string>
    LineFilter("line-filter", cl::value_desc("json"),
               cl::desc("Report only findings on these lines, as clang-tidy: "
                        "[{\"name\":\"a.cpp\",\"lines\":[[1,3]]}]"),
               cl::cat(ReportCategory));
cl::opt<std::string> Shard("shard", cl::value_desc("i/N"),
                           cl::desc("Lint only the i-th of N deterministic "
                                    "parts of the translation units"),
                           cl::cat(ReportCategory));
cl::opt<std::string> CacheDir("cache-dir", cl::value_desc("dir"),
                              cl::desc("Reuse results of unchanged "
                                       "translation units from this directory"),
                              cl::cat(ReportCategory));
cl::opt<std::string> ExportFacts(
    "export-facts", cl::value_desc("file"),
    cl::desc("Write the project's facts (what its functions do, across "
             "files) for the plugin and unbounded-clangd "
             "(CheckOptions: UnboundedFactsFile)"),
    cl::cat(ReportCategory));
cl::opt<std::string> Root("root", cl::value_desc("dir"),
                          cl::desc("Report paths relative to this directory "
                                   "(default: the current directory)"),
                          cl::cat(ReportCategory));
cl::opt<std::string> HelpUriBase(
    "help-uri-base", cl::value_desc("uri"),
    cl::desc("Where docs/checks/<check>.md pages are (default: docs/checks/; "
             "GitHub code scanning needs an absolute https:// URI)"),
    cl::init("docs/checks/"), cl::cat(ReportCategory));
cl::opt<std::string> WorkerResult("internal-worker", cl::Hidden,
                                  cl::desc("Lint one file and write its "
                                           "result here (internal)"));
cl::opt<std::string> OnlyCheck("internal-only-check", cl::Hidden,
                               cl::desc("Run only this one of the enabled "
                                        "checks (internal: a crash re-run)"));

/// Pairs --format and -o by position: each -o belongs to the --format
/// before it that has no file yet; a lone -o takes its format from the
/// extension.
std::vector<OutputSpec> pairOutputs() {
  std::map<unsigned, std::pair<bool, std::string>> ByPosition;
  for (unsigned I = 0; I < Formats.size(); ++I)
    ByPosition[Formats.getPosition(I)] = {true, Formats[I]};
  for (unsigned I = 0; I < OutputFiles.size(); ++I)
    ByPosition[OutputFiles.getPosition(I)] = {false, OutputFiles[I]};
  std::vector<OutputSpec> Outputs;
  bool Open = false; // The last output still waits for its file.
  for (const auto &[Position, Entry] : ByPosition) {
    const auto &[IsFormat, Value] = Entry;
    if (IsFormat) {
      const ReportFormat *Format = formatNamed(Value);
      if (!Format)
        fail("unknown format '" + Value + "' (use " +
             formatNames(", ", " or ") + ")");
      Outputs.push_back({Format, ""});
      Open = true;
      continue;
    }
    if (Value.empty())
      fail("-o needs a file name");
    // Standard output is written as such, never replaced by a file.
    std::string Path = Value == "-" || Value == "/dev/stdout" ? "" : Value;
    if (Open) {
      Outputs.back().Path = Path;
      Open = false;
      continue;
    }
    const ReportFormat *Format = formatOfPath(Value);
    if (!Format)
      fail("cannot tell the format of '" + Value +
           "' from its extension; put --format=<format> before -o");
    Outputs.push_back({Format, Path});
  }
  unsigned ToStdout = llvm::count_if(
      Outputs, [](const OutputSpec &S) { return S.Path.empty(); });
  if (ToStdout > 1)
    fail("more than one --format writes to standard output; give each but "
         "one an -o <file>");
  if (Outputs.empty())
    Outputs.push_back({&reportFormats().front(), ""});
  return Outputs;
}

void parseShard(Options &O) {
  if (!Shard.getNumOccurrences())
    return;
  auto [Index, Count] = llvm::StringRef(Shard).split('/');
  if (Index.getAsInteger(10, O.ShardIndex) ||
      Count.getAsInteger(10, O.ShardCount) || O.ShardCount == 0 ||
      O.ShardIndex == 0 || O.ShardIndex > O.ShardCount)
    fail("invalid --shard '" + Shard +
         "' (expected i/N with 1 <= i <= N, e.g. 1/4)");
}

/// Every report (and the other files to write: a baseline, exported
/// facts) can be created, and no two reports go to the same file: found
/// out before any linting.
void checkOutputs(const std::vector<OutputSpec> &Outputs,
                  std::initializer_list<std::string> OtherFiles) {
  std::map<std::string, const OutputSpec *> Targets;
  for (const OutputSpec &S : Outputs) {
    if (S.Path.empty())
      continue;
    if (auto E = checkWritable(S.Path))
      fail(llvm::toString(std::move(E)));
    auto Target = outputTarget(absolute(S.Path));
    if (!Target)
      fail(llvm::toString(Target.takeError()));
    auto [It, New] = Targets.try_emplace(*Target, &S);
    if (!New)
      fail("--format=" + It->second->Format->Name +
           " and --format=" + S.Format->Name + " both write to '" + S.Path +
           "'; give each its own -o");
  }
  for (const std::string &File : OtherFiles)
    if (!File.empty())
      if (auto E = checkWritable(File))
        fail(llvm::toString(std::move(E)));
}

void checkCombinations(const Options &O) {
  if (O.WriteBaseline && O.Baseline.empty())
    fail("--write-baseline needs --baseline=<file>");
  if (O.Merge && O.Sources.empty())
    fail("merge needs at least one JSON report");
  if (O.Merge && (O.WriteBaseline || !O.CacheDir.empty() || O.ShardCount ||
                  !O.BuildPath.empty()))
    fail("merge takes report files and report options only (no -p, "
         "--shard, --cache-dir or --write-baseline)");
  if (O.ShardCount && !O.ExportFacts.empty())
    fail("--export-facts needs the whole project: give it to merge, not to "
         "a shard");
}

void parseCommandLine(int Argc, const char **Argv) {
  cl::HideUnrelatedOptions({&Category, &ReportCategory});
  static const std::string FormatChoices = formatNames("|");
  Formats.setValueStr(FormatChoices);
  cl::SetVersionPrinter([](llvm::raw_ostream &OS) {
    OS << Tool << " " << UNBOUNDED_VERSION << " (unbounded-* checks on "
       << "clang-tidy " << UNBOUNDED_LLVM_VERSION << ")\n";
  });
  std::string Errors;
  llvm::raw_string_ostream ErrorStream(Errors);
  if (cl::ParseCommandLineOptions(
          Argc, Argv,
          "Finds unbounded resource use (threads, queues, clients, pools) "
          "in C++ code.\n\n  unbounded-tidy [options] <source|dir>... "
          "[-- <compiler flags>]\n  unbounded-tidy merge <report.json>... "
          "[--format=F -o FILE]...\n",
          &ErrorStream))
    return;
  // Keep cl's first line ("Unknown command line argument '--x'."); some
  // messages start with an empty one.
  llvm::StringRef First = llvm::StringRef(Errors).ltrim().split('\n').first;
  First.consume_front(llvm::sys::path::filename(Argv[0]));
  First.consume_front(": ");
  fail(First.trim());
}

} // namespace

[[noreturn]] void fail(const llvm::Twine &Message) {
  std::string Text = Message.str();
  std::replace(Text.begin(), Text.end(), '\n', ' ');
  llvm::errs() << Tool << ": error: " << llvm::StringRef(Text).rtrim() << "\n";
  std::exit(2);
}

std::string absolute(llvm::StringRef Path) {
  llvm::SmallString<256> Absolute(Path);
  llvm::sys::fs::make_absolute(Absolute);
  llvm::sys::path::remove_dots(Absolute, /*remove_dot_dot=*/true);
  return std::string(Absolute);
}

Options parseOptions(int Argc, const char **Argv, int FullArgc, bool Merge) {
  Options O;
  for (int I = 1; I < FullArgc; ++I)
    if (llvm::StringRef(Argv[I]) == "--") {
      O.HasCompilerFlags = true;
      O.CompilerFlags.assign(Argv + I + 1, Argv + FullArgc);
      break;
    }
  parseCommandLine(Argc, Argv);
  O.Merge = Merge;
  O.Sources = Sources;
  O.BuildPath = BuildPath;
  O.Checks = Checks;
  O.HasChecks = Checks.getNumOccurrences() > 0;
  O.Config = Config;
  O.HasConfig = Config.getNumOccurrences() > 0;
  O.ConfigFile = ConfigFile;
  O.HeaderFilter = HeaderFilter;
  O.HasHeaderFilter = HeaderFilter.getNumOccurrences() > 0;
  O.ListChecks = ListChecks;
  O.DumpConfig = DumpConfig;
  O.PrintPluginPath = PrintPluginPath;
  O.Quiet = Quiet;
  O.Jobs = std::max(1u, std::thread::hardware_concurrency());
  if (Jobs.getNumOccurrences() &&
      (llvm::StringRef(Jobs).getAsInteger(10, O.Jobs) || O.Jobs == 0))
    fail("invalid -j '" + Jobs + "' (expected a number of jobs, 1 or more)");
  O.WorkerResult = WorkerResult;
  if (!O.WorkerResult.empty()) {
    if (!OnlyCheck.empty()) {
      // Later globs win: everything the configuration enables, then only
      // this one.
      O.Checks = (O.HasChecks ? O.Checks + "," : "") + "-*," + OnlyCheck;
      O.HasChecks = true;
    }
    return O; // The parent checked everything else.
  }
  O.Outputs = pairOutputs();
  O.Baseline = Baseline;
  O.WriteBaseline = WriteBaseline;
  O.GuardReport = GuardReport;
  O.AlertRules = AlertRulePaths;
  O.MetricFamilies = MetricFamilyPatterns;
  O.Diff = Diff;
  O.LineFilter = LineFilter;
  O.CacheDir = CacheDir;
  O.ExportFacts = ExportFacts;
  checkOutputs(O.Outputs, {O.WriteBaseline ? O.Baseline : "", O.ExportFacts});
  O.HasRoot = !Root.empty();
  O.Root = absolute(Root.empty() ? "." : Root.getValue());
  O.HelpUriBase = HelpUriBase;
  parseShard(O);
  checkCombinations(O);
  return O;
}

std::vector<std::string> workerArguments(const Options &O,
                                         const std::string &Self,
                                         const std::string &File) {
  std::vector<std::string> Argv = {Self, "--quiet"};
  if (O.HasChecks)
    Argv.push_back("--checks=" + O.Checks);
  if (O.HasConfig)
    Argv.push_back("--config=" + O.Config);
  if (!O.ConfigFile.empty())
    Argv.push_back("--config-file=" + O.ConfigFile);
  if (O.HasHeaderFilter)
    Argv.push_back("--header-filter=" + O.HeaderFilter);
  if (!O.BuildPath.empty())
    Argv.push_back("-p=" + absolute(O.BuildPath));
  Argv.push_back(File);
  if (O.HasCompilerFlags) {
    Argv.push_back("--");
    Argv.insert(Argv.end(), O.CompilerFlags.begin(), O.CompilerFlags.end());
  }
  return Argv;
}

} // namespace unbounded::driver
