//===- ClientLimitsCheck.cpp - unbounded-client-limits --------------------===//

#include "ClientLimitsCheck.h"
#include "utils/AstNavigation.h"
#include "utils/Matchers.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::unbounded {

using Library = ClientLimitsCheck::Library;

namespace {

/// The variable or member an expression of the handle names.
bool names(const Expr *E, const ValueDecl &Handle) {
  return utils::referencedDecl(E) == &Handle;
}

llvm::StringRef calleeName(const CallExpr *Call) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  return Callee && Callee->getDeclName().isIdentifier() ? Callee->getName()
                                                        : "";
}

/// Whether Arg names an enumerator among Names.
bool isEnumerator(const Expr *Arg,
                  std::initializer_list<llvm::StringRef> Names) {
  const auto *Ref = dyn_cast<DeclRefExpr>(utils::ignoreWrappers(Arg));
  const auto *Enumerator =
      Ref ? dyn_cast<EnumConstantDecl>(Ref->getDecl()) : nullptr;
  return Enumerator && llvm::is_contained(Names, Enumerator->getName());
}

/// Whether Call sets the limit Kind's library offers on Handle.
bool setsLimit(const CallExpr *Call, const ValueDecl &Handle, Library Kind) {
  switch (Kind) {
  case Library::CurlMulti:
    return calleeName(Call) == "curl_multi_setopt" && Call->getNumArgs() >= 2 &&
           names(Call->getArg(0), Handle) &&
           isEnumerator(Call->getArg(1), {"CURLMOPT_MAX_TOTAL_CONNECTIONS",
                                          "CURLMOPT_MAX_HOST_CONNECTIONS"});
  case Library::HttplibServer: {
    // server.new_task_queue = [] { return new BoundedQueue(...); };
    const auto *Assign = dyn_cast<CXXOperatorCallExpr>(Call);
    const auto *Member =
        Assign && Assign->getOperator() == OO_Equal
            ? dyn_cast<MemberExpr>(utils::ignoreWrappers(Assign->getArg(0)))
            : nullptr;
    return Member && Member->getMemberDecl()->getName() == "new_task_queue" &&
           names(Member->getBase(), Handle);
  }
  case Library::GrpcServerBuilder: {
    const auto *Method = dyn_cast<CXXMemberCallExpr>(Call);
    if (!Method || !names(Method->getImplicitObjectArgument(), Handle))
      return false;
    llvm::StringRef Name = calleeName(Call);
    return Name == "SetResourceQuota" ||
           (Name == "SetSyncServerOption" && Call->getNumArgs() >= 1 &&
            isEnumerator(Call->getArg(0), {"MAX_POLLERS"}));
  }
  }
  return false;
}

/// Whether Call is how Kind's handle is put to work.
bool starts(const CallExpr *Call, const ValueDecl &Handle, Library Kind) {
  const auto *Method = dyn_cast<CXXMemberCallExpr>(Call);
  llvm::StringRef Name = calleeName(Call);
  switch (Kind) {
  case Library::CurlMulti:
    return Name == "curl_multi_add_handle" && Call->getNumArgs() >= 1 &&
           names(Call->getArg(0), Handle);
  case Library::HttplibServer:
    return Method && names(Method->getImplicitObjectArgument(), Handle) &&
           (Name == "listen" || Name == "bind_to_port" ||
            Name == "listen_after_bind");
  case Library::GrpcServerBuilder:
    return Method && names(Method->getImplicitObjectArgument(), Handle) &&
           Name == "BuildAndStart";
  }
  return false;
}

/// Whether Call hands the handle to code that may configure it.
bool handsOver(const CallExpr *Call, const ValueDecl &Handle, Library Kind) {
  if (Kind == Library::CurlMulti && calleeName(Call).starts_with("curl_multi_"))
    return false;
  return llvm::any_of(Call->arguments(), [&](const Expr *Arg) {
    const Expr *Inner = utils::ignoreWrappers(Arg);
    if (const auto *Address = dyn_cast<UnaryOperator>(Inner);
        Address && Address->getOpcode() == UO_AddrOf)
      Inner = Address->getSubExpr();
    return names(Inner, Handle);
  });
}

} // namespace

