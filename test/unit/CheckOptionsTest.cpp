//===- CheckOptionsTest.cpp - CheckOptions: option values, validated ------===//

#include "utils/CheckOptions.h"

#include "gtest/gtest.h"

using namespace clang::tidy;
using namespace clang::tidy::unbounded::utils;

namespace unbounded_test {
namespace {

using Strings = std::vector<std::string>;

ClangTidyOptions::OptionMap
options(std::initializer_list<std::pair<const char *, const char *>> Values) {
  ClangTidyOptions::OptionMap Map;
  for (const auto &[Key, Value] : Values)
    Map[Key] = ClangTidyOptions::ClangTidyValue(Value);
  return Map;
}

TEST(CheckOptionsTest, GoodValuesPass) {
  EXPECT_EQ(
      optionProblems("unbounded-x",
                     options({{"unbounded-x.MaxIterations", "16"},
                              {"unbounded-x.MaxCapacity", "1000000000000"},
                              {"unbounded-x.AllowVoidCast", "Off"},
                              {"unbounded-x.CounterPattern", "^(a|b)$"},
                              {"unbounded-x.WorkerCountPattern", ""},
                              {"unbounded-x.ThreadClasses", "(anything"}})),
      Strings{});
}

TEST(CheckOptionsTest, EachBadValueIsOneProblem) {
  EXPECT_EQ(
      optionProblems("unbounded-x",
                     options({{"unbounded-x.MaxIterations", "abc"},
                              {"unbounded-x.MaxThreads", "-1"},
                              {"unbounded-x.MaxCapacity", "50x"},
                              {"unbounded-x.AllowVoidCast", "maybe"},
                              {"unbounded-x.SpacePattern", "(unclosed"}})),
      (Strings{
          "invalid configuration value '(unclosed' for option "
          "'unbounded-x.SpacePattern'; expected a regular expression "
          "(parentheses not balanced)",
          "invalid configuration value '-1' for option "
          "'unbounded-x.MaxThreads'; expected an integer",
          "invalid configuration value '50x' for option "
          "'unbounded-x.MaxCapacity'; expected an integer",
          "invalid configuration value 'abc' for option "
          "'unbounded-x.MaxIterations'; expected an integer",
          "invalid configuration value 'maybe' for option "
          "'unbounded-x.AllowVoidCast'; expected a bool (true or false)"}));
}

TEST(CheckOptionsTest, OnlyTheCheckOwnOptionsCount) {
  EXPECT_EQ(optionProblems("unbounded-x",
                           options({{"unbounded-y.MaxIterations", "abc"},
                                    {"MaxIterations", "abc"},
                                    {"unbounded-xy.MaxIterations", "abc"}})),
            Strings{});
}

TEST(CheckOptionsTest, ModuleWideOptionsAreValidatedUnderTheirOwnName) {
  EXPECT_EQ(optionProblems("unbounded-x",
                           options({{"unbounded.MaxIterations", "abc"},
                                    {"unbounded.CounterPattern", "(a|b)"},
                                    {"unbounded.LimiterFunctions", "(free"}})),
            Strings{"invalid configuration value 'abc' for option "
                    "'unbounded.MaxIterations'; expected an integer"});
}

TEST(CheckOptionsTest, CountTooLargeForItsTypeIsAProblem) {
  EXPECT_EQ(optionProblems("unbounded-x", options({{"unbounded-x.MaxIterations",
                                                    "99999999999"}}))
                .size(),
            1u);
}

} // namespace
} // namespace unbounded_test
