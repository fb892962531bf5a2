//===- PoolGrowthCheck.cpp - unbounded-pool-growth ------------------------===//

#include "PoolGrowthCheck.h"
#include "utils/AstNavigation.h"
#include "utils/Compat.h"
#include "utils/Defaults.h"
#include "utils/Effects.h"
#include "utils/InputSources.h"
#include "utils/LimiterDetection.h"
#include "utils/LoopBounds.h"
#include "utils/Matchers.h"
#include "utils/Names.h"
#include "utils/SharedOptions.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Index/USRGeneration.h"

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

/// Library functions that start one thread per unit of an argument later
/// (an event-loop server's `setThreadNum` before `start()`).
constexpr llvm::StringLiteral DefaultPoolSizers =
    "::muduo::net::TcpServer::setThreadNum:0;"
    "::muduo::net::EventLoopThreadPool::setThreadNum:0";

/// Timed waits after which an idle worker can exit.
constexpr llvm::StringLiteral TimedWaits[] = {"wait_for",
                                              "wait_until",
                                              "try_pop_for",
                                              "try_pop_until",
                                              "try_dequeue_for",
                                              "wait_dequeue_timed",
                                              "timed_wait",
                                              "try_acquire_for",
                                              "try_acquire_until",
                                              "pop_for",
                                              "poll"};

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
    if (!Call || !isa<CXXThisExpr>(
                     Call->getImplicitObjectArgument()->IgnoreParenImpCasts()))
      return false;
    Called = Call->getMethodDecl() ? Call->getMethodDecl()->getDefinition()
                                   : nullptr;
    return Called != nullptr;
  });
  return Called ? Called : Function;
}

/// The loop whose body runs S, within the function (not across a lambda).
const Stmt *enclosingLoop(const Stmt *S,
                          const utils::FunctionParents &Parents) {
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

PoolGrowthCheck::PoolGrowthCheck(StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      MaxThreads(Options.get("MaxThreads", 256U)),
      MaxCoreMultiple(Options.get("MaxCoreMultiple", 4U)),
      PoolTypes(utils::parseNamedArguments(
          Options.get("PoolTypes", DefaultPoolTypes))),
      PoolSizers(utils::parseNamedArguments(
          Options.get("PoolSizers", DefaultPoolSizers))),
      PoolTypePattern(Options.get("PoolTypePattern", "(Pool|Executor)$")),
      ThreadCountParameterPattern(
          Options.get("ThreadCountParameterPattern",
                      "[Tt]hread|[Ww]orker|[Cc]oncurren|[Pp]arallel")),
      InputCountPattern(Options.get(
          "InputCountPattern",
          "[Rr]equest|[Ii]tem|[Tt]ask|[Jj]ob|[Mm]essage|[Ee]vent|"
          "[Cc]onnection|[Cc]lient|[Uu]ser|[Oo]rder|[Ee]ntr|[Rr]ow|[Ff]ile|"
          "[Ll]ine|[Ii]nput")),
      WorkerCountPattern(utils::sharedOption(
          Options, "WorkerCountPattern", utils::defaults::WorkerCountPattern)),
      GrowthFunctionPattern(Options.get(
          "GrowthFunctionPattern",
          "([Aa]dd|[Gg]row|[Ss]pawn|[Ss]cale|[Ee]xpand|[Ee]nsure|[Mm]ore|"
          "[Nn]ew).*([Ww]orker|[Tt]hread)")),
      Limits(Options), Libraries(Options),
      Starts{{"::std::thread", "::std::jthread", "::boost::thread"},
             {"::std::jthread"},
             {"::std::async", "::boost::async"},
             {"::pthread_create", "::thrd_create"},
             {},
             {"::boost::thread_group::create_thread"}},
      FactsFile(Options.getLocalOrGlobal(utils::FactsFileOption, "")),
      PoolTypeNames(PoolTypePattern),
      ThreadCountParameters(ThreadCountParameterPattern),
      InputCounts(InputCountPattern), GrowthFunctions(GrowthFunctionPattern),
      Bounds([this](ASTContext &Ctx) {
        return std::make_unique<utils::LoopBounds>(Ctx, MaxThreads,
                                                   WorkerCountPattern);
      }) {
  ProjectFacts = utils::loadFacts(*this, FactsFile);
}

void PoolGrowthCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "MaxThreads", MaxThreads);
  Options.store(Opts, "MaxCoreMultiple", MaxCoreMultiple);
  Options.store(Opts, "PoolTypes", utils::joinNamedArguments(PoolTypes));
  Options.store(Opts, "PoolSizers", utils::joinNamedArguments(PoolSizers));
  Options.store(Opts, "PoolTypePattern", PoolTypePattern);
  Options.store(Opts, "ThreadCountParameterPattern",
                ThreadCountParameterPattern);
  Options.store(Opts, "InputCountPattern", InputCountPattern);
  utils::storeShared(Options, Opts, "WorkerCountPattern", WorkerCountPattern,
                     utils::defaults::WorkerCountPattern);
  Options.store(Opts, "GrowthFunctionPattern", GrowthFunctionPattern);
  Limits.store(Options, Opts);
  Libraries.store(Options, Opts);
  Options.store(Opts, utils::FactsFileOption, FactsFile);
}

