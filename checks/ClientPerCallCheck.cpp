//===- ClientPerCallCheck.cpp - unbounded-client-per-call -----------------===//

#include "ClientPerCallCheck.h"
#include "utils/AstNavigation.h"
#include "utils/Effects.h"
#include "utils/Matchers.h"
#include "utils/Names.h"
#include "utils/RequestContext.h"
#include "utils/SharedOptions.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Basic/CharInfo.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringExtras.h"
#include <functional>

using namespace clang::ast_matchers;

namespace clang::tidy::unbounded {

using utils::ContextKind;

namespace {

/// cpr's one-shot functions (cpr/api.h): each builds a cpr::Session, and
/// so a connection, for the one request it sends, and destroys it.
constexpr llvm::StringLiteral DefaultOneShotFunctions =
    "::cpr::Get;::cpr::Post;::cpr::Put;::cpr::Head;::cpr::Delete;"
    "::cpr::Options;::cpr::Patch;::cpr::Download;::cpr::GetAsync;"
    "::cpr::PostAsync;::cpr::PutAsync;::cpr::HeadAsync;::cpr::DeleteAsync;"
    "::cpr::OptionsAsync;::cpr::PatchAsync;::cpr::DownloadAsync;"
    "::cpr::GetCallback;::cpr::PostCallback;::cpr::PutCallback;"
    "::cpr::HeadCallback;::cpr::DeleteCallback;::cpr::OptionsCallback;"
    "::cpr::PatchCallback";

/// The Asio classes whose local construction next to an io_context makes
/// that io_context a connection set up per call.
constexpr llvm::StringLiteral AsioConnectionClasses[] = {
    "basic_resolver", "basic_stream_socket", "basic_stream", "stream"};

/// The prefix a C library gives its functions: curl_, redis, PQ, mysql_.
llvm::StringRef libraryPrefix(llvm::StringRef Function) {
  Function = Function.rsplit("::").second.empty()
                 ? Function
                 : Function.rsplit("::").second;
  size_t Underscore = Function.find('_');
  if (Underscore != llvm::StringRef::npos)
    return Function.take_front(Underscore + 1);
  bool Upper = !Function.empty() && clang::isUppercase(Function.front());
  return Function.take_while([&](char C) {
    return Upper ? clang::isUppercase(C) : clang::isLowercase(C);
  });
}

/// Whether handing Ref to Call may give the handle a new owner: it is not
/// the call's first argument (curl_multi_add_handle(multi, easy)), or the
/// callee is not the library's own.
bool mayAdopt(const CallExpr *Call, const DeclRefExpr *Ref,
              llvm::StringRef Prefix) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee || !Callee->getDeclName().isIdentifier())
    return true;
  // A socket descriptor handed to the C library (send, setsockopt,
  // SSL_set_fd) is used there, not owned: only project code may keep it.
  if (Prefix == "close")
    return utils::isProjectFunction(*Callee);
  bool First =
      Call->getNumArgs() > 0 && utils::ignoreWrappers(Call->getArg(0)) == Ref;
  return !First || !Callee->getName().starts_with(Prefix);
}

/// Whether a call Clang could not finish names a library function as its
/// callee (`redisCommand(c, misspelled)`).
bool callsLibrary(const RecoveryExpr &Call) {
  llvm::ArrayRef<const Expr *> Parts = Call.subExpressions();
  if (Parts.empty())
    return false;
  const Expr *Callee = Parts.front()->IgnoreParenImpCasts();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Callee))
    if (const auto *Function = dyn_cast<FunctionDecl>(Ref->getDecl()))
      return !utils::isProjectFunction(*Function);
  const auto *Overloads = dyn_cast<UnresolvedLookupExpr>(Callee);
  return Overloads && !Overloads->decls().empty() &&
         llvm::all_of(Overloads->decls(), [](const NamedDecl *D) {
           const auto *Function =
               dyn_cast<FunctionDecl>(D->getUnderlyingDecl());
           return Function && !utils::isProjectFunction(*Function);
         });
}

/// S, if it is a call of Release on what D holds (`curl_easy_cleanup(h)`).
const CallExpr *releaseOf(const Stmt *S, llvm::StringRef Release,
                          const ValueDecl *D) {
  const auto *Call = dyn_cast<CallExpr>(S);
  return Call && Call->getNumArgs() >= 1 &&
                 utils::isNamedAnyOf(Call->getDirectCallee(),
                                     {Release.str()}) &&
                 utils::referencedDecl(Call->getArg(0)) == D
             ? Call
             : nullptr;
}

/// The automatic variable, declared in this function, that Target names
/// (not a reference: assigning through one writes elsewhere).
const VarDecl *assignedLocal(const Expr *Target) {
  const auto *Ref = dyn_cast<DeclRefExpr>(Target->IgnoreParenImpCasts());
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Var || !Var->hasLocalStorage() || Var->getType()->isReferenceType())
    return nullptr;
  return Var;
}

/// Whether Var's type can share its object with whoever receives a copy: a
/// raw pointer or a std::shared_ptr.
bool sharesObject(const VarDecl &Var) {
  QualType T = Var.getType();
  if (T->isPointerType())
    return true;
  const CXXRecordDecl *Record = T->getAsCXXRecordDecl();
  return Record && Record->isInStdNamespace() &&
         Record->getDeclName().isIdentifier() &&
         Record->getName() == "shared_ptr";
}

/// Whether Ref is an argument of Consumer (a call or a construction), not
/// the object a member function is called on.
bool isArgumentOf(const Stmt *Consumer, const DeclRefExpr *Ref) {
  auto Passed = [&](const Expr *Arg) {
    return utils::ignoreWrappers(Arg) == Ref;
  };
  if (const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(Consumer))
    return llvm::any_of(Construct->arguments(), Passed);
  const auto *Call = dyn_cast_or_null<CallExpr>(Consumer);
  if (!Call || isa<CXXOperatorCallExpr>(Call) || utils::isStdMove(Call))
    return false;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call);
      Member && Passed(Member->getImplicitObjectArgument()))
    return false;
  return llvm::any_of(Call->arguments(), Passed);
}

/// Function's name in messages: a lambda's call operator is named after
/// the variable holding it (`auto handler = [] {...};`).
std::string functionName(const FunctionDecl &Function) {
  const auto *Method = dyn_cast<CXXMethodDecl>(&Function);
  if (!Method || !Method->getParent()->isLambda())
    return Function.getQualifiedNameAsString();
  for (const Decl *D : Method->getParent()->getDeclContext()->decls()) {
    const auto *Var = dyn_cast<VarDecl>(D);
    const auto *Lambda =
        Var && Var->getInit()
            ? dyn_cast<LambdaExpr>(utils::ignoreWrappers(Var->getInit()))
            : nullptr;
    if (Lambda && Lambda->getLambdaClass() == Method->getParent())
      return Var->getQualifiedNameAsString();
  }
  return "lambda";
}

