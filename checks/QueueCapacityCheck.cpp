//===- QueueCapacityCheck.cpp - unbounded-queue-capacity ------------------===//

#include "QueueCapacityCheck.h"
#include "utils/AstNavigation.h"
#include "utils/Defaults.h"
#include "utils/LoopBounds.h"
#include "utils/Matchers.h"
#include "utils/Names.h"
#include "utils/Queues.h"
#include "utils/SharedOptions.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::unbounded {

namespace {

constexpr llvm::StringLiteral DefaultQueueTypes =
    "::boost::lockfree::queue:0;::boost::lockfree::spsc_queue:0;"
    "::boost::circular_buffer:0;::moodycamel::ConcurrentQueue:0;"
    "::moodycamel::BlockingConcurrentQueue:0;::folly::MPMCQueue:0;"
    "::folly::ProducerConsumerQueue:0;::rigtorp::SPSCQueue:0;"
    "::rigtorp::mpmc::Queue:0;::spdlog::details::thread_pool:0";

constexpr llvm::StringLiteral DefaultCapacityFunctions =
    "::boost::circular_buffer::set_capacity:0;"
    "::boost::circular_buffer::rset_capacity:0;"
    "::tbb::detail::d2::concurrent_bounded_queue::set_capacity:0;"
    "::tbb::concurrent_bounded_queue::set_capacity:0;"
    "::spdlog::init_thread_pool:0";

/// Queue types whose size a comparison can bound, beyond QueueTypes.
const std::vector<std::string> StandardQueues = {
    "::std::queue",
    "::std::deque",
    "::std::list",
    "::std::priority_queue",
    "::tbb::detail::d2::concurrent_queue",
    "::tbb::detail::d2::concurrent_bounded_queue"};

/// Methods a producer calls to add an item; a class with one is a queue.
constexpr llvm::StringLiteral ProducerMethods[] = {
    "push", "enqueue", "put", "send", "post", "offer", "emplace", "write"};

/// Methods that report how many items a queue holds.
constexpr llvm::StringLiteral SizeMethods[] = {"size",           "size_approx",
                                               "read_available", "sizeGuess",
                                               "unsafe_size",    "length"};

/// The first integral template argument of a class template specialization:
/// the N of `RingBuffer<Event, N>`.
std::optional<uint64_t> integralTemplateArgument(const CXXRecordDecl &Queue) {
  const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(&Queue);
  if (!Spec)
    return std::nullopt;
  for (const TemplateArgument &Arg : Spec->getTemplateArgs().asArray())
    if (Arg.getKind() == TemplateArgument::Integral &&
        !Arg.getIntegralType()->isBooleanType())
      return Arg.getAsIntegral().isNegative()
                 ? 0
                 : Arg.getAsIntegral().getLimitedValue();
  return std::nullopt;
}

} // namespace

QueueCapacityCheck::QueueCapacityCheck(StringRef Name,
                                       ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      MaxCapacity(Options.get("MaxCapacity", uint64_t{10000})),
      QueueTypes(utils::parseNamedArguments(
          Options.get("QueueTypes", DefaultQueueTypes))),
      CapacityFunctions(utils::parseNamedArguments(
          Options.get("CapacityFunctions", DefaultCapacityFunctions))),
      QueueTypePattern(utils::sharedOption(Options, "QueueTypePattern",
                                           utils::defaults::QueueTypePattern)),
      CapacityParameterPattern(
          Options.get("CapacityParameterPattern",
                      "^(capacity|size|max|maxSize|max_size|maxItems|max_items|"
                      "queueSize|queue_size|depth|slots)$|[Cc]apacity")),
      QueueVariablePattern(
          Options.get("QueueVariablePattern",
                      "[Qq]ueue|[Bb]acklog|[Mm]ailbox|[Ii]nbox|[Cc]hannel")),
      QueueTypeNames(QueueTypePattern),
      CapacityParameters(CapacityParameterPattern),
      QueueVariables(QueueVariablePattern), Bounds([this](ASTContext &Ctx) {
        return std::make_unique<utils::LoopBounds>(Ctx, MaxCapacity, "");
      }) {}

void QueueCapacityCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "MaxCapacity", MaxCapacity);
  Options.store(Opts, "QueueTypes", utils::joinNamedArguments(QueueTypes));
  Options.store(Opts, "CapacityFunctions",
                utils::joinNamedArguments(CapacityFunctions));
  utils::storeShared(Options, Opts, "QueueTypePattern", QueueTypePattern,
                     utils::defaults::QueueTypePattern);
  Options.store(Opts, "CapacityParameterPattern", CapacityParameterPattern);
  Options.store(Opts, "QueueVariablePattern", QueueVariablePattern);
}

