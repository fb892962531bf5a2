//===- ThreadCreationCheck.h - unbounded-thread-creation --------*- C++ -*-===//

#ifndef UNBOUNDED_THREADCREATIONCHECK_H
#define UNBOUNDED_THREADCREATIONCHECK_H

#include "Summaries.h"
#include "utils/Analyses.h"
#include "utils/FunctionParents.h"
#include "utils/ReportedLocations.h"
#include "utils/RequestContext.h"
#include "utils/SharedOptions.h"
#include "utils/ThreadLifetime.h"
#include "utils/ThreadStarts.h"

#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/Support/Regex.h"
#include <string>
#include <vector>

namespace clang::tidy::unbounded {

/// Finds threads started once per loop iteration or per request with
/// nothing bounding how many run at once.
///
/// For the user-facing documentation see:
/// docs/checks/unbounded-thread-creation.md
class ThreadCreationCheck : public ClangTidyCheck {
public:
  ThreadCreationCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

private:
  using Spawn = utils::ThreadStart;
  /// A spawn whose thread outlives its function, waiting to learn whether
  /// the function is a handler or is called from an unbounded loop.
  struct Deferred {
    Spawn S;
    utils::ThreadLifetime Lifetime;
    const FunctionDecl *Function;
  };
  /// A thread started per request or per iteration and handed to a project
  /// function (Lifetime.Receiver): judged by what that function does with
  /// it, wherever it is defined.
  struct Handed {
    Spawn S;
    utils::ExecutionContext Where;
    utils::ThreadLifetime Lifetime;
  };
  /// A call from Caller to a project function; InLambda: inside a lambda
  /// of Caller's, so it runs when the lambda does, not when Caller does.
  struct Call {
    const Expr *E;
    const FunctionDecl *Callee;
    const FunctionDecl *Caller;
    bool InLambda;
  };

  void onSpawn(const Spawn &S);
  void collectCalls(const FunctionDecl &Caller, const Stmt *S, bool InLambda);
  std::vector<::unbounded::facts::Site> chainOf(const Deferred &Started) const;
  void diagnose(const Spawn &S, const utils::ExecutionContext &Where,
                const utils::ThreadLifetime &Lifetime);
  /// The threads handed on in this translation unit, judged by the
  /// `thread-param` facts of their receivers.
  void judgeHandedSpawns(const std::vector<const FunctionDecl *> &Functions);
  void diagnoseCall(const Call &C, const utils::ExecutionContext &Where,
                    const ::unbounded::facts::Summaries &Threads);
  /// C constructs, per request or iteration, an object that outlives it and
  /// whose constructor starts a thread the object keeps (`owned-thread`).
  void diagnoseOwner(const Call &C, const utils::ExecutionContext &Where,
                     const ::unbounded::facts::Summaries &Owned);
  bool report(const Expr *At, bool IsCall, llvm::StringRef Subject,
              const utils::ExecutionContext &Where,
              const utils::ThreadLifetime &Lifetime);
  void noteContext(const utils::ExecutionContext &Where);
  void noteFate(const Spawn &S, const utils::ThreadLifetime &Lifetime);

  const utils::ThreadStartNames Starts;
  const utils::LoopOptions Loops;
  const utils::CountingLimiterOptions Limits;
  const std::string FactsFile;

  llvm::Regex RegistrationNames;

  std::shared_ptr<const ::unbounded::facts::Project> ProjectFacts;
  ASTContext *Context = nullptr;
  std::unique_ptr<utils::FunctionIndex> Functions;
  /// What spawns and calls are judged with.
  utils::PerTranslationUnit<utils::RequestAnalyses> Analysis;
  std::vector<Deferred> DeferredSpawns;
  std::vector<Handed> HandedSpawns;
  std::vector<Call> Calls;
  llvm::DenseMap<const FunctionDecl *, const CallExpr *> RegisteredHandlers;
  utils::ReportedLocations Reported;
  /// Constructions reported for the thread their object keeps: a call may
  /// also be pending for the `thread` effect, which the join may drop.
  utils::ReportedLocations ReportedOwners;
};

} // namespace clang::tidy::unbounded

#endif
