//===- ThreadCreationCheck.cpp - unbounded-thread-creation ----------------===//

#include "ThreadCreationCheck.h"
#include "utils/AstNavigation.h"
#include "utils/Effects.h"
#include "utils/LoopBounds.h"
#include "utils/Names.h"
#include "utils/RequestContext.h"
#include "utils/SharedOptions.h"
#include "utils/ThreadStarts.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::unbounded {

using utils::ContextKind;
using utils::ExecutionContext;
using utils::SpawnKind;
using utils::ThreadFate;
using utils::ThreadLifetime;

namespace {

/// The unbounded context of S, counting a function registered as a handler
/// as running once per request.
ExecutionContext contextOf(
    const Stmt *S, const utils::FunctionParents &Parents,
    const utils::RequestContext &Requests,
    const llvm::DenseMap<const FunctionDecl *, const CallExpr *> &Handlers) {
  ExecutionContext Where = Requests.enclosing(S, Parents);
  if (Where.Kind != ContextKind::None || !Where.Function || Where.Once)
    return Where;
  auto Handler = Handlers.find(Where.Function->getDefinition());
  if (Handler != Handlers.end()) {
    Where.Kind = ContextKind::Handler;
    Where.Registration = Handler->second;
  }
  return Where;
}

/// Whether Ctor's initializer list gives Member a size: `: workers_(n)`.
bool sizes(const CXXConstructorDecl &Ctor, const FieldDecl &Member) {
  return llvm::any_of(Ctor.inits(), [&](const CXXCtorInitializer *Init) {
    const auto *Construct = Init->getMember() == &Member
                                ? dyn_cast_or_null<CXXConstructExpr>(
                                      utils::ignoreWrappers(Init->getInit()))
                                : nullptr;
    return Construct && Construct->getNumArgs() > 0;
  });
}

/// Whether a constructor fills Member (inserts into it, or sizes it in its
/// initializer list) and no other method of its class defined here inserts
/// into it.
bool filledOnlyAtConstruction(const FieldDecl &Member) {
  const auto *Class = dyn_cast<CXXRecordDecl>(Member.getParent());
  if (!Class)
    return false;
  bool Filled = false;
  for (const CXXMethodDecl *Method : Class->methods()) {
    const FunctionDecl *Definition = Method->getDefinition();
    if (!Definition)
      continue;
    bool Inserts = utils::insertsInto(Definition->getBody(), &Member);
    const auto *Ctor = dyn_cast<CXXConstructorDecl>(Definition);
    if (!Ctor && Inserts)
      return false;
    Filled |= Ctor && (Inserts || sizes(*Ctor, Member));
  }
  return Filled;
}

/// How a pool starts its workers: a loop bounded by a constant that keeps
/// its threads (`for (i < std::min(n, kMax)) pool.emplace_back(...)`), a
/// loop sized by a runtime integer or the input that fills a member
/// container, or a loop over a container's existing slots that assigns a
/// thread to each (`for (i < threads_.size()) threads_[i] =
/// std::thread(...)`). Each is sized once, not per item;
/// unbounded-pool-growth owns what that size may be.
bool isStartupSizing(const ExecutionContext &Where,
                     const ThreadLifetime &Lifetime,
                     const FunctionDecl &Function) {
  // A thread handed to a keeper elsewhere is kept as if here, in the
  // keeper's member.
  bool Handed = Lifetime.Receiver != nullptr;
  if (Where.Kind != ContextKind::Loop ||
      (Lifetime.Fate != ThreadFate::Stored && !Handed))
    return false;
  switch (Where.Bound.Kind) {
  case utils::TripCountKind::Constant:
    return true;
  case utils::TripCountKind::RuntimeCount:
  case utils::TripCountKind::Input:
    // `main` runs once: its loop sizes the program's pool, wherever it
    // keeps the threads.
    return Handed || isa_and_nonnull<FieldDecl>(Lifetime.HolderDecl) ||
           Function.isMain();
  case utils::TripCountKind::ElementCount:
    break;
  default:
    return false;
  }
  // A loop over a member of the object's own (`for (i = 0; i <
  // io_contexts_.size(); ++i)` after `: io_contexts_(size)`) starts the
  // object's threads into another of its members: in its constructor, or in
  // a method when only constructors fill that member (`run_all()` starting
  // one thread per worker made at construction).
  const auto *Method = dyn_cast<CXXMethodDecl>(&Function);
  const auto *Container =
      Where.Bound.Container ? dyn_cast_or_null<FieldDecl>(
                                  utils::referencedDecl(Where.Bound.Container))
                            : nullptr;
  if (Method && Container && Container->getParent() == Method->getParent() &&
      isa_and_nonnull<FieldDecl>(Lifetime.HolderDecl) &&
      (isa<CXXConstructorDecl>(Method) || filledOnlyAtConstruction(*Container)))
    return true;
  if (!isa_and_nonnull<BinaryOperator, CXXOperatorCallExpr>(Lifetime.Where))
    return false;
  // `for (auto &slot : slots) slot = ...` assigns through the loop variable.
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(Where.Loop);
      Range && Range->getLoopVariable() == Lifetime.HolderDecl)
    return true;
  return Where.Bound.Container &&
         utils::referencedDecl(Where.Bound.Container) == Lifetime.HolderDecl;
}

