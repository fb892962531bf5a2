//===- FunctionParents.cpp - parents within one function body -------------===//

#include "utils/FunctionParents.h"
#include "utils/AstNavigation.h"
#include "utils/LoopBounds.h"
#include "utils/Names.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::unbounded::utils {

FunctionParents::FunctionParents(const FunctionDecl &Function)
    : Function(Function) {
  if (Stmt *Body = Function.getBody())
    Map = std::make_unique<ParentMap>(Body);
}

const Stmt *FunctionParents::parent(const Stmt *S) const {
  if (!Map || !S)
    return nullptr;
  return Map->getParent(const_cast<Stmt *>(S));
}

static bool isWrapper(const Stmt *S) {
  if (isa_and_nonnull<ParenExpr, ImplicitCastExpr, ExprWithCleanups,
                      MaterializeTemporaryExpr, CXXBindTemporaryExpr,
                      CXXFunctionalCastExpr>(S))
    return true;
  // An elidable copy or move of a temporary, as C++14 mode still shows.
  const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(S);
  return Construct && Construct->isElidable();
}

const Stmt *FunctionParents::consumer(const Stmt *E, const Stmt **Child) const {
  const Stmt *Below = E;
  const Stmt *Above = parent(E);
  while (isWrapper(Above)) {
    Below = Above;
    Above = parent(Above);
  }
  if (Child)
    *Child = Below;
  return Above;
}

const VarDecl *FunctionParents::initializedBy(const Stmt *Parent,
                                              const Stmt *Init) {
  const auto *Decls = dyn_cast_or_null<DeclStmt>(Parent);
  if (!Decls)
    return nullptr;
  for (const Decl *D : Decls->decls())
    if (const auto *Var = dyn_cast<VarDecl>(D); Var && Var->getInit() == Init)
      return Var;
  return nullptr;
}

const FunctionParents &FunctionIndex::parents(const FunctionDecl &Function) {
  std::unique_ptr<FunctionParents> &Entry = Built[&Function];
  if (!Entry)
    Entry = std::make_unique<FunctionParents>(Function);
  return *Entry;
}

/// The declaration a template stands for.
static const Decl *templated(const Decl *D) {
  if (const auto *Template = dyn_cast<TemplateDecl>(D))
    if (const Decl *Inner = Template->getTemplatedDecl())
      return Inner;
  return D;
}

/// The call operator of the lambda a namespace-scope or static member
/// variable is initialized with (`auto handler = [](const Request &) {...};`):
/// a function of its own, called wherever the variable is.
static const FunctionDecl *lambdaInitializing(const Decl *D) {
  const auto *Var = dyn_cast<VarDecl>(D);
  if (!Var || Var->isLocalVarDeclOrParm() || !Var->getInit())
    return nullptr;
  const auto *Lambda = dyn_cast<LambdaExpr>(ignoreWrappers(Var->getInit()));
  return Lambda ? Lambda->getCallOperator() : nullptr;
}

const FunctionDecl *FunctionIndex::writtenFunctionAt(const DeclContext &Context,
                                                     SourceLocation Loc) const {
  const SourceManager &SM = Ctx.getSourceManager();
  for (const Decl *D : Context.decls()) {
    if (D->isImplicit() || !isWithin(D->getSourceRange(), Loc, SM))
      continue;
    D = templated(D);
    if (const auto *Function = dyn_cast<FunctionDecl>(D);
        Function && Function->doesThisDeclarationHaveABody())
      return Function;
    if (const FunctionDecl *Lambda = lambdaInitializing(D))
      return Lambda;
    if (const auto *Inner = dyn_cast<DeclContext>(D))
      if (const FunctionDecl *Found = writtenFunctionAt(*Inner, Loc))
        return Found;
  }
  return nullptr;
}

