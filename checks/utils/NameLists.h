//===- NameLists.h - option lists of names, names and spellings -*- C++ -*-===//

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

/// The source text of E, for messages.
std::string spelling(const Expr *E, ASTContext &Ctx);

} // namespace clang::tidy::unbounded::utils

#endif
