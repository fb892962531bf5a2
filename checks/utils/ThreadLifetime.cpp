//===- ThreadLifetime.cpp - does a started thread outlive its scope -------===//

#include "utils/ThreadLifetime.h"
#include "utils/Algorithms.h"
#include "utils/AstNavigation.h"
#include "utils/Names.h"

#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/STLExtras.h"

namespace clang::tidy::unbounded::utils {

namespace {

const std::vector<std::string> DetachFunctions = {"::pthread_detach",
                                                  "::thrd_detach"};
const std::vector<std::string> JoinFunctions = {
    "::pthread_join", "::pthread_timedjoin_np", "::pthread_tryjoin_np",
    "::pthread_clockjoin_np", "::thrd_join"};

/// Whether a thread object of type T detaches a thread still running when
/// destroyed: boost::thread (Boost.Thread's default, before
/// BOOST_THREAD_VERSION 3), where std::thread would terminate.
bool detachesWhenDestroyed(QualType T) {
  return isNamedAnyOf(T->getAsCXXRecordDecl(), {"::boost::thread"});
}

bool isInsertion(const CXXMethodDecl *Method) {
  static const llvm::StringRef Names[] = {
      "push_back",        "emplace_back", "push",          "emplace",
      "insert",           "push_front",   "emplace_front", "try_emplace",
      "insert_or_assign", "append",       "add",           "Add",
      "PushBack",         "Push",         "add_thread"};
  return Method && Method->getDeclName().isIdentifier() &&
         llvm::is_contained(Names, Method->getName());
}

} // namespace

bool isWaitName(llvm::StringRef Name) {
  return Name == "join" || Name == "get" || Name == "wait" ||
         Name == "wait_for" || Name == "wait_until" || Name == "try_join_for" ||
         Name == "timed_join";
}

std::optional<KeptParameter> keptParameter(const FunctionDecl &Function,
                                           unsigned Index) {
  if (Index >= Function.getNumParams())
    return std::nullopt;
  const ParmVarDecl *Param = Function.getParamDecl(Index);
  std::optional<KeptParameter> Found;
  anyStmt(Function.getBody(), [&](const Stmt *S) {
    const auto *Insert = dyn_cast<CXXMemberCallExpr>(S);
    if (!Insert || !isInsertion(Insert->getMethodDecl()))
      return false;
    bool PassesParam = llvm::any_of(Insert->arguments(), [&](const Expr *Arg) {
      return referencedDecl(passedValue(Arg)) == Param;
    });
    const ValueDecl *Storage =
        referencedDecl(Insert->getImplicitObjectArgument());
    const auto *Var = dyn_cast_or_null<VarDecl>(Storage);
    if (PassesParam && Storage &&
        (isa<FieldDecl>(Storage) || (Var && Var->hasGlobalStorage())))
      Found = KeptParameter{Storage, Insert};
    return Found.has_value();
  });
  return Found;
}

namespace {

class LifetimeAnalysis {
public:
  LifetimeAnalysis(ASTContext &Ctx, const FunctionParents &Parents,
                   const Stmt *Scope, bool WaitsOnDestruction)
      : Ctx(Ctx), Parents(Parents), Scope(Scope),
        WaitsOnDestruction(WaitsOnDestruction) {}

  ThreadLifetime ofValue(const Expr *Value);
  ThreadLifetime ofVariable(const VarDecl *V);
  ThreadLifetime ofHandle(const CallExpr *Create);
  ThreadLifetime ofStorage(const Expr *Storage, const Stmt *Where);

private:
  ThreadLifetime ofAssignment(const Expr *Target, const Stmt *Where);
  ThreadLifetime ofMemberCall(const MemberExpr *Member);
  ThreadLifetime ofReturned(const ReturnStmt *Return);
  ThreadLifetime ofArgument(const CallExpr *Call, const Expr *Value);
  const CallExpr *detachedAttribute(const Expr *Attr, const Stmt *Body);