/// How often a client made at Where is made.
std::string scopeText(const utils::ExecutionContext &Where,
                      const FunctionDecl &Function) {
  if (Where.Kind == ContextKind::Loop)
    return "iteration of an unbounded loop";
  if (Where.Kind == ContextKind::Handler)
    return "request to this handler";
  return "call of '" + functionName(Function) + "'";
}

/// The variable or member a cache check reads: a namespace-scope or static
/// variable, or a member of the object.
const ValueDecl *cacheVariable(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (isa<MemberExpr>(E)) {
    const MemberExpr *Member = utils::thisMember(E);
    return Member ? Member->getMemberDecl() : nullptr;
  }
  const auto *Ref = dyn_cast<DeclRefExpr>(E);
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  return Var && Var->hasGlobalStorage() ? Var : nullptr;
}

/// Whether Body assigns D (`cached = value;`, `cached_.reset(...)` aside).
bool assigns(const Stmt *Body, const ValueDecl *D) {
  return utils::anyStmt(Body, [&](const Stmt *S) {
    const Expr *Target = nullptr;
    if (const auto *Assign = dyn_cast<BinaryOperator>(S);
        Assign && Assign->isAssignmentOp())
      Target = Assign->getLHS();
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S);
        Op && Op->getOperator() == OO_Equal)
      Target = Op->getArg(0);
    return Target && cacheVariable(Target) == D;
  });
}

/// Whether an `if` returns early while a cache is filled, and the function
/// fills that cache itself: `if (!session.empty()) return session; ...
/// session = fetch();`. What follows runs until the cache is filled: once.
bool returnsCachedFirst(const Stmt *If, const Stmt *Body) {
  const auto *Check = dyn_cast<IfStmt>(If);
  if (!Check || !Check->getCond() ||
      !utils::anyStmt(Check->getThen(),
                      [](const Stmt *S) { return isa<ReturnStmt>(S); }))
    return false;
  return utils::anyStmt(Check->getCond(), [&](const Stmt *S) {
    const auto *E = dyn_cast<Expr>(S);
    const ValueDecl *Cache = E ? cacheVariable(E) : nullptr;
    return Cache && assigns(Body, Cache);
  });
}

/// Whether E, in its function's body, follows an early return of a cached
/// value (see returnsCachedFirst).
bool afterCacheCheck(const Expr *E, const utils::FunctionParents &Parents) {
  const auto *Body = dyn_cast_or_null<CompoundStmt>(Parents.body());
  if (!Body)
    return false;
  const Stmt *Top = E;
  while (Top && Parents.parent(Top) != Body)
    Top = Parents.parent(Top);
  for (const Stmt *S : Body->body()) {
    if (S == Top)
      return false;
    if (returnsCachedFirst(S, Body))
      return true;
  }
  return false;
}

/// Whether Loop retries one piece of work rather than serving many: a
/// small constant number of attempts, or `while (needTry)` on a flag local
/// to the function.
bool isRetryLoop(const Stmt *Loop, const utils::LoopBounds &Bounds) {
  utils::TripCount Trips = Bounds.ofLoop(Loop);
  if (Trips.Kind == utils::TripCountKind::Constant)
    return Bounds.isBounded(Trips);
  const Expr *Cond = utils::loopCondition(Loop);
  if (const auto *Not = dyn_cast_or_null<UnaryOperator>(
          Cond ? Cond->IgnoreParenImpCasts() : nullptr);
      Not && Not->getOpcode() == UO_LNot)
    Cond = Not->getSubExpr();
  const auto *Flag =
      Cond ? dyn_cast<DeclRefExpr>(Cond->IgnoreParenImpCasts()) : nullptr;
  const auto *Var = Flag ? dyn_cast<VarDecl>(Flag->getDecl()) : nullptr;
  return Var && Var->isLocalVarDecl() && !Var->isStaticLocal() &&
         Var->getType()->isBooleanType();
}

/// Whether a loop between Ref and the function body leaves Var's scope:
/// the client is created once and reused across that loop's iterations
/// (not a retry of the one request it was made for).
bool usedAcrossLoop(const DeclRefExpr *Ref, const VarDecl &Var,
                    const utils::FunctionParents &Parents,
                    const utils::LoopBounds &Bounds) {
  const SourceManager &SM =
      Parents.function().getASTContext().getSourceManager();
  for (const Stmt *Parent = Parents.parent(Ref); Parent;
       Parent = Parents.parent(Parent))
    if (utils::isLoop(Parent) &&
        !utils::isWithin(Parent, Var.getLocation(), SM) &&
        !isRetryLoop(Parent, Bounds))
      return true;
  return false;
}

} // namespace

ClientPerCallCheck::ClientPerCallCheck(StringRef Name,
                                       ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), Libraries(Options),
      OwnerFactories(
          utils::parseList(Options.get("OwnerFactories", "NewStub"))),
      OneShotFunctions(utils::parseList(
          Options.get("OneShotFunctions", DefaultOneShotFunctions))),
      Loops(Options), Limits(Options),
      FactsFile(Options.getLocalOrGlobal(utils::FactsFileOption, "")),
      Analysis([this](ASTContext &Ctx) {
        return std::make_unique<utils::RequestAnalyses>(Ctx, Loops, Limits);
      }) {
  ProjectFacts = utils::loadFacts(*this, FactsFile);
}

void ClientPerCallCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Libraries.store(Options, Opts);
  Options.store(Opts, "OwnerFactories", utils::joinList(OwnerFactories));
  Options.store(Opts, "OneShotFunctions", utils::joinList(OneShotFunctions));
  Loops.store(Options, Opts);
  Limits.store(Options, Opts);
  Options.store(Opts, utils::FactsFileOption, FactsFile);
}

void ClientPerCallCheck::registerMatchers(MatchFinder *Finder) {
  auto InUserCode = unless(isExpansionInSystemHeader());
  std::vector<std::string> Classes = Libraries.Types;
  Classes.push_back("::boost::asio::io_context");
  auto ClientClass = cxxRecordDecl(hasAnyName(utils::stringRefs(Classes)));
  Finder->addMatcher(
      cxxConstructExpr(hasDeclaration(cxxConstructorDecl(
                           ofClass(ClientClass), unless(isCopyConstructor()),
                           unless(isMoveConstructor()))),
                       InUserCode)
          .bind("client"),
      this);
  Finder->addMatcher(
      callExpr(utils::makesInstanceOf(ClientClass), InUserCode).bind("make"),
      this);
  std::vector<llvm::StringRef> Creators;
  for (const utils::ClientFactory &F : Libraries.Factories)
    Creators.push_back(F.Create);
  if (!Creators.empty())
    Finder->addMatcher(
        callExpr(callee(functionDecl(hasAnyName(Creators))), InUserCode)
            .bind("factory"),
        this);
  if (!OneShotFunctions.empty())
    Finder->addMatcher(callExpr(callee(functionDecl(hasAnyName(
                                    utils::stringRefs(OneShotFunctions)))),
                                InUserCode)
                           .bind("one-shot"),
                       this);
  // The project's own clients are judged at the end of every translation
  // unit, with or without a library client in it.
  Finder->addMatcher(translationUnitDecl().bind("unit"), this);
}

