//===- LimiterDetection.cpp - what bounds concurrent executions -----------===//

#include "utils/LimiterDetection.h"
#include "utils/AstNavigation.h"
#include "utils/LoopBounds.h"
#include "utils/Names.h"
#include "utils/ThreadLifetime.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

namespace clang::tidy::unbounded::utils {

LimiterDetection::LimiterDetection(ASTContext &Ctx,
                                   std::vector<std::string> Functions,
                                   llvm::StringRef TypePattern,
                                   llvm::StringRef CounterPattern)
    : Ctx(Ctx), Functions(std::move(Functions)), Types(TypePattern),
      Counters(CounterPattern, llvm::Regex::IgnoreCase),
      Maximums("max|limit|cap|ceiling|bound", llvm::Regex::IgnoreCase) {}

/// Whether S leaves the enclosing iteration or function on every path.
static bool alwaysExits(const Stmt *S) {
  if (!S)
    return false;
  if (isa<ReturnStmt, ContinueStmt, BreakStmt, CXXThrowExpr, GotoStmt>(S))
    return true;
  if (const auto *Block = dyn_cast<CompoundStmt>(S))
    return !Block->body_empty() && alwaysExits(Block->body_back());
  if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(S))
    return alwaysExits(Cleanups->getSubExpr());
  return false;
}

/// Whether S waits for something started earlier to finish: a `join()` or
/// `wait()` (`threads_.front()->join()`), or pthread_join. (Not `get()`,
/// which smart pointers share with futures.)
static bool waitsForOne(const Stmt *S) {
  return anyStmt(S, [](const Stmt *Node) {
    const auto *Call = dyn_cast<CallExpr>(Node);
    const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
    if (!Callee || !Callee->getDeclName().isIdentifier())
      return false;
    if (isa<CXXMemberCallExpr>(Call))
      return isWaitName(Callee->getName()) && Callee->getName() != "get";
    return isNamedAnyOf(Callee, {"::pthread_join"});
  });
}

static LimitSense negate(LimitSense Sense) {
  switch (Sense) {
  case LimitSense::Below:
    return LimitSense::AtLimit;
  case LimitSense::AtLimit:
    return LimitSense::Below;
  default:
    return LimitSense::Unknown;
  }
}

/// The side of a comparison that is the limit: a constant or a name such
/// as max_workers or kLimit.
bool LimiterDetection::isMaximum(const Expr *E) const {
  E = E->IgnoreParenImpCasts();
  if (!E->isValueDependent() && E->isIntegerConstantExpr(Ctx))
    return true;
  return mentionsName(E, Maximums);
}

/// Whether E asks a standard container how many elements its allocator
/// could ever hold (`work.max_size()`): no capacity a program chose.
static bool isAllocatorLimit(const Expr *E) {
  const auto *Call = dyn_cast<CXXMemberCallExpr>(E->IgnoreParenImpCasts());
  const CXXMethodDecl *Method = Call ? Call->getMethodDecl() : nullptr;
  return Method && Method->getDeclName().isIdentifier() &&
         Method->getName() == "max_size" &&
         Method->getParent()->isInStdNamespace();
}

std::optional<LimitSense>
LimiterDetection::limitComparison(const Expr *Cond) const {
  if (!Cond)
    return std::nullopt;
  Cond = Cond->IgnoreParenImpCasts();
  if (const auto *Not = dyn_cast<UnaryOperator>(Cond);
      Not && Not->getOpcode() == UO_LNot) {
    std::optional<LimitSense> Inner = limitComparison(Not->getSubExpr());
    return Inner ? std::optional(negate(*Inner)) : std::nullopt;
  }
  const Expr *LHS = nullptr;
  const Expr *RHS = nullptr;
  BinaryOperatorKind Op = BO_Comma;
  if (const auto *Binary = dyn_cast<BinaryOperator>(Cond)) {
    if (Binary->isLogicalOp()) {
      if (limitComparison(Binary->getLHS()) ||
          limitComparison(Binary->getRHS()))
        return LimitSense::Unknown;
      return std::nullopt;
    }
    LHS = Binary->getLHS();
    RHS = Binary->getRHS();
    Op = Binary->getOpcode();
  } else if (const auto *Overloaded = dyn_cast<CXXOperatorCallExpr>(Cond);
             Overloaded && Overloaded->getNumArgs() == 2) {
    LHS = Overloaded->getArg(0);
    RHS = Overloaded->getArg(1);
    Op = BinaryOperator::getOverloadedOpcode(Overloaded->getOperator());
  }
  if (!LHS || !BinaryOperator::isComparisonOp(Op) ||
      !(mentionsName(LHS, Counters) || mentionsName(RHS, Counters)) ||
      isAllocatorLimit(LHS) || isAllocatorLimit(RHS))
    return std::nullopt;
  if (Op == BO_EQ)
    return LimitSense::AtLimit;
  if (Op == BO_NE)
    return LimitSense::Below;
  // Normalise to `counter OP maximum`.
  bool MaxOnRight = isMaximum(RHS);
  if (MaxOnRight == isMaximum(LHS))
    return LimitSense::Unknown;
  if (!MaxOnRight)
    Op = BinaryOperator::reverseComparisonOp(Op);
  return Op == BO_LT || Op == BO_LE ? LimitSense::Below : LimitSense::AtLimit;
}

bool LimiterDetection::comparesWithLimit(const Stmt *S) const {
  return anyStmt(S, [&](const Stmt *Node) {
    const auto *Compare = dyn_cast<BinaryOperator>(Node);
    return Compare && Compare->isComparisonOp() &&
           limitComparison(Compare).has_value();
  });
}

