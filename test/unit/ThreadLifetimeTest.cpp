//===- ThreadLifetimeTest.cpp - threadLifetime: joined, stored, detached --===//

#include "TestSupport.h"

#include "utils/LoopBounds.h"
#include "utils/RequestContext.h"
#include "utils/ThreadLifetime.h"

#include "clang/AST/ExprCXX.h"

using namespace clang;
using namespace clang::ast_matchers;
using namespace clang::tidy::unbounded::utils;

namespace unbounded_test {
namespace {

constexpr const char *Declarations = R"cpp(
  void work();
  void *routine(void *);
)cpp";

class ThreadLifetimeTest : public ASTTest {
protected:
  bool parseCode(llvm::StringRef Code) {
    return parse((llvm::Twine(Declarations) + Code).str());
  }

  /// The scope ThreadCreationCheck would pass: the body of the unbounded
  /// loop or handler around Spawn, or the enclosing function's body.
  const Stmt *scopeOf(const Stmt *Spawn, const FunctionParents &Parents) {
    LoopBounds Bounds(ctx(), 64, "[Tt]hread|[Ww]orker");
    RequestContext Requests(Bounds, "^(Get|Post|on_[a-z_]+)$", "");
    return Requests.enclosing(Spawn, Parents).Scope;
  }

  /// The lifetime of the thread started by the first node Matcher binds to
  /// "x", the way ThreadCreationCheck asks for it.
  template <typename MatcherT>
  ThreadLifetime lifetimeOf(llvm::StringRef Code, const MatcherT &Matcher,
                            SpawnKind Kind, bool JoinsOnDestruction = false) {
    Spawn = nullptr;
    Scope = nullptr;
    if (!parseCode(Code)) {
      ADD_FAILURE() << "the snippet does not compile";
      return {};
    }
    Spawn = first<Expr>(Matcher);
    if (!Spawn) {
      ADD_FAILURE() << "no spawn found";
      return {};
    }
    const FunctionParents &Parents = parentsOf(Spawn);
    Scope = scopeOf(Spawn, Parents);
    if (!Scope) {
      ADD_FAILURE() << "no scope around the spawn";
      return {};
    }
    return threadLifetime(Spawn, Kind, JoinsOnDestruction, Scope, Parents,
                          ctx());
  }

  /// std::thread t(f), std::thread(f), new std::thread(f).
  ThreadLifetime ofThread(llvm::StringRef Code) {
    return lifetimeOf(
        Code,
        cxxConstructExpr(hasType(cxxRecordDecl(hasName("::std::thread"))),
                         unless(hasDeclaration(cxxConstructorDecl(
                             anyOf(isMoveConstructor(), isCopyConstructor())))))
            .bind("x"),
        SpawnKind::ThreadObject);
  }

  ThreadLifetime ofJThread(llvm::StringRef Code) {
    return lifetimeOf(
        Code,
        cxxConstructExpr(hasType(cxxRecordDecl(hasName("::std::jthread"))),
                         unless(hasDeclaration(cxxConstructorDecl(
                             anyOf(isMoveConstructor(), isCopyConstructor())))))
            .bind("x"),
        SpawnKind::ThreadObject, /*JoinsOnDestruction=*/true);
  }

  /// threads.emplace_back(f).
  ThreadLifetime ofEmplace(llvm::StringRef Code) {
    return lifetimeOf(
        Code,
        cxxMemberCallExpr(callee(cxxMethodDecl(hasName("emplace_back"))))
            .bind("x"),
        SpawnKind::ThreadInPlace);
  }

  /// pthread_create(&tid, ...).
  ThreadLifetime ofCreate(llvm::StringRef Code) {
    return lifetimeOf(
        Code, callExpr(callee(functionDecl(hasName("pthread_create")))).bind("x"),
        SpawnKind::Handle);
  }

  /// std::async(f).
  ThreadLifetime ofAsync(llvm::StringRef Code) {
    return lifetimeOf(
        Code, callExpr(callee(functionDecl(hasName("::std::async")))).bind("x"),
        SpawnKind::Future, /*JoinsOnDestruction=*/true);
  }

  /// The first statement Matcher binds to "x".
  template <typename MatcherT> const Stmt *node(const MatcherT &Matcher) {
    return first<Stmt>(Matcher);
  }

