//===- LoopBoundsTest.cpp - LoopBounds: trip counts of loops --------------===//

#include "TestSupport.h"

#include "utils/LoopBounds.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;
using namespace clang::ast_matchers;
using namespace clang::tidy::unbounded::utils;

namespace unbounded_test {
namespace {

class LoopBoundsTest : public ASTTest {
protected:
  /// The outermost loop in function f of Code, or null.
  const Stmt *loopIn(llvm::StringRef Code) {
    if (!parse(Code))
      return nullptr;
    return first<Stmt>(
        stmt(anyOf(forStmt(), cxxForRangeStmt(), whileStmt(), doStmt()),
             hasAncestor(functionDecl(hasName("f"))))
            .bind("x"));
  }

  /// The trip count of the outermost loop in f, with MaxIterations 64 and
  /// WorkerCountPattern "[Tt]hread|[Ww]orker".
  TripCount tripCount(llvm::StringRef Code) {
    const Stmt *Loop = loopIn(Code);
    EXPECT_NE(Loop, nullptr) << "no loop in f, or the snippet does not compile";
    if (!Loop)
      return {TripCountKind::Infinite, 0, "<no loop>"};
    return bounds().ofLoop(Loop);
  }

  /// The count of the expression returned by function f.
  TripCount countOf(llvm::StringRef Code) {
    const Expr *E = nullptr;
    if (parse(Code))
      if (const auto *Return = first<ReturnStmt>(
              returnStmt(hasAncestor(functionDecl(hasName("f")))).bind("x")))
        E = Return->getRetValue();
    EXPECT_NE(E, nullptr) << "no return in f, or the snippet does not compile";
    if (!E)
      return {TripCountKind::Infinite, 0, "<no expression>"};
    return bounds().ofCount(E);
  }

