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

TEST_F(LoopBoundsTest, WhileTrueEndingInBreakRunsOnce) {
  TripCount T =
      tripCount("void g(); void f() { while (true) { g(); break; } }");
  EXPECT_EQ(T.Kind, TripCountKind::Constant);
  EXPECT_EQ(T.Value, 1u);
  EXPECT_TRUE(bounds().isBounded(T));
}

TEST_F(LoopBoundsTest, ForeverLeavingOnEveryPathRunsOnce) {
  TripCount T = tripCount(R"cpp(
    [[noreturn]] void die();
    int f(bool ok) {
      for (;;) {
        if (ok) return 1;
        else if (!ok) throw 2;
        else die();
      }
    })cpp");
  EXPECT_EQ(T.Kind, TripCountKind::Constant);
  EXPECT_EQ(T.Value, 1u);
}

TEST_F(LoopBoundsTest, ConditionalBreakStaysInfinite) {
  TripCount T =
      tripCount("void f(bool done) { while (true) { if (done) break; } }");
  EXPECT_EQ(T.Kind, TripCountKind::Infinite);
}

TEST_F(LoopBoundsTest, ContinueBeforeTheBreakStaysInfinite) {
  TripCount T = tripCount(
      "void f(bool again) { while (true) { if (again) continue; break; } }");
  EXPECT_EQ(T.Kind, TripCountKind::Infinite);
}

TEST_F(LoopBoundsTest, BreakOfAnInnerLoopStaysInfinite) {
  TripCount T = tripCount("void f() { while (true) { for (;;) { break; } } }");
  EXPECT_EQ(T.Kind, TripCountKind::Infinite);
}

