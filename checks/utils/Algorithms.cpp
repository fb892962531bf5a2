//===- Algorithms.cpp - algorithms that run a callable per element -------===//

#include "utils/Algorithms.h"
#include "utils/AstNavigation.h"
#include "utils/Names.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::unbounded::utils {

namespace {

/// The algorithm's qualified name: a function of std, or a std::ranges
/// function object (`std::ranges::for_each(v, f)` calls operator() of the
/// object std::ranges::for_each).
std::string algorithmName(const CallExpr *Call) {
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call)) {
    if (Op->getOperator() != OO_Call || Op->getNumArgs() == 0)
      return "";
    const auto *Object =
        dyn_cast_or_null<VarDecl>(referencedDecl(Op->getArg(0)));
    return Object && Object->hasGlobalStorage()
               ? Object->getQualifiedNameAsString()
               : "";
  }
  const FunctionDecl *Callee = Call->getDirectCallee();
  return Callee ? Callee->getQualifiedNameAsString() : "";
}

/// Call's arguments as written: without the function object of a
/// std::ranges call and without defaulted ones (its projection).
llvm::SmallVector<const Expr *, 5> argumentsOf(const CallExpr *Call) {
  llvm::SmallVector<const Expr *, 5> Args(Call->arguments());
  if (isa<CXXOperatorCallExpr>(Call))
    Args.erase(Args.begin());
  while (!Args.empty() && isa<CXXDefaultArgExpr>(Args.back()))
    Args.pop_back();
  return Args;
}

/// Whether E is an iterator rather than a range: ranges are classes with
/// begin(); iterators into vectors can be classes too, so a class counts as
/// a range only when it has a begin member.
bool isRange(const Expr *E) {
  const CXXRecordDecl *Class =
      E->getType().getNonReferenceType()->getAsCXXRecordDecl();
  if (!Class || !Class->hasDefinition())
    return E->getType()->isArrayType();
  return llvm::any_of(Class->methods(),
                      [](const CXXMethodDecl *M) {
                        return M->getDeclName().isIdentifier() &&
                               M->getName() == "begin";
                      }) ||
         llvm::any_of(Class->decls(), [](const Decl *D) {
           const auto *Template = dyn_cast<FunctionTemplateDecl>(D);
           return Template && Template->getDeclName().isIdentifier() &&
                  Template->getName() == "begin";
         });
}

} // namespace

std::optional<AlgorithmCall> algorithmCall(const CallExpr *Call) {
  std::string Name = algorithmName(Call);
  llvm::StringRef Short = llvm::StringRef(Name);
  bool Ranges = Short.consume_front("std::ranges::");
  if (!Ranges && !Short.consume_front("std::"))
    return std::nullopt;
  llvm::SmallVector<const Expr *, 5> Args = argumentsOf(Call);
  if (Args.size() < 2)
    return std::nullopt;
  AlgorithmCall A;
  A.Call = Call;
  A.Name = Name;
  A.Callable = Args.back();
  // The ranges forms take either (range, ...) or (first, last, ...).
  bool RangeForm = Ranges && isRange(Args[0]);
  unsigned Rest = RangeForm ? 1 : 2; // index after the input
  auto SetInput = [&] {
    if (RangeForm) {
      A.Range = Args[0];
    } else {
      A.First = Args[0];
      A.Last = Args[1];
    }
  };
  if (Short == "for_each" && Args.size() == Rest + 1) {
    SetInput();
  } else if ((Short == "for_each_n" || Short == "generate_n") &&
             Args.size() == 3) {
    A.Count = Args[1];
    if (Short == "generate_n")
      A.Output = Args[0];
  } else if (Short == "generate" && Args.size() == Rest + 1) {
    SetInput();
    A.Output = Args[0];
  } else if (Short == "transform" && Args.size() >= Rest + 2) {
    SetInput();
    // (in, out, op), or (in, in2, out, op): the output is before the callable.
    A.Output = Args[Args.size() - 2];
  } else {
    return std::nullopt;
  }
  return A;
}

std::optional<AlgorithmCall> algorithmRunning(const LambdaExpr *Lambda,
                                              const FunctionParents &Parents) {
  const Stmt *Consumer = Parents.consumer(Lambda);
  while (isa_and_nonnull<CXXConstructExpr>(Consumer))
    Consumer = Parents.consumer(Consumer);
  const auto *Call = dyn_cast_or_null<CallExpr>(Consumer);
  if (!Call)
    return std::nullopt;
  std::optional<AlgorithmCall> Algorithm = algorithmCall(Call);
  if (!Algorithm || ignoreWrappers(Algorithm->Callable) != Lambda)
    return std::nullopt;
  return Algorithm;
}

const Expr *outputContainer(const Expr *Output) {
  Output = ignoreWrappers(Output);
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Output)) {
    const CXXMethodDecl *Method = Member->getMethodDecl();
    if (Method && Method->getDeclName().isIdentifier() &&
        Method->getName() == "begin")
      return Member->getImplicitObjectArgument();
    return nullptr;
  }
  const auto *Call = dyn_cast<CallExpr>(Output);
  if (Call && Call->getNumArgs() >= 1 &&
      isNamedAnyOf(Call->getDirectCallee(),
                   {"::std::back_inserter", "::std::front_inserter",
                    "::std::inserter", "::std::begin"}))
    return Call->getArg(0);
  return nullptr;
}

} // namespace clang::tidy::unbounded::utils
