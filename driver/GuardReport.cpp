//===- GuardReport.cpp - runtime evidence for the checklist ---------------===//

#include "GuardReport.h"

#include "Catalogue.h"

#include <cstdio>
#include <map>

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

/// One load-test or chaos record, judged together with its test.
struct Run {
  std::string Test;    ///< "Suite.Test"
  std::string Subject; ///< the load test's name, or the downstream
  std::string Summary; ///< what it showed, one phrase
  bool Passed = false; ///< the record and its test passed, nothing leaked
  double TargetRps = 0, DeclaredPeakRps = 0;
};

/// What the guarded tests showed, gathered over all tests.
struct Observed {
  unsigned Tests = 0;
  std::vector<std::string> Metrics; ///< Exported series, unique.
  std::vector<std::string> Scraped; ///< Families served at /metrics.
  std::vector<std::string> ScrapedFrom, ScrapeErrors;
  std::vector<std::string> RejectingTests; ///< Tests that rejected work.
  std::vector<std::string> LimitedPassed, LimitedFailed; ///< Under limits.
  std::vector<std::string> Leaking;                      ///< Tests that leaked.
  std::vector<Run> Loads, Chaos;
};

std::string number(double Value) {
  char Buffer[32];
  std::snprintf(Buffer, sizeof Buffer, "%.3g", Value);
  return Buffer;
}

void addUnique(std::vector<std::string> &Into, llvm::StringRef Value) {
  if (!llvm::is_contained(Into, Value))
    Into.push_back(Value.str());
}

/// "threads 9/16": a peak against its declared limit (or alone).
std::string peak(const json::Object &Peaks, const json::Object &Limits,
                 llvm::StringRef Name, llvm::StringRef PeakKey,
                 llvm::StringRef LimitKey) {
  auto Value = Peaks.getInteger(PeakKey);
  if (!Value || *Value < 0)
    return "";
  auto Limit = Limits.getInteger(LimitKey);
  return Name.str() + " " + std::to_string(*Value) +
         (Limit ? "/" + std::to_string(*Limit) : "");
}

std::string peaks(const json::Object &Record) {
  const json::Object *Peaks = Record.getObject("peaks");
  const json::Object *Limits = Record.getObject("limits");
  static const json::Object None;
  if (!Peaks)
    return "";
  if (!Limits)
    Limits = &None;
  std::string Text;
  for (const std::string &Part :
       {peak(*Peaks, *Limits, "threads", "threads", "max_threads"),
        peak(*Peaks, *Limits, "descriptors", "fds", "max_fds"),
        peak(*Peaks, *Limits, "queue", "queue_depth", "max_queue_depth")})
    if (!Part.empty())
      Text += (Text.empty() ? "" : ", ") + Part;
  return Text.empty() ? "" : "; peaks " + Text;
}

