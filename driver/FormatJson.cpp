//===- FormatJson.cpp - the versioned JSON report -------------------------===//
//
// Schema "unbounded-tidy-report", version 1; docs/driver.md describes each
// field. Also read back by `unbounded-tidy merge`.
//
//===----------------------------------------------------------------------===//

#include "Catalogue.h"
#include "Formats.h"

#include "llvm/Support/FormatVariadic.h"

namespace unbounded::driver {
namespace json = llvm::json;

static json::Value findingJson(const Finding &F, llvm::StringRef Root) {
  json::Value V = toJson(F, Root);
  json::Object &O = *V.getAsObject();
  O["severity"] = severityOf(F.Check);
  json::Array Items;
  std::string Study;
  if (const CheckInfo *Info = catalogue().check(F.Check)) {
    for (const std::string &Item : Info->Checklist)
      Items.push_back(Item);
    Study = Info->CaseStudy;
  }
  O["checklist"] = std::move(Items);
  O["case_study"] = Study;
  if (F.Confirmed) {
    json::Array Tests;
    for (const std::string &Test : F.Confirmed->Tests)
      Tests.push_back(Test);
    O["confirmed_at_runtime"] = json::Object{
        {"tests", std::move(Tests)},
        {"leaks", F.Confirmed->Leaks},
        {"site",
         json::Object{{"file", relativePath(F.Confirmed->Site.File, Root)},
                      {"line", F.Confirmed->Site.Line}}}};
  }
  return V;
}

static json::Array findingsJson(const std::vector<Finding> &Findings,
                                llvm::StringRef Root) {
  json::Array Array;
  for (const Finding &F : Findings)
    Array.push_back(findingJson(F, Root));
  return Array;
}

static unsigned countState(const Report &R, BaselineState State) {
  return unsigned(llvm::count_if(
      R.Findings, [&](const Finding &F) { return F.State == State; }));
}

/// The Alerting items' verdicts on the rule files (--alert-rules).
static json::Object alertsJson(const AlertEvidence &A, llvm::StringRef Root) {
  json::Array Files, Items;
  for (const std::string &File : A.Files)
    Files.push_back(relativePath(File, Root));
  for (const auto &[Id, Rules] : A.ByItem) {
    json::Array Alerts;
    for (const AlertRule &Rule : Rules)
      Alerts.push_back(json::Object{{"name", Rule.Name},
                                    {"file", relativePath(Rule.File, Root)},
                                    {"line", Rule.Line},
                                    {"expr", Rule.Expr}});
    Items.push_back(
        json::Object{{"id", Id},
                     {"state", Alerts.empty() ? "failed" : "passed"},
                     {"alerts", std::move(Alerts)}});
  }
  return json::Object{{"rule_files", std::move(Files)},
                      {"alerting_rules", A.Alerts},
                      {"items", std::move(Items)}};
}

std::string formatJson(const Report &R) {
  json::Array Units, Checks, Guard;
  for (const std::string &Unit : R.Units)
    Units.push_back(relativePath(Unit, R.Root));
  for (const std::string &Check : R.ChecksRun)
    Checks.push_back(Check);
  json::Object Summary{{"findings", R.Findings.size()},
                       {"errors", R.Errors.size()},
                       {"translation_units", R.Units.size()}};
  if (R.HasBaseline) {
    Summary["introduced"] = countState(R, BaselineState::Introduced);
    Summary["preexisting"] = countState(R, BaselineState::Preexisting);
    Summary["fixed"] = R.Fixed.size();
  }
  json::Object Root{
      {"schema", JsonSchema},
      {"version", JsonVersion},
      {"tool", json::Object{{"name", "unbounded-tidy"},
                            {"version", UNBOUNDED_VERSION},
                            {"clang_tidy", UNBOUNDED_LLVM_VERSION}}},
      {"root", R.Root},
      {"translation_units", std::move(Units)},
      {"checks_run", std::move(Checks)},
      {"baseline", R.HasBaseline},
      {"summary", std::move(Summary)},
      {"findings", findingsJson(R.Findings, R.Root)},
      {"fixed", findingsJson(R.Fixed, R.Root)},
      {"errors", findingsJson(R.Errors, R.Root)},
      {"configuration", R.Configuration}};
  if (R.ShardCount)
    Root["shard"] = json::Object{{"index", R.ShardIndex},
                                 {"count", R.ShardCount},
                                 {"files", R.ShardSet}};
  if (R.Partial) {
    json::Array Facts;
    for (const facts::UnitFacts &U : R.Facts)
      Facts.push_back(facts::toJson(U));
    Root["facts"] = std::move(Facts);
  }
  if (R.Guard) {
    for (const GuardEvidence &E : *R.Guard)
      Guard.push_back(json::Object{{"id", E.Item},
                                   {"state", E.Passed ? "passed" : "failed"},
                                   {"evidence", E.Evidence}});
    Root["guard"] = std::move(Guard);
  }
  if (R.Alerts)
    Root["alerts"] = alertsJson(*R.Alerts, R.Root);
  if (R.RuntimeOnly) {
    json::Array Leaks;
    for (const RuntimeLeak &L : *R.RuntimeOnly)
      Leaks.push_back(json::Object{{"test", L.Test},
                                   {"resource", L.Resource},
                                   {"via", L.Via},
                                   {"function", L.Function},
                                   {"file", relativePath(L.Site.File, R.Root)},
                                   {"line", L.Site.Line}});
    Root["runtime_only"] = std::move(Leaks);
  }
  return llvm::formatv("{0:2}", json::Value(std::move(Root))).str() + "\n";
}

static llvm::Error readStrings(const json::Object &O, llvm::StringRef Key,
                               llvm::StringRef Root,
                               std::vector<std::string> &Out, bool Paths) {
  const json::Array *Array = O.getArray(Key);
  if (!Array)
    return malformed("no '" + Key + "' array");
  for (const json::Value &V : *Array) {
    auto S = V.getAsString();
    if (!S)
      return malformed("'" + Key + "' holds a non-string");
    Out.push_back(Paths ? resolvePath(*S, Root) : S->str());
  }
  return llvm::Error::success();
}

static llvm::Error readFindings(const json::Object &O, llvm::StringRef Key,
                                llvm::StringRef Root,
                                std::vector<Finding> &Out) {
  const json::Array *Array = O.getArray(Key);
  if (!Array)
    return malformed("no '" + Key + "' array");
  for (const json::Value &V : *Array) {
    auto F = findingFromJson(V, Root);
    if (!F)
      return F.takeError();
    F->State = BaselineState::None;
    Out.push_back(std::move(*F));
  }
  return llvm::Error::success();
}

llvm::Expected<Report> parseJsonReport(llvm::StringRef Text) {
  auto Parsed = parseVersioned(Text, JsonSchema, JsonVersion);
  if (!Parsed)
    return Parsed.takeError();
  const json::Object *O = Parsed->getAsObject();
  auto Root = O->getString("root");
  if (!Root)
    return malformed("no string 'root'");
  Report R;
  R.Root = Root->str();
  if (const json::Object *Tool = O->getObject("tool"))
    R.Tool = (Tool->getString("version").value_or("?") + " clang-tidy " +
              Tool->getString("clang_tidy").value_or("?"))
                 .str();
  R.Configuration = O->getString("configuration").value_or("").str();
  if (const json::Object *Shard = O->getObject("shard")) {
    auto Index = Shard->getInteger("index");
    auto Count = Shard->getInteger("count");
    auto Files = Shard->getString("files");
    if (!Index || !Count || !Files || *Index < 1 || *Index > *Count)
      return malformed("'shard' needs index, count and files, "
                       "with 1 <= index <= count");
    R.ShardIndex = unsigned(*Index);
    R.ShardCount = unsigned(*Count);
    R.ShardSet = Files->str();
  }
  if (auto E = readStrings(*O, "translation_units", R.Root, R.Units, true))
    return std::move(E);
  if (auto E = readStrings(*O, "checks_run", R.Root, R.ChecksRun, false))
    return std::move(E);
  if (auto E = readFindings(*O, "findings", R.Root, R.Findings))
    return std::move(E);
  if (auto E = readFindings(*O, "errors", R.Root, R.Errors))
    return std::move(E);
  if (const json::Array *Facts = O->getArray("facts"))
    for (const json::Value &V : *Facts) {
      auto Unit = facts::unitFromJson(V);
      if (!Unit)
        return Unit.takeError();
      R.Facts.push_back(std::move(*Unit));
    }
  return R;
}

} // namespace unbounded::driver
