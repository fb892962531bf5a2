//===- QueueGrowthCheck.cpp - unbounded-queue-growth ----------------------===//

#include "QueueGrowthCheck.h"
#include "utils/AstNavigation.h"
#include "utils/Defaults.h"
#include "utils/Effects.h"
#include "utils/LimiterDetection.h"
#include "utils/LoopBounds.h"
#include "utils/Names.h"
#include "utils/Queues.h"
#include "utils/SharedOptions.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::unbounded {

namespace {

constexpr llvm::StringLiteral DefaultLockedPushFunctions =
    "::std::queue::push;::std::queue::emplace;"
    "::std::priority_queue::push;::std::priority_queue::emplace;"
    "::std::deque::push_back;::std::deque::emplace_back;"
    "::std::deque::push_front;::std::deque::emplace_front;"
    "::std::list::push_back;::std::list::emplace_back;"
    "::std::list::push_front;::std::list::emplace_front;"
    "::std::vector::push_back;::std::vector::emplace_back";

constexpr llvm::StringLiteral DefaultConcurrentPushFunctions =
    "::tbb::detail::d2::concurrent_queue::push;"
    "::tbb::detail::d2::concurrent_queue::emplace;"
    "::tbb::concurrent_queue::push;::tbb::concurrent_queue::emplace;"
    "::boost::lockfree::queue::push;"
    "::moodycamel::ConcurrentQueue::enqueue;"
    "::moodycamel::ConcurrentQueue::enqueue_bulk;"
    "::moodycamel::BlockingConcurrentQueue::enqueue;"
    "::moodycamel::BlockingConcurrentQueue::enqueue_bulk";

/// What every finding of this check advises, after what it found.
constexpr llvm::StringLiteral Advice =
    "; bound the queue and report rejection to the caller (return an error, "
    "count the drop) so a slow consumer shows up as backpressure, not as "
    "memory growth";

/// Calls that take items out of a container used as a queue.
constexpr llvm::StringLiteral ConsumerMethods[] = {
    "pop", "pop_front", "pop_back", "front", "top", "swap", "erase"};

/// A member call as written: resolved, or in a template's body where the
/// object's type or the arguments depend on a template parameter.
struct MemberCall {
  const Expr *Object = nullptr;
  llvm::StringRef Name;
  SourceLocation NameLoc;
};

/// The object and the member name of a member call, if S is one.
std::optional<MemberCall> memberCall(const Stmt *S) {
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(S)) {
    const CXXMethodDecl *Method = Call->getMethodDecl();
    if (!Method || !Method->getDeclName().isIdentifier())
      return std::nullopt;
    return MemberCall{Call->getImplicitObjectArgument(), Method->getName(),
                      Call->getExprLoc()};
  }
  const auto *Call = dyn_cast<CallExpr>(S);
  const Expr *Callee = Call ? Call->getCallee()->IgnoreParens() : nullptr;
  // `this->add(made)` in a template's body, with a dependent argument.
  if (const auto *Member = dyn_cast_or_null<MemberExpr>(Callee)) {
    if (!Member->getMemberDecl()->getDeclName().isIdentifier())
      return std::nullopt;
    return MemberCall{Member->getBase(), Member->getMemberDecl()->getName(),
                      Member->getMemberLoc()};
  }
  if (const auto *Dependent =
          dyn_cast_or_null<CXXDependentScopeMemberExpr>(Callee)) {
    if (Dependent->isImplicitAccess() || !Dependent->getMember().isIdentifier())
      return std::nullopt;
    return MemberCall{Dependent->getBase(),
                      Dependent->getMember().getAsIdentifierInfo()->getName(),
                      Dependent->getMemberLoc()};
  }
  if (const auto *Unresolved = dyn_cast_or_null<UnresolvedMemberExpr>(Callee)) {
    if (Unresolved->isImplicitAccess() || !Unresolved->getName().isIdentifier())
      return std::nullopt;
    return MemberCall{Unresolved->getBase(),
                      Unresolved->getName().getAsIdentifierInfo()->getName(),
                      Unresolved->getMemberLoc()};
  }
  return std::nullopt;
}

/// The name of the member a member call calls, or "".
llvm::StringRef methodName(const Stmt *S) {
  std::optional<MemberCall> Call = memberCall(S);
  return Call ? Call->Name : "";
}

/// The member a getter returns by reference (`std::deque<Task>
/// &Pool::tasks() { return tasks_; }`), if Call calls one.
const ValueDecl *returnedMember(const Expr *Call) {
  const auto *Getter = dyn_cast_or_null<CXXMemberCallExpr>(Call);
  const CXXMethodDecl *Method = Getter ? Getter->getMethodDecl() : nullptr;
  const FunctionDecl *Definition = Method ? Method->getDefinition() : nullptr;
  const auto *Body = Definition
                         ? dyn_cast_or_null<CompoundStmt>(Definition->getBody())
                         : nullptr;
  if (!Body || Body->size() != 1 || !Method->getReturnType()->isReferenceType())
    return nullptr;
  const auto *Return = dyn_cast<ReturnStmt>(Body->body_front());
  const ValueDecl *Member =
      Return ? utils::referencedDecl(Return->getRetValue()) : nullptr;
  return isa_and_nonnull<FieldDecl>(Member) ? Member : nullptr;
}

/// The storage a member call works on (directly or through a getter that
/// returns it), or nullptr.
const ValueDecl *objectOf(const Stmt *S) {
  std::optional<MemberCall> Call = memberCall(S);
  if (!Call)
    return nullptr;
  if (const ValueDecl *Object = utils::referencedDecl(Call->Object))
    return Object;
  return returnedMember(Call->Object->IgnoreParenImpCasts());
}

/// The class (or, in a template's body, the class template) behind a
/// type: std::queue for both `std::queue<Task>` and `std::queue<T>`.
const NamedDecl *containerOfType(QualType T) {
  T = T.getNonReferenceType();
  if (T->isPointerType())
    T = T->getPointeeType();
  if (const CXXRecordDecl *Record = T->getAsCXXRecordDecl())
    return Record;
  if (const auto *Specialization = T->getAs<TemplateSpecializationType>())
    if (const TemplateDecl *Template =
            Specialization->getTemplateName().getAsTemplateDecl())
      return Template->getTemplatedDecl();
  return nullptr;
}

/// The classes a member call's object may have: one, or both branches of a
/// `std::conditional_t<Flag, std::priority_queue<T>, std::queue<T>>` that a
/// template's parameter chooses between.
llvm::SmallVector<const NamedDecl *, 2> containersOf(QualType T) {
  const auto *Specialization = T->getAs<TemplateSpecializationType>();
  const TemplateDecl *Template =
      Specialization ? Specialization->getTemplateName().getAsTemplateDecl()
                     : nullptr;
  if (!Template ||
      !utils::isNamedAnyOf(Template->getTemplatedDecl(),
                           {"::std::conditional_t"}) ||
      Specialization->template_arguments().size() != 3)
    return {containerOfType(T)};
  llvm::SmallVector<const NamedDecl *, 2> Branches;
  for (unsigned I = 1; I < 3; ++I) {
    const TemplateArgument &Arg = Specialization->template_arguments()[I];
    Branches.push_back(Arg.getKind() == TemplateArgument::Type
                           ? containerOfType(Arg.getAsType())
                           : nullptr);
  }
  return Branches;
}

