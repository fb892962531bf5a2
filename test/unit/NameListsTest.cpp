//===- NameListsTest.cpp - NameLists: option lists and AST helpers --------===//

#include "TestSupport.h"

#include "utils/AstNavigation.h"
#include "utils/Names.h"

#include "clang/AST/ExprCXX.h"

using namespace clang;
using namespace clang::ast_matchers;
using namespace clang::tidy::unbounded::utils;

namespace unbounded_test {
namespace {

using Strings = std::vector<std::string>;

// --- parseList / joinList -----------------------------------------------

TEST(NameListsTest, ParseListTrimsAndDropsEmptyItems) {
  EXPECT_EQ(parseList(" ::std::thread ; ::boost::thread;;  ; ::pthread_create "),
            (Strings{"::std::thread", "::boost::thread", "::pthread_create"}));
  EXPECT_EQ(parseList("a"), Strings{"a"});
  EXPECT_TRUE(parseList("").empty());
  EXPECT_TRUE(parseList(" ; ;;").empty());
}

TEST(NameListsTest, JoinList) {
  EXPECT_EQ(joinList({"::std::thread", "::std::jthread"}),
            "::std::thread;::std::jthread");
  EXPECT_EQ(joinList({"a"}), "a");
  EXPECT_EQ(joinList({}), "");
}

TEST(NameListsTest, ParseJoinRoundTrip) {
  Strings Items = parseList("  a ;b;  ;c c ;");
  EXPECT_EQ(Items, (Strings{"a", "b", "c c"}));
  EXPECT_EQ(joinList(Items), "a;b;c c");
  EXPECT_EQ(parseList(joinList(Items)), Items);
  EXPECT_EQ(parseList(joinList({})), Strings{});
}

// --- AST helpers --------------------------------------------------------

class NameListsASTTest : public ASTTest {
protected:
  const NamedDecl *named(llvm::StringRef QualifiedName) {
    return first<NamedDecl>(namedDecl(hasName(QualifiedName)).bind("x"));
  }

  /// The argument of the call `use(e)` number Index (0-based, in source
  /// order) in the function named Function.
  const Expr *useArg(llvm::StringRef Function, unsigned Index = 0) {
    std::vector<const CallExpr *> Calls;
    for (const BoundNodes &Bound :
         match(callExpr(callee(functionDecl(hasName("use"))),
                        hasAncestor(functionDecl(hasName(Function))))
                   .bind("x"),
               ctx()))
      Calls.push_back(Bound.getNodeAs<CallExpr>("x"));
    const SourceManager &SM = ctx().getSourceManager();
    llvm::sort(Calls, [&](const CallExpr *A, const CallExpr *B) {
      return SM.isBeforeInTranslationUnit(A->getBeginLoc(), B->getBeginLoc());
    });
    if (Index >= Calls.size())
      return nullptr;
    return Calls[Index]->getArg(0);
  }

  const Stmt *functionBody(llvm::StringRef Function) {
    const auto *F = first<FunctionDecl>(
        functionDecl(hasName(Function), isDefinition()).bind("x"));
    return F ? F->getBody() : nullptr;
  }

