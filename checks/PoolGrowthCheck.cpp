//===- PoolGrowthCheck.cpp - unbounded-pool-growth ------------------------===//

#include "PoolGrowthCheck.h"
#include "utils/SharedOptions.h"
#include "utils/Defaults.h"
#include "utils/LimiterDetection.h"
#include "utils/LoopBounds.h"
#include "utils/Matchers.h"
#include "utils/AstWalk.h"
#include "utils/InputSources.h"
#include "utils/NameLists.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::unbounded {

using utils::ThreadFate;
using utils::TripCountKind;

namespace {

constexpr llvm::StringLiteral DefaultPoolTypes =
    "::boost::asio::thread_pool:0;::BS::thread_pool:0;"
    "::BS::light_thread_pool:0;::BS::priority_thread_pool:0;"
    "::folly::CPUThreadPoolExecutor:0;::folly::IOThreadPoolExecutor:0;"
    "::tbb::task_arena:0;::tbb::detail::d1::task_arena:0";

/// Timed waits after which an idle worker can exit.
constexpr llvm::StringLiteral TimedWaits[] = {
    "wait_for",        "wait_until",      "try_pop_for",
    "try_pop_until",   "try_dequeue_for", "wait_dequeue_timed",
    "timed_wait",      "try_acquire_for", "try_acquire_until",
    "pop_for",         "poll"};

/// The member a statement increments (++n_, n_ += 1, n_.fetch_add(1)).
const FieldDecl *incrementedField(const Stmt *S) {
  const Expr *Target = nullptr;
  if (const auto *Unary = dyn_cast<UnaryOperator>(S);
      Unary && Unary->isIncrementOp())
    Target = Unary->getSubExpr();
  else if (const auto *Compound = dyn_cast<CompoundAssignOperator>(S);
           Compound && Compound->getOpcode() == BO_AddAssign)
    Target = Compound->getLHS();
  else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S);
           Op && (Op->getOperator() == OO_PlusPlus ||
                  Op->getOperator() == OO_PlusEqual))
    Target = Op->getArg(0);
  else if (const auto *Call = dyn_cast<CXXMemberCallExpr>(S))
    if (const auto *Method = Call->getMethodDecl();
        Method && Method->getDeclName().isIdentifier() &&
        Method->getName() == "fetch_add")
      Target = Call->getImplicitObjectArgument();
  if (!Target)
    return nullptr;
  const auto *Member = dyn_cast<MemberExpr>(utils::ignoreWrappers(Target));
  return Member ? dyn_cast<FieldDecl>(Member->getMemberDecl()) : nullptr;
}

/// Whether a worker running Body can end while idle: it has no loop (it
/// runs one task and ends), or a timed wait and a way out of its loop.
bool exitsWhenIdle(const Stmt *Body) {
  if (!utils::anyStmt(Body, [](const Stmt *S) { return utils::isLoop(S); }))
    return true;
  bool TimedWait = utils::anyStmt(Body, [](const Stmt *S) {
    const auto *Call = dyn_cast<CallExpr>(S);
    const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
    return Callee && Callee->getDeclName().isIdentifier() &&
           llvm::is_contained(TimedWaits, Callee->getName());
  });
  bool Exit = utils::anyStmt(
      Body, [](const Stmt *S) { return isa<ReturnStmt, BreakStmt>(S); });
  return TimedWait && Exit;
}

/// The function whose body a worker runs: the thread's function, or the
/// member function its lambda calls on `this`.
const FunctionDecl *workerBody(const utils::ThreadStart &Start) {
  const FunctionDecl *Function = utils::threadFunction(Start);
  const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Function);
  if (!Method || !Method->getParent()->isLambda())
    return Function;
  const FunctionDecl *Called = nullptr;
  utils::anyStmt(Method->getBody(), [&](const Stmt *S) {
    const auto *Call = dyn_cast<CXXMemberCallExpr>(S);
    if (!Call || !isa<CXXThisExpr>(Call->getImplicitObjectArgument()
                                       ->IgnoreParenImpCasts()))
      return false;
    Called = Call->getMethodDecl() ? Call->getMethodDecl()->getDefinition()
                                   : nullptr;
    return Called != nullptr;
  });
  return Called ? Called : Function;
}