/// Whether Container's member Method is named by one of Names
/// ("::std::queue::push").
bool isNamedMember(const NamedDecl *Container, llvm::StringRef Method,
                   llvm::ArrayRef<std::string> Names) {
  return Container && llvm::any_of(Names, [&](const std::string &Name) {
           auto [Class, Simple] = llvm::StringRef(Name).rsplit("::");
           return Simple == Method && !Class.empty() &&
                  utils::isNamedAnyOf(Container, {Class.str()});
         });
}

/// Whether a consumer call takes the oldest item out: erase only counts as
/// `erase(q.begin())`; erasing a found element is deregistration.
bool takesOldest(const CallExpr &Call) {
  if (methodName(&Call) != "erase")
    return true;
  if (Call.getNumArgs() == 0)
    return false;
  llvm::StringRef Begin = methodName(utils::ignoreWrappers(Call.getArg(0)));
  return Begin == "begin" || Begin == "cbegin";
}

/// The parameter of Function that Value names, through std::move.
const ParmVarDecl *parameterNamed(const Expr *Value,
                                  const FunctionDecl &Function) {
  Value = utils::ignoreWrappers(Value);
  if (const auto *Call = dyn_cast<CallExpr>(Value);
      Call && utils::isStdMove(Call))
    Value = utils::ignoreWrappers(Call->getArg(0));
  const auto *Parm =
      dyn_cast_or_null<ParmVarDecl>(utils::referencedDecl(Value));
  return Parm && Parm->getDeclContext() == &Function ? Parm : nullptr;
}

/// The pushes that fill a pool's queue.
constexpr llvm::StringLiteral FillingPushes[] = {
    "push", "push_back", "emplace", "emplace_back", "push_front", "enqueue"};

/// Whether Call pushes one item onto Queue.
bool pushesOnto(const CallExpr &Call, const ValueDecl *Queue) {
  return Call.getNumArgs() == 1 && objectOf(&Call) == Queue &&
         llvm::is_contained(FillingPushes, methodName(&Call));
}

/// Whether Method pushes its own parameter onto Queue: `void add(Conn c) {
/// idle_.push_back(c); }`.
bool pushesOwnParameter(const CXXMethodDecl &Method, const ValueDecl *Queue) {
  const FunctionDecl *Definition = Method.getDefinition();
  return Definition && Definition->getBody() &&
         utils::anyStmt(Definition->getBody(), [&](const Stmt *Node) {
           const auto *Call = dyn_cast<CallExpr>(Node);
           return Call && pushesOnto(*Call, Queue) &&
                  parameterNamed(Call->getArg(0), *Definition);
         });
}

/// Whether Call pushes its one argument onto Queue: a push on Queue, or a
/// call on `this` of a method of Pool that pushes its parameter there
/// (`this->add(made)`).
bool pushesArgument(const CallExpr &Call, const ValueDecl *Queue,
                    const CXXRecordDecl &Pool) {
  if (Call.getNumArgs() != 1)
    return false;
  if (objectOf(&Call) == Queue)
    return pushesOnto(Call, Queue);
  std::optional<MemberCall> Member = memberCall(&Call);
  if (!Member || !isa<CXXThisExpr>(Member->Object->IgnoreParenImpCasts()))
    return false;
  return llvm::any_of(Pool.methods(), [&](const CXXMethodDecl *Method) {
    return Method->getDeclName().isIdentifier() &&
           Method->getName() == Member->Name &&
           pushesOwnParameter(*Method, Queue);
  });
}

/// Whether Method fills Queue with items it creates: a push onto Queue in a
/// constructor, or in a loop, of an item that is not Method's parameter
/// (directly or through a method of the pool that pushes its parameter); or
/// a range inserted at once (`idle_.insert(idle_.end(), made.begin(),
/// made.end())` after a loop that made them).
bool fillsWithNewItems(const CXXMethodDecl &Method, const ValueDecl *Queue) {
  const Stmt *Body = Method.getBody();
  bool Constructor = isa<CXXConstructorDecl>(Method);
  auto Fills = [&](const Stmt *S) {
    return utils::anyStmt(S, [&](const Stmt *Node) {
      const auto *Call = dyn_cast<CallExpr>(Node);
      return Call && pushesArgument(*Call, Queue, *Method.getParent()) &&
             !parameterNamed(Call->getArg(0), Method);
    });
  };
  bool InsertsRange = utils::anyStmt(Body, [&](const Stmt *Node) {
    const auto *Call = dyn_cast<CallExpr>(Node);
    return Call && Call->getNumArgs() == 3 && objectOf(Call) == Queue &&
           methodName(Call) == "insert";
  });
  if (Constructor || InsertsRange)
    return InsertsRange || Fills(Body);
  return utils::anyStmt(Body, [&](const Stmt *S) {
    return utils::isLoop(S) && Fills(utils::loopBody(S));
  });
}

/// Whether S calls one of Names on Queue.
bool callsOn(const Stmt *S, const ValueDecl *Queue,
             llvm::ArrayRef<llvm::StringRef> Names) {
  return utils::anyStmt(S, [&](const Stmt *Node) {
    return llvm::is_contained(Names, methodName(Node)) &&
           objectOf(Node) == Queue;
  });
}

/// Whether Method lends the pool's items, making a new one when the pool is
/// empty (`if (pool_.empty()) return new T(); T *p = pool_.back();
/// pool_.pop_back(); return p;`): the pool then holds at most as many items
/// as were ever lent at once.
bool lendsOrMakes(const CXXMethodDecl &Method, const ValueDecl *Queue) {
  const Stmt *Body = Method.getBody();
  if (!callsOn(Body, Queue, {"pop", "pop_back", "pop_front"}))
    return false;
  return utils::anyStmt(Body, [](const Stmt *S) {
    const auto *Return = dyn_cast<ReturnStmt>(S);
    const Expr *Value = Return && Return->getRetValue()
                            ? utils::ignoreWrappers(Return->getRetValue())
                            : nullptr;
    const auto *Make = dyn_cast_or_null<CallExpr>(Value);
    return isa_and_nonnull<CXXNewExpr>(Value) ||
           (Make && !utils::typeMadeBy(*Make).isNull());
  });
}

} // namespace