  const Expr *Spawn = nullptr;
  const Stmt *Scope = nullptr;
};

// --- thread objects -----------------------------------------------------

TEST_F(ThreadLifetimeTest, TemporaryDetached) {
  ThreadLifetime L = ofThread(R"cpp(
    void serve(bool running) {
      while (running) { std::thread(work).detach(); }
    }
  )cpp");
  EXPECT_EQ(L.Fate, ThreadFate::Detached);
  EXPECT_TRUE(outlives(L.Fate));
  EXPECT_EQ(L.Where,
            node(cxxMemberCallExpr(callee(cxxMethodDecl(hasName("detach"))))
                     .bind("x")));
}

TEST_F(ThreadLifetimeTest, TemporaryJoined) {
  ThreadLifetime L = ofThread(R"cpp(
    void serve(bool running) {
      while (running) { std::thread(work).join(); }
    }
  )cpp");
  EXPECT_EQ(L.Fate, ThreadFate::Joined);
  EXPECT_FALSE(outlives(L.Fate));
}

TEST_F(ThreadLifetimeTest, NamedLocalJoinedInScope) {
  ThreadLifetime L = ofThread(R"cpp(
    void serve(bool running) {
      while (running) {
        std::thread t(work);
        t.join();
      }
    }
  )cpp");
  EXPECT_EQ(L.Fate, ThreadFate::Joined);
  EXPECT_FALSE(outlives(L.Fate));
  EXPECT_EQ(L.Where,
            node(cxxMemberCallExpr(callee(cxxMethodDecl(hasName("join"))))
                     .bind("x")));
}

TEST_F(ThreadLifetimeTest, NamedLocalDetached) {
  ThreadLifetime L = ofThread(R"cpp(
    void serve(bool running) {
      while (running) {
        std::thread t(work);
        t.detach();
      }
    }
  )cpp");
  EXPECT_EQ(L.Fate, ThreadFate::Detached);
  EXPECT_TRUE(outlives(L.Fate));
}

TEST_F(ThreadLifetimeTest, DetachWinsOverJoin) {
  ThreadLifetime L = ofThread(R"cpp(
    void serve(bool running, bool wait) {
      while (running) {
        std::thread t(work);
        if (wait) t.join(); else t.detach();
      }
    }
  )cpp");
  EXPECT_EQ(L.Fate, ThreadFate::Detached);
}

TEST_F(ThreadLifetimeTest, LocalJThreadIsScoped) {
  ThreadLifetime L = ofJThread(R"cpp(
    void serve(bool running) {
      while (running) { std::jthread t(work); }
    }
  )cpp");
  EXPECT_EQ(L.Fate, ThreadFate::Scoped);
  EXPECT_FALSE(outlives(L.Fate));
}

TEST_F(ThreadLifetimeTest, TemporaryJThreadDroppedIsJoined) {
  ThreadLifetime L = ofJThread(R"cpp(
    void serve(bool running) {
      while (running) { std::jthread{work}; }
    }
  )cpp");
  EXPECT_EQ(L.Fate, ThreadFate::Joined);
}

TEST_F(ThreadLifetimeTest, LocalMovedIntoMemberVector) {
  ThreadLifetime L = ofThread(R"cpp(
    struct Server {
      std::vector<std::thread> workers;
      void serve(bool running) {
        while (running) {
          std::thread t(work);
          workers.push_back(std::move(t));
        }
      }
    };
  )cpp");
  EXPECT_EQ(L.Fate, ThreadFate::Stored);
  EXPECT_EQ(L.Holder, "workers");
  EXPECT_NE(L.HolderDecl, nullptr);
  EXPECT_TRUE(outlives(L.Fate));
}

TEST_F(ThreadLifetimeTest, TemporaryPushedIntoGlobalVector) {
  ThreadLifetime L = ofThread(R"cpp(
    std::vector<std::thread> all_threads;
    void serve(bool running) {
      while (running) { all_threads.push_back(std::thread(work)); }
    }
  )cpp");
  EXPECT_EQ(L.Fate, ThreadFate::Stored);
  EXPECT_EQ(L.Holder, "all_threads");
}

TEST_F(ThreadLifetimeTest, LocalMovedIntoVectorDeclaredOutsideTheLoop) {
  ThreadLifetime L = ofThread(R"cpp(
    void serve(bool running) {
      std::vector<std::thread> pool;
      while (running) {
        std::thread t(work);
        pool.push_back(std::move(t));
      }
    }
  )cpp");
  EXPECT_EQ(L.Fate, ThreadFate::Stored);
  EXPECT_EQ(L.Holder, "pool");
  EXPECT_TRUE(llvm::isa_and_nonnull<VarDecl>(L.HolderDecl));
  EXPECT_EQ(L.Where,
            node(cxxMemberCallExpr(callee(cxxMethodDecl(hasName("push_back"))))
                     .bind("x")));
  EXPECT_TRUE(outlives(L.Fate));
}

TEST_F(ThreadLifetimeTest, TemporaryPushedIntoVectorDeclaredOutsideTheLoop) {
  ThreadLifetime L = ofThread(R"cpp(
    void serve(bool running) {
      std::vector<std::thread> pool;
      while (running) { pool.push_back(std::thread(work)); }
    }
  )cpp");
  EXPECT_EQ(L.Fate, ThreadFate::Stored);
  EXPECT_EQ(L.Holder, "pool");
}

TEST_F(ThreadLifetimeTest, LocalJoinedAfterTheLoopIsStillStored) {
  // Joined eventually, but all of them run at once until the loop ends.
  ThreadLifetime L = ofThread(R"cpp(
    void serve(bool running) {
      std::vector<std::thread> pool;
      while (running) {
        std::thread t(work);
        pool.push_back(std::move(t));
      }
      for (std::thread &t : pool) t.join();
    }
  )cpp");
  EXPECT_EQ(L.Fate, ThreadFate::Stored);
}

TEST_F(ThreadLifetimeTest, LocalMovedIntoVectorDeclaredInsideTheLoop) {
  // The vector, and with it the thread, ends with the iteration.
  ThreadLifetime L = ofThread(R"cpp(
    void serve(bool running) {
      while (running) {
        std::vector<std::thread> batch;
        std::thread t(work);
        batch.push_back(std::move(t));
      }
    }
  )cpp");
  EXPECT_EQ(L.Fate, ThreadFate::Scoped);
  EXPECT_FALSE(outlives(L.Fate));
  EXPECT_EQ(L.Where,
            node(cxxMemberCallExpr(callee(cxxMethodDecl(hasName("push_back"))))
                     .bind("x")));
}

TEST_F(ThreadLifetimeTest, AssignedToMember) {
  ThreadLifetime L = ofThread(R"cpp(
    struct Server {
      std::thread current;
      void serve(bool running) {
        while (running) { current = std::thread(work); }
      }
    };
  )cpp");
  EXPECT_EQ(L.Fate, ThreadFate::Stored);
  EXPECT_EQ(L.Holder, "current");
}

TEST_F(ThreadLifetimeTest, NewThreadDropped) {
  ThreadLifetime L = ofThread(R"cpp(
    void serve(bool running) {
      while (running) { new std::thread(work); }
    }
  )cpp");
  EXPECT_EQ(L.Fate, ThreadFate::NeverJoined);
  EXPECT_TRUE(outlives(L.Fate));
}

TEST_F(ThreadLifetimeTest, NewThreadInLocalPointerNeverJoined) {
  ThreadLifetime L = ofThread(R"cpp(
    void serve(bool running) {
      while (running) { std::thread *t = new std::thread(work); }
    }
  )cpp");
  EXPECT_EQ(L.Fate, ThreadFate::NeverJoined);
}

TEST_F(ThreadLifetimeTest, NewThreadInLocalPointerJoined) {
  ThreadLifetime L = ofThread(R"cpp(
    void serve(bool running) {
      while (running) {
        std::thread *t = new std::thread(work);
        t->join();
        delete t;
      }
    }
  )cpp");
  EXPECT_EQ(L.Fate, ThreadFate::Joined);
}

// --- emplace in place ---------------------------------------------------

TEST_F(ThreadLifetimeTest, EmplaceIntoMemberVector) {
  ThreadLifetime L = ofEmplace(R"cpp(
    struct Server {
      std::vector<std::thread> workers;
      void serve(bool running) {
        while (running) { workers.emplace_back(work); }
      }
    };
  )cpp");
  EXPECT_EQ(L.Fate, ThreadFate::Stored);
  EXPECT_EQ(L.Holder, "workers");
  EXPECT_TRUE(llvm::isa_and_nonnull<FieldDecl>(L.HolderDecl));
  EXPECT_EQ(L.Where, Spawn);
}

TEST_F(ThreadLifetimeTest, EmplaceIntoVectorDeclaredOutsideTheLoop) {
  ThreadLifetime L = ofEmplace(R"cpp(
    void serve(bool running) {
      std::vector<std::thread> pool;
      while (running) { pool.emplace_back(work); }
    }
  )cpp");
  EXPECT_EQ(L.Fate, ThreadFate::Stored);
  EXPECT_EQ(L.Holder, "pool");
}

TEST_F(ThreadLifetimeTest, EmplaceIntoVectorDeclaredInsideTheLoop) {
  ThreadLifetime L = ofEmplace(R"cpp(
    void serve(bool running) {
      while (running) {
        std::vector<std::thread> batch;
        batch.emplace_back(work);
      }
    }
  )cpp");
  EXPECT_EQ(L.Fate, ThreadFate::Scoped);
  EXPECT_FALSE(outlives(L.Fate));
}

TEST_F(ThreadLifetimeTest, EmplaceIntoVectorReferenceParameter) {
  ThreadLifetime L = ofEmplace(R"cpp(
    void serve(bool running, std::vector<std::thread> &pool) {
      while (running) { pool.emplace_back(work); }
    }
  )cpp");
  EXPECT_EQ(L.Fate, ThreadFate::Stored);
  EXPECT_EQ(L.Holder, "pool");
}

// --- pthread handles ----------------------------------------------------

TEST_F(ThreadLifetimeTest, HandleNeverJoined) {
  ThreadLifetime L = ofCreate(R"cpp(
    void serve(bool running) {
      while (running) {
        pthread_t tid;
        pthread_create(&tid, nullptr, routine, nullptr);
      }
    }
  )cpp");
  EXPECT_EQ(L.Fate, ThreadFate::NeverJoined);
  EXPECT_TRUE(outlives(L.Fate));
  EXPECT_EQ(L.Where, Spawn);
}

TEST_F(ThreadLifetimeTest, HandleJoinedInScope) {
  ThreadLifetime L = ofCreate(R"cpp(
    void serve(bool running) {
      while (running) {
        pthread_t tid;
        pthread_create(&tid, nullptr, routine, nullptr);
        pthread_join(tid, nullptr);
      }
    }
  )cpp");
  EXPECT_EQ(L.Fate, ThreadFate::Joined);
  EXPECT_FALSE(outlives(L.Fate));
  EXPECT_EQ(L.Where,
            node(callExpr(callee(functionDecl(hasName("pthread_join"))))
                     .bind("x")));
}

TEST_F(ThreadLifetimeTest, HandleDetached) {
  ThreadLifetime L = ofCreate(R"cpp(
    void serve(bool running) {
      while (running) {
        pthread_t tid;
        pthread_create(&tid, nullptr, routine, nullptr);
        pthread_detach(tid);
      }
    }
  )cpp");
  EXPECT_EQ(L.Fate, ThreadFate::Detached);
}

TEST_F(ThreadLifetimeTest, HandleStoredInMember) {
  ThreadLifetime L = ofCreate(R"cpp(
    struct Server {
      pthread_t last;
      void serve(bool running) {
        while (running) { pthread_create(&last, nullptr, routine, nullptr); }
      }
    };
  )cpp");
  EXPECT_EQ(L.Fate, ThreadFate::Stored);
  EXPECT_EQ(L.Holder, "last");
}

// --- futures ------------------------------------------------------------

TEST_F(ThreadLifetimeTest, FutureDiscardedIsJoined) {
  ThreadLifetime L = ofAsync(R"cpp(
    void serve(bool running) {
      while (running) { std::async(work); }
    }
  )cpp");
  EXPECT_EQ(L.Fate, ThreadFate::Joined);
  EXPECT_FALSE(outlives(L.Fate));
}

TEST_F(ThreadLifetimeTest, FutureInLocalIsScoped) {
  ThreadLifetime L = ofAsync(R"cpp(
    void serve(bool running) {
      while (running) { auto f = std::async(work); }
    }
  )cpp");
  EXPECT_EQ(L.Fate, ThreadFate::Scoped);
  EXPECT_FALSE(outlives(L.Fate));
}

TEST_F(ThreadLifetimeTest, FuturePushedIntoMemberVector) {
  ThreadLifetime L = ofAsync(R"cpp(
    struct Server {
      std::vector<std::future<void>> pending;
      void serve(bool running) {
        while (running) { pending.push_back(std::async(work)); }
      }
    };
  )cpp");
  EXPECT_EQ(L.Fate, ThreadFate::Stored);
  EXPECT_EQ(L.Holder, "pending");
  EXPECT_TRUE(outlives(L.Fate));
}

TEST_F(ThreadLifetimeTest, FuturePushedIntoVectorDeclaredOutsideTheLoop) {
  ThreadLifetime L = ofAsync(R"cpp(
    void serve(bool running) {
      std::vector<std::future<void>> futures;
      while (running) { futures.push_back(std::async(work)); }
    }
  )cpp");
  EXPECT_EQ(L.Fate, ThreadFate::Stored);
  EXPECT_EQ(L.Holder, "futures");
  EXPECT_TRUE(outlives(L.Fate));
}

TEST_F(ThreadLifetimeTest, FuturePushedIntoVectorInsideTheLoop) {
  ThreadLifetime L = ofAsync(R"cpp(
    void serve(bool running) {
      while (running) {
        std::vector<std::future<void>> batch;
        batch.push_back(std::async(work));
      }
    }
  )cpp");
  EXPECT_EQ(L.Fate, ThreadFate::Scoped);
}

// --- fixed answers ------------------------------------------------------

TEST_F(ThreadLifetimeTest, DetachedSpawnFunctionIsAlwaysDetached) {
  ThreadLifetime L = lifetimeOf(R"cpp(
    void spawn_detached(void (*)());
    void serve(bool running) { while (running) spawn_detached(work); }
  )cpp",
                                callExpr(callee(functionDecl(
                                             hasName("spawn_detached"))))
                                    .bind("x"),
                                SpawnKind::Detached);
  EXPECT_EQ(L.Fate, ThreadFate::Detached);
  EXPECT_EQ(L.Where, Spawn);
}

