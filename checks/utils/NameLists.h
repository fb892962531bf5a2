//===- NameLists.h - option lists and small AST helpers ---------*- C++ -*-===//

#ifndef UNBOUNDED_UTILS_NAMELISTS_H
#define UNBOUNDED_UTILS_NAMELISTS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace clang::tidy::unbounded::utils {

/// Splits a ';'-separated option value into trimmed, non-empty items.
std::vector<std::string> parseList(llvm::StringRef Value);

/// Joins items into the ';'-separated form parseList reads.
std::string joinList(llvm::ArrayRef<std::string> Items);

/// Whether ND is one of Names (qualified names, "::" prefix optional,
/// template arguments and inline namespaces ignored, as hasAnyName does).
bool isNamedAnyOf(const NamedDecl *ND, llvm::ArrayRef<std::string> Names);

/// E without parentheses, implicit casts, temporaries, cleanups and the
/// functional casts that wrap a temporary object.
const Expr *ignoreWrappers(const Expr *E);

/// Whether Loc lies within Range (compared at their expansion locations).
bool isWithin(SourceRange Range, SourceLocation Loc, const SourceManager &SM);

/// Whether Loc lies within the source range of S.
bool isWithin(const Stmt *S, SourceLocation Loc, const SourceManager &SM);

/// Whether A begins before B in the translation unit.
bool isBefore(SourceLocation A, SourceLocation B, const SourceManager &SM);

/// The source text of E, for messages.
std::string spelling(const Expr *E, ASTContext &Ctx);

/// The variable or field an expression names: `x`, `this->x`, `obj.x`,
/// `x[i]` and `*x` give x's declaration; anything else nullptr.
const ValueDecl *referencedDecl(const Expr *E);

/// Whether storage named by E outlives one execution of Scope: members,
/// globals, statics, reference parameters, and locals declared outside Scope.
bool outlivesScope(const Expr *E, const Stmt *Scope, ASTContext &Ctx);

} // namespace clang::tidy::unbounded::utils

#endif