QueueGrowthCheck::QueueGrowthCheck(StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      LockedPushFunctions(utils::parseList(
          Options.get("LockedPushFunctions", DefaultLockedPushFunctions))),
      ConcurrentPushFunctions(utils::parseList(Options.get(
          "ConcurrentPushFunctions", DefaultConcurrentPushFunctions))),
      SizeNamePattern(Options.get("SizeNamePattern",
                                  "size|count|depth|pending|backlog|length|"
                                  "capacity|max|limit")),
      SpacePattern(Options.get("SpacePattern",
                               "full|space|room|vacan|capacity|can_?push")),
      Limits(Options),
      FactsFile(Options.getLocalOrGlobal(utils::FactsFileOption, "")),
      SpaceNames(SpacePattern, llvm::Regex::IgnoreCase),
      Detection([this](ASTContext &Ctx) {
        return std::make_unique<utils::LimiterDetection>(
            Ctx, Limits.Functions, Limits.TypePattern, SizeNamePattern);
      }) {
  ProjectFacts = utils::loadFacts(*this, FactsFile);
}

void QueueGrowthCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "LockedPushFunctions",
                utils::joinList(LockedPushFunctions));
  Options.store(Opts, "ConcurrentPushFunctions",
                utils::joinList(ConcurrentPushFunctions));
  Options.store(Opts, "SizeNamePattern", SizeNamePattern);
  Options.store(Opts, "SpacePattern", SpacePattern);
  Limits.store(Options, Opts);
  Options.store(Opts, utils::FactsFileOption, FactsFile);
}

void QueueGrowthCheck::registerMatchers(MatchFinder *Finder) {
  auto InUserCode = unless(isExpansionInSystemHeader());
  if (!LockedPushFunctions.empty())
    Finder->addMatcher(
        cxxMemberCallExpr(
            callee(utils::functionNamedAnyOf(LockedPushFunctions)), InUserCode)
            .bind("locked"),
        this);
  if (!ConcurrentPushFunctions.empty())
    Finder->addMatcher(cxxMemberCallExpr(callee(utils::functionNamedAnyOf(
                                             ConcurrentPushFunctions)),
                                         InUserCode)
                           .bind("concurrent"),
                       this);
  std::vector<llvm::StringRef> Consumers(std::begin(ConsumerMethods),
                                         std::end(ConsumerMethods));
  Finder->addMatcher(
      cxxMemberCallExpr(callee(cxxMethodDecl(hasAnyName(Consumers))),
                        InUserCode)
          .bind("consume"),
      this);
  // Member calls in a template's body that nothing instantiates: pushes
  // and consumers alike, sorted out in check().
  Finder->addMatcher(callExpr(callee(expr(anyOf(cxxDependentScopeMemberExpr(),
                                                unresolvedMemberExpr()))),
                              InUserCode)
                         .bind("dependent"),
                     this);
  // `tail_->next = node` in a hand-written linked queue.
  Finder->addMatcher(
      binaryOperator(hasOperatorName("="), InUserCode).bind("link"), this);
  Finder->addMatcher(
      cxxOperatorCallExpr(hasOverloadedOperatorName("="), InUserCode)
          .bind("link"),
      this);
  // Every translation unit summarizes its functions, queues or not.
  Finder->addMatcher(translationUnitDecl().bind("unit"), this);
  // `std::swap(tasks_, batch)`, `auto batch = std::move(tasks_)`.
  Finder->addMatcher(
      callExpr(callee(functionDecl(hasAnyName("::std::swap", "::std::move",
                                              "::std::exchange"))),
               InUserCode)
          .bind("take"),
      this);
}

void QueueGrowthCheck::check(const MatchFinder::MatchResult &Result) {
  Context = Result.Context;
  const auto &Nodes = Result.Nodes;
  if (Nodes.getNodeAs<TranslationUnitDecl>("unit"))
    return;
  if (const auto *Call = Nodes.getNodeAs<CXXMemberCallExpr>("consume")) {
    consume(*Call);
    return;
  }
  if (const auto *Call = Nodes.getNodeAs<CallExpr>("dependent")) {
    dependentCall(*Call);
    return;
  }
  if (const auto *Assignment = Nodes.getNodeAs<Expr>("link")) {
    if (std::optional<utils::LinkedAppend> Append =
            utils::linkedAppend(*Assignment))
      Links.push_back({Assignment, *Append});
    return;
  }
  if (const auto *Call = Nodes.getNodeAs<CallExpr>("take")) {
    for (const Expr *Arg : Call->arguments())
      if (const ValueDecl *Queue = utils::referencedDecl(Arg))
        Consumers[Queue].push_back(Call);
    return;
  }
  bool Concurrent = Nodes.getNodeAs<CXXMemberCallExpr>("concurrent") != nullptr;
  const auto *Call = Concurrent
                         ? Nodes.getNodeAs<CXXMemberCallExpr>("concurrent")
                         : Nodes.getNodeAs<CXXMemberCallExpr>("locked");
  addPush(*Call, Call->getRecordDecl(), Concurrent);
}

/// The map whose element a found entry names: `it->second` after `auto it
/// = inbox_.find(key)` names an element of inbox_.
const ValueDecl *mapOfEntry(const Expr *Object) {
  const auto *Second = dyn_cast_or_null<MemberExpr>(
      Object ? Object->IgnoreParenImpCasts() : nullptr);
  if (!Second || !Second->getMemberDecl()->getDeclName().isIdentifier() ||
      Second->getMemberDecl()->getName() != "second")
    return nullptr;
  const auto *Iterator =
      dyn_cast_or_null<VarDecl>(utils::referencedDecl(Second->getBase()));
  const Expr *Init =
      Iterator && Iterator->isLocalVarDecl() ? Iterator->getInit() : nullptr;
  const auto *Find = dyn_cast_or_null<CXXMemberCallExpr>(
      Init ? utils::passedValue(Init) : nullptr);
  llvm::StringRef Name = Find ? methodName(Find) : "";
  if (Name != "find" && Name != "begin" && Name != "lower_bound")
    return nullptr;
  return utils::referencedDecl(Find->getImplicitObjectArgument());
}

void QueueGrowthCheck::consume(const CallExpr &Call) {
  if (!takesOldest(Call))
    return;
  std::optional<MemberCall> Member = memberCall(&Call);
  const ValueDecl *Map = Member ? mapOfEntry(Member->Object) : nullptr;
  if (const ValueDecl *Queue = Map ? Map : objectOf(&Call))
    Consumers[Queue].push_back(&Call);
}