/// The loop whose body runs S, within the function (not across a lambda).
const Stmt *enclosingLoop(const Stmt *S, const utils::FunctionParents &Parents) {
  for (const Stmt *Node = S, *Parent = Parents.parent(S); Parent;
       Node = Parent, Parent = Parents.parent(Parent)) {
    if (isa<LambdaExpr>(Parent))
      return nullptr;
    if (utils::isLoop(Parent))
      return Node == utils::loopBody(Parent) ? Parent : nullptr;
  }
  return nullptr;
}

} // namespace

/// "::ns::Pool:1;::other::Pool" → {("::ns::Pool", 1), ("::other::Pool", 0)}.
static std::vector<PoolGrowthCheck::PoolType>
parsePoolTypes(llvm::StringRef Value) {
  std::vector<PoolGrowthCheck::PoolType> Types;
  for (const std::string &Item : utils::parseList(Value)) {
    auto [Name, Index] = llvm::StringRef(Item).rsplit(':');
    unsigned Argument = 0;
    if (Index.empty() || Index.getAsInteger(10, Argument))
      Argument = 0;
    Types.push_back({Name.trim().str(), Argument});
  }
  return Types;
}

static std::string
joinPoolTypes(const std::vector<PoolGrowthCheck::PoolType> &Types) {
  std::vector<std::string> Items;
  for (const PoolGrowthCheck::PoolType &Type : Types)
    Items.push_back(Type.Name + ":" + std::to_string(Type.Argument));
  return utils::joinList(Items);
}

PoolGrowthCheck::PoolGrowthCheck(StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      MaxThreads(Options.get("MaxThreads", 256U)),
      MaxCoreMultiple(Options.get("MaxCoreMultiple", 4U)),
      PoolTypes(parsePoolTypes(Options.get("PoolTypes", DefaultPoolTypes))),
      PoolTypePattern(Options.get("PoolTypePattern", "(Pool|Executor)$")),
      ThreadCountParameterPattern(
          Options.get("ThreadCountParameterPattern",
                      "[Tt]hread|[Ww]orker|[Cc]oncurren|[Pp]arallel")),
      InputCountPattern(Options.get(
          "InputCountPattern",
          "[Rr]equest|[Ii]tem|[Tt]ask|[Jj]ob|[Mm]essage|[Ee]vent|"
          "[Cc]onnection|[Cc]lient|[Uu]ser|[Oo]rder|[Ee]ntr|[Rr]ow|[Ff]ile|"
          "[Ll]ine|[Ii]nput")),
      WorkerCountPattern(utils::sharedOption(Options, "WorkerCountPattern", utils::defaults::WorkerCountPattern)),
      GrowthFunctionPattern(Options.get(
          "GrowthFunctionPattern",
          "([Aa]dd|[Gg]row|[Ss]pawn|[Ss]cale|[Ee]xpand|[Ee]nsure|[Mm]ore|"
          "[Nn]ew).*([Ww]orker|[Tt]hread)")),
      CounterPattern(utils::sharedOption(Options, "CounterPattern", utils::defaults::CounterPattern)),
      LimiterFunctions(utils::parseList(utils::sharedOption(Options, "LimiterFunctions", utils::defaults::LimiterFunctions))),
      LimiterTypePattern(utils::sharedOption(Options, "LimiterTypePattern", utils::defaults::LimiterTypePattern)),
      Starts{{"::std::thread", "::std::jthread", "::boost::thread"},
             {"::std::jthread"},
             {"::std::async", "::boost::async"},
             {"::pthread_create", "::thrd_create"},
             {},
             {"::boost::thread_group::create_thread"}},
      PoolTypeNames(PoolTypePattern),
      ThreadCountParameters(ThreadCountParameterPattern),
      InputCounts(InputCountPattern), GrowthFunctions(GrowthFunctionPattern) {}

void PoolGrowthCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "MaxThreads", MaxThreads);
  Options.store(Opts, "MaxCoreMultiple", MaxCoreMultiple);
  Options.store(Opts, "PoolTypes", joinPoolTypes(PoolTypes));
  Options.store(Opts, "PoolTypePattern", PoolTypePattern);
  Options.store(Opts, "ThreadCountParameterPattern",
                ThreadCountParameterPattern);
  Options.store(Opts, "InputCountPattern", InputCountPattern);
  utils::storeShared(Options, Opts, "WorkerCountPattern", WorkerCountPattern, utils::defaults::WorkerCountPattern);
  Options.store(Opts, "GrowthFunctionPattern", GrowthFunctionPattern);
  utils::storeShared(Options, Opts, "CounterPattern", CounterPattern, utils::defaults::CounterPattern);
  utils::storeShared(Options, Opts, "LimiterFunctions", utils::joinList(LimiterFunctions), utils::defaults::LimiterFunctions);
  utils::storeShared(Options, Opts, "LimiterTypePattern", LimiterTypePattern, utils::defaults::LimiterTypePattern);
}