void ClientPerCallCheck::check(const MatchFinder::MatchResult &Result) {
  Context = Result.Context;
  if (!Functions || &Functions->context() != Context)
    Functions = std::make_unique<utils::FunctionIndex>(*Context);
  if (const auto *Construct =
          Result.Nodes.getNodeAs<CXXConstructExpr>("client")) {
    onCreation(Construct, utils::spelledType(Construct->getType()),
               /*IsHandle=*/false, "");
    return;
  }
  if (const auto *Make = Result.Nodes.getNodeAs<CallExpr>("make")) {
    const auto *Args = Make->getDirectCallee()->getTemplateSpecializationArgs();
    onCreation(Make, utils::spelledType(Args->get(0).getAsType()),
               /*IsHandle=*/false, "");
    return;
  }
  if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>("one-shot")) {
    onOneShot(*Call);
    return;
  }
  if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>("factory")) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    for (const utils::ClientFactory &F : Libraries.Factories)
      if (utils::isNamedAnyOf(Callee, {F.Create})) {
        onCreation(Call, Callee->getQualifiedNameAsString(), /*IsHandle=*/true,
                   F.Release);
        return;
      }
  }
}

bool ClientPerCallCheck::hasAsioConnection(
    const utils::FunctionParents &Parents) const {
  return utils::anyStmt(Parents.body(), [](const Stmt *S) {
    const auto *Construct = dyn_cast<CXXConstructExpr>(S);
    const CXXRecordDecl *Class =
        Construct ? Construct->getConstructor()->getParent() : nullptr;
    return Class && Class->getDeclName().isIdentifier() &&
           llvm::is_contained(AsioConnectionClasses, Class->getName()) &&
           Class->getQualifiedNameAsString().rfind("boost::", 0) == 0;
  });
}

ClientPerCallCheck::Fate
ClientPerCallCheck::fateOfVariable(const VarDecl &Var, llvm::StringRef Release,
                                   const utils::FunctionParents &Parents) {
  if (!Var.hasLocalStorage() || Var.getType()->isReferenceType())
    return {};
  // Code Clang could not make sense of (a header it never read after a
  // fatal error): a use that keeps the client may be missing from the AST.
  if (utils::hasBrokenCode(Parents.function()))
    return {};
  Fate Result{true, nullptr};
  bool Adopted = false;
  // Used in a loop it outlives (reused for every item), unless the function
  // goes on using it after the loop (a loop that only prepared its one
  // request, such as escaping each query parameter). A socket's loops read
  // or write its one connection: no reuse.
  bool Socket = Release == "::close";
  bool InLoop = false;
  bool UsedAfterLoop = false;
  utils::forEachReference(Parents.body(), &Var, [&](const DeclRefExpr *Ref) {
    if (!Result.PerCall)
      return;
    if (!Socket &&
        usedAcrossLoop(Ref, Var, Parents, Analysis.of(*Context).Bounds)) {
      InLoop = true;
      return;
    }
    const Stmt *Consumer = Parents.consumer(Ref);
    // Handed to a function Clang could not resolve (`keep(c)` with keep
    // undeclared): it may keep the client. A library call with a broken
    // argument (which newer Clangs keep as a recovery expression too) only
    // uses it.
    if (const auto *Unresolved = dyn_cast_or_null<RecoveryExpr>(Consumer);
        Unresolved && !callsLibrary(*Unresolved)) {
      Result.PerCall = false;
      return;
    }
    // (Only a library handle: the project's own client object used after
    // its loop of requests is asked for what they did, such as their
    // average response time.)
    const auto *Released = dyn_cast_or_null<CallExpr>(Consumer);
    if (InLoop && !Release.empty() &&
        !(Released &&
          utils::isNamedAnyOf(Released->getDirectCallee(), {Release.str()})))
      UsedAfterLoop = true;
    // A pointer handed to a function (`pool_.push(conn)`): it may keep it.
    if (Release.empty() && sharesObject(Var) && isArgumentOf(Consumer, Ref)) {
      Result.PerCall = false;
      return;
    }
    // `return c;` may move-construct the returned object from c.
    while (isa_and_nonnull<CXXConstructExpr>(Consumer))
      Consumer = Parents.consumer(Consumer);
    if (isa_and_nonnull<ReturnStmt>(Consumer)) {
      Result.PerCall = false;
      return;
    }
    const auto *Call = dyn_cast_or_null<CallExpr>(Consumer);
    if (Call && utils::isStdMove(Call)) {
      Result.PerCall = fateOfValue(Call, Release, Parents).PerCall;
      return;
    }
    if (Call && !Release.empty() &&
        utils::isNamedAnyOf(Call->getDirectCallee(), {Release.str()})) {
      Result.Release = Call;
      return;
    }
    if (const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
        Callee && Callee->getDeclName().isIdentifier() &&
        llvm::is_contained(OwnerFactories, Callee->getName().str())) {
      Result.PerCall = fateOfValue(Call, Release, Parents).PerCall;
      return;
    }
    if (Call && !Release.empty() && mayAdopt(Call, Ref, libraryPrefix(Release)))
      Adopted = true;
    // A handle copied into a member or global, or put into a container
    // that is one (`connections_.push(ctx)`), outlives the call: a release
    // elsewhere in the function is on a failure path.
    if (const auto *Assign = dyn_cast_or_null<BinaryOperator>(Consumer);
        Assign && Assign->isAssignmentOp() &&
        utils::ignoreWrappers(Assign->getRHS()) == Ref &&
        utils::outlivesScope(Assign->getLHS(), Parents.body(), *Context))
      Result.PerCall = false;
    if (const auto *Insert = dyn_cast_or_null<CXXMemberCallExpr>(Consumer);
        Insert && isArgumentOf(Insert, Ref) &&
        utils::outlivesScope(Insert->getImplicitObjectArgument(),
                             Parents.body(), *Context))
      Result.PerCall = false;
  });
  // Never released here but handed over: the new owner releases it.
  if ((Adopted && !Result.Release) || (InLoop && !UsedAfterLoop))
    Result.PerCall = false;
  return Result;
}