void QueueGrowthCheck::dependentCall(const CallExpr &Call) {
  std::optional<MemberCall> Member = memberCall(&Call);
  if (!Member || !Member->Object)
    return;
  if (llvm::is_contained(ConsumerMethods, Member->Name)) {
    consume(Call);
    return;
  }
  // `this->items_` may have no type yet (Clang 16): its member has one.
  QualType ObjectType = Member->Object->getType();
  if (const ValueDecl *Object = utils::referencedDecl(Member->Object);
      Object && ObjectType->isSpecificBuiltinType(BuiltinType::Dependent))
    ObjectType = Object->getType();
  llvm::SmallVector<const NamedDecl *, 2> Containers =
      containersOf(ObjectType.getNonReferenceType());
  auto AllNamed = [&](const std::vector<std::string> &Names) {
    return llvm::all_of(Containers, [&](const NamedDecl *Container) {
      return isNamedMember(Container, Member->Name, Names);
    });
  };
  if (AllNamed(ConcurrentPushFunctions))
    addPush(Call, Containers.front(), /*Concurrent=*/true);
  else if (AllNamed(LockedPushFunctions))
    addPush(Call, Containers.front(), /*Concurrent=*/false);
}

void QueueGrowthCheck::addPush(const CallExpr &Call, const NamedDecl *Container,
                               bool Concurrent) {
  // A fixed-size Boost.Lockfree queue is bounded; its push fails instead.
  if (const auto *Record = dyn_cast_or_null<CXXRecordDecl>(Container);
      Concurrent && Record && utils::isFixedSizeLockfree(*Record))
    return;
  const ValueDecl *Queue = objectOf(&Call);
  // Only storage that several threads can reach is a queue between them;
  // a local worklist (a BFS frontier) is not.
  const auto *Var = dyn_cast_or_null<VarDecl>(Queue);
  if (!Queue || !Container || !Container->getDeclName().isIdentifier() ||
      !(isa<FieldDecl>(Queue) || (Var && Var->hasGlobalStorage())))
    return;
  Pushes.push_back({&Call, Queue, Container->getName(), Concurrent});
}

void QueueGrowthCheck::onEndOfTranslationUnit() {
  if (Context) {
    Functions = std::make_unique<utils::FunctionIndex>(*Context);
    llvm::DenseSet<const Stmt *> Seen;
    for (const Push &P : Pushes)
      if (Seen.insert(P.Call).second)
        checkPush(P);
    // Matches do not arrive in source order; a function is reported at
    // its first link.
    const SourceManager &SM = Context->getSourceManager();
    llvm::stable_sort(Links, [&](const Link &A, const Link &B) {
      return SM.isBeforeInTranslationUnit(A.Append.Loc, B.Append.Loc);
    });
    llvm::DenseSet<const FunctionDecl *> Reported;
    for (const Link &L : Links)
      checkLink(L, Reported);
    summarizeFeeds();
  }
  Pushes.clear();
  Links.clear();
  Consumers.clear();
  FedFunctions.clear();
  Context = nullptr;
  Functions.reset();
  Detection.reset();
}

/// Whether a constructor of Guard takes a lock: calls `lock()` or a
/// function such as `pthread_mutex_lock` (the project's own scoped lock,
/// whatever its name).
static bool locksInConstructor(const CXXRecordDecl &Guard) {
  if (!Guard.hasDefinition())
    return false;
  return llvm::any_of(
      Guard.getDefinition()->ctors(), [](const CXXConstructorDecl *Ctor) {
        const FunctionDecl *Definition = nullptr;
        if (!Ctor->hasBody(Definition))
          return false;
        return utils::anyStmt(Definition->getBody(), [](const Stmt *S) {
          if (methodName(S) == "lock")
            return true;
          const auto *Call = dyn_cast<CallExpr>(S);
          const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
          if (!Callee || !Callee->getDeclName().isIdentifier())
            return false;
          llvm::StringRef Name = Callee->getName();
          return Name.ends_with("_lock") && !Name.ends_with("_unlock");
        });
      });
}

/// Whether a variable of type T holds a lock for its scope: a class or
/// class template whose name says lock or guard (std::lock_guard,
/// std::scoped_lock, MutexLockGuard), or whose constructor locks.
static bool isScopedLock(QualType T) {
  const NamedDecl *Guard = T->getAsCXXRecordDecl();
  if (!Guard)
    if (const auto *Deduced = T->getContainedDeducedType())
      if (const auto *Template =
              dyn_cast<DeducedTemplateSpecializationType>(Deduced))
        Guard = Template->getTemplateName().getAsTemplateDecl();
  if (!Guard)
    Guard = containerOfType(T);
  if (!Guard || !Guard->getDeclName().isIdentifier())
    return false;
  std::string Name = Guard->getName().lower();
  if (llvm::StringRef(Name).contains("lock") ||
      llvm::StringRef(Name).contains("guard"))
    return true;
  const auto *Record = dyn_cast<CXXRecordDecl>(Guard);
  return Record && locksInConstructor(*Record);
}

bool QueueGrowthCheck::holdsLock(const Stmt *Body, const Stmt *Target) const {
  const SourceManager &SM = Context->getSourceManager();
  return utils::anyStmt(Body, [&](const Stmt *S) {
    if (!utils::isBefore(S->getBeginLoc(), Target->getBeginLoc(), SM))
      return false;
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(S))
      return isScopedLock(Construct->getType());
    // In a template's body a guard built from a dependent expression has
    // no construction yet: its declaration says what it is.
    if (const auto *Declaration = dyn_cast<DeclStmt>(S))
      return llvm::any_of(Declaration->decls(), [](const Decl *D) {
        const auto *Var = dyn_cast<VarDecl>(D);
        return Var && isScopedLock(Var->getType());
      });
    // lock(), Lock(), mutexLock(), pthread_mutex_lock(&m): a lock taken by
    // hand.
    std::string Name = methodName(S).lower();
    if (const auto *Call = dyn_cast<CallExpr>(S);
        Name.empty() && Call && Call->getDirectCallee() &&
        Call->getDirectCallee()->getDeclName().isIdentifier())
      Name = Call->getDirectCallee()->getName().lower();
    llvm::StringRef Taken(Name);
    return Taken.ends_with("lock") && !Taken.contains("unlock") &&
           !Taken.ends_with("clock") && !Taken.ends_with("block");
  });
}

bool QueueGrowthCheck::waitsForSpace(const Stmt *S, const Stmt *Target) const {
  const SourceManager &SM = Context->getSourceManager();
  const utils::LimiterDetection &Limiter = Detection.of(*Context);
  auto MentionsSpace = [&](const Stmt *Cond) {
    return utils::mentionsName(Cond, SpaceNames);
  };
  // A wait's condition may also compare the size with a limit:
  // `while (q.size() >= max_) not_full.wait(lock);`.
  auto TestsSpace = [&](const Stmt *Cond) {
    return MentionsSpace(Cond) || Limiter.comparesWithLimit(Cond);
  };
  return utils::anyStmt(S, [&](const Stmt *Node) {
    if (!utils::isBefore(Node->getBeginLoc(), Target->getBeginLoc(), SM))
      return false;
    // while (full()) not_full.wait(lock);
    if (const auto *While = dyn_cast<WhileStmt>(Node))
      return TestsSpace(While->getCond());
    // if (full()) return false;
    if (const auto *If = dyn_cast<IfStmt>(Node))
      return MentionsSpace(If->getCond()) && utils::containsExit(If->getThen());
    // not_full.wait(lock, [&] { return !full(); });
    llvm::StringRef Name = methodName(Node);
    if (!Name.starts_with("wait"))
      return false;
    return llvm::any_of(
        cast<CXXMemberCallExpr>(Node)->arguments(), [&](const Expr *Arg) {
          const auto *Lambda = dyn_cast<LambdaExpr>(utils::ignoreWrappers(Arg));
          return Lambda && TestsSpace(Lambda->getBody());
        });
  });
}