void PoolGrowthCheck::registerMatchers(MatchFinder *Finder) {
  utils::registerThreadStartMatchers(*Finder, *this, Starts);
  auto InUserCode = unless(isExpansionInSystemHeader());
  std::vector<llvm::StringRef> Known;
  for (const PoolType &Type : PoolTypes)
    Known.push_back(Type.Name);
  if (!Known.empty()) {
    auto KnownPool = cxxRecordDecl(hasAnyName(Known));
    Finder->addMatcher(
        cxxConstructExpr(hasDeclaration(cxxConstructorDecl(ofClass(KnownPool))),
                         InUserCode)
            .bind("pool"),
        this);
    Finder->addMatcher(
        callExpr(utils::makesInstanceOf(KnownPool), InUserCode).bind("makePool"),
        this);
  }
  // Pools of this translation unit's own making, judged by name.
  Finder->addMatcher(
      cxxConstructExpr(hasDeclaration(cxxConstructorDecl(
                           unless(isExpansionInSystemHeader()))),
                       InUserCode)
          .bind("userPool"),
      this);
}

void PoolGrowthCheck::check(const MatchFinder::MatchResult &Result) {
  Context = Result.Context;
  if (!Functions || &Functions->context() != Context)
    Functions = std::make_unique<utils::FunctionIndex>(*Context);
  const auto &Nodes = Result.Nodes;
  if (const auto *Construct = Nodes.getNodeAs<CXXConstructExpr>("pool")) {
    const CXXConstructorDecl *Ctor = Construct->getConstructor();
    std::optional<unsigned> Index = countArgument(*Ctor->getParent(), Ctor);
    if (Index && *Index < Construct->getNumArgs())
      checkSizing(Construct, utils::spelledType(Construct->getType()),
                  Construct->getArg(*Index));
    return;
  }
  if (const auto *Make = Nodes.getNodeAs<CallExpr>("makePool")) {
    const auto *Args = Make->getDirectCallee()->getTemplateSpecializationArgs();
    const CXXRecordDecl *Pool =
        Args ? Args->get(0).getAsType()->getAsCXXRecordDecl() : nullptr;
    std::optional<unsigned> Index =
        Pool ? countArgument(*Pool, nullptr) : std::nullopt;
    if (Index && *Index < Make->getNumArgs())
      checkSizing(Make, utils::spelledType(Args->get(0).getAsType()),
                  Make->getArg(*Index));
    return;
  }
  if (const auto *Construct = Nodes.getNodeAs<CXXConstructExpr>("userPool")) {
    const CXXConstructorDecl *Ctor = Construct->getConstructor();
    const CXXRecordDecl *Pool = Ctor->getParent();
    if (!Pool->getDeclName().isIdentifier() ||
        !PoolTypeNames.match(Pool->getName()) || Ctor->isCopyOrMoveConstructor())
      return;
    std::optional<unsigned> Index = countArgument(*Pool, Ctor);
    if (Index && *Index < Construct->getNumArgs())
      checkSizing(Construct, utils::spelledType(Construct->getType()),
                  Construct->getArg(*Index));
    return;
  }
  if (std::optional<utils::ThreadStart> Start =
          utils::threadStartOf(Result, Starts))
    checkGrowth(*Start);
}

