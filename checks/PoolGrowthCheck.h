//===- PoolGrowthCheck.h - unbounded-pool-growth ----------------*- C++ -*-===//

#ifndef UNBOUNDED_POOLGROWTHCHECK_H
#define UNBOUNDED_POOLGROWTHCHECK_H

#include "Summaries.h"
#include "utils/Analyses.h"
#include "utils/Arguments.h"
#include "utils/Clients.h"
#include "utils/FunctionParents.h"
#include "utils/LimiterDetection.h"
#include "utils/LoopBounds.h"
#include "utils/ReportedLocations.h"
#include "utils/SharedOptions.h"
#include "utils/ThreadStarts.h"

#include "clang-tidy/ClangTidyCheck.h"
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace clang::tidy::unbounded {

/// Finds worker pools that grow without a maximum (a worker added on
/// demand with no comparison against a limit, and workers that never exit
/// while idle) and pools sized by a large constant or by the input.
///
/// For the user-facing documentation see:
/// docs/checks/unbounded-pool-growth.md
class PoolGrowthCheck : public ClangTidyCheck {
public:
  PoolGrowthCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
  void onEndOfTranslationUnit() override;

private:
  void checkGrowth(const utils::ThreadStart &Start);
  void checkSizing(const Expr *Construction, llvm::StringRef PoolName,
                   const Expr *Count);
  void checkLoopSizing(const utils::ThreadStart &Start, const Stmt *Loop,
                       const utils::FunctionParents &Parents);
  void noteInput(const utils::TripCount &Size);
  const FieldDecl *incrementedCounter(const FunctionDecl &Growth) const;
  /// Whether Method is called in this translation unit, and every call
  /// compares the worker count with a limit first (`if (active_ <
  /// max_) addWorker();`): the caller bounds the growth.
  bool limitedByEveryCaller(const CXXMethodDecl &Method,
                            const utils::LimiterDetection &Limiter);
  void noteScaleDown(const utils::ThreadStart &Start);
  std::optional<unsigned> countArgument(const CXXRecordDecl &Pool,
                                        const CXXConstructorDecl *Ctor) const;
  /// The argument of a pool's construction that counts its threads, or
  /// nullptr (countArgument's index, when the construction has it).
  const Expr *countOf(const CXXConstructExpr &Construct) const;
  bool clampedBefore(const ValueDecl *Count, const Stmt *Use,
                     const utils::FunctionParents &Parents) const;

  /// Summaries of pool sizes through the project's own functions: which
  /// parameters and members set how many threads start, and the calls
  /// that pass them the input or a large constant.
  void summarizeSizes();
  void summarizeFunction(const FunctionDecl &Function,
                         ::unbounded::facts::Summaries &Sizes);
  /// A loop over a member container that calls a project method on each
  /// element: the elements do what that method does.
  void summarizeElementCalls(const Stmt &Loop, const FunctionDecl &Function,
                             ::unbounded::facts::Summaries &Sizes);
  /// What E adds to a pool each time it runs: a thread, a library client's
  /// connection or a worker process; Pool is the effect's detail.
  struct PoolUnit {
    llvm::StringLiteral Pool;
    std::string What;
  };
  std::optional<PoolUnit> unitAt(const Expr &E) const;
  /// The thread count a library pool's construction is given
  /// (`boost::asio::thread_pool pool_(n)`, one of PoolTypes), or nullptr.
  const Expr *libraryPoolCount(const Expr &E) const;
  /// The PoolSizers function E calls, if any, with its arguments in Args;
  /// the argument's parameter gets the effect of starting that many
  /// threads.
  const FunctionDecl *
  recordSizerCall(const Expr &E, llvm::SmallVectorImpl<const Expr *> &Args,
                  ::unbounded::facts::Summaries &Sizes) const;
  /// The project function or constructor E runs (a PoolSizers function
  /// included, as recordSizerCall records it), with its arguments in Args.
  const FunctionDecl *sizingCallee(const Expr &E,
                                   llvm::SmallVectorImpl<const Expr *> &Args,
                                   ::unbounded::facts::Summaries &Sizes) const;
  void summarizeCall(const FunctionDecl &Caller, const Expr *Call,
                     const FunctionDecl &Callee,
                     llvm::ArrayRef<const Expr *> Args,
                     ::unbounded::facts::Summaries &Sizes);
  void checkSizingCall(const FunctionDecl &Caller, const Expr *Call,
                       const FunctionDecl &Callee, unsigned Index,
                       const Expr *Arg,
                       const ::unbounded::facts::Summaries &Sizes);
  /// A member assigned from the input (`cfg.threads = atoi(optarg)`),
  /// reported there when the member, through any caller that passes it
  /// on, sizes a pool.
  /// An integer member given a value read from the input: assigned it, or
  /// initialized in a braced list from it or from a local that holds it.
  struct InputIntoMember {
    const FunctionDecl *Function;
    const Expr *Value;
    const FieldDecl *Member;
  };
  void addInputsInto(const InitListExpr &List, const FunctionDecl &Function);
  void checkInputIntoMember(const InputIntoMember &Input,
                            const ::unbounded::facts::Summaries &Sizes);

  const unsigned MaxThreads;
  const unsigned MaxCoreMultiple;
  const std::vector<utils::NamedArgument> PoolTypes;
  const std::vector<utils::NamedArgument> PoolSizers;
  const std::string PoolTypePattern;
  const std::string ThreadCountParameterPattern;
  const std::string InputCountPattern;
  const std::string WorkerCountPattern;
  const std::string GrowthFunctionPattern;
  const utils::CountingLimiterOptions Limits;
  const utils::ClientOptions Libraries;
  const utils::ThreadStartNames Starts;
  const std::string FactsFile;
  std::shared_ptr<const ::unbounded::facts::Project> ProjectFacts;

  llvm::Regex PoolTypeNames;
  llvm::Regex ThreadCountParameters;
  llvm::Regex InputCounts;
  llvm::Regex GrowthFunctions;

  /// An argument to a project function, judged once the summaries are
  /// joined.
  struct SizingCall {
    const FunctionDecl *Caller;
    const Expr *Call;
    const FunctionDecl *Callee;
    unsigned Index;
    const Expr *Arg;
  };
  std::vector<SizingCall> Pending;
  std::vector<InputIntoMember> InputsIntoMembers;

  ASTContext *Context = nullptr;
  std::unique_ptr<utils::FunctionIndex> Functions;
  /// Pool sizes and loop trip counts, against MaxThreads.
  utils::PerTranslationUnit<utils::LoopBounds> Bounds;
  utils::ReportedLocations Reported;
};

} // namespace clang::tidy::unbounded

#endif