bool QueueGrowthCheck::trimmedAfter(const Stmt *S, const Stmt *Target,
                                    const ValueDecl *Queue) const {
  // history.push_back(x); if (history.size() > N) history.pop_front();
  const SourceManager &SM = Context->getSourceManager();
  static constexpr llvm::StringRef Sizes[] = {"size", "length"};
  static constexpr llvm::StringRef Pops[] = {"pop",   "pop_front", "pop_back",
                                             "erase", "clear",     "resize"};
  return utils::anyStmt(S, [&](const Stmt *Node) {
    if (!utils::isBefore(Target->getBeginLoc(), Node->getBeginLoc(), SM))
      return false;
    const Expr *Cond = nullptr;
    const Stmt *Body = nullptr;
    if (const auto *If = dyn_cast<IfStmt>(Node)) {
      Cond = If->getCond();
      Body = If->getThen();
    } else if (const auto *While = dyn_cast<WhileStmt>(Node)) {
      Cond = While->getCond();
      Body = While->getBody();
    }
    return Cond && callsOn(Cond, Queue, Sizes) && callsOn(Body, Queue, Pops);
  });
}

bool QueueGrowthCheck::removedBefore(const Stmt *S, const Stmt *Target,
                                     const ValueDecl *Queue) const {
  // q.pop_front(); ...; q.push_back(item);  -- a rotation, not growth.
  const SourceManager &SM = Context->getSourceManager();
  static constexpr llvm::StringRef Removals[] = {"pop", "pop_front", "pop_back",
                                                 "erase", "remove"};
  // In a template's own body the removal is a dependent member call.
  return utils::anyStmt(S, [&](const Stmt *Node) {
    return isa<CallExpr>(Node) &&
           utils::isBefore(Node->getBeginLoc(), Target->getBeginLoc(), SM) &&
           callsOn(Node, Queue, Removals);
  });
}

bool QueueGrowthCheck::guardedThroughVariable(
    const Stmt *Site, const utils::FunctionParents &Parents,
    const utils::LimiterDetection &Limiter) const {
  // const bool room = q.size() < max; if (room) q.push_back(x);
  for (const Stmt *Node = Site, *Parent = Parents.parent(Site); Parent;
       Node = Parent, Parent = Parents.parent(Parent)) {
    const auto *If = dyn_cast<IfStmt>(Parent);
    if (!If || Node == If->getCond())
      continue;
    bool Tested = utils::anyStmt(If->getCond(), [&](const Stmt *Cond) {
      const auto *Ref = dyn_cast<DeclRefExpr>(Cond);
      const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
      return Var && Var->isLocalVarDecl() && Var->getInit() &&
             Limiter.comparesWithLimit(Var->getInit());
    });
    if (Tested)
      return true;
  }
  return false;
}

bool QueueGrowthCheck::isBounded(const Stmt *Site, const ValueDecl *Queue,
                                 const utils::FunctionParents &Parents) const {
  const utils::LimiterDetection &Limiter = Detection.of(*Context);
  return Limiter.findLimiter(Site, Parents.body(), Parents) ||
         guardedThroughVariable(Site, Parents, Limiter) ||
         waitsForSpace(Parents.body(), Site) ||
         trimmedAfter(Parents.body(), Site, Queue) ||
         removedBefore(Parents.body(), Site, Queue);
}

/// The innermost lambda S is written in, or nullptr.
static const LambdaExpr *
enclosingLambda(const Stmt &S, const utils::FunctionParents &Parents) {
  const Stmt *Node = Parents.parent(&S);
  while (Node && !isa<LambdaExpr>(Node))
    Node = Parents.parent(Node);
  return cast_or_null<LambdaExpr>(Node);
}

/// Whether the one item Push puts back is a parameter of the function or
/// lambda it is in (`release(conn)`), also when wrapped again in a smart
/// pointer (a deleter's `idle_.push(std::shared_ptr<Conn>(raw))`), or an
/// element of a member container (`workers_[id].get()`).
static bool pushesReturnedItem(const CallExpr &Push, const RecordDecl &Pool,
                               const utils::FunctionParents &Parents) {
  if (Push.getNumArgs() != 1)
    return false;
  const Expr *Item = Push.getArg(0);
  if (const auto *Wrap =
          dyn_cast<CXXConstructExpr>(utils::ignoreWrappers(Item));
      Wrap && Wrap->getNumArgs() == 1)
    Item = Wrap->getArg(0);
  if (parameterNamed(Item, Parents.function()))
    return true;
  // `free_.push_back(workers_[id].get())`: an element of another member of
  // the pool's own, put back by its index.
  if (const auto *Member =
          dyn_cast_or_null<FieldDecl>(utils::referencedDecl(Item));
      Member && Member->getParent() == &Pool &&
      !isa<MemberExpr, DeclRefExpr>(utils::ignoreWrappers(Item)))
    return true;
  const LambdaExpr *Lambda = enclosingLambda(Push, Parents);
  return Lambda && parameterNamed(Item, *Lambda->getCallOperator());
}

/// Whether the push returns the item through the deleter of the smart
/// pointer that lends it: `std::shared_ptr<Conn> c(idle_.front(),
/// [this](Conn *p) { idle_.push(p); })` hands out the queue's front and puts
/// it back when the borrower lets go.
static bool pushedByLendingDeleter(const CallExpr &Push, const ValueDecl *Queue,
                                   const utils::FunctionParents &Parents) {
  if (Push.getNumArgs() != 1)
    return false;
  const LambdaExpr *Lambda = enclosingLambda(Push, Parents);
  if (!Lambda || !parameterNamed(Push.getArg(0), *Lambda->getCallOperator()))
    return false;
  const Stmt *Consumer = Parents.consumer(Lambda);
  const auto *Owner = dyn_cast_or_null<CXXConstructExpr>(Consumer);
  return Owner && Owner->getNumArgs() >= 2 &&
         utils::ignoreWrappers(Owner->getArg(1)) == Lambda &&
         utils::referencedDecl(Owner->getArg(0)) == Queue;
}

