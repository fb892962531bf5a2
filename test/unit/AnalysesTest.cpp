//===- AnalysesTest.cpp - PerTranslationUnit: built once per unit ---------===//

#include "TestSupport.h"

#include "utils/Analyses.h"

using namespace clang;
using namespace clang::tidy::unbounded::utils;

namespace unbounded_test {
namespace {

class PerTranslationUnitTest : public ASTTest {
protected:
  unsigned Built = 0;
  /// Counts how many times it is built.
  PerTranslationUnit<unsigned> Count{
      [this](ASTContext &) { return std::make_unique<unsigned>(++Built); }};
};

TEST_F(PerTranslationUnitTest, BuiltOnceForAUnit) {
  ASSERT_TRUE(parse("void f();"));
  EXPECT_EQ(Count.of(ctx()), 1U);
  EXPECT_EQ(Count.of(ctx()), 1U);
}

TEST_F(PerTranslationUnitTest, BuiltAgainForTheNextUnit) {
  ASSERT_TRUE(parse("void f();"));
  EXPECT_EQ(Count.of(ctx()), 1U);
  std::unique_ptr<ASTUnit> First = std::move(AST);
  ASSERT_TRUE(parse("void g();"));
  EXPECT_EQ(Count.of(ctx()), 2U);
}

TEST_F(PerTranslationUnitTest, BuiltAgainAfterReset) {
  ASSERT_TRUE(parse("void f();"));
  EXPECT_EQ(Count.of(ctx()), 1U);
  Count.reset();
  EXPECT_EQ(Count.of(ctx()), 2U);
}

} // namespace
} // namespace unbounded_test
