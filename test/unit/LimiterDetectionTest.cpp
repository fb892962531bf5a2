//===- LimiterDetectionTest.cpp - LimiterDetection: semaphores, guards ----===//

#include "TestSupport.h"

#include "utils/LimiterDetection.h"

#include "clang/AST/ExprCXX.h"

using namespace clang;
using namespace clang::ast_matchers;
using namespace clang::tidy::unbounded::utils;

namespace unbounded_test {
namespace {

/// Globals the snippets use: a semaphore, a POSIX semaphore, counters.
constexpr const char *Globals = R"cpp(
  void work();
  void log();
  std::counting_semaphore<8> sem(8);
  struct RateLimiter { bool allow(); void record(); };
  RateLimiter limiter;
  sem_t s;
  int active = 0;
  int inflight = 0;
  int limit = 16;
  constexpr int kMax = 16;
  int max = 16;
  std::mutex m;
  std::condition_variable cv;
  bool ready = false;
)cpp";

class LimiterDetectionTest : public ASTTest {
protected:
  /// Parses Globals + Code, then looks for a limiter of the first
  /// std::thread construction within the body of the first while loop.
  const Stmt *limiterIn(llvm::StringRef Code,
                        std::vector<std::string> Functions = {"::sem_wait"},
                        llvm::StringRef TypePattern = "[Ss]emaphore|[Ll]imiter",
                        llvm::StringRef CounterPattern =
                            "active|inflight|max|limit") {
    Found = false;
    if (!parse((llvm::Twine(Globals) + Code).str())) {
      ADD_FAILURE() << "the snippet does not compile";
      return nullptr;
    }
    const auto *Loop = first<WhileStmt>(whileStmt().bind("x"));
    const auto *Target = first<CXXConstructExpr>(
        cxxConstructExpr(hasType(cxxRecordDecl(hasName("::std::thread"))))
            .bind("x"));
    if (!Loop || !Target) {
      ADD_FAILURE() << "no while loop or no std::thread construction";
      return nullptr;
    }
    LimiterDetection Limiter(ctx(), std::move(Functions), TypePattern,
                             CounterPattern);
    const Stmt *Limit = Limiter.findLimiter(Target, Loop->getBody());
    Found = Limit != nullptr;
    return Limit;
  }

  /// The first node bound by Matcher, as a statement.
  template <typename MatcherT> const Stmt *node(const MatcherT &Matcher) {
    return first<Stmt>(Matcher.bind("x"));
  }

