//===- LoopBounds.cpp - how many times a loop runs ------------------------===//

#include "utils/LoopBounds.h"
#include "utils/AstNavigation.h"
#include "utils/InputSources.h"
#include "utils/Names.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/AST/Type.h"

namespace clang::tidy::unbounded::utils {

namespace {

constexpr unsigned MaxDepth = 4;

const std::vector<std::string> CoreCountFunctions = {
    "::std::thread::hardware_concurrency",
    "::std::jthread::hardware_concurrency",
    "::boost::thread::hardware_concurrency",
    "::boost::thread::physical_concurrency",
    "::get_nprocs",
    "::get_nprocs_conf",
    "::sysconf",
    "::omp_get_max_threads",
    "::omp_get_num_procs",
    "::tbb::this_task_arena::max_concurrency",
    "::tbb::info::default_concurrency"};

const std::vector<std::string> SizeFunctions = {"::std::size", "::std::ssize",
                                                "::std::distance"};

TripCount constant(uint64_t Value) {
  return {TripCountKind::Constant, Value, std::to_string(Value)};
}

/// The worse (less bounded) of two counts.
TripCount worse(TripCount A, TripCount B) { return A.Kind >= B.Kind ? A : B; }

/// The better (more bounded) of two counts.
TripCount better(TripCount A, TripCount B) {
  if (A.Kind == TripCountKind::Constant && B.Kind == TripCountKind::Constant)
    return A.Value <= B.Value ? A : B;
  return A.Kind <= B.Kind ? A : B;
}

/// Combines the arms of a sum or product: constants fold, a constant
/// multiple of the core count stays a core count with that factor.
TripCount combine(TripCount A, TripCount B, BinaryOperatorKind Op) {
  if (A.Kind == TripCountKind::Constant && B.Kind == TripCountKind::Constant) {
    uint64_t Value = Op == BO_Mul ? A.Value * B.Value : A.Value + B.Value;
    return constant(Value);
  }
  if (A.Kind == TripCountKind::Constant)
    std::swap(A, B);
  if (A.Kind == TripCountKind::CoreCount && B.Kind == TripCountKind::Constant &&
      Op == BO_Mul)
    A.Value *= B.Value;
  return worse(A, B);
}

TripCount coreCount(std::string What) {
  return {TripCountKind::CoreCount, 1, std::move(What)};
}

/// The number of elements of a fixed-size array type, if T is one
/// (C arrays and std::array).
std::optional<uint64_t> fixedElementCount(QualType T) {
  T = T.getNonReferenceType().getCanonicalType();
  if (const auto *Array = dyn_cast<ConstantArrayType>(T.getTypePtr()))
    return Array->getSize().getZExtValue(); // LLVM 16 has no getZExtSize()
  const auto *Record = T->getAsCXXRecordDecl();
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(Record);
  if (!Spec || !Spec->isInStdNamespace() || Spec->getName() != "array")
    return std::nullopt;
  const TemplateArgumentList &Args = Spec->getTemplateArgs();
  if (Args.size() < 2 || Args[1].getKind() != TemplateArgument::Integral)
    return std::nullopt;
  return Args[1].getAsIntegral().getZExtValue();
}

/// The container behind `c.end()`, `c.cend()` or `std::end(c)`.
const Expr *containerOfEnd(const Expr *E) {
  E = ignoreWrappers(E);
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(E)) {
    const auto *Method = Member->getMethodDecl();
    if (Method && Method->getDeclName().isIdentifier() &&
        (Method->getName() == "end" || Method->getName() == "cend"))
      return Member->getImplicitObjectArgument();
    return nullptr;
  }
  if (const auto *Call = dyn_cast<CallExpr>(E))
    if (isNamedAnyOf(Call->getDirectCallee(), {"::std::end", "::std::cend"}) &&
        Call->getNumArgs() == 1)
      return Call->getArg(0);
  return nullptr;
}

const VarDecl *inductionVariable(const Expr *E) {
  if (const auto *Ref = dyn_cast<DeclRefExpr>(ignoreWrappers(E)))
    return dyn_cast<VarDecl>(Ref->getDecl());
  return nullptr;
}

/// Whether S mentions V.
bool mentions(const Stmt *S, const VarDecl *V) {
  if (!S)
    return false;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
    return Ref->getDecl() == V;
  for (const Stmt *Child : S->children())
    if (mentions(Child, V))
      return true;
  return false;
}

/// Whether V is the loop's induction variable: declared or set in its init
/// statement, or stepped by its increment.
bool isInductionOf(const ForStmt *For, const VarDecl *V) {
  return V && (mentions(For->getInit(), V) || mentions(For->getInc(), V));
}

/// Whether the loop's increment steps V down (--i, i--, i -= k).
bool countsDown(const ForStmt *For, const VarDecl *V) {
  const Expr *Inc = For->getInc();
  if (!Inc)
    return false;
  Inc = Inc->IgnoreParenImpCasts();
  if (const auto *Unary = dyn_cast<UnaryOperator>(Inc))
    return Unary->isDecrementOp() &&
           inductionVariable(Unary->getSubExpr()) == V;
  if (const auto *Compound = dyn_cast<CompoundAssignOperator>(Inc))
    return Compound->getOpcode() == BO_SubAssign &&
           inductionVariable(Compound->getLHS()) == V;
  return false;
}

/// The start value of the induction variable V in a for-init statement:
/// `int i = start` or `i = start`.
const Expr *initialValue(const Stmt *Init, const VarDecl *V) {
  if (const auto *Assign = dyn_cast_or_null<BinaryOperator>(Init))
    if (Assign->getOpcode() == BO_Assign &&
        inductionVariable(Assign->getLHS()) == V)
      return Assign->getRHS();
  if (const auto *Decls = dyn_cast_or_null<DeclStmt>(Init))
    if (llvm::is_contained(Decls->decls(), V))
      return V->getInit();
  return nullptr;
}

/// `a OP b` for a built-in or overloaded comparison.
std::optional<Comparison> comparisonOf(const Expr *Cond) {
  if (const auto *Binary = dyn_cast<BinaryOperator>(Cond);
      Binary && Binary->isComparisonOp())
    return Comparison{Binary->getLHS(), Binary->getOpcode(), Binary->getRHS()};
  if (const auto *Overloaded = dyn_cast<CXXOperatorCallExpr>(Cond);
      Overloaded && Overloaded->getNumArgs() == 2 &&
      Overloaded->isComparisonOp())
    return Comparison{
        Overloaded->getArg(0),
        BinaryOperator::getOverloadedOpcode(Overloaded->getOperator()),
        Overloaded->getArg(1)};
  return std::nullopt;
}

/// Whether anything in the function of the local container V may change its
/// size: a member call that adds, removes or resizes, an assignment, or V
/// handed to a call by non-const reference or pointer.
/// Whether Callee is std::begin, std::size and the like: they take a
/// container by reference and never change its size.
bool isStdAccessor(const FunctionDecl *Callee) {
  static constexpr llvm::StringLiteral Accessors[] = {
      "begin", "end",  "cbegin", "cend", "rbegin",
      "rend",  "size", "ssize",  "data", "empty"};
  return Callee && Callee->isInStdNamespace() &&
         Callee->getDeclName().isIdentifier() &&
         llvm::is_contained(Accessors, Callee->getName());
}

bool mayResize(const VarDecl &V) {
  static constexpr llvm::StringLiteral Resizers[] = {
      "push_back", "emplace_back", "push_front", "emplace_front", "insert",
      "emplace",   "resize",       "assign",     "append",        "swap",
      "clear",     "erase",        "pop_back",   "pop_front",     "operator="};
  const auto *Function = dyn_cast<FunctionDecl>(V.getDeclContext());
  if (!Function || !Function->hasBody())
    return true;
  return anyStmt(Function->getBody(), [&](const Stmt *S) {
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(S)) {
      const CXXMethodDecl *Method = Member->getMethodDecl();
      return Method &&
             referencedDecl(Member->getImplicitObjectArgument()) == &V &&
             (!Method->getDeclName().isIdentifier() ||
              llvm::is_contained(Resizers, Method->getName()));
    }
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S))
      return Op->isAssignmentOp() && Op->getNumArgs() > 0 &&
             referencedDecl(Op->getArg(0)) == &V;
    const auto *Call = dyn_cast<CallExpr>(S);
    const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
    if (!Call || isa<CXXOperatorCallExpr>(Call) || isStdAccessor(Callee))
      return false;
    for (unsigned I = 0; I < Call->getNumArgs(); ++I) {
      if (referencedDecl(Call->getArg(I)) != &V)
        continue;
      if (!Callee || I >= Callee->getNumParams())
        return true;
      QualType Param = Callee->getParamDecl(I)->getType();
      if ((Param->isReferenceType() || Param->isPointerType()) &&
          !Param->getPointeeType().isConstQualified())
        return true;
    }
    return false;
  });
}

