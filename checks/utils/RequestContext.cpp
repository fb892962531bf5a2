//===- RequestContext.cpp - what runs once per request or item ------------===//

#include "utils/RequestContext.h"
#include "utils/AstNavigation.h"
#include "utils/Names.h"

#include "clang/AST/DeclCXX.h"

namespace clang::tidy::unbounded::utils {

RequestContext::RequestContext(const LoopBounds &Bounds,
                               llvm::StringRef RegistrationPattern,
                               llvm::StringRef RequestTypePattern)
    : Bounds(Bounds), RegistrationNames(RegistrationPattern),
      HasRegistrationNames(!RegistrationPattern.empty() &&
                           RegistrationNames.isValid()),
      RequestTypes(RequestTypePattern),
      HasRequestTypes(!RequestTypePattern.empty() && RequestTypes.isValid()) {}

bool RequestContext::isRegistration(const CallExpr *Call) const {
  if (!HasRegistrationNames || !Call)
    return false;
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee || !Callee->getDeclName().isIdentifier())
    return false;
  return RegistrationNames.match(Callee->getName());
}

const CallExpr *
RequestContext::registrationOf(const Expr *E,
                               const FunctionParents &Parents) const {
  const Stmt *Consumer = Parents.consumer(E);
  // Conversions to std::function and similar wrappers.
  while (isa_and_nonnull<CXXConstructExpr>(Consumer))
    Consumer = Parents.consumer(Consumer);
  const auto *Call = dyn_cast_or_null<CallExpr>(Consumer);
  if (isRouteAssignment(Call))
    return Call;
  return isRegistration(Call) ? Call : nullptr;
}

/// Whether Key is a string literal that reads like a request path: "/x",
/// "^/x$" (also as a std::string built from one).
static bool isPathKey(const Expr *Key) {
  Key = ignoreWrappers(Key);
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(Key);
      Construct && Construct->getNumArgs() >= 1)
    Key = ignoreWrappers(Construct->getArg(0));
  const auto *Literal = dyn_cast<StringLiteral>(Key);
  if (!Literal || !Literal->isOrdinary())
    return false;
  llvm::StringRef Text = Literal->getString();
  return Text.starts_with("/") || Text.starts_with("^/");
}

bool isRouteAssignment(const CallExpr *Call) {
  const auto *Assign = dyn_cast_or_null<CXXOperatorCallExpr>(Call);
  if (!Assign || Assign->getOperator() != OO_Equal || Assign->getNumArgs() != 2)
    return false;
  // server.resource["^/work$"]["GET"] = handler;
  for (const Expr *Slot = ignoreWrappers(Assign->getArg(0));;) {
    const auto *Subscript = dyn_cast<CXXOperatorCallExpr>(Slot);
    if (!Subscript || Subscript->getOperator() != OO_Subscript ||
        Subscript->getNumArgs() != 2)
      return false;
    if (isPathKey(Subscript->getArg(1)))
      return true;
    Slot = ignoreWrappers(Subscript->getArg(0));
  }
}