/// Whether S, after Loop in Body, joins every element of Holder: a loop over
/// Holder whose body joins or waits for the loop variable or an element of
/// Holder (`for (auto &t : threads) t.join();`, `futures.at(i).get()`).
bool joinsEachAfter(const Stmt *Body, const Stmt *Loop, const ValueDecl *Holder,
                    const SourceManager &SM) {
  auto Joins = [&](const Stmt *LoopBody, const ValueDecl *Element) {
    return utils::anyStmt(LoopBody, [&](const Stmt *S) {
      const auto *Call = dyn_cast<CXXMemberCallExpr>(S);
      const CXXMethodDecl *Method = Call ? Call->getMethodDecl() : nullptr;
      if (!Method || !Method->getDeclName().isIdentifier() ||
          !utils::isWaitName(Method->getName()))
        return false;
      const ValueDecl *Joined =
          utils::referencedDecl(Call->getImplicitObjectArgument());
      return Joined && (Joined == Holder || Joined == Element);
    });
  };
  return utils::anyStmt(Body, [&](const Stmt *S) {
    if (!utils::isLoop(S) ||
        !utils::isBefore(Loop->getEndLoc(), S->getBeginLoc(), SM))
      return false;
    if (const auto *Range = dyn_cast<CXXForRangeStmt>(S))
      return utils::referencedDecl(Range->getRangeInit()) == Holder &&
             Joins(Range->getBody(), Range->getLoopVariable());
    return Joins(utils::loopBody(S), nullptr);
  });
}

/// Whether a loop bounded by a count, or by the pool's own member container,
/// starts one thread per iteration into a local container that the
/// function waits for afterwards (`for (i < jobs) futures.emplace_back(
/// std::async(...))` or `for (auto &ctx : contexts_) threads.emplace_back(
/// ...)`, then `for (auto &t : threads) t.join();`): a fan-out sized once
/// and all waited for, not a thread per item; unbounded-pool-growth owns
/// what that count may be.
bool isJoinedFanOut(const ExecutionContext &Where,
                    const ThreadLifetime &Lifetime,
                    const utils::FunctionParents &Parents,
                    const SourceManager &SM) {
  const auto *Holder = dyn_cast_or_null<VarDecl>(Lifetime.HolderDecl);
  if (Where.Kind != ContextKind::Loop || Lifetime.Fate != ThreadFate::Stored ||
      !Holder || !Holder->hasLocalStorage() || isa<ParmVarDecl>(Holder) ||
      Holder->getType()->isReferenceType())
    return false;
  bool SizedOnce = false;
  switch (Where.Bound.Kind) {
  case utils::TripCountKind::RuntimeCount:
  case utils::TripCountKind::WorkerCount:
    SizedOnce = true;
    break;
  case utils::TripCountKind::ElementCount:
    SizedOnce = Where.Bound.Container &&
                isa_and_nonnull<FieldDecl>(
                    utils::referencedDecl(Where.Bound.Container));
    break;
  default:
    break;
  }
  return SizedOnce && joinsEachAfter(Parents.body(), Where.Loop, Holder, SM);
}

