#include "unbounded/IgnoreRules.h"
#include "unbounded/LeakOrigin.h"

#include <gtest/gtest.h>
#include <stdexcept>

using namespace unbounded::guard;

TEST(IgnoreRulesTest, ParsesKindsCommentsAndBlankLines) {
  const std::vector<IgnoreRule> rules =
      parseIgnoreRules("# shared by all tests\n"
                       "\n"
                       "start-routine: orders::worker\n"
                       "  any-function:grpc::*  \n",
                       "ignore.txt");
  ASSERT_EQ(rules.size(), 2u);
  EXPECT_EQ(rules[0].kind, IgnoreRule::Kind::StartRoutine);
  EXPECT_EQ(rules[0].pattern, "orders::worker");
  EXPECT_EQ(rules[0].source, "ignore.txt:3");
  EXPECT_EQ(rules[1].kind, IgnoreRule::Kind::AnyFunction);
  EXPECT_EQ(rules[1].describe(), "any-function: grpc::*");
  EXPECT_EQ(rules[1].source, "ignore.txt:4");
}

TEST(IgnoreRulesTest, RejectsMalformedLinesWithTheirLine) {
  for (const char *text :
       {"orders::worker\n", "top: orders::worker\n", "start-routine:\n",
        "any-function: *\n", "any-function: **\n"}) {
    try {
      parseIgnoreRules(std::string("# first\n") + text, "f");
      ADD_FAILURE() << "accepted " << text;
    } catch (const std::invalid_argument &error) {
      EXPECT_EQ(std::string(error.what()).rfind("f:2: ", 0), 0u)
          << error.what();
    }
  }
  EXPECT_THROW(readIgnoreFile("/nonexistent/ignore.txt"),
               std::invalid_argument);
}

TEST(IgnoreRulesTest, ExactNamesAndPatterns) {
  IgnoreRule exact;
  exact.pattern = "orders::worker";
  EXPECT_TRUE(exact.matchesFunction("orders::worker"));
  EXPECT_FALSE(exact.matchesFunction("orders::worker2"));
  EXPECT_FALSE(exact.matchesFunction("my::orders::worker"));
  IgnoreRule pattern;
  pattern.pattern = "*::Pool::*";
  EXPECT_TRUE(pattern.matchesFunction("a::Pool::spawn"));
  EXPECT_TRUE(pattern.matchesFunction("x::y::Pool::run"));
  EXPECT_FALSE(pattern.matchesFunction("a::Pools::spawn"));
  EXPECT_FALSE(pattern.matchesFunction(""));
}

TEST(IgnoreRulesTest, StaleRulesAreThoseThatNeverMatched) {
  std::vector<IgnoreRule> rules =
      parseIgnoreRules("start-routine: a\nany-function: b\n", "f");
  const std::vector<IgnoreRule> copies = rules; // copies share the count
  copies[0].matches->fetch_add(1);
  const std::vector<IgnoreRule> stale = staleRules(rules);
  ASSERT_EQ(stale.size(), 1u);
  EXPECT_EQ(stale[0].pattern, "b");
}

TEST(IgnoreRulesTest, FunctionNamesWithoutParametersOrReturnTypes) {
  EXPECT_EQ(functionName("orders::Service::handle(int) const"),
            "orders::Service::handle");
  EXPECT_EQ(
      functionName(
          "std::future<void> std::async<void (&)()>(std::launch, void (&)())"),
      "std::async<void (&)()>");
  EXPECT_EQ(functionName("Service::run(int)::{lambda()#1}::operator()() const"),
            "Service::run(int)::{lambda()#1}::operator()");
  EXPECT_EQ(functionName("(anonymous namespace)::leak()"),
            "(anonymous namespace)::leak");
  EXPECT_EQ(functionName("f() [clone .constprop.0]"), "f");
  EXPECT_EQ(functionName("main"), "main");
}