/// Reads the records a helper left in a test (version 2): each needs a
/// boolean 'passed' and a string 'verdict'.
llvm::Error readRuns(const json::Object &Test, llvm::StringRef Name,
                     llvm::StringRef Key, llvm::StringRef TestProblem,
                     std::vector<Run> &Into) {
  const json::Value *List = Test.get(Key);
  if (!List)
    return llvm::Error::success();
  const json::Array *A = List->getAsArray();
  if (!A)
    return malformed("test '" + Name + "': '" + Key + "' is not an array");
  for (const json::Value &V : *A) {
    const json::Object *R = V.getAsObject();
    auto Passed = R ? R->getBoolean("passed") : std::nullopt;
    auto Verdict = R ? R->getString("verdict") : std::nullopt;
    if (!Passed || !Verdict)
      return malformed("test '" + Name + "': a '" + Key +
                       "' entry needs boolean 'passed' and string 'verdict'");
    Run Run;
    Run.Test = Name.str();
    Run.Passed = *Passed && TestProblem.empty();
    if (Key == "load_tests") {
      auto Achieved = R->getNumber("achieved_rps");
      auto Target = R->getNumber("target_rps");
      auto Peak = R->getNumber("declared_peak_rps");
      if (!Achieved || !Target || !Peak)
        return malformed("test '" + Name +
                         "': a load test needs numbers "
                         "'achieved_rps', 'target_rps' and "
                         "'declared_peak_rps'");
      Run.TargetRps = *Target;
      Run.DeclaredPeakRps = *Peak;
      Run.Subject = R->getString("name").value_or("").str();
      Run.Summary =
          number(*Achieved) + " of " + number(*Target) +
          " req/s against a declared peak of " + number(*Peak) + " for " +
          number(R->getNumber("duration_s").value_or(0)) + " s: p50 " +
          number(R->getNumber("p50_ms").value_or(0)) + " ms, p99 " +
          number(R->getNumber("p99_ms").value_or(0)) + " ms, " +
          std::to_string(R->getInteger("errors").value_or(0)) + " errors, " +
          std::to_string(R->getInteger("rejections").value_or(0)) +
          " rejected" + peaks(*R) + (*Passed ? "" : " — " + Verdict->str());
    } else {
      auto Downstream = R->getString("downstream");
      auto Fault = R->getString("fault");
      if (!Downstream || !Fault)
        return malformed("test '" + Name +
                         "': a chaos test needs strings "
                         "'downstream' and 'fault'");
      Run.Subject = Downstream->str();
      Run.Summary = Fault->str() + " (" + Verdict->str() + peaks(*R) + ")";
    }
    if (*Passed && !TestProblem.empty())
      Run.Summary += " — " + TestProblem.str();
    Into.push_back(std::move(Run));
  }
  return llvm::Error::success();
}

llvm::Error readScrapes(const json::Object &Test, llvm::StringRef Name,
                        Observed &Seen) {
  const json::Value *List = Test.get("scrapes");
  if (!List)
    return llvm::Error::success();
  const json::Array *A = List->getAsArray();
  if (!A)
    return malformed("test '" + Name + "': 'scrapes' is not an array");
  for (const json::Value &V : *A) {
    const json::Object *R = V.getAsObject();
    auto Url = R ? R->getString("url") : std::nullopt;
    const json::Array *Families = R ? R->getArray("families") : nullptr;
    if (!Url || !Families)
      return malformed("test '" + Name +
                       "': a scrape needs string 'url' "
                       "and array 'families'");
    if (auto Error = R->getString("error"); Error && !Error->empty()) {
      Seen.ScrapeErrors.push_back(Url->str() + ": " + Error->str());
      continue;
    }
    addUnique(Seen.ScrapedFrom, *Url);
    for (const json::Value &F : *Families) {
      auto Family = F.getAsString();
      if (!Family)
        return malformed("test '" + Name +
                         "': a scraped family is not a "
                         "string");
      addUnique(Seen.Scraped, *Family);
    }
  }
  return llvm::Error::success();
}

bool leaked(const json::Object &Test) {
  const json::Object *Leaks = Test.getObject("leaks");
  if (!Leaks)
    return false;
  for (llvm::StringRef Kind : {"threads", "fds"})
    if (const json::Array *A = Leaks->getArray(Kind); A && !A->empty())
      return true;
  return false;
}

