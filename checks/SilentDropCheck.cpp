//===- SilentDropCheck.cpp - unbounded-silent-drop ------------------------===//

#include "SilentDropCheck.h"
#include "utils/AstNavigation.h"
#include "utils/Defaults.h"
#include "utils/Effects.h"
#include "utils/Names.h"
#include "utils/Queues.h"
#include "utils/SharedOptions.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include <functional>

using namespace clang::ast_matchers;

namespace clang::tidy::unbounded {

using Use = SilentDropCheck::Use;

namespace {

constexpr llvm::StringLiteral DefaultFallibleFunctions =
    "::boost::lockfree::queue::push;::boost::lockfree::queue::bounded_push;"
    "::boost::lockfree::spsc_queue::push;"
    "::folly::detail::MPMCQueueBase::write;"
    "::folly::detail::MPMCQueueBase::tryWriteUntil;"
    "::folly::detail::MPMCQueueBase::writeIfNotFull;"
    "::folly::ProducerConsumerQueue::write";

constexpr llvm::StringLiteral DefaultTryMethods =
    "try_push;try_emplace;try_enqueue;try_enqueue_bulk;bounded_push;"
    "tryWriteUntil;tryWriteFor;writeIfNotFull;tryPush;tryEnqueue;tryEmplace;"
    "try_send;try_offer";

constexpr llvm::StringLiteral DefaultQueuePushMethods =
    "push;push_back;emplace;enqueue;put;post;send;offer;write;add";

/// How a fallible enqueue's result is used.
bool isVoidCast(const Stmt *S) {
  const auto *Cast = dyn_cast_or_null<ExplicitCastExpr>(S);
  return Cast && Cast->getType()->isVoidType();
}

/// Whether Child is Parent's statement (not its condition) in a statement
/// that runs it for its effects only.
bool isStatementOf(const Stmt *Parent, const Stmt *Child) {
  if (isa<CompoundStmt, CaseStmt, DefaultStmt, LabelStmt, AttributedStmt>(
          Parent))
    return true;
  if (const auto *If = dyn_cast<IfStmt>(Parent))
    return Child == If->getThen() || Child == If->getElse();
  if (const auto *For = dyn_cast<ForStmt>(Parent))
    return Child == For->getBody() || Child == For->getInc();
  if (const auto *While = dyn_cast<WhileStmt>(Parent))
    return Child == While->getBody();
  if (const auto *Do = dyn_cast<DoStmt>(Parent))
    return Child == Do->getBody();
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(Parent))
    return Child == Range->getBody();
  if (const auto *Comma = dyn_cast<BinaryOperator>(Parent))
    return Comma->getOpcode() == BO_Comma && Child == Comma->getLHS();
  return false;
}

bool guardedWithFallback(const Expr *Call,
                         const utils::FunctionParents &Parents);

/// Whether the local Var is named anywhere in the function after its
/// declaration (read, or handed on).
bool readAnywhere(const VarDecl &Var, const utils::FunctionParents &Parents) {
  return utils::anyStmt(Parents.body(), [&](const Stmt *S) {
    const auto *Ref = dyn_cast<DeclRefExpr>(S);
    return Ref && Ref->getDecl() == &Var;
  });
}

/// How the result of Call, an enqueue returning whether it succeeded, is
/// used in the function Parents covers.
Use useOf(const Expr *Call, const utils::FunctionParents &Parents) {
  const Stmt *Child = nullptr;
  const Stmt *Consumer = Parents.consumer(Call, &Child);
  if (!Consumer)
    return Use::Handled;
  if (isVoidCast(Consumer))
    return Use::VoidCast;
  if (isStatementOf(Consumer, Child))
    return guardedWithFallback(Call, Parents) ? Use::Handled : Use::Discarded;
  // int rc = add(...);  and rc never read.
  if (const VarDecl *Result =
          utils::FunctionParents::initializedBy(Consumer, Child);
      Result && !readAnywhere(*Result, Parents))
    return Use::Discarded;
  // An error code tested in any way is handled: which branch fails
  // depends on the code.
  if (!cast<Expr>(Call)->getType()->isBooleanType())
    return Use::Handled;
  // if (!q.try_push(x)) { <failure> }
  bool Negated = false;
  if (const auto *Not = dyn_cast<UnaryOperator>(Consumer);
      Not && Not->getOpcode() == UO_LNot) {
    Negated = true;
    Consumer = Parents.consumer(Not, &Child);
  }
  const auto *If = dyn_cast_or_null<IfStmt>(Consumer);
  if (!If || Child != If->getCond())
    return Use::Handled;
  const Stmt *Success = Negated ? If->getElse() : If->getThen();
  const Stmt *Failure = Negated ? If->getThen() : If->getElse();
  // if (q.try_push(x)) return true;  -- what follows the if handles failure.
  if (!Failure && utils::containsExit(Success))
    return Use::Handled;
  return utils::isSilentBranch(Failure) ? Use::Silent : Use::Handled;
}

/// Whether every return of a method's visible body returns `true`: a push
/// that always succeeds (vit-vit/CTPL's ctpl_stl.h Queue::push) drops nothing.
bool alwaysSucceeds(const CXXMethodDecl &Method) {
  const FunctionDecl *Definition = Method.getDefinition();
  // A member of a class template specialization that only template code
  // calls has no body of its own: its template's body says the same.
  if (!Definition || !Definition->getBody())
    if (const FunctionDecl *Pattern = Method.getTemplateInstantiationPattern())
      Definition = Pattern->getDefinition();
  if (!Definition || !Definition->getBody())
    return false;
  bool OnlyTrue = true;
  std::function<void(const Stmt *)> Visit = [&](const Stmt *S) {
    if (!S || isa<LambdaExpr>(S) || !OnlyTrue)
      return;
    if (const auto *Return = dyn_cast<ReturnStmt>(S)) {
      const auto *Literal = dyn_cast_or_null<CXXBoolLiteralExpr>(
          Return->getRetValue() ? Return->getRetValue()->IgnoreParenImpCasts()
                                : nullptr);
      OnlyTrue = Literal && Literal->getValue();
      return;
    }
    for (const Stmt *Child : S->children())
      Visit(Child);
  };
  Visit(Definition->getBody());
  return OnlyTrue;
}

/// Whether Queue is a type template argument of the function template
/// instantiation Function: generic code (`template <class Q> void run(Q &q)`)
/// that does not know which queue it gets, as in moodycamel's benchmarks
/// where one instantiation's queue has a dummy `enqueue` returning false.
bool isTemplateArgumentOf(const CXXRecordDecl *Queue,
                          const FunctionDecl &Function) {
  const TemplateArgumentList *Args = Function.getTemplateSpecializationArgs();
  if (!Queue || !Args)
    return false;
  for (const TemplateArgument &Arg : Args->asArray())
    if (Arg.getKind() == TemplateArgument::Type &&
        utils::recordOf(Arg.getAsType()) == Queue)
      return true;
  return false;
}

/// A boolean option as clang-tidy spells them ("true", "1", "On"); parsed
/// here because the plugin may not link clang-tidy's own option parser.
bool isTrue(llvm::StringRef Value) {
  std::string Lower = Value.trim().lower();
  return Lower == "true" || Lower == "1" || Lower == "on" || Lower == "yes";
}

} // namespace

