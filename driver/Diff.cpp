//===- Diff.cpp - report only changed lines -------------------------------===//

#include "Diff.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Program.h"

namespace unbounded::driver {
namespace json = llvm::json;

static bool matchesName(llvm::StringRef Path, llvm::StringRef Name) {
  if (Path == Name)
    return true;
  return Path.ends_with(Name) && Path.size() > Name.size() &&
         Path[Path.size() - Name.size() - 1] == '/';
}

bool LineFilter::contains(const Location &L) const {
  for (const auto &[Name, Ranges] : Files) {
    if (!matchesName(L.File, Name))
      continue;
    if (Ranges.empty())
      return true;
    for (const auto &[First, Last] : Ranges)
      if (L.Line >= First && L.Line <= Last)
        return true;
  }
  return false;
}

llvm::Expected<LineFilter> parseLineFilter(llvm::StringRef Text) {
  auto Parsed = json::parse(Text);
  if (!Parsed)
    return Parsed.takeError();
  const json::Array *Entries = Parsed->getAsArray();
  if (!Entries)
    return malformed("not a JSON array");
  LineFilter Filter;
  for (const json::Value &V : *Entries) {
    const json::Object *O = V.getAsObject();
    auto Name = O ? O->getString("name") : std::nullopt;
    if (!Name || Name->empty())
      return malformed("an entry needs a non-empty string 'name'");
    auto &Ranges = Filter.Files[Name->str()];
    const json::Array *Lines = O->getArray("lines");
    if (!Lines)
      continue;
    for (const json::Value &R : *Lines) {
      const json::Array *Pair = R.getAsArray();
      if (!Pair || Pair->size() != 2 || !(*Pair)[0].getAsInteger() ||
          !(*Pair)[1].getAsInteger())
        return malformed("'lines' holds [first, last] pairs of integers");
      int64_t First = *(*Pair)[0].getAsInteger();
      int64_t Last = *(*Pair)[1].getAsInteger();
      if (First < 1 || Last < First || Last > (int64_t(1) << 31))
        return malformed("a line range is empty or out of bounds");
      Ranges.emplace_back(unsigned(First), unsigned(Last));
    }
  }
  return Filter;
}

LineFilter parseUnifiedDiff(llvm::StringRef Text, llvm::StringRef TopLevel) {
  LineFilter Filter;
  std::vector<std::pair<unsigned, unsigned>> *Current = nullptr;
  llvm::SmallVector<llvm::StringRef, 0> Lines;
  Text.split(Lines, '\n');
  for (llvm::StringRef Line : Lines) {
    if (Line.consume_front("+++ ")) {
      Current = nullptr;
      if (Line.consume_front("b/"))
        Current = &Filter.Files[resolvePath(Line.rtrim("\r\t"), TopLevel)];
      continue;
    }
    if (!Current || !Line.consume_front("@@ "))
      continue;
    // @@ -a,b +c,d @@: lines c .. c+d-1 are new; d = 0 is a pure deletion.
    llvm::StringRef Added = Line.split(' ').second.split(' ').first;
    if (!Added.consume_front("+"))
      continue;
    auto [StartText, CountText] = Added.split(',');
    unsigned Start = 0, Count = 1;
    if (StartText.getAsInteger(10, Start) ||
        (!CountText.empty() && CountText.getAsInteger(10, Count)))
      continue;
    if (Count > 0)
      Current->emplace_back(Start, Start + Count - 1);
  }
  // A file whose hunks only delete lines keeps no line, not all of them.
  for (auto &[Name, Ranges] : Filter.Files)
    if (Ranges.empty())
      Ranges.emplace_back(0, 0);
  return Filter;
}

/// Runs git with Args in Directory; its stdout, or an error naming stderr.
static llvm::Expected<std::string> git(llvm::ArrayRef<llvm::StringRef> Args,
                                       llvm::StringRef Directory) {
  auto Git = llvm::sys::findProgramByName("git");
  if (!Git)
    return malformed("git not found on PATH");
  llvm::SmallString<128> Out, Err;
  llvm::sys::fs::createTemporaryFile("unbounded-git", "out", Out);
  llvm::sys::fs::createTemporaryFile("unbounded-git", "err", Err);
  std::vector<llvm::StringRef> Argv = {*Git, "-C", Directory};
  Argv.insert(Argv.end(), Args.begin(), Args.end());
  std::optional<llvm::StringRef> Redirects[] = {std::nullopt, Out.str(),
                                                Err.str()};
  int Status = llvm::sys::ExecuteAndWait(*Git, Argv, std::nullopt, Redirects);
  auto Output = llvm::MemoryBuffer::getFile(Out);
  auto Errors = llvm::MemoryBuffer::getFile(Err);
  llvm::sys::fs::remove(Out);
  llvm::sys::fs::remove(Err);
  if (Status != 0) {
    std::string Why = Errors ? (*Errors)->getBuffer().split('\n').first.str()
                             : std::string("failed");
    return malformed("git " + Args.front() + ": " + Why);
  }
  return Output ? (*Output)->getBuffer().str() : std::string();
}

llvm::Expected<LineFilter> changedLinesSince(llvm::StringRef Revision,
                                             llvm::StringRef Directory) {
  auto TopLevel = git({"rev-parse", "--show-toplevel"}, Directory);
  if (!TopLevel)
    return TopLevel.takeError();
  auto Diff = git({"diff", "-U0", "--no-color", "--no-ext-diff", "--no-renames",
                   Revision, "--"},
                  Directory);
  if (!Diff)
    return Diff.takeError();
  return parseUnifiedDiff(*Diff, llvm::StringRef(*TopLevel).trim());
}

} // namespace unbounded::driver