ClientPerCallCheck::Fate
ClientPerCallCheck::fateOfMember(const Expr *Member, llvm::StringRef Release,
                                 const utils::FunctionParents &Parents) const {
  // `m_curl = curl_easy_init(); ...; curl_easy_cleanup(m_curl);` in a
  // method, with no return before the release: the member only holds the
  // handle while the call runs.
  const auto *Field =
      dyn_cast_or_null<FieldDecl>(utils::referencedDecl(Member));
  const auto *Body = dyn_cast<CompoundStmt>(Parents.body());
  if (!Field || Release.empty() || !Body)
    return {};
  const SourceManager &SM = Context->getSourceManager();
  for (const Stmt *S : Body->body()) {
    const CallExpr *Call = releaseOf(S, Release, Field);
    if (!Call)
      continue;
    // Released on every path: no return comes before the release.
    bool ReturnsFirst = utils::anyStmt(Body, [&](const Stmt *Node) {
      return isa<ReturnStmt>(Node) &&
             utils::isBefore(Node->getBeginLoc(), Call->getBeginLoc(), SM);
    });
    return {!ReturnsFirst, Call};
  }
  return {};
}

/// Whether Assignment stores into a member of this object at the top level
/// of a request handler's body (`client_ = std::make_unique<Client>();`,
/// not under a test): every request replaces the client the last one made.
static bool replacesMemberEveryRequest(const Expr *Target,
                                       const Stmt *Assignment,
                                       const utils::FunctionParents &Parents,
                                       const utils::RequestContext &Requests) {
  if (!utils::thisMember(Target) ||
      Requests.enclosing(Assignment, Parents).Kind != ContextKind::Handler)
    return false;
  const Stmt *Child = nullptr;
  Parents.consumer(Assignment, &Child);
  return Parents.parent(Child) == Parents.body();
}

ClientPerCallCheck::Fate
ClientPerCallCheck::fateOfValue(const Expr *Value, llvm::StringRef Release,
                                const utils::FunctionParents &Parents) {
  const Stmt *Child = nullptr;
  const Stmt *Consumer = Parents.consumer(Value, &Child);
  if (!Consumer || isa<ReturnStmt>(Consumer))
    return {};
  if (const VarDecl *Var =
          utils::FunctionParents::initializedBy(Consumer, Child))
    return fateOfVariable(*Var, Release, Parents);
  if (isa<CXXNewExpr, CXXConstructExpr>(Consumer))
    return fateOfValue(cast<Expr>(Consumer), Release, Parents);
  if (const auto *Assign = dyn_cast<BinaryOperator>(Consumer);
      Assign && Assign->isAssignmentOp()) {
    // `CURL *curl; ... curl = curl_easy_init();`: the local declared first
    // holds the handle as if initialized with it.
    if (const VarDecl *Var = assignedLocal(Assign->getLHS()))
      return fateOfVariable(*Var, Release, Parents);
    return fateOfMember(Assign->getLHS(), Release, Parents);
  }
  if (const auto *Call = dyn_cast<CallExpr>(Consumer)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    bool Owner = Callee && Callee->getDeclName().isIdentifier() &&
                 llvm::is_contained(OwnerFactories, Callee->getName().str());
    if (Owner || utils::isStdMove(Call))
      return fateOfValue(Call, Release, Parents);
    // `std::make_shared<Fetcher>(io)->fetch(url)` in a loop or a handler:
    // used on the spot, and kept alive, if at all, by what it started.
    if (const auto *Arrow = dyn_cast<CXXOperatorCallExpr>(Call);
        Arrow && Arrow->getOperator() == OO_Arrow)
      return {contextOf(Value, Parents).Kind != ContextKind::None, nullptr};
    if (const auto *Assign = dyn_cast<CXXOperatorCallExpr>(Call);
        Assign && Assign->getOperator() == OO_Equal &&
        Assign->getNumArgs() == 2 &&
        replacesMemberEveryRequest(Assign->getArg(0), Assign, Parents,
                                   Analysis.of(*Context).Requests))
      return {true, nullptr};
    return {}; // handed to a function that may keep it
  }
  // Used on the spot (`httplib::Client(host).Get(path)`) or dropped.
  if (isa<MemberExpr>(Consumer) || isa<CompoundStmt>(Consumer))
    return {true, nullptr};
  return {};
}

void ClientPerCallCheck::onCreation(const Expr *Creation, llvm::StringRef What,
                                    bool IsHandle, llvm::StringRef Release,
                                    const Expr *ConnectedAt) {
  const utils::FunctionParents *Parents = Functions->enclosing(Creation);
  if (What == "boost::asio::io_context" &&
      !(Parents && hasAsioConnection(*Parents)))
    return;
  recordCreation(Creation, What, IsHandle, Parents);
  if (!Parents)
    return;
  Fate Life = fateOfValue(Creation, Release, *Parents);
  if (!Life.PerCall)
    return;
  SourceLocation Loc = Creation->getBeginLoc();
  if (Reported.alreadyReported(Loc))
    return;
  utils::ExecutionContext Where = contextOf(Creation, *Parents);
  if (Where.Kind == ContextKind::None && runsAFewTimes(Creation, *Parents))
    return;
  unsigned Scope = Where.Kind == ContextKind::Loop      ? 1
                   : Where.Kind == ContextKind::Handler ? 2
                                                        : 0;
  unsigned End = Life.Release ? 1 : Release.empty() ? 0 : 2;
  diag(Loc, "%select{'%0' is created|the handle from '%0' is obtained}4 on "
            "every %select{call of '%1'|iteration of an unbounded loop|request "
            "to this handler}2 and %select{destroyed at its end|released at "
            "its end|never released}3: each one opens its own connections "
            "(create one shared client, configured with connection limits, and "
            "reuse it)")
      << What << functionName(Parents->function()) << Scope << End
      << (IsHandle ? 1 : 0);
  if (std::optional<utils::ContextNote> Note =
          utils::contextNote(Where, Analysis.of(*Context).Bounds))
    diag(Note->Loc, "%0", DiagnosticIDs::Note) << Note->Text;
  if (ConnectedAt)
    diag(ConnectedAt->getBeginLoc(), "connected here", DiagnosticIDs::Note);
  if (Life.Release)
    diag(Life.Release->getBeginLoc(),
         "released here, at the end of the same "
         "%select{call|iteration|request}0",
         DiagnosticIDs::Note)
        << Scope;
}

bool ClientPerCallCheck::calledOnlyFromConstructors(
    const FunctionDecl &Function) {
  // The calls this translation unit sees (for a private method, all of
  // them).
  const auto *Method = dyn_cast<CXXMethodDecl>(&Function);
  if (!Method || Method->isVirtual() || isa<CXXConstructorDecl>(Method))
    return false;
  std::vector<utils::FunctionIndex::CallSite> Calls =
      Functions->callsTo(*Method);
  // A method the constructor calls once that is also a thread's body runs
  // once per thread as well.
  return !Calls.empty() && Functions->threadStartsOf(*Method).empty() &&
         llvm::all_of(Calls, [&](const utils::FunctionIndex::CallSite &Site) {
           const auto *Ctor = dyn_cast<CXXConstructorDecl>(Site.Caller);
           if (!Ctor || Ctor->getParent()->getCanonicalDecl() !=
                            Method->getParent()->getCanonicalDecl())
             return false;
           return !Functions->parents(*Ctor).mayRepeat(Site.Call);
         });
}