  LoopBounds bounds() { return LoopBounds(ctx(), 64, "[Tt]hread|[Ww]orker"); }
};

// --- constant for-loops -------------------------------------------------

TEST_F(LoopBoundsTest, LessThanConstant) {
  TripCount T = tripCount("void f() { for (int i = 0; i < 8; ++i) {} }");
  EXPECT_EQ(T.Kind, TripCountKind::Constant);
  EXPECT_EQ(T.Value, 8u);
  EXPECT_TRUE(bounds().isBounded(T));
  EXPECT_EQ(bounds().describe(T), "it runs 8 times");
}

TEST_F(LoopBoundsTest, LessOrEqualConstantCountsTheLastIteration) {
  TripCount T = tripCount("void f() { for (int i = 0; i <= 8; ++i) {} }");
  EXPECT_EQ(T.Kind, TripCountKind::Constant);
  EXPECT_EQ(T.Value, 9u);
  EXPECT_TRUE(bounds().isBounded(T));
}

TEST_F(LoopBoundsTest, NonZeroStartIsSubtracted) {
  TripCount T = tripCount("void f() { for (int i = 2; i < 10; ++i) {} }");
  EXPECT_EQ(T.Kind, TripCountKind::Constant);
  EXPECT_EQ(T.Value, 8u);
}

TEST_F(LoopBoundsTest, ConstexprBound) {
  TripCount T = tripCount(R"cpp(
    constexpr int kN = 16;
    void f() { for (int i = 0; i < kN; ++i) {} }
  )cpp");
  EXPECT_EQ(T.Kind, TripCountKind::Constant);
  EXPECT_EQ(T.Value, 16u);
  EXPECT_TRUE(bounds().isBounded(T));
}

TEST_F(LoopBoundsTest, ReversedComparison) {
  TripCount T = tripCount("void f() { for (int i = 0; 8 > i; ++i) {} }");
  EXPECT_EQ(T.Kind, TripCountKind::Constant);
  EXPECT_EQ(T.Value, 8u);
}

TEST_F(LoopBoundsTest, CountingDownFromAssignedStart) {
  TripCount T =
      tripCount("void f() { int i; for (i = 16; i > 0; --i) {} }");
  EXPECT_EQ(T.Kind, TripCountKind::Constant);
  EXPECT_EQ(T.Value, 16u);
  EXPECT_TRUE(bounds().isBounded(T));
}

TEST_F(LoopBoundsTest, CountingDownFromDeclaredStart) {
  TripCount T =
      tripCount("void f() { for (int i = 100; i >= 1; --i) {} }");
  EXPECT_EQ(T.Kind, TripCountKind::Constant);
  EXPECT_EQ(T.Value, 100u);
  EXPECT_FALSE(bounds().isBounded(T));
}

TEST_F(LoopBoundsTest, CountingDownFromRuntimeStart) {
  TripCount T = tripCount("void f(int n) { for (int i = n; i > 0; --i) {} }");
  EXPECT_EQ(T.Kind, TripCountKind::RuntimeCount);
  EXPECT_EQ(T.What, "n");
  EXPECT_FALSE(bounds().isBounded(T));
}

TEST_F(LoopBoundsTest, CountingDownFromRuntimeValueAssignedInInit) {
  // The start is the value the init statement assigns, not the variable's
  // earlier initializer.
  TripCount T = tripCount(
      "void f(int n) { int i = 0; for (i = n; i > 0; --i) {} }");
  EXPECT_EQ(T.Kind, TripCountKind::RuntimeCount);
  EXPECT_EQ(T.What, "n");
  EXPECT_FALSE(bounds().isBounded(T));
}

TEST_F(LoopBoundsTest, CountingDownFromConstantAssignedInInit) {
  TripCount T =
      tripCount("void f() { int i = 0; for (i = 1000; i > 0; --i) {} }");
  EXPECT_EQ(T.Kind, TripCountKind::Constant);
  EXPECT_EQ(T.Value, 1000u);
  EXPECT_FALSE(bounds().isBounded(T));
}

TEST_F(LoopBoundsTest, ShiftedBoundAboveTheLimit) {
  TripCount T =
      tripCount("void f() { for (int i = 0; i < (1 << 20); ++i) {} }");
  EXPECT_EQ(T.Kind, TripCountKind::Constant);
  EXPECT_EQ(T.Value, 1u << 20);
  EXPECT_FALSE(bounds().isBounded(T));
  EXPECT_EQ(bounds().describe(T),
            "it runs 1048576 times, more than the 64 MaxIterations allows");
}

TEST_F(LoopBoundsTest, LimitItselfIsBoundedOneMoreIsNot) {
  TripCount AtLimit =
      tripCount("void f() { for (int i = 0; i < 64; ++i) {} }");
  EXPECT_EQ(AtLimit.Value, 64u);
  EXPECT_TRUE(bounds().isBounded(AtLimit));
  TripCount AboveLimit =
      tripCount("void f() { for (int i = 0; i <= 64; ++i) {} }");
  EXPECT_EQ(AboveLimit.Value, 65u);
  EXPECT_FALSE(bounds().isBounded(AboveLimit));
}

TEST_F(LoopBoundsTest, LocalRuntimeBound) {
  TripCount T = tripCount(R"cpp(
    int count();
    void f() {
      int n = count();
      for (int i = 0; i < n; ++i) {}
    }
  )cpp");
  EXPECT_EQ(T.Kind, TripCountKind::RuntimeCount);
  EXPECT_EQ(T.What, "n");
  EXPECT_FALSE(bounds().isBounded(T));
}

TEST_F(LoopBoundsTest, ComparisonOfNonInductionVariableIsCondition) {
  // i is neither set in the init statement nor stepped by the increment.
  TripCount T = tripCount(R"cpp(
    bool step(int &);
    void f() {
      int i = 0;
      for (; i < 8;) { step(i); }
    }
  )cpp");
  EXPECT_EQ(T.Kind, TripCountKind::Condition);
  EXPECT_FALSE(bounds().isBounded(T));
}

// --- core count ---------------------------------------------------------

TEST_F(LoopBoundsTest, HardwareConcurrencyBound) {
  TripCount T = tripCount(R"cpp(
    void f() {
      for (unsigned i = 0; i < std::thread::hardware_concurrency(); ++i) {}
    }
  )cpp");
  EXPECT_EQ(T.Kind, TripCountKind::CoreCount);
  EXPECT_EQ(T.What, "std::thread::hardware_concurrency()");
  EXPECT_TRUE(bounds().isBounded(T));
  EXPECT_EQ(bounds().describe(T),
            "it runs once per core ('std::thread::hardware_concurrency()')");
}

TEST_F(LoopBoundsTest, LocalInitialisedFromHardwareConcurrency) {
  TripCount T = tripCount(R"cpp(
    void f() {
      unsigned n = std::thread::hardware_concurrency();
      for (unsigned i = 0; i < n; ++i) {}
    }
  )cpp");
  EXPECT_EQ(T.Kind, TripCountKind::CoreCount);
  EXPECT_TRUE(bounds().isBounded(T));
}

TEST_F(LoopBoundsTest, MinOfRuntimeAndCoreCountIsCoreCount) {
  TripCount T = tripCount(R"cpp(
    void f(unsigned x) {
      for (unsigned i = 0; i < std::min(x, std::thread::hardware_concurrency());
           ++i) {}
    }
  )cpp");
  EXPECT_EQ(T.Kind, TripCountKind::CoreCount);
  EXPECT_TRUE(bounds().isBounded(T));
}

TEST_F(LoopBoundsTest, MaxOfRuntimeAndCoreCountIsRuntime) {
  TripCount T = tripCount(R"cpp(
    void f(unsigned x) {
      for (unsigned i = 0; i < std::max(x, std::thread::hardware_concurrency());
           ++i) {}
    }
  )cpp");
  EXPECT_EQ(T.Kind, TripCountKind::RuntimeCount);
  EXPECT_FALSE(bounds().isBounded(T));
}

TEST_F(LoopBoundsTest, MultipleOfCoreCountIsCoreCount) {
  TripCount T = tripCount(R"cpp(
    void f() {
      for (unsigned i = 0; i < 2 * std::thread::hardware_concurrency(); ++i) {}
    }
  )cpp");
  EXPECT_EQ(T.Kind, TripCountKind::CoreCount);
  EXPECT_TRUE(bounds().isBounded(T));
}

TEST_F(LoopBoundsTest, CoreCountTimesRuntimeIsRuntime) {
  TripCount T = tripCount(R"cpp(
    void f(unsigned n) {
      for (unsigned i = 0; i < n * std::thread::hardware_concurrency(); ++i) {}
    }
  )cpp");
  EXPECT_EQ(T.Kind, TripCountKind::RuntimeCount);
  EXPECT_FALSE(bounds().isBounded(T));
}

// --- worker count vs runtime count --------------------------------------

TEST_F(LoopBoundsTest, WorkerCountParameter) {
  TripCount T = tripCount(
      "void f(int num_threads) { for (int i = 0; i < num_threads; ++i) {} }");
  EXPECT_EQ(T.Kind, TripCountKind::WorkerCount);
  EXPECT_EQ(T.What, "num_threads");
  EXPECT_TRUE(bounds().isBounded(T));
  EXPECT_EQ(bounds().describe(T),
            "it runs once per configured worker ('num_threads')");
}

TEST_F(LoopBoundsTest, WorkerCountMemberAndGetter) {
  TripCount Field = tripCount(R"cpp(
    struct Config { int worker_count; };
    void f(const Config &c) { for (int i = 0; i < c.worker_count; ++i) {} }
  )cpp");
  EXPECT_EQ(Field.Kind, TripCountKind::WorkerCount);
  TripCount Getter = tripCount(R"cpp(
    struct Pool { int numWorkers() const; };
    void f(const Pool &p) { for (int i = 0; i < p.numWorkers(); ++i) {} }
  )cpp");
  EXPECT_EQ(Getter.Kind, TripCountKind::WorkerCount);
}

TEST_F(LoopBoundsTest, RuntimeCountParameter) {
  TripCount T = tripCount("void f(int n) { for (int i = 0; i < n; ++i) {} }");
  EXPECT_EQ(T.Kind, TripCountKind::RuntimeCount);
  EXPECT_EQ(T.What, "n");
  EXPECT_FALSE(bounds().isBounded(T));
  EXPECT_EQ(bounds().describe(T),
            "its trip count 'n' is only known at run time");
}

TEST_F(LoopBoundsTest, EmptyWorkerPatternNamesNoWorkerCount) {
  const Stmt *Loop = loopIn(
      "void f(int num_threads) { for (int i = 0; i < num_threads; ++i) {} }");
  ASSERT_NE(Loop, nullptr);
  LoopBounds NoWorkers(ctx(), 64, "");
  TripCount T = NoWorkers.ofLoop(Loop);
  EXPECT_EQ(T.Kind, TripCountKind::RuntimeCount);
  EXPECT_FALSE(NoWorkers.isBounded(T));
}

// --- containers ---------------------------------------------------------

TEST_F(LoopBoundsTest, VectorSizeIsElementCount) {
  TripCount T = tripCount(R"cpp(
    void f(std::vector<int> &v) {
      for (std::size_t i = 0; i < v.size(); ++i) {}
    }
  )cpp");
  EXPECT_EQ(T.Kind, TripCountKind::ElementCount);
  EXPECT_EQ(T.What, "v");
  EXPECT_FALSE(bounds().isBounded(T));
  EXPECT_EQ(bounds().describe(T), "it runs once per element of 'v'");
}

TEST_F(LoopBoundsTest, StdArraySizeIsConstant) {
  TripCount T = tripCount(R"cpp(
    void f(std::array<int, 4> &a) {
      for (std::size_t i = 0; i < a.size(); ++i) {}
    }
  )cpp");
  EXPECT_EQ(T.Kind, TripCountKind::Constant);
  EXPECT_EQ(T.Value, 4u);
  EXPECT_TRUE(bounds().isBounded(T));
}

TEST_F(LoopBoundsTest, CArraySizeIsConstant) {
  TripCount T = tripCount(R"cpp(
    void f() {
      int a[5] = {};
      for (std::size_t i = 0; i < std::size(a); ++i) {}
    }
  )cpp");
  EXPECT_EQ(T.Kind, TripCountKind::Constant);
  EXPECT_EQ(T.Value, 5u);
}

TEST_F(LoopBoundsTest, RangeForOverVectorIsElementCount) {
  TripCount T =
      tripCount("void f(std::vector<int> &items) { for (int x : items) {} }");
  EXPECT_EQ(T.Kind, TripCountKind::ElementCount);
  EXPECT_EQ(T.What, "items");
  EXPECT_FALSE(bounds().isBounded(T));
}

TEST_F(LoopBoundsTest, RangeForOverBracedListIsConstant) {
  TripCount T = tripCount("void f() { for (int x : {1, 2, 3}) {} }");
  EXPECT_EQ(T.Kind, TripCountKind::Constant);
  EXPECT_EQ(T.Value, 3u);
  EXPECT_TRUE(bounds().isBounded(T));
}

TEST_F(LoopBoundsTest, RangeForOverCArrayIsConstant) {
  TripCount T =
      tripCount("void f() { int a[7] = {}; for (int x : a) {} }");
  EXPECT_EQ(T.Kind, TripCountKind::Constant);
  EXPECT_EQ(T.Value, 7u);
}

TEST_F(LoopBoundsTest, RangeForOverStdArrayIsConstant) {
  TripCount T =
      tripCount("void f(std::array<int, 100> &a) { for (int x : a) {} }");
  EXPECT_EQ(T.Kind, TripCountKind::Constant);
  EXPECT_EQ(T.Value, 100u);
  EXPECT_FALSE(bounds().isBounded(T));
}

TEST_F(LoopBoundsTest, IteratorLoopOverVectorIsElementCount) {
  TripCount T = tripCount(R"cpp(
    void f(std::vector<int> &v) {
      for (auto it = v.begin(); it != v.end(); ++it) {}
    }
  )cpp");
  EXPECT_EQ(T.Kind, TripCountKind::ElementCount);
  EXPECT_EQ(T.What, "v");
}

TEST_F(LoopBoundsTest, IteratorLoopOverStdArrayIsConstant) {
  TripCount T = tripCount(R"cpp(
    void f(std::array<int, 3> &a) {
      for (auto it = a.begin(); it != a.end(); ++it) {}
    }
  )cpp");
  EXPECT_EQ(T.Kind, TripCountKind::Constant);
  EXPECT_EQ(T.Value, 3u);
}

// --- conditions and infinite loops --------------------------------------

TEST_F(LoopBoundsTest, WhileFlagIsCondition) {
  TripCount T = tripCount("void f(bool running) { while (running) {} }");
  EXPECT_EQ(T.Kind, TripCountKind::Condition);
  EXPECT_EQ(T.What, "running");
  EXPECT_FALSE(bounds().isBounded(T));
  EXPECT_EQ(bounds().describe(T),
            "it runs for as long as 'running' holds");
}

TEST_F(LoopBoundsTest, ForWithoutConditionIsInfinite) {
  TripCount T = tripCount("void f() { for (;;) {} }");
  EXPECT_EQ(T.Kind, TripCountKind::Infinite);
  EXPECT_FALSE(bounds().isBounded(T));
  EXPECT_EQ(bounds().describe(T), "it has no exit condition");
}

TEST_F(LoopBoundsTest, WhileTrueIsInfinite) {
  TripCount T = tripCount("void f() { while (true) {} }");
  EXPECT_EQ(T.Kind, TripCountKind::Infinite);
  EXPECT_FALSE(bounds().isBounded(T));
}

TEST_F(LoopBoundsTest, WhileFalseRunsAtMostOnce) {
  TripCount T = tripCount("void f() { while (false) {} }");
  EXPECT_EQ(T.Kind, TripCountKind::Constant);
  EXPECT_TRUE(bounds().isBounded(T));
}

TEST_F(LoopBoundsTest, DoWhileFlagIsCondition) {
  TripCount T =
      tripCount("void f(bool more) { do {} while (more); }");
  EXPECT_EQ(T.Kind, TripCountKind::Condition);
  EXPECT_EQ(T.What, "more");
  EXPECT_FALSE(bounds().isBounded(T));
}

TEST_F(LoopBoundsTest, DoWhileFalseRunsOnce) {
  TripCount T = tripCount("void f() { do {} while (false); }");
  EXPECT_EQ(T.Kind, TripCountKind::Constant);
  EXPECT_EQ(T.Value, 1u);
  EXPECT_TRUE(bounds().isBounded(T));
}

TEST_F(LoopBoundsTest, ForWithNonComparisonConditionIsCondition) {
  TripCount T = tripCount(R"cpp(
    bool next();
    void f() { for (int i = 0; next(); ++i) {} }
  )cpp");
  EXPECT_EQ(T.Kind, TripCountKind::Condition);
  EXPECT_EQ(T.What, "next()");
}

// --- ofCount on plain expressions ---------------------------------------

TEST_F(LoopBoundsTest, CountOfConstantExpression) {
  TripCount T = countOf("constexpr int kMax = 6; int f() { return kMax * 2; }");
  EXPECT_EQ(T.Kind, TripCountKind::Constant);
  EXPECT_EQ(T.Value, 12u);
}

TEST_F(LoopBoundsTest, CountOfNegativeConstantIsZero) {
  TripCount T = countOf("int f() { return -5; }");
  EXPECT_EQ(T.Kind, TripCountKind::Constant);
  EXPECT_EQ(T.Value, 0u);
}

TEST_F(LoopBoundsTest, CountOfCoreCountDividedStaysCoreCount) {
  TripCount T =
      countOf("unsigned f() { return std::thread::hardware_concurrency() / 2; }");
  EXPECT_EQ(T.Kind, TripCountKind::CoreCount);
}

TEST_F(LoopBoundsTest, CountOfVectorSizeIsElementCount) {
  TripCount T = countOf(
      "std::size_t f(const std::vector<int> &queue) { return queue.size(); }");
  EXPECT_EQ(T.Kind, TripCountKind::ElementCount);
  EXPECT_EQ(T.What, "queue");
}

TEST_F(LoopBoundsTest, CountOfRuntimeParameter) {
  TripCount T = countOf("int f(int requests) { return requests; }");
  EXPECT_EQ(T.Kind, TripCountKind::RuntimeCount);
  EXPECT_EQ(T.What, "requests");
}

// --- isLoop / loopBody --------------------------------------------------

TEST_F(LoopBoundsTest, IsLoopAndLoopBody) {
  ASSERT_TRUE(parse(R"cpp(
    void f(bool running) { while (running) { int x = 0; } if (running) {} }
  )cpp"));
  const auto *While = first<WhileStmt>(whileStmt().bind("x"));
  const auto *If = first<IfStmt>(ifStmt().bind("x"));
  ASSERT_NE(While, nullptr);
  ASSERT_NE(If, nullptr);
  EXPECT_TRUE(isLoop(While));
  EXPECT_FALSE(isLoop(If));
  EXPECT_FALSE(isLoop(nullptr));
  EXPECT_EQ(loopBody(While), While->getBody());
}

} // namespace
} // namespace unbounded_test

namespace unbounded_test {
namespace {

TEST_F(LoopBoundsTest, CompoundAssignmentIsNotAStartValue) {
  TripCount T = tripCount(
      "void f(int n) { int i = n; for (i -= 1; i > 0; --i) {} }");
  EXPECT_EQ(T.Kind, TripCountKind::Condition);
  EXPECT_FALSE(bounds().isBounded(T));
}

TEST_F(LoopBoundsTest, CountingDownWithNotEqual) {
  TripCount Runtime =
      tripCount("void f(int n) { for (int i = n; i != 0; --i) {} }");
  EXPECT_EQ(Runtime.Kind, TripCountKind::RuntimeCount);
  EXPECT_EQ(Runtime.What, "n");
  TripCount Constant =
      tripCount("void f() { for (int i = 100; i != 0; --i) {} }");
  EXPECT_EQ(Constant.Kind, TripCountKind::Constant);
  EXPECT_EQ(Constant.Value, 100u);
}

TEST_F(LoopBoundsTest, CountingDownWithLessThanIsNotACount) {
  TripCount T = tripCount("void f(int n) { for (int i = 0; i < n; --i) {} }");
  EXPECT_EQ(T.Kind, TripCountKind::Condition);
}

} // namespace
} // namespace unbounded_test