  const Stmt *loopBodyIn(llvm::StringRef Function) {
    const auto *Loop = first<WhileStmt>(
        whileStmt(hasAncestor(functionDecl(hasName(Function)))).bind("x"));
    return Loop ? Loop->getBody() : nullptr;
  }
};

TEST_F(NameListsASTTest, IsNamedAnyOf) {
  ASSERT_TRUE(parse(R"cpp(
    namespace boost { struct thread {}; }
    namespace lib { inline namespace v2 { void spawn(); } }
    void spawn();
  )cpp"));
  const NamedDecl *StdThread = named("::std::thread");
  const NamedDecl *BoostThread = named("::boost::thread");
  const NamedDecl *LibSpawn = named("::lib::spawn");
  const NamedDecl *GlobalSpawn = named("::spawn");
  const NamedDecl *PthreadCreate = named("::pthread_create");
  ASSERT_NE(StdThread, nullptr);
  ASSERT_NE(BoostThread, nullptr);
  ASSERT_NE(LibSpawn, nullptr);
  ASSERT_NE(GlobalSpawn, nullptr);
  ASSERT_NE(PthreadCreate, nullptr);

  EXPECT_TRUE(isNamedAnyOf(StdThread, {"::std::thread"}));
  EXPECT_TRUE(isNamedAnyOf(StdThread, {"std::thread"}));
  EXPECT_TRUE(isNamedAnyOf(StdThread, {"::boost::thread", "::std::thread"}));
  EXPECT_FALSE(isNamedAnyOf(StdThread, {"::boost::thread"}));
  EXPECT_FALSE(isNamedAnyOf(StdThread, {"::std::jthread"}));
  EXPECT_FALSE(isNamedAnyOf(BoostThread, {"::std::thread"}));
  EXPECT_FALSE(isNamedAnyOf(StdThread, {}));
  EXPECT_FALSE(isNamedAnyOf(nullptr, {"::std::thread"}));

  // Inline namespaces are ignored, and "::" anchors at the global scope.
  EXPECT_TRUE(isNamedAnyOf(LibSpawn, {"::lib::spawn"}));
  EXPECT_TRUE(isNamedAnyOf(LibSpawn, {"lib::spawn"}));
  EXPECT_FALSE(isNamedAnyOf(LibSpawn, {"::spawn"}));
  EXPECT_TRUE(isNamedAnyOf(GlobalSpawn, {"::spawn"}));
  EXPECT_TRUE(isNamedAnyOf(GlobalSpawn, {"spawn"}));
  EXPECT_FALSE(isNamedAnyOf(GlobalSpawn, {"::lib::spawn"}));

  // extern "C" functions are named from the global scope.
  EXPECT_TRUE(isNamedAnyOf(PthreadCreate, {"::pthread_create"}));
  EXPECT_TRUE(isNamedAnyOf(PthreadCreate, {"pthread_create"}));
  EXPECT_FALSE(isNamedAnyOf(PthreadCreate, {"::pthread_join"}));
}

TEST_F(NameListsASTTest, IsNamedAnyOfIgnoresTemplateArguments) {
  ASSERT_TRUE(parse(R"cpp(
    void f() { std::vector<int> v; v.emplace_back(1); std::min(1, 2); }
  )cpp"));
  const auto *Call = first<CallExpr>(
      callExpr(callee(functionDecl(hasName("min")))).bind("x"));
  ASSERT_NE(Call, nullptr);
  EXPECT_TRUE(isNamedAnyOf(Call->getDirectCallee(), {"::std::min"}));
  EXPECT_FALSE(isNamedAnyOf(Call->getDirectCallee(), {"::std::max"}));
  const auto *Vector = first<CXXRecordDecl>(
      classTemplateSpecializationDecl(hasName("vector"),
                                      hasTemplateArgument(
                                          0, refersToType(asString("int"))))
          .bind("x"));
  ASSERT_NE(Vector, nullptr);
  EXPECT_TRUE(isNamedAnyOf(Vector, {"::std::vector"}));
  EXPECT_FALSE(isNamedAnyOf(Vector, {"::std::array"}));
}

TEST_F(NameListsASTTest, ReferencedDecl) {
  ASSERT_TRUE(parse(R"cpp(
    template <class T> void use(const T &);
    struct S { int x; int a[4]; std::vector<int> v; };
    int g;
    int h();
    void f(S s, S *p) {
      use(s.x); use(p->x); use(s.a[1]); use(*p); use(g); use(h()); use(s.v.back());
    }
  )cpp"));
  auto declOf = [&](unsigned I) { return referencedDecl(useArg("f", I)); };
  EXPECT_EQ(declOf(0), named("::S::x"));
  EXPECT_EQ(declOf(1), named("::S::x"));
  EXPECT_EQ(declOf(2), named("::S::a"));
  EXPECT_EQ(declOf(3), named("p"));
  EXPECT_EQ(declOf(4), named("::g"));
  EXPECT_EQ(declOf(5), nullptr);
  EXPECT_EQ(declOf(6), named("::S::v"));
  EXPECT_EQ(referencedDecl(nullptr), nullptr);
}

TEST_F(NameListsASTTest, IgnoreWrappersAndConsumer) {
  ASSERT_TRUE(parse(R"cpp(
    struct T { T(int); ~T(); int get() const; };
    int use(int);
    void f() { use((T(1)).get()); }
  )cpp"));
  const auto *Construct = first<CXXConstructExpr>(
      cxxConstructExpr(hasType(cxxRecordDecl(hasName("::T")))).bind("x"));
  const auto *Get = first<CXXMemberCallExpr>(cxxMemberCallExpr().bind("x"));
  ASSERT_NE(Construct, nullptr);
  ASSERT_NE(Get, nullptr);
  const Expr *Object = Get->getImplicitObjectArgument();
  EXPECT_NE(Object, Construct);
  EXPECT_EQ(ignoreWrappers(Object), Construct);
  // The parens, temporaries and the functional cast are skipped.
  const Stmt *Consumer = parentsOf(Construct).consumer(Construct);
  EXPECT_TRUE(llvm::isa_and_nonnull<MemberExpr>(Consumer));
  EXPECT_EQ(ignoreWrappers(nullptr), nullptr);
}

TEST_F(NameListsASTTest, SpellingFlattensWhitespace) {
  ASSERT_TRUE(parse(R"cpp(
    int use(int);
    int f(int a, int b) {
      return use(a +
                 b);
    }
  )cpp"));
  const auto *Call = first<CallExpr>(
      callExpr(hasAncestor(functionDecl(hasName("f")))).bind("x"));
  ASSERT_NE(Call, nullptr);
  EXPECT_EQ(spelling(Call, ctx()), "use(a + b)");
}

TEST_F(NameListsASTTest, IsWithinAndIsBefore) {
  ASSERT_TRUE(parse(R"cpp(
    int use(int);
    void f(bool running) {
      use(1);
      while (running) { use(2); }
      use(3);
    }
  )cpp"));
  const Stmt *Body = loopBodyIn("f");
  ASSERT_NE(Body, nullptr);
  const Expr *One = useArg("f", 0);
  const Expr *Two = useArg("f", 1);
  const Expr *Three = useArg("f", 2);
  ASSERT_TRUE(One && Two && Three);
  const SourceManager &SM = ctx().getSourceManager();
  EXPECT_FALSE(isWithin(Body, One->getBeginLoc(), SM));
  EXPECT_TRUE(isWithin(Body, Two->getBeginLoc(), SM));
  EXPECT_FALSE(isWithin(Body, Three->getBeginLoc(), SM));
  EXPECT_FALSE(isWithin(nullptr, Two->getBeginLoc(), SM));
  EXPECT_TRUE(isBefore(One->getBeginLoc(), Two->getBeginLoc(), SM));
  EXPECT_FALSE(isBefore(Three->getBeginLoc(), Two->getBeginLoc(), SM));
}

TEST_F(NameListsASTTest, IsWithinSourceRange) {
  ASSERT_TRUE(parse(R"cpp(
    int use(int);
    void f(bool running) {
      use(1);
      while (running) { use(2); }
      use(3);
    }
  )cpp"));
  const Stmt *Body = loopBodyIn("f");
  ASSERT_NE(Body, nullptr);
  const Expr *One = useArg("f", 0);
  const Expr *Two = useArg("f", 1);
  const Expr *Three = useArg("f", 2);
  ASSERT_TRUE(One && Two && Three);
  const SourceManager &SM = ctx().getSourceManager();
  SourceRange Range = Body->getSourceRange();
  EXPECT_FALSE(isWithin(Range, One->getBeginLoc(), SM));
  EXPECT_TRUE(isWithin(Range, Two->getBeginLoc(), SM));
  EXPECT_FALSE(isWithin(Range, Three->getBeginLoc(), SM));
  // Both ends are inside.
  EXPECT_TRUE(isWithin(Range, Range.getBegin(), SM));
  EXPECT_TRUE(isWithin(Range, Range.getEnd(), SM));
  // A function's range covers its whole definition.
  const auto *F = first<FunctionDecl>(
      functionDecl(hasName("f"), isDefinition()).bind("x"));
  ASSERT_NE(F, nullptr);
  EXPECT_TRUE(isWithin(F->getSourceRange(), One->getBeginLoc(), SM));
  EXPECT_TRUE(isWithin(F->getSourceRange(), Three->getBeginLoc(), SM));
  // Invalid ranges and locations contain nothing.
  EXPECT_FALSE(isWithin(SourceRange(), Two->getBeginLoc(), SM));
  EXPECT_FALSE(isWithin(Range, SourceLocation(), SM));
}

// --- outlivesScope ------------------------------------------------------

/// Each function passes the storage of interest to use().
constexpr const char *Storage = R"cpp(
  template <class T> void use(T &);
  std::vector<int> global_items;
  struct Server {
    std::vector<int> items;
    void member(bool running) { while (running) { use(items); } }
  };
  void global(bool running) { while (running) { use(global_items); } }
  void static_local(bool running) {
    while (running) { static std::vector<int> cache; use(cache); }
  }
  void local_inside(bool running) {
    while (running) { std::vector<int> batch; use(batch); }
  }
  void local_inside_function() { std::vector<int> batch; use(batch); }
  void local_outside(bool running) {
    std::vector<int> pool;
    while (running) { use(pool); }
  }
  void by_value(std::vector<int> items, bool running) {
    use(items);
    while (running) { use(items); }
  }
  void by_reference(std::vector<int> &items, bool running) {
    use(items);
    while (running) { use(items); }
  }
  void by_pointer(std::vector<int> *items, bool running) {
    while (running) { use(*items); }
  }
)cpp";

TEST_F(NameListsASTTest, OutlivesScopeMember) {
  ASSERT_TRUE(parse(Storage));
  ASSERT_NE(loopBodyIn("member"), nullptr);
  EXPECT_TRUE(outlivesScope(useArg("member"), loopBodyIn("member"), ctx()));
  EXPECT_TRUE(
      outlivesScope(useArg("member"), functionBody("member"), ctx()));
}

TEST_F(NameListsASTTest, OutlivesScopeGlobalAndStatic) {
  ASSERT_TRUE(parse(Storage));
  EXPECT_TRUE(outlivesScope(useArg("global"), loopBodyIn("global"), ctx()));
  EXPECT_TRUE(
      outlivesScope(useArg("global"), functionBody("global"), ctx()));
  EXPECT_TRUE(outlivesScope(useArg("static_local"), loopBodyIn("static_local"),
                            ctx()));
}

TEST_F(NameListsASTTest, OutlivesScopeLocalDeclaredInside) {
  ASSERT_TRUE(parse(Storage));
  EXPECT_FALSE(outlivesScope(useArg("local_inside"), loopBodyIn("local_inside"),
                             ctx()));
  EXPECT_FALSE(outlivesScope(useArg("local_inside_function"),
                             functionBody("local_inside_function"), ctx()));
}

TEST_F(NameListsASTTest, OutlivesScopeLocalDeclaredOutside) {
  ASSERT_TRUE(parse(Storage));
  ASSERT_NE(loopBodyIn("local_outside"), nullptr);
  EXPECT_TRUE(outlivesScope(useArg("local_outside"),
                            loopBodyIn("local_outside"), ctx()));
  // Relative to the whole function body it is declared inside.
  EXPECT_FALSE(outlivesScope(useArg("local_outside"),
                             functionBody("local_outside"), ctx()));
}

TEST_F(NameListsASTTest, OutlivesScopeByValueParameter) {
  ASSERT_TRUE(parse(Storage));
  // Relative to the function body: the parameter ends with the call.
  EXPECT_FALSE(outlivesScope(useArg("by_value", 0), functionBody("by_value"),
                             ctx()));
  // Relative to a loop body: it outlives every iteration.
  EXPECT_TRUE(
      outlivesScope(useArg("by_value", 1), loopBodyIn("by_value"), ctx()));
}

TEST_F(NameListsASTTest, OutlivesScopeReferenceAndPointerParameter) {
  ASSERT_TRUE(parse(Storage));
  EXPECT_TRUE(outlivesScope(useArg("by_reference", 0),
                            functionBody("by_reference"), ctx()));
  EXPECT_TRUE(outlivesScope(useArg("by_reference", 1),
                            loopBodyIn("by_reference"), ctx()));
  EXPECT_TRUE(
      outlivesScope(useArg("by_pointer"), loopBodyIn("by_pointer"), ctx()));
}

TEST_F(NameListsASTTest, OutlivesScopeUnnamedStorage) {
  ASSERT_TRUE(parse(R"cpp(
    template <class T> void use(const T &);
    std::vector<int> make();
    void f(bool running) { while (running) { use(make()); } }
  )cpp"));
  EXPECT_FALSE(outlivesScope(useArg("f"), loopBodyIn("f"), ctx()));
}

} // namespace
} // namespace unbounded_test
