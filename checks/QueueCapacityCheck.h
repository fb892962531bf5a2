//===- QueueCapacityCheck.h - unbounded-queue-capacity ----------*- C++ -*-===//

#ifndef UNBOUNDED_QUEUECAPACITYCHECK_H
#define UNBOUNDED_QUEUECAPACITYCHECK_H

#include "utils/Analyses.h"
#include "utils/Arguments.h"
#include "utils/LoopBounds.h"
#include "utils/ReportedLocations.h"

#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/Support/Regex.h"
#include <string>
#include <vector>

namespace clang::tidy::unbounded {

/// Finds queues, ring buffers and channels given a constant capacity above
/// a threshold, and queue size checks against limits that bound nothing.
///
/// For the user-facing documentation see:
/// docs/checks/unbounded-queue-capacity.md
class QueueCapacityCheck : public ClangTidyCheck {
public:
  QueueCapacityCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }

private:
  std::optional<unsigned>
  capacityArgument(const CXXRecordDecl &Queue,
                   const CXXConstructorDecl *Ctor) const;
  bool looksLikeQueue(const CXXRecordDecl &Record) const;
  void checkCapacity(const Expr *Capacity, const CXXRecordDecl *Queue,
                     llvm::StringRef What, ASTContext &Ctx);
  void reportCapacity(SourceLocation Loc, llvm::StringRef What,
                      uint64_t Capacity, const CXXRecordDecl *Queue,
                      ASTContext &Ctx);
  void checkTemplateCapacity(const DeclaratorDecl &Declared, ASTContext &Ctx);
  void checkSizeComparison(const BinaryOperator &Compare,
                           const CXXMemberCallExpr &Size, ASTContext &Ctx);

  const uint64_t MaxCapacity;
  const std::vector<utils::NamedArgument> QueueTypes;
  const std::vector<utils::NamedArgument> CapacityFunctions;
  const std::string QueueTypePattern;
  const std::string CapacityParameterPattern;
  const std::string QueueVariablePattern;

  llvm::Regex QueueTypeNames;
  llvm::Regex CapacityParameters;
  llvm::Regex QueueVariables;
  /// Capacities and size limits, against MaxCapacity.
  utils::PerTranslationUnit<utils::LoopBounds> Bounds;
  utils::ReportedLocations Reported;
};

} // namespace clang::tidy::unbounded

#endif