SilentDropCheck::SilentDropCheck(StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      FallibleFunctions(utils::parseList(
          Options.get("FallibleFunctions", DefaultFallibleFunctions))),
      TryMethods(
          utils::parseList(Options.get("TryMethods", DefaultTryMethods))),
      QueueTypePattern(utils::sharedOption(Options, "QueueTypePattern",
                                           utils::defaults::QueueTypePattern)),
      QueuePushMethods(utils::parseList(
          Options.get("QueuePushMethods", DefaultQueuePushMethods))),
      LibraryNamespaces(utils::parseList(
          Options.get("LibraryNamespaces",
                      "std;boost;tbb;moodycamel;folly;rigtorp;spdlog"))),
      AllowVoidCast(isTrue(Options.get("AllowVoidCast", "true"))),
      FactsFile(Options.getLocalOrGlobal(utils::FactsFileOption, "")),
      MetricRegistrationCalls(utils::parseList(Options.get(
          "MetricRegistrationCalls", utils::DefaultMetricRegistrationCalls))),
      Registrations(MetricRegistrationCalls), QueueTypeNames(QueueTypePattern) {
  ProjectFacts = utils::loadFacts(*this, FactsFile);
}

void SilentDropCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "FallibleFunctions", utils::joinList(FallibleFunctions));
  Options.store(Opts, "TryMethods", utils::joinList(TryMethods));
  utils::storeShared(Options, Opts, "QueueTypePattern", QueueTypePattern,
                     utils::defaults::QueueTypePattern);
  Options.store(Opts, "QueuePushMethods", utils::joinList(QueuePushMethods));
  Options.store(Opts, "LibraryNamespaces", utils::joinList(LibraryNamespaces));
  Options.store(Opts, "AllowVoidCast", AllowVoidCast ? "true" : "false");
  Options.store(Opts, utils::FactsFileOption, FactsFile);
  Options.store(Opts, "MetricRegistrationCalls",
                utils::joinList(MetricRegistrationCalls));
}

