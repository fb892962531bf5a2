//===- QueueGrowthCheck.h - unbounded-queue-growth --------------*- C++ -*-===//

#ifndef UNBOUNDED_QUEUEGROWTHCHECK_H
#define UNBOUNDED_QUEUEGROWTHCHECK_H

#include "Summaries.h"
#include "utils/Analyses.h"
#include "utils/FunctionParents.h"
#include "utils/LimiterDetection.h"
#include "utils/Queues.h"
#include "utils/ReportedLocations.h"
#include "utils/SharedOptions.h"

#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/Support/Regex.h"
#include <memory>
#include <string>
#include <vector>

namespace clang::tidy::unbounded {

/// Finds producer/consumer queues that can grow without bound: a container
/// shared between threads under a lock, or an unbounded concurrent queue,
/// whose producer pushes without comparing the size to a limit and without
/// waiting for space.
///
/// For the user-facing documentation see:
/// docs/checks/unbounded-queue-growth.md
class QueueGrowthCheck : public ClangTidyCheck {
public:
  QueueGrowthCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
  void onEndOfTranslationUnit() override;

private:
  /// A push into shared storage, judged once the whole TU has been seen.
  struct Push {
    const CallExpr *Call;
    const ValueDecl *Queue;
    llvm::StringRef Container; ///< the queue's class, for the message
    bool Concurrent; ///< an unbounded concurrent queue, no lock needed
  };
  /// A node linked into a hand-written linked queue, judged like a push.
  struct Link {
    const Expr *Assignment;
    utils::LinkedAppend Append;
  };
  void consume(const CallExpr &Call);
  /// A member call in a template's body whose object or arguments depend
  /// on a template parameter: a push or a consumer by name.
  void dependentCall(const CallExpr &Call);
  void addPush(const CallExpr &Call, const NamedDecl *Container,
               bool Concurrent);

  void checkPush(const Push &P);
  /// Whether Queue is shared between threads at P: the push holds a lock,
  /// or a consumer takes one before taking items out.
  bool isShared(const Push &P, const utils::FunctionParents &Parents) const;
  bool drainedByWrites(const CallExpr &Take) const;
  /// Whether a consumer of Queue takes items out as writes complete.
  bool isSendQueue(const ValueDecl *Queue) const;
  /// Reports a link into a linked queue with no bound, once per function.
  void checkLink(const Link &L, llvm::DenseSet<const FunctionDecl *> &Reported);
  /// Notes where the project calls Push, the function that pushes: the
  /// producers, through a method of the same class that forwards to it.
  void noteProducers(const FunctionDecl &Push);
  /// Keeps Function, whose push onto Queue at At was reported, for the
  /// summaries of the functions that feed it.
  void reportedPushIn(const FunctionDecl &Function, SourceLocation At,
                      llvm::StringRef Queue);
  /// Summaries of the project functions that push onto a queue reported to
  /// grow without bound (effect `queue-feed`), through those that pass
  /// their own parameter on to one; reports the calls that produce the
  /// items, in this file and, through the join, in others.
  void summarizeFeeds();
  bool holdsLock(const Stmt *Body, const Stmt *Target) const;
  bool isBounded(const Stmt *Site, const ValueDecl *Queue,
                 const utils::FunctionParents &Parents) const;
  bool returnsBorrowedItem(const Push &P,
                           const utils::FunctionParents &Parents) const;
  bool guardedThroughVariable(const Stmt *Site,
                              const utils::FunctionParents &Parents,
                              const utils::LimiterDetection &Limiter) const;
  bool waitsForSpace(const Stmt *S, const Stmt *Target) const;
  bool removedBefore(const Stmt *S, const Stmt *Target,
                     const ValueDecl *Queue) const;
  bool trimmedAfter(const Stmt *S, const Stmt *Target,
                    const ValueDecl *Queue) const;

  const std::vector<std::string> LockedPushFunctions;
  const std::vector<std::string> ConcurrentPushFunctions;
  const std::string SizeNamePattern;
  const std::string SpacePattern;
  const utils::LimiterOptions Limits;
  const std::string FactsFile;
  std::shared_ptr<const ::unbounded::facts::Project> ProjectFacts;

  llvm::Regex SpaceNames;

  ASTContext *Context = nullptr;
  std::unique_ptr<utils::FunctionIndex> Functions;
  /// Limit checks, with SizeNamePattern naming the counters.
  utils::PerTranslationUnit<utils::LimiterDetection> Detection;
  std::vector<Push> Pushes;
  std::vector<Link> Links;
  /// A function whose push was reported, and where.
  struct Fed {
    const FunctionDecl *Function;
    SourceLocation At;
    std::string Queue;
  };
  std::vector<Fed> FedFunctions;
  utils::ReportedLocations Reported;
  /// The calls that take items out of each queue.
  llvm::DenseMap<const ValueDecl *, llvm::SmallVector<const CallExpr *, 2>>
      Consumers;
};

} // namespace clang::tidy::unbounded

#endif