/// The function an argument names, through `&`, conversions, std::bind and
/// boost::bind.
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
      if (isNamedAnyOf(Callee,
                       {"::std::bind", "::std::bind_front", "::boost::bind"}) &&
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

std::optional<ContextNote> contextNote(const ExecutionContext &Where,
                                       const LoopBounds &Bounds) {
  if (Where.Kind == ContextKind::Loop)
    return ContextNote{Where.Loop->getBeginLoc(),
                       "the loop is unbounded: " +
                           Bounds.describe(Where.Bound)};
  if (Where.Kind == ContextKind::Handler && Where.Rpc)
    return ContextNote{Where.Rpc->getLocation(),
                       "'" + Where.Rpc->getNameAsString() + "' overrides " +
                           (isProtobufRpcOverride(*Where.Rpc)
                                ? "a protobuf RPC method"
                                : "a gRPC service method") +
                           ", which runs once per RPC"};
  if (Where.Kind == ContextKind::Handler && Where.Request)
    return ContextNote{Where.Request->getLocation(),
                       "'" + Where.Function->getNameAsString() +
                           "' takes the server's request '" +
                           Where.Request->getNameAsString() +
                           "', so it runs once per request"};
  if (Where.Kind == ContextKind::Handler &&
      isRouteAssignment(Where.Registration))
    return ContextNote{Where.Registration->getExprLoc(),
                       "the handler is stored in a route table here, and runs "
                       "once per request"};
  if (Where.Kind == ContextKind::Handler)
    return ContextNote{
        Where.Registration->getExprLoc(),
        "'" + Where.Registration->getDirectCallee()->getNameAsString() +
            "' registers the handler, which runs once per request"};
  return std::nullopt;
}

/// Whether Param points to an object of one of Classes.
static bool pointsTo(const ParmVarDecl &Param,
                     llvm::ArrayRef<std::string> Classes) {
  QualType Type = Param.getType();
  return Type->isPointerType() &&
         isNamedAnyOf(Type->getPointeeType()->getAsCXXRecordDecl(), Classes);
}

bool isRpcOverride(const FunctionDecl &Function) {
  const auto *Method = dyn_cast<CXXMethodDecl>(&Function);
  if (!Method || Method->size_overridden_methods() == 0 ||
      Method->getNumParams() == 0)
    return false;
  return pointsTo(*Method->getParamDecl(0),
                  {"::grpc::ServerContext", "::grpc::CallbackServerContext",
                   "::grpc::ServerContextBase"}) ||
         isProtobufRpcOverride(Function);
}

bool isProtobufRpcOverride(const FunctionDecl &Function) {
  const auto *Method = dyn_cast<CXXMethodDecl>(&Function);
  return Method && Method->size_overridden_methods() > 0 &&
         llvm::any_of(Method->parameters(), [](const ParmVarDecl *Param) {
           return pointsTo(*Param, {"::google::protobuf::RpcController"});
         });
}

/// The class T holds or points to: through references, pointers and
/// std::shared_ptr/std::unique_ptr.
static const CXXRecordDecl *heldClass(QualType T) {
  T = T.getNonReferenceType();
  if (T->isPointerType())
    T = T->getPointeeType();
  const CXXRecordDecl *Class = T->getAsCXXRecordDecl();
  const auto *Smart = dyn_cast_or_null<ClassTemplateSpecializationDecl>(Class);
  if (Smart &&
      isNamedAnyOf(Smart, {"::std::shared_ptr", "::std::unique_ptr"}) &&
      Smart->getTemplateArgs().size() >= 1 &&
      Smart->getTemplateArgs()[0].getKind() == TemplateArgument::Type)
    return Smart->getTemplateArgs()[0].getAsType()->getAsCXXRecordDecl();
  return Class;
}

const ParmVarDecl *
RequestContext::requestParameter(const FunctionDecl &Function) const {
  if (!HasRequestTypes)
    return nullptr;
  for (const ParmVarDecl *Param : Function.parameters())
    if (const CXXRecordDecl *Class = heldClass(Param->getType());
        Class && RequestTypes.match(Class->getQualifiedNameAsString()))
      return Param;
  return nullptr;
}

bool RequestContext::classifyLoop(const Stmt *Node, const Stmt *Loop,
                                  TripCount Bound,
                                  ExecutionContext &Result) const {
  if (Bounds.isBounded(Bound))
    return false;
  Result.Kind = ContextKind::Loop;
  Result.Scope = Node;
  Result.Loop = Loop;
  Result.Bound = std::move(Bound);
  return true;
}

/// Sets Result to Parent's context and returns true when Parent is an
/// unbounded loop whose body is Node, or a lambda whose body is Node and
/// that is a registered handler or an algorithm's callable over an
/// unbounded range.
bool RequestContext::classify(const Stmt *Node, const Stmt *Parent,
                              const FunctionParents &Parents,
                              ExecutionContext &Result) const {
  if (isLoop(Parent)) {
    if (Node != loopBody(Parent))
      return false;
    return classifyLoop(Node, Parent, Bounds.ofLoop(Parent), Result);
  }
  const auto *Lambda = dyn_cast<LambdaExpr>(Parent);
  if (!Lambda || Node != Lambda->getBody())
    return false;
  const CallExpr *Registration = registrationOf(Lambda, Parents);
  if (!Registration) {
    std::optional<AlgorithmCall> Algorithm = algorithmRunning(Lambda, Parents);
    return Algorithm && classifyLoop(Node, Algorithm->Call,
                                     Bounds.ofAlgorithm(*Algorithm), Result);
  }
  Result.Kind = ContextKind::Handler;
  Result.Scope = Node;
  Result.Registration = Registration;
  return true;
}

namespace {

/// The variable E names, when it is one state of the whole object or
/// program: a member only through `this` (`item->status` is one state per
/// item).
const ValueDecl *stateVariable(const Expr *E) {
  if (isa<MemberExpr>(E->IgnoreParenImpCasts()) && !thisMember(E))
    return nullptr;
  return referencedDecl(E);
}

/// The variable an `if` condition tests against one value: X in `!X`,
/// `X == 0`, `-1 == X`, `X == nullptr`.
const ValueDecl *testedVariable(const Expr *Cond, const ASTContext &Ctx) {
  Cond = Cond->IgnoreParenImpCasts();
  if (const auto *Not = dyn_cast<UnaryOperator>(Cond);
      Not && Not->getOpcode() == UO_LNot)
    return stateVariable(Not->getSubExpr());
  const auto *Equal = dyn_cast<BinaryOperator>(Cond);
  if (!Equal || Equal->getOpcode() != BO_EQ)
    return nullptr;
  auto Fixed = [&](const Expr *E) {
    E = E->IgnoreParenImpCasts();
    return isa<CXXNullPtrLiteralExpr, GNUNullExpr>(E) ||
           (!E->isValueDependent() && E->isIntegerConstantExpr(Ctx));
  };
  if (Fixed(Equal->getRHS()))
    return stateVariable(Equal->getLHS());
  if (Fixed(Equal->getLHS()))
    return stateVariable(Equal->getRHS());
  return nullptr;
}

/// Whether Branch changes Var: assigns it, or steps it.
bool changes(const Stmt *Branch, const ValueDecl *Var) {
  return anyStmt(Branch, [&](const Stmt *S) {
    if (const auto *Assign = dyn_cast<BinaryOperator>(S);
        Assign && Assign->isAssignmentOp())
      return referencedDecl(Assign->getLHS()) == Var;
    if (const auto *Step = dyn_cast<UnaryOperator>(S);
        Step && Step->isIncrementDecrementOp())
      return referencedDecl(Step->getSubExpr()) == Var;
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S);
        Op && Op->isAssignmentOp() && Op->getNumArgs() > 0)
      return referencedDecl(Op->getArg(0)) == Var;
    return false;
  });
}

} // namespace