void SilentDropCheck::registerMatchers(MatchFinder *Finder) {
  std::vector<std::string> Names = FallibleFunctions;
  Names.insert(Names.end(), TryMethods.begin(), TryMethods.end());
  Names.insert(Names.end(), QueuePushMethods.begin(), QueuePushMethods.end());
  // The project's own fallible enqueues are judged at the end of every
  // translation unit.
  Finder->addMatcher(translationUnitDecl().bind("unit"), this);
  Registrations.registerMatchers(*Finder);
  if (Names.empty())
    return;
  Finder->addMatcher(cxxMemberCallExpr(callee(utils::functionNamedAnyOf(Names)),
                                       unless(isExpansionInSystemHeader()))
                         .bind("enqueue"),
                     this);
}

bool SilentDropCheck::isInLibraryNamespace(const CXXRecordDecl &Queue) const {
  const DeclContext *Outer = Queue.getDeclContext();
  const NamespaceDecl *Top = nullptr;
  for (; Outer && !Outer->isTranslationUnit(); Outer = Outer->getParent())
    if (const auto *Namespace = dyn_cast<NamespaceDecl>(Outer);
        Namespace && !Namespace->isInline())
      Top = Namespace;
  return Top && Top->getDeclName().isIdentifier() &&
         llvm::is_contained(LibraryNamespaces, Top->getName());
}

bool SilentDropCheck::isFallible(const CXXMemberCallExpr &Call) const {
  const CXXMethodDecl *Method = Call.getMethodDecl();
  // An enqueue that cannot fail (a blocking push returns void) drops nothing.
  if (!Method || !Method->getDeclName().isIdentifier() ||
      !Method->getReturnType()->isBooleanType())
    return false;
  // A Boost.Lockfree queue without a fixed size allocates instead of failing.
  if (Method->getName() == "push" &&
      utils::isNamedAnyOf(Method->getParent(), {"::boost::lockfree::queue"}))
    return utils::isFixedSizeLockfree(*Method->getParent());
  if (utils::isFunctionNamedAnyOf(Method, FallibleFunctions) ||
      llvm::is_contained(TryMethods, Method->getName()))
    return true;
  // Library queues are known by the lists above, vendored copies included;
  // the name heuristic is for the project's own (moodycamel's enqueue, say,
  // allocates rather than fails).
  const CXXRecordDecl *Queue = Call.getRecordDecl();
  const SourceManager &SM = Method->getASTContext().getSourceManager();
  return Queue && !SM.isInSystemHeader(Queue->getLocation()) &&
         !isInLibraryNamespace(*Queue) && Queue->getDeclName().isIdentifier() &&
         QueueTypeNames.match(Queue->getName()) &&
         llvm::is_contained(QueuePushMethods, Method->getName()) &&
         !alwaysSucceeds(*Method);
}

