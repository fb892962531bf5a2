//===- AstWalk.h - small walks over a statement subtree ---------*- C++ -*-===//

#ifndef UNBOUNDED_UTILS_ASTWALK_H
#define UNBOUNDED_UTILS_ASTWALK_H

#include "clang/AST/Expr.h"
#include "clang/AST/PrettyPrinter.h"
#include "clang/Basic/LangOptions.h"
#include <string>

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
    if (const auto *Ref = dyn_cast<DeclRefExpr>(Node); Ref && Ref->getDecl() == D)
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

/// A type as the code spells it (tbb::task_arena, not its detail name).
inline std::string spelledType(QualType Type) {
  PrintingPolicy Policy{LangOptions{}};
  Policy.SuppressTagKeyword = true;
  Policy.SplitTemplateClosers = false;
  return Type.getUnqualifiedType().getAsString(Policy);
}

} // namespace clang::tidy::unbounded::utils

#endif