TEST(ThreadFateTest, Outlives) {
  EXPECT_TRUE(outlives(ThreadFate::Detached));
  EXPECT_TRUE(outlives(ThreadFate::Stored));
  EXPECT_TRUE(outlives(ThreadFate::NeverJoined));
  EXPECT_FALSE(outlives(ThreadFate::Joined));
  EXPECT_FALSE(outlives(ThreadFate::Scoped));
  EXPECT_FALSE(outlives(ThreadFate::Unknown));
}

} // namespace
} // namespace unbounded_test

// --- thread groups and algorithms ---------------------------------------

namespace unbounded_test {
namespace {

TEST_F(ThreadLifetimeTest, AddedToAThreadGroup) {
  ThreadLifetime L = ofThread(R"cpp(
    struct Group { void add_thread(std::thread *t); };
    void f(Group &group, bool running) {
      while (running) group.add_thread(new std::thread(work));
    }
  )cpp");
  EXPECT_EQ(L.Fate, ThreadFate::Stored);
  EXPECT_EQ(L.Holder, "group");
}

TEST_F(ThreadLifetimeTest, CreatedInAThreadGroup) {
  ThreadLifetime L = lifetimeOf(
      R"cpp(
    struct Group { template <class F> std::thread *create_thread(F f); };
    void f(bool running) {
      Group group;
      while (running) group.create_thread(work);
    }
  )cpp",
      cxxMemberCallExpr(callee(cxxMethodDecl(hasName("create_thread"))))
          .bind("x"),
      SpawnKind::ThreadInPlace);
  EXPECT_EQ(L.Fate, ThreadFate::Stored);
  EXPECT_EQ(L.Holder, "group");
}

constexpr const char *Transform = R"cpp(
  namespace std {
  template <class It, class Out, class Op> Out transform(It f, It l, Out o, Op op) { return o; }
  template <class C> struct back_insert_iterator { C *c; };
  template <class C> back_insert_iterator<C> back_inserter(C &c) { return {&c}; }
  }
)cpp";

TEST_F(ThreadLifetimeTest, ReturnedIntoAnAlgorithmsOutput) {
  ThreadLifetime L = ofThread((llvm::Twine(Transform) + R"cpp(
    void f(std::vector<int> &items) {
      std::vector<std::thread> threads;
      std::transform(items.begin(), items.end(), std::back_inserter(threads),
                     [](int i) { return std::thread(work); });
    }
  )cpp").str());
  EXPECT_EQ(L.Fate, ThreadFate::Stored);
  EXPECT_EQ(L.Holder, "threads");
}

TEST_F(ThreadLifetimeTest, ReturnedFromAPlainLambdaIsUnknown) {
  ThreadLifetime L = ofThread(R"cpp(
    void f() {
      auto make = [] { return std::thread(work); };
      (void)make;
    }
  )cpp");
  EXPECT_EQ(L.Fate, ThreadFate::Unknown);
}

} // namespace
} // namespace unbounded_test
