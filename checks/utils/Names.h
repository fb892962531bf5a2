//===- Names.h - lists of names, matching names, spellings ------*- C++ -*-===//

#ifndef UNBOUNDED_UTILS_NAMES_H
#define UNBOUNDED_UTILS_NAMES_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/PrettyPrinter.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Basic/LangOptions.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Regex.h"
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

/// Matches a function named by one of Names: "::ns::f", or
/// "::ns::Class::method" for a method of Class or of any specialization of
/// it (a method's own qualified name carries its class's template
/// arguments, which hasAnyName would require).
ast_matchers::internal::Matcher<Decl>
functionNamedAnyOf(const std::vector<std::string> &Names);

/// Whether FD is named by one of Names, as functionNamedAnyOf matches.
bool isFunctionNamedAnyOf(const FunctionDecl *FD,
                          llvm::ArrayRef<std::string> Names);

/// Whether S, or a statement below it, names a declaration (a variable, a
/// member, a function) whose name Names matches.
bool mentionsName(const Stmt *S, const llvm::Regex &Names);

/// The source text of E, for messages.
std::string spelling(const Expr *E, ASTContext &Ctx);

/// A type as the code spells it (tbb::task_arena, not its detail name).
inline std::string spelledType(QualType Type) {
  PrintingPolicy Policy{LangOptions{}};
  Policy.SuppressTagKeyword = true;
  Policy.SplitTemplateClosers = false;
  return Type.getUnqualifiedType().getAsString(Policy);
}

} // namespace clang::tidy::unbounded::utils

#endif