void PoolGrowthCheck::registerMatchers(MatchFinder *Finder) {
  utils::registerThreadStartMatchers(*Finder, *this, Starts);
  // Every translation unit gets its summaries, threads or not.
  Finder->addMatcher(translationUnitDecl().bind("unit"), this);
  auto InUserCode = unless(isExpansionInSystemHeader());
  std::vector<llvm::StringRef> Known;
  for (const utils::NamedArgument &Type : PoolTypes)
    Known.push_back(Type.Name);
  if (!Known.empty()) {
    auto KnownPool = cxxRecordDecl(hasAnyName(Known));
    Finder->addMatcher(
        cxxConstructExpr(hasDeclaration(cxxConstructorDecl(ofClass(KnownPool))),
                         InUserCode)
            .bind("pool"),
        this);
    Finder->addMatcher(callExpr(utils::makesInstanceOf(KnownPool), InUserCode)
                           .bind("makePool"),
                       this);
  }
  // Pools of this translation unit's own making, judged by name.
  Finder->addMatcher(cxxConstructExpr(hasDeclaration(cxxConstructorDecl(
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
  if (Nodes.getNodeAs<TranslationUnitDecl>("unit"))
    return;
  if (const auto *Construct = Nodes.getNodeAs<CXXConstructExpr>("pool")) {
    if (const Expr *Count = countOf(*Construct))
      checkSizing(Construct, utils::spelledType(Construct->getType()), Count);
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
        !PoolTypeNames.match(Pool->getName()) ||
        Ctor->isCopyOrMoveConstructor())
      return;
    if (const Expr *Count = countOf(*Construct))
      checkSizing(Construct, utils::spelledType(Construct->getType()), Count);
    return;
  }
  if (std::optional<utils::ThreadStart> Start =
          utils::threadStartOf(Result, Starts))
    checkGrowth(*Start);
}

std::optional<unsigned>
PoolGrowthCheck::countArgument(const CXXRecordDecl &Pool,
                               const CXXConstructorDecl *Ctor) const {
  return utils::sizeArgument(Pool, Ctor, PoolTypes, ThreadCountParameters);
}

/// Whether Cond, when it is WhenTrue, holds Var under a limit: `n < kMax`,
/// `kMax >= n` when true, `n > kMax` when false, either side of `&&` when
/// true and of `||` when false.
static bool boundsAbove(const Expr *Cond, const ValueDecl *Var, bool WhenTrue) {
  const auto *Op = dyn_cast<BinaryOperator>(Cond->IgnoreParenImpCasts());
  if (const auto *Not = dyn_cast<UnaryOperator>(Cond->IgnoreParenImpCasts());
      Not && Not->getOpcode() == UO_LNot)
    return boundsAbove(Not->getSubExpr(), Var, !WhenTrue);
  if (!Op)
    return false;
  if (Op->getOpcode() == (WhenTrue ? BO_LAnd : BO_LOr))
    return boundsAbove(Op->getLHS(), Var, WhenTrue) ||
           boundsAbove(Op->getRHS(), Var, WhenTrue);
  if (!Op->isRelationalOp())
    return false;
  BinaryOperatorKind Kind = Op->getOpcode();
  if (utils::referencedDecl(Op->getRHS()->IgnoreParenCasts()) == Var)
    Kind = BinaryOperator::reverseComparisonOp(Kind);
  else if (utils::referencedDecl(Op->getLHS()->IgnoreParenCasts()) != Var)
    return false;
  if (!WhenTrue)
    Kind = BinaryOperator::negateComparisonOp(Kind);
  return Kind == BO_LT || Kind == BO_LE;
}

/// Whether S assigns to Var.
static bool assigns(const Stmt *S, const ValueDecl *Var) {
  const auto *Assign = dyn_cast<BinaryOperator>(S);
  return Assign && Assign->isAssignmentOp() &&
         utils::referencedDecl(Assign->getLHS()) == Var;
}

/// Whether If holds Var under a limit from then on: `if (n > kMax) n =
/// kMax;` or `if (n > kMax) return;`. Not a lower bound (`if (n == 0) n =
/// 1;`, `if (n < 1) return;`), nor a warning that lets n through.
static bool clampsAbove(const IfStmt &If, const ValueDecl *Var) {
  return boundsAbove(If.getCond(), Var, /*WhenTrue=*/false) &&
         (utils::containsExit(If.getThen()) ||
          utils::anyStmt(If.getThen(),
                         [&](const Stmt *Node) { return assigns(Node, Var); }));
}

/// Whether S sits in the branch of an `if` whose condition tests Var: the
/// `if` says whether S holds Var under a limit.
static bool underTestOf(const Stmt *S, const ValueDecl *Var,
                        const utils::FunctionParents &Parents) {
  for (const Stmt *Up = Parents.parent(S); Up; Up = Parents.parent(Up))
    if (const auto *If = dyn_cast<IfStmt>(Up);
        If && utils::anyStmt(If->getCond(), [&](const Stmt *Node) {
          const auto *E = dyn_cast<Expr>(Node);
          return E && utils::referencedDecl(E) == Var;
        }))
      return true;
  return false;
}

bool PoolGrowthCheck::clampedBefore(
    const ValueDecl *Count, const Stmt *Use,
    const utils::FunctionParents &Parents) const {
  const auto *Var = dyn_cast_or_null<VarDecl>(Count);
  if (!Var)
    return false;
  const SourceManager &SM = Context->getSourceManager();
  return utils::anyStmt(Parents.body(), [&](const Stmt *S) {
    if (!utils::isBefore(S->getBeginLoc(), Use->getBeginLoc(), SM))
      return false;
    // if (n <= kMax) use(n);  else use(n);  only one way holds the limit.
    if (const auto *If = dyn_cast<IfStmt>(S);
        If && utils::isWithin(If->getThen(), Use->getBeginLoc(), SM))
      return boundsAbove(If->getCond(), Var, /*WhenTrue=*/true);
    if (const auto *If = dyn_cast<IfStmt>(S);
        If && utils::isWithin(If->getElse(), Use->getBeginLoc(), SM))
      return boundsAbove(If->getCond(), Var, /*WhenTrue=*/false);
    if (const auto *If = dyn_cast<IfStmt>(S))
      return clampsAbove(*If, Var);
    // n = std::min(n, kMax);  (not n = m of another input, nor the `n = 1`
    // of `if (n == 0)`: the `if` says)
    return assigns(S, Var) && !underTestOf(S, Var, Parents) &&
           !utils::inputSource(cast<BinaryOperator>(S)->getRHS()) &&
           !utils::holdsInput(cast<BinaryOperator>(S)->getRHS());
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
                                  llvm::StringRef PoolName, const Expr *Count) {
  // task_arena(task_arena::attach()): a tag, not a thread count (found on a
  // vendored oneTBB's flow graph).
  if (isa<CXXDefaultArgExpr>(Count) || !Count->getType()->isIntegerType() ||
      Reported.alreadyReported(Count->getBeginLoc()))
    return;
  utils::TripCount Size = Bounds.of(*Context).ofCount(Count);
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
  bool FromInput = Size.Kind == TripCountKind::ElementCount ||
                   (Size.Kind == TripCountKind::RuntimeCount &&
                    InputCounts.match(Size.What));
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
  utils::TripCount Count = Bounds.of(*Context).ofLoop(Loop);
  bool Report = (Count.Kind == TripCountKind::Constant && Stored &&
                 Count.Value > MaxThreads) ||
                (Count.Kind == TripCountKind::CoreCount &&
                 Count.Value > MaxCoreMultiple) ||
                (Count.Kind == TripCountKind::Input && Stored &&
                 !clampedBefore(Count.Variable, Loop, Parents));
  if (!Report || Reported.alreadyReported(Loop->getBeginLoc()))
    return;
  std::string Pool = Stored
                         ? "'" + Lifetime.Holder + "' is filled by a loop that"
                         : "this loop";
  switch (Count.Kind) {
  case TripCountKind::Constant:
    diag(Loop->getBeginLoc(), "%0 starts %1 threads, more than the %2 "
                              "MaxThreads allows%3")
        << Pool << static_cast<unsigned>(Count.Value) << MaxThreads << Remedy;
    break;
  case TripCountKind::CoreCount:
    diag(Loop->getBeginLoc(), "%0 starts %1 threads per core ('%2'), more "
                              "than the %3 MaxCoreMultiple allows%4")
        << Pool << static_cast<unsigned>(Count.Value) << Count.What
        << MaxCoreMultiple << Remedy;
    break;
  default:
    diag(Loop->getBeginLoc(), "%0 starts one thread per unit of '%1', which "
                              "is read from the input with no upper limit%2")
        << Pool << Count.What << Remedy;
    noteInput(Count);
    break;
  }
  diag(Start.E->getBeginLoc(), "a thread is started here on each pass",
       DiagnosticIDs::Note);
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
  const auto *Method = dyn_cast<CXXMethodDecl>(&Parents->function());
  if (Method && (isa<CXXConstructorDecl, CXXDestructorDecl>(Method) ||
                 Method->getParent()->isLambda() ||
                 !Method->getDeclName().isIdentifier()))
    Method = nullptr;
  // Loops start a set of workers (or are unbounded-thread-creation's);
  // growth adds one worker per call, on demand, or a batch in a function
  // named like a growth step (`addThreads() { for (i < size_ / 2) ... }`).
  const Stmt *Loop = enclosingLoop(Start.E, *Parents);
  bool Batch = Loop && Method && GrowthFunctions.match(Method->getName());
  if (Loop && !Batch) {
    checkLoopSizing(Start, Loop, *Parents);
    return;
  }
  if (!Method)
    return;
  bool Conditional = false;
  for (const Stmt *Node = Start.E, *Parent = Parents->parent(Start.E); Parent;
       Node = Parent, Parent = Parents->parent(Parent)) {
    if ((utils::isLoop(Parent) && Parent != Loop) || isa<LambdaExpr>(Parent))
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

  utils::LimiterDetection Limiter(*Context, Limits.Functions,
                                  Limits.TypePattern,
                                  "^" + llvm::Regex::escape(Tally->getName()) +
                                      "$|" + Limits.CounterPattern);
  // A batch's own loop may hold the limit: `for (; pool_.size() < kMax &&
  // n > 0; --n)`.
  const Expr *LoopCond = Loop ? utils::loopCondition(Loop) : nullptr;
  if ((LoopCond && Limiter.limitComparison(LoopCond)) ||
      Limiter.findLimiter(Start.E, Parents->body(), *Parents) ||
      limitedByEveryCaller(*Method, Limiter))
    return;
  SourceLocation Loc = isa<CXXMemberCallExpr>(Start.E) ? Start.E->getExprLoc()
                                                       : Start.E->getBeginLoc();
  if (Reported.alreadyReported(Loc))
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
  std::vector<utils::FunctionIndex::CallSite> Sites =
      Functions->callsTo(Method);
  bool AllLimited =
      llvm::all_of(Sites, [&](const utils::FunctionIndex::CallSite &Site) {
        const utils::FunctionParents &Parents =
            Functions->parents(*Site.Caller);
        return Limiter.findLimiter(Site.Call, Parents.body(), Parents);
      });
  return !Sites.empty() && AllLimited;
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

namespace {

namespace facts = ::unbounded::facts;

/// The effect kind of pool sizes: see docs/whole-program.md.
constexpr llvm::StringLiteral SizeKind = "pool-size";
/// What a pool size sizes (the effect's detail, which its messages say):
/// threads started, or connections opened, once per unit.
constexpr llvm::StringLiteral ThreadPool = "thread pool";
constexpr llvm::StringLiteral ConnectionPool = "connection pool";
constexpr llvm::StringLiteral ProcessPool = "process pool";

/// A parameter or a member whose value may set how many threads start.
struct SizeValue {
  std::string Key;  ///< Its key in the facts.
  std::string Name; ///< As messages say it.
  std::string Spelling;
  const FieldDecl *Field = nullptr; ///< When it is a member.
  const ValueDecl *Decl = nullptr;  ///< The parameter or the member.
};

/// The member as its class template declares it, so that every
/// instantiation of the template shares the key.
const FieldDecl &writtenField(const FieldDecl &Field) {
  const auto *Parent = dyn_cast<CXXRecordDecl>(Field.getParent());
  const CXXRecordDecl *Pattern =
      Parent ? Parent->getTemplateInstantiationPattern() : nullptr;
  if (!Pattern)
    return Field;
  for (const FieldDecl *Candidate : Pattern->fields())
    if (Candidate->getDeclName() == Field.getDeclName())
      return *Candidate;
  return Field;
}

std::string fieldKey(const FieldDecl &Field) {
  const FieldDecl &Written = writtenField(Field);
  llvm::SmallString<128> Usr;
  if (index::generateUSRForDecl(&Written, Usr))
    return Written.getQualifiedNameAsString();
  return std::string(Usr);
}

/// The key of what a member container's elements do when the project's
/// code calls them: a class that adds workers to `workers_` in one method
/// and starts each of them in another.
std::string elementsKey(const FieldDecl &Field) {
  return fieldKey(Field) + "@elements";
}

std::string elementsName(const FieldDecl &Field) {
  return "the elements of '" + Field.getQualifiedNameAsString() + "'";
}

/// The key of a loop of the function keyed FunctionKey: where its notes
/// pass from the count to what each pass calls.
std::string loopKey(llvm::StringRef FunctionKey, const Stmt &Loop,
                    const SourceManager &SM) {
  return (FunctionKey + "@loop" +
          std::to_string(
              SM.getFileOffset(SM.getExpansionLoc(Loop.getBeginLoc()))))
      .str();
}

std::optional<SizeValue> chosenSizeValue(const ConditionalOperator &Choice,
                                         const FunctionDecl &Function);

/// The member a getter E calls returns (`cfg.get_thread_num()` with `size_t
/// get_thread_num() const { return thread_num; }`): an integer member of
/// its object, returned by the getter's only statement.
const FieldDecl *gotField(const Expr *E) {
  const auto *Call = dyn_cast<CXXMemberCallExpr>(E);
  const CXXMethodDecl *Getter = Call ? Call->getMethodDecl() : nullptr;
  const FunctionDecl *Defined = Getter ? Getter->getDefinition() : nullptr;
  const auto *Body =
      Defined ? dyn_cast_or_null<CompoundStmt>(Defined->getBody()) : nullptr;
  if (!Body || Body->size() != 1 || Call->getNumArgs() != 0)
    return nullptr;
  const auto *Return = dyn_cast<ReturnStmt>(Body->body_front());
  const MemberExpr *Member = Return && Return->getRetValue()
                                 ? utils::thisMember(Return->getRetValue())
                                 : nullptr;
  if (!Member)
    return nullptr;
  const auto *Field = dyn_cast<FieldDecl>(Member->getMemberDecl());
  return Field && Field->getType()->isIntegerType() ? Field : nullptr;
}

/// Whether Function assigns, steps or takes the address of Local.
bool changedIn(const FunctionDecl &Function, const VarDecl &Local) {
  return utils::anyStmt(Function.getBody(), [&](const Stmt *S) {
    if (const auto *Assign = dyn_cast<BinaryOperator>(S))
      return Assign->isAssignmentOp() &&
             utils::referencedDecl(Assign->getLHS()) == &Local;
    if (const auto *Op = dyn_cast<UnaryOperator>(S))
      return (Op->isIncrementDecrementOp() || Op->getOpcode() == UO_AddrOf) &&
             utils::referencedDecl(Op->getSubExpr()) == &Local;
    return false;
  });
}

/// The parameter of Function or the member that E names, if it is an
/// integer (casts and parentheses aside), also as the unclamped arm of a
/// choice with a constant, through a local that keeps its initial value,
/// and through `std::max` with a constant.
std::optional<SizeValue> sizeValueOf(const Expr *E,
                                     const FunctionDecl &Function) {
  E = utils::ignoreWrappers(E);
  // `: count_{n}`: a braced member initializer of one value.
  if (const auto *Braced = dyn_cast_or_null<InitListExpr>(E);
      Braced && Braced->getNumInits() == 1)
    E = utils::ignoreWrappers(Braced->getInit(0));
  // A dependent initializer's ParenListExpr has no type.
  if (!E || E->getType().isNull() || !E->getType()->isIntegerType())
    return std::nullopt;
  E = E->IgnoreParenCasts();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    if (const auto *Param = dyn_cast<ParmVarDecl>(Ref->getDecl());
        Param && Param->getDeclContext() == &Function &&
        Param->getType()->isIntegerType()) {
      unsigned Index = Param->getFunctionScopeIndex();
      return SizeValue{facts::parameterKey(Function, Index),
                       facts::parameterName(Function, Index),
                       Param->getNameAsString(), nullptr, Param};
    }
  // A member of this object, or of a settings object (`ssets->workers`).
  if (const auto *Member = dyn_cast<MemberExpr>(E))
    if (const auto *Field = dyn_cast<FieldDecl>(Member->getMemberDecl());
        Field && Field->getType()->isIntegerType())
      return SizeValue{fieldKey(*Field), Field->getQualifiedNameAsString(),
                       Field->getNameAsString(), Field, Field};
  if (const auto *Choice = dyn_cast<ConditionalOperator>(E))
    return chosenSizeValue(*Choice, Function);
  // `int count = std::max(1, cfg.threads);` never changed after: what it
  // was initialized with (not `int n = n * 2;`, which names itself).
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    if (const auto *Local = dyn_cast<VarDecl>(Ref->getDecl());
        Local && Local->isLocalVarDecl() && Local->getInit() &&
        !changedIn(Function, *Local) &&
        !utils::anyStmt(Local->getInit(), [&](const Stmt *S) {
          const auto *Self = dyn_cast<DeclRefExpr>(S);
          return Self && Self->getDecl() == Local;
        }))
      return sizeValueOf(Local->getInit(), Function);
  // std::max(1, n): n, corrected from below only.
  if (const auto *Call = dyn_cast<CallExpr>(E);
      Call && Call->getNumArgs() == 2 &&
      utils::isNamedAnyOf(Call->getDirectCallee(), {"::std::max"})) {
    const ASTContext &Ctx = Function.getASTContext();
    for (unsigned I = 0; I < 2; ++I) {
      const Expr *Other = Call->getArg(1 - I)->IgnoreParenImpCasts();
      if (!Other->isValueDependent() && Other->isIntegerConstantExpr(Ctx))
        return sizeValueOf(Call->getArg(I), Function);
    }
  }
  // cfg.get_thread_num(): a getter's member.
  if (const FieldDecl *Field = gotField(E))
    return SizeValue{fieldKey(*Field), Field->getQualifiedNameAsString(),
                     Field->getNameAsString(), Field, Field};
  // `n * 2 + 1`, `threads - 1`: the value scaled or shifted by a constant.
  if (const auto *Arith = dyn_cast<BinaryOperator>(E);
      Arith && (Arith->isAdditiveOp() || Arith->isMultiplicativeOp() ||
                Arith->isShiftOp())) {
    const ASTContext &Ctx = Function.getASTContext();
    auto Constant = [&](const Expr *Side) {
      return !Side->isValueDependent() && Side->isIntegerConstantExpr(Ctx);
    };
    if (Constant(Arith->getRHS()) && Arith->getOpcode() != BO_Div &&
        Arith->getOpcode() != BO_Rem && Arith->getOpcode() != BO_Shr)
      return sizeValueOf(Arith->getLHS(), Function);
    if (Constant(Arith->getLHS()) &&
        (Arith->getOpcode() == BO_Add || Arith->getOpcode() == BO_Mul))
      return sizeValueOf(Arith->getRHS(), Function);
  }
  return std::nullopt;
}

/// The value a choice with a constant passes on: `n <= 0 ? 1 : n` passes n,
/// only corrected from below; `n > 64 ? 64 : n` holds it under a limit and
/// passes nothing.
std::optional<SizeValue> chosenSizeValue(const ConditionalOperator &Choice,
                                         const FunctionDecl &Function) {
  const ASTContext &Ctx = Function.getASTContext();
  for (bool WhenTrue : {true, false}) {
    const Expr *Arm = WhenTrue ? Choice.getTrueExpr() : Choice.getFalseExpr();
    const Expr *Other = WhenTrue ? Choice.getFalseExpr() : Choice.getTrueExpr();
    std::optional<SizeValue> Value = sizeValueOf(Arm, Function);
    if (Value && !Other->isValueDependent() &&
        Other->isIntegerConstantExpr(Ctx) &&
        !boundsAbove(Choice.getCond(), Value->Decl, WhenTrue))
      return Value;
  }
  return std::nullopt;
}

/// The value a loop's condition compares its counter with (`i < n_`,
/// `n-- > 0`, `while (n--)`), if it is a parameter or a member.
/// The count a member container is made with in Function, before a loop
/// walks its elements: `v_ = std::vector<std::thread>(n_);`, `v_.resize(n);`
/// or `: v_(n)`.
std::optional<SizeValue> madeWithCount(const FieldDecl &Container,
                                       const FunctionDecl &Function) {
  std::optional<SizeValue> Count;
  auto SizedBy = [&](const Expr *Made) {
    Made = utils::ignoreWrappers(Made);
    if (const auto *Cast = dyn_cast_or_null<CXXFunctionalCastExpr>(Made))
      Made = Cast->getSubExpr()->IgnoreImplicit();
    const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(Made);
    if (Construct && Construct->getNumArgs() == 1 &&
        !Construct->getConstructor()->isCopyOrMoveConstructor())
      Count = sizeValueOf(Construct->getArg(0), Function);
  };
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(&Function))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (Init->getMember() == &Container)
        SizedBy(Init->getInit());
  utils::anyStmt(Function.getBody(), [&](const Stmt *S) {
    if (const auto *Assign = dyn_cast<CXXOperatorCallExpr>(S);
        Assign && Assign->getOperator() == OO_Equal &&
        Assign->getNumArgs() == 2 &&
        utils::referencedDecl(Assign->getArg(0)) == &Container)
      SizedBy(Assign->getArg(1));
    if (const auto *Resize = dyn_cast<CXXMemberCallExpr>(S);
        Resize && Resize->getNumArgs() == 1 && Resize->getMethodDecl() &&
        Resize->getMethodDecl()->getDeclName().isIdentifier() &&
        Resize->getMethodDecl()->getName() == "resize" &&
        utils::referencedDecl(Resize->getImplicitObjectArgument()) ==
            &Container)
      Count = sizeValueOf(Resize->getArg(0), Function);
    return Count.has_value();
  });
  return Count;
}

/// The count a member container is made with in Function or, failing
/// that, in a constructor of its class defined here (`: threads_(n)` or
/// `threads_ = std::vector<std::thread>(n_);`, started later in `Start()`).
std::optional<SizeValue> containerCount(const FieldDecl &Container,
                                        const FunctionDecl &Function) {
  if (std::optional<SizeValue> Count = madeWithCount(Container, Function))
    return Count;
  const auto *Class = dyn_cast<CXXRecordDecl>(Container.getParent());
  if (!Class || isa<CXXConstructorDecl>(Function))
    return std::nullopt;
  for (const CXXConstructorDecl *Ctor : Class->ctors())
    if (const auto *Defined =
            dyn_cast_or_null<CXXConstructorDecl>(Ctor->getDefinition()))
      if (std::optional<SizeValue> Count = madeWithCount(Container, *Defined))
        return Count;
  return std::nullopt;
}

std::optional<SizeValue> loopLimit(const Stmt *Loop,
                                   const FunctionDecl &Function) {
  // for (auto &t : threads_) t = std::thread(...);  after threads_ was made
  // with a count of elements.
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(Loop))
    if (const auto *Container = dyn_cast_or_null<FieldDecl>(
            utils::referencedDecl(Range->getRangeInit())))
      return containerCount(*Container, Function);
  const Expr *Cond = utils::loopCondition(Loop);
  if (!Cond)
    return std::nullopt;
  auto Counted = [](const Expr *E) -> const Expr * {
    E = E->IgnoreParenImpCasts();
    if (const auto *Step = dyn_cast<UnaryOperator>(E);
        Step && Step->isIncrementDecrementOp())
      return Step->getSubExpr();
    return E;
  };
  // for (auto i = count; i > 0; --i): the counter starts at the count.
  auto StartOf = [&](const Expr *Counter) -> std::optional<SizeValue> {
    const auto *For = dyn_cast<ForStmt>(Loop);
    const auto *Init =
        For ? dyn_cast_or_null<DeclStmt>(For->getInit()) : nullptr;
    const auto *Var = Init && Init->isSingleDecl()
                          ? dyn_cast<VarDecl>(Init->getSingleDecl())
                          : nullptr;
    if (!Var || !Var->getInit() || utils::referencedDecl(Counter) != Var)
      return std::nullopt;
    return sizeValueOf(Var->getInit(), Function);
  };
  Cond = Cond->IgnoreParenImpCasts();
  if (const auto *Compare = dyn_cast<BinaryOperator>(Cond);
      Compare && (Compare->isRelationalOp() || Compare->getOpcode() == BO_NE)) {
    if (auto Value = sizeValueOf(Counted(Compare->getRHS()), Function))
      return Value;
    if (auto Value = sizeValueOf(Counted(Compare->getLHS()), Function))
      return Value;
    return StartOf(Counted(Compare->getLHS()));
  }
  if (const auto *Step = dyn_cast<UnaryOperator>(Cond);
      Step && Step->isDecrementOp())
    return sizeValueOf(Step->getSubExpr(), Function);
  return std::nullopt;
}

/// Calls Visit for every statement below S, not inside lambdas (what they
/// do happens when they are called).
template <typename Fn> void forEachOutsideLambdas(const Stmt *S, Fn &&Visit) {
  if (!S)
    return;
  Visit(S);
  if (isa<LambdaExpr>(S))
    return;
  for (const Stmt *Child : S->children())
    forEachOutsideLambdas(Child, Visit);
}

/// The project function or constructor a call or construction runs, and
/// its arguments as the callee's parameters receive them.
const FunctionDecl *calleeOf(const Expr *E,
                             llvm::SmallVectorImpl<const Expr *> &Args) {
  const FunctionDecl *Callee = nullptr;
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
    if (Construct->getConstructor()->isCopyOrMoveConstructor())
      return nullptr;
    Callee = Construct->getConstructor();
    Args.append(Construct->arg_begin(), Construct->arg_end());
  } else if (const auto *Call = dyn_cast<CallExpr>(E);
             Call && !isa<CXXOperatorCallExpr>(Call)) {
    Callee = Call->getDirectCallee();
    Args.append(Call->arg_begin(), Call->arg_end());
    if (const CXXConstructorDecl *Made = utils::constructorMadeBy(*Call))
      Callee = Made;
  }
  if (!Callee || !utils::isProjectFunction(*Callee))
    return nullptr;
  return Callee;
}

} // namespace

void PoolGrowthCheck::summarizeFunction(const FunctionDecl &Function,
                                        facts::Summaries &Sizes) {
  const SourceManager &SM = Context->getSourceManager();
  std::string Key = facts::usrOf(Function);
  std::string Name = Function.getQualifiedNameAsString();
  Sizes.addDefinition(Key, Name);
  for (unsigned I = 0; I < Function.getNumParams(); ++I)
    if (Function.getParamDecl(I)->getType()->isIntegerType())
      Sizes.addDefinition(facts::parameterKey(Function, I),
                          facts::parameterName(Function, I));
  // A member's writes are all here when its class is, but its reads are not:
  // `cfg.threads()` in another file passes it on to a pool. The driver's
  // join and the project facts answer for the member; a single file takes
  // what it sees.
  bool SingleFile = !facts::sink() && !ProjectFacts;
  auto Known = [&](const SizeValue &Value) {
    if (!Value.Field || (SingleFile && utils::definedHere(*cast<CXXRecordDecl>(
                                           Value.Field->getParent()))))
      Sizes.addDefinition(Value.Key, Value.Name);
  };
  const utils::FunctionParents &Parents = Functions->parents(Function);
  // n_ = n; and : n_(n): the parameter is kept in the member, unless it
  // was held under a limit first.
  auto Store = [&](const FieldDecl &Field, const Expr *From, SourceLocation At,
                   const Stmt *Where) {
    std::optional<SizeValue> Param = sizeValueOf(From, Function);
    if (!Param || Param->Field == &Field || !Field.getType()->isIntegerType())
      return;
    if (!Param->Field && Where && clampedBefore(Param->Decl, Where, Parents))
      return;
    SizeValue Member{fieldKey(Field), Field.getQualifiedNameAsString(),
                     Field.getNameAsString(), &Field};
    Known(Member);
    Sizes.addCall(Param->Key, Param->Name, Member.Key,
                  facts::siteAt(At, SM,
                                "'" + Name + "' " +
                                    (Param->Field ? "copies '" : "keeps '") +
                                    Param->Spelling +
                                    (Param->Field ? "' into '" : "' in '") +
                                    Member.Spelling + "'"));
  };
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(&Function))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (Init->isMemberInitializer() && Init->isWritten())
        Store(*Init->getMember(), Init->getInit(), Init->getSourceLocation(),
              nullptr);

  auto Visit = [&](const Stmt *S) {
    if (const auto *Assign = dyn_cast<BinaryOperator>(S);
        Assign && Assign->getOpcode() == BO_Assign) {
      if (std::optional<SizeValue> Target =
              sizeValueOf(Assign->getLHS(), Function);
          Target && Target->Field)
        Store(*Target->Field, Assign->getRHS(), Assign->getOperatorLoc(),
              Assign);
      const auto *Member =
          dyn_cast_or_null<FieldDecl>(utils::referencedDecl(Assign->getLHS()));
      // `cfg.threads = std::stoi(argv[2]);`, or `S->threads = w;` after
      // `w = atoi(argv[2]);`
      if (Member && Member->getType()->isIntegerType() &&
          (utils::inputSource(Assign->getRHS()) ||
           utils::holdsInput(Assign->getRHS())))
        InputsIntoMembers.push_back({&Function, Assign->getRHS(), Member});
    }
    // SpiderSettings settings = {fetchers, ...};  after `fetchers =
    // std::atoi(...)`: the member is given what the input says.
    if (const auto *List = dyn_cast<InitListExpr>(S))
      addInputsInto(*List, Function);
    // in >> config.workers
    if (const MemberExpr *Read = utils::memberReadFromStream(S);
        Read && Read->getType()->isIntegerType())
      InputsIntoMembers.push_back(
          {&Function, Read, cast<FieldDecl>(Read->getMemberDecl())});
    if (const auto *E = dyn_cast<Expr>(S)) {
      if (std::optional<PoolUnit> Unit = unitAt(*E))
        Sizes.addDirect(
            Key, Name, Unit->Pool,
            {facts::siteAt(E->getBeginLoc(), SM,
                           "'" + Name + "' " + Unit->What + " here")});
      // `: pool_(cfg.threads)`: the library pool starts that many threads.
      const Expr *Count = libraryPoolCount(*E);
      if (std::optional<SizeValue> Value =
              Count ? sizeValueOf(Count, Function) : std::nullopt;
          Value && (Value->Field || !clampedBefore(Value->Decl, E, Parents))) {
        Known(*Value);
        Sizes.addDirect(Value->Key, Value->Name, ThreadPool,
                        {facts::siteAt(Count->getBeginLoc(), SM,
                                       "'" + Name + "' starts a '" +
                                           utils::spelledType(E->getType()) +
                                           "' with one thread per unit of '" +
                                           Value->Spelling + "' here")});
      }
      llvm::SmallVector<const Expr *, 4> Args;
      if (const FunctionDecl *Callee = sizingCallee(*E, Args, Sizes)) {
        Sizes.addCall(Key, Name, facts::usrOf(*Callee),
                      facts::siteAt(E->getBeginLoc(), SM,
                                    "'" + Name +
                                        "' starts threads through this call "
                                        "to '" +
                                        Callee->getQualifiedNameAsString() +
                                        "'"));
        summarizeCall(Function, E, *Callee, Args, Sizes);
      }
    }
    if (!utils::isLoop(S))
      return;
    summarizeElementCalls(*S, Function, Sizes);
    std::optional<SizeValue> Limit = loopLimit(S, Function);
    if (!Limit)
      return;
    Known(*Limit);
    std::string PerUnit = " once per unit of '" + Limit->Spelling + "'";
    forEachOutsideLambdas(utils::loopBody(S), [&](const Stmt *Inner) {
      const auto *E = dyn_cast<Expr>(Inner);
      if (!E)
        return;
      if (std::optional<PoolUnit> Unit = unitAt(*E)) {
        Sizes.addDirect(
            Limit->Key, Limit->Name, Unit->Pool,
            {facts::siteAt(S->getBeginLoc(), SM,
                           "'" + Name + "' runs this loop" + PerUnit),
             facts::siteAt(E->getBeginLoc(), SM,
                           "and " + Unit->What + " here on each pass")});
        return;
      }
      // The loop's own key: its note at the loop, then one at the call.
      auto Pass = [&](llvm::StringRef CalleeKey, llvm::StringRef Text) {
        std::string LoopKey = loopKey(Key, *S, SM);
        Sizes.addDefinition(LoopKey, "a loop of '" + Name + "'");
        Sizes.addCall(Limit->Key, Limit->Name, LoopKey,
                      facts::siteAt(S->getBeginLoc(), SM,
                                    "'" + Name + "' runs this loop" + PerUnit));
        Sizes.addCall(LoopKey, "a loop of '" + Name + "'", CalleeKey,
                      facts::siteAt(E->getBeginLoc(), SM, Text));
      };
      // workers_.push_back(...): each element may start a thread later.
      if (const auto *Into =
              dyn_cast_or_null<FieldDecl>(utils::insertionTarget(E))) {
        // Every loop over the elements is here when their class is.
        if (utils::definedHere(*cast<CXXRecordDecl>(Into->getParent())))
          Sizes.addDefinition(elementsKey(*Into), elementsName(*Into));
        Pass(elementsKey(*Into), "and adds an element to '" +
                                     Into->getNameAsString() +
                                     "' on each pass");
        return;
      }
      llvm::SmallVector<const Expr *, 4> Args;
      if (const FunctionDecl *Callee = calleeOf(E, Args))
        Pass(facts::usrOf(*Callee), "and calls '" +
                                        Callee->getQualifiedNameAsString() +
                                        "' on each pass");
    });
  };
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(&Function))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      forEachOutsideLambdas(Init->getInit(), Visit);
  forEachOutsideLambdas(Function.getBody(), Visit);
  // A pool sized in a lambda (`std::thread([&] { runPool(n); })`) is sized
  // all the same, whenever the lambda runs.
  auto SizingCall = [&](const Stmt *S) {
    const auto *E = dyn_cast<Expr>(S);
    llvm::SmallVector<const Expr *, 4> Args;
    if (const FunctionDecl *Callee =
            E ? sizingCallee(*E, Args, Sizes) : nullptr)
      summarizeCall(Function, E, *Callee, Args, Sizes);
  };
  utils::anyStmt(Function.getBody(), [&](const Stmt *S) {
    if (const auto *Lambda = dyn_cast<LambdaExpr>(S))
      forEachOutsideLambdas(Lambda->getBody(), SizingCall);
    return false;
  });
}

void PoolGrowthCheck::summarizeElementCalls(const Stmt &Loop,
                                            const FunctionDecl &Function,
                                            facts::Summaries &Sizes) {
  utils::TripCount Bound = Bounds.of(*Context).ofLoop(&Loop);
  if (Bound.Kind != TripCountKind::ElementCount || !Bound.Container)
    return;
  const auto *Field =
      dyn_cast_or_null<FieldDecl>(utils::referencedDecl(Bound.Container));
  if (!Field)
    return;
  std::string Key = elementsKey(*Field);
  if (utils::definedHere(*cast<CXXRecordDecl>(Field->getParent())))
    Sizes.addDefinition(Key, elementsName(*Field));
  const SourceManager &SM = Context->getSourceManager();
  forEachOutsideLambdas(utils::loopBody(&Loop), [&](const Stmt *S) {
    // for (i < threads_.size()) pthread_create(&threads_[i], ...): a thread
    // per element the pool made room for.
    if (const auto *E = dyn_cast<Expr>(S))
      if (std::optional<PoolUnit> Unit = unitAt(*E)) {
        Sizes.addDirect(
            Key, elementsName(*Field), Unit->Pool,
            {facts::siteAt(Loop.getBeginLoc(), SM,
                           "'" + Function.getQualifiedNameAsString() +
                               "' runs this loop once per element of '" +
                               Field->getNameAsString() + "'"),
             facts::siteAt(E->getBeginLoc(), SM,
                           "and " + Unit->What + " here on each pass")});
        return;
      }
    const auto *Call = dyn_cast<CXXMemberCallExpr>(S);
    llvm::SmallVector<const Expr *, 4> Args;
    const FunctionDecl *Callee = Call ? calleeOf(Call, Args) : nullptr;
    if (!Callee || !utils::namesMemberElement(Call->getImplicitObjectArgument(),
                                              &Loop, Bound))
      return;
    Sizes.addCall(Key, elementsName(*Field), facts::usrOf(*Callee),
                  facts::siteAt(Call->getBeginLoc(), SM,
                                "'" + Function.getQualifiedNameAsString() +
                                    "' calls '" +
                                    Callee->getQualifiedNameAsString() +
                                    "' on each element of '" +
                                    Field->getNameAsString() + "'"));
  });
}

std::optional<PoolGrowthCheck::PoolUnit>
PoolGrowthCheck::unitAt(const Expr &E) const {
  if (utils::threadStartAt(E, Starts, *Context))
    return PoolUnit{ThreadPool, "starts a thread"};
  if (std::string Client = Libraries.madeBy(E); !Client.empty())
    return PoolUnit{ConnectionPool, "opens a connection (" + Client + ")"};
  const auto *Call = dyn_cast<CallExpr>(&E);
  if (Call &&
      utils::isNamedAnyOf(Call->getDirectCallee(), {"::fork", "::vfork"}))
    return PoolUnit{ProcessPool, "forks a worker process"};
  return std::nullopt;
}

const Expr *PoolGrowthCheck::countOf(const CXXConstructExpr &Construct) const {
  const CXXConstructorDecl *Ctor = Construct.getConstructor();
  std::optional<unsigned> Index = countArgument(*Ctor->getParent(), Ctor);
  return Index && *Index < Construct.getNumArgs() ? Construct.getArg(*Index)
                                                  : nullptr;
}

const Expr *PoolGrowthCheck::libraryPoolCount(const Expr &E) const {
  const auto *Construct = dyn_cast<CXXConstructExpr>(&E);
  if (!Construct || Construct->getConstructor()->isCopyOrMoveConstructor())
    return nullptr;
  const CXXRecordDecl *Pool = Construct->getConstructor()->getParent();
  if (llvm::none_of(PoolTypes, [&](const utils::NamedArgument &Type) {
        return utils::isNamedAnyOf(Pool, {Type.Name});
      }))
    return nullptr;
  return countOf(*Construct);
}

const FunctionDecl *
PoolGrowthCheck::sizingCallee(const Expr &E,
                              llvm::SmallVectorImpl<const Expr *> &Args,
                              facts::Summaries &Sizes) const {
  const FunctionDecl *Callee = calleeOf(&E, Args);
  if (const FunctionDecl *Sizer = recordSizerCall(E, Args, Sizes))
    return Sizer;
  return Callee;
}

const FunctionDecl *
PoolGrowthCheck::recordSizerCall(const Expr &E,
                                 llvm::SmallVectorImpl<const Expr *> &Args,
                                 facts::Summaries &Sizes) const {
  const auto *Call = dyn_cast<CallExpr>(&E);
  const FunctionDecl *Sizer = Call ? Call->getDirectCallee() : nullptr;
  if (!Sizer)
    return nullptr;
  for (const utils::NamedArgument &Known : PoolSizers) {
    if (!utils::isNamedAnyOf(Sizer, {Known.Name}) ||
        Known.Argument >= Sizer->getNumParams())
      continue;
    std::string Name = Sizer->getQualifiedNameAsString();
    Sizes.addDirect(facts::parameterKey(*Sizer, Known.Argument),
                    facts::parameterName(*Sizer, Known.Argument), ThreadPool,
                    {facts::siteAt(E.getBeginLoc(), Context->getSourceManager(),
                                   "'" + Name +
                                       "' starts one thread per unit of its "
                                       "argument")});
    Args.assign(Call->arg_begin(), Call->arg_end());
    return Sizer;
  }
  return nullptr;
}

void PoolGrowthCheck::summarizeCall(const FunctionDecl &Caller,
                                    const Expr *Call,
                                    const FunctionDecl &Callee,
                                    llvm::ArrayRef<const Expr *> Args,
                                    facts::Summaries &Sizes) {
  const SourceManager &SM = Context->getSourceManager();
  unsigned Count = std::min<unsigned>(Args.size(), Callee.getNumParams());
  for (unsigned I = 0; I < Count; ++I) {
    if (isa<CXXDefaultArgExpr>(Args[I]) ||
        !Callee.getParamDecl(I)->getType()->isIntegerType())
      continue;
    std::string To = facts::parameterKey(Callee, I);
    if (std::optional<SizeValue> From = sizeValueOf(Args[I], Caller)) {
      // A parameter held under a limit first is passed on clamped.
      if (!From->Field &&
          clampedBefore(utils::referencedDecl(Args[I]->IgnoreParenCasts()),
                        Call, Functions->parents(Caller)))
        continue;
      Sizes.addCall(From->Key, From->Name, To,
                    facts::siteAt(Args[I]->getBeginLoc(), SM,
                                  "'" + Caller.getQualifiedNameAsString() +
                                      "' passes '" + From->Spelling +
                                      "' on to '" +
                                      Callee.getQualifiedNameAsString() + "'"));
      continue;
    }
    // server.init(config.threads): what sizes the pool is that member,
    // wherever it is filled (another file's option parser).
    if (const auto *Member = dyn_cast<MemberExpr>(
            utils::ignoreWrappers(Args[I])->IgnoreParenCasts());
        Member && isa<FieldDecl>(Member->getMemberDecl()) &&
        Member->getType()->isIntegerType()) {
      const auto &Field = *cast<FieldDecl>(Member->getMemberDecl());
      Sizes.addCall(fieldKey(Field), Field.getQualifiedNameAsString(), To,
                    facts::siteAt(Args[I]->getBeginLoc(), SM,
                                  "'" + Caller.getQualifiedNameAsString() +
                                      "' passes '" + Field.getNameAsString() +
                                      "' on to '" +
                                      Callee.getQualifiedNameAsString() + "'"));
    }
    Pending.push_back({&Caller, Call, &Callee, I, Args[I]});
  }
}

void PoolGrowthCheck::checkSizingCall(const FunctionDecl &Caller,
                                      const Expr *Call,
                                      const FunctionDecl &Callee,
                                      unsigned Index, const Expr *Arg,
                                      const facts::Summaries &Sizes) {
  std::string Key = facts::parameterKey(Callee, Index);
  if (!utils::mayHaveEffect(Sizes, Key))
    return;
  utils::TripCount Size = Bounds.of(*Context).ofCount(Arg);
  std::string Pool = Callee.getQualifiedNameAsString();
  if (isa<CXXConstructorDecl>(Callee))
    Pool = cast<CXXConstructorDecl>(Callee)
               .getParent()
               ->getQualifiedNameAsString();
  std::string Message = "'" + Pool + "' sizes a " +
                        facts::DetailPlaceholder.str() + " from this argument";
  // Constants and core counts are judged against thread limits only:
  // connections and processes have their limits elsewhere.
  const facts::Summary *Effect = Sizes.effect(Key);
  bool NotThreads = Effect && Effect->Detail != ThreadPool;
  switch (Size.Kind) {
  case TripCountKind::Constant:
    if (Size.Value <= MaxThreads || NotThreads)
      return;
    Message += ", " + std::to_string(Size.Value) + " threads, more than the " +
               std::to_string(MaxThreads) + " MaxThreads allows";
    break;
  case TripCountKind::CoreCount:
    if (Size.Value <= MaxCoreMultiple || NotThreads)
      return;
    Message += ", " + std::to_string(Size.Value) + " threads per core ('" +
               Size.What + "'), more than the " +
               std::to_string(MaxCoreMultiple) + " MaxCoreMultiple allows";
    break;
  case TripCountKind::Input: {
    const ValueDecl *Variable =
        Size.Variable ? Size.Variable : utils::referencedDecl(Arg);
    if (clampedBefore(Variable, Call, Functions->parents(Caller)))
      return;
    Message += ", '" + Size.What +
               "', which is read from the input with no upper limit";
    break;
  }
  default:
    return;
  }
  if (Reported.alreadyReported(Arg->getBeginLoc()))
    return;
  utils::CallFinding Finding{Arg->getBeginLoc(), Message + Remedy.str(), {}};
  if (Size.Kind == TripCountKind::Input && Size.Origin)
    Finding.Notes.push_back(
        {Size.Origin->getBeginLoc(), "read from the input here"});
  utils::reportCall(*this, Sizes, Key, Context->getSourceManager(), Finding);
}

void PoolGrowthCheck::addInputsInto(const InitListExpr &List,
                                    const FunctionDecl &Function) {
  const RecordDecl *Record =
      List.getType().isNull() ? nullptr : List.getType()->getAsRecordDecl();
  if (!Record || Record->isUnion() || List.getType()->isDependentType())
    return;
  unsigned Index = 0;
  for (const FieldDecl *Field : Record->fields()) {
    if (Index >= List.getNumInits())
      return;
    const Expr *Init = List.getInit(Index++);
    if (Field->getType()->isIntegerType() &&
        (utils::inputSource(Init) || utils::holdsInput(Init)))
      InputsIntoMembers.push_back({&Function, Init, Field});
  }
}

void PoolGrowthCheck::checkInputIntoMember(const InputIntoMember &Input,
                                           const facts::Summaries &Sizes) {
  std::string Key = fieldKey(*Input.Member);
  if (!utils::mayHaveEffect(Sizes, Key))
    return;
  // if (cfg.threads > 64) cfg.threads = 64;  after the read; or the local
  // that held the input clamped before it was copied in.
  const SourceManager &SM = Context->getSourceManager();
  const utils::FunctionParents &Parents = Functions->parents(*Input.Function);
  bool Clamped = utils::anyStmt(Parents.body(), [&](const Stmt *S) {
    const auto *If = dyn_cast<IfStmt>(S);
    return If &&
           utils::isBefore(Input.Value->getBeginLoc(), If->getBeginLoc(), SM) &&
           clampsAbove(*If, Input.Member);
  });
  const auto *Holder =
      utils::inputSource(Input.Value)
          ? nullptr
          : dyn_cast_or_null<VarDecl>(utils::referencedDecl(Input.Value));
  if (Holder)
    Clamped |= clampedBefore(Holder, Input.Value, Parents);
  if (Clamped || Reported.alreadyReported(Input.Value->getBeginLoc()))
    return;
  utils::CallFinding Finding{
      Input.Value->getBeginLoc(),
      "'" + Input.Member->getQualifiedNameAsString() + "' sizes a " +
          facts::DetailPlaceholder.str() + " and is " +
          (Holder ? "given '" + Holder->getNameAsString() + "', which is "
                  : std::string()) +
          "read from the input" + (Holder ? "" : " here") +
          " with no upper limit" + Remedy.str(),
      {}};
  if (const Stmt *Read = Holder ? utils::inputReadInto(*Holder) : nullptr)
    Finding.Notes.push_back({Read->getBeginLoc(), "read from the input here"});
  else if (Holder && Holder->getInit())
    Finding.Notes.push_back(
        {Holder->getInit()->getBeginLoc(), "read from the input here"});
  utils::reportCall(*this, Sizes, Key, Context->getSourceManager(), Finding);
}

void PoolGrowthCheck::summarizeSizes() {
  facts::Summaries Sizes(*Context, SizeKind, ProjectFacts);
  for (const FunctionDecl *Function : Functions->userFunctions())
    summarizeFunction(*Function, Sizes);
  Sizes.finish();
  for (const SizingCall &C : Pending)
    checkSizingCall(*C.Caller, C.Call, *C.Callee, C.Index, C.Arg, Sizes);
  Pending.clear();
  for (const InputIntoMember &Input : InputsIntoMembers)
    checkInputIntoMember(Input, Sizes);
  InputsIntoMembers.clear();
}

void PoolGrowthCheck::onEndOfTranslationUnit() {
  if (Context) {
    if (!Functions)
      Functions = std::make_unique<utils::FunctionIndex>(*Context);
    summarizeSizes();
  }
  Functions.reset();
  Bounds.reset();
  Context = nullptr;
}

} // namespace clang::tidy::unbounded