std::optional<unsigned>
PoolGrowthCheck::countArgument(const CXXRecordDecl &Pool,
                               const CXXConstructorDecl *Ctor) const {
  for (const PoolType &Type : PoolTypes)
    if (utils::isNamedAnyOf(&Pool, {Type.Name}))
      return Type.Argument;
  if (!Ctor)
    return std::nullopt;
  for (unsigned I = 0; I < Ctor->getNumParams(); ++I) {
    const ParmVarDecl *Param = Ctor->getParamDecl(I);
    if (Param->getDeclName().isIdentifier() &&
        ThreadCountParameters.match(Param->getName()) &&
        Param->getType()->isIntegerType())
      return I;
  }
  return std::nullopt;
}

bool PoolGrowthCheck::clampedBefore(const ValueDecl *Count, const Stmt *Use,
                                    const utils::FunctionParents &Parents) const {
  const auto *Var = dyn_cast_or_null<VarDecl>(Count);
  if (!Var)
    return false;
  const SourceManager &SM = Context->getSourceManager();
  auto Mentions = [&](const Stmt *S) {
    return utils::anyStmt(S, [&](const Stmt *Node) {
      const auto *Ref = dyn_cast<DeclRefExpr>(Node);
      return Ref && Ref->getDecl() == Var;
    });
  };
  return utils::anyStmt(Parents.body(), [&](const Stmt *S) {
    if (!utils::isBefore(S->getBeginLoc(), Use->getBeginLoc(), SM))
      return false;
    // if (n > kMax) n = kMax;  or  if (n > kMax) return;
    if (const auto *If = dyn_cast<IfStmt>(S)) {
      const auto *Cond =
          dyn_cast<BinaryOperator>(If->getCond()->IgnoreParenImpCasts());
      return Cond && Cond->isComparisonOp() && Mentions(Cond);
    }
    // n = std::min(n, kMax);
    const auto *Assign = dyn_cast<BinaryOperator>(S);
    return Assign && Assign->isAssignmentOp() &&
           utils::referencedDecl(Assign->getLHS()) == Var &&
           !utils::inputSource(Assign->getRHS());
  });
}

static constexpr llvm::StringLiteral Remedy =
    "; clamp it with std::min against a configured maximum or the core count";

void PoolGrowthCheck::noteInput(const utils::TripCount &Size) {
  if (Size.Origin)
    diag(Size.Origin->getBeginLoc(), "read from the input here",
         DiagnosticIDs::Note);
}

void PoolGrowthCheck::checkSizing(const Expr *Construction,
                                  llvm::StringRef PoolName,
                                  const Expr *Count) {
  // task_arena(task_arena::attach()): a tag, not a thread count (found on a
  // vendored oneTBB's flow graph).
  if (isa<CXXDefaultArgExpr>(Count) || !Count->getType()->isIntegerType() ||
      alreadyReported(Count->getBeginLoc()))
    return;
  utils::LoopBounds Bounds(*Context, MaxThreads, WorkerCountPattern);
  utils::TripCount Size = Bounds.ofCount(Count);
  if (Size.Kind == TripCountKind::Constant) {
    if (Size.Value <= MaxThreads)
      return;
    diag(Count->getBeginLoc(), "'%0' is sized with %1 threads, more than the "
                               "%2 MaxThreads allows%3")
        << PoolName << static_cast<unsigned>(Size.Value) << MaxThreads
        << Remedy;
    return;
  }
  if (Size.Kind == TripCountKind::CoreCount) {
    if (Size.Value <= MaxCoreMultiple)
      return;
    diag(Count->getBeginLoc(), "'%0' is sized with %1 threads per core "
                               "('%2'), more than the %3 MaxCoreMultiple "
                               "allows%4")
        << PoolName << static_cast<unsigned>(Size.Value) << Size.What
        << MaxCoreMultiple << Remedy;
    return;
  }
  const utils::FunctionParents *Parents = Functions->enclosing(Construction);
  if (Size.Kind == TripCountKind::Input) {
    const ValueDecl *Variable =
        Size.Variable ? Size.Variable : utils::referencedDecl(Count);
    if (Parents && clampedBefore(Variable, Construction, *Parents))
      return;
    diag(Count->getBeginLoc(), "'%0' is sized by '%1', which is read from "
                               "the input with no upper limit%2")
        << PoolName << Size.What << Remedy;
    noteInput(Size);
    return;
  }
  bool FromInput =
      Size.Kind == TripCountKind::ElementCount ||
      (Size.Kind == TripCountKind::RuntimeCount && InputCounts.match(Size.What));
  if (!FromInput)
    return;
  if (Parents &&
      clampedBefore(utils::referencedDecl(Count), Construction, *Parents))
    return;
  diag(Count->getBeginLoc(),
       "'%0' is sized by %select{the number of elements of '%2'|'%2'}1, which "
       "grows with the input: one thread per %select{element|unit of input}1%3")
      << PoolName << (Size.Kind == TripCountKind::ElementCount ? 0 : 1)
      << Size.What << Remedy;
}