/// Whether nothing in V's function writes V except decrements: its
/// declared value is where a countdown starts.
bool onlyCountsDown(const VarDecl &V) {
  const auto *Function = dyn_cast<FunctionDecl>(V.getDeclContext());
  if (!Function || !Function->hasBody())
    return false;
  return !anyStmt(Function->getBody(), [&](const Stmt *S) {
    // ++n, n++, &n (written through a pointer).
    if (const auto *Unary = dyn_cast<UnaryOperator>(S))
      return (Unary->isIncrementOp() || Unary->getOpcode() == UO_AddrOf) &&
             inductionVariable(Unary->getSubExpr()) == &V;
    const auto *Assign = dyn_cast<BinaryOperator>(S);
    return Assign && Assign->isAssignmentOp() &&
           Assign->getOpcode() != BO_SubAssign &&
           inductionVariable(Assign->getLHS()) == &V;
  });
}

/// The variable a loop counts down to zero, in a condition that stops at
/// zero (`n`, `n--`, `n > 0`, `n != 0`, `0 < n`) while the loop decrements
/// it (`--n`, `n--`, `n -= 1`), or nullptr: `while (n) { ...; n--; }` runs n
/// times.
const DeclRefExpr *countdownCounter(const Stmt *Loop, const Expr *Cond) {
  const Expr *Counter = Cond;
  if (std::optional<Comparison> Compare = comparisonOf(Cond)) {
    auto IsZero = [](const Expr *E) {
      const auto *Literal = dyn_cast<IntegerLiteral>(ignoreWrappers(E));
      return Literal && Literal->getValue() == 0;
    };
    if ((Compare->Op == BO_GT || Compare->Op == BO_NE) && IsZero(Compare->RHS))
      Counter = Compare->LHS;
    else if ((Compare->Op == BO_LT || Compare->Op == BO_NE) &&
             IsZero(Compare->LHS))
      Counter = Compare->RHS;
    else
      return nullptr;
  }
  Counter = ignoreWrappers(Counter);
  const auto *Step = dyn_cast<UnaryOperator>(Counter);
  if (Step && Step->isDecrementOp())
    Counter = ignoreWrappers(Step->getSubExpr());
  const auto *Ref = dyn_cast<DeclRefExpr>(Counter);
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Var || !Var->getType()->isIntegerType() || !onlyCountsDown(*Var))
    return nullptr;
  const Stmt *Inc = nullptr;
  if (const auto *For = dyn_cast<ForStmt>(Loop)) {
    // A counter the for-init sets is the induction analysis's to judge.
    if (mentions(For->getInit(), Var))
      return nullptr;
    Inc = For->getInc();
  }
  if (Step && Step->isDecrementOp())
    return Ref;
  auto Decrements = [&](const Stmt *S) {
    return anyStmt(S, [&](const Stmt *Node) {
      if (const auto *Unary = dyn_cast<UnaryOperator>(Node))
        return Unary->isDecrementOp() &&
               inductionVariable(Unary->getSubExpr()) == Var;
      const auto *Compound = dyn_cast<CompoundAssignOperator>(Node);
      return Compound && Compound->getOpcode() == BO_SubAssign &&
             inductionVariable(Compound->getLHS()) == Var;
    });
  };
  return Decrements(Inc) || Decrements(loopBody(Loop)) ? Ref : nullptr;
}

