//===- RequestContext.cpp - what runs once per request or item ------------===//

#include "utils/RequestContext.h"
#include "utils/NameLists.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ParentMapContext.h"

namespace clang::tidy::unbounded::utils {

RequestContext::RequestContext(ASTContext &Ctx, const LoopBounds &Bounds,
                               llvm::StringRef RegistrationPattern)
    : Ctx(Ctx), Bounds(Bounds), RegistrationNames(RegistrationPattern),
      HasRegistrationNames(!RegistrationPattern.empty() &&
                           RegistrationNames.isValid()) {}

bool RequestContext::isRegistration(const CallExpr *Call) const {
  if (!HasRegistrationNames || !Call)
    return false;
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee || !Callee->getDeclName().isIdentifier())
    return false;
  return RegistrationNames.match(Callee->getName());
}

const CallExpr *RequestContext::registrationOf(const Expr *E) const {
  DynTypedNode Consumer = consumerOf(E, Ctx);
  // Conversions to std::function and similar wrappers.
  while (const auto *Construct = Consumer.get<CXXConstructExpr>())
    Consumer = consumerOf(Construct, Ctx);
  const auto *Call = Consumer.get<CallExpr>();
  return isRegistration(Call) ? Call : nullptr;
}

/// The function an argument names, through `&`, conversions and std::bind.
static const FunctionDecl *namedFunction(const Expr *Arg) {
  Arg = ignoreWrappers(Arg);
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(Arg))
    if (Construct->getNumArgs() == 1)
      return namedFunction(Construct->getArg(0));
  if (const auto *Unary = dyn_cast<UnaryOperator>(Arg))
    if (Unary->getOpcode() == UO_AddrOf)
      return namedFunction(Unary->getSubExpr());
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Arg))
    return dyn_cast<FunctionDecl>(Ref->getDecl());
  if (const auto *Call = dyn_cast<CallExpr>(Arg))
    if (const auto *Callee = Call->getDirectCallee())
      if (Callee->isInStdNamespace() && Callee->getDeclName().isIdentifier() &&
          (Callee->getName() == "bind" || Callee->getName() == "bind_front") &&
          Call->getNumArgs() >= 1)
        return namedFunction(Call->getArg(0));
  return nullptr;
}

llvm::SmallVector<const FunctionDecl *, 2>
RequestContext::registeredFunctions(const CallExpr *Registration) const {
  llvm::SmallVector<const FunctionDecl *, 2> Functions;
  for (const Expr *Arg : Registration->arguments())
    if (const FunctionDecl *Function = namedFunction(Arg))
      if (const FunctionDecl *Definition = Function->getDefinition())
        Functions.push_back(Definition);
  return Functions;
}

/// Whether D is the call operator of a lambda.
static bool isLambdaBody(const Decl *D) {
  const auto *Method = dyn_cast_or_null<CXXMethodDecl>(D);
  return Method && Method->getParent()->isLambda();
}

/// Sets Result to Parent's context when Parent is an unbounded loop whose
/// body is Node, or a registered handler lambda.
void RequestContext::classify(const DynTypedNode &Node,
                              const DynTypedNode &Parent,
                              ExecutionContext &Result) const {
  if (const auto *Loop = Parent.get<Stmt>(); Loop && isLoop(Loop)) {
    if (Node.get<Stmt>() != loopBody(Loop))
      return;
    TripCount Bound = Bounds.ofLoop(Loop);
    if (Bounds.isBounded(Bound))
      return;
    Result.Kind = ContextKind::Loop;
    Result.Scope = loopBody(Loop);
    Result.Loop = Loop;
    Result.Bound = Bound;
    return;
  }
  if (const auto *Lambda = Parent.get<LambdaExpr>()) {
    const CallExpr *Registration = registrationOf(Lambda);
    if (!Registration)
      return;
    Result.Kind = ContextKind::Handler;
    Result.Scope = Lambda->getBody();
    Result.Registration = Registration;
  }
}

ExecutionContext RequestContext::enclosing(const Stmt *S) const {
  ExecutionContext Result;
  DynTypedNode Node = DynTypedNode::create(*S);
  while (true) {
    DynTypedNode Parent = parentOf(Node, Ctx);
    if (Parent.getNodeKind().isNone() || Parent.get<TranslationUnitDecl>())
      return Result;
    if (Result.Kind == ContextKind::None)
      classify(Node, Parent, Result);
    const auto *Function = Parent.get<FunctionDecl>();
    if (Function && !isLambdaBody(Function)) {
      Result.Function = Function;
      if (Result.Kind == ContextKind::None)
        Result.Scope = Function->getBody();
      return Result;
    }
    Node = Parent;
  }
}

} // namespace clang::tidy::unbounded::utils
