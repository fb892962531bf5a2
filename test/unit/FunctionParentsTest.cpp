//===- FunctionParentsTest.cpp - FunctionParents and FunctionIndex ------===//

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

// --- FunctionIndex ------------------------------------------------------

TEST_F(FunctionParentsTest, IndexFindsTheInnermostFunction) {
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
    int global = (work(5), 5);
  )cpp"));
  const FunctionDecl *Outer = functionNamed("outer");
  const FunctionDecl *Inner = functionNamed("inner");
  const FunctionDecl *After = functionNamed("after");
  ASSERT_TRUE(Outer && Inner && After);
  FunctionIndex Index(ctx());
  auto FunctionAt = [&](int N) -> const FunctionDecl * {
    const auto *Call = first<CallExpr>(
        callExpr(hasArgument(0, integerLiteral(equals(N)))).bind("x"));
    const FunctionParents *Parents = Call ? Index.enclosing(Call) : nullptr;
    return Parents ? &Parents->function() : nullptr;
  };
  EXPECT_EQ(FunctionAt(1), Outer);
  EXPECT_EQ(FunctionAt(2), Inner);
  EXPECT_EQ(FunctionAt(3), Outer);
  EXPECT_EQ(FunctionAt(4), After);
  // A namespace-scope initializer is in no function.
  EXPECT_EQ(FunctionAt(5), nullptr);
}

TEST_F(FunctionParentsTest, IndexFindsTemplateInstantiations) {
  ASSERT_TRUE(parse(R"cpp(
    void work(int);
    template <class T> void each(T t) { work(int(t)); }
    template <class T> struct Box {
      void run() { work(int(sizeof(T))); }
      void later();
      template <class U> void post(U u) { work(int(u)); }
    };
    template <class T> void Box<T>::later() { work(7); }
    void use() {
      each(1);
      each(2.0);
      Box<char>().run();
      Box<char>().later();
      Box<char>().post(3L); // a member template of a class template
    }
  )cpp"));
  FunctionIndex Index(ctx());
  // Every instantiated call finds the instantiation that contains it.
  auto Calls = match(
      callExpr(callee(functionDecl(hasName("work"))),
               hasAncestor(functionDecl(isTemplateInstantiation()).bind("f")))
          .bind("call"),
      ctx());
  ASSERT_EQ(Calls.size(), 5u);
  for (const BoundNodes &Nodes : Calls) {
    const auto *Call = Nodes.getNodeAs<CallExpr>("call");
    const auto *Function = Nodes.getNodeAs<FunctionDecl>("f");
    const FunctionParents *Parents = Index.enclosing(Call);
    ASSERT_NE(Parents, nullptr);
    EXPECT_EQ(&Parents->function(), Function);
  }
}

TEST_F(FunctionParentsTest, IndexListsUserFunctions) {
  ASSERT_TRUE(parse(R"cpp(
    void declared();
    void defined() {}
    template <class T> void each(T) {}
    void use() { each(1); each('c'); }
  )cpp"));
  FunctionIndex Index(ctx());
  std::vector<std::string> Names;
  for (const FunctionDecl *Function : Index.userFunctions())
    if (Function->getDeclName().isIdentifier() &&
        (Function->getName() == "defined" || Function->getName() == "each" ||
         Function->getName() == "declared"))
      Names.push_back(Function->getNameAsString());
  // The pattern of each and its two instantiations; no declaration-only
  // function.
  EXPECT_EQ(std::count(Names.begin(), Names.end(), "each"), 3);
  EXPECT_EQ(std::count(Names.begin(), Names.end(), "defined"), 1);
  EXPECT_EQ(std::count(Names.begin(), Names.end(), "declared"), 0);
}

TEST_F(FunctionParentsTest, IndexBuildsParentsOnce) {
  ASSERT_TRUE(parse(R"cpp(
    void work();
    void f() { work(); }
    void g() { work(); }
  )cpp"));
  const FunctionDecl *F = functionNamed("f");
  const FunctionDecl *G = functionNamed("g");
  ASSERT_TRUE(F && G);
  FunctionIndex Index(ctx());
  const FunctionParents &First = Index.parents(*F);
  const FunctionParents &Second = Index.parents(*F);
  EXPECT_EQ(&First, &Second);
  EXPECT_EQ(&First.function(), F);
  EXPECT_EQ(First.body(), F->getBody());
  const FunctionParents &OfG = Index.parents(*G);
  EXPECT_NE(&OfG, &First);
  EXPECT_EQ(&OfG.function(), G);
}

} // namespace
} // namespace unbounded_test