bool QueueGrowthCheck::returnsBorrowedItem(
    const Push &P, const utils::FunctionParents &Parents) const {
  if (pushedByLendingDeleter(*P.Call, P.Queue, Parents))
    return true;
  // release(conn) { lock; pool_.push(conn); } in a pool whose constructor
  // (or a filling loop) created the items, or whose acquire makes one when
  // the pool is empty: the item goes back where the matching acquire took
  // it from, so the queue never holds more than the pool made.
  const auto *Field = dyn_cast<FieldDecl>(P.Queue);
  // The pool's queue: a data member, or a static one (a pool of one per
  // process).
  const auto *Static = dyn_cast<VarDecl>(P.Queue);
  const auto *Pool = dyn_cast<CXXRecordDecl>(P.Queue->getDeclContext());
  if (!(Field || (Static && Static->isStaticDataMember())) || !Pool ||
      !Pool->hasDefinition() || !pushesReturnedItem(*P.Call, *Pool, Parents))
    return false;
  for (const Decl *D : Pool->decls()) {
    const auto *Method = dyn_cast<CXXMethodDecl>(D);
    if (const auto *Template = dyn_cast<FunctionTemplateDecl>(D))
      Method = dyn_cast<CXXMethodDecl>(Template->getTemplatedDecl());
    if (!Method || !Method->hasBody() || Method == &Parents.function())
      continue;
    const auto &Defined = *cast<CXXMethodDecl>(Method->getDefinition());
    if (fillsWithNewItems(Defined, P.Queue) || lendsOrMakes(Defined, P.Queue))
      return true;
  }
  return false;
}

/// Whether Take runs in the completion handler of an asynchronous write
/// (`async_write(socket, buffer(q.front()), [..] { q.pop_front(); ...})`):
/// the queue is a connection's send queue, drained only as fast as the
/// peer reads.
bool QueueGrowthCheck::drainedByWrites(const CallExpr &Take) const {
  static constexpr llvm::StringLiteral Writes[] = {
      "async_write", "async_write_some", "async_send", "async_send_to"};
  const utils::FunctionParents *Consumer = Functions->enclosing(&Take);
  if (!Consumer)
    return false;
  for (const Stmt *Up = Consumer->parent(&Take); Up;
       Up = Consumer->parent(Up)) {
    if (!isa<LambdaExpr>(Up))
      continue;
    const auto *Call = dyn_cast_or_null<CallExpr>(Consumer->consumer(Up));
    const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
    return Callee && Callee->getDeclName().isIdentifier() &&
           llvm::is_contained(Writes, Callee->getName());
  }
  return false;
}

bool QueueGrowthCheck::isSendQueue(const ValueDecl *Queue) const {
  auto Taken = Consumers.find(Queue);
  return Taken != Consumers.end() &&
         llvm::any_of(Taken->second, [&](const CallExpr *Take) {
           return drainedByWrites(*Take);
         });
}

/// Whether Body wakes a waiting thread (`cv.notify_one()`,
/// `pthread_cond_signal(&cond)`): the push before it hands work to a
/// consumer, wherever that consumer is written.
static bool wakesConsumer(const Stmt *Body) {
  return utils::anyStmt(Body, [](const Stmt *S) {
    const auto *Call = dyn_cast<CallExpr>(S);
    const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
    if (!Callee || !Callee->getDeclName().isIdentifier())
      return false;
    llvm::StringRef Name = Callee->getName();
    return Name == "notify_one" || Name == "notify_all" ||
           Name == "pthread_cond_signal" || Name == "pthread_cond_broadcast";
  });
}

bool QueueGrowthCheck::isShared(const Push &P,
                                const utils::FunctionParents &Parents) const {
  auto Taken = Consumers.find(P.Queue);
  // A consumer in another file: the push holds the queue's lock and wakes
  // a waiting thread, and the queue's class, or the pushing method's, has
  // methods written elsewhere.
  if (Taken == Consumers.end()) {
    const auto *Owner = dyn_cast<CXXRecordDecl>(P.Queue->getDeclContext());
    const auto *Pusher = dyn_cast<CXXMethodDecl>(&Parents.function());
    bool Elsewhere = (Owner && !utils::definedHere(*Owner)) ||
                     (Pusher && !utils::definedHere(*Pusher->getParent()));
    return Elsewhere && holdsLock(Parents.body(), P.Call) &&
           wakesConsumer(Parents.body());
  }
  if (holdsLock(Parents.body(), P.Call))
    return true;
  // A send queue: one push per outgoing message, one pop per finished
  // write; a slow reader leaves it growing.
  if (isSendQueue(P.Queue))
    return true;
  // A producer method that forgets the lock its consumer takes: `void
  // add(Task *t) { tasks_.push_back(t); }` beside `lock();
  // tasks_.pop_front()` in the worker. (A fill of new items without the
  // lock is set-up, before the consumers run.)
  if (P.Call->getNumArgs() != 1 ||
      !parameterNamed(P.Call->getArg(0), Parents.function()))
    return false;
  return llvm::any_of(Taken->second, [&](const CallExpr *Take) {
    const utils::FunctionParents *Consumer = Functions->enclosing(Take);
    return Consumer && &Consumer->function() != &Parents.function() &&
           holdsLock(Consumer->body(), Take);
  });
}

/// Whether the push fills the queue with items the function makes itself,
/// in a loop that runs a counted number of times (`for (i <
/// connectionCount) { conn = create(); lock; pool_.push(conn); }` in an
/// init method): set-up of so many items, not growth per item.
static bool isCountedFill(const CallExpr &Push,
                          const utils::FunctionParents &Parents) {
  if (Push.getNumArgs() != 1 ||
      parameterNamed(Push.getArg(0), Parents.function()))
    return false;
  utils::LoopBounds Bounds(Parents.function().getASTContext(),
                           utils::defaults::MaxIterations, "");
  // Every loop around it counted: `for (i < nfds)` inside an endless epoll
  // loop runs once per event.
  bool Counted = false;
  for (const Stmt *S = Parents.parent(&Push); S; S = Parents.parent(S)) {
    if (!utils::isLoop(S))
      continue;
    switch (Bounds.ofLoop(S).Kind) {
    case utils::TripCountKind::Constant:
    case utils::TripCountKind::CoreCount:
    case utils::TripCountKind::RuntimeCount:
    case utils::TripCountKind::Input:
      Counted = true;
      break;
    default:
      return false;
    }
  }
  return Counted;
}