  ASTContext &Ctx;
  const FunctionParents &Parents;
  const Stmt *Scope;
  bool WaitsOnDestruction;
};

ThreadLifetime LifetimeAnalysis::ofStorage(const Expr *Storage,
                                           const Stmt *Where) {
  if (outlivesScope(Storage, Scope, Ctx)) {
    const ValueDecl *D = referencedDecl(Storage);
    return {ThreadFate::Stored, Where,
            D ? D->getNameAsString() : spelling(Storage, Ctx), D};
  }
  return {ThreadFate::Scoped, Where, ""};
}

ThreadLifetime LifetimeAnalysis::ofAssignment(const Expr *Target,
                                              const Stmt *Where) {
  if (outlivesScope(Target, Scope, Ctx))
    return ofStorage(Target, Where);
  if (const auto *Var = dyn_cast_or_null<VarDecl>(referencedDecl(Target)))
    return ofVariable(Var);
  return {ThreadFate::Unknown, Where, ""};
}

ThreadLifetime LifetimeAnalysis::ofMemberCall(const MemberExpr *Member) {
  const ValueDecl *Method = Member->getMemberDecl();
  if (!Method->getDeclName().isIdentifier())
    return {};
  const Stmt *Call = Parents.consumer(Member);
  const Stmt *Where = Call ? Call : Member;
  if (Method->getName() == "detach")
    return {ThreadFate::Detached, Where, ""};
  if (isWaitName(Method->getName()))
    return {ThreadFate::Joined, Where, ""};
  return {};
}

ThreadLifetime LifetimeAnalysis::ofReturned(const ReturnStmt *Return) {
  // std::transform(in, in_end, std::back_inserter(threads), [](int x) {
  //   return std::thread(work, x); }) keeps each returned thread in threads.
  const Stmt *Node = Return;
  const Stmt *Parent = Parents.parent(Node);
  while (Parent && !isa<LambdaExpr>(Parent)) {
    Node = Parent;
    Parent = Parents.parent(Parent);
  }
  const auto *Lambda = dyn_cast_or_null<LambdaExpr>(Parent);
  if (!Lambda || Node != Lambda->getBody())
    return {};
  std::optional<AlgorithmCall> Algorithm = algorithmRunning(Lambda, Parents);
  if (!Algorithm || !Algorithm->Output)
    return {};
  if (const Expr *Container = outputContainer(Algorithm->Output))
    return ofStorage(Container, Algorithm->Call);
  return {};
}

ThreadLifetime LifetimeAnalysis::ofArgument(const CallExpr *Call,
                                            const Expr *Value) {
  // add_thread(std::move(t)) where add_thread keeps it in a member; a
  // project function that does not, or is defined elsewhere, receives it.
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee || isa<CXXOperatorCallExpr>(Call) || !isProjectFunction(*Callee))
    return {};
  const FunctionDecl *Definition = Callee->getDefinition();
  const SourceManager &SM = Ctx.getSourceManager();
  for (unsigned I = 0; I < Call->getNumArgs() && I < Callee->getNumParams();
       ++I) {
    SourceRange Arg = Call->getArg(I)->getSourceRange();
    if (isBefore(Value->getBeginLoc(), Arg.getBegin(), SM) ||
        isBefore(Arg.getEnd(), Value->getBeginLoc(), SM))
      continue;
    if (std::optional<KeptParameter> Kept =
            Definition ? keptParameter(*Definition, I) : std::nullopt)
      return {ThreadFate::Stored, Call, Kept->Storage->getNameAsString(),
              Kept->Storage};
    ThreadLifetime Handed{ThreadFate::Unknown, Call, ""};
    Handed.Receiver = Callee;
    Handed.ReceiverParam = I;
    return Handed;
  }
  return {};
}

ThreadLifetime LifetimeAnalysis::ofValue(const Expr *Value) {
  const Stmt *Child = nullptr;
  const Stmt *Consumer = Parents.consumer(Value, &Child);
  if (!Consumer)
    return {};
  if (const auto *Member = dyn_cast<MemberExpr>(Consumer))
    return ofMemberCall(Member);
  if (const auto *Return = dyn_cast<ReturnStmt>(Consumer))
    return ofReturned(Return);
  if (const VarDecl *Var = FunctionParents::initializedBy(Consumer, Child))
    return ofVariable(Var);
  if (const auto *New = dyn_cast<CXXNewExpr>(Consumer))
    return ofValue(New);
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(Consumer))
    return ofValue(Construct); // unique_ptr<thread>(new thread(f)), ...
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Consumer);
      Member && isInsertion(Member->getMethodDecl()))
    return ofStorage(Member->getImplicitObjectArgument(), Member);
  if (const auto *Assign = dyn_cast<BinaryOperator>(Consumer);
      Assign && Assign->isAssignmentOp())
    return ofAssignment(Assign->getLHS(), Assign);
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Consumer);
      Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2)
    return ofAssignment(Op->getArg(0), Op);
  if (const auto *Call = dyn_cast<CallExpr>(Consumer))
    return ofArgument(Call, Value);
  // A value dropped at the end of its statement.
  if (isa<CompoundStmt, IfStmt, ForStmt, WhileStmt, DoStmt, CXXForRangeStmt,
          SwitchCase>(Consumer)) {
    if (WaitsOnDestruction)
      return {ThreadFate::Joined, Value, ""};
    if (isa<CXXNewExpr>(Value))
      return {ThreadFate::NeverJoined, Value, ""};
    // A temporary boost::thread detaches a thread still running.
    if (detachesWhenDestroyed(Value->getType()))
      return {ThreadFate::Detached, Value, ""};
  }
  return {};
}

