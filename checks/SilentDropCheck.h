//===- SilentDropCheck.h - unbounded-silent-drop ----------------*- C++ -*-===//

#ifndef UNBOUNDED_SILENTDROPCHECK_H
#define UNBOUNDED_SILENTDROPCHECK_H

#include "Summaries.h"
#include "utils/FunctionParents.h"
#include "utils/MetricRegistrations.h"
#include "utils/ReportedLocations.h"

#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/Support/Regex.h"
#include <memory>
#include <string>
#include <vector>

namespace clang::tidy::unbounded {

/// Finds backpressure made invisible: the result of an enqueue that can
/// fail is discarded, or its failure branch does nothing observable.
///
/// For the user-facing documentation see:
/// docs/checks/unbounded-silent-drop.md
class SilentDropCheck : public ClangTidyCheck {
public:
  SilentDropCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
  void onEndOfTranslationUnit() override;

  /// How a fallible enqueue's result is used.
  enum class Use {
    Handled,   ///< passed on, stored, returned, or branched on with handling
    Discarded, ///< an expression statement
    VoidCast,  ///< (void)q.try_push(x)
    Silent,    ///< branched on, and the failure branch does nothing
  };

private:
  bool isFallible(const CXXMemberCallExpr &Call) const;
  bool isInLibraryNamespace(const CXXRecordDecl &Queue) const;
  void summarize(::unbounded::facts::Summaries &Fallible,
                 const std::vector<const FunctionDecl *> &UserFunctions);
  void judgeCalls(const FunctionDecl &Function,
                  const ::unbounded::facts::Summaries &Fallible);
  bool isQueueClass(const CXXRecordDecl *Class) const;
  /// A push that a function returning nothing skips when a size condition
  /// says the queue is full, with no other branch: `if (!q_->full())
  /// q_->push(line);`.
  void checkSkippedPush(const FunctionDecl &Function);
  /// Reports Call of Callee, with the chain of Fallible's proof if given.
  void report(const CallExpr &Call, const FunctionDecl &Callee, Use How,
              const ::unbounded::facts::Summaries *Fallible);

  const std::vector<std::string> FallibleFunctions;
  const std::vector<std::string> TryMethods;
  const std::string QueueTypePattern;
  const std::vector<std::string> QueuePushMethods;
  const std::vector<std::string> LibraryNamespaces;
  const bool AllowVoidCast;
  const std::string FactsFile;
  /// Registrations of rejection counters (and every other metric) are
  /// collected alongside, for the checklist; see MetricRegistrations.
  const std::vector<std::string> MetricRegistrationCalls;
  utils::MetricRegistrations Registrations;
  std::shared_ptr<const ::unbounded::facts::Project> ProjectFacts;
  ASTContext *Context = nullptr;
  /// Library and name-matched enqueues whose result is dropped, and how.
  std::vector<std::pair<const CXXMemberCallExpr *, Use>> ByName;

  llvm::Regex QueueTypeNames;
  std::unique_ptr<utils::FunctionIndex> Functions;
  utils::ReportedLocations Reported;
};

} // namespace clang::tidy::unbounded

#endif