bool ClientPerCallCheck::runsAFewTimes(const Expr *E,
                                       const utils::FunctionParents &Parents) {
  // A constructor runs once per object: where objects are made per call or
  // per request is judged at the constructions (the client it makes gives
  // the constructor the effect).
  return Parents.function().isMain() || afterCacheCheck(E, Parents) ||
         utils::insideOnceGuard(E, Parents, Parents.body()) ||
         Functions->calledOnlyFromMain(Parents.function()) ||
         servesThreadLife(E, Parents) ||
         isa<CXXConstructorDecl>(Parents.function()) ||
         calledOnlyFromConstructors(Parents.function());
}

bool ClientPerCallCheck::servesThreadLife(
    const Expr *E, const utils::FunctionParents &Parents) {
  // The connection serves a loop that follows it (a load generator's
  // worker sends its whole life on it)...
  const SourceManager &SM = Context->getSourceManager();
  bool ServesLoop = utils::anyStmt(Parents.body(), [&](const Stmt *S) {
    return utils::isLoop(S) &&
           utils::isBefore(E->getBeginLoc(), S->getBeginLoc(), SM);
  });
  if (!ServesLoop)
    return false;
  // ... in a thread's body, of threads started as a set of workers: once,
  // or by a loop counted up front (how many is unbounded-pool-growth's
  // question), not per item, per request or for as long as a condition
  // holds.
  std::vector<utils::FunctionIndex::Use> Starts =
      Functions->threadStartsOf(Parents.function());
  return !Starts.empty() &&
         llvm::all_of(Starts, [&](const utils::FunctionIndex::Use &Start) {
           utils::ExecutionContext Where =
               contextOf(Start.Ref, Functions->parents(*Start.User));
           if (Where.Kind == ContextKind::None)
             return true;
           utils::TripCountKind Count = Where.Bound.Kind;
           return Where.Kind == ContextKind::Loop &&
                  Count != utils::TripCountKind::ElementCount &&
                  Count != utils::TripCountKind::Condition &&
                  Count != utils::TripCountKind::Infinite;
         });
}

void ClientPerCallCheck::onOneShot(const CallExpr &Call) {
  const utils::FunctionParents *Parents = Functions->enclosing(&Call);
  if (!Parents)
    return;
  utils::ExecutionContext Where = contextOf(&Call, *Parents);
  if (Where.Kind == ContextKind::None && runsAFewTimes(&Call, *Parents))
    return;
  SourceLocation Loc = Call.getBeginLoc();
  if (Reported.alreadyReported(Loc))
    return;
  diag(Loc, "call to '%0' creates a client on every %1 and destroys it "
            "before returning: each one opens its own connections (create "
            "one shared client, configured with connection limits, and "
            "reuse it)")
      << Call.getDirectCallee()->getQualifiedNameAsString()
      << scopeText(Where, Parents->function());
  if (std::optional<utils::ContextNote> Note =
          utils::contextNote(Where, Analysis.of(*Context).Bounds))
    diag(Note->Loc, "%0", DiagnosticIDs::Note) << Note->Text;
}

void ClientPerCallCheck::recordCreation(const Expr *E, llvm::StringRef What,
                                        bool IsHandle,
                                        const utils::FunctionParents *Parents) {
  const FunctionDecl *Function =
      Parents ? &Parents->function() : Functions->writtenFunctionOf(E);
  if (!Function)
    return;
  // A client destroyed in its own call is reported there; one kept in the
  // object (a wrapper's constructor, a connect() method) or handed back (a
  // factory) makes every call of the function a new client, and so does
  // one a constructor makes (every object a new client).
  if (Parents && !isa<CXXConstructorDecl>(Parents->function()) &&
      !keptBeyondCall(E, *Parents))
    return;
  Created.push_back({Function, E, What.str(), IsHandle});
}

namespace {
/// Whether Target lives beyond one call: a member (through this), a
/// namespace-scope or class-static variable.
bool isLongLived(const Expr *Target) {
  Target = Target->IgnoreParenImpCasts();
  if (const auto *Member = dyn_cast<MemberExpr>(Target))
    return isa<CXXThisExpr>(Member->getBase()->IgnoreParenImpCasts()) ||
           isLongLived(Member->getBase());
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Target))
    if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
      return Var->hasGlobalStorage() && !Var->isStaticLocal();
  return false;
}
} // namespace

bool ClientPerCallCheck::keptBeyondCall(const Expr *E,
                                        const utils::FunctionParents &Parents) {
  const Stmt *Child = nullptr;
  const Stmt *Consumer = Parents.consumer(E, &Child);
  if (!Consumer)
    return false;
  if (isa<ReturnStmt>(Consumer))
    return true;
  if (isa<CXXConstructExpr, CXXNewExpr>(Consumer))
    return keptBeyondCall(cast<Expr>(Consumer), Parents);
  // member_ = std::unique_ptr<Conn>(new Conn(...)), an operator= call.
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Consumer))
    return Op->getOperator() == OO_Equal && isLongLived(Op->getArg(0));
  if (const auto *Call = dyn_cast<CallExpr>(Consumer)) {
    if (utils::isStdMove(Call))
      return keptBeyondCall(Call, Parents);
    // member_.reset(curl_easy_init())
    const auto *Member = dyn_cast<CXXMemberCallExpr>(Call);
    return Member && isLongLived(Member->getImplicitObjectArgument());
  }
  const VarDecl *Var = utils::FunctionParents::initializedBy(Consumer, Child);
  if (const auto *Assign = dyn_cast<BinaryOperator>(Consumer)) {
    // Only the assigned value is kept, not the variable assigned to.
    if (!Assign->isAssignmentOp() || Child != Assign->getRHS())
      return false;
    if (isLongLived(Assign->getLHS()))
      return true;
    Var = assignedLocal(Assign->getLHS());
  }
  if (!Var || Var->isStaticLocal())
    return false;
  if (Var->hasGlobalStorage())
    return true;
  // `a = b; b = a;` must not follow the same variable forever.
  if (!Following.insert(Var).second)
    return false;
  bool Kept = false;
  utils::forEachReference(Parents.body(), Var, [&](const DeclRefExpr *Ref) {
    Kept = Kept || keptBeyondCall(Ref, Parents);
  });
  Following.erase(Var);
  return Kept;
}

