//===- ThreadCreationCheck.cpp - unbounded-thread-creation ----------------===//

#include "ThreadCreationCheck.h"
#include "utils/Defaults.h"
#include "utils/LimiterDetection.h"
#include "utils/LoopBounds.h"
#include "utils/NameLists.h"
#include "utils/RequestContext.h"
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
  if (Where.Kind != ContextKind::None || !Where.Function)
    return Where;
  auto Handler = Handlers.find(Where.Function->getDefinition());
  if (Handler != Handlers.end()) {
    Where.Kind = ContextKind::Handler;
    Where.Registration = Handler->second;
  }
  return Where;
}

/// How a pool starts its workers: a loop sized by a runtime integer that
/// fills a member container, or a loop over a container's existing slots
/// that assigns a thread to each (`for (i < threads_.size()) threads_[i] =
/// std::thread(...)`). Either is sized once by configuration, not per item;
/// unbounded-pool-growth owns what that size may be.
bool isStartupSizing(const ExecutionContext &Where,
                     const ThreadLifetime &Lifetime) {
  if (Where.Kind != ContextKind::Loop || Lifetime.Fate != ThreadFate::Stored)
    return false;
  if (Where.Bound.Kind == utils::TripCountKind::RuntimeCount)
    return isa_and_nonnull<FieldDecl>(Lifetime.HolderDecl);
  bool Assigns = isa_and_nonnull<BinaryOperator, CXXOperatorCallExpr>(
      Lifetime.Where);
  if (Where.Bound.Kind != utils::TripCountKind::ElementCount || !Assigns)
    return false;
  // `for (auto &slot : slots) slot = ...` assigns through the loop variable.
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(Where.Loop);
      Range && Range->getLoopVariable() == Lifetime.HolderDecl)
    return true;
  return Where.Bound.Container &&
         utils::referencedDecl(Where.Bound.Container) == Lifetime.HolderDecl;
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
      Starts{utils::parseList(Options.get(
                 "ThreadClasses", "::std::thread;::std::jthread;"
                                  "::boost::thread;::boost::scoped_thread")),
             utils::parseList(Options.get(
                 "JoiningThreadClasses",
                 "::std::jthread;::boost::scoped_thread")),
             utils::parseList(Options.get("AsyncFunctions",
                                          "::std::async;::boost::async")),
             utils::parseList(Options.get("CreateFunctions",
                                          "::pthread_create;::thrd_create")),
             utils::parseList(Options.get("DetachedSpawnFunctions", ""))},
      MaxIterations(Options.get("MaxIterations", utils::defaults::MaxIterations)),
      WorkerCountPattern(Options.get("WorkerCountPattern", utils::defaults::WorkerCountPattern)),
      HandlerRegistrationPattern(Options.get("HandlerRegistrationPattern",
                  utils::defaults::HandlerRegistrationPattern)),
      LimiterFunctions(utils::parseList(Options.get("LimiterFunctions", utils::defaults::LimiterFunctions))),
      LimiterTypePattern(Options.get("LimiterTypePattern", utils::defaults::LimiterTypePattern)),
      CounterPattern(Options.get("CounterPattern", utils::defaults::CounterPattern)),
      RegistrationNames(HandlerRegistrationPattern) {}

void ThreadCreationCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "ThreadClasses", utils::joinList(Starts.ThreadClasses));
  Options.store(Opts, "JoiningThreadClasses",
                utils::joinList(Starts.JoiningThreadClasses));
  Options.store(Opts, "AsyncFunctions",
                utils::joinList(Starts.AsyncFunctions));
  Options.store(Opts, "CreateFunctions",
                utils::joinList(Starts.CreateFunctions));
  Options.store(Opts, "DetachedSpawnFunctions",
                utils::joinList(Starts.DetachedSpawnFunctions));
  Options.store(Opts, "MaxIterations", MaxIterations);
  Options.store(Opts, "WorkerCountPattern", WorkerCountPattern);
  Options.store(Opts, "HandlerRegistrationPattern",
                HandlerRegistrationPattern);
  Options.store(Opts, "LimiterFunctions", utils::joinList(LimiterFunctions));
  Options.store(Opts, "LimiterTypePattern", LimiterTypePattern);
  Options.store(Opts, "CounterPattern", CounterPattern);
}

void ThreadCreationCheck::registerMatchers(MatchFinder *Finder) {
  utils::registerThreadStartMatchers(*Finder, *this, Starts);
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
                                       const Stmt *S) {
  if (!S)
    return;
  const FunctionDecl *Callee = nullptr;
  if (const auto *Call = dyn_cast<CallExpr>(S)) {
    Callee = Call->getDirectCallee();
    if (Callee && Call->getNumArgs() > 0 &&
        Callee->getDeclName().isIdentifier() &&
        RegistrationNames.match(Callee->getName())) {
      utils::LoopBounds Bounds(*Context, MaxIterations, WorkerCountPattern);
      utils::RequestContext Requests(Bounds, HandlerRegistrationPattern);
      for (const FunctionDecl *Handler : Requests.registeredFunctions(Call))
        RegisteredHandlers.try_emplace(Handler, Call);
    }
  } else if (const auto *Construct = dyn_cast<CXXConstructExpr>(S)) {
    Callee = Construct->getConstructor();
  }
  if (Callee)
    Calls.push_back({cast<Expr>(S), Callee, &Caller});
  for (const Stmt *Child : S->children())
    collectCalls(Caller, Child);
}

