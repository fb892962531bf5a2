//===- Matchers.h - AST matchers shared by several checks -------*- C++ -*-===//

#ifndef UNBOUNDED_UTILS_MATCHERS_H
#define UNBOUNDED_UTILS_MATCHERS_H

#include "clang/ASTMatchers/ASTMatchers.h"
#include "llvm/ADT/ArrayRef.h"
#include <string>
#include <vector>

namespace clang::tidy::unbounded::utils {

/// The names as StringRefs, for hasAnyName.
inline std::vector<llvm::StringRef>
stringRefs(const std::vector<std::string> &Names) {
  return {Names.begin(), Names.end()};
}

/// A call to one of Factories (std::make_unique and std::make_shared unless
/// given) whose first template argument is a class Class matches:
/// `std::make_unique<boost::asio::thread_pool>(n)`.
inline ast_matchers::internal::Matcher<CallExpr>
makesInstanceOf(const ast_matchers::internal::Matcher<Decl> &Class,
                llvm::ArrayRef<llvm::StringRef> Factories = {
                    "::std::make_unique", "::std::make_shared"}) {
  using namespace ast_matchers;
  return callExpr(callee(functionDecl(
      hasAnyName(Factories),
      hasTemplateArgument(0, refersToType(qualType(hasUnqualifiedDesugaredType(
                                 recordType(hasDeclaration(Class)))))))));
}

} // namespace clang::tidy::unbounded::utils

#endif
