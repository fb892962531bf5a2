//===- ThreadStarts.cpp - where a thread of execution starts --------------===//

#include "utils/ThreadStarts.h"
#include "utils/AstNavigation.h"
#include "utils/Matchers.h"
#include "utils/Names.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"

using namespace clang::ast_matchers;

namespace clang::tidy::unbounded::utils {

namespace {

const CXXRecordDecl *firstTemplateArgument(const TemplateArgumentList *Args) {
  if (!Args || Args->size() == 0 ||
      Args->get(0).getKind() != TemplateArgument::Type)
    return nullptr;
  return Args->get(0).getAsType()->getAsCXXRecordDecl();
}

} // namespace

namespace {

/// The matchers that find thread starts: a construction of a thread class,
/// and every call that starts a thread (each binds its own name).
struct StartMatchers {
  std::optional<ast_matchers::internal::Matcher<CXXConstructExpr>> Construct;
  std::optional<ast_matchers::internal::Matcher<CallExpr>> Call;
};

StartMatchers threadStartMatchers(const ThreadStartNames &Names) {
  auto Named = [](const std::vector<std::string> &List) {
    return functionDecl(hasAnyName(stringRefs(List)));
  };
  StartMatchers Result;
  std::vector<ast_matchers::internal::DynTypedMatcher> Calls;
  if (!Names.ThreadClasses.empty()) {
    auto ThreadClass =
        cxxRecordDecl(hasAnyName(stringRefs(Names.ThreadClasses)));
    auto ThreadType = qualType(
        hasUnqualifiedDesugaredType(recordType(hasDeclaration(ThreadClass))));
    Result.Construct = hasDeclaration(cxxConstructorDecl(
        ofClass(ThreadClass), unless(isCopyConstructor()),
        unless(isMoveConstructor()), unless(isDefaultConstructor())));
    Calls.push_back(cxxMemberCallExpr(
                        callee(cxxMethodDecl(hasAnyName(
                            "emplace_back", "emplace", "emplace_front"))),
                        thisPointerType(classTemplateSpecializationDecl(
                            hasTemplateArgument(0, refersToType(ThreadType)))),
                        hasArgument(0, expr()))
                        .bind("emplace"));
    Calls.push_back(
        callExpr(
            makesInstanceOf(ThreadClass,
                            {"::std::make_unique", "::std::make_shared",
                             "::boost::make_shared", "::boost::make_unique"}),
            hasArgument(0, expr()))
            .bind("make"));
  }
  if (!Names.AsyncFunctions.empty())
    Calls.push_back(
        callExpr(callee(Named(Names.AsyncFunctions))).bind("async"));
  if (!Names.CreateFunctions.empty())
    Calls.push_back(
        callExpr(callee(Named(Names.CreateFunctions))).bind("create"));
  if (!Names.DetachedSpawnFunctions.empty())
    Calls.push_back(
        callExpr(callee(Named(Names.DetachedSpawnFunctions))).bind("detached"));
  if (!Names.GroupStartFunctions.empty())
    Calls.push_back(
        cxxMemberCallExpr(callee(cxxMethodDecl(hasAnyName(
                              stringRefs(Names.GroupStartFunctions)))))
            .bind("group"));
  if (!Calls.empty())
    Result.Call =
        ast_matchers::internal::DynTypedMatcher::constructVariadic(
            ast_matchers::internal::DynTypedMatcher::VO_AnyOf,
            ASTNodeKind::getFromNodeKind<CallExpr>(), std::move(Calls))
            .unconditionalConvertTo<CallExpr>();
  return Result;
}

} // namespace

void registerThreadStartMatchers(MatchFinder &Finder,
                                 MatchFinder::MatchCallback &Check,
                                 const ThreadStartNames &Names) {
  // Each matcher tests names first and the location last: most nodes of a
  // translation unit are in headers, and a name comparison rejects them
  // more cheaply than a source-location lookup.
  auto InUserCode = unless(isExpansionInSystemHeader());
  StartMatchers Matchers = threadStartMatchers(Names);
  if (Matchers.Construct)
    Finder.addMatcher(
        cxxConstructExpr(*Matchers.Construct, InUserCode).bind("construct"),
        &Check);
  if (Matchers.Call)
    Finder.addMatcher(callExpr(*Matchers.Call, InUserCode), &Check);
}

std::optional<ThreadStart>
threadStartAt(const Expr &E, const ThreadStartNames &Names, ASTContext &Ctx) {
  StartMatchers Matchers = threadStartMatchers(Names);
  llvm::SmallVector<BoundNodes, 1> Found;
  if (Matchers.Construct && isa<CXXConstructExpr>(E))
    Found = ast_matchers::match(
        cxxConstructExpr(*Matchers.Construct).bind("construct"), E, Ctx);
  else if (Matchers.Call && isa<CallExpr>(E))
    Found = ast_matchers::match(callExpr(*Matchers.Call), E, Ctx);
  for (const BoundNodes &Nodes : Found)
    if (std::optional<ThreadStart> Start = threadStartOf(Nodes, Names))
      return Start;
  return std::nullopt;
}

std::optional<ThreadStart> threadStartOf(const MatchFinder::MatchResult &Result,
                                         const ThreadStartNames &Names) {
  return threadStartOf(Result.Nodes, Names);
}

std::optional<ThreadStart> threadStartOf(const BoundNodes &Nodes,
                                         const ThreadStartNames &Names) {
  auto Joins = [&](const NamedDecl *Class) {
    return isNamedAnyOf(Class, Names.JoiningThreadClasses);
  };
  if (const auto *Construct = Nodes.getNodeAs<CXXConstructExpr>("construct")) {
    const CXXRecordDecl *Class = Construct->getConstructor()->getParent();
    return ThreadStart{Construct, SpawnKind::ThreadObject, Joins(Class),
                       Class->getQualifiedNameAsString()};
  }
  if (const auto *Emplace = Nodes.getNodeAs<CXXMemberCallExpr>("emplace")) {
    const auto *Container =
        dyn_cast<ClassTemplateSpecializationDecl>(Emplace->getRecordDecl());
    const CXXRecordDecl *Thread =
        Container ? firstTemplateArgument(&Container->getTemplateArgs())
                  : nullptr;
    // emplace_back(std::move(t)) moves a thread that already runs.
    if (!Thread ||
        (Emplace->getNumArgs() == 1 &&
         Emplace->getArg(0)->getType()->getAsCXXRecordDecl() == Thread))
      return std::nullopt;
    return ThreadStart{Emplace, SpawnKind::ThreadInPlace, Joins(Thread),
                       Thread->getQualifiedNameAsString()};
  }
  if (const auto *Make = Nodes.getNodeAs<CallExpr>("make")) {
    const CXXRecordDecl *Thread = firstTemplateArgument(
        Make->getDirectCallee()->getTemplateSpecializationArgs());
    if (!Thread)
      return std::nullopt;
    return ThreadStart{Make, SpawnKind::ThreadPointer, Joins(Thread),
                       Thread->getQualifiedNameAsString()};
  }
  if (const auto *Async = Nodes.getNodeAs<CallExpr>("async")) {
    // std::async(std::launch::deferred, f) runs f in the caller.
    if (Async->getNumArgs() >= 1)
      if (const auto *Policy =
              dyn_cast<DeclRefExpr>(ignoreWrappers(Async->getArg(0))))
        if (isa<EnumConstantDecl>(Policy->getDecl()) &&
            Policy->getDecl()->getName() == "deferred")
          return std::nullopt;
    return ThreadStart{Async, SpawnKind::Future, true,
                       Async->getDirectCallee()->getQualifiedNameAsString()};
  }
  if (const auto *Group = Nodes.getNodeAs<CXXMemberCallExpr>("group"))
    return ThreadStart{Group, SpawnKind::ThreadInPlace, false,
                       Group->getMethodDecl()->getQualifiedNameAsString()};
  if (const auto *Create = Nodes.getNodeAs<CallExpr>("create"))
    return ThreadStart{Create, SpawnKind::Handle, false,
                       Create->getDirectCallee()->getQualifiedNameAsString()};
  if (const auto *Detached = Nodes.getNodeAs<CallExpr>("detached"))
    return ThreadStart{Detached, SpawnKind::Detached, false,
                       Detached->getDirectCallee()->getQualifiedNameAsString()};
  return std::nullopt;
}

/// The function Callable names: `&C::f`, `f`, or a lambda's call operator.
static const FunctionDecl *calledFunction(const Expr *Callable) {
  Callable = ignoreWrappers(Callable);
  if (const auto *Unary = dyn_cast<UnaryOperator>(Callable);
      Unary && Unary->getOpcode() == UO_AddrOf)
    Callable = ignoreWrappers(Unary->getSubExpr());
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Callable))
    if (const auto *Function = dyn_cast<FunctionDecl>(Ref->getDecl()))
      return Function->getDefinition();
  if (const auto *Lambda = dyn_cast<LambdaExpr>(Callable))
    return Lambda->getCallOperator();
  return nullptr;
}