/// Whether the thread is kept in a slot of a fixed array of std::thread
/// objects (`std::thread t[100]; t[i++] = std::thread(...)`, joined in
/// batches): assigning over a slot that still holds a running thread
/// terminates the program, so no more than the array's size are ever alive.
/// A fixed pool; unbounded-pool-growth owns what that size may be.
bool isHeldInFixedArray(const ThreadLifetime &Lifetime) {
  const auto *Holder = dyn_cast_or_null<VarDecl>(Lifetime.HolderDecl);
  if (Lifetime.Fate != ThreadFate::Stored || !Holder ||
      !isa_and_nonnull<BinaryOperator, CXXOperatorCallExpr>(Lifetime.Where))
    return false;
  const auto *Array =
      Holder->getASTContext().getAsConstantArrayType(Holder->getType());
  const CXXRecordDecl *Element =
      Array ? Array->getElementType()->getAsCXXRecordDecl() : nullptr;
  return Element &&
         utils::isNamedAnyOf(Element, {"::std::thread", "::std::jthread"});
}

/// Whether Call starts the threads a pool already placed in its member
/// container, one per element (`for (auto &t : threads_) t->start();`):
/// start-up of a set sized elsewhere, not a thread per item.
bool startsPlacedThread(const Expr *Call, const ExecutionContext &Where) {
  const auto *Member = dyn_cast<CXXMemberCallExpr>(Call);
  return Member && Where.Kind == ContextKind::Loop &&
         utils::namesMemberElement(Member->getImplicitObjectArgument(),
                                   Where.Loop, Where.Bound);
}

unsigned fateIndex(ThreadFate Fate) {
  switch (Fate) {
  case ThreadFate::Detached:
    return 0;
  case ThreadFate::Stored:
    return 1;
  default:
    return 2;
  }
}

SourceLocation locationOf(const Expr *E) {
  if (isa<CXXMemberCallExpr>(E))
    return E->getExprLoc();
  return E->getBeginLoc();
}

} // namespace

ThreadCreationCheck::ThreadCreationCheck(StringRef Name,
                                         ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      Starts{
          utils::parseList(Options.get(
              "ThreadClasses", "::std::thread;::std::jthread;"
                               "::boost::thread;::boost::scoped_thread")),
          utils::parseList(Options.get(
              "JoiningThreadClasses", "::std::jthread;::boost::scoped_thread")),
          utils::parseList(
              Options.get("AsyncFunctions", "::std::async;::boost::async")),
          utils::parseList(
              Options.get("CreateFunctions", "::pthread_create;::thrd_create")),
          utils::parseList(Options.get("DetachedSpawnFunctions", "")),
          utils::parseList(Options.get(
              "ThreadGroupFunctions", "::boost::thread_group::create_thread"))},
      Loops(Options), Limits(Options),
      FactsFile(Options.getLocalOrGlobal(utils::FactsFileOption, "")),
      RegistrationNames(Loops.HandlerRegistrationPattern),
      Analysis([this](ASTContext &Ctx) {
        return std::make_unique<utils::RequestAnalyses>(Ctx, Loops, Limits);
      }) {
  ProjectFacts = utils::loadFacts(*this, FactsFile);
}

void ThreadCreationCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "ThreadClasses", utils::joinList(Starts.ThreadClasses));
  Options.store(Opts, "JoiningThreadClasses",
                utils::joinList(Starts.JoiningThreadClasses));
  Options.store(Opts, "AsyncFunctions", utils::joinList(Starts.AsyncFunctions));
  Options.store(Opts, "CreateFunctions",
                utils::joinList(Starts.CreateFunctions));
  Options.store(Opts, "DetachedSpawnFunctions",
                utils::joinList(Starts.DetachedSpawnFunctions));
  Options.store(Opts, "ThreadGroupFunctions",
                utils::joinList(Starts.GroupStartFunctions));
  Loops.store(Options, Opts);
  Limits.store(Options, Opts);
  Options.store(Opts, utils::FactsFileOption, FactsFile);
}

void ThreadCreationCheck::registerMatchers(MatchFinder *Finder) {
  utils::registerThreadStartMatchers(*Finder, *this, Starts);
  // The calls to project functions are judged at the end of every
  // translation unit, with or without a thread start in it.
  Finder->addMatcher(translationUnitDecl().bind("unit"), this);
}

void ThreadCreationCheck::check(const MatchFinder::MatchResult &Result) {
  Context = Result.Context;
  if (!Functions || &Functions->context() != Context)
    Functions = std::make_unique<utils::FunctionIndex>(*Context);
  if (std::optional<utils::ThreadStart> Start =
          utils::threadStartOf(Result, Starts))
    onSpawn(*Start);
}