void SilentDropCheck::check(const MatchFinder::MatchResult &Result) {
  Context = Result.Context;
  const auto *Call = Result.Nodes.getNodeAs<CXXMemberCallExpr>("enqueue");
  if (!Call || !isFallible(*Call))
    return;
  if (!Functions || &Functions->context() != Result.Context)
    Functions = std::make_unique<utils::FunctionIndex>(*Result.Context);
  const utils::FunctionParents *Parents = Functions->enclosing(Call);
  if (!Parents)
    return;
  if (isTemplateArgumentOf(Call->getRecordDecl(), Parents->function()))
    return;
  Use How = useOf(Call, *Parents);
  if (How == Use::Handled || (How == Use::VoidCast && AllowVoidCast))
    return;
  // Reported at the end of the translation unit, after the project's own
  // enqueues, whose findings carry the chain to their `return false`.
  ByName.push_back({Call, How});
}

void SilentDropCheck::report(const CallExpr &Call, const FunctionDecl &Callee,
                             Use How,
                             const ::unbounded::facts::Summaries *Fallible) {
  SourceLocation Loc = Call.getExprLoc();
  if (Reported.alreadyReported(Loc))
    return;
  std::string Name = Callee.getName().str();
  utils::CallFinding Finding;
  Finding.Loc = Loc;
  if (How == Use::Silent)
    Finding.Message =
        "failure of '" + Name +
        "' is not handled: the branch taken when the queue is full does "
        "nothing observable, so the item is dropped silently; count the drop, "
        "log it or return an error to the caller";
  else
    Finding.Message = "result of '" + Name + "' is " +
                      (How == Use::VoidCast ? "cast to void" : "discarded") +
                      ": when the queue is full the item is dropped and "
                      "nobody is told; count the drop and return an error to "
                      "the caller";
  if (Fallible) {
    utils::reportCall(*this, *Fallible, Callee, Finding);
    return;
  }
  diag(Loc, "%0") << Finding.Message;
}

