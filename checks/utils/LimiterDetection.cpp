//===- LimiterDetection.cpp - what bounds concurrent executions -----------===//

#include "utils/LimiterDetection.h"
#include "utils/NameLists.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

namespace clang::tidy::unbounded::utils {

LimiterDetection::LimiterDetection(ASTContext &Ctx,
                                   std::vector<std::string> Functions,
                                   llvm::StringRef TypePattern,
                                   llvm::StringRef CounterPattern)
    : Ctx(Ctx), Functions(std::move(Functions)), Types(TypePattern),
      Counters(CounterPattern, llvm::Regex::IgnoreCase) {}

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

bool LimiterDetection::mentionsCounter(const Stmt *S) const {
  if (!S)
    return false;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
    return Ref->getDecl()->getDeclName().isIdentifier() &&
           Counters.match(Ref->getDecl()->getName());
  if (const auto *Member = dyn_cast<MemberExpr>(S))
    if (Member->getMemberDecl()->getDeclName().isIdentifier() &&
        Counters.match(Member->getMemberDecl()->getName()))
      return true;
  for (const Stmt *Child : S->children())
    if (mentionsCounter(Child))
      return true;
  return false;
}

bool LimiterDetection::isLimitComparison(const Expr *Cond) const {
  if (!Cond)
    return false;
  Cond = Cond->IgnoreParenImpCasts();
  const Expr *LHS = nullptr;
  const Expr *RHS = nullptr;
  if (const auto *Binary = dyn_cast<BinaryOperator>(Cond)) {
    if (Binary->isLogicalOp())
      return isLimitComparison(Binary->getLHS()) ||
             isLimitComparison(Binary->getRHS());
    if (Binary->isComparisonOp()) {
      LHS = Binary->getLHS();
      RHS = Binary->getRHS();
    }
  } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Cond);
             Op && Op->isComparisonOp() && Op->getNumArgs() == 2) {
    LHS = Op->getArg(0);
    RHS = Op->getArg(1);
  } else if (const auto *Not = dyn_cast<UnaryOperator>(Cond);
             Not && Not->getOpcode() == UO_LNot) {
    return isLimitComparison(Not->getSubExpr());
  }
  if (!LHS || !RHS)
    return false;
  return mentionsCounter(LHS) || mentionsCounter(RHS);
}

bool LimiterDetection::isPermitCall(const Stmt *S) const {
  if (const auto *Call = dyn_cast<CallExpr>(S)) {
    if (isNamedAnyOf(Call->getDirectCallee(), Functions))
      return true;
    const auto *Member = dyn_cast<CXXMemberCallExpr>(Call);
    const CXXRecordDecl *Record =
        Member ? Member->getRecordDecl() : nullptr;
    const CXXMethodDecl *Method = Member ? Member->getMethodDecl() : nullptr;
    if (!Record || !Method || !Method->getDeclName().isIdentifier() ||
        !Types.match(Record->getName()))
      return false;
    llvm::StringRef Name = Method->getName();
    return Name.contains_insensitive("acquire") ||
           Name.contains_insensitive("wait") ||
           Name.contains_insensitive("take") ||
           Name.contains_insensitive("allow");
  }
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(S))
    return Types.match(Construct->getConstructor()->getParent()->getName());
  return false;
}

bool LimiterDetection::isLimiterStatement(const Stmt *S) const {
  if (isPermitCall(S))
    return true;
  if (const auto *If = dyn_cast<IfStmt>(S))
    return alwaysExits(If->getThen()) && isLimitComparison(If->getCond());
  if (const auto *While = dyn_cast<WhileStmt>(S))
    return isLimitComparison(While->getCond());
  if (const auto *Do = dyn_cast<DoStmt>(S))
    return isLimitComparison(Do->getCond());
  // cv.wait(lock, [&] { return active < max; })
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(S))
    if (const auto *Method = Member->getMethodDecl();
        Method && Method->getDeclName().isIdentifier() &&
        Method->getName().starts_with("wait"))
      for (const Expr *Arg : Member->arguments())
        if (const auto *Predicate =
                dyn_cast<LambdaExpr>(ignoreWrappers(Arg)))
          for (const Stmt *Child : Predicate->getBody()->children())
            if (const auto *Return = dyn_cast<ReturnStmt>(Child))
              if (isLimitComparison(Return->getRetValue()))
                return true;
  return false;
}

const Stmt *LimiterDetection::precedingLimiter(const Stmt *S,
                                               const Stmt *Target) const {
  if (!S || S == Target)
    return nullptr;
  const SourceManager &SM = Ctx.getSourceManager();
  if (!isBefore(S->getBeginLoc(), Target->getBeginLoc(), SM))
    return nullptr;
  // Code in a lambda defined earlier does not run before Target.
  if (isa<LambdaExpr>(S))
    return nullptr;
  if (isLimiterStatement(S))
    return S;
  for (const Stmt *Child : S->children())
    if (const Stmt *Found = precedingLimiter(Child, Target))
      return Found;
  return nullptr;
}

const Stmt *LimiterDetection::guardingIf(const Stmt *Target,
                                         const Stmt *Scope) const {
  DynTypedNode Node = DynTypedNode::create(*Target);
  while (Node.get<Stmt>() != Scope) {
    DynTypedNode Parent = parentOf(Node, Ctx);
    if (Parent.getNodeKind().isNone())
      return nullptr;
    if (const auto *If = Parent.get<IfStmt>())
      if (Node.get<Stmt>() != If->getCond() &&
          isLimitComparison(If->getCond()))
        return If;
    Node = Parent;
  }
  return nullptr;
}

const Stmt *LimiterDetection::findLimiter(const Stmt *Target,
                                          const Stmt *Scope) const {
  if (!Target || !Scope)
    return nullptr;
  if (const Stmt *If = guardingIf(Target, Scope))
    return If;
  return precedingLimiter(Scope, Target);
}

} // namespace clang::tidy::unbounded::utils