void ThreadCreationCheck::collectCalls(const FunctionDecl &Caller,
                                       const Stmt *S, bool InLambda) {
  if (!S)
    return;
  InLambda |= isa<LambdaExpr>(S);
  const FunctionDecl *Callee = nullptr;
  if (const auto *Call = dyn_cast<CallExpr>(S)) {
    Callee = Call->getDirectCallee();
    // std::make_unique<Session>(...) runs Session's constructor.
    if (const CXXConstructorDecl *Made = utils::constructorMadeBy(*Call))
      Callee = Made;
    else if (Callee && Call->getNumArgs() > 0 &&
             Callee->getDeclName().isIdentifier() &&
             RegistrationNames.match(Callee->getName())) {
      for (const FunctionDecl *Handler :
           Analysis.of(*Context).Requests.registeredFunctions(Call))
        RegisteredHandlers.try_emplace(Handler, Call);
    }
  } else if (const auto *Construct = dyn_cast<CXXConstructExpr>(S)) {
    Callee = Construct->getConstructor();
  }
  if (Callee && utils::isProjectFunction(*Callee))
    Calls.push_back({cast<Expr>(S), Callee, &Caller, InLambda});
  for (const Stmt *Child : S->children())
    collectCalls(Caller, Child, InLambda);
}

/// The member a constructor's initializer starts the thread S into
/// (`m_thread{&session::run, this}`), and that constructor.
static std::optional<std::pair<const CXXConstructorDecl *, const FieldDecl *>>
startedIntoMember(const utils::ThreadStart &S,
                  const utils::FunctionIndex &Functions) {
  const auto *Ctor =
      dyn_cast_or_null<CXXConstructorDecl>(Functions.writtenFunctionOf(S.E));
  if (!Ctor || Ctor->isDependentContext())
    return std::nullopt;
  for (const CXXCtorInitializer *Init : Ctor->inits())
    if (Init->isMemberInitializer() &&
        utils::ignoreWrappers(Init->getInit()) == S.E)
      return std::make_pair(Ctor, Init->getMember());
  return std::nullopt;
}

void ThreadCreationCheck::onSpawn(const Spawn &S) {
  ASTContext &Ctx = *Context;
  const utils::FunctionParents *Found = Functions->enclosing(S.E);
  if (!Found) {
    // A constructor's member initializer: the object keeps the thread.
    if (auto Into = startedIntoMember(S, *Functions))
      DeferredSpawns.push_back({S,
                                {ThreadFate::Stored, S.E,
                                 Into->second->getNameAsString(), Into->second},
                                Into->first});
    return;
  }
  const utils::FunctionParents &Parents = *Found;
  ExecutionContext Where =
      Analysis.of(*Context).Requests.enclosing(S.E, Parents);
  if (!Where.Scope)
    return;
  ThreadLifetime Lifetime = utils::threadLifetime(
      S.E, S.Kind, S.JoinsOnDestruction, Where.Scope, Parents, Ctx);
  if (!utils::outlives(Lifetime.Fate) && !Lifetime.Receiver)
    return;
  if (Analysis.of(*Context).Limiter.findLimiter(S.E, Where.Scope, Parents))
    return;
  if (Lifetime.Receiver) {
    if (Where.Kind != ContextKind::None &&
        !isStartupSizing(Where, Lifetime, Parents.function()))
      HandedSpawns.push_back({S, Where, Lifetime});
    return;
  }
  if (Where.Kind == ContextKind::None) {
    DeferredSpawns.push_back({S, Lifetime, &Parents.function()});
    return;
  }
  if (isStartupSizing(Where, Lifetime, Parents.function()) ||
      isJoinedFanOut(Where, Lifetime, Parents, Ctx.getSourceManager()) ||
      isHeldInFixedArray(Lifetime))
    return;
  diagnose(S, Where, Lifetime);
}

static constexpr llvm::StringLiteral Message =
    "%select{thread started by '%1'|call to '%1' starts a thread}0 on every "
    "%select{iteration of an unbounded loop|request to this handler}2 "
    "%select{is|that is}0 %select{detached|kept in '%4'|never joined}3; "
    "nothing limits how many run at once (use a bounded worker pool or "
    "acquire a counting semaphore first)";