void QueueGrowthCheck::checkPush(const Push &P) {
  const utils::FunctionParents *Parents = Functions->enclosing(P.Call);
  if (!Parents)
    return;
  if (isa<CXXConstructorDecl, CXXDestructorDecl>(&Parents->function()))
    return;
  // A template's own body is judged only when nothing instantiates it (a
  // header-only pool): otherwise its instantiations are, once.
  if (Parents->function().isDependentContext() &&
      Functions->isInstantiated(Parents->function()))
    return;
  // A queue's own push forwarding to its inner queue (a vendored
  // BlockingConcurrentQueue::enqueue): the report belongs at its callers.
  if (utils::isFunctionNamedAnyOf(&Parents->function(),
                                  ConcurrentPushFunctions) ||
      utils::isFunctionNamedAnyOf(&Parents->function(), LockedPushFunctions))
    return;
  if (!P.Concurrent && !isShared(P, *Parents))
    return;
  // How the producers share the queue: under its lock, as a concurrent
  // queue, as a connection's send queue, or without the lock its consumer
  // takes.
  unsigned Sharing = P.Concurrent                         ? 1
                     : holdsLock(Parents->body(), P.Call) ? 0
                     : isSendQueue(P.Queue)               ? 3
                                                          : 2;
  if (isBounded(P.Call, P.Queue, *Parents) ||
      returnsBorrowedItem(P, *Parents) || isCountedFill(*P.Call, *Parents))
    return;
  diag(memberCall(P.Call)->NameLoc,
       (llvm::Twine("queue '%0' grows without bound: %select{this push holds "
                    "the queue's lock but never compares its size with a "
                    "limit or waits for space|'%2' has no capacity and "
                    "nothing compares its size with a limit before this "
                    "'%3'|its consumer takes a lock but this push takes none, "
                    "and never compares its size with a limit or waits for "
                    "space|it is a connection's send queue, drained only as "
                    "writes complete, and this push never compares its size "
                    "with a limit, so a slow reader grows it}1") +
        Advice)
           .str())
      << P.Queue->getName() << Sharing << P.Container << methodName(P.Call);
  diag(P.Queue->getLocation(), "'%0' is declared here with no capacity",
       DiagnosticIDs::Note)
      << P.Queue->getName();
  noteProducers(Parents->function());
  reportedPushIn(Parents->function(), memberCall(P.Call)->NameLoc,
                 P.Queue->getName());
}

void QueueGrowthCheck::reportedPushIn(const FunctionDecl &Function,
                                      SourceLocation At,
                                      llvm::StringRef Queue) {
  FedFunctions.push_back({&Function, At, Queue.str()});
}

namespace {

namespace facts = ::unbounded::facts;

/// The effect kind of pushes onto a queue that grows without bound: see
/// docs/whole-program.md.
constexpr llvm::StringLiteral FeedKind = "queue-feed";

/// Whether Arg hands on the caller's own parameter, an item rather than a
/// number (`pool_->add(task)`, `add(std::move(task))`,
/// `add(std::forward<F>(f))`; not `appendRead(fd)`).
bool forwardsItem(const Expr *Arg, const FunctionDecl &Caller) {
  Arg = utils::passedValue(Arg);
  if (const auto *Call = dyn_cast_or_null<CallExpr>(Arg);
      Call && Call->getNumArgs() == 1 &&
      utils::isNamedAnyOf(Call->getDirectCallee(), {"::std::forward"}))
    Arg = utils::passedValue(Call->getArg(0));
  const auto *Param =
      dyn_cast_or_null<ParmVarDecl>(Arg ? utils::referencedDecl(Arg) : nullptr);
  if (!Param || Param->getDeclContext() != &Caller)
    return false;
  QualType Type = Param->getType().getNonReferenceType();
  return !Type->isIntegralOrEnumerationType() && !Type->isFloatingType();
}

/// Whether Call is all that Function does besides taking a lock: a wrapper
/// (`void addThread(Task t) { pool_->add(std::move(t)); }`) that hands its
/// caller's item on, so its callers are the producers. A `try` around it
/// that only translates the queue's exceptions changes nothing.
bool isForwarder(const CallExpr &Call, const FunctionDecl &Function) {
  const auto *Body = dyn_cast_or_null<CompoundStmt>(Function.getBody());
  if (const auto *Try = Body && Body->size() == 1
                            ? dyn_cast<CXXTryStmt>(Body->body_front())
                            : nullptr)
    Body = Try->getTryBlock();
  if (!Body || Body->size() > 2 ||
      llvm::none_of(Body->body(), [&](const Stmt *S) {
        if (const auto *Return = dyn_cast<ReturnStmt>(S))
          S = Return->getRetValue();
        const auto *E = dyn_cast_or_null<Expr>(S);
        return E && utils::ignoreWrappers(E) == &Call;
      }))
    return false;
  return llvm::any_of(Call.arguments(), [&](const Expr *Arg) {
    return forwardsItem(Arg, Function);
  });
}

/// Whether Caller is part of the queue that Callee pushes onto: a method of
/// the same class, or of a class named like a queue or a pool (a thread
/// pool's `submit` pushing onto its inner queue class).
bool partOfQueue(const CallExpr &Call, const FunctionDecl &Caller,
                 const FunctionDecl &Callee) {
  static const llvm::Regex Machinery("(pool|executor|queue|mailbox)$",
                                     llvm::Regex::IgnoreCase);
  const auto *A = dyn_cast<CXXMethodDecl>(&Caller);
  const auto *B = dyn_cast<CXXMethodDecl>(&Callee);
  if (!A || !B)
    return false;
  if (A->getParent()->getCanonicalDecl() == B->getParent()->getCanonicalDecl())
    return true;
  // The pool's inner queue: a method called on one of the pool's own
  // members (`queue_.put(task)`), not anything else the pool calls.
  const auto *Method = dyn_cast<MemberExpr>(Call.getCallee()->IgnoreImpCasts());
  const auto *Inner = Method ? dyn_cast_or_null<FieldDecl>(
                                   utils::referencedDecl(Method->getBase()))
                             : nullptr;
  return Inner && Inner->getParent() == A->getParent() &&
         A->getParent()->getDeclName().isIdentifier() &&
         Machinery.match(A->getParent()->getName());
}

/// Whether Callee logs (a method or class named `log`, `Logger`, `logging`,
/// `AsyncLog`, ...): every line of a service calls it, and the logger's own
/// queue is the finding, not each log statement.
bool logs(const FunctionDecl &Callee) {
  static const llvm::Regex Logging("^log|log(ger|ging)?$",
                                   llvm::Regex::IgnoreCase);
  auto Named = [](const NamedDecl *D) {
    return D && D->getDeclName().isIdentifier() && Logging.match(D->getName());
  };
  const auto *Method = dyn_cast<CXXMethodDecl>(&Callee);
  return Named(&Callee) || (Method && Named(Method->getParent()));
}

/// Whether a call in Function produces items for a queue at every run: not
/// in a constructor or destructor, nor in `main` (or a function only `main`
/// calls) outside an unbounded loop (set-up, or a fixed batch); and not
/// when the caller tests the result (it handles a refusal).
bool producesPerRun(const CallExpr &Call, const FunctionDecl &Function,
                    utils::FunctionIndex &Functions,
                    const utils::LoopBounds &Bounds) {
  if (isa<CXXConstructorDecl, CXXDestructorDecl>(&Function))
    return false;
  const utils::FunctionParents &Parents = Functions.parents(Function);
  const Stmt *Child = nullptr;
  if (const Stmt *Consumer = Parents.consumer(&Call, &Child);
      Consumer && !Call.getType()->isVoidType() &&
      (isa<IfStmt, WhileStmt, UnaryOperator, BinaryOperator,
           ConditionalOperator>(Consumer)))
    return false;
  if (!Function.isMain() && !Functions.calledOnlyFromMain(Function))
    return true;
  // A batch of a fixed size, however large, runs once.
  for (const Stmt *Up = Parents.parent(&Call); Up; Up = Parents.parent(Up))
    if (utils::isLoop(Up) &&
        Bounds.ofLoop(Up).Kind != utils::TripCountKind::Constant &&
        !Bounds.isBounded(Bounds.ofLoop(Up)))
      return true;
  return false;
}

} // namespace