void ClientLimitsCheck::registerMatchers(MatchFinder *Finder) {
  auto InUserCode = unless(isExpansionInSystemHeader());
  Finder->addMatcher(
      callExpr(callee(functionDecl(hasName("::curl_multi_init"))), InUserCode)
          .bind("multi"),
      this);
  auto Server =
      cxxRecordDecl(hasAnyName("::httplib::Server", "::httplib::SSLServer"));
  auto Builder = cxxRecordDecl(hasName("::grpc::ServerBuilder"));
  Finder->addMatcher(
      varDecl(InUserCode, hasLocalStorage(),
              hasType(qualType(hasUnqualifiedDesugaredType(recordType(
                  hasDeclaration(cxxRecordDecl(anyOf(Server, Builder))))))))
          .bind("local"),
      this);
  // redis++'s client, built from a URI or from ConnectionOptions.
  auto RedisClient = cxxRecordDecl(hasName("::sw::redis::Redis"));
  Finder->addMatcher(
      cxxConstructExpr(InUserCode,
                       hasDeclaration(cxxConstructorDecl(
                           ofClass(RedisClient), unless(isCopyConstructor()),
                           unless(isMoveConstructor()))))
          .bind("redis"),
      this);
  Finder->addMatcher(callExpr(InUserCode, utils::makesInstanceOf(RedisClient))
                         .bind("makeRedis"),
                     this);
  // A server member, held by value or by pointer (`svr = new
  // httplib::SSLServer(...)` in the constructor).
  Finder->addMatcher(
      fieldDecl(InUserCode,
                hasType(qualType(anyOf(hasUnqualifiedDesugaredType(
                                           recordType(hasDeclaration(Server))),
                                       pointsTo(Server)))))
          .bind("field"),
      this);
}

void ClientLimitsCheck::check(const MatchFinder::MatchResult &Result) {
  Context = Result.Context;
  if (!Functions || &Functions->context() != Context)
    Functions = std::make_unique<utils::FunctionIndex>(*Context);
  if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>("multi")) {
    const utils::FunctionParents *Parents = Functions->enclosing(Call);
    const Stmt *Child = nullptr;
    const Stmt *Consumer = Parents ? Parents->consumer(Call, &Child) : nullptr;
    const ValueDecl *Handle =
        utils::FunctionParents::initializedBy(Consumer, Child);
    if (const auto *Assign = dyn_cast_or_null<BinaryOperator>(Consumer);
        !Handle && Assign && Assign->isAssignmentOp())
      Handle = utils::referencedDecl(Assign->getLHS());
    // Downloader() : multi_(curl_multi_init()) {}
    if (const auto *Ctor = dyn_cast_or_null<CXXConstructorDecl>(
            Parents ? nullptr : Functions->writtenFunctionOf(Call)))
      for (const CXXCtorInitializer *Init : Ctor->inits())
        if (Init->getMember() && utils::ignoreWrappers(Init->getInit()) == Call)
          Handle = Init->getMember();
    if (Handle)
      checkHandle(*Handle, Call, Library::CurlMulti);
    return;
  }
  if (const auto *Var = Result.Nodes.getNodeAs<VarDecl>("local")) {
    const CXXRecordDecl *Class = Var->getType()->getAsCXXRecordDecl();
    checkHandle(*Var, nullptr,
                Class->getName() == "ServerBuilder" ? Library::GrpcServerBuilder
                                                    : Library::HttplibServer);
    return;
  }
  if (const auto *Field = Result.Nodes.getNodeAs<FieldDecl>("field")) {
    checkHandle(*Field, nullptr, Library::HttplibServer);
    return;
  }
  if (const auto *Redis = Result.Nodes.getNodeAs<CXXConstructExpr>("redis")) {
    checkRedis(Redis->getBeginLoc(), {Redis->getArgs(), Redis->getNumArgs()});
    return;
  }
  if (const auto *Make = Result.Nodes.getNodeAs<CallExpr>("makeRedis"))
    checkRedis(Make->getBeginLoc(), {Make->getArgs(), Make->getNumArgs()});
}

void ClientLimitsCheck::checkRedis(SourceLocation Loc,
                                   llvm::ArrayRef<const Expr *> Args) {
  if (Args.empty() || isa<CXXDefaultArgExpr>(Args.front()))
    return;
  const Expr *First = utils::ignoreWrappers(Args.front());
  if (const auto *Copy = dyn_cast<CXXConstructExpr>(First);
      Copy && Copy->getNumArgs() >= 1)
    First = utils::ignoreWrappers(Copy->getArg(0));
  bool Bounded = true;
  // Redis("tcp://host:6379"): a URI sets timeouts in its query.
  if (const auto *Uri = dyn_cast<StringLiteral>(First))
    Bounded = Uri->getString().contains("socket_timeout");
  // Redis(options, pool): options.socket_timeout set before.
  else if (const auto *Options =
               dyn_cast_or_null<VarDecl>(utils::referencedDecl(First));
           Options && Options->hasLocalStorage())
    Bounded = setsSocketTimeout(*Options);
  if (Bounded)
    return;
  diag(Loc,
       "'sw::redis::Redis' is set up without a socket timeout: one stalled "
       "Redis server blocks every caller, and every connection of the pool, "
       "for as long as it stalls (set ConnectionOptions::socket_timeout and "
       "connect_timeout, or socket_timeout= in the URI, and "
       "ConnectionPoolOptions::wait_timeout)");
}