void ThreadCreationCheck::noteContext(const ExecutionContext &Where) {
  if (std::optional<utils::ContextNote> Note =
          utils::contextNote(Where, Analysis.of(*Context).Bounds))
    diag(Note->Loc, "%0", DiagnosticIDs::Note) << Note->Text;
}

void ThreadCreationCheck::noteFate(const Spawn &S,
                                   const ThreadLifetime &Lifetime) {
  if (!Lifetime.Where || Lifetime.Where == S.E ||
      Lifetime.Fate == ThreadFate::NeverJoined)
    return;
  const auto *WhereExpr = dyn_cast<Expr>(Lifetime.Where);
  diag(WhereExpr ? locationOf(WhereExpr) : Lifetime.Where->getBeginLoc(),
       "%select{thread detached here|thread kept in '%1' here}0",
       DiagnosticIDs::Note)
      << fateIndex(Lifetime.Fate) << Lifetime.Holder;
}

bool ThreadCreationCheck::report(const Expr *At, bool IsCall,
                                 llvm::StringRef Subject,
                                 const ExecutionContext &Where,
                                 const ThreadLifetime &Lifetime) {
  SourceLocation Loc = locationOf(At);
  if (Reported.alreadyReported(Loc))
    return false;
  diag(Loc, Message) << (IsCall ? 1 : 0) << Subject
                     << (Where.Kind == ContextKind::Handler ? 1 : 0)
                     << fateIndex(Lifetime.Fate) << Lifetime.Holder;
  noteContext(Where);
  return true;
}

void ThreadCreationCheck::diagnose(const Spawn &S,
                                   const ExecutionContext &Where,
                                   const ThreadLifetime &Lifetime) {
  if (report(S.E, /*IsCall=*/false, S.What, Where, Lifetime))
    noteFate(S, Lifetime);
}

std::vector<::unbounded::facts::Site>
ThreadCreationCheck::chainOf(const Deferred &Started) const {
  const SourceManager &SM = Context->getSourceManager();
  std::vector<::unbounded::facts::Site> Chain{::unbounded::facts::siteAt(
      locationOf(Started.S.E), SM,
      "thread started here by '" + Started.S.What + "'")};
  const ThreadLifetime &Lifetime = Started.Lifetime;
  if (!Lifetime.Where || Lifetime.Where == Started.S.E ||
      Lifetime.Fate == ThreadFate::NeverJoined)
    return Chain;
  const auto *WhereExpr = dyn_cast<Expr>(Lifetime.Where);
  SourceLocation Loc =
      WhereExpr ? locationOf(WhereExpr) : Lifetime.Where->getBeginLoc();
  Chain.push_back(::unbounded::facts::siteAt(
      Loc, SM,
      Lifetime.Fate == ThreadFate::Detached
          ? std::string("thread detached here")
          : "thread kept in '" + Lifetime.Holder + "' here"));
  return Chain;
}

/// Whether Function is a constructor that keeps the thread in a member of
/// the object it constructs: the thread lives as long as the object (an
/// RAII owner joins it when destroyed), so constructing one is not starting
/// a thread that outlives its caller.
static bool ownsItsThread(const FunctionDecl &Function,
                          const ThreadLifetime &Lifetime) {
  const auto *Ctor = dyn_cast<CXXConstructorDecl>(&Function);
  const auto *Member = dyn_cast_or_null<FieldDecl>(Lifetime.HolderDecl);
  return Ctor && Member && Lifetime.Fate == ThreadFate::Stored &&
         Member->getParent() == Ctor->getParent();
}

/// What happens to the thread, as the message says it.
static std::string fateText(const ThreadLifetime &Lifetime) {
  switch (Lifetime.Fate) {
  case ThreadFate::Detached:
    return "detached";
  case ThreadFate::Stored:
    return "kept in '" + Lifetime.Holder + "'";
  default:
    return "never joined";
  }
}

/// What a call in Where runs once per, as the messages say it.
static std::string perContext(const ExecutionContext &Where) {
  return Where.Kind == ContextKind::Handler ? "request to this handler"
                                            : "iteration of an unbounded loop";
}

/// The advice every call-site finding ends with.
static constexpr llvm::StringLiteral NoLimitAdvice =
    "nothing limits how many run at once (use a bounded worker pool or "
    "acquire a counting semaphore first)";