void QueueGrowthCheck::summarizeFeeds() {
  facts::Summaries Feeds(*Context, FeedKind, ProjectFacts);
  const SourceManager &SM = Context->getSourceManager();
  for (const Fed &F : FedFunctions)
    Feeds.addDirect(
        *F.Function, F.Queue,
        {facts::siteAt(F.At, SM,
                       "'" + F.Function->getQualifiedNameAsString() +
                           "' pushes onto '" + F.Queue + "' here")});
  // The calls that may produce items, judged once the summaries are known.
  std::vector<std::pair<const FunctionDecl *, const CallExpr *>> Candidates;
  for (const FunctionDecl *Function : Functions->userFunctions()) {
    Feeds.addDefinition(*Function);
    // A template's own body, when it is instantiated: the instantiations
    // say the same with their types known.
    if (Function->isDependentContext() && Functions->isInstantiated(*Function))
      continue;
    utils::anyStmt(Function->getBody(), [&](const Stmt *S) {
      const auto *Call = dyn_cast<CallExpr>(S);
      const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
      // A logger's queue is reported at its push, not at every log line.
      if (!Callee || isa<CXXOperatorCallExpr>(Call) ||
          !utils::isProjectFunction(*Callee) || logs(*Callee))
        return false;
      // The queue's own methods (`appendRead(fd) { append(...); }`), its
      // pool's push, and wrappers push for their callers.
      if (partOfQueue(*Call, *Function, *Callee) ||
          isForwarder(*Call, *Function))
        Feeds.addCall(*Function, *Callee, Call->getBeginLoc(),
                      "'" + Function->getQualifiedNameAsString() +
                          "' passes its item on to '" +
                          Callee->getQualifiedNameAsString() + "'");
      else
        Candidates.emplace_back(Function, Call);
      return false;
    });
  }
  Feeds.finish();
  utils::LoopBounds Bounds(*Context, utils::defaults::MaxIterations, "");
  for (const auto &[Function, Call] : Candidates) {
    const FunctionDecl &Callee = *Call->getDirectCallee();
    SourceLocation Loc = Call->getBeginLoc();
    if (!utils::mayHaveEffect(Feeds, Callee) ||
        !producesPerRun(*Call, *Function, *Functions, Bounds) ||
        Reported.alreadyReported(Loc))
      continue;
    utils::reportCall(
        *this, Feeds, Callee,
        {Loc,
         "'" + Callee.getQualifiedNameAsString() +
             "' pushes this call's item onto queue '" +
             facts::DetailPlaceholder.str() +
             "', which grows without bound; nothing limits how many items "
             "wait" +
             Advice.str(),
         {}});
  }
}

void QueueGrowthCheck::noteProducers(const FunctionDecl &Push) {
  // A few producers make the point; every call site would drown the
  // finding in a busy service.
  constexpr size_t MaxNotes = 3;
  const auto *Method = dyn_cast<CXXMethodDecl>(&Push);
  auto SameClass = [&](const FunctionDecl *Caller) {
    const auto *Other = dyn_cast<CXXMethodDecl>(Caller);
    return Method && Other &&
           Other->getParent()->getCanonicalDecl() ==
               Method->getParent()->getCanonicalDecl();
  };
  std::vector<utils::FunctionIndex::CallSite> Producers;
  for (const utils::FunctionIndex::CallSite &Site : Functions->callsTo(Push)) {
    if (!SameClass(Site.Caller)) {
      Producers.push_back(Site);
      continue;
    }
    // push() forwarding to pushLocked(): push()'s callers produce.
    for (const utils::FunctionIndex::CallSite &Outer :
         Functions->callsTo(*Site.Caller))
      if (!SameClass(Outer.Caller))
        Producers.push_back(Outer);
  }
  const SourceManager &SM = Context->getSourceManager();
  llvm::stable_sort(Producers, [&](const auto &A, const auto &B) {
    return SM.isBeforeInTranslationUnit(A.Call->getBeginLoc(),
                                        B.Call->getBeginLoc());
  });
  // A template's call appears in its pattern and its instantiation.
  Producers.erase(std::unique(Producers.begin(), Producers.end(),
                              [](const auto &A, const auto &B) {
                                return A.Call->getBeginLoc() ==
                                       B.Call->getBeginLoc();
                              }),
                  Producers.end());
  for (size_t I = 0; I < Producers.size() && I < MaxNotes; ++I)
    diag(Producers[I].Call->getBeginLoc(),
         "an item is pushed through this call to '%0'", DiagnosticIDs::Note)
        << Producers[I].Call->getDirectCallee()->getQualifiedNameAsString();
}

void QueueGrowthCheck::checkLink(
    const Link &L, llvm::DenseSet<const FunctionDecl *> &Reported) {
  const utils::FunctionParents *Parents = Functions->enclosing(L.Assignment);
  const auto *Method =
      Parents ? dyn_cast<CXXMethodDecl>(&Parents->function()) : nullptr;
  if (!Method || isa<CXXConstructorDecl, CXXDestructorDecl>(Method) ||
      Reported.contains(Method))
    return;
  if (Method->isDependentContext() && Functions->isInstantiated(*Method))
    return;
  // A push: a method of the queue that makes a node and links it in, where
  // another of its methods takes nodes off along the same link.
  const FieldDecl &Through = *L.Append.List;
  if (Method->getParent()->getCanonicalDecl() !=
          cast<CXXRecordDecl>(Through.getParent())->getCanonicalDecl() ||
      !utils::allocatesNode(Parents->body(), *L.Append.Link) ||
      !utils::unlinksAlong(*Method->getParent(), *L.Append.Link, *Method))
    return;
  if (!holdsLock(Parents->body(), L.Assignment) ||
      isBounded(L.Assignment, &Through, *Parents))
    return;
  Reported.insert(Method);
  diag(L.Append.Loc,
       (llvm::Twine("queue '%0' grows without bound: this push links a new "
                    "node into the list while holding the queue's lock but "
                    "never compares its size with a limit or waits for "
                    "space") +
        Advice)
           .str())
      << Through.getName();
  diag(Through.getLocation(), "'%0' is declared here with no capacity",
       DiagnosticIDs::Note)
      << Through.getName();
  noteProducers(*Method);
  reportedPushIn(*Method, L.Append.Loc, Through.getName());
}

} // namespace clang::tidy::unbounded