namespace {
/// Whether S names a size, a count or a limit, or asks whether it is full.
bool mentionsSize(const Stmt *S) {
  static const llvm::Regex SizeNames(
      "size|count|len|cap|max|limit|full|bound|depth|pending",
      llvm::Regex::IgnoreCase);
  if (!S)
    return false;
  const NamedDecl *Named = nullptr;
  if (const auto *Member = dyn_cast<MemberExpr>(S))
    Named = Member->getMemberDecl();
  else if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
    Named = Ref->getDecl();
  if (Named && Named->getDeclName().isIdentifier() &&
      SizeNames.match(Named->getName()))
    return true;
  // What a call is given is not what the condition compares:
  // `write(data, len) < 0` tests a write, `q.size() >= max` a size.
  // (An overloaded operator's arguments are its operands.)
  if (const auto *Call = dyn_cast<CallExpr>(S);
      Call && !isa<CXXOperatorCallExpr>(Call))
    return mentionsSize(Call->getCallee());
  for (const Stmt *Child : S->children())
    if (mentionsSize(Child))
      return true;
  return false;
}

bool isFalse(const Expr *E) {
  const auto *Literal = dyn_cast_or_null<CXXBoolLiteralExpr>(
      E ? E->IgnoreParenImpCasts() : nullptr);
  return Literal && !Literal->getValue();
}

/// Whether S, or a statement below it outside lambdas, matches Pred: a
/// lambda's `return` leaves the lambda, not the function being summarized.
template <typename Pred> bool anyOutsideLambdas(const Stmt *S, Pred &&Matches) {
  if (!S || isa<LambdaExpr>(S))
    return false;
  if (Matches(S))
    return true;
  for (const Stmt *Child : S->children())
    if (anyOutsideLambdas(Child, Matches))
      return true;
  return false;
}

/// `return false;` as Branch or as one of its statements, if it can run:
/// not after a `throw` (`throw std::runtime_error("full"); return false;`
/// tells the caller by the exception).
const ReturnStmt *refusal(const Stmt *Branch) {
  if (const auto *Return = dyn_cast_or_null<ReturnStmt>(Branch))
    return isFalse(Return->getRetValue()) ? Return : nullptr;
  if (const auto *Block = dyn_cast_or_null<CompoundStmt>(Branch))
    for (const Stmt *S : Block->body()) {
      if (const auto *E = dyn_cast<Expr>(S);
          E && isa<CXXThrowExpr>(E->IgnoreParenImpCasts()))
        return nullptr;
      if (const ReturnStmt *Return = refusal(S))
        return Return;
    }
  return nullptr;
}

/// Whether S stores an item: a push-like call (`push_back`, `Push`, also in
/// a template's body), or an assignment into a slot.
bool stores(const Stmt *S) {
  static const llvm::StringRef Inserts[] = {
      "push",          "push_back", "push_front", "emplace", "emplace_back",
      "emplace_front", "insert",    "enqueue",    "put",     "append"};
  auto IsInsert = [](DeclarationName Name) {
    return Name.isIdentifier() &&
           llvm::is_contained(Inserts,
                              Name.getAsIdentifierInfo()->getName().lower());
  };
  return utils::anyStmt(S, [&](const Stmt *Node) {
    if (const auto *Call = dyn_cast<CXXMemberCallExpr>(Node)) {
      const CXXMethodDecl *Method = Call->getMethodDecl();
      return Method && IsInsert(Method->getDeclName());
    }
    if (const auto *Dependent = dyn_cast<CXXDependentScopeMemberExpr>(Node))
      return IsInsert(Dependent->getMember());
    if (const auto *Assign = dyn_cast<BinaryOperator>(Node))
      return Assign->isAssignmentOp() &&
             isa<ArraySubscriptExpr>(Assign->getLHS()->IgnoreParenImpCasts());
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Node)) {
      // slots[i] = item, of a class type, in an array or a container.
      const Expr *Slot = Op->getOperator() == OO_Equal && Op->getNumArgs() > 0
                             ? Op->getArg(0)->IgnoreParenImpCasts()
                             : nullptr;
      const auto *Subscript = dyn_cast_or_null<CXXOperatorCallExpr>(Slot);
      return isa_and_nonnull<ArraySubscriptExpr>(Slot) ||
             (Subscript && Subscript->getOperator() == OO_Subscript);
    }
    return false;
  });
}

/// Whether E is a non-zero integer constant (an error code, `-1`,
/// `QUEUE_FULL`).
bool isErrorCode(const Expr *E, const ASTContext &Ctx) {
  std::optional<llvm::APSInt> Value = E && !E->isValueDependent()
                                          ? E->getIntegerConstantExpr(Ctx)
                                          : std::nullopt;
  return Value && *Value != 0;
}

/// In a function returning an error code, the statement of Branch that
/// refuses: `return QUEUE_FULL;`, or `err = QUEUE_FULL;` into a local the
/// function returns.
const Stmt *errorRefusal(const Stmt *Branch, const FunctionDecl &Function) {
  const ASTContext &Ctx = Function.getASTContext();
  const Stmt *Found = nullptr;
  anyOutsideLambdas(Branch, [&](const Stmt *S) {
    if (const auto *Return = dyn_cast<ReturnStmt>(S);
        Return && isErrorCode(Return->getRetValue(), Ctx))
      Found = Return;
    const auto *Assign = dyn_cast<BinaryOperator>(S);
    const auto *Code =
        Assign && Assign->getOpcode() == BO_Assign
            ? dyn_cast_or_null<VarDecl>(utils::referencedDecl(Assign->getLHS()))
            : nullptr;
    if (Code && Code->isLocalVarDecl() && isErrorCode(Assign->getRHS(), Ctx) &&
        anyOutsideLambdas(Function.getBody(), [&](const Stmt *R) {
          const auto *Return = dyn_cast<ReturnStmt>(R);
          return Return && Return->getRetValue() &&
                 utils::referencedDecl(Return->getRetValue()) == Code;
        }))
      Found = Assign;
    return Found != nullptr;
  });
  return Found;
}