void ThreadCreationCheck::diagnoseCall(
    const Call &C, const ExecutionContext &Where,
    const ::unbounded::facts::Summaries &Threads) {
  SourceLocation Loc = locationOf(C.E);
  if (Reported.alreadyReported(Loc))
    return;
  utils::reportCall(
      *this, Threads, *C.Callee,
      utils::callFinding(Loc,
                         "call to '" + C.Callee->getQualifiedNameAsString() +
                             "' starts a thread on every " + perContext(Where) +
                             " that is " +
                             ::unbounded::facts::DetailPlaceholder.str() +
                             "; " + NoLimitAdvice.str(),
                         Where, Analysis.of(*Context).Bounds));
}

/// Whether the object Construct makes outlives Scope: made by `new` and
/// not deleted there, nor held by a local smart pointer that is not moved
/// out.
static bool outlivesScope(const CXXConstructExpr &Construct, const Stmt *Scope,
                          const utils::FunctionParents &Parents) {
  const auto *New = dyn_cast_or_null<CXXNewExpr>(Parents.consumer(&Construct));
  if (!New)
    return false;
  const Stmt *User = Parents.consumer(New);
  // std::unique_ptr<T> owner(new T(...)): the owner is what is kept.
  const Stmt *Owner = New;
  if (const auto *Wrap = dyn_cast_or_null<CXXConstructExpr>(User)) {
    Owner = Wrap;
    User = Parents.consumer(Wrap);
  }
  const VarDecl *Local =
      User ? utils::FunctionParents::initializedBy(User, Owner) : nullptr;
  if (!Local || !Local->hasLocalStorage())
    return true;
  // A raw pointer escapes unless deleted here, an owner only if moved out.
  if (Local->getType()->isPointerType())
    return !utils::anyStmt(Scope, [&](const Stmt *S) {
      const auto *Delete = dyn_cast<CXXDeleteExpr>(S);
      return Delete && utils::referencedDecl(Delete->getArgument()) == Local;
    });
  return utils::anyStmt(Scope, [&](const Stmt *S) {
    const auto *Call = dyn_cast<CallExpr>(S);
    return Call && utils::isStdMove(Call) &&
           utils::referencedDecl(Call->getArg(0)) == Local;
  });
}

/// The key of "makes an object of Ctor's class that outlives the call, whose
/// thread it keeps": a thread start for whoever calls the maker.
static std::string outlivingOwnerKey(const FunctionDecl &Ctor) {
  return ::unbounded::facts::usrOf(Ctor) + "@outlives";
}

/// Whether Construct, in Caller, makes an object that outlives every run of
/// Caller (`auto *t = new Parallel(...); table_[id] = t;`): not one made
/// once, in a static local's initializer or behind a once-guard.
static bool outlivesEveryRun(const CXXConstructExpr &Construct,
                             const utils::FunctionParents &Parents) {
  const Stmt *Body = Parents.body();
  if (!outlivesScope(Construct, Body, Parents) ||
      utils::insideOnceGuard(&Construct, Parents, Body))
    return false;
  const Stmt *New = Parents.consumer(&Construct);
  const Stmt *User = New ? Parents.consumer(New) : nullptr;
  const VarDecl *Static =
      User ? utils::FunctionParents::initializedBy(User, New) : nullptr;
  return !Static || !Static->isStaticLocal();
}

void ThreadCreationCheck::diagnoseOwner(
    const Call &C, const ExecutionContext &Where,
    const ::unbounded::facts::Summaries &Owned) {
  SourceLocation Loc = locationOf(C.E);
  if (ReportedOwners.alreadyReported(Loc))
    return;
  std::string Class = cast<CXXConstructorDecl>(C.Callee)
                          ->getParent()
                          ->getQualifiedNameAsString();
  utils::reportCall(
      *this, Owned, *C.Callee,
      utils::callFinding(
          Loc,
          "'" + Class + "' is created on every " + perContext(Where) +
              " and outlives it, and its constructor starts a thread that "
              "is " +
              ::unbounded::facts::DetailPlaceholder.str() +
              " for the object's life; " + NoLimitAdvice.str(),
          Where, Analysis.of(*Context).Bounds));
}

