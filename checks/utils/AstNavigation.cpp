//===- AstNavigation.cpp - walking and reading the AST --------------------===//

#include "utils/AstNavigation.h"
#include "utils/Compat.h"
#include "utils/Names.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::unbounded::utils {

const Expr *ignoreWrappers(const Expr *E) {
  while (E) {
    const Expr *Inner = E->IgnoreParenImpCasts();
    if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(Inner))
      Inner = Cleanups->getSubExpr();
    else if (const auto *Temp = dyn_cast<MaterializeTemporaryExpr>(Inner))
      Inner = Temp->getSubExpr();
    else if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(Inner))
      Inner = Bind->getSubExpr();
    else if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(Inner))
      Inner = Cast->getSubExpr();
    if (Inner == E)
      return E;
    E = Inner;
  }
  return E;
}

bool isWithin(SourceRange Range, SourceLocation Loc, const SourceManager &SM) {
  if (Loc.isInvalid() || Range.isInvalid())
    return false;
  SourceLocation L = SM.getExpansionLoc(Loc);
  return !SM.isBeforeInTranslationUnit(L,
                                       SM.getExpansionLoc(Range.getBegin())) &&
         !SM.isBeforeInTranslationUnit(SM.getExpansionLoc(Range.getEnd()), L);
}

bool isWithin(const Stmt *S, SourceLocation Loc, const SourceManager &SM) {
  return S && isWithin(S->getSourceRange(), Loc, SM);
}

bool isBefore(SourceLocation A, SourceLocation B, const SourceManager &SM) {
  return SM.isBeforeInTranslationUnit(SM.getExpansionLoc(A),
                                      SM.getExpansionLoc(B));
}

const ValueDecl *referencedDecl(const Expr *E) {
  E = ignoreWrappers(E);
  if (!E)
    return nullptr;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    return Ref->getDecl();
  if (const auto *Member = dyn_cast<MemberExpr>(E))
    return Member->getMemberDecl();
  // `this->items_` in a class template's own body, as Clang 16 leaves it.
  if (const auto *Dependent = dyn_cast<CXXDependentScopeMemberExpr>(E);
      Dependent && !Dependent->isImplicitAccess() &&
      isa<CXXThisExpr>(Dependent->getBase()->IgnoreParenImpCasts()) &&
      Dependent->getMember().isIdentifier())
    if (const CXXRecordDecl *Class =
            Dependent->getBaseType()->getPointeeType()->getAsCXXRecordDecl())
      for (const NamedDecl *Found : Class->lookup(Dependent->getMember()))
        if (const auto *Field = dyn_cast<FieldDecl>(Found))
          return Field;
  if (const auto *Subscript = dyn_cast<ArraySubscriptExpr>(E))
    return referencedDecl(Subscript->getBase());
  if (const auto *Unary = dyn_cast<UnaryOperator>(E))
    if (Unary->getOpcode() == UO_Deref || Unary->getOpcode() == UO_AddrOf)
      return referencedDecl(Unary->getSubExpr());
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E))
    if (Op->getNumArgs() >= 1 &&
        (Op->getOperator() == OO_Subscript || Op->getOperator() == OO_Star ||
         Op->getOperator() == OO_Arrow))
      return referencedDecl(Op->getArg(0));
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E))
    // c.back(), c.front(), c[i] through at(): the element lives in c.
    if (const auto *Method = Call->getMethodDecl())
      if (Method->getDeclName().isIdentifier() &&
          llvm::is_contained(
              llvm::ArrayRef<llvm::StringRef>{"back", "front", "at", "get"},
              Method->getName()))
        return referencedDecl(Call->getImplicitObjectArgument());
  return nullptr;
}

const Expr *passedValue(const Expr *E) {
  E = ignoreWrappers(E);
  if (const auto *Copy = dyn_cast_or_null<CXXConstructExpr>(E);
      Copy && Copy->getNumArgs() == 1 &&
      Copy->getConstructor()->isCopyOrMoveConstructor())
    E = ignoreWrappers(Copy->getArg(0));
  if (const auto *Move = dyn_cast_or_null<CallExpr>(E); Move && isStdMove(Move))
    E = ignoreWrappers(Move->getArg(0));
  return E;
}

bool isProjectFunction(const FunctionDecl &Callee) {
  const SourceManager &SM = Callee.getASTContext().getSourceManager();
  return Callee.getLocation().isValid() &&
         !SM.isInSystemHeader(Callee.getLocation());
}

bool hasBrokenCode(const FunctionDecl &Function) {
  if (const auto *Method = dyn_cast<CXXMethodDecl>(&Function))
    if (llvm::any_of(Method->getParent()->fields(),
                     [](const FieldDecl *F) { return F->isInvalidDecl(); }))
      return true;
  return anyStmt(Function.getBody(), [](const Stmt *S) {
    const auto *Declaration = dyn_cast<DeclStmt>(S);
    return Declaration && llvm::any_of(Declaration->decls(), [](const Decl *D) {
             return D->isInvalidDecl();
           });
  });
}