/// The refusal of a hand-written bounded enqueue: a function that stores
/// the item unless a size comparison says it is full, and then returns
/// `false` (returning bool) or an error code (returning an integer).
const Stmt *refusesWhenFull(const FunctionDecl &Function) {
  QualType Result = Function.getReturnType();
  bool Code = !Result->isBooleanType() && Result->isIntegralOrEnumerationType();
  if ((!Result->isBooleanType() && !Code) || !Function.getBody() ||
      Function.getNumParams() == 0 || !stores(Function.getBody()))
    return nullptr;
  const Stmt *Found = nullptr;
  anyOutsideLambdas(Function.getBody(), [&](const Stmt *S) {
    const auto *If = dyn_cast<IfStmt>(S);
    if (If && mentionsSize(If->getCond()))
      Found =
          Code ? errorRefusal(If->getThen(), Function) : refusal(If->getThen());
    return Found != nullptr;
  });
  return Found;
}

/// Whether a call's result says whether the item was stored: `bool`, or an
/// error code.
bool reportsFailure(const FunctionDecl &Callee) {
  QualType Result = Callee.getReturnType();
  return Result->isBooleanType() || Result->isIntegralOrEnumerationType();
}

/// The project function whose result Return returns, if any.
const CallExpr *returnedCall(const ReturnStmt &Return) {
  const Expr *Value = Return.getRetValue();
  const auto *Call = dyn_cast_or_null<CallExpr>(
      Value ? Value->IgnoreParenImpCasts() : nullptr);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  return Callee && utils::isProjectFunction(*Callee) ? Call : nullptr;
}

/// Whether Branch can leave the code around it (return, break, continue,
/// goto, throw): then what follows the `if` may be the other branch.
bool leaves(const Stmt *Branch) {
  return anyOutsideLambdas(Branch, [](const Stmt *S) {
    if (const auto *E = dyn_cast<Expr>(S);
        E && isa<CXXThrowExpr>(E->IgnoreParenImpCasts()))
      return true;
    return isa<ReturnStmt, BreakStmt, ContinueStmt, GotoStmt>(S);
  });
}

/// Whether Call runs only in the branch of an `if` that finds its queue not
/// full (a condition on its size), and the other branch does something
/// about a full one: `if (!q->full()) q->push(line); else write(line);`.
bool guardedWithFallback(const Expr *Call,
                         const utils::FunctionParents &Parents) {
  const Stmt *Child = Call;
  for (const Stmt *Up = Parents.parent(Call); Up;
       Child = Up, Up = Parents.parent(Up)) {
    if (isa<LambdaExpr>(Up))
      return false;
    const auto *If = dyn_cast<IfStmt>(Up);
    if (!If || Child != If->getThen())
      continue;
    return mentionsSize(If->getCond()) && !utils::isSilentBranch(If->getElse());
  }
  return false;
}

/// Whether Cond names Object (`!q_->full()`, `q_.size() < kMax`).
bool mentions(const Stmt *Cond, const ValueDecl *Object) {
  return utils::anyStmt(Cond, [&](const Stmt *S) {
    const auto *E = dyn_cast<Expr>(S);
    return E && isa<MemberExpr, DeclRefExpr>(E) &&
           utils::referencedDecl(E) == Object;
  });
}
} // namespace

void SilentDropCheck::summarize(
    ::unbounded::facts::Summaries &Fallible,
    const std::vector<const FunctionDecl *> &UserFunctions) {
  const SourceManager &SM = Context->getSourceManager();
  for (const FunctionDecl *Function : UserFunctions) {
    Fallible.addDefinition(*Function);
    std::string Name = Function->getQualifiedNameAsString();
    if (const Stmt *Refusal = refusesWhenFull(*Function))
      Fallible.addDirect(*Function, Name,
                         {::unbounded::facts::siteAt(
                             Refusal->getBeginLoc(), SM,
                             "'" + Name + "' returns " +
                                 (Function->getReturnType()->isBooleanType()
                                      ? "false"
                                      : "an error code") +
                                 " here, when it is full")});
    if (!Function->getReturnType()->isBooleanType())
      continue;
    anyOutsideLambdas(Function->getBody(), [&](const Stmt *S) {
      const auto *Return = dyn_cast<ReturnStmt>(S);
      if (const CallExpr *Call = Return ? returnedCall(*Return) : nullptr)
        Fallible.addCall(
            *Function, *Call->getDirectCallee(), Call->getExprLoc(),
            "'" + Name + "' returns the result of '" +
                Call->getDirectCallee()->getQualifiedNameAsString() + "'");
      return false;
    });
  }
  Fallible.finish();
}