ThreadLifetime LifetimeAnalysis::ofVariable(const VarDecl *V) {
  if (!V->hasLocalStorage())
    return {ThreadFate::Stored, nullptr, V->getNameAsString(), V};
  const SourceManager &SM = Ctx.getSourceManager();
  ThreadLifetime Detached, Stored, Joined, Scoped, Handed;
  forEachReference(Parents.body(), V, [&](const DeclRefExpr *Ref) {
    const Stmt *Consumer = Parents.consumer(Ref);
    // t->join() through a smart pointer's operator->.
    if (const auto *Arrow = dyn_cast_or_null<CXXOperatorCallExpr>(Consumer);
        Arrow &&
        (Arrow->getOperator() == OO_Arrow || Arrow->getOperator() == OO_Star))
      Consumer = Parents.consumer(Arrow);
    ThreadLifetime Use;
    if (const auto *Member = dyn_cast_or_null<MemberExpr>(Consumer))
      Use = ofMemberCall(Member);
    else if (const auto *Call = dyn_cast_or_null<CallExpr>(Consumer);
             Call && isStdMove(Call))
      Use = ofValue(Call);
    else if (const auto *Insert = dyn_cast_or_null<CXXMemberCallExpr>(Consumer);
             Insert && isInsertion(Insert->getMethodDecl()))
      Use = ofStorage(Insert->getImplicitObjectArgument(), Insert);
    else if (const auto *Assign = dyn_cast_or_null<BinaryOperator>(Consumer);
             Assign && Assign->isAssignmentOp() &&
             ignoreWrappers(Assign->getRHS()) == Ref)
      Use = ofAssignment(Assign->getLHS(), Assign);
    else if (const auto *Call = dyn_cast_or_null<CallExpr>(Consumer))
      Use = ofArgument(Call, Ref);
    if (Use.Fate == ThreadFate::Detached && !Detached.Where)
      Detached = Use;
    else if (outlives(Use.Fate) && !Stored.Where)
      Stored = Use;
    else if (Use.Fate == ThreadFate::Joined &&
             isWithin(Scope, Ref->getBeginLoc(), SM))
      Joined = Use;
    else if (Use.Fate == ThreadFate::Scoped)
      Scoped = Use;
    else if (Use.Receiver && !Handed.Where)
      Handed = Use;
  });
  if (Detached.Where)
    return Detached;
  if (Stored.Where)
    return Stored;
  if (Joined.Where)
    return Joined;
  if (Handed.Where)
    return Handed;
  if (Scoped.Where || WaitsOnDestruction)
    return {ThreadFate::Scoped, Scoped.Where, ""};
  // A local boost::thread never joined detaches at the end of its scope.
  if (detachesWhenDestroyed(V->getType()))
    return {ThreadFate::Detached, V->getInit(), ""};
  if (V->getType()->isPointerType())
    return {ThreadFate::NeverJoined, nullptr, ""};
  return {};
}

