//===- FormatText.cpp - clang-tidy's diagnostic format --------------------===//
//
// file:line:col: warning: message [check], the source line with a caret,
// then the notes, as clang-tidy prints them; with a baseline each finding
// ends in its state, and fixed findings follow.
//
//===----------------------------------------------------------------------===//

#include "Formats.h"

namespace unbounded::driver {

static std::string position(const Location &L) {
  if (L.File.empty())
    return "";
  if (L.Line == 0)
    return L.File + ": ";
  return L.File + ":" + std::to_string(L.Line) + ":" +
         std::to_string(L.Column) + ": ";
}

/// The source line and a caret under the column, tabs kept for alignment.
static std::string snippet(const Finding &F) {
  if (F.SourceLine.empty() || F.Where.Column == 0)
    return "";
  std::string Caret;
  for (unsigned I = 0; I + 1 < F.Where.Column && I < F.SourceLine.size(); ++I)
    Caret += F.SourceLine[I] == '\t' ? '\t' : ' ';
  return F.SourceLine + "\n" + Caret + "^\n";
}

static std::string diagnostic(const Finding &F, llvm::StringRef Level) {
  std::string Text =
      position(F.Where) + Level.str() + ": " + F.Message + " [" + F.Check + "]";
  if (F.State != BaselineState::None)
    Text += " (" + stateName(F.State).str() + ")";
  Text += "\n" + snippet(F);
  for (const Note &N : F.Notes)
    Text += position(N.Where) + "note: " + N.Message + "\n";
  if (F.Confirmed)
    Text +=
        position(F.Where) + "note: " + confirmationText(*F.Confirmed) + "\n";
  return Text;
}

std::string plural(size_t N, llvm::StringRef Word) {
  return std::to_string(N) + " " + Word.str() + (N == 1 ? "" : "s");
}

std::string formatText(const Report &R) {
  std::vector<const Finding *> All;
  for (const Finding &F : R.Findings)
    All.push_back(&F);
  for (const Finding &F : R.Errors)
    All.push_back(&F);
  llvm::stable_sort(All,
                    [](const Finding *A, const Finding *B) { return *A < *B; });
  std::string Text;
  for (const Finding *F : All)
    Text += diagnostic(*F, F->Level);
  for (const Finding &F : R.Fixed)
    Text += position(F.Where) + "fixed: " + F.Message + " [" + F.Check + "]\n";
  if (R.RuntimeOnly)
    for (const RuntimeLeak &L : *R.RuntimeOnly)
      Text += (L.Site.File.empty()
                   ? std::string()
                   : L.Site.File + ":" + std::to_string(L.Site.Line) + ": ") +
              "runtime-only: " + L.describe("") + "; no finding covers it\n";
  return Text;
}

} // namespace unbounded::driver