/// Whether S may jump back to the loop's condition: a `continue` of this
/// loop (not of an inner one), or a label a `goto` could reach.
bool mayRestart(const Stmt *S, bool InInnerLoop = false) {
  if (!S)
    return false;
  if (isa<LabelStmt>(S) || (isa<ContinueStmt>(S) && !InInnerLoop))
    return true;
  bool Inner =
      InInnerLoop || isa<ForStmt, CXXForRangeStmt, WhileStmt, DoStmt>(S);
  return llvm::any_of(S->children(), [&](const Stmt *Child) {
    return mayRestart(Child, Inner);
  });
}

/// Whether every path through S leaves the enclosing loop: a `break` of the
/// loop, `return`, `throw` or a call that does not return.
bool leavesOnEveryPath(const Stmt *S) {
  if (!S)
    return false;
  if (isa<BreakStmt, ReturnStmt>(S))
    return true;
  if (const auto *E = dyn_cast<Expr>(S)) {
    E = E->IgnoreParenImpCasts();
    if (isa<CXXThrowExpr>(E))
      return true;
    const auto *Call = dyn_cast<CallExpr>(E);
    const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
    return Callee && Callee->isNoReturn();
  }
  if (const auto *If = dyn_cast<IfStmt>(S))
    return leavesOnEveryPath(If->getThen()) && leavesOnEveryPath(If->getElse());
  if (const auto *Compound = dyn_cast<CompoundStmt>(S)) {
    for (const Stmt *Child : Compound->body()) {
      if (mayRestart(Child))
        return false;
      if (leavesOnEveryPath(Child))
        return true;
    }
  }
  return false;
}

} // namespace

