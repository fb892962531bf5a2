//===- ClientPerCallCheck.h - unbounded-client-per-call ---------*- C++ -*-===//

#ifndef UNBOUNDED_CLIENTPERCALLCHECK_H
#define UNBOUNDED_CLIENTPERCALLCHECK_H

#include "Summaries.h"
#include "utils/Analyses.h"
#include "utils/Clients.h"
#include "utils/FunctionParents.h"
#include "utils/ReportedLocations.h"
#include "utils/RequestContext.h"
#include "utils/SharedOptions.h"

#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <memory>
#include <string>
#include <vector>

namespace clang::tidy::unbounded {

/// Finds network and database clients, connections and pools whose whole
/// life is one call, one loop iteration or one request.
///
/// For the user-facing documentation see:
/// docs/checks/unbounded-client-per-call.md
class ClientPerCallCheck : public ClangTidyCheck {
public:
  ClientPerCallCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

private:
  /// Where a client's life ends, as far as its function shows.
  struct Fate {
    bool PerCall = false;              ///< its whole life is within the call
    const CallExpr *Release = nullptr; ///< the release call, if any
  };

  /// A library client created in a function of this translation unit.
  struct Creation {
    const FunctionDecl *Function;
    const Expr *E;
    std::string What;
    bool IsHandle;
  };

  /// ConnectedAt: for a socket, the call that connects it (a note).
  void onCreation(const Expr *Creation, llvm::StringRef What, bool IsHandle,
                  llvm::StringRef Release, const Expr *ConnectedAt = nullptr);
  void onOneShot(const CallExpr &Call);
  /// Whether E runs a few times per program, not once per call of its
  /// function: after an early return of a cached value, behind a guard
  /// that lets it run once (`if (fd_ == -1) { ...; fd_ = ...; }`), in
  /// `main` or a function only `main` calls, outside loops, for a thread's
  /// life (servesThreadLife), or in a constructor or a method only
  /// constructors call (once per object).
  bool runsAFewTimes(const Expr *E, const utils::FunctionParents &Parents);
  /// Whether E makes a connection that a thread keeps for its life: E is
  /// followed by a loop, in a function only ever run as a thread's body,
  /// and every thread running it starts once or in a counted loop (a set
  /// of workers, not one thread per item, per request or while a condition
  /// holds).
  bool servesThreadLife(const Expr *E, const utils::FunctionParents &Parents);
  /// Whether Function is a method that only constructors of its class call
  /// in this translation unit, outside loops: it runs once per object, like
  /// them.
  bool calledOnlyFromConstructors(const FunctionDecl &Function);
  bool keptBeyondCall(const Expr *E, const utils::FunctionParents &Parents);
  void recordCreation(const Expr *E, llvm::StringRef What, bool IsHandle,
                      const utils::FunctionParents *Parents);
  void summarizeSocketClasses(
      ::unbounded::facts::Summaries &Clients,
      const std::vector<const FunctionDecl *> &UserFunctions);
  void summarize(::unbounded::facts::Summaries &Clients,
                 const std::vector<const FunctionDecl *> &UserFunctions);
  void judgeCalls(const FunctionDecl &Function, const Stmt *S,
                  const ::unbounded::facts::Summaries &Clients);
  /// Judges an object of a project client class made by \p Made (its
  /// construction, or std::make_unique/make_shared) with \p Ctor.
  void judgeConstruction(const Expr &Made, const CXXConstructorDecl &Ctor,
                         QualType Type, const utils::FunctionParents &Parents,
                         const ::unbounded::facts::Summaries &Clients);
  void judgeCall(const CallExpr &Call, const utils::FunctionParents &Parents,
                 const ::unbounded::facts::Summaries &Clients);
  /// Reports \p What at \p Loc (once), with the connections' origin
  /// (\p Callee's chain down to the library call) and the advice.
  void reportClient(SourceLocation Loc, const FunctionDecl &Callee,
                    const std::string &What,
                    const utils::ExecutionContext &Where,
                    const ::unbounded::facts::Summaries &Clients);
  utils::ExecutionContext
  contextOf(const Expr *E, const utils::FunctionParents &Parents) const;
  /// The fate of a handle assigned to a member: per call when the function
  /// releases that member unconditionally before it ends.
  /// The library function (a ClientFactories release) that the caller
  /// applies to the handle a project factory's Call returned into a local
  /// (`redisFree(conn)` after `conn = connect()`), or "".
  std::string releaseOfResult(const CallExpr &Call,
                              const utils::FunctionParents &Parents) const;
  /// Judges each `socket()` whose descriptor the same function connects
  /// as a client created there.
  void judgeSockets(const std::vector<const FunctionDecl *> &UserFunctions);
  Fate fateOfMember(const Expr *Member, llvm::StringRef Release,
                    const utils::FunctionParents &Parents) const;
  Fate fateOfValue(const Expr *Value, llvm::StringRef Release,
                   const utils::FunctionParents &Parents);
  Fate fateOfVariable(const VarDecl &Var, llvm::StringRef Release,
                      const utils::FunctionParents &Parents);
  bool hasAsioConnection(const utils::FunctionParents &Parents) const;

  const utils::ClientOptions Libraries;
  const std::vector<std::string> OwnerFactories;
  const std::vector<std::string> OneShotFunctions;
  const utils::LoopOptions Loops;
  const utils::CountingLimiterOptions Limits;
  const std::string FactsFile;
  std::shared_ptr<const ::unbounded::facts::Project> ProjectFacts;
  std::vector<Creation> Created;

  ASTContext *Context = nullptr;
  std::unique_ptr<utils::FunctionIndex> Functions;
  /// What creations and calls are judged with.
  utils::PerTranslationUnit<utils::RequestAnalyses> Analysis;
  utils::ReportedLocations Reported;
  /// The variables keptBeyondCall is following, innermost last.
  llvm::SmallPtrSet<const VarDecl *, 4> Following;
};

} // namespace clang::tidy::unbounded

#endif
