//===- AstNavigation.h - walking and reading the AST ------------*- C++ -*-===//

#ifndef UNBOUNDED_UTILS_ASTNAVIGATION_H
#define UNBOUNDED_UTILS_ASTNAVIGATION_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"

namespace clang::tidy::unbounded::utils {

/// Whether S, or any statement below it (lambda bodies included), matches
/// Pred. Stops at the first match.
template <typename Pred> bool anyStmt(const Stmt *S, Pred &&Matches) {
  if (!S)
    return false;
  if (Matches(S))
    return true;
  for (const Stmt *Child : S->children())
    if (anyStmt(Child, Matches))
      return true;
  return false;
}

/// Calls Visit(Ref) for every reference to D below S.
template <typename Fn>
void forEachReference(const Stmt *S, const ValueDecl *D, Fn &&Visit) {
  anyStmt(S, [&](const Stmt *Node) {
    if (const auto *Ref = dyn_cast<DeclRefExpr>(Node);
        Ref && Ref->getDecl() == D)
      Visit(Ref);
    return false;
  });
}

/// Calls Visit(Call) for every call below S.
template <typename Fn> void forEachCall(const Stmt *S, Fn &&Visit) {
  anyStmt(S, [&](const Stmt *Node) {
    if (const auto *Call = dyn_cast<CallExpr>(Node))
      Visit(Call);
    return false;
  });
}

/// Whether Call is std::move(x).
inline bool isStdMove(const CallExpr *Call) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  return Callee && Callee->isInStdNamespace() &&
         Callee->getDeclName().isIdentifier() && Callee->getName() == "move" &&
         Call->getNumArgs() == 1;
}

/// E without parentheses, implicit casts, temporaries, cleanups and the
/// functional casts that wrap a temporary object.
const Expr *ignoreWrappers(const Expr *E);

/// The value E passes on, through wrappers, std::move and a copy or move
/// construction (`keep(std::move(t))` into a by-value parameter gives t).
const Expr *passedValue(const Expr *E);

/// Whether Loc lies within Range (compared at their expansion locations).
bool isWithin(SourceRange Range, SourceLocation Loc, const SourceManager &SM);

/// Whether Loc lies within the source range of S.
bool isWithin(const Stmt *S, SourceLocation Loc, const SourceManager &SM);

/// E, parentheses and implicit casts aside, when it names a member of this
/// object (`fd_`, `this->fd_`); nullptr otherwise (`job->state`).
const MemberExpr *thisMember(const Expr *E);

/// T in `std::make_unique<T>(...)` or `std::make_shared<T>(...)`, or a null
/// type when Call is neither.
QualType typeMadeBy(const CallExpr &Call);

/// The constructor of T that `std::make_unique<T>(args...)` or
/// `std::make_shared<T>(args...)` runs: the first of T's constructors (not
/// copy or move) that takes that many arguments; or nullptr.
const CXXConstructorDecl *constructorMadeBy(const CallExpr &Call);

/// In a template's body, the method a call on an object of a dependent
/// specialization of a class template calls (`pool_->append(c, 0)` with
/// `pool_` a `ThreadPool<T> *`): the one method of the class template's own
/// definition with that name taking that many arguments, or nullptr.
const CXXMethodDecl *patternCallee(const CallExpr &Call);

/// Whether every member function Record declares is defined in this
/// translation unit: then all that is done with its members is seen here.
bool definedHere(const CXXRecordDecl &Record);

/// Whether A begins before B in the translation unit.
bool isBefore(SourceLocation A, SourceLocation B, const SourceManager &SM);

/// The variable or field an expression names: `x`, `this->x`, `obj.x`,
/// `x[i]` and `*x` give x's declaration; anything else nullptr.
const ValueDecl *referencedDecl(const Expr *E);

/// Whether storage named by E outlives one execution of Scope: members,
/// globals, statics, reference parameters, and locals declared outside Scope.
bool outlivesScope(const Expr *E, const Stmt *Scope, ASTContext &Ctx);

/// Whether Callee is a project function: declared outside system headers.
bool isProjectFunction(const FunctionDecl &Callee);

/// Whether Clang could not type some of Function's declarations: an
/// invalid declaration in its body or a member of its class with no type
/// (what follows a fatal error, such as a header never read), where
/// statements that use them are dropped.
bool hasBrokenCode(const FunctionDecl &Function);

/// The class behind a type, through references, pointers and aliases.
const CXXRecordDecl *recordOf(QualType T);

/// Whether a branch does nothing a caller or an operator could see: absent,
/// empty (comments only), or only a bare `continue;`, `break;` or `return;`.
bool isSilentBranch(const Stmt *Branch);

/// Whether S contains a statement that leaves a loop or the function
/// (break, return, goto, throw), lambdas excluded.
bool containsExit(const Stmt *S);

} // namespace clang::tidy::unbounded::utils

#endif