void ThreadCreationCheck::onSpawn(const Spawn &S) {
  ASTContext &Ctx = *Context;
  const utils::FunctionParents *Found = Functions->enclosing(S.E);
  if (!Found)
    return;
  const utils::FunctionParents &Parents = *Found;
  utils::LoopBounds Bounds(Ctx, MaxIterations, WorkerCountPattern);
  utils::RequestContext Requests(Bounds, HandlerRegistrationPattern);
  ExecutionContext Where = Requests.enclosing(S.E, Parents);
  if (!Where.Scope)
    return;
  ThreadLifetime Lifetime = utils::threadLifetime(
      S.E, S.Kind, S.JoinsOnDestruction, Where.Scope, Parents, Ctx);
  if (!utils::outlives(Lifetime.Fate))
    return;
  utils::LimiterDetection Limiter(Ctx, LimiterFunctions, LimiterTypePattern,
                                  CounterPattern);
  if (Limiter.findLimiter(S.E, Where.Scope, Parents))
    return;
  if (Where.Kind == ContextKind::None) {
    DeferredSpawns.push_back({S, Lifetime, &Parents.function()});
    return;
  }
  if (isStartupSizing(Where, Lifetime))
    return;
  diagnose(S, Where, Lifetime);
}

bool ThreadCreationCheck::alreadyReported(SourceLocation Loc) {
  return !Reported.insert(Loc.getRawEncoding()).second;
}

static constexpr llvm::StringLiteral Message =
    "%select{thread started by '%1'|call to '%1' starts a thread}0 on every "
    "%select{iteration of an unbounded loop|request to this handler}2 "
    "%select{is|that is}0 %select{detached|kept in '%4'|never joined}3; "
    "nothing limits how many run at once (use a bounded worker pool or "
    "acquire a counting semaphore first)";

void ThreadCreationCheck::noteContext(const ExecutionContext &Where) {
  utils::LoopBounds Bounds(*Context, MaxIterations, WorkerCountPattern);
  if (std::optional<utils::ContextNote> Note = utils::contextNote(Where, Bounds))
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
  if (alreadyReported(Loc))
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

void ThreadCreationCheck::diagnoseCall(const Expr *Call,
                                       const ExecutionContext &Where,
                                       const Deferred &Started) {
  if (!report(Call, /*IsCall=*/true,
              Started.Function->getQualifiedNameAsString(), Where,
              Started.Lifetime))
    return;
  diag(locationOf(Started.S.E), "thread started here by '%0'",
       DiagnosticIDs::Note)
      << Started.S.What;
  noteFate(Started.S, Started.Lifetime);
}

void ThreadCreationCheck::onEndOfTranslationUnit() {
  if (!Functions || DeferredSpawns.empty()) {
    DeferredSpawns.clear();
    Functions.reset();
    return;
  }
  // Only now, and only in user code: handler registrations, and the calls
  // that may reach a function that starts a thread (one level deep).
  for (const FunctionDecl *Function : Functions->userFunctions())
    collectCalls(*Function, Function->getBody());
  utils::LoopBounds Bounds(*Context, MaxIterations, WorkerCountPattern);
  utils::RequestContext Requests(Bounds, HandlerRegistrationPattern);
  utils::LimiterDetection Limiter(*Context, LimiterFunctions,
                                  LimiterTypePattern, CounterPattern);
  llvm::DenseMap<const FunctionDecl *, const Deferred *> Spawning;
  for (const Deferred &Started : DeferredSpawns) {
    const FunctionDecl *Definition = Started.Function->getDefinition();
    Spawning.try_emplace(Definition, &Started);
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
    auto Found = Spawning.find(C.Callee->getDefinition());
    if (Found == Spawning.end() || RegisteredHandlers.count(Found->first))
      continue;
    const utils::FunctionParents &Parents = Functions->parents(*C.Caller);
    ExecutionContext Where =
        contextOf(C.E, Parents, Requests, RegisteredHandlers);
    if (Where.Kind == ContextKind::None ||
        Limiter.findLimiter(C.E, Where.Scope, Parents))
      continue;
    diagnoseCall(C.E, Where, *Found->second);
  }
  DeferredSpawns.clear();
  Calls.clear();
  RegisteredHandlers.clear();
  Functions.reset();
}

} // namespace clang::tidy::unbounded
