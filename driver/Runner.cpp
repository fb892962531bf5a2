//===- Runner.cpp - lint translation units in parallel --------------------===//

#include "Runner.h"

#include "Formats.h"
#include "Interrupt.h"
#include "Output.h"
#include "utils/Compat.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/raw_ostream.h"

#include <atomic>
#include <chrono>
#include <functional>
#include <mutex>

#include <sys/ioctl.h>
#include <unistd.h>

namespace unbounded::driver {
namespace {

using Clock = std::chrono::steady_clock;

std::string minutes(double Seconds) {
  unsigned S = unsigned(Seconds + 0.5);
  std::string Text = std::to_string(S / 60) + ":";
  if (S % 60 < 10)
    Text += "0";
  return Text + std::to_string(S % 60);
}

/// The width of the terminal on standard error, 0 when unknown. LLVM's
/// StandardErrColumns only reads $COLUMNS, which shells do not export.
unsigned terminalColumns() {
  struct winsize Size = {};
  if (::ioctl(STDERR_FILENO, TIOCGWINSZ, &Size) == 0 && Size.ws_col)
    return Size.ws_col;
  return llvm::sys::Process::StandardErrColumns();
}

/// Counts and prints progress; thread-safe.
class Progress {
public:
  Progress(const RunnerSettings &S, size_t Total)
      : Settings(S), Total(Total), Start(Clock::now()) {}

  void finished(const UnitResult &Unit) {
    std::lock_guard<std::mutex> Lock(Mutex);
    ++Done;
    unsigned Here = 0;
    for (const Finding &F : Unit.Diagnostics)
      Here += F.Level != "error";
    Findings += Here;
    if (Settings.Terminal)
      redraw();
    else if (Settings.Lines)
      llvm::errs() << "[" << Done << "/" << Total << "] "
                   << relativePath(Unit.File, Settings.Root) << ": "
                   << plural(Here, "finding") << "\n";
  }

  void close() {
    if (Settings.Terminal && Done)
      llvm::errs() << "\r\x1b[K";
  }

private:
  /// One line, never wider than the terminal: a wrapped line cannot be
  /// redrawn, and each redraw would leave one behind.
  void redraw() {
    double Elapsed =
        std::chrono::duration<double>(Clock::now() - Start).count();
    double Eta = Elapsed / double(Done) * double(Total - Done);
    unsigned Width = 24, Filled = unsigned(Width * Done / Total);
    std::string Line = "[" + std::string(Filled, '#') +
                       std::string(Width - Filled, '.') + "] " +
                       std::to_string(Done) + "/" + std::to_string(Total) +
                       " files, " + plural(Findings, "finding") + ", " +
                       minutes(Elapsed) + " elapsed, ETA " + minutes(Eta);
    // The last column stays free: writing it wraps on some terminals.
    if (unsigned Columns = terminalColumns())
      Line.resize(std::min<size_t>(Line.size(), Columns - 1));
    llvm::errs() << "\r\x1b[K" << Line;
  }

