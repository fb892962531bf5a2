//===- Main.cpp - unbounded-clangd: clangd with the unbounded-* checks ----===//
//
// unbounded-clangd [clangd options]
//
// Debian's libclangdMain.a is the whole of clangd; this front end links it
// with the check library and adds only what clangd cannot do for checks it
// does not know (docs/editors.md):
//   - --version and the LSP serverInfo say unbounded-clangd;
//   - diagnostics of the unbounded-* checks link to their docs pages (the
//     installed ones when the binary is installed);
//   - a log line (and, once, an editor warning) when the checks did not run
//     on a file, typically because of clangd's default FastCheckFilter;
//   - Clang's resource directory defaults to the one of the LLVM the binary
//     was built against, as it would for clangd installed there.
//
//===----------------------------------------------------------------------===//

#include "CheckProbe.h"
#include "Messages.h"
#include "OutputFilter.h"
#include "UnboundedTidyModule.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <string>
#include <vector>

// libclangdMain.a ships without headers; this is its entry point.
namespace clang::clangd {
int clangdMain(int argc, char *argv[]);
} // namespace clang::clangd

using namespace unbounded::clangd;

namespace {

enum class Mode { Server, Check, Other };

/// The value of --name=<value> or -name=<value>, if present.
std::optional<llvm::StringRef> flagValue(llvm::ArrayRef<char *> Args,
                                         llvm::StringRef Name) {
  for (llvm::StringRef Arg : Args.drop_front()) {
    if (!Arg.consume_front("-"))
      continue;
    Arg.consume_front("-");
    if (Arg == Name)
      return llvm::StringRef();
    if (Arg.consume_front(Name) && Arg.consume_front("="))
      return Arg;
  }
  return std::nullopt;
}

bool hasFlag(llvm::ArrayRef<char *> Args, llvm::StringRef Name) {
  return flagValue(Args, Name).has_value();
}

Mode modeOf(llvm::ArrayRef<char *> Args) {
  if (hasFlag(Args, "check"))
    return Mode::Check;
  for (const char *Other : {"version", "help", "help-hidden", "help-list",
                            "help-list-hidden", "print-options"})
    if (hasFlag(Args, Other))
      return Mode::Other;
  return Mode::Server;
}

std::string identity() {
  return "unbounded-clangd " UNBOUNDED_VERSION
         " (clangd " UNBOUNDED_LLVM_VERSION " with " +
         llvm::join(builtInChecks(), ", ") + ")";
}

void log(llvm::StringRef Line) {
  llvm::errs() << Line << "\n";
  llvm::errs().flush();
}

/// In check mode nothing reaches an editor: the log line is all there is.
void reportCheckMode() {
  if (!checksRanAnywhere())
    log(checksSkippedMessage("the checked file"));
}

/// Where diagnostics link to: the pages installed next to this binary
/// (<prefix>/share/unbounded-tidy/checks), else the build's default.
std::string docsUrl(const char *Argv0) {
  std::string Self = llvm::sys::fs::getMainExecutable(Argv0, (void *)&docsUrl);
  llvm::SmallString<256> Installed(
      llvm::sys::path::parent_path(llvm::sys::path::parent_path(Self)));
  llvm::sys::path::append(Installed, "share", "unbounded-tidy", "checks");
  if (llvm::sys::fs::is_directory(Installed))
    return "file://" + std::string(Installed);
  return UNBOUNDED_DOCS_URL;
}

std::unique_ptr<OutputFilter> filterOutput(const char *Argv0) {
  auto Rewriter = std::make_shared<MessageRewriter>(
      MessageSettings{docsUrl(Argv0), " + " + identity(), checksRanOn, log});
  return OutputFilter::start(
      [Rewriter](std::string Body) { return Rewriter->rewrite(Body); });
}

} // namespace

int main(int argc, char *argv[]) {
  (void)unbounded::linkChecks();
  installCheckProbe();
  std::vector<char *> Args(argv, argv + argc);
  std::string ResourceDir = "--resource-dir=" UNBOUNDED_RESOURCE_DIR;
  if (!hasFlag(Args, "resource-dir") &&
      llvm::sys::fs::is_directory(UNBOUNDED_RESOURCE_DIR))
    Args.insert(Args.begin() + 1, ResourceDir.data());

  Mode M = modeOf(Args);
  if (hasFlag(Args, "version")) // clangd's own lines follow
    llvm::outs() << identity() << "\n";
  else if (M != Mode::Other)
    log(identity());
  std::unique_ptr<OutputFilter> Filter;
  if (M == Mode::Server)
    Filter = filterOutput(argv[0]);

  Args.push_back(nullptr);
  int Status =
      clang::clangd::clangdMain(static_cast<int>(Args.size() - 1), Args.data());
  if (Filter)
    Filter->finish();
  if (M == Mode::Check)
    reportCheckMode();
  return Status;
}