const ValueDecl *insertionTarget(const Stmt *S) {
  static constexpr llvm::StringLiteral Insertions[] = {
      "push_back", "emplace_back", "push",         "emplace",
      "insert",    "push_front",   "emplace_front"};
  const auto *Call = dyn_cast<CXXMemberCallExpr>(S);
  const CXXMethodDecl *Method = Call ? Call->getMethodDecl() : nullptr;
  if (!Method || !Method->getDeclName().isIdentifier() ||
      !llvm::is_contained(Insertions, Method->getName()))
    return nullptr;
  return referencedDecl(Call->getImplicitObjectArgument());
}

bool insertsInto(const Stmt *Body, const ValueDecl *Container) {
  return anyStmt(Body, [&](const Stmt *S) {
    const ValueDecl *Target = insertionTarget(S);
    return Target && Target == Container;
  });
}

bool isLoop(const Stmt *S) {
  return isa_and_nonnull<ForStmt, CXXForRangeStmt, WhileStmt, DoStmt>(S);
}

const Stmt *loopBody(const Stmt *Loop) {
  if (const auto *For = dyn_cast<ForStmt>(Loop))
    return For->getBody();
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(Loop))
    return Range->getBody();
  if (const auto *While = dyn_cast<WhileStmt>(Loop))
    return While->getBody();
  if (const auto *Do = dyn_cast<DoStmt>(Loop))
    return Do->getBody();
  return nullptr;
}

const Expr *loopCondition(const Stmt *Loop) {
  if (const auto *For = dyn_cast<ForStmt>(Loop))
    return For->getCond();
  if (const auto *While = dyn_cast<WhileStmt>(Loop))
    return While->getCond();
  if (const auto *Do = dyn_cast<DoStmt>(Loop))
    return Do->getCond();
  return nullptr;
}

bool namesMemberElement(const Expr *E, const Stmt *Loop,
                        const TripCount &Bound) {
  if (Bound.Kind != TripCountKind::ElementCount || !Bound.Container ||
      !isa_and_nonnull<FieldDecl>(referencedDecl(Bound.Container)))
    return false;
  const ValueDecl *Named = referencedDecl(E);
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(Loop))
    return Named && Named == Range->getLoopVariable();
  return Named && Named == referencedDecl(Bound.Container) &&
         !isa<MemberExpr, DeclRefExpr>(ignoreWrappers(E));
}

LoopBounds::LoopBounds(ASTContext &Ctx, uint64_t MaxIterations,
                       llvm::StringRef WorkerCountPattern)
    : Ctx(Ctx), MaxIterations(MaxIterations),
      WorkerCountNames(WorkerCountPattern),
      HasWorkerCountNames(!WorkerCountPattern.empty() &&
                          WorkerCountNames.isValid()) {}

bool LoopBounds::isBounded(const TripCount &T) const {
  switch (T.Kind) {
  case TripCountKind::Constant:
    return T.Value <= MaxIterations;
  case TripCountKind::CoreCount:
  case TripCountKind::WorkerCount:
    return true;
  default:
    return false;
  }
}