  const RunnerSettings &Settings;
  size_t Total, Done = 0;
  unsigned Findings = 0;
  Clock::time_point Start;
  std::mutex Mutex;
};

UnitResult failure(const Job &J, const std::string &Why) {
  UnitResult R;
  R.File = J.File;
  Finding F;
  F.Check = ToolErrorCheck.str();
  F.Level = "error";
  F.Where.File = J.File;
  F.Message = Why;
  R.Diagnostics.push_back(std::move(F));
  return R;
}

std::string firstLine(const std::string &Path) {
  auto Text = readWholeFile(Path);
  if (!Text)
    return "";
  llvm::StringRef Line = llvm::StringRef(*Text).trim().split('\n').first;
  Line.consume_front("unbounded-tidy: error: ");
  return Line.str();
}

/// Makes an empty temporary file; returns its path, "" when that failed.
std::function<std::string()> temporaryFile(llvm::StringRef Suffix) {
  return [Suffix] {
    llvm::SmallString<128> Path;
    if (llvm::sys::fs::createTemporaryFile("unbounded-unit", Suffix, Path))
      return std::string();
    return std::string(Path);
  };
}

/// Runs the worker for J (only the check Only, when given) and reads what
/// it wrote; Crashed says whether it died of a signal.
UnitResult runWorker(const Job &J, llvm::StringRef Only, bool &Crashed) {
  RemoveOnInterrupt Out(temporaryFile("json")), Err(temporaryFile("err"));
  std::vector<llvm::StringRef> Argv(J.Argv.begin(), J.Argv.end());
  std::string Flag = "--internal-worker=" + Out.path();
  std::string OnlyFlag = "--internal-only-check=" + Only.str();
  Argv.insert(Argv.begin() + 1, Flag);
  if (!Only.empty())
    Argv.insert(Argv.begin() + 2, OnlyFlag);
  std::optional<llvm::StringRef> Redirects[] = {
      llvm::StringRef(""), llvm::StringRef(""), llvm::StringRef(Err.path())};
  std::string Message;
  int Status = -1;
  llvm::sys::ProcessInfo Worker;
  StopOnInterrupt Stop([&] {
    Worker = llvm::sys::ExecuteNoWait(Argv.front(), Argv, std::nullopt,
                                      Redirects, 0, &Message);
    return int(Worker.Pid);
  });
  if (Stop.pid())
    Status = llvm::sys::Wait(Worker, std::nullopt, &Message).ReturnCode;
  auto Text = readWholeFile(Out.path());
  std::string Stderr = firstLine(Err.path());
  llvm::sys::fs::remove(Out.path());
  llvm::sys::fs::remove(Err.path());
  Crashed = Status < 0;
  if (Status != 0 || !Text) {
    std::string Why = !Stderr.empty() ? Stderr
                      : Status < 0    ? "the worker crashed: " + Message
                                      : "the worker exited with status " +
                                         std::to_string(Status);
    return failure(J, Why);
  }
  auto Unit = unitResultFromJson(*Text);
  if (!Unit)
    return failure(J, "unreadable worker result: " +
                          llvm::toString(Unit.takeError()));
  return std::move(*Unit);
}

/// J again, one check at a time, after its worker crashed.
UnitResult runCheckByCheck(const Job &J, const UnitResult &Crash) {
  UnitResult Merged;
  Merged.File = J.File;
  std::vector<std::string> Crashing;
  for (const std::string &Check : J.Checks) {
    bool Crashed = false;
    UnitResult One = runWorker(J, Check, Crashed);
    if (Crashed) {
      Crashing.push_back(Check);
      continue;
    }
    Merged.Diagnostics.insert(Merged.Diagnostics.end(), One.Diagnostics.begin(),
                              One.Diagnostics.end());
    Merged.Inputs = One.Inputs;
    Merged.Facts.Functions.insert(Merged.Facts.Functions.end(),
                                  One.Facts.Functions.begin(),
                                  One.Facts.Functions.end());
    Merged.Facts.Uses.insert(Merged.Facts.Uses.end(), One.Facts.Uses.begin(),
                             One.Facts.Uses.end());
  }
  if (Crashing.empty())
    return Crash; // Not reproducible check by check: report it as it was.
  // Every check alone crashes: what they share is clang itself (a crash
  // while parsing this file), not a check.
  std::string Why =
      Crashing.size() == J.Checks.size()
          ? Crash.Diagnostics.front().Message +
                " with every check alone: a crash in clang itself (such as "
                "while parsing this file), not in a check; no findings for "
                "this file"
          : Crash.Diagnostics.front().Message + " in " +
                llvm::join(Crashing, ", ") +
                "; the findings of the other checks are kept";
  Merged.Diagnostics.push_back(failure(J, Why).Diagnostics.front());
  return Merged;
}

/// J's result: from the cache, or from its worker (check by check after a
/// crash), stored in the cache unless the worker failed.
UnitResult lint(const Job &J, const RunnerSettings &S,
                std::atomic<unsigned> &Hits) {
  bool Cacheable = S.Cache && !J.CacheKey.empty();
  if (Cacheable)
    if (std::optional<UnitResult> Cached = S.Cache->lookup(J.CacheKey)) {
      ++Hits;
      return std::move(*Cached);
    }
  bool Crashed = false;
  UnitResult Unit = runWorker(J, "", Crashed);
  if (Crashed && J.Checks.size() > 1)
    Unit = runCheckByCheck(J, Unit);
  bool Failed = llvm::any_of(Unit.Diagnostics, [](const Finding &F) {
    return F.Check == ToolErrorCheck;
  });
  if (Cacheable && !Failed)
    S.Cache->store(J.CacheKey, Unit);
  return Unit;
}

} // namespace

RunOutcome runJobs(const std::vector<Job> &Jobs, const RunnerSettings &S) {
  RunOutcome Outcome;
  Outcome.Units.resize(Jobs.size());
  Progress Bar(S, Jobs.size());
  std::atomic<unsigned> Hits{0};
  // The main thread only waits, so that it takes SIGINT and SIGTERM and
  // the handler never interrupts a worker's start (Interrupt.h).
  unsigned Threads = std::max(1u, std::min<unsigned>(S.Jobs, Jobs.size()));
  compat::ThreadPool Pool(llvm::hardware_concurrency(Threads));
  for (size_t I = 0; I < Jobs.size(); ++I)
    Pool.async([&, I] {
      blockInterruptsInThisThread();
      Outcome.Units[I] = lint(Jobs[I], S, Hits);
      Bar.finished(Outcome.Units[I]);
    });
  Pool.wait();
  Bar.close();
  Outcome.CacheHits = Hits;
  return Outcome;
}

} // namespace unbounded::driver