/// Pattern and the functions instantiated from it.
static llvm::SmallVector<const FunctionDecl *, 4>
instantiationsOf(const FunctionDecl &Pattern) {
  llvm::SmallVector<const FunctionDecl *, 4> Found{&Pattern};
  if (const FunctionTemplateDecl *Template =
          Pattern.getDescribedFunctionTemplate())
    for (const FunctionDecl *Specialization : Template->specializations())
      Found.push_back(Specialization);
  const auto *Method = dyn_cast<CXXMethodDecl>(&Pattern);
  const ClassTemplateDecl *Class =
      Method ? Method->getParent()->getDescribedClassTemplate() : nullptr;
  if (!Class)
    return Found;
  for (const ClassTemplateSpecializationDecl *Specialization :
       Class->specializations())
    for (const Decl *Member : Specialization->decls()) {
      if (const auto *Instance = dyn_cast<FunctionDecl>(templated(Member));
          Instance && Instance->getTemplateInstantiationPattern() == &Pattern)
        Found.push_back(Instance);
      // A member template of a class template (BS::thread_pool's
      // detach_task): its instances are specializations of the member
      // template the class specialization declares.
      if (const auto *MemberTemplate = dyn_cast<FunctionTemplateDecl>(Member))
        for (const FunctionDecl *Instance : MemberTemplate->specializations())
          if (Instance->getTemplateInstantiationPattern() == &Pattern)
            Found.push_back(Instance);
    }
  return Found;
}

bool FunctionIndex::isInstantiated(const FunctionDecl &Pattern) const {
  return llvm::any_of(instantiationsOf(Pattern), [&](const FunctionDecl *F) {
    return F != &Pattern && F->hasBody();
  });
}

const FunctionParents *FunctionIndex::containing(const FunctionDecl &Pattern,
                                                 const Stmt *S) {
  for (const FunctionDecl *Function : instantiationsOf(Pattern)) {
    if (!Function->hasBody())
      continue;
    const FunctionParents &Parents = parents(*Function);
    if (Parents.body() == S || Parents.parent(S))
      return &Parents;
  }
  // A member of a local class: search inside the function.
  if (const FunctionDecl *Inner = writtenFunctionAt(Pattern, S->getBeginLoc());
      Inner && Inner != &Pattern)
    return containing(*Inner, S);
  return nullptr;
}

const FunctionDecl *FunctionIndex::writtenFunctionOf(const Stmt *S) const {
  const FunctionDecl *Found =
      writtenFunctionAt(*Ctx.getTranslationUnitDecl(), S->getBeginLoc());
  // A member of a local class: the innermost function.
  while (Found) {
    const FunctionDecl *Inner = writtenFunctionAt(*Found, S->getBeginLoc());
    if (!Inner || Inner == Found)
      return Found;
    Found = Inner;
  }
  return nullptr;
}

const FunctionParents *FunctionIndex::enclosing(const Stmt *S) {
  const FunctionDecl *Written =
      writtenFunctionAt(*Ctx.getTranslationUnitDecl(), S->getBeginLoc());
  return Written ? containing(*Written, S) : nullptr;
}

static void collectFunctions(const DeclContext &Context,
                             const SourceManager &SM,
                             std::vector<const FunctionDecl *> &Functions) {
  for (const Decl *D : Context.decls()) {
    if (D->isImplicit() || SM.isInSystemHeader(D->getLocation()))
      continue;
    D = templated(D);
    const auto *Function = dyn_cast<FunctionDecl>(D);
    if (!Function || !Function->doesThisDeclarationHaveABody())
      Function = lambdaInitializing(D);
    if (Function)
      for (const FunctionDecl *Instance : instantiationsOf(*Function))
        if (Instance->hasBody())
          Functions.push_back(Instance);
    if (const auto *Inner = dyn_cast<DeclContext>(D))
      collectFunctions(*Inner, SM, Functions);
  }
}

std::vector<const FunctionDecl *> FunctionIndex::userFunctions() const {
  std::vector<const FunctionDecl *> Functions;
  collectFunctions(*Ctx.getTranslationUnitDecl(), Ctx.getSourceManager(),
                   Functions);
  return Functions;
}