void PoolGrowthCheck::checkLoopSizing(const utils::ThreadStart &Start,
                                      const Stmt *Loop,
                                      const utils::FunctionParents &Parents) {
  // Only what unbounded-thread-creation leaves to this check: loops it
  // counts as bounded or as a pool's start-up.
  utils::ThreadLifetime Lifetime =
      utils::threadLifetime(Start.E, Start.Kind, Start.JoinsOnDestruction,
                            utils::loopBody(Loop), Parents, *Context);
  if (!utils::outlives(Lifetime.Fate))
    return;
  bool Stored = Lifetime.Fate == ThreadFate::Stored;
  utils::LoopBounds Bounds(*Context, MaxThreads, WorkerCountPattern);
  utils::TripCount Count = Bounds.ofLoop(Loop);
  bool Report =
      (Count.Kind == TripCountKind::Constant && Stored &&
       Count.Value > MaxThreads) ||
      (Count.Kind == TripCountKind::CoreCount &&
       Count.Value > MaxCoreMultiple) ||
      (Count.Kind == TripCountKind::Input && Stored &&
       isa_and_nonnull<FieldDecl>(Lifetime.HolderDecl) &&
       !clampedBefore(Count.Variable, Loop, Parents));
  if (!Report || alreadyReported(Loop->getBeginLoc()))
    return;
  std::string Pool =
      Stored ? "'" + Lifetime.Holder + "' is filled by a loop that"
             : "this loop";
  switch (Count.Kind) {
  case TripCountKind::Constant:
    diag(Loop->getBeginLoc(), "%0 starts %1 threads, more than the %2 "
                              "MaxThreads allows%3")
        << Pool << static_cast<unsigned>(Count.Value) << MaxThreads << Remedy;
    return;
  case TripCountKind::CoreCount:
    diag(Loop->getBeginLoc(), "%0 starts %1 threads per core ('%2'), more "
                              "than the %3 MaxCoreMultiple allows%4")
        << Pool << static_cast<unsigned>(Count.Value) << Count.What
        << MaxCoreMultiple << Remedy;
    return;
  default:
    diag(Loop->getBeginLoc(), "%0 starts one thread per unit of '%1', which "
                              "is read from the input with no upper limit%2")
        << Pool << Count.What << Remedy;
    noteInput(Count);
    return;
  }
}

const FieldDecl *
PoolGrowthCheck::incrementedCounter(const FunctionDecl &Growth) const {
  const FieldDecl *Counter = nullptr;
  utils::anyStmt(Growth.getBody(), [&](const Stmt *S) {
    Counter = incrementedField(S);
    return Counter != nullptr;
  });
  return Counter;
}