void ThreadCreationCheck::judgeHandedSpawns(
    const std::vector<const FunctionDecl *> &UserFunctions) {
  namespace facts = ::unbounded::facts;
  const SourceManager &SM = Context->getSourceManager();
  // What each parameter does with the thread it receives: kept in a member
  // or global container, or passed on to another function's parameter.
  facts::Summaries Kept(*Context, "thread-param", ProjectFacts);
  for (const FunctionDecl *Function : UserFunctions)
    for (unsigned I = 0; I < Function->getNumParams(); ++I) {
      std::string Key = facts::parameterKey(*Function, I);
      std::string Name = facts::parameterName(*Function, I);
      Kept.addDefinition(Key, Name);
      if (std::optional<utils::KeptParameter> Keeps =
              utils::keptParameter(*Function, I)) {
        std::string Storage = Keeps->Storage->getNameAsString();
        Kept.addDirect(
            Key, Name, Storage,
            {facts::siteAt(Keeps->Insert->getExprLoc(), SM,
                           "'" + Function->getQualifiedNameAsString() +
                               "' keeps the thread it is handed in '" +
                               Storage + "'")});
      }
    }
  for (const FunctionDecl *Function : UserFunctions)
    utils::forEachCall(Function->getBody(), [&](const CallExpr *Call) {
      const FunctionDecl *Callee = Call->getDirectCallee();
      if (!Callee || isa<CXXOperatorCallExpr>(Call) ||
          !utils::isProjectFunction(*Callee))
        return;
      for (unsigned J = 0; J < Call->getNumArgs() && J < Callee->getNumParams();
           ++J) {
        const auto *Param = dyn_cast_or_null<ParmVarDecl>(
            utils::referencedDecl(utils::passedValue(Call->getArg(J))));
        if (!Param || Param->getDeclContext() != Function)
          continue;
        unsigned I = Param->getFunctionScopeIndex();
        Kept.addCall(
            facts::parameterKey(*Function, I),
            facts::parameterName(*Function, I), facts::parameterKey(*Callee, J),
            facts::siteAt(Call->getArg(J)->getBeginLoc(), SM,
                          "'" + Function->getQualifiedNameAsString() +
                              "' hands it on to '" +
                              Callee->getQualifiedNameAsString() + "'"));
      }
    });
  Kept.finish();
  for (const Handed &H : HandedSpawns) {
    SourceLocation Loc = locationOf(H.S.E);
    if (Reported.alreadyReported(Loc))
      continue;
    std::string Receiver = H.Lifetime.Receiver->getQualifiedNameAsString();
    utils::reportCall(
        *this, Kept,
        facts::parameterKey(*H.Lifetime.Receiver, H.Lifetime.ReceiverParam),
        Context->getSourceManager(),
        utils::callFinding(
            Loc,
            "thread started by '" + H.S.What + "' on every " +
                (H.Where.Kind == ContextKind::Handler
                     ? "request to this handler"
                     : "iteration of an unbounded loop") +
                " is handed to '" + Receiver + "', which keeps it in '" +
                facts::DetailPlaceholder.str() +
                "'; nothing limits how many run at once (use a bounded "
                "worker pool or acquire a counting semaphore first)",
            H.Where, Analysis.of(*Context).Bounds));
  }
  HandedSpawns.clear();
}

