//===- FunctionParentsTest.cpp - FunctionParents and FunctionTracker ------===//

#include "TestSupport.h"

#include "utils/FunctionParents.h"

#include "clang/AST/ExprCXX.h"

using namespace clang;
using namespace clang::ast_matchers;
using namespace clang::tidy::unbounded::utils;

namespace unbounded_test {
namespace {

class FunctionParentsTest : public ASTTest {
protected:
  /// The first call to a function named Name.
  const CallExpr *callTo(llvm::StringRef Name) {
    return first<CallExpr>(
        callExpr(callee(functionDecl(hasName(Name)))).bind("x"));
  }

  /// Where the call `work(N)` begins.
  SourceLocation workAt(int N) {
    const auto *Call =
        first<CallExpr>(callExpr(callee(functionDecl(hasName("work"))),
                                 hasArgument(0, integerLiteral(equals(N))))
                            .bind("x"));
    EXPECT_NE(Call, nullptr) << "no work(" << N << ")";
    return Call ? Call->getBeginLoc() : SourceLocation();
  }
};

// --- parent -------------------------------------------------------------

TEST_F(FunctionParentsTest, ParentOfTheBodyIsNull) {
  ASSERT_TRUE(parse(R"cpp(
    void work();
    void f() { work(); }
  )cpp"));
  const FunctionDecl *F = functionNamed("f");
  ASSERT_NE(F, nullptr);
  FunctionParents Parents(*F);
  EXPECT_EQ(&Parents.function(), F);
  ASSERT_NE(Parents.body(), nullptr);
  EXPECT_EQ(Parents.body(), F->getBody());
  EXPECT_EQ(Parents.parent(Parents.body()), nullptr);
  EXPECT_EQ(Parents.parent(nullptr), nullptr);
  // A statement of the body has the body as its parent.
  const CallExpr *Work = callTo("work");
  ASSERT_NE(Work, nullptr);
  EXPECT_EQ(Parents.parent(Work), Parents.body());
}

TEST_F(FunctionParentsTest, ParentsLeadThroughLoopsAndLambdas) {
  ASSERT_TRUE(parse(R"cpp(
    void work();
    template <class F> void run(F f) {}
    void f(bool running) {
      while (running) { run([] { work(); }); }
    }
  )cpp"));
  const FunctionDecl *F = functionNamed("f");
  const CallExpr *Work = callTo("work");
  const auto *Lambda = first<LambdaExpr>(lambdaExpr().bind("x"));
  const auto *While = first<WhileStmt>(whileStmt().bind("x"));
  ASSERT_TRUE(F && Work && Lambda && While);
  // The helper finds the function around the lambda, not its operator().
  EXPECT_EQ(functionOf(Work), F);
  FunctionParents Parents(*F);
  EXPECT_EQ(Parents.parent(Work), Lambda->getBody());
  EXPECT_EQ(Parents.parent(Lambda->getBody()), Lambda);
  EXPECT_EQ(Parents.parent(While->getBody()), While);
  EXPECT_EQ(Parents.parent(While), Parents.body());
  // Every statement of the lambda leads up to the function's body.
  const Stmt *Top = Work;
  unsigned Steps = 0;
  for (const Stmt *P = Parents.parent(Top); P && Steps < 100;
       P = Parents.parent(P), ++Steps)
    Top = P;
  EXPECT_EQ(Top, Parents.body());
}

TEST_F(FunctionParentsTest, StatementsOutsideTheBodyHaveNoParent) {
  ASSERT_TRUE(parse(R"cpp(
    int init();
    void work();
    void g() { work(); }
    struct S {
      int x;
      S() : x(init()) { work(); }
    };
  )cpp"));
  const auto *Ctor = first<CXXConstructorDecl>(
      cxxConstructorDecl(ofClass(hasName("S")), isDefinition(),
                         unless(isImplicit()))
          .bind("x"));
  const CallExpr *Init = callTo("init");
  ASSERT_TRUE(Ctor && Init);
  FunctionParents Parents(*Ctor);
  // A constructor initializer is not in the body.
  EXPECT_EQ(Parents.parent(Init), nullptr);
  // Nor is a statement of another function.
  const FunctionDecl *G = functionNamed("g");
  ASSERT_NE(G, nullptr);
  const auto *GWork =
      first<CallExpr>(callExpr(callee(functionDecl(hasName("work"))),
                               hasAncestor(functionDecl(hasName("g"))))
                          .bind("x"));
  ASSERT_NE(GWork, nullptr);
  EXPECT_EQ(Parents.parent(GWork), nullptr);
  EXPECT_EQ(FunctionParents(*G).parent(GWork), G->getBody());
}

TEST_F(FunctionParentsTest, DeclarationWithoutBody) {
  ASSERT_TRUE(parse(R"cpp(
    void work();
    void f() { work(); }
  )cpp"));
  const auto *Work =
      first<FunctionDecl>(functionDecl(hasName("work")).bind("x"));
  const CallExpr *Call = callTo("work");
  ASSERT_TRUE(Work && Call);
  ASSERT_FALSE(Work->hasBody());
  FunctionParents Parents(*Work);
  EXPECT_EQ(Parents.body(), nullptr);
  EXPECT_EQ(Parents.parent(Call), nullptr);
  EXPECT_EQ(Parents.consumer(Call), nullptr);
}

// --- consumer -----------------------------------------------------------

TEST_F(FunctionParentsTest, ConsumerSkipsParensTemporariesAndFunctionalCast) {
  ASSERT_TRUE(parse(R"cpp(
    struct T { T(int); ~T(); int get() const; };
    int use(int);
    void f() { use((T(1)).get()); }
  )cpp"));
  const auto *Construct = first<CXXConstructExpr>(
      cxxConstructExpr(hasType(cxxRecordDecl(hasName("::T")))).bind("x"));
  const auto *Get = first<CXXMemberCallExpr>(cxxMemberCallExpr().bind("x"));
  ASSERT_TRUE(Construct && Get);
  const auto *Member = llvm::dyn_cast<MemberExpr>(Get->getCallee());
  ASSERT_NE(Member, nullptr);
  const FunctionParents &Parents = parentsOf(Construct);
  // T(1) is wrapped in a temporary binding, a functional cast, parentheses,
  // a materialisation and a const conversion before the member access.
  ASSERT_NE(Parents.parent(Construct), Member);
  bool SawParens = false;
  for (const Stmt *P = Parents.parent(Construct); P && P != Member;
       P = Parents.parent(P))
    SawParens |= llvm::isa<ParenExpr>(P);
  EXPECT_TRUE(SawParens);
  const Stmt *Child = nullptr;
  EXPECT_EQ(Parents.consumer(Construct, &Child), Member);
  // The child is the outermost wrapper, the node just below the consumer.
  EXPECT_EQ(Child, Member->getBase());
  EXPECT_TRUE(llvm::isa<ImplicitCastExpr>(Child));
  // Without Child the answer is the same.
  EXPECT_EQ(Parents.consumer(Construct), Member);
}

TEST_F(FunctionParentsTest, ConsumerSkipsImplicitCasts) {
  ASSERT_TRUE(parse(R"cpp(
    long use(long);
    void f(int a) { use((a)); }
  )cpp"));
  const CallExpr *Use = callTo("use");
  const auto *Ref =
      first<DeclRefExpr>(declRefExpr(to(parmVarDecl(hasName("a"))),
                                     hasAncestor(functionDecl(hasName("f"))))
                             .bind("x"));
  ASSERT_TRUE(Use && Ref);
  const FunctionParents &Parents = parentsOf(Ref);
  const Stmt *Child = nullptr;
  EXPECT_EQ(Parents.consumer(Ref, &Child), Use);
  EXPECT_EQ(Child, Use->getArg(0));
  EXPECT_TRUE(llvm::isa<ImplicitCastExpr>(Child));
}

TEST_F(FunctionParentsTest, ConsumerOfAnUnwrappedNodeIsItsParent) {
  ASSERT_TRUE(parse(R"cpp(
    void work();
    void f() { work(); }
  )cpp"));
  const CallExpr *Work = callTo("work");
  ASSERT_NE(Work, nullptr);
  const FunctionParents &Parents = parentsOf(Work);
  const Stmt *Child = nullptr;
  EXPECT_EQ(Parents.consumer(Work, &Child), Parents.body());
  EXPECT_EQ(Child, Work);
  // The body is consumed by nothing.
  EXPECT_EQ(Parents.consumer(Parents.body(), &Child), nullptr);
  EXPECT_EQ(Child, Parents.body());
}

// --- initializedBy ------------------------------------------------------

TEST_F(FunctionParentsTest, InitializedByFindsTheThreadVariable) {
  ASSERT_TRUE(parse(R"cpp(
    void work();
    void f() { std::thread t(work); t.join(); }
  )cpp"));
  const auto *Construct = first<CXXConstructExpr>(
      cxxConstructExpr(hasType(cxxRecordDecl(hasName("::std::thread"))))
          .bind("x"));
  const auto *T = first<VarDecl>(
      varDecl(hasName("t"), hasAncestor(functionDecl(hasName("f")))).bind("x"));
  ASSERT_TRUE(Construct && T);
  const FunctionParents &Parents = parentsOf(Construct);
  const Stmt *Child = nullptr;
  const Stmt *Consumer = Parents.consumer(Construct, &Child);
  ASSERT_TRUE(llvm::isa_and_nonnull<DeclStmt>(Consumer));
  EXPECT_EQ(FunctionParents::initializedBy(Consumer, Child), T);
  EXPECT_EQ(
      FunctionParents::initializedBy(Parents.parent(Construct), Construct), T);
  // Not the initializer, or not a declaration.
  EXPECT_EQ(FunctionParents::initializedBy(Consumer, Parents.body()), nullptr);
  EXPECT_EQ(FunctionParents::initializedBy(Parents.body(), Construct), nullptr);
  EXPECT_EQ(FunctionParents::initializedBy(nullptr, Construct), nullptr);
}

TEST_F(FunctionParentsTest, InitializedByPicksTheRightDeclarator) {
  ASSERT_TRUE(parse(R"cpp(
    int make();
    void f() { int a = 1, b = make(); }
  )cpp"));
  const CallExpr *Make = callTo("make");
  const auto *B = first<VarDecl>(
      varDecl(hasName("b"), hasAncestor(functionDecl(hasName("f")))).bind("x"));
  ASSERT_TRUE(Make && B);
  const FunctionParents &Parents = parentsOf(Make);
  EXPECT_EQ(FunctionParents::initializedBy(Parents.parent(Make), Make), B);
}

// --- FunctionTracker ----------------------------------------------------

TEST_F(FunctionParentsTest, TrackerFindsTheInnermostFunction) {
  ASSERT_TRUE(parse(R"cpp(
    void work(int);
    void outer() {
      work(1);
      struct Local {
        void inner() { work(2); }
      };
      work(3);
    }
    void after() { work(4); }
    int global = 5;
  )cpp"));
  const FunctionDecl *Outer = functionNamed("outer");
  const FunctionDecl *Inner = functionNamed("inner");
  const FunctionDecl *After = functionNamed("after");
  const auto *Global = first<VarDecl>(varDecl(hasName("global")).bind("x"));
  ASSERT_TRUE(Outer && Inner && After && Global);
  // The test helper agrees: work(2) belongs to the local class's method.
  const auto *Work2 = first<CallExpr>(
      callExpr(hasArgument(0, integerLiteral(equals(2)))).bind("x"));
  ASSERT_NE(Work2, nullptr);
  EXPECT_EQ(functionOf(Work2), Inner);
  const SourceManager &SM = ctx().getSourceManager();
  FunctionTracker Tracker;
  // Nothing entered yet.
  EXPECT_EQ(Tracker.at(workAt(1), SM), nullptr);
  // In MatchFinder's order: a function, then the nodes within it.
  Tracker.enter(*Outer, SM);
  EXPECT_EQ(Tracker.at(workAt(1), SM), Outer);
  Tracker.enter(*Inner, SM);
  EXPECT_EQ(Tracker.at(workAt(2), SM), Inner);
  // Past the inner function, back in the outer one.
  EXPECT_EQ(Tracker.at(workAt(3), SM), Outer);
  Tracker.enter(*After, SM);
  EXPECT_EQ(Tracker.at(workAt(4), SM), After);
  // Outside every function.
  EXPECT_EQ(Tracker.at(Global->getLocation(), SM), nullptr);
}

TEST_F(FunctionParentsTest, TrackerFunctionsInSequence) {
  ASSERT_TRUE(parse(R"cpp(
    void work(int);
    void first_fn() { work(1); }
    int between = 0;
    void second_fn() { work(2); }
  )cpp"));
  const FunctionDecl *First = functionNamed("first_fn");
  const FunctionDecl *Second = functionNamed("second_fn");
  const auto *Between = first<VarDecl>(varDecl(hasName("between")).bind("x"));
  ASSERT_TRUE(First && Second && Between);
  const SourceManager &SM = ctx().getSourceManager();
  FunctionTracker Tracker;
  Tracker.enter(*First, SM);
  EXPECT_EQ(Tracker.at(workAt(1), SM), First);
  EXPECT_EQ(Tracker.at(Between->getLocation(), SM), nullptr);
  Tracker.enter(*Second, SM);
  EXPECT_EQ(Tracker.at(workAt(2), SM), Second);
  // Entering a function leaves the one before it.
  EXPECT_EQ(Tracker.at(workAt(1), SM), nullptr);
  EXPECT_EQ(Tracker.at(SourceLocation(), SM), nullptr);
}

TEST_F(FunctionParentsTest, TrackerBuildsParentsOnce) {
  ASSERT_TRUE(parse(R"cpp(
    void work();
    void f() { work(); }
    void g() { work(); }
  )cpp"));
  const FunctionDecl *F = functionNamed("f");
  const FunctionDecl *G = functionNamed("g");
  ASSERT_TRUE(F && G);
  const SourceManager &SM = ctx().getSourceManager();
  FunctionTracker Tracker;
  Tracker.enter(*F, SM);
  const FunctionParents &First = Tracker.parents(*F);
  const FunctionParents &Second = Tracker.parents(*F);
  EXPECT_EQ(&First, &Second);
  EXPECT_EQ(&First.function(), F);
  EXPECT_EQ(First.body(), F->getBody());
  const FunctionParents &OfG = Tracker.parents(*G);
  EXPECT_NE(&OfG, &First);
  EXPECT_EQ(&OfG.function(), G);
  // clear() forgets the functions entered.
  Tracker.clear();
  EXPECT_EQ(Tracker.at(F->getBody()->getBeginLoc(), SM), nullptr);
  EXPECT_EQ(&Tracker.parents(*F).function(), F);
}

} // namespace
} // namespace unbounded_test