void SilentDropCheck::judgeCalls(
    const FunctionDecl &Function,
    const ::unbounded::facts::Summaries &Fallible) {
  utils::forEachCall(Function.getBody(), [&](const CallExpr *Call) {
    // In a class template's body, `pool_->append(c)` on a `Pool<T> *`.
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee)
      Callee = utils::patternCallee(*Call);
    if (!Callee || !reportsFailure(*Callee) ||
        !Callee->getDeclName().isIdentifier() ||
        !utils::isProjectFunction(*Callee) ||
        !utils::mayHaveEffect(Fallible, *Callee))
      return;
    Use How = useOf(Call, Functions->parents(Function));
    if (How == Use::Handled || (How == Use::VoidCast && AllowVoidCast))
      return;
    report(*Call, *Callee, How, &Fallible);
  });
}

bool SilentDropCheck::isQueueClass(const CXXRecordDecl *Class) const {
  static constexpr llvm::StringLiteral StandardQueues[] = {"queue", "deque",
                                                           "priority_queue"};
  if (!Class || !Class->getDeclName().isIdentifier())
    return false;
  if (Class->isInStdNamespace())
    return llvm::is_contained(StandardQueues, Class->getName());
  return QueueTypeNames.match(Class->getName());
}

void SilentDropCheck::checkSkippedPush(const FunctionDecl &Function) {
  if (!Function.getReturnType()->isVoidType() || !Function.getBody())
    return;
  anyOutsideLambdas(Function.getBody(), [&](const Stmt *S) {
    const auto *If = dyn_cast<IfStmt>(S);
    if (!If || !utils::isSilentBranch(If->getElse()) ||
        !mentionsSize(If->getCond()) || leaves(If->getThen()))
      return false;
    utils::forEachCall(If->getThen(), [&](const CallExpr *Call) {
      const auto *Push = dyn_cast<CXXMemberCallExpr>(Call);
      const Expr *Object = Push ? Push->getImplicitObjectArgument() : nullptr;
      if (!Object || !stores(Push) || !isQueueClass(Push->getRecordDecl()) ||
          !mentions(If->getCond(), utils::referencedDecl(Object)) ||
          Reported.alreadyReported(Push->getExprLoc()))
        return;
      diag(Push->getExprLoc(),
           "'%0' is skipped when the queue is full and '%1' returns nothing, "
           "so the item is dropped silently; count the drop, log it or "
           "return an error to the caller")
          << Push->getMethodDecl()->getName()
          << Function.getQualifiedNameAsString();
    });
    return false;
  });
}

void SilentDropCheck::onEndOfTranslationUnit() {
  if (!Context)
    return;
  if (!Functions || &Functions->context() != Context)
    Functions = std::make_unique<utils::FunctionIndex>(*Context);
  std::vector<const FunctionDecl *> UserFunctions = Functions->userFunctions();
  ::unbounded::facts::Summaries Fallible(*Context, "fallible-enqueue",
                                         ProjectFacts);
  summarize(Fallible, UserFunctions);
  // A name-matched enqueue whose summary proves it refuses when full is
  // reported with that proof; the others as they are.
  for (const auto &[Call, How] : ByName) {
    const CXXMethodDecl *Method = Call->getMethodDecl();
    if (Fallible.settled(*Method) && Fallible.effect(*Method))
      report(*Call, *Method, How, &Fallible);
    else
      report(*Call, *Method, How, nullptr);
  }
  ByName.clear();
  for (const FunctionDecl *Function : UserFunctions) {
    judgeCalls(*Function, Fallible);
    checkSkippedPush(*Function);
  }
  Functions.reset();
  Context = nullptr;
}

} // namespace clang::tidy::unbounded
