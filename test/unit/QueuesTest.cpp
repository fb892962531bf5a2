//===- QueuesTest.cpp - Queues: what the queue checks share ---------------===//

#include "TestSupport.h"

#include "utils/Arguments.h"
#include "utils/AstNavigation.h"
#include "utils/Names.h"
#include "utils/Queues.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;
using namespace clang::ast_matchers;
using namespace clang::tidy::unbounded::utils;

namespace unbounded_test {
namespace {

// --- option lists -----------------------------------------------------------

TEST(QueuesTest, ParseNamedArguments) {
  std::vector<NamedArgument> Items =
      parseNamedArguments(" ::a::Queue:1 ; ::b::Ring ;::c::f:x; ::d::g:");
  ASSERT_EQ(Items.size(), 4u);
  EXPECT_EQ(Items[0].Name, "::a::Queue");
  EXPECT_EQ(Items[0].Argument, 1u);
  EXPECT_EQ(Items[1].Name, "::b::Ring"); // no index: argument 0
  EXPECT_EQ(Items[1].Argument, 0u);
  EXPECT_EQ(Items[2].Name, "::c::f:x");  // not a number: part of the name
  EXPECT_EQ(Items[3].Name, "::d::g");
  EXPECT_EQ(joinNamedArguments(Items), "::a::Queue:1;::b::Ring:0;::c::f:x:0;::d::g:0");
  EXPECT_EQ(namesOf(Items)[1], "::b::Ring");
}

// --- numbers in messages ----------------------------------------------------

TEST(QueuesTest, WithThousands) {
  EXPECT_EQ(withThousands(0), "0");
  EXPECT_EQ(withThousands(999), "999");
  EXPECT_EQ(withThousands(10000), "10,000");
  EXPECT_EQ(withThousands(1048576), "1,048,576");
  EXPECT_EQ(withThousands(1000000000), "1,000,000,000");
}

TEST(QueuesTest, ByteSize) {
  EXPECT_EQ(byteSize(64), "64 B");
  EXPECT_EQ(byteSize(1024), "1 KiB");
  EXPECT_EQ(byteSize(64ull << 20), "64 MiB");
  EXPECT_EQ(byteSize(24000000), "22.9 MiB");
  EXPECT_EQ(byteSize(64000000), "61 MiB"); // 61.04: no trailing .0
  EXPECT_EQ(byteSize(3ull << 30), "3 GiB");
}

class QueuesASTTest : public ASTTest {};

TEST_F(QueuesASTTest, SlotMemoryAndElementType) {
  ASSERT_TRUE(parse(R"cpp(
    struct Event { char payload[64]; };
    template <class T> struct Ring { bool push(const T &); };
    struct Hand { std::vector<Event> slots; bool push(const Event &); };
    struct Opaque { bool push(int); };
    Ring<Event> r; Hand h; Opaque o;
  )cpp"));
  auto record = [&](llvm::StringRef Var) {
    return first<VarDecl>(varDecl(hasName(Var)).bind("x"))
        ->getType()
        ->getAsCXXRecordDecl();
  };
  std::optional<QualType> Templated = elementType(*record("r"), ctx());
  ASSERT_TRUE(Templated);
  EXPECT_EQ(slotMemory(1 << 20, Templated, ctx()),
            "1,048,576 slots x 64 B = 64 MiB");
  std::optional<QualType> FromVector = elementType(*record("h"), ctx());
  ASSERT_TRUE(FromVector);
  EXPECT_EQ((*FromVector)->getAsRecordDecl()->getName(), "Event");
  EXPECT_FALSE(elementType(*record("o"), ctx()));
  EXPECT_EQ(slotMemory(10, std::nullopt, ctx()), "");
}

TEST_F(QueuesASTTest, SilentBranches) {
  ASSERT_TRUE(parse(R"cpp(
    int counter;
    int f(bool a) {
      if (a) {}
      if (a) { /* only a comment */ }
      if (a) ;
      while (a) { if (a) continue; if (a) break; }
      if (a) { ++counter; }
      if (a) return 1;
      return 0;
    }
  )cpp"));
  std::vector<const Stmt *> Thens;
  for (const BoundNodes &Node :
       match(findAll(ifStmt().bind("if")), *functionNamed("f")->getBody(), ctx()))
    Thens.push_back(Node.getNodeAs<IfStmt>("if")->getThen());
  ASSERT_EQ(Thens.size(), 7u);
  EXPECT_TRUE(isSilentBranch(Thens[0]));
  EXPECT_TRUE(isSilentBranch(Thens[1]));
  EXPECT_TRUE(isSilentBranch(Thens[2]));
  EXPECT_TRUE(isSilentBranch(Thens[3])); // continue
  EXPECT_TRUE(isSilentBranch(Thens[4])); // break
  EXPECT_FALSE(isSilentBranch(Thens[5])); // a counter
  EXPECT_FALSE(isSilentBranch(Thens[6])); // a value returned
  EXPECT_TRUE(isSilentBranch(nullptr));   // no else at all
  EXPECT_TRUE(containsExit(Thens[6]));
  EXPECT_FALSE(containsExit(Thens[5]));
}

TEST_F(QueuesASTTest, FunctionNamedAnyOfIgnoresClassTemplateArguments) {
  ASSERT_TRUE(parse(R"cpp(
    namespace lib { template <class T> struct Queue { void set_capacity(int); }; void init(int); }
    void f(lib::Queue<int> &q) { q.set_capacity(1); lib::init(2); }
  )cpp"));
  const auto *Setter = first<CXXMemberCallExpr>(
      cxxMemberCallExpr(callee(functionDecl(hasName("set_capacity")))).bind("x"));
  const auto *Init =
      first<CallExpr>(callExpr(callee(functionDecl(hasName("init")))).bind("x"));
  std::vector<std::string> Names = {"::lib::Queue::set_capacity", "::lib::init"};
  EXPECT_TRUE(isFunctionNamedAnyOf(Setter->getDirectCallee(), Names));
  EXPECT_TRUE(isFunctionNamedAnyOf(Init->getDirectCallee(), Names));
  EXPECT_FALSE(isFunctionNamedAnyOf(Init->getDirectCallee(), {"::lib::Queue::init"}));
  // The matcher finds both calls; hasAnyName alone misses the method.
  EXPECT_EQ(match(callExpr(callee(functionNamedAnyOf(Names))).bind("x"), ctx())
                .size(),
            2u);
  EXPECT_EQ(match(callExpr(callee(functionDecl(hasAnyName(
                                  "::lib::Queue::set_capacity"))))
                      .bind("x"),
                  ctx())
                .size(),
            0u);
}

} // namespace
} // namespace unbounded_test