  bool Found = false;
};

// --- semaphores and limiter functions -----------------------------------

TEST_F(LimiterDetectionTest, SemaphoreAcquiredBefore) {
  const Stmt *Limit = limiterIn(R"cpp(
    void serve(bool running) {
      while (running) {
        sem.acquire();
        std::thread t([] { work(); sem.release(); });
        t.detach();
      }
    }
  )cpp");
  ASSERT_TRUE(Found);
  EXPECT_EQ(Limit, node(cxxMemberCallExpr(callee(cxxMethodDecl(hasName("acquire"))))));
}

TEST_F(LimiterDetectionTest, SemaphoreAcquiredAfter) {
  limiterIn(R"cpp(
    void serve(bool running) {
      while (running) {
        std::thread t([] { work(); sem.release(); });
        t.detach();
        sem.acquire();
      }
    }
  )cpp");
  EXPECT_FALSE(Found);
}

TEST_F(LimiterDetectionTest, SemaphoreAcquiredInsideThreadFunctionDoesNotCount) {
  limiterIn(R"cpp(
    void serve(bool running) {
      while (running) {
        auto body = [] { sem.acquire(); work(); sem.release(); };
        std::thread t(body);
        t.detach();
      }
    }
  )cpp");
  EXPECT_FALSE(Found);
}

TEST_F(LimiterDetectionTest, SemaphoreOutsideTheScopeDoesNotCount) {
  limiterIn(R"cpp(
    void serve(bool running) {
      sem.acquire();
      while (running) {
        std::thread t(work);
        t.detach();
      }
    }
  )cpp");
  EXPECT_FALSE(Found);
}

TEST_F(LimiterDetectionTest, RateLimiterAllowBefore) {
  limiterIn(R"cpp(
    void serve(bool running) {
      while (running) {
        limiter.allow();
        std::thread t(work);
        t.detach();
      }
    }
  )cpp");
  EXPECT_TRUE(Found);
}

TEST_F(LimiterDetectionTest, OtherMethodOfLimiterTypeDoesNotCount) {
  limiterIn(R"cpp(
    void serve(bool running) {
      while (running) {
        limiter.record();
        std::thread t(work);
        t.detach();
      }
    }
  )cpp");
  EXPECT_FALSE(Found);
}

TEST_F(LimiterDetectionTest, SemWaitBefore) {
  const Stmt *Limit = limiterIn(R"cpp(
    void serve(bool running) {
      while (running) {
        sem_wait(&s);
        std::thread t(work);
        t.detach();
      }
    }
  )cpp");
  ASSERT_TRUE(Found);
  EXPECT_EQ(Limit, node(callExpr(callee(functionDecl(hasName("sem_wait"))))));
}

TEST_F(LimiterDetectionTest, SemWaitNotInFunctionsList) {
  limiterIn(R"cpp(
    void serve(bool running) {
      while (running) {
        sem_wait(&s);
        std::thread t(work);
        t.detach();
      }
    }
  )cpp",
            /*Functions=*/{});
  EXPECT_FALSE(Found);
}

TEST_F(LimiterDetectionTest, SemPostIsNotALimiter) {
  limiterIn(R"cpp(
    void serve(bool running) {
      while (running) {
        sem_post(&s);
        std::thread t(work);
        t.detach();
      }
    }
  )cpp");
  EXPECT_FALSE(Found);
}

// --- early exits on a counter -------------------------------------------

TEST_F(LimiterDetectionTest, EarlyReturnOnCounterBefore) {
  const Stmt *Limit = limiterIn(R"cpp(
    void serve(bool running) {
      while (running) {
        if (active >= kMax) return;
        ++active;
        std::thread t([] { work(); --active; });
        t.detach();
      }
    }
  )cpp");
  ASSERT_TRUE(Found);
  EXPECT_EQ(Limit, node(ifStmt()));
}

TEST_F(LimiterDetectionTest, EarlyContinueInBlockOnCounterBefore) {
  limiterIn(R"cpp(
    void serve(bool running) {
      while (running) {
        if (inflight > limit) { log(); continue; }
        std::thread t(work);
        t.detach();
      }
    }
  )cpp");
  EXPECT_TRUE(Found);
}

TEST_F(LimiterDetectionTest, EarlyExitWithoutCounterName) {
  limiterIn(R"cpp(
    void serve(bool running, std::string line) {
      while (running) {
        if (line.size() > 1024) continue;
        std::thread t(work);
        t.detach();
      }
    }
  )cpp");
  EXPECT_FALSE(Found);
}

TEST_F(LimiterDetectionTest, CounterCheckThatDoesNotExit) {
  limiterIn(R"cpp(
    void serve(bool running) {
      while (running) {
        if (active >= kMax) log();
        std::thread t(work);
        t.detach();
      }
    }
  )cpp");
  EXPECT_FALSE(Found);
}

TEST_F(LimiterDetectionTest, CounterCheckAfterTheTarget) {
  limiterIn(R"cpp(
    void serve(bool running) {
      while (running) {
        std::thread t(work);
        t.detach();
        if (active >= kMax) return;
      }
    }
  )cpp");
  EXPECT_FALSE(Found);
}

// --- guarding conditions ------------------------------------------------