const FunctionDecl *threadFunction(const ThreadStart &Start) {
  const auto *Call = dyn_cast<CallExpr>(Start.E);
  const auto *Construct = dyn_cast<CXXConstructExpr>(Start.E);
  switch (Start.Kind) {
  case SpawnKind::ThreadObject:
    return Construct && Construct->getNumArgs() > 0
               ? calledFunction(Construct->getArg(0))
               : nullptr;
  case SpawnKind::ThreadInPlace:
  case SpawnKind::ThreadPointer:
  case SpawnKind::Detached:
    return Call && Call->getNumArgs() > 0 ? calledFunction(Call->getArg(0))
                                          : nullptr;
  case SpawnKind::Future: {
    if (!Call || Call->getNumArgs() == 0)
      return nullptr;
    // std::async(policy, f, ...) or std::async(f, ...).
    bool HasPolicy = Call->getArg(0)->getType()->isEnumeralType();
    unsigned Index = HasPolicy ? 1 : 0;
    return Call->getNumArgs() > Index ? calledFunction(Call->getArg(Index))
                                      : nullptr;
  }
  case SpawnKind::Handle:
    return Call && Call->getNumArgs() > 2 ? calledFunction(Call->getArg(2))
                                          : nullptr;
  }
  return nullptr;
}

} // namespace clang::tidy::unbounded::utils
