//===- FormatSarif.cpp - SARIF 2.1.0 for code scanning --------------------===//
//
// One run; rules from the catalogue; locations relative to the base id
// SRCROOT (the report root) so that GitHub code scanning maps them onto the
// repository; partialFingerprints carry the driver's fingerprint; with a
// baseline, baselineState says new / unchanged / absent.
//
//===----------------------------------------------------------------------===//

#include "Catalogue.h"
#include "Formats.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include <map>

namespace unbounded::driver {
namespace json = llvm::json;

static constexpr llvm::StringLiteral BaseId = "SRCROOT";

std::string uriPath(llvm::StringRef Path) {
  std::string Result;
  for (unsigned char C : Path) {
    if (llvm::isAlnum(C) || llvm::StringRef("-._~/").contains(C)) {
      Result += char(C);
      continue;
    }
    Result += '%';
    Result += llvm::hexdigit(C >> 4);
    Result += llvm::hexdigit(C & 15);
  }
  return Result;
}

static json::Object artifact(llvm::StringRef File, llvm::StringRef Root) {
  std::string Relative = relativePath(File, Root);
  if (Relative == File.str())
    return json::Object{{"uri", "file://" + uriPath(File)}};
  return json::Object{{"uri", uriPath(Relative)}, {"uriBaseId", BaseId}};
}

static json::Object physical(const Location &L, llvm::StringRef Root) {
  json::Object Physical{{"artifactLocation", artifact(L.File, Root)}};
  if (L.Line > 0) {
    json::Object Region{{"startLine", L.Line}};
    if (L.Column > 0)
      Region["startColumn"] = L.Column;
    Physical["region"] = std::move(Region);
  }
  return Physical;
}

static llvm::StringRef levelOf(llvm::StringRef Severity) {
  if (Severity == "high" || Severity == "error")
    return "error";
  if (Severity == "low")
    return "note";
  return "warning";
}

/// UnboundedThreadCreation for unbounded-thread-creation.
static std::string camelCase(llvm::StringRef Name) {
  std::string Result;
  bool Upper = true;
  for (char C : Name) {
    if (!llvm::isAlnum(C)) {
      Upper = true;
      continue;
    }
    Result += Upper ? llvm::toUpper(C) : C;
    Upper = false;
  }
  return Result;
}

static json::Object ruleJson(llvm::StringRef Name,
                             const FormatSettings &Settings) {
  const CheckInfo *Info = catalogue().check(Name);
  std::string Summary = Info ? Info->Summary : "Diagnostic " + Name.str() + ".";
  std::string Full = Summary;
  json::Array Tags{"unbounded-resources"};
  std::string Markdown = Summary;
  if (Info) {
    if (const CaseStudy *Study = catalogue().study(Info->CaseStudy)) {
      Full += " Case study \"" + Study->Title + "\": " + Study->RootCause +
              " (" + Study->Impact + "); prevention: " + Study->Prevention +
              ".";
      Markdown += "\n\nCase study **" + Study->Title +
                  "**: " + Study->RootCause + " (" + Study->Impact +
                  "). Prevention: " + Study->Prevention + ".";
      Tags.push_back(Study->Id);
    }
    for (const std::string &Item : Info->Checklist)
      if (const ChecklistItem *Entry = catalogue().item(Item))
        Markdown += "\n\nChecklist: " + Entry->Section + " — " + Entry->Text;
  }
  std::string Uri = helpUri(Name, Settings);
  Markdown += "\n\n[Documentation](" + Uri + ")";
  json::Object Rule{
      {"id", Name},
      {"name", camelCase(Name)},
      {"shortDescription", json::Object{{"text", Summary}}},
      {"fullDescription", json::Object{{"text", Full}}},
      {"help",
       json::Object{{"text", Full + " See " + Uri}, {"markdown", Markdown}}},
      {"defaultConfiguration",
       json::Object{{"level", levelOf(severityOf(Name))}}},
      {"properties",
       json::Object{{"tags", std::move(Tags)},
                    {"precision", "high"},
                    {"problem.severity",
                     levelOf(severityOf(Name)) == "note"    ? "recommendation"
                     : levelOf(severityOf(Name)) == "error" ? "error"
                                                            : "warning"}}}};
  if (llvm::StringRef(Uri).contains("://"))
    Rule["helpUri"] = Uri;
  return Rule;
}

static llvm::StringRef sarifState(BaselineState State) {
  switch (State) {
  case BaselineState::Introduced:
    return "new";
  case BaselineState::Preexisting:
    return "unchanged";
  case BaselineState::Fixed:
    return "absent";
  case BaselineState::None:
    break;
  }
  return "";
}

static json::Object resultJson(const Finding &F, unsigned RuleIndex,
                               llvm::StringRef Root) {
  json::Array Related;
  for (size_t I = 0; I < F.Notes.size(); ++I) {
    const Note &N = F.Notes[I];
    json::Object Entry{{"id", int64_t(I)},
                       {"message", json::Object{{"text", N.Message}}}};
    if (!N.Where.File.empty())
      Entry["physicalLocation"] = physical(N.Where, Root);
    Related.push_back(std::move(Entry));
  }
  json::Object Result{
      {"ruleId", F.Check},
      {"ruleIndex", RuleIndex},
      {"level", levelOf(severityOf(F.Check))},
      {"message", json::Object{{"text", F.Message}}},
      {"locations", json::Array{json::Object{
                        {"physicalLocation", physical(F.Where, Root)}}}},
      {"partialFingerprints",
       json::Object{{"unboundedTidyFingerprint/v1", F.Fingerprint}}}};
  if (F.Confirmed) {
    json::Array Tests;
    for (const std::string &Test : F.Confirmed->Tests)
      Tests.push_back(Test);
    Result["properties"] = json::Object{
        {"confirmedAtRuntime", json::Object{{"tests", std::move(Tests)},
                                            {"leaks", F.Confirmed->Leaks}}}};
    Related.push_back(json::Object{
        {"id", int64_t(F.Notes.size())},
        {"message", json::Object{{"text", "created here; " +
                                              confirmationText(*F.Confirmed)}}},
        {"physicalLocation", physical(F.Confirmed->Site, Root)}});
  }
  if (!Related.empty())
    Result["relatedLocations"] = std::move(Related);
  if (F.State != BaselineState::None)
    Result["baselineState"] = sarifState(F.State);
  if (F.State == BaselineState::Fixed) {
    Result["kind"] = "pass";
    Result["level"] = "none";
  }
  return Result;
}

static json::Object notification(const Finding &F, llvm::StringRef Root) {
  json::Object N{{"level", "error"},
                 {"message", json::Object{{"text", F.Message}}},
                 {"descriptor", json::Object{{"id", F.Check}}}};
  if (!F.Where.File.empty())
    N["locations"] = json::Array{
        json::Object{{"physicalLocation", physical(F.Where, Root)}}};
  return N;
}

std::string formatSarif(const Report &R, const FormatSettings &Settings) {
  // Rules: every check that ran or reported, in name order.
  std::map<std::string, unsigned> RuleIndex;
  for (const std::string &Check : R.ChecksRun)
    RuleIndex[Check];
  for (const auto *List : {&R.Findings, &R.Fixed})
    for (const Finding &F : *List)
      RuleIndex[F.Check];
  json::Array Rules;
  for (auto &[Name, Index] : RuleIndex) {
    Index = unsigned(Rules.size());
    Rules.push_back(ruleJson(Name, Settings));
  }
  json::Array Results, Notifications;
  for (const auto *List : {&R.Findings, &R.Fixed})
    for (const Finding &F : *List)
      Results.push_back(resultJson(F, RuleIndex[F.Check], R.Root));
  for (const Finding &F : R.Errors)
    Notifications.push_back(notification(F, R.Root));

  json::Object Driver{{"name", "unbounded-tidy"},
                      {"version", UNBOUNDED_VERSION},
                      {"semanticVersion", UNBOUNDED_VERSION},
                      {"rules", std::move(Rules)}};
  // The checks' index page, where the help links point somewhere absolute.
  std::string Index = helpUri("README", Settings);
  if (llvm::StringRef(Index).contains("://"))
    Driver["informationUri"] = Index;
  json::Object Run{
      {"tool", json::Object{{"driver", std::move(Driver)}}},
      {"originalUriBaseIds",
       json::Object{
           {BaseId, json::Object{{"uri", "file://" + uriPath(R.Root) + "/"}}}}},
      {"invocations",
       json::Array{json::Object{
           {"executionSuccessful", R.Errors.empty()},
           {"toolExecutionNotifications", std::move(Notifications)}}}},
      {"results", std::move(Results)}};
  json::Object Log{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                   {"version", "2.1.0"},
                   {"runs", json::Array{std::move(Run)}}};
  return llvm::formatv("{0:2}", json::Value(std::move(Log))).str() + "\n";
}

std::string helpUri(llvm::StringRef Check, const FormatSettings &Settings) {
  std::string Base = Settings.HelpUriBase;
  if (!Base.empty() && Base.back() != '/')
    Base += '/';
  return Base + Check.str() + ".md";
}

} // namespace unbounded::driver