TEST_F(LimiterDetectionTest, GuardedByCounterComparison) {
  const Stmt *Limit = limiterIn(R"cpp(
    void serve(bool running) {
      while (running) {
        if (inflight < limit) {
          std::thread t(work);
          t.detach();
        }
      }
    }
  )cpp");
  ASSERT_TRUE(Found);
  EXPECT_EQ(Limit, node(ifStmt()));
}

TEST_F(LimiterDetectionTest, GuardedByCompoundConditionWithCounter) {
  limiterIn(R"cpp(
    void serve(bool running) {
      while (running) {
        if (ready && !(active >= max)) {
          std::thread t(work);
          t.detach();
        }
      }
    }
  )cpp");
  EXPECT_TRUE(Found);
}

TEST_F(LimiterDetectionTest, GuardedByUnrelatedCondition) {
  limiterIn(R"cpp(
    void serve(bool running) {
      while (running) {
        if (ready) {
          std::thread t(work);
          t.detach();
        }
      }
    }
  )cpp");
  EXPECT_FALSE(Found);
}

TEST_F(LimiterDetectionTest, GuardOutsideTheScopeDoesNotCount) {
  limiterIn(R"cpp(
    void serve(bool running) {
      if (inflight < limit) {
        while (running) {
          std::thread t(work);
          t.detach();
        }
      }
    }
  )cpp");
  EXPECT_FALSE(Found);
}

// --- waiting for a counter ----------------------------------------------

TEST_F(LimiterDetectionTest, ConditionVariableWaitOnCounter) {
  const Stmt *Limit = limiterIn(R"cpp(
    void serve(bool running) {
      while (running) {
        std::unique_lock<std::mutex> lock(m);
        cv.wait(lock, [&] { return active < max; });
        std::thread t(work);
        t.detach();
      }
    }
  )cpp");
  ASSERT_TRUE(Found);
  EXPECT_EQ(Limit, node(cxxMemberCallExpr(callee(cxxMethodDecl(hasName("wait"))))));
}

TEST_F(LimiterDetectionTest, ConditionVariableWaitOnFlag) {
  limiterIn(R"cpp(
    void serve(bool running) {
      while (running) {
        std::unique_lock<std::mutex> lock(m);
        cv.wait(lock, [&] { return ready; });
        std::thread t(work);
        t.detach();
      }
    }
  )cpp");
  EXPECT_FALSE(Found);
}

TEST_F(LimiterDetectionTest, BusyWaitOnCounter) {
  limiterIn(R"cpp(
    void serve(bool running) {
      while (running) {
        do { log(); } while (active >= max);
        std::thread t(work);
        t.detach();
      }
    }
  )cpp");
  EXPECT_TRUE(Found);
}

// --- isLimitComparison --------------------------------------------------

TEST_F(LimiterDetectionTest, IsLimitComparison) {
  ASSERT_TRUE(parse((llvm::Twine(Globals) + R"cpp(
    int f(int n, int pending) {
      int a = active < kMax;
      int b = n < 10;
      int c = !(inflight >= limit) || n > 3;
      int d = active + 1;
      return 0;
    }
  )cpp").str()));
  LimiterDetection Limiter(ctx(), {}, "[Ss]emaphore", "active|inflight|max|limit");
  auto initOf = [&](llvm::StringRef Name) {
    const auto *V = first<VarDecl>(
        varDecl(hasName(Name), hasAncestor(functionDecl(hasName("f"))))
            .bind("x"));
    return V ? V->getInit() : nullptr;
  };
  EXPECT_TRUE(Limiter.isLimitComparison(initOf("a")));
  EXPECT_FALSE(Limiter.isLimitComparison(initOf("b")));
  EXPECT_TRUE(Limiter.isLimitComparison(initOf("c")));
  EXPECT_FALSE(Limiter.isLimitComparison(initOf("d")));
  EXPECT_FALSE(Limiter.isLimitComparison(nullptr));
}

} // namespace
} // namespace unbounded_test
