//===- TestSupport.h - parse a snippet, find a node in it -------*- C++ -*-===//

#ifndef UNBOUNDED_TEST_UNIT_TESTSUPPORT_H
#define UNBOUNDED_TEST_UNIT_TESTSUPPORT_H

#include "utils/FunctionParents.h"

#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Frontend/ASTUnit.h"
#include "llvm/ADT/StringRef.h"

#include "gtest/gtest.h"

#include <memory>
#include <string>
#include <vector>

namespace unbounded_test {

/// Declarations of the std, pthread and semaphore names the snippets use:
/// just enough to type-check, so that no real header is parsed.
extern const char *const Prelude;

/// Parses snippets and finds nodes in them with AST matchers.
class ASTTest : public ::testing::Test {
protected:
  /// Parses Prelude followed by Code as C++17; false (and the compiler's
  /// diagnostics on stderr) when the snippet does not compile. Use as
  /// ASSERT_TRUE(parse(...)).
  bool parse(llvm::StringRef Code);

  clang::ASTContext &ctx() { return AST->getASTContext(); }

  /// The first node bound to Id by Matcher anywhere in the parsed code.
  template <typename NodeT, typename MatcherT>
  const NodeT *first(const MatcherT &Matcher, llvm::StringRef Id = "x") {
    if (!AST)
      return nullptr;
    return clang::ast_matchers::selectFirst<NodeT>(
        Id, clang::ast_matchers::match(Matcher, ctx()));
  }

  /// The function definition that holds S, lambda bodies included (a lambda
  /// belongs to the function it is written in); the innermost one when
  /// functions nest through local classes. Null when there is none.
  const clang::FunctionDecl *functionOf(const clang::Stmt *S);

  /// The definition of the function named Name, or null.
  const clang::FunctionDecl *functionNamed(llvm::StringRef Name);

  /// The parents within functionOf(S), as a check would build them. Kept
  /// until the next parse. When S is in no function, a test failure is
  /// added and the parents of an empty function are returned.
  const clang::tidy::unbounded::utils::FunctionParents &
  parentsOf(const clang::Stmt *S);

  /// The parents within Function (null: as parentsOf without a function).
  const clang::tidy::unbounded::utils::FunctionParents &
  parentsIn(const clang::FunctionDecl *Function);

  std::unique_ptr<clang::ASTUnit> AST;

private:
  /// Declared after AST so that they go first.
  std::vector<std::unique_ptr<clang::tidy::unbounded::utils::FunctionParents>>
      Parents;
};

} // namespace unbounded_test

#endif
