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
    const Stmt *Limit =
        Limiter.findLimiter(Target, Loop->getBody(), parentsOf(Target));
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

TEST_F(LimiterDetectionTest, ConstructingASemaphoreIsNotALimiter) {
  // A semaphore made fresh in every iteration bounds nothing.
  limiterIn(R"cpp(
    void serve(bool running) {
      while (running) {
        std::counting_semaphore<4> sem(4);
        std::thread t(work);
        t.detach();
      }
    }
  )cpp");
  EXPECT_FALSE(Found);
}

TEST_F(LimiterDetectionTest, GuardTakingASemaphoreBefore) {
  const Stmt *Limit = limiterIn(R"cpp(
    class SemaphoreGuard {
    public:
      explicit SemaphoreGuard(std::counting_semaphore<8> &);
      ~SemaphoreGuard();
    };
    void serve(bool running) {
      while (running) {
        SemaphoreGuard g(sem);
        std::thread t(work);
        t.detach();
      }
    }
  )cpp");
  ASSERT_TRUE(Found);
  EXPECT_EQ(Limit, node(cxxConstructExpr(
                       hasType(cxxRecordDecl(hasName("SemaphoreGuard"))))));
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

TEST_F(LimiterDetectionTest, EarlyReturnBelowTheLimitIsNotALimiter) {
  // Returns while there is room: only ever continues once at the limit.
  limiterIn(R"cpp(
    void serve(bool running) {
      while (running) {
        if (active < kMax) return;
        std::thread t(work);
        t.detach();
      }
    }
  )cpp");
  EXPECT_FALSE(Found);
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

TEST_F(LimiterDetectionTest, ElseBranchOfBelowLimitCheckIsNotGuarded) {
  // The else branch runs when the limit is reached.
  limiterIn(R"cpp(
    void serve(bool running) {
      while (running) {
        if (inflight < limit) {
        } else {
          std::thread t(work);
          t.detach();
        }
      }
    }
  )cpp");
  EXPECT_FALSE(Found);
}

TEST_F(LimiterDetectionTest, ElseBranchOfAtLimitCheckIsGuarded) {
  const Stmt *Limit = limiterIn(R"cpp(
    void serve(bool running) {
      while (running) {
        if (active >= kMax) {
          log();
        } else {
          std::thread t(work);
          t.detach();
        }
      }
    }
  )cpp");
  ASSERT_TRUE(Found);
  EXPECT_EQ(Limit, node(ifStmt()));
}

TEST_F(LimiterDetectionTest, ThenBranchOfAtLimitCheckIsNotGuarded) {
  limiterIn(R"cpp(
    void serve(bool running) {
      while (running) {
        if (active >= kMax) {
          std::thread t(work);
          t.detach();
        }
      }
    }
  )cpp");
  EXPECT_FALSE(Found);
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

// --- limitComparison ----------------------------------------------------

TEST_F(LimiterDetectionTest, LimitComparison) {
  ASSERT_TRUE(parse((llvm::Twine(Globals) + R"cpp(
    int f(int n, int pending, bool a, std::string line) {
      int below = active < max;
      int at_limit = active >= kMax;
      int negated = !(active < max);
      int reversed = kMax > active;
      int compound = a && active < max;
      int unnamed = line.size() > 1024;
      int constant_only = n < 10;
      int negated_compound = !(inflight >= limit) || n > 3;
      int arithmetic = active + 1;
      return 0;
    }
  )cpp").str()));
  LimiterDetection Limiter(ctx(), {}, "[Ss]emaphore", "active|inflight|max|limit");
  auto initOf = [&](llvm::StringRef Name) -> const Expr * {
    const auto *V = first<VarDecl>(
        varDecl(hasName(Name), hasAncestor(functionDecl(hasName("f"))))
            .bind("x"));
    EXPECT_NE(V, nullptr) << "no variable " << Name.str();
    return V ? V->getInit() : nullptr;
  };
  EXPECT_EQ(Limiter.limitComparison(initOf("below")), LimitSense::Below);
  EXPECT_EQ(Limiter.limitComparison(initOf("at_limit")), LimitSense::AtLimit);
  EXPECT_EQ(Limiter.limitComparison(initOf("negated")), LimitSense::AtLimit);
  EXPECT_EQ(Limiter.limitComparison(initOf("reversed")), LimitSense::Below);
  EXPECT_EQ(Limiter.limitComparison(initOf("compound")), LimitSense::Unknown);
  EXPECT_EQ(Limiter.limitComparison(initOf("unnamed")), std::nullopt);
  EXPECT_EQ(Limiter.limitComparison(initOf("constant_only")), std::nullopt);
  EXPECT_EQ(Limiter.limitComparison(initOf("negated_compound")),
            LimitSense::Unknown);
  EXPECT_EQ(Limiter.limitComparison(initOf("arithmetic")), std::nullopt);
  EXPECT_EQ(Limiter.limitComparison(nullptr), std::nullopt);
}

} // namespace
} // namespace unbounded_test

namespace unbounded_test {
namespace {

TEST_F(LimiterDetectionTest, EqualityAtTheLimitRejects) {
  limiterIn(R"cpp(
    void serve(bool running) {
      while (running) {
        if (active == kMax) return;
        std::thread t(work);
        t.detach();
      }
    })cpp");
  EXPECT_TRUE(Found);
}

TEST_F(LimiterDetectionTest, NotEqualGuardsTheBelowBranch) {
  limiterIn(R"cpp(
    void serve(bool running) {
      while (running) {
        if (active != kMax) {
          std::thread t(work);
          t.detach();
        }
      }
    })cpp");
  EXPECT_TRUE(Found);
}

TEST_F(LimiterDetectionTest, GuardTakingAPointerToASemaphore) {
  limiterIn(R"cpp(
    struct SemaphoreGuard {
      explicit SemaphoreGuard(std::counting_semaphore<8> *s);
      ~SemaphoreGuard();
    };
    void serve(bool running) {
      while (running) {
        SemaphoreGuard g(&sem);
        std::thread t(work);
        t.detach();
      }
    })cpp");
  EXPECT_TRUE(Found);
}

TEST_F(LimiterDetectionTest, WaitingWhileBelowTheLimitIsNoLimit) {
  limiterIn(R"cpp(
    void serve(bool running) {
      while (running) {
        while (active < kMax) { log(); }
        std::thread t(work);
        t.detach();
      }
    })cpp");
  EXPECT_FALSE(Found);
}

TEST_F(LimiterDetectionTest, PredicateWaitingForTheLimitIsNoLimit) {
  limiterIn(R"cpp(
    void serve(bool running) {
      while (running) {
        std::unique_lock<std::mutex> lk(m);
        cv.wait(lk, [] { return active >= max; });
        std::thread t(work);
        t.detach();
      }
    })cpp");
  EXPECT_FALSE(Found);
}

TEST_F(LimiterDetectionTest, ElseBranchRejectsAtTheLimit) {
  limiterIn(R"cpp(
    void serve(bool running) {
      while (running) {
        if (active < kMax) {
        } else {
          return;
        }
        std::thread t(work);
        t.detach();
      }
    })cpp");
  EXPECT_TRUE(Found);
}

} // namespace
} // namespace unbounded_test