TEST_F(LoopBoundsTest, BreakOfASwitchStaysInfinite) {
  TripCount T = tripCount(
      "void f(int c) { while (true) { switch (c) { default: break; } } }");
  EXPECT_EQ(T.Kind, TripCountKind::Infinite);
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

// --- conjunctions, growing containers, input, core multiples, algorithms --

namespace unbounded_test {
namespace {

TEST_F(LoopBoundsTest, ConjunctionTakesTheSmallBound) {
  TripCount T = tripCount(
      "void f(bool ok) { for (int i = 0; i < 4 && ok; ++i) {} }");
  EXPECT_EQ(T.Kind, TripCountKind::Constant);
  EXPECT_EQ(T.Value, 4u);
  TripCount Reversed = tripCount(
      "void f(bool ok) { for (int i = 0; ok && i < 4; ++i) {} }");
  EXPECT_EQ(Reversed.Kind, TripCountKind::Constant);
}

TEST_F(LoopBoundsTest, ConjunctionOfConditionsIsTheWholeCondition) {
  TripCount T = tripCount(
      "void f(bool a, bool b) { for (int i = 0; a && b; ++i) {} }");
  EXPECT_EQ(T.Kind, TripCountKind::Condition);
  EXPECT_EQ(T.What, "a && b");
}

TEST_F(LoopBoundsTest, DisjunctionTakesTheWorseBound) {
  TripCount T = tripCount(
      "void f(bool ok) { for (int i = 0; i < 4 || ok; ++i) {} }");
  EXPECT_EQ(T.Kind, TripCountKind::Condition);
  EXPECT_EQ(T.What, "ok");
}

TEST_F(LoopBoundsTest, SizeOfTheContainerTheBodyGrows) {
  TripCount T = tripCount(R"cpp(
    struct P {
      std::vector<int> pool_;
      void f(int n) { for (; pool_.size() < 8 && n > 0; --n) pool_.push_back(1); }
    };
  )cpp");
  EXPECT_EQ(T.Kind, TripCountKind::Constant);
  EXPECT_EQ(T.Value, 8u);
  TripCount While = tripCount(
      "void f(std::vector<int> &v) { while (16 > v.size()) v.emplace_back(1); }");
  EXPECT_EQ(While.Kind, TripCountKind::Constant);
  EXPECT_EQ(While.Value, 16u);
}

TEST_F(LoopBoundsTest, SizeOfAContainerTheBodyDoesNotGrow) {
  TripCount T = tripCount(R"cpp(
    void f(std::vector<int> &a, std::vector<int> &b) {
      while (a.size() < 8) b.push_back(1);
    }
  )cpp");
  EXPECT_EQ(T.Kind, TripCountKind::Condition);
}

TEST_F(LoopBoundsTest, InputCount) {
  TripCount T = tripCount(R"cpp(
    extern "C" char *getenv(const char *);
    extern "C" int atoi(const char *);
    void f() { for (int i = 0; i < atoi(getenv("N")); ++i) {} }
  )cpp");
  EXPECT_EQ(T.Kind, TripCountKind::Input);
  EXPECT_NE(T.Origin, nullptr);
  EXPECT_FALSE(bounds().isBounded(T));
  EXPECT_EQ(bounds().describe(T),
            "its trip count 'atoi(getenv(\"N\"))' is read from the input");
}

TEST_F(LoopBoundsTest, InputOutranksAWorkerCountName) {
  // Named like a worker count, but read from the command line.
  TripCount T = tripCount(R"cpp(
    extern "C" int atoi(const char *);
    int f(int argc, char **argv) {
      int threads = atoi(argv[1]);
      for (int i = 0; i < threads; ++i) {}
      return 0;
    }
  )cpp");
  EXPECT_EQ(T.Kind, TripCountKind::Input);
  EXPECT_EQ(T.What, "threads");
  ASSERT_NE(T.Variable, nullptr);
  EXPECT_EQ(T.Variable->getName(), "threads");
}

TEST_F(LoopBoundsTest, MinOfInputAndConstantIsConstant) {
  TripCount T = countOf(R"cpp(
    extern "C" int atoi(const char *);
    int f(const char *s) { return std::min(atoi(s), 32); }
  )cpp");
  EXPECT_EQ(T.Kind, TripCountKind::Constant);
  EXPECT_EQ(T.Value, 32u);
}

TEST_F(LoopBoundsTest, CoreCountCarriesItsFactor) {
  TripCount T = countOf(
      "unsigned f() { return std::thread::hardware_concurrency() * 64; }");
  EXPECT_EQ(T.Kind, TripCountKind::CoreCount);
  EXPECT_EQ(T.Value, 64u);
  EXPECT_TRUE(bounds().isBounded(T));
  EXPECT_EQ(bounds().describe(T),
            "it runs 64 times per core ('std::thread::hardware_concurrency()')");
  TripCount Halved = countOf(
      "unsigned f() { return 8 * std::thread::hardware_concurrency() / 2; }");
  EXPECT_EQ(Halved.Value, 4u);
  TripCount Plain = countOf(
      "unsigned f() { return std::thread::hardware_concurrency() + 1; }");
  EXPECT_EQ(Plain.Value, 1u);
}

constexpr const char *AlgorithmDeclarations = R"cpp(
  namespace std {
  template <class It, class F> F for_each(It first, It last, F f) { return f; }
  template <class Out, class N, class G> Out generate_n(Out o, N n, G g) { return o; }
  }
)cpp";

TEST_F(LoopBoundsTest, AlgorithmOverAContainer) {
  ASSERT_TRUE(parse((llvm::Twine(AlgorithmDeclarations) + R"cpp(
    void f(std::vector<int> &v) { std::for_each(v.begin(), v.end(), [](int) {}); }
  )cpp").str()));
  const auto *Call = first<CallExpr>(
      callExpr(callee(functionDecl(hasName("for_each")))).bind("x"));
  ASSERT_NE(Call, nullptr);
  std::optional<AlgorithmCall> Algorithm = algorithmCall(Call);
  ASSERT_TRUE(Algorithm.has_value());
  TripCount T = bounds().ofAlgorithm(*Algorithm);
  EXPECT_EQ(T.Kind, TripCountKind::ElementCount);
  EXPECT_EQ(T.What, "v");
}

TEST_F(LoopBoundsTest, AlgorithmWithACount) {
  ASSERT_TRUE(parse((llvm::Twine(AlgorithmDeclarations) + R"cpp(
    void f(int *out) { std::generate_n(out, 8, [] { return 1; }); }
  )cpp").str()));
  const auto *Call = first<CallExpr>(
      callExpr(callee(functionDecl(hasName("generate_n")))).bind("x"));
  ASSERT_NE(Call, nullptr);
  std::optional<AlgorithmCall> Algorithm = algorithmCall(Call);
  ASSERT_TRUE(Algorithm.has_value());
  TripCount T = bounds().ofAlgorithm(*Algorithm);
  EXPECT_EQ(T.Kind, TripCountKind::Constant);
  EXPECT_EQ(T.Value, 8u);
}

TEST_F(LoopBoundsTest, MemberElementOfTheWalkedContainer) {
  ASSERT_TRUE(parse(R"cpp(
    struct W { void start(); };
    struct P {
      std::vector<W> workers_;
      void f() { for (W &w : workers_) w.start(); }
    };
  )cpp"));
  const auto *Loop = first<CXXForRangeStmt>(cxxForRangeStmt().bind("x"));
  const auto *Start = first<CXXMemberCallExpr>(
      cxxMemberCallExpr(callee(cxxMethodDecl(hasName("start")))).bind("x"));
  ASSERT_NE(Loop, nullptr);
  ASSERT_NE(Start, nullptr);
  TripCount T = bounds().ofLoop(Loop);
  EXPECT_TRUE(namesMemberElement(Start->getImplicitObjectArgument(), Loop, T));
}

TEST_F(LoopBoundsTest, ElementOfAParameterIsNotAMemberElement) {
  ASSERT_TRUE(parse(R"cpp(
    struct W { void start(); };
    void f(std::vector<W> &sessions) { for (W &w : sessions) w.start(); }
  )cpp"));
  const auto *Loop = first<CXXForRangeStmt>(cxxForRangeStmt().bind("x"));
  const auto *Start = first<CXXMemberCallExpr>(
      cxxMemberCallExpr(callee(cxxMethodDecl(hasName("start")))).bind("x"));
  ASSERT_NE(Loop, nullptr);
  ASSERT_NE(Start, nullptr);
  EXPECT_FALSE(namesMemberElement(Start->getImplicitObjectArgument(), Loop,
                                  bounds().ofLoop(Loop)));
}

TEST_F(LoopBoundsTest, WhileCountdownRunsItsStartValue) {
  TripCount T = tripCount(
      "void f(unsigned long n) { while (n) { n--; } }");
  EXPECT_EQ(T.Kind, TripCountKind::RuntimeCount);
  EXPECT_EQ(T.What, "n");
  TripCount Constant = tripCount(
      "void f() { int left = 3; while (left > 0) { --left; } }");
  EXPECT_EQ(Constant.Kind, TripCountKind::Constant);
  EXPECT_EQ(Constant.Value, 3u);
  TripCount InCondition = tripCount("void f(int n) { while (n--) {} }");
  EXPECT_EQ(InCondition.Kind, TripCountKind::RuntimeCount);
}

TEST_F(LoopBoundsTest, CountdownOfAVariableWrittenElsewhereIsACondition) {
  TripCount T = tripCount(
      "void f() { int left = 3; left += 100; while (left) { --left; } }");
  EXPECT_EQ(T.Kind, TripCountKind::Condition);
  TripCount NotDecremented = tripCount("void f(int n) { while (n) {} }");
  EXPECT_EQ(NotDecremented.Kind, TripCountKind::Condition);
}

TEST_F(LoopBoundsTest, LocalContainerOfConstantSize) {
  TripCount Counted = tripCount(R"cpp(
    struct Bag { explicit Bag(unsigned long n); int *begin(); int *end(); };
    void f() { Bag b(10); for (int x : b) {} }
  )cpp");
  EXPECT_EQ(Counted.Kind, TripCountKind::Constant);
  EXPECT_EQ(Counted.Value, 10u);
  TripCount Listed =
      tripCount("void f() { std::vector<int> v{1, 2, 3}; for (int x : v) {} }");
  EXPECT_EQ(Listed.Kind, TripCountKind::Constant);
  EXPECT_EQ(Listed.Value, 3u);
}

TEST_F(LoopBoundsTest, LocalContainerResizedIsElementCount) {
  TripCount T = tripCount(R"cpp(
    void f(int x) {
      std::vector<int> v{1, 2, 3};
      v.push_back(x);
      for (int e : v) {}
    }
  )cpp");
  EXPECT_EQ(T.Kind, TripCountKind::ElementCount);
  TripCount Handed = tripCount(R"cpp(
    void fill(std::vector<int> &v);
    void f() {
      std::vector<int> v{1, 2, 3};
      fill(v);
      for (int e : v) {}
    }
  )cpp");
  EXPECT_EQ(Handed.Kind, TripCountKind::ElementCount);
}

} // namespace
} // namespace unbounded_test
