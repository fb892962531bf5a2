//===- FunctionParents.h - parents within one function body -----*- C++ -*-===//

#ifndef UNBOUNDED_UTILS_FUNCTIONPARENTS_H
#define UNBOUNDED_UTILS_FUNCTIONPARENTS_H

#include "clang/AST/Decl.h"
#include "clang/AST/ParentMap.h"
#include "llvm/ADT/DenseMap.h"
#include <memory>
#include <vector>

namespace clang::tidy::unbounded::utils {

/// The parent of every statement in one function's body, lambda bodies
/// included. The analyses only ever look up within the function they start
/// in, and this map covers only that function: the AST-wide parent map
/// would index every header of the translation unit on first use, which
/// costs more than all the checks together.
class FunctionParents {
public:
  explicit FunctionParents(const FunctionDecl &Function);

  const FunctionDecl &function() const { return Function; }
  const Stmt *body() const { return Function.getBody(); }

  /// The parent of S, or nullptr for the body and for statements outside
  /// it (constructor initializers, default arguments).
  const Stmt *parent(const Stmt *S) const;

  /// The first ancestor of E that is not a wrapper (parentheses, implicit
  /// casts, temporaries, cleanups, elidable copies); Child, if given,
  /// receives the node just below it.
  const Stmt *consumer(const Stmt *E, const Stmt **Child = nullptr) const;

  /// The variable of DeclStmt Parent whose initializer is Init.
  static const VarDecl *initializedBy(const Stmt *Parent, const Stmt *Init);

private:
  const FunctionDecl &Function;
  std::unique_ptr<ParentMap> Map;
};

/// Which function definition a MatchFinder callback's node is in. MatchFinder
/// visits a function before the statements of its body, so a stack of the
/// functions seen, popped when a node lies outside them, gives the
/// innermost one; its FunctionParents are built once, on first use.
class FunctionTracker {
public:
  /// Call for every function definition matched, in match order.
  void enter(const FunctionDecl &Function, const SourceManager &SM);

  /// The innermost entered function whose source contains Loc, or nullptr.
  const FunctionDecl *at(SourceLocation Loc, const SourceManager &SM);

  /// The parents of Function's body, built on first use.
  const FunctionParents &parents(const FunctionDecl &Function);

  /// Forgets everything (the end of a translation unit).
  void clear();

private:
  std::vector<const FunctionDecl *> Stack;
  llvm::DenseMap<const FunctionDecl *, std::unique_ptr<FunctionParents>> Built;
};

} // namespace clang::tidy::unbounded::utils

#endif