bool outlivesScope(const Expr *E, const Stmt *Scope, ASTContext &Ctx) {
  const ValueDecl *D = referencedDecl(E);
  if (!D)
    return false;
  if (isa<FieldDecl>(D))
    return true;
  const auto *Var = dyn_cast<VarDecl>(D);
  if (!Var)
    return false;
  if (!Var->hasLocalStorage())
    return true;
  if (Var->getType()->isReferenceType() || Var->getType()->isPointerType())
    return true;
  // A by-value parameter lives for one call of its function: it outlives a
  // loop iteration inside that function, not the function's body.
  if (isa<ParmVarDecl>(Var)) {
    const auto *Function = dyn_cast<FunctionDecl>(Var->getDeclContext());
    return !Function || Function->getBody() != Scope;
  }
  return !isWithin(Scope, Var->getLocation(), Ctx.getSourceManager());
}

const CXXRecordDecl *recordOf(QualType T) {
  if (T.isNull())
    return nullptr;
  T = T.getNonReferenceType();
  if (T->isPointerType())
    T = T->getPointeeType();
  return T->getAsCXXRecordDecl();
}

bool isSilentBranch(const Stmt *Branch) {
  if (!Branch || isa<NullStmt, ContinueStmt, BreakStmt>(Branch))
    return true;
  if (const auto *Return = dyn_cast<ReturnStmt>(Branch))
    return Return->getRetValue() == nullptr;
  if (const auto *Block = dyn_cast<CompoundStmt>(Branch))
    return llvm::all_of(Block->body(), isSilentBranch);
  return false;
}

bool definedHere(const CXXRecordDecl &Record) {
  return llvm::all_of(Record.methods(), [](const CXXMethodDecl *Method) {
    return Method->isImplicit() || Method->isDeleted() ||
           Method->isDefaulted() ||
           ::unbounded::compat::isPureVirtual(*Method) || Method->isDefined();
  });
}

const MemberExpr *thisMember(const Expr *E) {
  const auto *Member = dyn_cast<MemberExpr>(E->IgnoreParenImpCasts());
  return Member && isa<CXXThisExpr>(Member->getBase()->IgnoreParenImpCasts())
             ? Member
             : nullptr;
}

const CXXMethodDecl *patternCallee(const CallExpr &Call) {
  const auto *Member =
      dyn_cast<CXXDependentScopeMemberExpr>(Call.getCallee()->IgnoreParens());
  if (!Member || Member->isImplicitAccess() ||
      !Member->getMember().isIdentifier())
    return nullptr;
  QualType Object = Member->getBaseType();
  if (Member->isArrow() && Object->isPointerType())
    Object = Object->getPointeeType();
  const auto *Specialization = Object->getAs<TemplateSpecializationType>();
  const auto *Template =
      Specialization
          ? dyn_cast_or_null<ClassTemplateDecl>(
                Specialization->getTemplateName().getAsTemplateDecl())
          : nullptr;
  const CXXRecordDecl *Pattern =
      Template ? Template->getTemplatedDecl()->getDefinition() : nullptr;
  if (!Pattern)
    return nullptr;
  const CXXMethodDecl *Found = nullptr;
  for (const NamedDecl *D : Pattern->lookup(Member->getMember())) {
    const auto *Method = dyn_cast<CXXMethodDecl>(D);
    if (!Method || Method->getNumParams() != Call.getNumArgs())
      continue;
    if (Found)
      return nullptr;
    Found = Method;
  }
  return Found;
}

QualType typeMadeBy(const CallExpr &Call) {
  const FunctionDecl *Make = Call.getDirectCallee();
  if (!isNamedAnyOf(Make, {"::std::make_unique", "::std::make_shared"}))
    return QualType();
  const TemplateArgumentList *Args = Make->getTemplateSpecializationArgs();
  if (!Args || Args->size() == 0 ||
      Args->get(0).getKind() != TemplateArgument::Type)
    return QualType();
  return Args->get(0).getAsType();
}

const CXXConstructorDecl *constructorMadeBy(const CallExpr &Call) {
  QualType Made = typeMadeBy(Call);
  const CXXRecordDecl *Class =
      Made.isNull() ? nullptr : Made->getAsCXXRecordDecl();
  if (!Class || !Class->hasDefinition())
    return nullptr;
  for (const CXXConstructorDecl *Ctor : Class->ctors())
    if (!Ctor->isCopyOrMoveConstructor() &&
        Ctor->getMinRequiredArguments() <= Call.getNumArgs() &&
        Call.getNumArgs() <= Ctor->getNumParams())
      return Ctor;
  return nullptr;
}

} // namespace clang::tidy::unbounded::utils