namespace {
/// The calls and constructions that run on every call of Function: outside
/// lambdas and static locals' initializers, constructor initializers
/// included (InInitializer: the value initializes a member or base).
void forEachOwnCall(const FunctionDecl &Function,
                    llvm::function_ref<void(const Expr *, bool)> Visit) {
  bool InInitializer = false;
  std::function<void(const Stmt *)> Walk = [&](const Stmt *S) {
    if (!S || isa<LambdaExpr>(S))
      return;
    if (const auto *Decls = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : Decls->decls())
        if (const auto *Var = dyn_cast<VarDecl>(D);
            Var && !Var->isStaticLocal())
          Walk(Var->getInit());
      return;
    }
    if (isa<CallExpr, CXXConstructExpr>(S))
      Visit(cast<Expr>(S), InInitializer);
    for (const Stmt *Child : S->children())
      Walk(Child);
  };
  Walk(Function.getBody());
  InInitializer = true;
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(&Function))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      Walk(Init->getInit());
}

/// The project function a call or construction runs, if any.
const FunctionDecl *projectCallee(const Expr *E) {
  const FunctionDecl *Callee = nullptr;
  if (const auto *Call = dyn_cast<CallExpr>(E))
    Callee = Call->getDirectCallee();
  else if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
    const CXXConstructorDecl *Ctor = Construct->getConstructor();
    if (!Ctor->isCopyOrMoveConstructor())
      Callee = Ctor;
  }
  return Callee && utils::isProjectFunction(*Callee) ? Callee : nullptr;
}

/// A project class with a client effect made by `std::make_unique<T>(...)`
/// or `std::make_shared<T>(...)`: T, and any of its constructors with the
/// effect (the library call hides which one runs).
struct MadeClient {
  const CXXConstructorDecl *Ctor = nullptr;
  QualType Type;
};
MadeClient clientMadeBy(const CallExpr &Make,
                        const ::unbounded::facts::Summaries &Clients) {
  QualType Type = utils::typeMadeBy(Make);
  if (Type.isNull())
    return {};
  const CXXRecordDecl *Record = Type->getAsCXXRecordDecl();
  if (!Record || !Record->hasDefinition())
    return {};
  for (const CXXConstructorDecl *Ctor : Record->ctors())
    if (!Ctor->isCopyOrMoveConstructor() && utils::isProjectFunction(*Ctor) &&
        utils::mayHaveEffect(Clients, *Ctor))
      return {Ctor, Type};
  return {};
}

/// Whether a function returning T may hand its caller the client it made:
/// a pointer, a smart pointer, or a class of its own (not a string).
bool mayReturnClient(QualType T) {
  if (T->isPointerType())
    return true;
  const CXXRecordDecl *Record = T->getAsCXXRecordDecl();
  if (!Record || !Record->getDeclName().isIdentifier())
    return false;
  if (!Record->isInStdNamespace())
    return true;
  return Record->getName() == "unique_ptr" || Record->getName() == "shared_ptr";
}

} // namespace

void ClientPerCallCheck::summarize(
    ::unbounded::facts::Summaries &Clients,
    const std::vector<const FunctionDecl *> &UserFunctions) {
  const SourceManager &SM = Context->getSourceManager();
  for (const Creation &C : Created) {
    ::unbounded::facts::Site Where = ::unbounded::facts::siteAt(
        C.E->getBeginLoc(), SM,
        C.IsHandle ? "the handle from '" + C.What + "' is obtained here"
                   : "'" + C.What + "' is created here");
    Clients.addDirect(*C.Function, C.What, {Where});
    // A member function that keeps a client in its object (`if (!h_) h_ =
    // curl_easy_init();`) makes every object of its class a client.
    const auto *Method = dyn_cast<CXXMethodDecl>(C.Function);
    if (!Method || isa<CXXConstructorDecl>(Method) || Method->isStatic())
      continue;
    for (const CXXConstructorDecl *Ctor : Method->getParent()->ctors())
      if (!Ctor->isCopyOrMoveConstructor() && !Ctor->isDeleted())
        Clients.addDirect(*Ctor, C.What,
                          {::unbounded::facts::siteAt(
                               Ctor->getLocation(), SM,
                               "'" + Method->getParent()->getNameAsString() +
                                   "' keeps a client it obtains in '" +
                                   Method->getNameAsString() + "'"),
                           Where});
  }
  summarizeSocketClasses(Clients, UserFunctions);
  // Implicit constructors construct members too (`struct Backend {
  // HttpClient Http; }`): they join the functions summarized as used.
  std::vector<const FunctionDecl *> Work = UserFunctions;
  llvm::DenseSet<const FunctionDecl *> Seen(Work.begin(), Work.end());
  while (!Work.empty()) {
    const FunctionDecl *Function = Work.back();
    Work.pop_back();
    Clients.addDefinition(*Function);
    forEachOwnCall(*Function, [&](const Expr *E, bool InInitializer) {
      const FunctionDecl *Callee = projectCallee(E);
      if (!Callee)
        return;
      if (Callee->isImplicit() && Callee->hasBody() &&
          Seen.insert(Callee).second)
        Work.push_back(Callee);
      // Only a client kept beyond the call makes every call a new one; one
      // destroyed at the end is reported where it is made, unless it is
      // made in a constructor (then where the objects are made).
      if (!InInitializer && !Function->isImplicit() &&
          !isa<CXXConstructorDecl>(Function) &&
          !keptBeyondCall(E, Functions->parents(*Function)))
        return;
      Clients.addCall(*Function, *Callee, E->getBeginLoc(),
                      "'" + Function->getQualifiedNameAsString() +
                          "' creates it through this call to '" +
                          Callee->getQualifiedNameAsString() + "'");
    });
  }
  Clients.finish();
}

namespace {
/// Whether E is a call of the C library's Name (`socket`, `connect`).
bool isLibcCall(const Expr *E, llvm::StringRef Name) {
  const auto *Call = dyn_cast<CallExpr>(E);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  return Callee && Callee->getDeclName().isIdentifier() &&
         Callee->getName() == Name &&
         Callee->getDeclContext()->getRedeclContext()->isTranslationUnit() &&
         !utils::isProjectFunction(*Callee);
}

/// A call to POSIX connect(2).
bool isPosixConnect(const Expr *E) {
  return isLibcCall(E, "connect") && cast<CallExpr>(E)->getNumArgs() == 3;
}

/// The member an Asio or Beast stream expression names: `socket_`,
/// `*socket_`, `stream_.socket()`, `beast::get_lowest_layer(stream_)`.
const FieldDecl *streamMember(const Expr *E, unsigned Depth = 3) {
  if (!E)
    return nullptr;
  if (const auto *Field = dyn_cast_or_null<FieldDecl>(utils::referencedDecl(E)))
    return Field;
  const auto *Call = dyn_cast<CallExpr>(E->IgnoreParenImpCasts());
  if (!Call || Depth == 0)
    return nullptr;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
    return streamMember(Member->getImplicitObjectArgument(), Depth - 1);
  return Call->getNumArgs() > 0 ? streamMember(Call->getArg(0), Depth - 1)
                                : nullptr;
}

/// A call of Asio or Beast in Function, a member function, that connects a
/// stream its object holds: `socket_.async_connect(endpoint, ...)`,
/// `boost::asio::connect(socket_, endpoints)`,
/// `beast::get_lowest_layer(stream_).async_connect(...)`.
bool connectsMemberStream(const Expr *E, const FunctionDecl &Function) {
  const auto *Method = dyn_cast<CXXMethodDecl>(&Function);
  const auto *Call = dyn_cast<CallExpr>(E);
  if (!Method || !Call)
    return false;
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee || !Callee->getDeclName().isIdentifier() ||
      (Callee->getName() != "connect" && Callee->getName() != "async_connect"))
    return false;
  std::string Name = Callee->getQualifiedNameAsString();
  if (Name.rfind("boost::asio::", 0) != 0 &&
      Name.rfind("boost::beast::", 0) != 0 && Name.rfind("asio::", 0) != 0)
    return false;
  const auto *Member = dyn_cast<CXXMemberCallExpr>(Call);
  const FieldDecl *Stream =
      Member ? streamMember(Member->getImplicitObjectArgument())
      : Call->getNumArgs() > 0 ? streamMember(Call->getArg(0))
                               : nullptr;
  return Stream && Stream->getParent()->getCanonicalDecl() ==
                       Method->getParent()->getCanonicalDecl();
}