bool LimiterDetection::holds(const Expr *Cond, LimitSense Sense) const {
  std::optional<LimitSense> Found = limitComparison(Cond);
  return Found && (*Found == Sense || *Found == LimitSense::Unknown);
}

bool LimiterDetection::isLimiterType(QualType T) const {
  T = T.getNonReferenceType();
  if (T->isPointerType())
    T = T->getPointeeType();
  const auto *Record = T->getAsCXXRecordDecl();
  return Record && Record->getDeclName().isIdentifier() &&
         Types.match(Record->getName());
}

bool LimiterDetection::isPermitCall(const Stmt *S) const {
  if (const auto *Call = dyn_cast<CallExpr>(S)) {
    if (isNamedAnyOf(Call->getDirectCallee(), Functions))
      return true;
    const auto *Member = dyn_cast<CXXMemberCallExpr>(Call);
    const CXXMethodDecl *Method = Member ? Member->getMethodDecl() : nullptr;
    if (!Method || !Method->getDeclName().isIdentifier() ||
        !isLimiterType(Member->getObjectType()))
      return false;
    llvm::StringRef Name = Method->getName();
    return Name.contains_insensitive("acquire") ||
           Name.contains_insensitive("wait") ||
           Name.contains_insensitive("take") ||
           Name.contains_insensitive("allow");
  }
  // A guard that takes a permit from a limiter it is given:
  // `SemaphoreGuard permit(slots);`. Constructing the limiter itself is not.
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(S))
    return isLimiterType(Construct->getType()) &&
           llvm::any_of(Construct->arguments(), [&](const Expr *Arg) {
             return isLimiterType(Arg->getType());
           });
  return false;
}

bool LimiterDetection::waitsAtLimit(const Stmt *S) const {
  // `while (active >= max) wait();`
  if (const auto *While = dyn_cast<WhileStmt>(S))
    return holds(While->getCond(), LimitSense::AtLimit);
  if (const auto *Do = dyn_cast<DoStmt>(S))
    return holds(Do->getCond(), LimitSense::AtLimit);
  // `if (threads.size() >= kMax) { threads.front().join(); ... }`
  const auto *If = dyn_cast<IfStmt>(S);
  return If && holds(If->getCond(), LimitSense::AtLimit) &&
         waitsForOne(If->getThen());
}

bool LimiterDetection::isLimiterStatement(const Stmt *S) const {
  if (isPermitCall(S) || waitsAtLimit(S))
    return true;
  // `if (active >= max) return;`, `if (active < max) {...} else return;`
  if (const auto *If = dyn_cast<IfStmt>(S)) {
    std::optional<LimitSense> Sense = limitComparison(If->getCond());
    if (!Sense)
      return false;
    return (*Sense != LimitSense::Below && alwaysExits(If->getThen())) ||
           (*Sense != LimitSense::AtLimit && alwaysExits(If->getElse()));
  }
  // cv.wait(lock, [&] { return active < max; }): waits until below it.
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(S))
    if (const auto *Method = Member->getMethodDecl();
        Method && Method->getDeclName().isIdentifier() &&
        Method->getName().starts_with("wait"))
      for (const Expr *Arg : Member->arguments())
        if (const auto *Predicate = dyn_cast<LambdaExpr>(ignoreWrappers(Arg)))
          for (const Stmt *Child : Predicate->getBody()->children())
            if (const auto *Return = dyn_cast<ReturnStmt>(Child))
              if (holds(Return->getRetValue(), LimitSense::Below))
                return true;
  return false;
}

const Stmt *LimiterDetection::limiterBeside(const Stmt *S, const Stmt *Target,
                                            bool After) const {
  // Code in a lambda does not run where it is written.
  if (!S || S == Target || isa<LambdaExpr>(S))
    return nullptr;
  const SourceManager &SM = Ctx.getSourceManager();
  if (!After && !isBefore(S->getBeginLoc(), Target->getBeginLoc(), SM))
    return nullptr;
  if (After ? isBefore(Target->getBeginLoc(), S->getBeginLoc(), SM) &&
                  waitsAtLimit(S)
            : isLimiterStatement(S))
    return S;
  for (const Stmt *Child : S->children())
    if (const Stmt *Found = limiterBeside(Child, Target, After))
      return Found;
  return nullptr;
}

const Stmt *LimiterDetection::guardingIf(const Stmt *Target, const Stmt *Scope,
                                         const FunctionParents &Parents) const {
  for (const Stmt *Node = Target, *Parent = Parents.parent(Target);
       Parent && Node != Scope;
       Node = Parent, Parent = Parents.parent(Parent)) {
    const auto *If = dyn_cast<IfStmt>(Parent);
    if (!If || Node == If->getCond())
      continue;
    std::optional<LimitSense> Sense = limitComparison(If->getCond());
    if (!Sense)
      continue;
    // The branch taken while below the limit.
    bool InThen = Node == If->getThen();
    if (*Sense == LimitSense::Unknown ||
        (*Sense == LimitSense::Below) == InThen)
      return If;
  }
  return nullptr;
}

const Stmt *
LimiterDetection::findLimiter(const Stmt *Target, const Stmt *Scope,
                              const FunctionParents &Parents) const {
  if (!Target || !Scope)
    return nullptr;
  if (const Stmt *If = guardingIf(Target, Scope, Parents))
    return If;
  if (const Stmt *Before = limiterBeside(Scope, Target, /*After=*/false))
    return Before;
  // In a loop's body, waiting at the limit after Target holds the next
  // iteration back.
  const Stmt *Loop = Parents.parent(Scope);
  return isLoop(Loop) && loopBody(Loop) == Scope
             ? limiterBeside(Scope, Target, /*After=*/true)
             : nullptr;
}

} // namespace clang::tidy::unbounded::utils
