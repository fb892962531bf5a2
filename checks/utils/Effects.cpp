//===- Effects.cpp - findings that rest on what a callee does -------------===//

#include "utils/Effects.h"

#include "clang/AST/ASTContext.h"
#include "llvm/ADT/StringSet.h"
#include <mutex>

namespace clang::tidy::unbounded::utils {

namespace facts = ::unbounded::facts;

std::shared_ptr<const facts::Project> loadFacts(ClangTidyCheck &Check,
                                                llvm::StringRef Path) {
  if (Path.empty())
    return nullptr;
  auto Loaded = facts::loadProjectFile(Path);
  if (Loaded)
    return *Loaded;
  std::string Why = llvm::toString(Loaded.takeError());
  // Every check reads the option; the error is said once.
  static std::mutex Mutex;
  static llvm::StringSet<> Said;
  std::lock_guard<std::mutex> Lock(Mutex);
  if (Said.insert(Why).second)
    Check.configurationDiag("%0 (option '%1')", DiagnosticIDs::Error)
        << Why << FactsFileOption;
  return nullptr;
}

void noteChain(ClangTidyCheck &Check, SourceManager &SM,
               const std::vector<facts::Site> &Chain) {
  for (const facts::Site &Step : Chain) {
    SourceLocation Loc = facts::locationOf(Step, SM);
    if (Loc.isValid())
      Check.diag(Loc, "%0", DiagnosticIDs::Note) << Step.Text;
  }
}

CallFinding callFinding(SourceLocation Loc, std::string Message,
                        const ExecutionContext &Where,
                        const LoopBounds &Bounds) {
  CallFinding Finding{Loc, std::move(Message), {}};
  if (std::optional<ContextNote> Note = contextNote(Where, Bounds))
    Finding.Notes.push_back(*Note);
  return Finding;
}

bool mayHaveEffect(const facts::Summaries &Effects,
                   const FunctionDecl &Callee) {
  return mayHaveEffect(Effects, facts::usrOf(Callee));
}

bool mayHaveEffect(const facts::Summaries &Effects, llvm::StringRef CalleeUsr) {
  if (!Effects.settled(CalleeUsr))
    return facts::sink() != nullptr;
  return Effects.effect(CalleeUsr) != nullptr;
}

void reportCall(ClangTidyCheck &Check, const facts::Summaries &Effects,
                const FunctionDecl &Callee, const CallFinding &Finding) {
  reportCall(Check, Effects, facts::usrOf(Callee),
             Callee.getASTContext().getSourceManager(), Finding);
}

void reportCall(ClangTidyCheck &Check, const facts::Summaries &Effects,
                llvm::StringRef CalleeUsr, SourceManager &SM,
                const CallFinding &Finding) {
  auto Notes = [&] {
    for (const ContextNote &Note : Finding.Notes)
      Check.diag(Note.Loc, "%0", DiagnosticIDs::Note) << Note.Text;
  };
  if (!Effects.settled(CalleeUsr)) {
    if (!facts::sink())
      return;
    Check.diag(Finding.Loc, "%0")
        << facts::pendingMessage(Effects.kind(), CalleeUsr, Finding.Message);
    Notes();
    return;
  }
  const facts::Summary *Effect = Effects.effect(CalleeUsr);
  if (!Effect)
    return;
  Check.diag(Finding.Loc, "%0")
      << facts::withDetail(Finding.Message, Effect->Detail);
  Notes();
  noteChain(Check, SM, Effect->Chain);
}

} // namespace clang::tidy::unbounded::utils