/// A call that opens a database connection into an out-parameter
/// (`sqlite3_open(path, &db_)`).
bool isDatabaseOpen(const Expr *E) {
  return isLibcCall(E, "sqlite3_open") || isLibcCall(E, "sqlite3_open_v2") ||
         isLibcCall(E, "sqlite3_open16");
}

/// Whether Ctor adopts a descriptor it is given: an integer parameter
/// stored into a member (`explicit Socket(int fd) : fd_(fd) {}`), as a
/// wrapper of an accepted connection is built. It opens nothing itself.
bool adoptsDescriptor(const CXXConstructorDecl &Declared) {
  const auto *Ctor =
      dyn_cast_or_null<CXXConstructorDecl>(Declared.getDefinition());
  if (!Ctor)
    return false;
  auto NamesDescriptor = [&](const Stmt *S) {
    return utils::anyStmt(S, [](const Stmt *Node) {
      const auto *Ref = dyn_cast<DeclRefExpr>(Node);
      const auto *Parm = Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
      return Parm && Parm->getType()->isIntegerType() &&
             !Parm->getType()->isBooleanType();
    });
  };
  for (const CXXCtorInitializer *Init : Ctor->inits())
    if (Init->isMemberInitializer() && Init->isWritten() &&
        NamesDescriptor(Init->getInit()))
      return true;
  return utils::anyStmt(Ctor->getBody(), [&](const Stmt *Node) {
    const auto *Assign = dyn_cast<BinaryOperator>(Node);
    return Assign && Assign->getOpcode() == BO_Assign &&
           isa_and_nonnull<FieldDecl>(
               utils::referencedDecl(Assign->getLHS())) &&
           NamesDescriptor(Assign->getRHS());
  });
}
} // namespace

void ClientPerCallCheck::summarizeSocketClasses(
    ::unbounded::facts::Summaries &Clients,
    const std::vector<const FunctionDecl *> &UserFunctions) {
  // A class whose member functions connect sockets or open a database,
  // themselves or through helpers of this file (`dial`), owns connections:
  // every object of it is a client with its own connections.
  llvm::DenseMap<const FunctionDecl *, const Expr *> Connects;
  for (const FunctionDecl *Function : UserFunctions)
    forEachOwnCall(*Function, [&](const Expr *E, bool) {
      if (isPosixConnect(E) || isDatabaseOpen(E) ||
          connectsMemberStream(E, *Function))
        Connects.try_emplace(Function->getCanonicalDecl(), E);
    });
  for (bool Changed = !Connects.empty(); Changed;) {
    Changed = false;
    for (const FunctionDecl *Function : UserFunctions)
      forEachOwnCall(*Function, [&](const Expr *E, bool) {
        const FunctionDecl *Callee = projectCallee(E);
        auto Found =
            Callee ? Connects.find(Callee->getCanonicalDecl()) : Connects.end();
        if (Found != Connects.end() &&
            Connects.try_emplace(Function->getCanonicalDecl(), Found->second)
                .second)
          Changed = true;
      });
  }
  const SourceManager &SM = Context->getSourceManager();
  llvm::DenseSet<const CXXRecordDecl *> Done;
  for (const FunctionDecl *Function : UserFunctions) {
    const auto *Method = dyn_cast<CXXMethodDecl>(Function);
    auto Found = Connects.find(Function->getCanonicalDecl());
    if (!Method || Method->isStatic() || Found == Connects.end())
      continue;
    std::string Opener =
        cast<CallExpr>(Found->second)->getDirectCallee()->getNameAsString();
    std::vector<::unbounded::facts::Site> Chain = {
        ::unbounded::facts::siteAt(Method->getLocation(), SM,
                                   "'" + Method->getQualifiedNameAsString() +
                                       "' opens the object's connections"),
        ::unbounded::facts::siteAt(Found->second->getBeginLoc(), SM,
                                   "a connection is opened here by '" + Opener +
                                       "'")};
    // A constructor that opens a database makes its own objects clients
    // (one that connects a socket it creates is judged as that creation).
    if (const auto *Opening = dyn_cast<CXXConstructorDecl>(Method)) {
      if (!isPosixConnect(Found->second))
        Clients.addDirect(*Opening, Opener, Chain);
      continue;
    }
    if (!Done.insert(Method->getParent()).second)
      continue;
    for (const CXXConstructorDecl *Ctor : Method->getParent()->ctors())
      if (!Ctor->isCopyOrMoveConstructor() && !Ctor->isDeleted() &&
          !adoptsDescriptor(*Ctor))
        Clients.addDirect(*Ctor, Opener, Chain);
  }
}

utils::ExecutionContext
ClientPerCallCheck::contextOf(const Expr *E,
                              const utils::FunctionParents &Parents) const {
  return Analysis.of(*Context).Requests.enclosing(E, Parents);
}

void ClientPerCallCheck::judgeConstruction(
    const Expr &Made, const CXXConstructorDecl &Ctor, QualType Type,
    const utils::FunctionParents &Parents,
    const ::unbounded::facts::Summaries &Clients) {
  if (!utils::mayHaveEffect(Clients, Ctor) ||
      !fateOfValue(&Made, "", Parents).PerCall)
    return;
  utils::ExecutionContext Where = contextOf(&Made, Parents);
  if (Where.Kind == ContextKind::None && runsAFewTimes(&Made, Parents))
    return;
  reportClient(Made.getBeginLoc(), Ctor,
               "'" + utils::spelledType(Type) + "' is created on every " +
                   scopeText(Where, Parents.function()) +
                   " and destroyed at its end: it opens its own connections",
               Where, Clients);
}

