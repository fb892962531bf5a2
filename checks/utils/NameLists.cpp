//===- NameLists.cpp - option lists and small AST helpers -----------------===//

#include "utils/NameLists.h"

#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Lex/Lexer.h"

namespace clang::tidy::unbounded::utils {

std::vector<std::string> parseList(llvm::StringRef Value) {
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  Value.split(Parts, ';', -1, /*KeepEmpty=*/false);
  std::vector<std::string> Items;
  for (llvm::StringRef Part : Parts) {
    Part = Part.trim();
    if (!Part.empty())
      Items.push_back(Part.str());
  }
  return Items;
}

std::string joinList(llvm::ArrayRef<std::string> Items) {
  std::string Joined;
  for (const std::string &Item : Items) {
    if (!Joined.empty())
      Joined += ';';
    Joined += Item;
  }
  return Joined;
}

bool isNamedAnyOf(const NamedDecl *ND, llvm::ArrayRef<std::string> Names) {
  if (!ND || Names.empty() || !ND->getDeclName().isIdentifier())
    return false;
  llvm::StringRef Simple = ND->getName();
  std::vector<llvm::StringRef> Candidates;
  for (const std::string &Name : Names)
    if (llvm::StringRef(Name).ends_with(Simple))
      Candidates.push_back(Name);
  if (Candidates.empty())
    return false;
  using namespace ast_matchers;
  return !match(namedDecl(hasAnyName(Candidates)), *ND, ND->getASTContext())
              .empty();
}

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
  return !SM.isBeforeInTranslationUnit(L, SM.getExpansionLoc(Range.getBegin())) &&
         !SM.isBeforeInTranslationUnit(SM.getExpansionLoc(Range.getEnd()), L);
}

bool isWithin(const Stmt *S, SourceLocation Loc, const SourceManager &SM) {
  return S && isWithin(S->getSourceRange(), Loc, SM);
}

bool isBefore(SourceLocation A, SourceLocation B, const SourceManager &SM) {
  return SM.isBeforeInTranslationUnit(SM.getExpansionLoc(A),
                                      SM.getExpansionLoc(B));
}

std::string spelling(const Expr *E, ASTContext &Ctx) {
  CharSourceRange Range = CharSourceRange::getTokenRange(E->getSourceRange());
  llvm::StringRef Text = Lexer::getSourceText(Range, Ctx.getSourceManager(),
                                              Ctx.getLangOpts());
  std::string Flat;
  bool Space = false;
  for (char C : Text) {
    if (C == '\n' || C == '\t' || C == ' ') {
      Space = !Flat.empty();
      continue;
    }
    if (Space)
      Flat += ' ';
    Space = false;
    Flat += C;
  }
  if (Flat.size() > 60)
    Flat = Flat.substr(0, 57) + "...";
  return Flat;
}

const ValueDecl *referencedDecl(const Expr *E) {
  E = ignoreWrappers(E);
  if (!E)
    return nullptr;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    return Ref->getDecl();
  if (const auto *Member = dyn_cast<MemberExpr>(E))
    return Member->getMemberDecl();
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
          llvm::is_contained(llvm::ArrayRef<llvm::StringRef>{"back", "front", "at", "get"},
                             Method->getName()))
        return referencedDecl(Call->getImplicitObjectArgument());
  return nullptr;
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

} // namespace clang::tidy::unbounded::utils