std::vector<FunctionIndex::CallSite>
FunctionIndex::callsTo(const FunctionDecl &Callee) const {
  const FunctionDecl *Target = Callee.getCanonicalDecl();
  std::vector<CallSite> Sites;
  for (const FunctionDecl *Caller : userFunctions())
    forEachCall(Caller->getBody(), [&](const CallExpr *Call) {
      const FunctionDecl *Called = Call->getDirectCallee();
      if (Called && Called->getCanonicalDecl() == Target)
        Sites.push_back({Caller, Call});
    });
  return Sites;
}

bool FunctionParents::mayRepeat(const Stmt *S) const {
  for (const Stmt *Up = parent(S); Up; Up = parent(Up))
    if (isLoop(Up) || isa<LambdaExpr>(Up))
      return true;
  return false;
}

bool FunctionIndex::calledOnlyFromMain(const FunctionDecl &Function) {
  const SourceManager &SM = Ctx.getSourceManager();
  if (Function.isMain() || isa<CXXMethodDecl>(Function) ||
      !SM.isInMainFile(Function.getLocation()))
    return false;
  const FunctionDecl *Target = Function.getCanonicalDecl();
  unsigned Calls = 0;
  for (const FunctionDecl *Caller : userFunctions()) {
    bool Elsewhere = anyStmt(Caller->getBody(), [&](const Stmt *S) {
      const auto *Ref = dyn_cast<DeclRefExpr>(S);
      if (!Ref || Ref->getDecl()->getCanonicalDecl() != Target)
        return false;
      if (!Caller->isMain())
        return true;
      if (parents(*Caller).mayRepeat(Ref))
        return true;
      ++Calls;
      return false;
    });
    if (Elsewhere)
      return false;
  }
  return Calls > 0;
}

/// Whether Use, a reference to a function, is the callable a thread start
/// runs: an argument of a construction of a class named like a thread, of
/// an emplace into a container of such, or of pthread_create.
static bool startsThreadWith(const Expr *Use, const FunctionParents &Parents) {
  const Stmt *Child = nullptr;
  const Stmt *Consumer = Parents.consumer(Use, &Child);
  if (const auto *Address = dyn_cast_or_null<UnaryOperator>(Consumer);
      Address && Address->getOpcode() == UO_AddrOf)
    Consumer = Parents.consumer(Address, &Child);
  auto NamesThread = [](QualType Type) {
    return !Type.isNull() &&
           llvm::StringRef(Type.getAsString()).contains_insensitive("thread");
  };
  if (const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(Consumer))
    return NamesThread(Construct->getType());
  if (const auto *Emplace = dyn_cast_or_null<CXXMemberCallExpr>(Consumer)) {
    const CXXMethodDecl *Method = Emplace->getMethodDecl();
    return Method && Method->getDeclName().isIdentifier() &&
           Method->getName().starts_with("emplace") &&
           NamesThread(Emplace->getImplicitObjectArgument()->getType());
  }
  const auto *Call = dyn_cast_or_null<CallExpr>(Consumer);
  return Call && isNamedAnyOf(Call->getDirectCallee(), {"::pthread_create"});
}

std::vector<FunctionIndex::Use>
FunctionIndex::threadStartsOf(const FunctionDecl &Function) {
  const FunctionDecl *Target = Function.getCanonicalDecl();
  std::vector<Use> Starts;
  for (const FunctionDecl *User : userFunctions()) {
    bool Other = anyStmt(User->getBody(), [&](const Stmt *S) {
      const auto *Ref = dyn_cast<DeclRefExpr>(S);
      if (!Ref || Ref->getDecl()->getCanonicalDecl() != Target)
        return false;
      if (!startsThreadWith(Ref, parents(*User)))
        return true;
      Starts.push_back({User, Ref});
      return false;
    });
    if (Other)
      return {};
  }
  return Starts;
}

} // namespace clang::tidy::unbounded::utils