std::string LoopBounds::describe(const TripCount &T) const {
  switch (T.Kind) {
  case TripCountKind::Constant:
    if (T.Value <= MaxIterations)
      return "it runs " + T.What + " times";
    return "it runs " + T.What + " times, more than the " +
           std::to_string(MaxIterations) + " MaxIterations allows";
  case TripCountKind::CoreCount:
    if (T.Value > 1)
      return "it runs " + std::to_string(T.Value) + " times per core ('" +
             T.What + "')";
    return "it runs once per core ('" + T.What + "')";
  case TripCountKind::WorkerCount:
    return "it runs once per configured worker ('" + T.What + "')";
  case TripCountKind::RuntimeCount:
    return "its trip count '" + T.What + "' is only known at run time";
  case TripCountKind::Input:
    return "its trip count '" + T.What + "' is read from the input";
  case TripCountKind::ElementCount:
    return "it runs once per element of '" + T.What + "'";
  case TripCountKind::Condition:
    return "it runs for as long as '" + T.What + "' holds";
  case TripCountKind::Infinite:
    return "it has no exit condition";
  }
  return "";
}

TripCount LoopBounds::ofCount(const Expr *E) const { return ofCount(E, 0); }

TripCount LoopBounds::ofCount(const Expr *E, unsigned Depth) const {
  E = ignoreWrappers(E);
  if (const auto *Cast = dyn_cast<ExplicitCastExpr>(E))
    E = ignoreWrappers(Cast->getSubExpr());
  TripCount Runtime{TripCountKind::RuntimeCount, 0, spelling(E, Ctx)};
  if (E->isValueDependent() || E->isTypeDependent())
    return Runtime;
  if (std::optional<llvm::APSInt> Value = E->getIntegerConstantExpr(Ctx))
    return constant(Value->isNegative() ? 0 : Value->getZExtValue());
  Expr::EvalResult Result;
  if (E->EvaluateAsInt(Result, Ctx) && Result.Val.isInt())
    return constant(Result.Val.getInt().isNegative()
                        ? 0
                        : Result.Val.getInt().getZExtValue());
  if (Depth > MaxDepth)
    return Runtime;

  if (const auto *Binary = dyn_cast<BinaryOperator>(E)) {
    TripCount L = ofCount(Binary->getLHS(), Depth + 1);
    switch (Binary->getOpcode()) {
    case BO_Mul:
    case BO_Add:
      return combine(L, ofCount(Binary->getRHS(), Depth + 1),
                     Binary->getOpcode());
    case BO_Div: {
      TripCount R = ofCount(Binary->getRHS(), Depth + 1);
      if (L.Kind == TripCountKind::CoreCount &&
          R.Kind == TripCountKind::Constant && R.Value > 0)
        L.Value = std::max<uint64_t>(1, L.Value / R.Value);
      return L;
    }
    case BO_Sub:
    case BO_Shr:
    case BO_Rem:
      return L;
    default:
      return Runtime;
    }
  }
  if (const auto *Conditional = dyn_cast<ConditionalOperator>(E))
    return worse(ofCount(Conditional->getTrueExpr(), Depth + 1),
                 ofCount(Conditional->getFalseExpr(), Depth + 1));
  if (const Expr *Source = inputSource(E))
    return {TripCountKind::Input, 0, spelling(E, Ctx), nullptr, Source};
  if (const auto *Call = dyn_cast<CallExpr>(E))
    return ofCall(Call, Depth);
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
    return ofNamedValue(Ref->getDecl(),
                        Var && !isa<ParmVarDecl>(Var) ? Var->getAnyInitializer()
                                                      : nullptr,
                        Depth);
  }
  if (const auto *Member = dyn_cast<MemberExpr>(E)) {
    const auto *Field = dyn_cast<FieldDecl>(Member->getMemberDecl());
    return ofNamedValue(Member->getMemberDecl(),
                        Field ? Field->getInClassInitializer() : nullptr,
                        Depth);
  }
  return Runtime;
}