void PoolGrowthCheck::checkGrowth(const utils::ThreadStart &Start) {
  const utils::FunctionParents *Parents = Functions->enclosing(Start.E);
  if (!Parents)
    return;
  if (const Stmt *Loop = enclosingLoop(Start.E, *Parents)) {
    checkLoopSizing(Start, Loop, *Parents);
    return;
  }
  const auto *Method = dyn_cast<CXXMethodDecl>(&Parents->function());
  if (!Method || isa<CXXConstructorDecl, CXXDestructorDecl>(Method) ||
      Method->getParent()->isLambda() || !Method->getDeclName().isIdentifier())
    return;
  // Loops start a set of workers (or are unbounded-thread-creation's);
  // growth adds one worker per call, on demand.
  bool Conditional = false;
  for (const Stmt *Node = Start.E, *Parent = Parents->parent(Start.E); Parent;
       Node = Parent, Parent = Parents->parent(Parent)) {
    if (utils::isLoop(Parent) || isa<LambdaExpr>(Parent))
      return;
    if (const auto *If = dyn_cast<IfStmt>(Parent); If && Node != If->getCond())
      Conditional = true;
  }
  if (!Conditional && !GrowthFunctions.match(Method->getName()))
    return;

  utils::ThreadLifetime Lifetime =
      utils::threadLifetime(Start.E, Start.Kind, Start.JoinsOnDestruction,
                            Parents->body(), *Parents, *Context);
  const FieldDecl *Workers = nullptr;
  if (Lifetime.Fate == ThreadFate::Stored &&
      (Start.Kind == utils::SpawnKind::ThreadInPlace ||
       isa_and_nonnull<CXXMemberCallExpr>(Lifetime.Where)))
    Workers = dyn_cast_or_null<FieldDecl>(Lifetime.HolderDecl);
  const FieldDecl *Counter = nullptr;
  if (!Workers && (Lifetime.Fate == ThreadFate::Detached ||
                   Lifetime.Fate == ThreadFate::NeverJoined))
    Counter = incrementedCounter(*Method);
  const FieldDecl *Tally = Workers ? Workers : Counter;
  if (!Tally)
    return;

  utils::LimiterDetection Limiter(
      *Context, LimiterFunctions, LimiterTypePattern,
      "^" + llvm::Regex::escape(Tally->getName()) + "$|" + CounterPattern);
  if (Limiter.findLimiter(Start.E, Parents->body(), *Parents) ||
      limitedByEveryCaller(*Method, Limiter))
    return;
  SourceLocation Loc = isa<CXXMemberCallExpr>(Start.E)
                           ? Start.E->getExprLoc()
                           : Start.E->getBeginLoc();
  if (alreadyReported(Loc))
    return;
  diag(Loc, "pool '%0' adds a worker here with no maximum: nothing compares "
            "the worker count with a limit before it grows (add a maximum, "
            "reject work when it is reached, and let idle workers exit)")
      << Method->getParent()->getName();
  diag(Tally->getLocation(),
       Workers ? "workers are kept in '%0', which nothing bounds"
               : "'%0' counts the workers and is never compared with a maximum",
       DiagnosticIDs::Note)
      << Tally->getName();
  noteScaleDown(Start);
}

bool PoolGrowthCheck::limitedByEveryCaller(
    const CXXMethodDecl &Method, const utils::LimiterDetection &Limiter) {
  bool Called = false, AllLimited = true;
  for (const FunctionDecl *Caller : Functions->userFunctions()) {
    if (!AllLimited)
      break;
    utils::forEachCall(Caller->getBody(), [&](const CallExpr *Call) {
      const FunctionDecl *Callee = Call->getDirectCallee();
      if (!AllLimited || !Callee ||
          Callee->getCanonicalDecl() != Method.getCanonicalDecl())
        return;
      Called = true;
      const utils::FunctionParents &Parents = Functions->parents(*Caller);
      AllLimited = Limiter.findLimiter(Call, Parents.body(), Parents);
    });
  }
  return Called && AllLimited;
}

void PoolGrowthCheck::noteScaleDown(const utils::ThreadStart &Start) {
  const FunctionDecl *Worker = workerBody(Start);
  if (!Worker || !Worker->hasBody() || exitsWhenIdle(Worker->getBody()))
    return;
  diag(Worker->getLocation(),
       "the pool only ever grows: a worker running this never exits while "
       "idle (no timed wait leads to an exit)",
       DiagnosticIDs::Note);
}

bool PoolGrowthCheck::alreadyReported(SourceLocation Loc) {
  return !Reported.insert(Loc.getRawEncoding()).second;
}

void PoolGrowthCheck::onEndOfTranslationUnit() { Functions.reset(); }

} // namespace clang::tidy::unbounded