bool insideOnceGuard(const Stmt *S, const FunctionParents &Parents,
                     const Stmt *Within) {
  const ASTContext &Ctx = Parents.function().getASTContext();
  const SourceManager &SM = Ctx.getSourceManager();
  for (const Stmt *Node = S, *Parent = Parents.parent(S);
       Parent && Node != Within;
       Node = Parent, Parent = Parents.parent(Parent)) {
    const auto *If = dyn_cast<IfStmt>(Parent);
    if (!If || Node != If->getThen())
      continue;
    const ValueDecl *Var = testedVariable(If->getCond(), Ctx);
    const auto *Local = dyn_cast_or_null<VarDecl>(Var);
    bool Outlives = isa_and_nonnull<FieldDecl>(Var) ||
                    (Local && (Local->hasGlobalStorage() ||
                               !isWithin(Within, Local->getLocation(), SM)));
    if (Outlives && changes(If->getThen(), Var))
      return true;
  }
  return false;
}

ExecutionContext
RequestContext::enclosing(const Stmt *S, const FunctionParents &Parents) const {
  ExecutionContext Result;
  Result.Function = &Parents.function();
  // Once per run of the function, when a guard lets S run only once per
  // run of what would repeat it.
  auto OnceGuarded = [&]() -> ExecutionContext {
    if (!insideOnceGuard(S, Parents, Result.Scope))
      return Result;
    ExecutionContext Once;
    Once.Function = Result.Function;
    Once.Scope = Parents.body();
    Once.Once = true;
    return Once;
  };
  for (const Stmt *Node = S, *Parent = Parents.parent(S); Parent;
       Node = Parent, Parent = Parents.parent(Parent))
    if (classify(Node, Parent, Parents, Result))
      return OnceGuarded();
  Result.Scope = Parents.body();
  if (isRpcOverride(Parents.function())) {
    Result.Kind = ContextKind::Handler;
    Result.Rpc = &Parents.function();
  } else if (const ParmVarDecl *Request =
                 requestParameter(Parents.function())) {
    Result.Kind = ContextKind::Handler;
    Result.Request = Request;
  }
  return Result.Kind == ContextKind::None ? Result : OnceGuarded();
}

} // namespace clang::tidy::unbounded::utils
