//===- TestSupport.h - parse a snippet, find a node in it -------*- C++ -*-===//

#ifndef UNBOUNDED_TEST_UNIT_TESTSUPPORT_H
#define UNBOUNDED_TEST_UNIT_TESTSUPPORT_H

#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Frontend/ASTUnit.h"
#include "llvm/ADT/StringRef.h"

#include "gtest/gtest.h"

#include <memory>
#include <string>

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

  std::unique_ptr<clang::ASTUnit> AST;
};

} // namespace unbounded_test

#endif
