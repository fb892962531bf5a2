//===- ThreadStartsTest.cpp - threadStartAt: is this a thread start -------===//

#include "TestSupport.h"

#include "utils/ThreadStarts.h"

#include "clang/AST/ExprCXX.h"

using namespace clang;
using namespace clang::ast_matchers;
using namespace clang::tidy::unbounded::utils;

namespace unbounded_test {
namespace {

const ThreadStartNames Names{{"::std::thread", "::std::jthread"},
                             {"::std::jthread"},
                             {"::std::async"},
                             {"::pthread_create"},
                             {},
                             {"::Group::create_thread"}};

class ThreadStartsTest : public ASTTest {
protected:
  /// What threadStartAt says of the first expression Matcher binds to "x".
  template <typename MatcherT>
  std::optional<ThreadStart> startAt(llvm::StringRef Code,
                                     const MatcherT &Matcher) {
    if (!parse((llvm::Twine("void work();\n") + Code).str())) {
      ADD_FAILURE() << "the snippet does not compile";
      return std::nullopt;
    }
    const auto *E = first<Expr>(Matcher);
    if (!E) {
      ADD_FAILURE() << "no expression found";
      return std::nullopt;
    }
    return threadStartAt(*E, Names, ctx());
  }
};

TEST_F(ThreadStartsTest, ThreadConstruction) {
  std::optional<ThreadStart> Start =
      startAt("void f() { std::thread t(work); t.detach(); }",
              cxxConstructExpr(hasType(cxxRecordDecl(hasName("::std::thread"))))
                  .bind("x"));
  ASSERT_TRUE(Start.has_value());
  EXPECT_EQ(Start->Kind, SpawnKind::ThreadObject);
  EXPECT_EQ(Start->What, "std::thread");
  EXPECT_FALSE(Start->JoinsOnDestruction);
}

TEST_F(ThreadStartsTest, GroupStart) {
  std::optional<ThreadStart> Start = startAt(
      R"cpp(
    struct Group { template <class F> std::thread *create_thread(F f); };
    void f(Group &g) { g.create_thread(work); }
  )cpp",
      cxxMemberCallExpr(callee(cxxMethodDecl(hasName("create_thread"))))
          .bind("x"));
  ASSERT_TRUE(Start.has_value());
  EXPECT_EQ(Start->Kind, SpawnKind::ThreadInPlace);
  EXPECT_EQ(Start->What, "Group::create_thread");
}

TEST_F(ThreadStartsTest, JoinIsNoStart) {
  std::optional<ThreadStart> Start = startAt(
      "void f(std::thread &t) { t.join(); }",
      cxxMemberCallExpr(callee(cxxMethodDecl(hasName("join")))).bind("x"));
  EXPECT_FALSE(Start.has_value());
}

TEST_F(ThreadStartsTest, MovedThreadIsNoStart) {
  std::optional<ThreadStart> Start = startAt(
      R"cpp(
    void f(std::vector<std::thread> &v, std::thread &t) {
      v.emplace_back(std::move(t));
    }
  )cpp",
      cxxMemberCallExpr(callee(cxxMethodDecl(hasName("emplace_back"))))
          .bind("x"));
  EXPECT_FALSE(Start.has_value());
}

} // namespace
} // namespace unbounded_test
