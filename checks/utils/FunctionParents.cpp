//===- FunctionParents.cpp - parents within one function body -------------===//

#include "utils/FunctionParents.h"
#include "utils/NameLists.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"

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

static bool contains(const FunctionDecl *Function, SourceLocation Loc,
                     const SourceManager &SM) {
  return isWithin(Function->getSourceRange(), Loc, SM);
}

void FunctionTracker::enter(const FunctionDecl &Function,
                            const SourceManager &SM) {
  at(Function.getLocation(), SM);
  Stack.push_back(&Function);
}

const FunctionDecl *FunctionTracker::at(SourceLocation Loc,
                                        const SourceManager &SM) {
  while (!Stack.empty() && !contains(Stack.back(), Loc, SM))
    Stack.pop_back();
  return Stack.empty() ? nullptr : Stack.back();
}

const FunctionParents &FunctionTracker::parents(const FunctionDecl &Function) {
  std::unique_ptr<FunctionParents> &Entry = Built[&Function];
  if (!Entry)
    Entry = std::make_unique<FunctionParents>(Function);
  return *Entry;
}

void FunctionTracker::clear() {
  Stack.clear();
  Built.clear();
}

} // namespace clang::tidy::unbounded::utils
