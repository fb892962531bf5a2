//===- Worker.cpp - lint one translation unit in this process -------------===//

#include "Worker.h"

#include "Summaries.h"

#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <mutex>
#include <set>

namespace unbounded::driver {
namespace {

/// A file system that remembers every file opened for reading: the inputs
/// of the compilation, whose contents key the cache.
class RecordingFileSystem : public llvm::vfs::ProxyFileSystem {
public:
  explicit RecordingFileSystem(llvm::IntrusiveRefCntPtr<FileSystem> FS)
      : ProxyFileSystem(std::move(FS)) {}

  llvm::ErrorOr<std::unique_ptr<llvm::vfs::File>>
  openFileForRead(const llvm::Twine &Path) override {
    auto Result = ProxyFileSystem::openFileForRead(Path);
    if (Result) {
      llvm::SmallString<256> Absolute;
      Path.toVector(Absolute);
      makeAbsolute(Absolute);
      // Only "." goes: "dir/../x" names another file than "x" when dir is
      // a symbolic link (on Debian, /lib/gcc/../.. is not /).
      llvm::sys::path::remove_dots(Absolute, /*remove_dot_dot=*/false);
      Opened.insert(std::string(Absolute));
    }
    return Result;
  }

  std::set<std::string> Opened;
};

/// A source line fit to quote in a report: at most MaxQuoted bytes (a
/// minified or binary "line" can be megabytes), control bytes and bytes
/// that are not UTF-8 escaped as \xNN.
std::string quotable(llvm::StringRef Line) {
  constexpr size_t MaxQuoted = 200;
  bool Utf8 = llvm::json::isUTF8(Line);
  std::string Text;
  for (unsigned char C : Line) {
    // Stop at the limit, but never inside a UTF-8 sequence.
    if (Text.size() >= MaxQuoted && !(Utf8 && (C & 0xC0) == 0x80))
      return Text + "...";
    if ((C < 0x20 && C != '\t') || C == 0x7f || (C >= 0x80 && !Utf8))
      Text += llvm::formatv("\\x{0:X-2}", unsigned(C)).str();
    else
      Text += char(C);
  }
  return Text;
}

/// Line and column (1-based, columns in bytes like clang) of Offset in
/// Path, and the text of that line. Reads each file once.
class LineTable {
public:
  Location locate(llvm::StringRef Path, unsigned Offset,
                  std::string *LineText = nullptr) {
    Location L;
    L.File = Path.str();
    if (Path.empty())
      return L;
    llvm::StringRef Text = contents(Path);
    if (Offset > Text.size())
      return L;
    llvm::StringRef Before = Text.take_front(Offset);
    L.Line = unsigned(Before.count('\n')) + 1;
    size_t LineStart = Before.rfind('\n');
    LineStart = LineStart == llvm::StringRef::npos ? 0 : LineStart + 1;
    L.Column = Offset - unsigned(LineStart) + 1;
    if (LineText) {
      llvm::StringRef Rest = Text.drop_front(LineStart);
      *LineText = quotable(
          Rest.take_until([](char C) { return C == '\n'; }).rtrim('\r'));
    }
    return L;
  }

private:
  llvm::StringRef contents(llvm::StringRef Path) {
    auto It = Files.find(Path);
    if (It != Files.end())
      return It->second;
    std::string Text;
    if (auto Buffer = llvm::MemoryBuffer::getFile(Path))
      Text = (*Buffer)->getBuffer().str();
    return Files.try_emplace(Path, std::move(Text)).first->second;
  }

  llvm::StringMap<std::string> Files;
};

std::string absoluteIn(llvm::StringRef Path, llvm::StringRef Directory) {
  return resolvePath(Path, Directory);
}

Finding convert(const clang::tidy::ClangTidyError &Error, LineTable &Lines,
                llvm::StringRef Directory) {
  Finding F;
  F.Check = Error.DiagnosticName;
  bool CompileError = Error.DiagLevel == clang::tidy::ClangTidyError::Error &&
                      !Error.IsWarningAsError;
  F.Level = CompileError ? "error" : "warning";
  F.Message = Error.Message.Message;
  F.Where = Lines.locate(absoluteIn(Error.Message.FilePath, Directory),
                         Error.Message.FileOffset, &F.SourceLine);
  for (const auto &Message : Error.Notes) {
    Note N;
    N.Message = Message.Message;
    N.Where = Lines.locate(absoluteIn(Message.FilePath, Directory),
                           Message.FileOffset);
    F.Notes.push_back(std::move(N));
  }
  return F;
}

} // namespace

UnitResult
lintUnit(std::unique_ptr<clang::tidy::ClangTidyOptionsProvider> Provider,
         const clang::tooling::CompilationDatabase &Compilations,
         const std::string &File) {
  auto Recorder = llvm::makeIntrusiveRefCnt<RecordingFileSystem>(
      llvm::vfs::getRealFileSystem());
  auto BaseFS =
      llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(Recorder);
  clang::tidy::ClangTidyContext Context(std::move(Provider));
  facts::UnitFacts Facts;
  facts::setSink(&Facts);
  std::vector<clang::tidy::ClangTidyError> Errors =
      clang::tidy::runClangTidy(Context, Compilations, {File}, BaseFS,
                                /*ApplyAnyFix=*/false);
  facts::setSink(nullptr);

  // clang-tidy reports paths as the compile command spelled them.
  std::string Directory;
  auto Commands = Compilations.getCompileCommands(File);
  if (!Commands.empty())
    Directory = Commands.front().Directory;
  LineTable Lines;
  UnitResult Result;
  Result.File = File;
  for (const auto &Error : Errors) {
    Finding F = convert(Error, Lines, Directory);
    std::string Kind, Callee, Message;
    if (facts::parsePendingMessage(F.Message, Kind, Callee, Message)) {
      F.Message = std::move(Message);
      Facts.Uses.push_back({std::move(Kind), std::move(Callee), toFacts(F)});
      continue;
    }
    Result.Diagnostics.push_back(std::move(F));
  }
  Result.Inputs.assign(Recorder->Opened.begin(), Recorder->Opened.end());
  Result.Facts = std::move(Facts);
  return Result;
}

} // namespace unbounded::driver
