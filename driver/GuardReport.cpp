//===- GuardReport.cpp - runtime evidence for the checklist ---------------===//

#include "GuardReport.h"

#include "Catalogue.h"

namespace unbounded::driver {
namespace json = llvm::json;

static llvm::Expected<GuardEvidence> parseEntry(const json::Value &V) {
  const json::Object *O = V.getAsObject();
  if (!O)
    return malformed("a 'checklist' entry is not an object");
  auto Id = O->getString("id");
  auto State = O->getString("state");
  if (!Id || !State)
    return malformed("a 'checklist' entry needs string 'id' and 'state'");
  if (!catalogue().item(*Id))
    return malformed("unknown checklist item '" + *Id + "'");
  if (*State != "passed" && *State != "failed")
    return malformed("'state' of '" + *Id + "' is not passed or failed");
  GuardEvidence E;
  E.Item = Id->str();
  E.Passed = *State == "passed";
  if (const json::Value *Evidence = O->get("evidence")) {
    auto Text = Evidence->getAsString();
    if (!Text)
      return malformed("'evidence' of '" + *Id + "' is not a string");
    E.Evidence = Text->str();
  }
  return E;
}

namespace {

/// What the guarded tests showed, gathered over all tests.
struct Observed {
  unsigned Tests = 0;
  std::vector<std::string> Metrics;          ///< Exported series, unique.
  std::vector<std::string> RejectingTests;   ///< Tests that rejected work.
  std::vector<std::string> LimitedPassed, LimitedFailed; ///< Under limits.
};

llvm::Error readTest(const json::Value &V, Observed &Seen) {
  const json::Object *O = V.getAsObject();
  if (!O)
    return malformed("a 'tests' entry is not an object");
  auto Name = O->getString("name");
  auto Result = O->getString("result");
  if (!Name || !Result)
    return malformed("a test needs string 'name' and 'result'");
  if (*Result != "passed" && *Result != "failed" && *Result != "skipped")
    return malformed("test '" + *Name + "': 'result' is not passed, failed "
                                        "or skipped");
  ++Seen.Tests;
  bool Limited = false;
  if (const json::Value *Limits = O->get("limits")) {
    const json::Object *L = Limits->getAsObject();
    if (!L)
      return malformed("test '" + *Name + "': 'limits' is not an object");
    for (const auto &[Key, Value] : *L) {
      if (Value.kind() != json::Value::Null && !Value.getAsInteger())
        return malformed("test '" + *Name + "': limit '" + Key.str() +
                         "' is not an integer or null");
      Limited |= Value.getAsInteger().has_value();
    }
  }
  if (Limited && *Result == "passed")
    Seen.LimitedPassed.push_back(Name->str());
  if (Limited && *Result == "failed")
    Seen.LimitedFailed.push_back(Name->str());
  if (const json::Value *Metrics = O->get("metrics_exported")) {
    const json::Array *A = Metrics->getAsArray();
    if (!A)
      return malformed("test '" + *Name + "': 'metrics_exported' is not an "
                                          "array");
    for (const json::Value &M : *A) {
      auto Series = M.getAsString();
      if (!Series)
        return malformed("test '" + *Name + "': a metric is not a string");
      if (!llvm::is_contained(Seen.Metrics, *Series))
        Seen.Metrics.push_back(Series->str());
    }
  }
  if (const json::Value *Rejections = O->get("rejections")) {
    const json::Object *R = Rejections->getAsObject();
    if (!R)
      return malformed("test '" + *Name + "': 'rejections' is not an object");
    for (const auto &[Series, Delta] : *R)
      if (!Delta.getAsNumber())
        return malformed("test '" + *Name + "': rejection '" +
                         Series.str() + "' is not a number");
    if (!R->empty())
      Seen.RejectingTests.push_back(Name->str());
  }
  return llvm::Error::success();
}

std::string list(const std::vector<std::string> &Names) {
  std::string Text;
  for (size_t I = 0; I < Names.size() && I < 3; ++I)
    Text += (I ? ", " : "") + Names[I];
  if (Names.size() > 3)
    Text += " and " + std::to_string(Names.size() - 3) + " more";
  return Text;
}

/// A Monitoring item passes when a test exported a series whose name
/// contains one of Needles.
void metricItem(const Observed &Seen, llvm::StringRef Item,
                std::initializer_list<llvm::StringRef> Needles,
                std::vector<GuardEvidence> &Out) {
  std::vector<std::string> Found;
  for (const std::string &Series : Seen.Metrics)
    for (llvm::StringRef Needle : Needles)
      if (llvm::StringRef(Series).contains(Needle) &&
          !llvm::is_contained(Found, Series))
        Found.push_back(Series);
  if (!Found.empty())
    Out.push_back({Item.str(), true, "exported " + list(Found)});
}

std::vector<GuardEvidence> derive(const Observed &Seen) {
  std::vector<GuardEvidence> Out;
  metricItem(Seen, "thread-count-metric", {"thread", "workers"}, Out);
  metricItem(Seen, "queue-depth-metric", {"queue_depth", "depth"}, Out);
  metricItem(Seen, "connection-count-metric", {"connection", "socket"}, Out);
  std::vector<GuardEvidence> Counters;
  metricItem(Seen, "rejection-drop-counters", {"rejected", "dropped"},
             Counters);
  if (!Seen.RejectingTests.empty())
    Out.push_back({"rejection-drop-counters", true,
                   "rejections counted in " + list(Seen.RejectingTests)});
  else
    Out.insert(Out.end(), Counters.begin(), Counters.end());
  if (!Seen.LimitedFailed.empty())
    Out.push_back({"artificial-resource-limits", false,
                   "failed under artificial limits: " +
                       list(Seen.LimitedFailed)});
  else if (!Seen.LimitedPassed.empty())
    Out.push_back({"artificial-resource-limits", true,
                   std::to_string(Seen.LimitedPassed.size()) +
                       (Seen.LimitedPassed.size() == 1 ? " test" : " tests") +
                       " passed under artificial limits (" +
                       list(Seen.LimitedPassed) + ")"});
  return Out;
}

} // namespace

llvm::Expected<std::vector<GuardEvidence>>
parseGuardReport(llvm::StringRef Text) {
  auto Parsed = parseVersioned(Text, "unbounded-guard-report", 1);
  if (!Parsed)
    return Parsed.takeError();
  const json::Object *O = Parsed->getAsObject();
  const json::Array *Tests = O->getArray("tests");
  const json::Array *Items = O->getArray("checklist");
  if (!Tests && !Items)
    return malformed("neither a 'tests' nor a 'checklist' array");
  std::vector<GuardEvidence> Result;
  if (Tests) {
    Observed Seen;
    for (const json::Value &V : *Tests)
      if (auto E = readTest(V, Seen))
        return std::move(E);
    Result = derive(Seen);
  }
  if (Items) {
    for (const json::Value &V : *Items) {
      auto E = parseEntry(V);
      if (!E)
        return E.takeError();
      Result.push_back(std::move(*E));
    }
  }
  return Result;
}

} // namespace unbounded::driver