bool ClientLimitsCheck::setsSocketTimeout(const VarDecl &Options) const {
  const auto *Function = dyn_cast<FunctionDecl>(Options.getDeclContext());
  return Function && utils::anyStmt(Function->getBody(), [&](const Stmt *S) {
           const auto *Member = dyn_cast<MemberExpr>(S);
           return Member &&
                  utils::referencedDecl(Member->getBase()) == &Options &&
                  Member->getMemberDecl()->getDeclName().isIdentifier() &&
                  Member->getMemberDecl()->getName() == "socket_timeout";
         });
}

bool ClientLimitsCheck::configuredIn(const FunctionDecl &Function,
                                     const ValueDecl &Handle, Library Kind,
                                     bool &Escapes, bool &Started) const {
  bool Limited = false;
  auto Visit = [&](const Stmt *S) {
    const auto *Call = dyn_cast<CallExpr>(S);
    if (!Call)
      return false;
    Limited |= setsLimit(Call, Handle, Kind);
    Started |= starts(Call, Handle, Kind);
    Escapes |= handsOver(Call, Handle, Kind);
    return false;
  };
  utils::anyStmt(Function.getBody(), Visit);
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(&Function))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      utils::anyStmt(Init->getInit(), Visit);
  // Returned to the caller: configured there.
  Escapes |= utils::anyStmt(Function.getBody(), [&](const Stmt *S) {
    const auto *Return = dyn_cast<ReturnStmt>(S);
    return Return && Return->getRetValue() &&
           names(Return->getRetValue(), Handle);
  });
  return Limited;
}

void ClientLimitsCheck::checkHandle(const ValueDecl &Handle,
                                    const Expr *Creation, Library Kind) {
  // Where its configuration can be seen: the function declaring a local,
  // or every member function of the class holding a member.
  std::vector<const FunctionDecl *> Scope;
  if (const auto *Field = dyn_cast<FieldDecl>(&Handle)) {
    if (const auto *Class = dyn_cast<CXXRecordDecl>(Field->getParent()))
      for (const CXXMethodDecl *Method : Class->methods())
        if (Method->hasBody())
          Scope.push_back(Method);
  } else if (const auto *Var = dyn_cast<VarDecl>(&Handle);
             Var && Var->hasLocalStorage()) {
    if (const auto *Function =
            dyn_cast_or_null<FunctionDecl>(Var->getParentFunctionOrMethod()))
      Scope.push_back(Function);
  }
  if (Scope.empty())
    return;
  bool Escapes = false;
  bool Started = false;
  for (const FunctionDecl *Function : Scope)
    if (configuredIn(*Function, Handle, Kind, Escapes, Started))
      return;
  // Stay quiet unless the whole set-up is visible here.
  if (Escapes || !Started || !Reported.insert(&Handle).second)
    return;
  SourceLocation Loc =
      Creation ? Creation->getBeginLoc() : Handle.getLocation();
  switch (Kind) {
  case Library::CurlMulti:
    diag(Loc,
         "libcurl multi handle '%0' is used without "
         "CURLMOPT_MAX_TOTAL_CONNECTIONS or CURLMOPT_MAX_HOST_CONNECTIONS: "
         "it opens as many connections as it has transfers (cap both with "
         "curl_multi_setopt)")
        << Handle.getName();
    return;
  case Library::HttplibServer:
    diag(Loc, "'httplib::Server' '%0' listens with its default task queue, "
              "which queues requests without bound behind its thread pool "
              "(set new_task_queue to a queue with a maximum length that "
              "rejects when full)")
        << Handle.getName();
    return;
  case Library::GrpcServerBuilder:
    diag(Loc, "gRPC server built by '%0' without a resource quota or "
              "MAX_POLLERS: nothing caps its threads (SetResourceQuota("
              "grpc::ResourceQuota().SetMaxThreads(n)))")
        << Handle.getName();
    return;
  }
}

void ClientLimitsCheck::onEndOfTranslationUnit() { Functions.reset(); }

} // namespace clang::tidy::unbounded