void QueueCapacityCheck::registerMatchers(MatchFinder *Finder) {
  auto InUserCode = unless(isExpansionInSystemHeader());
  std::vector<std::string> KnownNames = utils::namesOf(QueueTypes);
  std::vector<llvm::StringRef> Known(KnownNames.begin(), KnownNames.end());
  if (!Known.empty()) {
    auto KnownQueue = cxxRecordDecl(hasAnyName(Known));
    Finder->addMatcher(
        cxxConstructExpr(
            hasDeclaration(cxxConstructorDecl(ofClass(KnownQueue))), InUserCode)
            .bind("construct"),
        this);
    Finder->addMatcher(
        callExpr(utils::makesInstanceOf(KnownQueue), InUserCode).bind("make"),
        this);
  }
  // Queues of the project's own making, judged by their names.
  Finder->addMatcher(cxxConstructExpr(hasDeclaration(cxxConstructorDecl(
                                          unless(isExpansionInSystemHeader()))),
                                      InUserCode)
                         .bind("construct"),
                     this);
  std::vector<std::string> Setters = utils::namesOf(CapacityFunctions);
  if (!Setters.empty())
    Finder->addMatcher(
        callExpr(callee(utils::functionNamedAnyOf(Setters)), InUserCode)
            .bind("setCapacity"),
        this);
  // Capacities given as template arguments: boost::lockfree::capacity<N>,
  // and the project's own `RingBuffer<Event, 1 << 20>`.
  auto Templated = qualType(hasUnqualifiedDesugaredType(
      recordType(hasDeclaration(classTemplateSpecializationDecl(
          anyOf(hasAnyName("::boost::lockfree::queue",
                           "::boost::lockfree::spsc_queue"),
                unless(isExpansionInSystemHeader())))))));
  // Declarations and comparisons are everywhere in headers: the location
  // test goes first here.
  Finder->addMatcher(varDecl(InUserCode, hasType(Templated)).bind("declared"),
                     this);
  Finder->addMatcher(fieldDecl(InUserCode, hasType(Templated)).bind("declared"),
                     this);
  std::vector<llvm::StringRef> Sizes(std::begin(SizeMethods),
                                     std::end(SizeMethods));
  Finder->addMatcher(
      binaryOperator(
          InUserCode, isComparisonOperator(),
          hasEitherOperand(ignoringParenImpCasts(
              cxxMemberCallExpr(callee(cxxMethodDecl(hasAnyName(Sizes))))
                  .bind("size"))))
          .bind("compare"),
      this);
}

void QueueCapacityCheck::check(const MatchFinder::MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  const auto &Nodes = Result.Nodes;
  if (const auto *Construct = Nodes.getNodeAs<CXXConstructExpr>("construct")) {
    const CXXConstructorDecl *Ctor = Construct->getConstructor();
    if (Ctor->isCopyOrMoveConstructor())
      return;
    const CXXRecordDecl *Queue = Ctor->getParent();
    std::optional<unsigned> Index = capacityArgument(*Queue, Ctor);
    if (Index && *Index < Construct->getNumArgs())
      checkCapacity(Construct->getArg(*Index), Queue,
                    utils::spelledType(Construct->getType()), Ctx);
    return;
  }
  if (const auto *Make = Nodes.getNodeAs<CallExpr>("make")) {
    const auto *Args = Make->getDirectCallee()->getTemplateSpecializationArgs();
    QualType Type = Args ? Args->get(0).getAsType() : QualType();
    const CXXRecordDecl *Queue = utils::recordOf(Type);
    std::optional<unsigned> Index =
        Queue ? capacityArgument(*Queue, nullptr) : std::nullopt;
    if (Index && *Index < Make->getNumArgs())
      checkCapacity(Make->getArg(*Index), Queue, utils::spelledType(Type), Ctx);
    return;
  }
  if (const auto *Call = Nodes.getNodeAs<CallExpr>("setCapacity")) {
    const FunctionDecl *Setter = Call->getDirectCallee();
    const auto *Member = dyn_cast<CXXMemberCallExpr>(Call);
    for (const utils::NamedArgument &Function : CapacityFunctions) {
      if (!utils::isFunctionNamedAnyOf(Setter, {Function.Name}))
        continue;
      if (Function.Argument < Call->getNumArgs())
        checkCapacity(Call->getArg(Function.Argument),
                      Member ? Member->getRecordDecl() : nullptr,
                      Member ? utils::spelledType(Member->getObjectType())
                             : Setter->getQualifiedNameAsString(),
                      Ctx);
      return;
    }
    return;
  }
  if (const auto *Declared = Nodes.getNodeAs<DeclaratorDecl>("declared")) {
    checkTemplateCapacity(*Declared, Ctx);
    return;
  }
  if (const auto *Compare = Nodes.getNodeAs<BinaryOperator>("compare"))
    checkSizeComparison(*Compare, *Nodes.getNodeAs<CXXMemberCallExpr>("size"),
                        Ctx);
}