void ClientPerCallCheck::judgeCall(
    const CallExpr &Call, const utils::FunctionParents &Parents,
    const ::unbounded::facts::Summaries &Clients) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!utils::mayHaveEffect(Clients, *Callee))
    return;
  // `conn->connect()` keeps the client in conn: a new one per call of the
  // caller only if conn is, and then its construction is reported.
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
      Method && !Method->isStatic() &&
      !mayReturnClient(Callee->getReturnType()))
    return;
  utils::ExecutionContext Where = contextOf(&Call, Parents);
  bool Returns = mayReturnClient(Callee->getReturnType());
  std::string Release = Returns ? releaseOfResult(Call, Parents) : "";
  // `redisContext *conn = connect(); ...; redisFree(conn);`: a handle from
  // the project's factory that the caller releases is a client per call,
  // loop or not, exactly like the library call it wraps.
  if (Where.Kind == ContextKind::None &&
      (Release.empty() || runsAFewTimes(&Call, Parents)))
    return;
  // A pool topped up only below its maximum (`cv.wait(lock, [&] { return
  // size() < max; }); add();`) holds at most that many.
  if (Analysis.of(*Context).Limiter.findLimiter(&Call, Where.Scope, Parents))
    return;
  // A client handed back and kept (`pool.add(connect())`) is not per call.
  if (Returns && !fateOfValue(&Call, Release, Parents).PerCall)
    return;
  reportClient(Call.getExprLoc(), *Callee,
               "call to '" + Callee->getQualifiedNameAsString() +
                   "' creates a client on every " +
                   scopeText(Where, Parents.function()) +
                   ": each one opens its own connections",
               Where, Clients);
}

std::string ClientPerCallCheck::releaseOfResult(
    const CallExpr &Call, const utils::FunctionParents &Parents) const {
  const Stmt *Child = nullptr;
  const Stmt *Consumer = Parents.consumer(&Call, &Child);
  const VarDecl *Handle =
      utils::FunctionParents::initializedBy(Consumer, Child);
  if (!Handle)
    return "";
  for (const utils::ClientFactory &Made : Libraries.Factories)
    if (!Made.Release.empty() &&
        utils::anyStmt(Parents.body(), [&](const Stmt *S) {
          return releaseOf(S, Made.Release, Handle) != nullptr;
        }))
      return Made.Release;
  return "";
}

void ClientPerCallCheck::reportClient(
    SourceLocation Loc, const FunctionDecl &Callee, const std::string &What,
    const utils::ExecutionContext &Where,
    const ::unbounded::facts::Summaries &Clients) {
  if (Reported.alreadyReported(Loc))
    return;
  utils::reportCall(
      *this, Clients, Callee,
      utils::callFinding(Loc,
                         What + " through '" +
                             ::unbounded::facts::DetailPlaceholder.str() +
                             "' (create one shared client, configured with "
                             "connection limits, and reuse it)",
                         Where, Analysis.of(*Context).Bounds));
}

void ClientPerCallCheck::judgeCalls(
    const FunctionDecl &Function, const Stmt *S,
    const ::unbounded::facts::Summaries &Clients) {
  if (!S)
    return;
  if (const auto *E = dyn_cast<Expr>(S); E && projectCallee(E)) {
    const utils::FunctionParents &Parents = Functions->parents(Function);
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(E))
      judgeConstruction(*Construct, *Construct->getConstructor(),
                        Construct->getType(), Parents, Clients);
    else
      judgeCall(*cast<CallExpr>(E), Parents, Clients);
  } else if (const auto *Make = dyn_cast<CallExpr>(S)) {
    if (MadeClient Made = clientMadeBy(*Make, Clients); Made.Ctor)
      judgeConstruction(*Make, *Made.Ctor, Made.Type,
                        Functions->parents(Function), Clients);
  }
  for (const Stmt *Child : S->children())
    judgeCalls(Function, Child, Clients);
}

/// The call of Function that connects the descriptor in Fd: `connect(fd,
/// ...)`, or a call of a function of this file that connects the parameter
/// it is given (`connect_to_host(fd, url)`), to Depth levels; or nullptr.
static const CallExpr *connectionOf(const FunctionDecl &Function,
                                    const ValueDecl *Fd, unsigned Depth) {
  const CallExpr *Connects = nullptr;
  forEachOwnCall(Function, [&](const Expr *E, bool) {
    const auto *Call = dyn_cast<CallExpr>(E);
    if (Connects || !Call || Call->getNumArgs() == 0)
      return;
    if (isPosixConnect(E)) {
      if (utils::referencedDecl(Call->getArg(0)) == Fd)
        Connects = Call;
      return;
    }
    const FunctionDecl *Callee = Call->getDirectCallee();
    const FunctionDecl *Body = Callee ? Callee->getDefinition() : nullptr;
    if (Depth == 0 || !Body || !utils::isProjectFunction(*Body))
      return;
    for (unsigned I = 0; I < Call->getNumArgs() && I < Body->getNumParams();
         ++I)
      if (utils::referencedDecl(Call->getArg(I)) == Fd &&
          connectionOf(*Body, Body->getParamDecl(I), Depth - 1)) {
        Connects = Call;
        return;
      }
  });
  return Connects;
}

void ClientPerCallCheck::judgeSockets(
    const std::vector<const FunctionDecl *> &UserFunctions) {
  // int fd = socket(...); connect(fd, ...);  a connection of its own, as a
  // client library's handle would be: released by close().
  for (const FunctionDecl *Function : UserFunctions)
    forEachOwnCall(*Function, [&](const Expr *E, bool) {
      if (!isLibcCall(E, "socket"))
        return;
      const utils::FunctionParents &Parents = Functions->parents(*Function);
      const Stmt *Child = nullptr;
      const Stmt *Consumer = Parents.consumer(E, &Child);
      const VarDecl *Fd =
          utils::FunctionParents::initializedBy(Consumer, Child);
      if (const auto *Assign = dyn_cast_or_null<BinaryOperator>(Consumer);
          Assign && Assign->isAssignmentOp())
        Fd = assignedLocal(Assign->getLHS());
      if (const CallExpr *Connect =
              Fd ? connectionOf(*Function, Fd, /*Depth=*/2) : nullptr)
        onCreation(E, "socket", /*IsHandle=*/true, "::close", Connect);
    });
}

void ClientPerCallCheck::onEndOfTranslationUnit() {
  if (!Context) {
    Created.clear();
    return;
  }
  if (!Functions)
    Functions = std::make_unique<utils::FunctionIndex>(*Context);
  std::vector<const FunctionDecl *> UserFunctions = Functions->userFunctions();
  ::unbounded::facts::Summaries Clients(*Context, "client", ProjectFacts);
  judgeSockets(UserFunctions);
  summarize(Clients, UserFunctions);
  for (const FunctionDecl *Function : UserFunctions)
    if (!Function->isMain())
      judgeCalls(*Function, Function->getBody(), Clients);
  Created.clear();
  Functions.reset();
  Analysis.reset();
  Context = nullptr;
}

} // namespace clang::tidy::unbounded
