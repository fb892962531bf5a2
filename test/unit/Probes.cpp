// TEMPORARY: probes for suspected bugs; not part of the suite.
#include "TestSupport.h"
#include "utils/LimiterDetection.h"
#include "utils/LoopBounds.h"
#include "utils/NameLists.h"
#include "utils/RequestContext.h"
#include "utils/ThreadLifetime.h"
#include "clang/AST/ExprCXX.h"
using namespace clang;
using namespace clang::ast_matchers;
using namespace clang::tidy::unbounded::utils;
namespace unbounded_test {
namespace {
class Probe : public ASTTest {};
const char *fateName(ThreadFate F) {
  const char *N[] = {"Joined", "Scoped", "Detached", "Stored", "NeverJoined", "Unknown"};
  return N[(int)F];
}
const char *kindName(TripCountKind K) {
  const char *N[] = {"Constant","CoreCount","WorkerCount","RuntimeCount","ElementCount","Condition","Infinite"};
  return N[(int)K];
}
const char *ctxName(ContextKind K) { const char *N[] = {"None","Loop","Handler"}; return N[(int)K]; }

TEST_F(Probe, OutlivesLocalOutsideLoop) {
  ASSERT_TRUE(parse(R"cpp(
    template <class T> void use(T &);
    void f(bool running) { std::vector<int> items; while (running) { use(items); } }
  )cpp"));
  auto *Loop = first<WhileStmt>(whileStmt().bind("x"));
  auto *Call = first<CallExpr>(callExpr(callee(functionDecl(hasName("use")))).bind("x"));
  printf("outlivesScope(local outside loop, loop body) = %d\n", outlivesScope(Call->getArg(0), Loop->getBody(), ctx()));
}
TEST_F(Probe, OutlivesLocalOutsideLoopNoBraces) {
  ASSERT_TRUE(parse(R"cpp(
    template <class T> void use(T &);
    void f(bool running) { while (running) use(*new int); }
    void g(bool running) { while (running) { int inside; use(inside); } }
  )cpp"));
}
TEST_F(Probe, MovedIntoOuterVector) {
  ASSERT_TRUE(parse(R"cpp(
    void work();
    void serve(bool running) {
      std::vector<std::thread> pool;
      while (running) {
        std::thread t(work);
        pool.push_back(std::move(t));
      }
    }
  )cpp"));
  auto *Loop = first<WhileStmt>(whileStmt().bind("x"));
  auto *C = first<CXXConstructExpr>(cxxConstructExpr(hasType(cxxRecordDecl(hasName("::std::thread"))), unless(hasDeclaration(cxxConstructorDecl(isMoveConstructor())))).bind("x"));
  auto L = threadLifetime(C, SpawnKind::ThreadObject, false, Loop->getBody(), ctx());
  printf("moved into outer local vector: %s holder=%s\n", fateName(L.Fate), L.Holder.c_str());
}
TEST_F(Probe, TempPushedIntoOuterVector) {
  ASSERT_TRUE(parse(R"cpp(
    void work();
    void serve(bool running) {
      std::vector<std::thread> pool;
      while (running) { pool.push_back(std::thread(work)); }
    }
  )cpp"));
  auto *Loop = first<WhileStmt>(whileStmt().bind("x"));
  auto *C = first<CXXConstructExpr>(cxxConstructExpr(hasType(cxxRecordDecl(hasName("::std::thread"))), unless(hasDeclaration(cxxConstructorDecl(isMoveConstructor())))).bind("x"));
  auto L = threadLifetime(C, SpawnKind::ThreadObject, false, Loop->getBody(), ctx());
  printf("temp pushed into outer local vector: %s holder=%s\n", fateName(L.Fate), L.Holder.c_str());
}
TEST_F(Probe, EmplaceOuterVector) {
  ASSERT_TRUE(parse(R"cpp(
    void work();
    void serve(bool running) {
      std::vector<std::thread> pool;
      while (running) { pool.emplace_back(work); }
    }
  )cpp"));
  auto *Loop = first<WhileStmt>(whileStmt().bind("x"));
  auto *E = first<CXXMemberCallExpr>(cxxMemberCallExpr(callee(cxxMethodDecl(hasName("emplace_back")))).bind("x"));
  auto L = threadLifetime(E, SpawnKind::ThreadInPlace, false, Loop->getBody(), ctx());
  printf("emplace into outer local vector: %s holder=%s\n", fateName(L.Fate), L.Holder.c_str());
}
TEST_F(Probe, FutureOuterVector) {
  ASSERT_TRUE(parse(R"cpp(
    void work();
    void serve(bool running) {
      std::vector<std::future<void>> futures;
      while (running) { futures.push_back(std::async(work)); }
    }
  )cpp"));
  auto *Loop = first<WhileStmt>(whileStmt().bind("x"));
  auto *A = first<CallExpr>(callExpr(callee(functionDecl(hasName("::std::async")))).bind("x"));
  auto L = threadLifetime(A, SpawnKind::Future, true, Loop->getBody(), ctx());
  printf("future pushed into outer local vector: %s holder=%s\n", fateName(L.Fate), L.Holder.c_str());
}
TEST_F(Probe, MovedIntoInnerVector) {
  ASSERT_TRUE(parse(R"cpp(
    void work();
    void serve(bool running) {
      while (running) {
        std::vector<std::thread> batch;
        std::thread t(work);
        batch.push_back(std::move(t));
      }
    }
  )cpp"));
  auto *Loop = first<WhileStmt>(whileStmt().bind("x"));
  auto *C = first<CXXConstructExpr>(cxxConstructExpr(hasType(cxxRecordDecl(hasName("::std::thread"))), unless(hasDeclaration(cxxConstructorDecl(isMoveConstructor())))).bind("x"));
  auto L = threadLifetime(C, SpawnKind::ThreadObject, false, Loop->getBody(), ctx());
  printf("moved into inner local vector: %s\n", fateName(L.Fate));
}
TEST_F(Probe, CountDownReassigned) {
  ASSERT_TRUE(parse(R"cpp(
    void f() { int i = 0; for (i = 1000; i > 0; --i) {} }
  )cpp"));
  auto *For = first<ForStmt>(forStmt().bind("x"));
  LoopBounds B(ctx(), 64, "[Tt]hread|[Ww]orker");
  auto T = B.ofLoop(For);
  printf("int i = 0; for (i = 1000; i > 0; --i): %s %llu bounded=%d\n", kindName(T.Kind), (unsigned long long)T.Value, B.isBounded(T));
}
TEST_F(Probe, CountUpReassigned) {
  ASSERT_TRUE(parse(R"cpp(
    void f(int n) { int i = 0; for (i = n; i < 10; ++i) {} }
  )cpp"));
  auto *For = first<ForStmt>(forStmt().bind("x"));
  LoopBounds B(ctx(), 64, "[Tt]hread|[Ww]orker");
  auto T = B.ofLoop(For);
  printf("int i=0; for (i = n; i < 10; ++i): %s %llu\n", kindName(T.Kind), (unsigned long long)T.Value);
}
TEST_F(Probe, EmptyLimiterPatterns) {
  ASSERT_TRUE(parse(R"cpp(
    void work(); int count; void log();
    void serve(bool running, int n) {
      while (running) {
        std::vector<int> scratch;
        if (n > 3) continue;
        std::thread t(work);
        t.detach();
      }
    }
  )cpp"));
  auto *Loop = first<WhileStmt>(whileStmt().bind("x"));
  auto *C = first<CXXConstructExpr>(cxxConstructExpr(hasType(cxxRecordDecl(hasName("::std::thread")))).bind("x"));
  LimiterDetection L(ctx(), {}, "", "");
  const Stmt *S = L.findLimiter(C, Loop->getBody());
  printf("empty patterns: limiter=%s\n", S ? S->getStmtClassName() : "null");
  LimiterDetection L2(ctx(), {}, "[Ss]emaphore", "");
  S = L2.findLimiter(C, Loop->getBody());
  printf("empty counter pattern: limiter=%s\n", S ? S->getStmtClassName() : "null");
  LimiterDetection L3(ctx(), {}, "", "active");
  S = L3.findLimiter(C, Loop->getBody());
  printf("empty type pattern: limiter=%s\n", S ? S->getStmtClassName() : "null");
}
TEST_F(Probe, CaptureInitInHandler) {
  ASSERT_TRUE(parse(R"cpp(
    struct Server { template <class F> void Post(const char *, F) {} };
    int count();
    void setup(Server &server) { server.Post("/x", [n = count()] { return n; }); }
  )cpp"));
  auto *Call = first<CallExpr>(callExpr(callee(functionDecl(hasName("count")))).bind("x"));
  LoopBounds B(ctx(), 64, "x");
  RequestContext R(ctx(), B, "^(Get|Post)$");
  printf("count() in capture init of handler: %s\n", ctxName(R.enclosing(Call).Kind));
}
TEST_F(Probe, HasNameMethodOfSpecialization) {
  ASSERT_TRUE(parse(R"cpp(
    void f() { std::vector<int> v; v.emplace_back(1); v.size(); }
  )cpp"));
  for (const char *M : {"emplace_back", "size"}) {
    auto *E = first<CXXMemberCallExpr>(cxxMemberCallExpr(callee(cxxMethodDecl(hasName(M)))).bind("x"));
    const NamedDecl *D = E->getMethodDecl();
    std::string Q = std::string("::std::vector::") + M;
    printf("%s: isNamedAnyOf=%d hasName=%d\n", Q.c_str(), isNamedAnyOf(D, {Q}), !match(namedDecl(hasName(Q)), *D, ctx()).empty());
  }
}
TEST_F(Probe, ElseBranchOfLimitCheck) {
  ASSERT_TRUE(parse(R"cpp(
    void work(); int inflight; int limit;
    void serve(bool running) {
      while (running) {
        if (inflight < limit) { } else { std::thread t(work); t.detach(); }
      }
    }
  )cpp"));
  auto *Loop = first<WhileStmt>(whileStmt().bind("x"));
  auto *C = first<CXXConstructExpr>(cxxConstructExpr(hasType(cxxRecordDecl(hasName("::std::thread")))).bind("x"));
  LimiterDetection L(ctx(), {}, "[Ss]emaphore", "inflight|limit");
  const Stmt *S = L.findLimiter(C, Loop->getBody());
  printf("spawn in else of (inflight < limit): limiter=%s\n", S ? S->getStmtClassName() : "null");
}
TEST_F(Probe, LocalSemaphorePerIteration) {
  ASSERT_TRUE(parse(R"cpp(
    void work();
    void serve(bool running) {
      while (running) {
        std::counting_semaphore<4> sem(4);
        std::thread t(work); t.detach();
      }
    }
  )cpp"));
  auto *Loop = first<WhileStmt>(whileStmt().bind("x"));
  auto *C = first<CXXConstructExpr>(cxxConstructExpr(hasType(cxxRecordDecl(hasName("::std::thread")))).bind("x"));
  LimiterDetection L(ctx(), {}, "[Ss]emaphore", "active");
  const Stmt *S = L.findLimiter(C, Loop->getBody());
  printf("fresh semaphore per iteration, never acquired: limiter=%s\n", S ? S->getStmtClassName() : "null");
}
}
}
