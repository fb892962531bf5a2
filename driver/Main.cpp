//===- Main.cpp - the unbounded-tidy driver --------------------------------===//
//
// unbounded-tidy [options] <source|directory>... [-- <compiler flags>]
//
// Runs the unbounded-* checks through clang-tidy's own engine, so .clang-tidy
// files, NOLINT comments and the diagnostic format are clang-tidy's.
// Exit status: 0 no findings, 1 findings, 2 usage error or a file that
// cannot be read or compiled.
//
//===----------------------------------------------------------------------===//

#include "UnboundedTidyModule.h"

#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdlib>

using namespace clang;
using namespace clang::tidy;
using namespace clang::tooling;
namespace cl = llvm::cl;

namespace {

enum ExitCode { NoFindings = 0, Findings = 1, Failure = 2 };

cl::OptionCategory Category("unbounded-tidy options");

cl::list<std::string> Sources(cl::Positional,
                              cl::desc("<source file or directory>..."),
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
cl::opt<bool> Quiet("quiet", cl::desc("Do not print the closing summary"),
                    cl::cat(Category));

const char *const Tool = "unbounded-tidy";

[[noreturn]] void fail(const llvm::Twine &Message) {
  std::string Text = Message.str();
  std::replace(Text.begin(), Text.end(), '\n', ' ');
  llvm::errs() << Tool << ": error: " << llvm::StringRef(Text).rtrim()
               << "\n";
  std::exit(Failure);
}

void parseArguments(int Argc, const char **Argv) {
  cl::HideUnrelatedOptions(Category);
  cl::SetVersionPrinter([](llvm::raw_ostream &OS) {
    OS << Tool << " " << UNBOUNDED_VERSION << " (unbounded-* checks on "
       << "clang-tidy " << UNBOUNDED_LLVM_VERSION << ")\n";
  });
  std::string Errors;
  llvm::raw_string_ostream ErrorStream(Errors);
  if (cl::ParseCommandLineOptions(
          Argc, Argv,
          "Finds unbounded resource use (threads, queues, clients, pools) "
          "in C++ code.\n",
          &ErrorStream))
    return;
  // Keep cl's first line ("Unknown command line argument '--x'.").
  llvm::StringRef First = llvm::StringRef(Errors).split('\n').first;
  First.consume_front(llvm::sys::path::filename(Argv[0]));
  First.consume_front(": ");
  fail(First.trim());
}

std::string readFile(const std::string &Path, llvm::StringRef What) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    fail("cannot read " + What + " '" + Path + "': " +
         Buffer.getError().message());
  return (*Buffer)->getBuffer().str();
}

std::unique_ptr<ClangTidyOptionsProvider> makeOptionsProvider() {
  ClangTidyOptions Defaults = ClangTidyOptions::getDefaults();
  Defaults.Checks = "-*,unbounded-*";
  Defaults.User = llvm::sys::Process::GetEnv("USER");
  ClangTidyOptions Overrides;
  if (Checks.getNumOccurrences())
    Overrides.Checks = Checks;
  if (HeaderFilter.getNumOccurrences())
    Overrides.HeaderFilterRegex = HeaderFilter;
  auto FS = llvm::vfs::getRealFileSystem();

  std::string Text = Config;
  std::string Origin = "--config";
  if (!ConfigFile.empty()) {
    if (!Config.empty())
      fail("--config and --config-file cannot be used together");
    Text = readFile(ConfigFile, "configuration file");
    Origin = ConfigFile;
  }
  if (Text.empty() && !Config.getNumOccurrences() && ConfigFile.empty())
    return std::make_unique<FileOptionsProvider>(ClangTidyGlobalOptions(),
                                                 Defaults, Overrides, FS);
  std::string Problem;
  auto Parsed = parseConfigurationWithDiags(
      llvm::MemoryBufferRef(Text, Origin), [&](const llvm::SMDiagnostic &D) {
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
  NamesAndOptions Known = getAllChecksAndOptions();
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  Globs.split(Parts, ',', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef Glob : Parts) {
    Glob = Glob.trim();
    if (Glob.empty() || Glob.starts_with("-") ||
        Glob.starts_with("clang-diagnostic-"))
      continue;
    std::string Pattern = "^";
    for (char C : Glob)
      Pattern += C == '*' ? std::string(".*") : llvm::Regex::escape({&C, 1});
    llvm::Regex Matcher(Pattern + "$");
    bool Matches = llvm::any_of(Known.Names, [&](const auto &Entry) {
      return Matcher.match(Entry.getKey());
    });
    if (!Matches)
      fail("unknown check '" + Glob +
           "' in --checks (--list-checks shows the available checks)");
  }
}

std::string absolute(llvm::StringRef Path) {
  llvm::SmallString<256> Absolute(Path);
  llvm::sys::fs::make_absolute(Absolute);
  llvm::sys::path::remove_dots(Absolute, /*remove_dot_dot=*/true);
  return std::string(Absolute);
}

std::unique_ptr<CompilationDatabase> loadBuildDatabase() {
  std::string Path = BuildPath;
  if (llvm::sys::fs::is_directory(Path))
    Path = (llvm::Twine(Path) + "/compile_commands.json").str();
  if (!llvm::sys::fs::exists(Path))
    fail("no compilation database at '" + Path +
         "' (configure with -DCMAKE_EXPORT_COMPILE_COMMANDS=ON)");
  std::string Error;
  std::unique_ptr<CompilationDatabase> Database =
      JSONCompilationDatabase::loadFromFile(Path, Error,
                                            JSONCommandLineSyntax::AutoDetect);
  if (!Database)
    fail("cannot load compilation database '" + Path + "': " + Error);
  return inferTargetAndDriverMode(
      inferMissingCompileCommands(std::move(Database)));
}

/// The files to lint: named files, and the database's files under named
/// directories (all of them when nothing is named).
std::vector<std::string> selectFiles(const CompilationDatabase *Build) {
  std::vector<std::string> Files;
  if (Sources.empty()) {
    if (!Build)
      fail("no input files (name sources, or use -p <build-dir>)");
    Files = Build->getAllFiles();
    if (Files.empty())
      fail("the compilation database in '" + BuildPath + "' lists no files");
    return Files;
  }
  for (const std::string &Source : Sources) {
    std::string Path = absolute(Source);
    if (!llvm::sys::fs::is_directory(Path)) {
      if (!llvm::sys::fs::exists(Path))
        fail("cannot read '" + Source + "': no such file or directory");
      Files.push_back(Path);
      continue;
    }
    if (!Build)
      fail("'" + Source + "' is a directory; use -p <build-dir> to lint the "
           "files of a compilation database under it");
    size_t Before = Files.size();
    for (const std::string &File : Build->getAllFiles())
      if (llvm::StringRef(absolute(File)).starts_with(Path + "/"))
        Files.push_back(File);
    if (Files.size() == Before)
      fail("no file of the compilation database is under '" + Source + "'");
  }
  return Files;
}

std::unique_ptr<CompilationDatabase>
databaseFor(std::unique_ptr<CompilationDatabase> Fixed,
            std::unique_ptr<CompilationDatabase> Build,
            const std::vector<std::string> &Files) {
  if (Build)
    return Build;
  if (Fixed)
    return Fixed;
  std::string Error;
  if (auto Detected = CompilationDatabase::autoDetectFromSource(Files.front(),
                                                                Error))
    return inferMissingCompileCommands(std::move(Detected));
  llvm::errs() << Tool << ": note: no compilation database found for '"
               << Files.front()
               << "'; compiling with default flags (use -p <build-dir> or "
                  "-- <flags>)\n";
  return std::make_unique<FixedCompilationDatabase>(
      ".", std::vector<std::string>{});
}

void listChecks(const ClangTidyOptions &Options) {
  std::vector<std::string> Names = getCheckNames(Options, false);
  llvm::outs() << "Enabled checks:";
  for (const std::string &Name : Names)
    llvm::outs() << "\n    " << Name;
  llvm::outs() << "\n\n";
}

void dumpConfig(ClangTidyOptions Options) {
  Options.CheckOptions = getCheckOptions(Options, false);
  llvm::outs() << configurationAsText(
                      ClangTidyOptions::getDefaults().merge(Options, 0))
               << "\n";
}

struct Tally {
  unsigned Findings = 0;
  unsigned CompileErrors = 0;
  llvm::StringSet<> FilesWithFindings;
  llvm::StringSet<> FilesWithErrors;
};

Tally tally(const std::vector<ClangTidyError> &Errors) {
  Tally Result;
  for (const ClangTidyError &Error : Errors) {
    bool IsCompileError = Error.DiagLevel == ClangTidyError::Error &&
                          !Error.IsWarningAsError;
    if (IsCompileError) {
      ++Result.CompileErrors;
      Result.FilesWithErrors.insert(Error.Message.FilePath);
    } else {
      ++Result.Findings;
      Result.FilesWithFindings.insert(Error.Message.FilePath);
    }
  }
  return Result;
}

std::string plural(unsigned N, llvm::StringRef Word) {
  return std::to_string(N) + " " + Word.str() + (N == 1 ? "" : "s");
}

} // namespace

int main(int Argc, const char **Argv) {
  unbounded::linkChecks();
  std::string FixedError;
  std::unique_ptr<CompilationDatabase> Fixed =
      FixedCompilationDatabase::loadFromCommandLine(Argc, Argv, FixedError);
  if (!Fixed && !FixedError.empty())
    fail(FixedError);
  parseArguments(Argc, Argv);
  if (Checks.getNumOccurrences())
    validateCheckGlobs(Checks);

  std::unique_ptr<ClangTidyOptionsProvider> Provider = makeOptionsProvider();
  if (ListChecks || DumpConfig) {
    std::string Anchor = Sources.empty() ? absolute("dummy.cpp")
                                         : absolute(Sources.front());
    ClangTidyOptions Effective = Provider->getOptions(Anchor);
    if (ListChecks)
      listChecks(Effective);
    else
      dumpConfig(Effective);
    return NoFindings;
  }

  std::unique_ptr<CompilationDatabase> Build;
  if (!BuildPath.empty())
    Build = loadBuildDatabase();
  std::vector<std::string> Files = selectFiles(Build.get());
  std::unique_ptr<CompilationDatabase> Compilations =
      databaseFor(std::move(Fixed), std::move(Build), Files);

  if (getCheckNames(Provider->getOptions(Files.front()), false).empty())
    fail("no checks enabled for '" + Files.front() +
         "' (see --checks and the .clang-tidy files that apply)");

  ClangTidyContext Context(std::move(Provider));
  auto BaseFS = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(
      llvm::vfs::getRealFileSystem());
  std::vector<ClangTidyError> Errors =
      runClangTidy(Context, *Compilations, Files, BaseFS,
                   /*ApplyAnyFix=*/false);
  unsigned WarningsAsErrors = 0;
  handleErrors(Errors, Context, FB_NoFix, WarningsAsErrors, BaseFS);
  llvm::outs().flush();

  Tally Result = tally(Errors);
  if (!Quiet)
    llvm::errs() << Tool << ": " << plural(Result.Findings, "finding")
                 << " in " << plural(Result.FilesWithFindings.size(), "file")
                 << " (" << plural(Files.size(), "file") << " linted)\n";
  if (Result.CompileErrors) {
    std::string Which;
    for (const auto &Entry : Result.FilesWithErrors)
      Which += (Which.empty() ? "" : ", ") + Entry.getKey().str();
    fail(plural(Result.CompileErrors, "compiler error") +
         " (findings may be incomplete) in: " + Which);
  }
  return Result.Findings ? Findings : NoFindings;
}