void ThreadCreationCheck::onEndOfTranslationUnit() {
  if (!Context) {
    DeferredSpawns.clear();
    HandedSpawns.clear();
    return;
  }
  if (!Functions)
    Functions = std::make_unique<utils::FunctionIndex>(*Context);
  // Only now, and only in user code: handler registrations, and the calls
  // that may reach a function that starts a thread, through any number of
  // project functions and, with the project facts, of files.
  std::vector<const FunctionDecl *> UserFunctions = Functions->userFunctions();
  for (const FunctionDecl *Function : UserFunctions) {
    collectCalls(*Function, Function->getBody(), /*InLambda=*/false);
    if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Function))
      for (const CXXCtorInitializer *Init : Ctor->inits())
        collectCalls(*Function, Init->getInit(), /*InLambda=*/false);
  }
  ::unbounded::facts::Summaries Threads(*Context, "thread", ProjectFacts);
  ::unbounded::facts::Summaries Owned(*Context, "owned-thread", ProjectFacts);
  for (const FunctionDecl *Function : UserFunctions) {
    Threads.addDefinition(*Function);
    Owned.addDefinition(*Function);
    if (isa<CXXConstructorDecl>(Function))
      Threads.addDefinition(outlivingOwnerKey(*Function),
                            Function->getQualifiedNameAsString());
  }
  for (const Deferred &Started : DeferredSpawns) {
    const FunctionDecl *Definition = Started.Function->getDefinition();
    std::string Fate = fateText(Started.Lifetime);
    bool Owns = ownsItsThread(*Definition, Started.Lifetime);
    (Owns ? Owned : Threads).addDirect(*Definition, Fate, chainOf(Started));
    // Whoever makes the object and keeps it past the call starts the thread.
    if (Owns)
      Threads.addDirect(outlivingOwnerKey(*Definition),
                        Definition->getQualifiedNameAsString(), Fate,
                        chainOf(Started));
    auto Handler = RegisteredHandlers.find(Definition);
    if (Handler == RegisteredHandlers.end())
      continue;
    ExecutionContext Where;
    Where.Kind = ContextKind::Handler;
    Where.Scope = Definition->getBody();
    Where.Registration = Handler->second;
    diagnose(Started.S, Where, Started.Lifetime);
  }
  for (const Call &C : Calls) {
    if (C.InLambda)
      continue;
    std::string Caller = C.Caller->getQualifiedNameAsString();
    Threads.addCall(*C.Caller, *C.Callee, locationOf(C.E),
                    "'" + Caller + "' starts it through this call to '" +
                        C.Callee->getQualifiedNameAsString() + "'");
    const auto *Construct = dyn_cast<CXXConstructExpr>(C.E);
    if (Construct &&
        outlivesEveryRun(*Construct, Functions->parents(*C.Caller)))
      Threads.addCall(::unbounded::facts::usrOf(*C.Caller), Caller,
                      outlivingOwnerKey(*C.Callee),
                      ::unbounded::facts::siteAt(
                          locationOf(C.E), Context->getSourceManager(),
                          "'" + Caller + "' makes a '" +
                              cast<CXXConstructorDecl>(C.Callee)
                                  ->getParent()
                                  ->getQualifiedNameAsString() +
                              "' here that outlives the call"));
  }
  // A call of a virtual method may run any override of it.
  for (const FunctionDecl *Function : UserFunctions)
    if (const auto *Method = dyn_cast<CXXMethodDecl>(Function))
      for (const CXXMethodDecl *Overridden : Method->overridden_methods())
        Threads.addCall(*Overridden, *Method, Method->getLocation(),
                        "'" + Overridden->getQualifiedNameAsString() +
                            "' is virtual and may run this override");
  Threads.finish();
  Owned.finish();

  for (const Call &C : Calls) {
    const FunctionDecl *Definition = C.Callee->getDefinition();
    if ((Definition && RegisteredHandlers.count(Definition)) ||
        !utils::mayHaveEffect(Threads, *C.Callee))
      continue;
    const utils::FunctionParents &Parents = Functions->parents(*C.Caller);
    ExecutionContext Where = contextOf(
        C.E, Parents, Analysis.of(*Context).Requests, RegisteredHandlers);
    if (Where.Kind == ContextKind::None || startsPlacedThread(C.E, Where) ||
        Analysis.of(*Context).Limiter.findLimiter(C.E, Where.Scope, Parents))
      continue;
    diagnoseCall(C, Where, Threads);
  }
  for (const Call &C : Calls) {
    const auto *Construct = dyn_cast<CXXConstructExpr>(C.E);
    if (C.InLambda || !Construct || !utils::mayHaveEffect(Owned, *C.Callee))
      continue;
    const utils::FunctionParents &Parents = Functions->parents(*C.Caller);
    ExecutionContext Where = contextOf(
        C.E, Parents, Analysis.of(*Context).Requests, RegisteredHandlers);
    if (Where.Kind == ContextKind::None ||
        !outlivesScope(*Construct, Where.Scope, Parents) ||
        Analysis.of(*Context).Limiter.findLimiter(C.E, Where.Scope, Parents))
      continue;
    diagnoseOwner(C, Where, Owned);
  }
  judgeHandedSpawns(UserFunctions);
  DeferredSpawns.clear();
  Calls.clear();
  RegisteredHandlers.clear();
  Functions.reset();
  Analysis.reset();
  Context = nullptr;
}

} // namespace clang::tidy::unbounded