TripCount LoopBounds::ofNamedValue(const NamedDecl *D, const Expr *Init,
                                   unsigned Depth) const {
  TripCount Named{TripCountKind::RuntimeCount, 0, D->getNameAsString()};
  // `unsigned n = 0; in >> n;`: the read, not the initializer, sizes it.
  if (const auto *Var = dyn_cast<VarDecl>(D))
    if (const Stmt *Read = inputReadInto(*Var))
      return {TripCountKind::Input, 0, Named.What, nullptr, Read, Var};
  if (Init) {
    TripCount FromInit = ofCount(Init, Depth + 1);
    if (FromInit.Kind == TripCountKind::Input) {
      FromInit.What = Named.What;
      FromInit.Variable = dyn_cast<ValueDecl>(D);
    }
    if (FromInit.Kind != TripCountKind::RuntimeCount)
      return FromInit;
  }
  if (HasWorkerCountNames && WorkerCountNames.match(D->getName()))
    Named.Kind = TripCountKind::WorkerCount;
  return Named;
}

TripCount LoopBounds::ofCall(const CallExpr *Call, unsigned Depth) const {
  const FunctionDecl *Callee = Call->getDirectCallee();
  TripCount Runtime{TripCountKind::RuntimeCount, 0, spelling(Call, Ctx)};
  if (!Callee || !Callee->getDeclName().isIdentifier())
    return Runtime;
  if (isNamedAnyOf(Callee, CoreCountFunctions))
    return coreCount(spelling(Call, Ctx));
  llvm::StringRef Name = Callee->getName();
  if (Callee->isInStdNamespace() && Call->getNumArgs() >= 2) {
    if (Name == "min")
      return better(ofCount(Call->getArg(0), Depth + 1),
                    ofCount(Call->getArg(1), Depth + 1));
    if (Name == "max")
      return worse(ofCount(Call->getArg(0), Depth + 1),
                   ofCount(Call->getArg(1), Depth + 1));
    if (Name == "clamp" && Call->getNumArgs() >= 3)
      return ofCount(Call->getArg(2), Depth + 1);
  }
  if (isNamedAnyOf(Callee, SizeFunctions) && Call->getNumArgs() >= 1)
    return ofContainer(Call->getArg(0));
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call)) {
    if (Name == "size" || Name == "length" || Name == "count")
      return ofContainer(Member->getImplicitObjectArgument());
    // A getter such as num_threads(): judged by its name.
    if (Call->getNumArgs() == 0)
      return ofNamedValue(Callee, nullptr, Depth);
  }
  return Runtime;
}

TripCount LoopBounds::ofContainer(const Expr *Container) const {
  if (std::optional<uint64_t> Count = fixedElementCount(Container->getType()))
    return constant(*Count);
  if (const auto *Local = dyn_cast_or_null<VarDecl>(referencedDecl(Container));
      Local && Local->isLocalVarDecl() && !Local->getType()->isReferenceType())
    if (std::optional<uint64_t> Count = constructedCount(*Local))
      return constant(*Count);
  return {TripCountKind::ElementCount, 0, spelling(Container, Ctx), Container};
}

std::optional<uint64_t>
LoopBounds::constructedCount(const VarDecl &Local) const {
  // std::vector<Job> jobs(10); std::vector<int> ids{1, 2, 3};
  const auto *Construct =
      dyn_cast_or_null<CXXConstructExpr>(ignoreWrappers(Local.getInit()));
  if (!Construct || Construct->getNumArgs() == 0 ||
      isa<CXXDefaultArgExpr>(Construct->getArg(0)))
    return std::nullopt;
  const Expr *First = ignoreWrappers(Construct->getArg(0));
  std::optional<uint64_t> Count;
  if (const auto *List = dyn_cast<CXXStdInitializerListExpr>(First)) {
    if (const auto *Inits =
            dyn_cast<InitListExpr>(ignoreWrappers(List->getSubExpr())))
      Count = Inits->getNumInits();
  } else if (First->getType()->isIntegerType()) {
    TripCount Size = ofCount(First);
    if (Size.Kind == TripCountKind::Constant)
      Count = Size.Value;
  }
  if (!Count || mayResize(Local))
    return std::nullopt;
  return Count;
}

TripCount LoopBounds::ofLoop(const Stmt *Loop) const {
  if (leavesOnEveryPath(loopBody(Loop)))
    return constant(1);
  if (const auto *For = dyn_cast<ForStmt>(Loop))
    return ofForLoop(For);
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(Loop))
    return ofRange(Range->getRangeInit());
  if (const auto *While = dyn_cast<WhileStmt>(Loop))
    return ofTest(While, While->getCond());
  if (const auto *Do = dyn_cast<DoStmt>(Loop))
    return ofTest(Do, Do->getCond());
  return {TripCountKind::Infinite, 0, ""};
}

