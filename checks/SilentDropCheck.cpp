//===- SilentDropCheck.cpp - unbounded-silent-drop ------------------------===//

#include "SilentDropCheck.h"
#include "utils/NameLists.h"
#include "utils/Queues.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include <functional>

using namespace clang::ast_matchers;

namespace clang::tidy::unbounded {

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
enum class Use {
  Handled,   ///< passed on, stored, returned, or branched on with handling
  Discarded, ///< an expression statement
  VoidCast,  ///< (void)q.try_push(x)
  Silent,    ///< branched on, and the failure branch does nothing
};

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
    return Use::Discarded;
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
      TryMethods(utils::parseList(Options.get("TryMethods", DefaultTryMethods))),
      QueueTypePattern(Options.get("QueueTypePattern",
                                   "(Queue|Buffer|Channel|Mailbox|Ring)$")),
      QueuePushMethods(utils::parseList(
          Options.get("QueuePushMethods", DefaultQueuePushMethods))),
      LibraryNamespaces(utils::parseList(Options.get(
          "LibraryNamespaces",
          "std;boost;tbb;moodycamel;folly;rigtorp;spdlog"))),
      AllowVoidCast(isTrue(Options.get("AllowVoidCast", "true"))),
      QueueTypeNames(QueueTypePattern) {}

void SilentDropCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "FallibleFunctions", utils::joinList(FallibleFunctions));
  Options.store(Opts, "TryMethods", utils::joinList(TryMethods));
  Options.store(Opts, "QueueTypePattern", QueueTypePattern);
  Options.store(Opts, "QueuePushMethods", utils::joinList(QueuePushMethods));
  Options.store(Opts, "LibraryNamespaces", utils::joinList(LibraryNamespaces));
  Options.store(Opts, "AllowVoidCast", AllowVoidCast ? "true" : "false");
}

void SilentDropCheck::registerMatchers(MatchFinder *Finder) {
  std::vector<std::string> Names = FallibleFunctions;
  Names.insert(Names.end(), TryMethods.begin(), TryMethods.end());
  Names.insert(Names.end(), QueuePushMethods.begin(), QueuePushMethods.end());
  if (Names.empty())
    return;
  Finder->addMatcher(
      cxxMemberCallExpr(callee(utils::functionNamedAnyOf(Names)),
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
  const auto *Call = Result.Nodes.getNodeAs<CXXMemberCallExpr>("enqueue");
  if (!isFallible(*Call))
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
  SourceLocation Loc = Call->getExprLoc();
  if (!Reported.insert(Loc.getRawEncoding()).second)
    return;
  llvm::StringRef Name = Call->getMethodDecl()->getName();
  if (How == Use::Silent) {
    diag(Loc, "failure of '%0' is not handled: the branch taken when the "
              "queue is full does nothing observable, so the item is dropped "
              "silently; count the drop, log it or return an error to the "
              "caller")
        << Name;
    return;
  }
  diag(Loc, "result of '%0' is %select{discarded|cast to void}1: when the "
            "queue is full the item is dropped and nobody is told; count the "
            "drop and return an error to the caller")
      << Name << (How == Use::VoidCast);
}

void SilentDropCheck::onEndOfTranslationUnit() { Functions.reset(); }

} // namespace clang::tidy::unbounded