llvm::Error readTest(const json::Value &V, Observed &Seen) {
  const json::Object *O = V.getAsObject();
  if (!O)
    return malformed("a 'tests' entry is not an object");
  auto Name = O->getString("name");
  auto Result = O->getString("result");
  if (!Name || !Result)
    return malformed("a test needs string 'name' and 'result'");
  if (*Result != "passed" && *Result != "failed" && *Result != "skipped")
    return malformed("test '" + *Name +
                     "': 'result' is not passed, failed "
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
      return malformed("test '" + *Name +
                       "': 'metrics_exported' is not an "
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
        return malformed("test '" + *Name + "': rejection '" + Series.str() +
                         "' is not a number");
    if (!R->empty())
      Seen.RejectingTests.push_back(Name->str());
  }
  bool Leaked = leaked(*O);
  if (Leaked)
    Seen.Leaking.push_back(Name->str());
  llvm::StringRef Problem = Leaked ? "the test leaked threads or descriptors"
                            : *Result != "passed" ? "the test did not pass"
                                                  : "";
  if (auto E = readRuns(*O, *Name, "load_tests", Problem, Seen.Loads))
    return E;
  if (auto E = readRuns(*O, *Name, "chaos_tests", Problem, Seen.Chaos))
    return E;
  return readScrapes(*O, *Name, Seen);
}

std::string list(const std::vector<std::string> &Names) {
  std::string Text;
  for (size_t I = 0; I < Names.size() && I < 3; ++I)
    Text += (I ? ", " : "") + Names[I];
  if (Names.size() > 3)
    Text += " and " + std::to_string(Names.size() - 3) + " more";
  return Text;
}

/// The item's metric families in words: "open connections, or connections
/// of a pool in use".
std::string familyText(const ChecklistItem &Item) {
  std::string Text;
  for (const std::vector<std::string> &Alternative : Item.Families)
    for (const std::string &Id : Alternative) {
      const MetricFamilyInfo *Family = catalogue().family(Id);
      Text += (Text.empty() ? "" : ", or ") + (Family ? Family->Text : Id);
    }
  return Text;
}

/// A Monitoring item passes when the tests registered, or a scrape of
/// /metrics found, series of the item's metric families; it fails when the
/// service's /metrics was scraped and served none (or could not be read).
void metricItem(const Observed &Seen, const ChecklistItem &Item,
                const MetricFamilies &Families,
                std::vector<GuardEvidence> &Out) {
  std::vector<std::string> Registered =
      Families.evidenceFor(Item, Seen.Metrics);
  std::vector<std::string> Served = Families.evidenceFor(Item, Seen.Scraped);
  std::string Text;
  if (!Registered.empty())
    Text = "registered in tests: " + list(Registered);
  if (!Served.empty())
    Text += (Text.empty() ? "" : "; ") + std::string("served at ") +
            list(Seen.ScrapedFrom) + ": " + list(Served);
  if (!Text.empty())
    Out.push_back({Item.Id, true, Text});
  else if (!Seen.ScrapeErrors.empty())
    Out.push_back({Item.Id, false,
                   "scraping /metrics failed: " + list(Seen.ScrapeErrors)});
  else if (!Seen.ScrapedFrom.empty())
    Out.push_back({Item.Id, false,
                   "no series of " + familyText(Item) + " served at " +
                       list(Seen.ScrapedFrom) + " (" +
                       std::to_string(Seen.Scraped.size()) +
                       (Seen.Scraped.size() == 1 ? " family)" : " families)")});
}

std::string runText(const Run &R) {
  return R.Test + " (" + (R.Subject.empty() ? "" : R.Subject + ": ") +
         R.Summary + ")";
}

std::vector<std::string> texts(const std::vector<const Run *> &Runs) {
  std::vector<std::string> Result;
  for (const Run *R : Runs)
    Result.push_back(runText(*R));
  return Result;
}

/// Load tested at 2x peak: a passing load test (which kept up with its
/// target rate) targeting twice its declared peak; a failed or leaking one
/// fails the item.
void loadItem(const Observed &Seen, std::vector<GuardEvidence> &Out) {
  std::vector<const Run *> Failed, AtTwice, Below;
  for (const Run &R : Seen.Loads) {
    if (!R.Passed)
      Failed.push_back(&R);
    else if (R.TargetRps >= 2 * R.DeclaredPeakRps)
      AtTwice.push_back(&R);
    else
      Below.push_back(&R);
  }
  if (!Failed.empty())
    Out.push_back({"load-tested-2x-peak", false,
                   "load test failed: " + list(texts(Failed))});
  else if (!AtTwice.empty())
    Out.push_back(
        {"load-tested-2x-peak", true,
         "load tested at 2x the declared peak: " + list(texts(AtTwice))});
  else if (!Below.empty())
    Out.push_back(
        {"load-tested-2x-peak", false,
         "no load test reached 2x its declared peak: " + list(texts(Below))});
}

/// Chaos testing: every downstream a chaos test names needs passing
/// scenarios and no failing one.
void chaosItem(const Observed &Seen, std::vector<GuardEvidence> &Out) {
  if (Seen.Chaos.empty())
    return;
  std::map<std::string, std::vector<const Run *>> Passed, Failed;
  for (const Run &R : Seen.Chaos)
    (R.Passed ? Passed : Failed)[R.Subject].push_back(&R);
  if (!Failed.empty()) {
    std::vector<std::string> Texts;
    for (const auto &[Downstream, Runs] : Failed)
      for (const Run *R : Runs)
        Texts.push_back(runText(*R));
    Out.push_back({"chaos-downstream-failures", false,
                   "chaos test failed: " + list(Texts)});
    return;
  }
  std::vector<std::string> Texts;
  for (const auto &[Downstream, Runs] : Passed) {
    std::string Faults;
    for (const Run *R : Runs)
      Faults += (Faults.empty() ? "" : ", ") +
                llvm::StringRef(R->Summary).split(' ').first.str();
    Texts.push_back(Downstream + ": " + Faults + " in " + Runs.front()->Test);
  }
  Out.push_back({"chaos-downstream-failures", true,
                 "every downstream stayed bounded and surfaced the failure: " +
                     list(Texts)});
}

std::vector<GuardEvidence> derive(const Observed &Seen,
                                  const MetricFamilies &Families) {
  std::vector<GuardEvidence> Out;
  for (const ChecklistItem &Item : catalogue().Checklist)
    if (Item.Section == "Monitoring" && Item.Id != "rejection-drop-counters")
      metricItem(Seen, Item, Families, Out);
  std::vector<GuardEvidence> Counters;
  if (const ChecklistItem *Item = catalogue().item("rejection-drop-counters"))
    metricItem(Seen, *Item, Families, Counters);
  if (!Seen.RejectingTests.empty())
    Out.push_back({"rejection-drop-counters", true,
                   "rejections counted in " + list(Seen.RejectingTests)});
  else
    Out.insert(Out.end(), Counters.begin(), Counters.end());
  if (!Seen.LimitedFailed.empty() || !Seen.Leaking.empty()) {
    std::string Text;
    if (!Seen.LimitedFailed.empty())
      Text = "failed under artificial limits: " + list(Seen.LimitedFailed);
    if (!Seen.Leaking.empty())
      Text += (Text.empty() ? "" : "; ") +
              std::string("leaked threads or "
                          "descriptors: ") +
              list(Seen.Leaking);
    Out.push_back({"artificial-resource-limits", false, Text});
  } else if (!Seen.LimitedPassed.empty()) {
    Out.push_back({"artificial-resource-limits", true,
                   std::to_string(Seen.LimitedPassed.size()) +
                       (Seen.LimitedPassed.size() == 1 ? " test" : " tests") +
                       " passed under artificial limits (" +
                       list(Seen.LimitedPassed) + ")"});
  }
  loadItem(Seen, Out);
  chaosItem(Seen, Out);
  return Out;
}

} // namespace

llvm::Expected<std::vector<GuardEvidence>>
parseGuardReport(llvm::StringRef Text, const MetricFamilies &Families) {
  // Version 2 added load_tests, chaos_tests and scrapes; 1 is still read.
  auto Parsed = parseVersioned(Text, "unbounded-guard-report", 2, 1);
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
    Result = derive(Seen, Families);
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