TripCount LoopBounds::ofCondition(const Expr *Cond) const {
  if (!Cond)
    return {TripCountKind::Infinite, 0, ""};
  bool Value = false;
  if (!Cond->isValueDependent() && Cond->EvaluateAsBooleanCondition(Value, Ctx))
    return Value ? TripCount{TripCountKind::Infinite, 0, spelling(Cond, Ctx)}
                 : constant(1);
  return {TripCountKind::Condition, 0, spelling(Cond, Ctx)};
}

/// The size of the array a `for (T *p = items; *p; ++p)` walks: the loop
/// ends at the array's end at the latest when only its increment moves p.
std::optional<uint64_t> walkedArraySize(const ForStmt *For) {
  const auto *Inc = dyn_cast_or_null<UnaryOperator>(For->getInc());
  const VarDecl *Pointer = Inc && Inc->isIncrementOp()
                               ? inductionVariable(Inc->getSubExpr())
                               : nullptr;
  if (!Pointer || !Pointer->getType()->isPointerType())
    return std::nullopt;
  const Expr *Start = initialValue(For->getInit(), Pointer);
  const auto *Array = dyn_cast_or_null<VarDecl>(
      Start ? referencedDecl(Start->IgnoreParenImpCasts()) : nullptr);
  const auto *Type = Array ? dyn_cast_or_null<ConstantArrayType>(
                                 Array->getType()->getAsArrayTypeUnsafe())
                           : nullptr;
  if (!Type)
    return std::nullopt;
  bool Moved = anyStmt(For->getBody(), [&](const Stmt *S) {
    if (const auto *Step = dyn_cast<UnaryOperator>(S))
      return Step->isIncrementDecrementOp() &&
             inductionVariable(Step->getSubExpr()) == Pointer;
    const auto *Assign = dyn_cast<BinaryOperator>(S);
    return Assign && Assign->isAssignmentOp() &&
           inductionVariable(Assign->getLHS()) == Pointer;
  });
  if (Moved)
    return std::nullopt;
  return Type->getSize().getZExtValue();
}

TripCount LoopBounds::ofForLoop(const ForStmt *For) const {
  if (!For->getCond())
    return {TripCountKind::Infinite, 0, ""};
  TripCount Tested = ofTest(For, For->getCond());
  if (std::optional<uint64_t> Size = walkedArraySize(For))
    return better(constant(*Size), Tested);
  return Tested;
}

TripCount LoopBounds::ofTest(const Stmt *Loop, const Expr *Cond) const {
  if (!Cond)
    return ofCondition(Cond);
  Cond = ignoreWrappers(Cond);
  // `i < n && ok` ends when either side fails: the better bound holds;
  // `a || b` runs while either holds: the worse one.
  if (const auto *Logical = dyn_cast<BinaryOperator>(Cond);
      Logical && Logical->isLogicalOp()) {
    TripCount L = ofTest(Loop, Logical->getLHS());
    TripCount R = ofTest(Loop, Logical->getRHS());
    if (L.Kind == TripCountKind::Condition &&
        R.Kind == TripCountKind::Condition)
      return ofCondition(Cond);
    return Logical->getOpcode() == BO_LAnd ? better(L, R) : worse(L, R);
  }
  std::optional<Comparison> Compare = comparisonOf(Cond);
  if (Compare)
    if (std::optional<TripCount> Grown = ofGrowingContainer(Loop, *Compare))
      return *Grown;
  const auto *For = dyn_cast<ForStmt>(Loop);
  if (Compare && For) {
    TripCount Counted = ofInduction(For, *Compare, Cond);
    if (Counted.Kind != TripCountKind::Condition)
      return Counted;
  }
  if (const DeclRefExpr *Counter = countdownCounter(Loop, Cond))
    return ofCount(Counter);
  return ofCondition(Cond);
}