const CallExpr *LifetimeAnalysis::detachedAttribute(const Expr *Attr,
                                                    const Stmt *Body) {
  const ValueDecl *AttrDecl = referencedDecl(Attr);
  if (!AttrDecl)
    return nullptr;
  const CallExpr *Found = nullptr;
  forEachCall(Body, [&](const CallExpr *Call) {
    if (Found || Call->getNumArgs() != 2 ||
        !isNamedAnyOf(Call->getDirectCallee(),
                      {"::pthread_attr_setdetachstate"}) ||
        referencedDecl(Call->getArg(0)) != AttrDecl)
      return;
    Expr::EvalResult State;
    if (Call->getArg(1)->EvaluateAsInt(State, Ctx) &&
        State.Val.getInt() == 1 /* PTHREAD_CREATE_DETACHED */)
      Found = Call;
  });
  return Found;
}

ThreadLifetime LifetimeAnalysis::ofHandle(const CallExpr *Create) {
  if (Create->getNumArgs() < 1)
    return {};
  const Expr *Handle = Create->getArg(0);
  const ValueDecl *HandleDecl = referencedDecl(Handle);
  const Stmt *Body = Parents.body();
  if (Create->getNumArgs() >= 2)
    if (const CallExpr *Attribute = detachedAttribute(Create->getArg(1), Body))
      return {ThreadFate::Detached, Attribute, ""};
  if (!HandleDecl)
    return {ThreadFate::NeverJoined, Create, ""};
  ThreadLifetime Result;
  forEachCall(Body, [&](const CallExpr *Call) {
    if (Result.Fate == ThreadFate::Detached || Call->getNumArgs() < 1 ||
        referencedDecl(Call->getArg(0)) != HandleDecl)
      return;
    if (isNamedAnyOf(Call->getDirectCallee(), DetachFunctions))
      Result = {ThreadFate::Detached, Call, ""};
    else if (isNamedAnyOf(Call->getDirectCallee(), JoinFunctions) &&
             isWithin(Scope, Call->getBeginLoc(), Ctx.getSourceManager()))
      Result = {ThreadFate::Joined, Call, ""};
  });
  if (Result.Where)
    return Result;
  if (outlivesScope(Handle, Scope, Ctx))
    return ofStorage(Handle, Create);
  // pthread_create(&tid, ...); threads_.push_back(tid);
  const auto *Local = dyn_cast<VarDecl>(HandleDecl);
  const CXXMemberCallExpr *Kept = nullptr;
  if (Local && Local->hasLocalStorage())
    forEachReference(Body, Local, [&](const DeclRefExpr *Ref) {
      const auto *Insert =
          dyn_cast_or_null<CXXMemberCallExpr>(Parents.consumer(Ref));
      if (!Kept && Insert && isInsertion(Insert->getMethodDecl()) &&
          outlivesScope(Insert->getImplicitObjectArgument(), Scope, Ctx))
        Kept = Insert;
    });
  if (Kept)
    return ofStorage(Kept->getImplicitObjectArgument(), Kept);
  return {ThreadFate::NeverJoined, Create, ""};
}

} // namespace

bool outlives(ThreadFate Fate) {
  return Fate == ThreadFate::Detached || Fate == ThreadFate::Stored ||
         Fate == ThreadFate::NeverJoined;
}

ThreadLifetime threadLifetime(const Expr *Spawn, SpawnKind Kind,
                              bool JoinsOnDestruction, const Stmt *Scope,
                              const FunctionParents &Parents, ASTContext &Ctx) {
  switch (Kind) {
  case SpawnKind::ThreadObject:
  case SpawnKind::ThreadPointer:
    return LifetimeAnalysis(Ctx, Parents, Scope, JoinsOnDestruction)
        .ofValue(Spawn);
  case SpawnKind::Future:
    return LifetimeAnalysis(Ctx, Parents, Scope, /*WaitsOnDestruction=*/true)
        .ofValue(Spawn);
  case SpawnKind::ThreadInPlace: {
    const auto *Emplace = cast<CXXMemberCallExpr>(Spawn);
    return LifetimeAnalysis(Ctx, Parents, Scope, JoinsOnDestruction)
        .ofStorage(Emplace->getImplicitObjectArgument(), Emplace);
  }
  case SpawnKind::Handle:
    return LifetimeAnalysis(Ctx, Parents, Scope, false)
        .ofHandle(cast<CallExpr>(Spawn));
  case SpawnKind::Detached:
    return {ThreadFate::Detached, Spawn, ""};
  }
  return {};
}

} // namespace clang::tidy::unbounded::utils
