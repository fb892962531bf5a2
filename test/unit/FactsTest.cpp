//===- FactsTest.cpp - the join of the project's facts --------------------===//

#include "Facts.h"

#include "gtest/gtest.h"

using namespace unbounded::facts;

namespace {

Site at(const char *File, unsigned Line, const char *Text) {
  return Site{File, Line, 1, Text};
}

Edge call(const char *Kind, const char *Callee, unsigned Line) {
  return Edge{Kind, Callee, at("caller.cpp", Line, "calls")};
}

Function direct(const char *Usr, const char *Kind, const char *Detail) {
  return Function{Usr, Usr, {Effect{Kind, Detail, {at("lib.cpp", 1, "here")}}},
                  {}};
}

Function calling(const char *Usr, std::vector<Edge> Calls) {
  return Function{Usr, Usr, {}, std::move(Calls)};
}

Project joined(std::vector<UnitFacts> Units, const Project *Known = nullptr) {
  std::vector<const UnitFacts *> Pointers;
  for (const UnitFacts &U : Units)
    Pointers.push_back(&U);
  return Project::join(Pointers, Known);
}

TEST(FactsTest, EffectsPassThroughAnyDepthAcrossUnits) {
  UnitFacts A{{calling("a", {call("thread", "b", 3)})}, {}, {}};
  UnitFacts B{{calling("b", {call("thread", "c", 7)})}, {}, {}};
  UnitFacts C{{direct("c", "thread", "detached")}, {}, {}};
  Project P = joined({A, B, C});
  const Summary *S = P.effect("a", "thread");
  ASSERT_NE(S, nullptr);
  EXPECT_EQ(S->Depth, 2u);
  EXPECT_EQ(S->Detail, "detached");
  ASSERT_EQ(S->Chain.size(), 3u);
  EXPECT_EQ(S->Chain[0].Line, 3u);
  EXPECT_EQ(S->Chain[1].Line, 7u);
  EXPECT_EQ(S->Chain[2].File, "lib.cpp");
}

TEST(FactsTest, KindsDoNotMix) {
  UnitFacts U{{calling("a", {call("client", "c", 3)}),
               direct("c", "thread", "detached")},
              {}, {}};
  Project P = joined({U});
  EXPECT_EQ(P.effect("a", "thread"), nullptr);
  EXPECT_EQ(P.effect("a", "client"), nullptr);
  EXPECT_NE(P.effect("c", "thread"), nullptr);
}

TEST(FactsTest, ShortestChainWinsThenSourceOrder) {
  // a calls b (long way) before d (direct); d wins by depth.
  UnitFacts U{{calling("a", {call("thread", "b", 1), call("thread", "d", 2)}),
               calling("b", {call("thread", "d", 5)}),
               direct("d", "thread", "detached"),
               // e has two equally short ways: the first call wins.
               calling("e", {call("thread", "d", 8), call("thread", "f", 9)}),
               direct("f", "thread", "kept")},
              {}, {}};
  Project P = joined({U});
  EXPECT_EQ(P.effect("a", "thread")->Depth, 1u);
  EXPECT_EQ(P.effect("a", "thread")->Chain[0].Line, 2u);
  EXPECT_EQ(P.effect("e", "thread")->Chain[0].Line, 8u);
  EXPECT_EQ(P.effect("e", "thread")->Detail, "detached");
}

TEST(FactsTest, RecursionWithoutEffectStaysClean) {
  UnitFacts U{{calling("a", {call("thread", "b", 1)}),
               calling("b", {call("thread", "a", 2)})},
              {}, {}};
  Project P = joined({U});
  EXPECT_EQ(P.effect("a", "thread"), nullptr);
  EXPECT_EQ(P.effect("b", "thread"), nullptr);
}

TEST(FactsTest, RecursionThroughAnEffectTerminates) {
  UnitFacts U{{calling("a", {call("thread", "b", 1)}),
               calling("b", {call("thread", "a", 2), call("thread", "c", 3)}),
               direct("c", "thread", "detached")},
              {}, {}};
  Project P = joined({U});
  EXPECT_EQ(P.effect("a", "thread")->Depth, 2u);
  EXPECT_EQ(P.effect("b", "thread")->Depth, 1u);
}

TEST(FactsTest, DefinitionsSeenByManyUnitsMerge) {
  // An inline function seen twice; a constructor that learns its effect in
  // another unit.
  UnitFacts A{{calling("inl", {call("thread", "c", 4)}),
               calling("ctor", {})},
              {}, {}};
  UnitFacts B{{calling("inl", {call("thread", "c", 4)}),
               direct("ctor", "client", "connect")},
              {}, {}};
  UnitFacts C{{direct("c", "thread", "detached")}, {}, {}};
  Project P = joined({A, B, C});
  EXPECT_EQ(P.effect("inl", "thread")->Chain.size(), 2u);
  EXPECT_NE(P.effect("ctor", "client"), nullptr);
}

TEST(FactsTest, KnownProjectFactsCompleteAUnit) {
  UnitFacts Other{{direct("c", "thread", "detached")}, {}, {}};
  Project Known = joined({Other});
  UnitFacts Here{{calling("a", {call("thread", "c", 3)})}, {}, {}};
  Project P = joined({Here}, &Known);
  ASSERT_NE(P.effect("a", "thread"), nullptr);
  EXPECT_EQ(P.effect("a", "thread")->Depth, 1u);
  // Known's own functions are not copied into the unit's project.
  EXPECT_EQ(P.effect("c", "thread"), nullptr);
}

TEST(FactsTest, UsesResolveWithDetailAndChain) {
  Use Waiting{"thread", "a", {}};
  Waiting.Finding.Check = "unbounded-thread-creation";
  Waiting.Finding.At = at("main.cpp", 9, "call to 'a' ... that is {detail}");
  Waiting.Finding.Notes = {at("main.cpp", 8, "the loop is unbounded")};
  Use Quiet{"thread", "nothing", Waiting.Finding};
  UnitFacts U{{calling("a", {call("thread", "c", 3)}),
               direct("c", "thread", "detached")},
              {Waiting, Quiet}, {}};
  Project P = joined({U});
  std::vector<Diagnostic> Found = P.resolve(U.Uses);
  ASSERT_EQ(Found.size(), 1u);
  EXPECT_EQ(Found[0].At.Text, "call to 'a' ... that is detached");
  ASSERT_EQ(Found[0].Notes.size(), 3u);
  EXPECT_EQ(Found[0].Notes[0].Text, "the loop is unbounded");
  EXPECT_EQ(Found[0].Notes[2].File, "lib.cpp");
}

// pool-size keys values as well as functions: a setter's parameter is kept
// in a member (one unit, the header), the member bounds a loop in another
// unit that calls a function of a third unit that starts a thread; a
// wrapper passes its own parameter on. The wrapper's parameter gets the
// effect through every step, and a parameter kept in an unrelated member
// does not.
TEST(FactsTest, PoolSizesPassThroughParametersAndMembers) {
  UnitFacts Header{{calling("setN@param0", {call("pool-size", "field:n_", 6)}),
                    calling("setTimeout@param0",
                            {call("pool-size", "field:timeout_", 7)}),
                    calling("wrap@param0",
                            {call("pool-size", "setN@param0", 9)})},
                   {}, {}};
  UnitFacts Pool{{calling("field:n_", {call("pool-size", "startOne", 4)}),
                  calling("field:timeout_", {call("pool-size", "tick", 5)})},
                 {}, {}};
  UnitFacts Thread{{direct("startOne", "pool-size", "std::thread")}, {}, {}};
  Project P = joined({Header, Pool, Thread});
  const Summary *S = P.effect("wrap@param0", "pool-size");
  ASSERT_NE(S, nullptr);
  EXPECT_EQ(S->Depth, 3u);
  EXPECT_EQ(S->Detail, "std::thread");
  ASSERT_EQ(S->Chain.size(), 4u);
  EXPECT_EQ(S->Chain[0].Line, 9u);
  EXPECT_EQ(S->Chain[1].Line, 6u);
  EXPECT_EQ(S->Chain[2].Line, 4u);
  EXPECT_EQ(S->Chain[3].File, "lib.cpp");
  EXPECT_EQ(P.effect("setTimeout@param0", "pool-size"), nullptr);
  EXPECT_EQ(P.effect("wrap@param0", "thread"), nullptr);
}

TEST(FactsTest, ProjectRoundTripsThroughJson) {
  UnitFacts U{{calling("a", {call("thread", "c", 3)}),
               direct("c", "thread", "detached")},
              {}, {}};
  Project P = joined({U});
  std::string Text;
  llvm::raw_string_ostream(Text) << P.toJson();
  auto Back = Project::fromJson(Text);
  ASSERT_TRUE(bool(Back)) << llvm::toString(Back.takeError());
  EXPECT_EQ(Back->effect("a", "thread")->Chain.size(), 2u);
  EXPECT_EQ(*Back->name("a"), "a");
}

TEST(FactsTest, UnitRoundTripsThroughJson) {
  Use Waiting{"client", "f", {}};
  Waiting.Finding.At = at("main.cpp", 2, "m");
  UnitFacts U{{calling("a", {call("client", "f", 3)}),
               direct("f", "client", "curl_easy_init")},
              {Waiting}, {}};
  auto Back = unitFromJson(toJson(U));
  ASSERT_TRUE(bool(Back)) << llvm::toString(Back.takeError());
  EXPECT_EQ(Back->Functions.size(), 2u);
  EXPECT_EQ(Back->Functions[1].Direct[0].Detail, "curl_easy_init");
  EXPECT_EQ(Back->Uses[0].Finding.At.Line, 2u);
}

TEST(FactsTest, UnitMetricsRoundTripAndStayOptional) {
  UnitFacts U;
  U.Metrics.push_back({"jobs_queue_depth", "prometheus-cpp",
                       at("metrics.cpp", 7, "registration")});
  EXPECT_FALSE(U.empty());
  auto Back = unitFromJson(toJson(U));
  ASSERT_TRUE(bool(Back)) << llvm::toString(Back.takeError());
  ASSERT_EQ(Back->Metrics.size(), 1u);
  EXPECT_EQ(Back->Metrics[0].Name, "jobs_queue_depth");
  EXPECT_EQ(Back->Metrics[0].Api, "prometheus-cpp");
  EXPECT_EQ(Back->Metrics[0].At.Line, 7u);
  // Units written before metrics existed have no "metrics" key, and units
  // without metrics are written that way still.
  auto Old = unitFromJson(llvm::json::Object{{"functions", llvm::json::Array{}},
                                             {"uses", llvm::json::Array{}}});
  ASSERT_TRUE(bool(Old)) << llvm::toString(Old.takeError());
  EXPECT_TRUE(Old->Metrics.empty());
  EXPECT_EQ(toJson(UnitFacts{}).getAsObject()->get("metrics"), nullptr);
  auto Bad = unitFromJson(llvm::json::Object{{"functions", llvm::json::Array{}},
                                             {"uses", llvm::json::Array{}},
                                             {"metrics", llvm::json::Array{1}}});
  ASSERT_FALSE(bool(Bad));
  EXPECT_EQ(llvm::toString(Bad.takeError()), "a metric lacks 'name'");
}

TEST(FactsTest, MalformedFactsAreOneLineErrors) {
  for (const char *Text :
       {"", "[]", R"({"schema": "other", "version": 1})",
        R"({"schema": "unbounded-tidy-facts", "version": 9, "functions": []})",
        R"({"schema": "unbounded-tidy-facts", "version": 1})",
        R"({"schema": "unbounded-tidy-facts", "version": 1, "functions": [{"usr": "a", "effects": {"thread": {"chain": []}}}]})"}) {
    auto P = Project::fromJson(Text);
    ASSERT_FALSE(bool(P)) << Text;
    std::string Why = llvm::toString(P.takeError());
    EXPECT_EQ(Why.find('\n'), std::string::npos) << Why;
  }
}

} // namespace