TripCount LoopBounds::ofInduction(const ForStmt *For, Comparison Compare,
                                  const Expr *Cond) const {
  auto [LHS, Op, RHS] = Compare;
  if (Op == BO_NE || Op == BO_LT)
    if (const Expr *Container = containerOfEnd(RHS))
      return ofContainer(Container);

  // Normalise to `i OP bound` with the induction variable on the left.
  const VarDecl *Induction = inductionVariable(LHS);
  const Expr *Bound = RHS;
  if (!isInductionOf(For, Induction)) {
    Induction = inductionVariable(RHS);
    Bound = LHS;
    Op = BinaryOperator::reverseComparisonOp(Op);
  }
  if (!isInductionOf(For, Induction))
    return ofCondition(Cond);

  const Expr *Start = initialValue(For->getInit(), Induction);
  bool Down = countsDown(For, Induction);
  if (Down && (Op == BO_GT || Op == BO_GE || Op == BO_NE)) {
    // Counting down from Start to Bound: Start bounds the count.
    if (!Start)
      return ofCondition(Cond);
    std::swap(Start, Bound);
  } else if (Down || (Op != BO_LT && Op != BO_LE && Op != BO_NE)) {
    return ofCondition(Cond);
  }
  TripCount Count = ofCount(Bound);
  if (Count.Kind != TripCountKind::Constant)
    return Count;
  if (Op == BO_LE || Op == BO_GE)
    Count.Value += 1;
  if (Start) {
    TripCount From = ofCount(Start);
    if (From.Kind == TripCountKind::Constant && From.Value <= Count.Value)
      Count.Value -= From.Value;
  }
  Count.What = std::to_string(Count.Value);
  return Count;
}

std::optional<TripCount>
LoopBounds::ofGrowingContainer(const Stmt *Loop, Comparison Compare) const {
  // `while (pool_.size() < kMax) pool_.emplace_back(...)`: each iteration
  // adds an element, so the bound on the size bounds the iterations.
  auto [LHS, Op, RHS] = Compare;
  if (Op == BO_GT || Op == BO_GE) {
    std::swap(LHS, RHS);
    Op = BinaryOperator::reverseComparisonOp(Op);
  }
  if (Op != BO_LT && Op != BO_LE)
    return std::nullopt;
  const auto *Size = dyn_cast<CXXMemberCallExpr>(ignoreWrappers(LHS));
  const CXXMethodDecl *Method = Size ? Size->getMethodDecl() : nullptr;
  if (!Method || !Method->getDeclName().isIdentifier() ||
      Method->getName() != "size")
    return std::nullopt;
  const ValueDecl *Container =
      referencedDecl(Size->getImplicitObjectArgument());
  if (!Container || !insertsInto(loopBody(Loop), Container))
    return std::nullopt;
  TripCount Count = ofCount(RHS);
  if (Count.Kind == TripCountKind::Constant && Op == BO_LE) {
    Count.Value += 1;
    Count.What = std::to_string(Count.Value);
  }
  return Count;
}

TripCount LoopBounds::ofAlgorithm(const AlgorithmCall &Algorithm) const {
  if (Algorithm.Count)
    return ofCount(Algorithm.Count);
  if (Algorithm.Range)
    return ofRange(Algorithm.Range);
  if (const Expr *Container = containerOfEnd(Algorithm.Last))
    return ofContainer(Container);
  return {TripCountKind::RuntimeCount, 0, spelling(Algorithm.Last, Ctx)};
}

TripCount LoopBounds::ofRange(const Expr *Init) const {
  Init = ignoreWrappers(Init);
  if (const auto *List = dyn_cast<CXXStdInitializerListExpr>(Init))
    Init = ignoreWrappers(List->getSubExpr());
  if (const auto *Braced = dyn_cast<InitListExpr>(Init))
    return constant(Braced->getNumInits());
  // iota(0, n), irange(0, n): the count is the upper bound.
  if (const auto *Call = dyn_cast<CallExpr>(Init))
    if (const auto *Callee = Call->getDirectCallee())
      if (Callee->getDeclName().isIdentifier() &&
          (Callee->getName() == "iota" || Callee->getName() == "irange") &&
          Call->getNumArgs() >= 1)
        return ofCount(Call->getArg(Call->getNumArgs() - 1));
  if (const auto *Functional = dyn_cast<CXXConstructExpr>(Init))
    if (const auto *Record = Functional->getConstructor()->getParent();
        Record->getName() == "iota_view" && Functional->getNumArgs() >= 1)
      return ofCount(Functional->getArg(Functional->getNumArgs() - 1));
  return ofContainer(Init);
}

} // namespace clang::tidy::unbounded::utils