void QueueCapacityCheck::onEndOfTranslationUnit() { Bounds.reset(); }

bool QueueCapacityCheck::looksLikeQueue(const CXXRecordDecl &Record) const {
  if (!Record.getDeclName().isIdentifier() ||
      !QueueTypeNames.match(Record.getName()) || !Record.hasDefinition())
    return false;
  // A buffer with no producer method holds data, not a backlog of work.
  return llvm::any_of(Record.methods(), [](const CXXMethodDecl *Method) {
    if (!Method->getDeclName().isIdentifier())
      return false;
    std::string Name = Method->getName().lower();
    return llvm::any_of(ProducerMethods, [&](llvm::StringRef Producer) {
      return llvm::StringRef(Name).contains(Producer);
    });
  });
}

std::optional<unsigned>
QueueCapacityCheck::capacityArgument(const CXXRecordDecl &Queue,
                                     const CXXConstructorDecl *Ctor) const {
  // Parameters are searched by name only in a class that looks like a queue.
  return utils::sizeArgument(Queue,
                             Ctor && looksLikeQueue(Queue) ? Ctor : nullptr,
                             QueueTypes, CapacityParameters);
}

void QueueCapacityCheck::checkCapacity(const Expr *Capacity,
                                       const CXXRecordDecl *Queue,
                                       llvm::StringRef What, ASTContext &Ctx) {
  if (isa<CXXDefaultArgExpr>(Capacity) || !Capacity->getType()->isIntegerType())
    return;
  utils::TripCount Size = Bounds.of(Ctx).ofCount(Capacity);
  if (Size.Kind != utils::TripCountKind::Constant || Size.Value <= MaxCapacity)
    return;
  reportCapacity(Capacity->getBeginLoc(), What, Size.Value, Queue, Ctx);
}

void QueueCapacityCheck::reportCapacity(SourceLocation Loc,
                                        llvm::StringRef What, uint64_t Capacity,
                                        const CXXRecordDecl *Queue,
                                        ASTContext &Ctx) {
  if (Reported.alreadyReported(Loc))
    return;
  std::string Memory = utils::slotMemory(
      Capacity, Queue ? utils::elementType(*Queue, Ctx) : std::nullopt, Ctx);
  diag(Loc, "'%0' is given a capacity of %1, above the threshold of %2%3: a "
            "buffer this deep hides backpressure until it overflows; size it "
            "for seconds of traffic and export its depth")
      << What << utils::withThousands(Capacity)
      << utils::withThousands(MaxCapacity)
      << (Memory.empty() ? "" : " (" + Memory + " when full)");
}

void QueueCapacityCheck::checkTemplateCapacity(const DeclaratorDecl &Declared,
                                               ASTContext &Ctx) {
  const CXXRecordDecl *Queue = utils::recordOf(Declared.getType());
  if (!Queue)
    return;
  std::optional<uint64_t> Capacity = utils::lockfreeCapacity(*Queue);
  if (!Capacity && looksLikeQueue(*Queue))
    Capacity = integralTemplateArgument(*Queue);
  if (!Capacity || *Capacity <= MaxCapacity)
    return;
  reportCapacity(Declared.getTypeSpecStartLoc(),
                 utils::spelledType(Declared.getType()), *Capacity, Queue, Ctx);
}

void QueueCapacityCheck::checkSizeComparison(const BinaryOperator &Compare,
                                             const CXXMemberCallExpr &Size,
                                             ASTContext &Ctx) {
  const Expr *Limit = Compare.getLHS()->IgnoreParenImpCasts() == &Size
                          ? Compare.getRHS()
                          : Compare.getLHS();
  utils::TripCount Value = Bounds.of(Ctx).ofCount(Limit);
  if (Value.Kind != utils::TripCountKind::Constant ||
      Value.Value <= MaxCapacity)
    return;
  const Expr *Object = Size.getImplicitObjectArgument();
  const CXXRecordDecl *Queue = Size.getRecordDecl();
  const ValueDecl *Variable = utils::referencedDecl(Object);
  bool IsQueue =
      (Queue && (utils::isNamedAnyOf(Queue, StandardQueues) ||
                 utils::isNamedAnyOf(Queue, utils::namesOf(QueueTypes)) ||
                 looksLikeQueue(*Queue))) ||
      (Variable && Variable->getDeclName().isIdentifier() &&
       QueueVariables.match(Variable->getName()));
  if (!IsQueue || Reported.alreadyReported(Limit->getBeginLoc()))
    return;
  diag(Limit->getBeginLoc(),
       "size check against %0 is no bound in practice: '%1' can hold %0 items "
       "before this rejects anything; compare with a capacity of at most %2")
      << utils::withThousands(Value.Value) << utils::spelling(Object, Ctx)
      << utils::withThousands(MaxCapacity);
}

} // namespace clang::tidy::unbounded
