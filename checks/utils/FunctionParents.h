//===- FunctionParents.h - parents within one function body -----*- C++ -*-===//

#ifndef UNBOUNDED_UTILS_FUNCTIONPARENTS_H
#define UNBOUNDED_UTILS_FUNCTIONPARENTS_H

#include "clang/AST/ASTContext.h"
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

  /// Whether S sits in a loop or a lambda of the function: it may run more
  /// than once per call.
  bool mayRepeat(const Stmt *S) const;

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

/// Finds the function definition that contains a statement, without the
/// AST-wide parent map and without matching every function of the
/// translation unit: by source location among the declarations written in
/// the translation unit, then, for templates, among the instantiations of
/// the function found. Parent maps are built once per function, on use.
class FunctionIndex {
public:
  explicit FunctionIndex(ASTContext &Ctx) : Ctx(Ctx) {}

  ASTContext &context() const { return Ctx; }

  /// The parents of the function definition whose body contains S, or
  /// nullptr when S is in no function body (a namespace-scope initializer,
  /// a constructor initializer, a generic lambda's instantiation).
  const FunctionParents *enclosing(const Stmt *S);

  /// The function, as written, whose source contains S: unlike enclosing,
  /// also for constructor initializers; a template's pattern rather than
  /// its instantiations.
  const FunctionDecl *writtenFunctionOf(const Stmt *S) const;

  /// The parents of Function's body, built on first use.
  const FunctionParents &parents(const FunctionDecl &Function);

  /// Whether a template's pattern has an instantiation with a body in this
  /// translation unit.
  bool isInstantiated(const FunctionDecl &Pattern) const;

  /// Every function definition outside system headers, template
  /// instantiations included.
  std::vector<const FunctionDecl *> userFunctions() const;

  /// A call and the function definition it is written in.
  struct CallSite {
    const FunctionDecl *Caller;
    const CallExpr *Call;
  };
  /// Every call to Callee (any declaration of it) in userFunctions(), lambda
  /// bodies included.
  std::vector<CallSite> callsTo(const FunctionDecl &Callee) const;

  /// Whether Function is a free function of the main file that only `main`
  /// calls, outside loops and lambdas: it runs a few times per program.
  bool calledOnlyFromMain(const FunctionDecl &Function);

  /// A use of a function and the function definition it is written in.
  struct Use {
    const FunctionDecl *User;
    const Expr *Ref;
  };
  /// The uses of Function in userFunctions() when every one names it as a
  /// thread's body (`std::thread(run, ...)`, `threads.emplace_back(run,
  /// ...)`, `pthread_create(&t, nullptr, run, ...)`): it runs once per
  /// thread those start. Empty when there is none, or another use.
  std::vector<Use> threadStartsOf(const FunctionDecl &Function);

private:
  const FunctionDecl *writtenFunctionAt(const DeclContext &Context,
                                        SourceLocation Loc) const;
  const FunctionParents *containing(const FunctionDecl &Pattern, const Stmt *S);

  ASTContext &Ctx;
  llvm::DenseMap<const FunctionDecl *, std::unique_ptr<FunctionParents>> Built;
};

} // namespace clang::tidy::unbounded::utils

#endif
