//===- FormatChecklist.cpp - the prevention-checklist report --------------===//
//
// Each item of the case studies' prevention checklist, passed / failed /
// not verified, with its evidence: the findings of the checks that cover
// it (catalogue), or the runtime guard's report. Items that code cannot
// establish say so. Markdown, and a self-contained HTML page with charts.
//
//===----------------------------------------------------------------------===//

#include "Catalogue.h"
#include "Formats.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <map>

namespace unbounded::driver {
namespace {

enum class State { Passed, Failed, NotVerified };

llvm::StringRef stateText(State S) {
  switch (S) {
  case State::Passed:
    return "passed";
  case State::Failed:
    return "failed";
  case State::NotVerified:
    break;
  }
  return "not verified";
}

/// One checklist item's verdict and what it rests on.
struct Verdict {
  const ChecklistItem *Item = nullptr;
  State Result = State::NotVerified;
  std::string Reason;                     ///< One sentence.
  std::vector<const Finding *> Evidence;  ///< Current findings.
  const GuardEvidence *Guard = nullptr;
  bool Registered = false; ///< Passed on static metric registrations.
};

bool ran(const Report &R, llvm::StringRef Check) {
  return llvm::is_contained(R.ChecksRun, Check);
}

std::string names(const std::vector<const CheckInfo *> &Checks) {
  std::string Text;
  for (const CheckInfo *Info : Checks)
    Text += (Text.empty() ? "" : ", ") + Info->Name;
  return Text;
}

std::string plural(size_t N, llvm::StringRef Word) {
  return std::to_string(N) + " " + Word.str() + (N == 1 ? "" : "s");
}

/// The static side: the findings of the checks covering the item.
void judgeStatically(const Report &R, Verdict &V) {
  std::vector<const CheckInfo *> Checks = catalogue().checksFor(V.Item->Id);
  std::vector<const CheckInfo *> Ran;
  for (const CheckInfo *Info : Checks)
    if (ran(R, Info->Name))
      Ran.push_back(Info);
  if (Checks.empty()) {
    V.Reason = V.Item->Verifiable == "static"
                   ? "No unbounded-* check covers this item yet."
                   : "";
    return;
  }
  if (Ran.empty()) {
    V.Reason = "Not checked: " + names(Checks) + " did not run.";
    return;
  }
  for (const Finding &F : R.Findings)
    for (const CheckInfo *Info : Ran)
      if (F.Check == Info->Name)
        V.Evidence.push_back(&F);
  if (!V.Evidence.empty()) {
    V.Result = State::Failed;
    V.Reason = plural(V.Evidence.size(), "finding") + " of " + names(Ran) +
               ".";
    return;
  }
  // A finding fails a runtime item (a silent drop has no drop counter), but
  // code without findings does not show that the metric or counter exists:
  // only the runtime guard's evidence can pass it.
  if (V.Item->Verifiable != "static")
    return;
  if (!R.Errors.empty()) {
    V.Reason = names(Ran) + " found nothing, but " +
               plural(R.Errors.size(), "compiler error") +
               " left findings incomplete.";
    return;
  }
  V.Result = State::Passed;
  V.Reason = names(Ran) + " found nothing in " +
             plural(R.Units.size(), "translation unit") + ".";
}

/// Metric registrations in words: "metric 'x' registered at f.cpp:3
/// (prometheus-cpp)", the first three and how many more.
std::string registrationWords(const std::vector<facts::Metric> &Metrics,
                              llvm::StringRef Root) {
  std::string Text;
  const size_t Shown = 3;
  for (size_t I = 0; I < Metrics.size() && I < Shown; ++I)
    Text += (I ? "; " : "") + ("metric '" + Metrics[I].Name +
                               "' registered at " +
                               relativePath(Metrics[I].At.File, Root) + ":" +
                               std::to_string(Metrics[I].At.Line) + " (" +
                               Metrics[I].Api + ")");
  if (Metrics.size() > Shown)
    Text += " and " + std::to_string(Metrics.size() - Shown) + " more";
  return Text;
}

/// The static side of a Monitoring item: the code registers a metric of the
/// item's families. It passes the item unless a finding failed it.
void judgeRegistrations(const Report &R, Verdict &V) {
  auto It = R.Registered.find(V.Item->Id);
  if (It == R.Registered.end() || V.Result == State::Failed)
    return;
  std::string Said = "Static: " + registrationWords(It->second, R.Root) + ".";
  V.Reason = V.Reason.empty() ? Said : V.Reason + " " + Said;
  V.Result = State::Passed;
  V.Registered = true;
}

/// The runtime side: the guard report's entry for the item, if any.
void judgeAtRuntime(const Report &R, Verdict &V) {
  if (!R.Guard)
    return;
  for (const GuardEvidence &E : *R.Guard)
    if (E.Item == V.Item->Id)
      V.Guard = &E;
  if (!V.Guard)
    return;
  std::string Said =
      "Runtime guard: " +
      (V.Guard->Evidence.empty()
           ? stateText(V.Guard->Passed ? State::Passed : State::Failed).str()
           : V.Guard->Evidence) +
      ".";
  // Without a static verdict the guard's is the only one. A Monitoring item
  // passes on either evidence: registrations in the code, or the guard's.
  bool Unchecked = V.Result == State::NotVerified;
  V.Reason = Unchecked ? Said : V.Reason + " " + Said;
  if (!V.Guard->Passed && !V.Registered)
    V.Result = State::Failed;
  else if (Unchecked)
    V.Result = State::Passed;
}

/// What an item's metric families are, in words: "a and b, or c".
std::string familyWords(const ChecklistItem &Item) {
  std::string Text;
  for (const std::vector<std::string> &Alternative : Item.Families) {
    std::string All;
    for (const std::string &Id : Alternative) {
      const MetricFamilyInfo *Family = catalogue().family(Id);
      All += (All.empty() ? "" : " and ") + (Family ? Family->Text : Id);
    }
    Text += (Text.empty() ? "" : ", or ") + All;
  }
  return Text;
}

/// Text with every run of blanks and line breaks as one space.
std::string oneLine(llvm::StringRef Text) {
  llvm::SmallVector<llvm::StringRef, 8> Words;
  Text.split(Words, ' ', -1, false);
  std::string Result;
  for (llvm::StringRef Word : Words)
    for (llvm::StringRef Part : llvm::split(Word, '\n'))
      if (!Part.trim().empty())
        Result += (Result.empty() ? "" : " ") + Part.trim().str();
  return Result;
}

/// The Alerting side: the alerting rules (--alert-rules) that compare the
/// item's metric families with a threshold.
void judgeAlerts(const Report &R, Verdict &V) {
  if (V.Item->Verifiable != "alerts" || !R.Alerts)
    return;
  auto It = R.Alerts->ByItem.find(V.Item->Id);
  if (It == R.Alerts->ByItem.end() || It->second.empty()) {
    V.Result = State::Failed;
    V.Reason = "No alerting rule of " +
               plural(R.Alerts->Files.size(), "rule file") + " (" +
               plural(R.Alerts->Alerts, "alert") + ") compares " +
               familyWords(*V.Item) + " with a threshold.";
    return;
  }
  V.Result = State::Passed;
  for (const AlertRule &Rule : It->second)
    V.Reason += (V.Reason.empty() ? "Alert " : "; alert ") + Rule.Name + " (" +
                relativePath(Rule.File, R.Root) + ":" +
                std::to_string(Rule.Line) + "): " + oneLine(Rule.Expr);
  V.Reason += ".";
}

/// Why nothing verified the item, when nothing did.
std::string unverifiedReason(const ChecklistItem &Item, bool HaveGuard) {
  if (Item.Verifiable == "runtime")
    return HaveGuard ? "The runtime guard's report has no evidence for this "
                       "item."
                     : "Needs runtime evidence: run the tests with the "
                       "runtime guard and pass its report with "
                       "--guard-report.";
  if (Item.Verifiable == "alerts")
    return "Needs alert rules: pass the project's Prometheus rule files with "
           "--alert-rules.";
  if (Item.Verifiable == "none")
    return "A static linter cannot verify this: it is a matter of "
           "operations (alerts, load and chaos tests), not of the code.";
  return "No unbounded-* check covers this item yet.";
}

std::vector<Verdict> judge(const Report &R) {
  std::vector<Verdict> Verdicts;
  for (const ChecklistItem &Item : catalogue().Checklist) {
    Verdict V;
    V.Item = &Item;
    judgeStatically(R, V);
    judgeRegistrations(R, V);
    judgeAtRuntime(R, V);
    judgeAlerts(R, V);
    if (V.Result == State::NotVerified && V.Reason.empty())
      V.Reason = unverifiedReason(Item, R.Guard.has_value());
    Verdicts.push_back(std::move(V));
  }
  return Verdicts;
}

struct Counts {
  unsigned Findings = 0, Introduced = 0, Preexisting = 0, Fixed = 0;
};

Counts countFor(const Report &R, llvm::function_ref<bool(llvm::StringRef)> In) {
  Counts C;
  for (const Finding &F : R.Findings) {
    if (!In(F.Check))
      continue;
    ++C.Findings;
    C.Introduced += F.State == BaselineState::Introduced;
    C.Preexisting += F.State == BaselineState::Preexisting;
  }
  for (const Finding &F : R.Fixed)
    C.Fixed += In(F.Check);
  return C;
}

/// Checks to list: the catalogue's, and any other that reported.
std::vector<std::string> checkNames(const Report &R) {
  std::vector<std::string> Names;
  for (const CheckInfo &Info : catalogue().Checks)
    Names.push_back(Info.Name);
  for (const Finding &F : R.Findings)
    if (!llvm::is_contained(Names, F.Check))
      Names.push_back(F.Check);
  return Names;
}

std::string location(const Finding &F, llvm::StringRef Root) {
  return relativePath(F.Where.File, Root) + ":" + std::to_string(F.Where.Line);
}

std::string directoryOf(const Finding &F, llvm::StringRef Root) {
  std::string Dir =
      llvm::sys::path::parent_path(relativePath(F.Where.File, Root)).str();
  return Dir.empty() ? "." : Dir;
}

std::string headline(const Report &R) {
  std::string Text = plural(R.Findings.size(), "finding") + " in " +
                     plural(R.Units.size(), "translation unit");
  if (R.HasBaseline) {
    Counts C = countFor(R, [](llvm::StringRef) { return true; });
    Text += " (baseline: " + std::to_string(C.Introduced) + " introduced, " +
            std::to_string(C.Preexisting) + " preexisting, " +
            std::to_string(C.Fixed) + " fixed)";
  }
  if (!R.Errors.empty())
    Text += "; " + plural(R.Errors.size(), "compiler error");
  return Text + ".";
}

std::string countCells(const Counts &C, bool Baseline, llvm::StringRef Sep) {
  std::string Text = std::to_string(C.Findings);
  if (Baseline)
    Text += Sep.str() + std::to_string(C.Introduced) + Sep.str() +
            std::to_string(C.Preexisting) + Sep.str() +
            std::to_string(C.Fixed);
  return Text;
}

/// The verdict for a case study: failed if any item of its checks failed,
/// passed if all passed, else not verified; FailedItems lists the items
/// that failed.
State studyState(const CaseStudy &Study, const std::vector<Verdict> &Vs,
                 std::vector<std::string> &FailedItems) {
  bool Any = false, AllPassed = true;
  for (const CheckInfo &Info : catalogue().Checks) {
    if (Info.CaseStudy != Study.Id)
      continue;
    for (const Verdict &V : Vs) {
      if (!llvm::is_contained(Info.Checklist, V.Item->Id))
        continue;
      Any = true;
      if (V.Result == State::Failed &&
          !llvm::is_contained(FailedItems, V.Item->Id))
        FailedItems.push_back(V.Item->Id);
      AllPassed &= V.Result == State::Passed;
    }
  }
  if (!FailedItems.empty())
    return State::Failed;
  return Any && AllPassed ? State::Passed : State::NotVerified;
}

/// A case study's state, with the failed items named: a study can fail on
/// runtime evidence alone, with no finding in its row.
std::string studyStateText(const CaseStudy &Study,
                           const std::vector<Verdict> &Vs, State *S = nullptr) {
  std::vector<std::string> FailedItems;
  State Result = studyState(Study, Vs, FailedItems);
  if (S)
    *S = Result;
  std::string Text = stateText(Result).str();
  for (size_t I = 0; I < FailedItems.size(); ++I)
    Text += (I ? ", " : ": ") + FailedItems[I];
  return Text;
}

/// One row of the per-check table: its findings, checklist items and case
/// study, as the Markdown and HTML reports both show them.
struct CheckRow {
  Counts Findings;
  std::string Items;
  std::string Study;
};

CheckRow checkRow(const Report &R, const std::string &Name) {
  CheckRow Row{countFor(R, [&](llvm::StringRef Check) { return Check == Name; }),
               "", ""};
  const CheckInfo *Info = catalogue().check(Name);
  if (!Info)
    return Row;
  for (const std::string &Id : Info->Checklist)
    Row.Items += (Row.Items.empty() ? "" : ", ") + Id;
  if (const CaseStudy *S = catalogue().study(Info->CaseStudy))
    Row.Study = S->Title;
  return Row;
}

std::string studyChecks(const CaseStudy &Study) {
  std::string Text;
  for (const CheckInfo &Info : catalogue().Checks)
    if (Info.CaseStudy == Study.Id)
      Text += (Text.empty() ? "" : ", ") + Info.Name;
  return Text;
}

// ---------------------------------------------------------------- Markdown

std::string mdEscape(llvm::StringRef Text) {
  std::string Result;
  for (char C : Text) {
    if (llvm::StringRef("|`[]<>").contains(C))
      Result += '\\';
    Result += C == '\n' ? ' ' : C;
  }
  return Result;
}

std::string mdLink(const Finding &F, llvm::StringRef Root) {
  std::string Path = relativePath(F.Where.File, Root);
  return "[" + mdEscape(location(F, Root)) + "](" + uriPath(Path) + "#L" +
         std::to_string(F.Where.Line) + ")";
}

llvm::StringRef mark(State S) {
  switch (S) {
  case State::Passed:
    return "✅";
  case State::Failed:
    return "❌";
  case State::NotVerified:
    break;
  }
  return "➖";
}

std::string mdEvidence(const Verdict &V, llvm::StringRef Root) {
  std::string Text = mdEscape(V.Reason);
  const size_t Shown = 10;
  for (size_t I = 0; I < V.Evidence.size() && I < Shown; ++I)
    Text += (I ? ", " : " ") + mdLink(*V.Evidence[I], Root);
  if (V.Evidence.size() > Shown)
    Text += " and " + std::to_string(V.Evidence.size() - Shown) + " more";
  return Text;
}

} // namespace

std::string formatMarkdown(const Report &R, const FormatSettings &Settings) {
  std::vector<Verdict> Verdicts = judge(R);
  std::string Out = "# Prevention checklist\n\n";
  Out += "unbounded-tidy " UNBOUNDED_VERSION ": " + headline(R) + "\n\n";
  Out += "Each item is **passed**, **failed** or **not verified**; the "
         "evidence is the findings of the checks that cover it, the "
         "runtime guard's report, or the alert rules.\n";
  std::string Section;
  for (const Verdict &V : Verdicts) {
    if (V.Item->Section != Section) {
      Section = V.Item->Section;
      Out += "\n## " + Section + "\n\n| | Item | State | Evidence |\n"
             "|---|---|---|---|\n";
    }
    Out += "| " + mark(V.Result).str() + " | " + mdEscape(V.Item->Text) +
           " | " + stateText(V.Result).str() + " | " +
           mdEvidence(V, R.Root) + " |\n";
  }

  bool B = R.HasBaseline;
  std::string CountHead = B ? " Findings | Introduced | Preexisting | Fixed |"
                            : " Findings |";
  std::string CountRule = B ? "---|---|---|---|" : "---|";
  Out += "\n## Case studies\n\n| Case study | Root cause | Impact | Checks |" +
         CountHead + " State |\n|---|---|---|---|" + CountRule + "---|\n";
  for (const CaseStudy &Study : catalogue().CaseStudies) {
    Counts C = countFor(R, [&](llvm::StringRef Check) {
      const CheckInfo *Info = catalogue().check(Check);
      return Info && Info->CaseStudy == Study.Id;
    });
    std::string Checks = studyChecks(Study);
    Out += "| " + mdEscape(Study.Title) + " | " + mdEscape(Study.RootCause) +
           " | " + mdEscape(Study.Impact) + " | " +
           (Checks.empty() ? "none yet" : mdEscape(Checks)) + " | " +
           countCells(C, B, " | ") + " | " +
           mdEscape(studyStateText(Study, Verdicts)) + " |\n";
  }

  Out += "\n## Checks\n\n| Check | Severity | Case study | Checklist items |" +
         CountHead + "\n|---|---|---|---|" + CountRule + "\n";
  for (const std::string &Name : checkNames(R)) {
    CheckRow Row = checkRow(R, Name);
    Out += "| [`" + Name + "`](" + helpUri(Name, Settings) + ") | " +
           severityOf(Name) + " | " + mdEscape(Row.Study) + " | " + Row.Items +
           " | " + countCells(Row.Findings, B, " | ") + " |\n";
  }

  if (!R.Findings.empty()) {
    Out += "\n## Findings\n\n";
    for (const Finding &F : R.Findings)
      Out += "- " + mdLink(F, R.Root) + " `" + F.Check + "`" +
             (B ? " (" + stateName(F.State).str() + ")" : "") + ": " +
             mdEscape(F.Message) +
             (F.Confirmed ? " — **" + mdEscape(confirmationText(*F.Confirmed)) + "**"
                          : "") +
             "\n";
  }
  if (R.RuntimeOnly && !R.RuntimeOnly->empty()) {
    Out += "\n## Runtime-only problems\n\nLeaks the runtime guard saw that "
           "no finding covers:\n\n";
    for (const RuntimeLeak &L : *R.RuntimeOnly)
      Out += "- " + mdEscape(L.describe(R.Root)) + "\n";
  }
  if (!R.Fixed.empty()) {
    Out += "\n## Fixed since the baseline\n\n";
    for (const Finding &F : R.Fixed)
      Out += "- " + mdEscape(location(F, R.Root)) + " `" + F.Check +
             "`: " + mdEscape(F.Message) + "\n";
  }
  if (!R.Errors.empty()) {
    Out += "\n## Errors\n\n";
    for (const Finding &F : R.Errors)
      Out += "- " + mdLink(F, R.Root) + ": " + mdEscape(F.Message) + "\n";
  }
  return Out;
}

// -------------------------------------------------------------------- HTML

namespace {

std::string html(llvm::StringRef Text) {
  std::string Result;
  llvm::raw_string_ostream Out(Result);
  llvm::printHTMLEscaped(Text, Out);
  return Result;
}

std::string htmlLink(const Finding &F, llvm::StringRef Root) {
  std::string Path = relativePath(F.Where.File, Root);
  return "<a href=\"" + html(uriPath(Path)) + "#L" +
         std::to_string(F.Where.Line) + "\">" + html(location(F, Root)) +
         "</a>";
}

/// A horizontal bar chart, as CSS widths: no script, no external file.
/// Each bar is a share of the same track, so lengths are proportional to
/// the counts; labels have a fixed width and never wrap.
std::string barChart(llvm::StringRef Title,
                     const std::map<std::string, unsigned> &Bars) {
  std::string Out = "<h3>" + html(Title) + "</h3>\n";
  if (Bars.empty())
    return Out + "<p>No findings.</p>\n";
  unsigned Max = 1;
  for (const auto &[Label, N] : Bars)
    Max = std::max(Max, N);
  Out += "<div class=\"chart\">\n";
  for (const auto &[Label, N] : Bars)
    Out += "<div class=\"row\"><span class=\"label\" title=\"" + html(Label) +
           "\">" + html(Label) +
           "</span><span class=\"track\"><span class=\"bar\" "
           "style=\"width:" +
           llvm::formatv("{0:F3}", N * 100.0 / Max).str() +
           "%\"></span></span><span class=\"n\">" + std::to_string(N) +
           "</span></div>\n";
  return Out + "</div>\n";
}

constexpr llvm::StringLiteral Style = R"css(
body{font-family:system-ui,sans-serif;margin:2em auto;max-width:72em;color:#222}
table{border-collapse:collapse;margin:.5em 0 1.5em}
td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}
th{background:#f3f3f3}
.passed{color:#176f2c;font-weight:bold}.failed{color:#b3261e;font-weight:bold}
.not-verified{color:#666;font-style:italic}
.chart{max-width:48em}.row{display:flex;align-items:center;margin:.2em 0}
.label{flex:0 0 18em;font-family:monospace;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.track{flex:1 1 0;min-width:0}
.bar{display:block;background:#b3261e;height:1em}
.n{flex:0 0 4em;margin-left:.5em}
)css";

std::string cssClass(State S) {
  return S == State::NotVerified ? "not-verified" : stateText(S).str();
}

} // namespace

std::string formatHtml(const Report &R, const FormatSettings &Settings) {
  std::vector<Verdict> Verdicts = judge(R);
  std::string Out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta "
                    "charset=\"utf-8\">\n<title>Prevention checklist — "
                    "unbounded-tidy</title>\n<style>" +
                    Style.str() + "</style>\n</head>\n<body>\n";
  Out += "<h1>Prevention checklist</h1>\n<p>unbounded-tidy " UNBOUNDED_VERSION
         ": " + html(headline(R)) + "</p>\n";
  std::string Section;
  for (const Verdict &V : Verdicts) {
    if (V.Item->Section != Section) {
      if (!Section.empty())
        Out += "</table>\n";
      Section = V.Item->Section;
      Out += "<h2>" + html(Section) + "</h2>\n<table>\n<tr><th>Item</th>"
             "<th>State</th><th>Evidence</th></tr>\n";
    }
    std::string Evidence = html(V.Reason);
    for (size_t I = 0; I < V.Evidence.size() && I < 10; ++I)
      Evidence += (I ? ", " : " ") + htmlLink(*V.Evidence[I], R.Root);
    if (V.Evidence.size() > 10)
      Evidence += " and " + std::to_string(V.Evidence.size() - 10) + " more";
    Out += "<tr><td>" + html(V.Item->Text) + "</td><td class=\"" +
           cssClass(V.Result) + "\">" + stateText(V.Result).str() +
           "</td><td>" + Evidence + "</td></tr>\n";
  }
  Out += "</table>\n";

  bool B = R.HasBaseline;
  std::string CountHead =
      B ? "<th>Findings</th><th>Introduced</th><th>Preexisting</th>"
          "<th>Fixed</th>"
        : "<th>Findings</th>";
  Out += "<h2>Case studies</h2>\n<table>\n<tr><th>Case study</th><th>Root "
         "cause</th><th>Impact</th><th>Checks</th>" +
         CountHead + "<th>State</th></tr>\n";
  for (const CaseStudy &Study : catalogue().CaseStudies) {
    Counts C = countFor(R, [&](llvm::StringRef Check) {
      const CheckInfo *Info = catalogue().check(Check);
      return Info && Info->CaseStudy == Study.Id;
    });
    std::string Checks = studyChecks(Study);
    State S;
    std::string StateText = studyStateText(Study, Verdicts, &S);
    Out += "<tr><td>" + html(Study.Title) + "</td><td>" +
           html(Study.RootCause) + "</td><td>" + html(Study.Impact) +
           "</td><td>" + (Checks.empty() ? "none yet" : html(Checks)) +
           "</td><td>" + countCells(C, B, "</td><td>") + "</td><td class=\"" +
           cssClass(S) + "\">" + html(StateText) + "</td></tr>\n";
  }
  Out += "</table>\n<h2>Checks</h2>\n<table>\n<tr><th>Check</th><th>Severity"
         "</th><th>Case study</th><th>Checklist items</th>" +
         CountHead + "</tr>\n";
  for (const std::string &Name : checkNames(R)) {
    CheckRow Row = checkRow(R, Name);
    Out += "<tr><td><a href=\"" + html(helpUri(Name, Settings)) + "\"><code>" +
           html(Name) + "</code></a></td><td>" + severityOf(Name) +
           "</td><td>" + html(Row.Study) + "</td><td>" + html(Row.Items) +
           "</td><td>" + countCells(Row.Findings, B, "</td><td>") +
           "</td></tr>\n";
  }
  Out += "</table>\n<h2>Findings by check and by directory</h2>\n";
  std::map<std::string, unsigned> ByCheck, ByDirectory;
  for (const Finding &F : R.Findings) {
    ++ByCheck[F.Check];
    ++ByDirectory[directoryOf(F, R.Root)];
  }
  Out += barChart("By check", ByCheck) + barChart("By directory", ByDirectory);
  if (!R.Findings.empty()) {
    Out += "<h2>Findings</h2>\n<ul>\n";
    for (const Finding &F : R.Findings)
      Out += "<li>" + htmlLink(F, R.Root) + " <code>" + html(F.Check) +
             "</code>" + (B ? " (" + stateName(F.State).str() + ")" : "") +
             ": " + html(F.Message) +
             (F.Confirmed ? " <strong class=\"confirmed\">" +
                                html(confirmationText(*F.Confirmed)) +
                                "</strong>"
                          : "") +
             "</li>\n";
    Out += "</ul>\n";
  }
  if (R.RuntimeOnly && !R.RuntimeOnly->empty()) {
    Out += "<h2>Runtime-only problems</h2>\n<p>Leaks the runtime guard saw "
           "that no finding covers:</p>\n<ul>\n";
    for (const RuntimeLeak &L : *R.RuntimeOnly)
      Out += "<li>" + html(L.describe(R.Root)) + "</li>\n";
    Out += "</ul>\n";
  }
  if (!R.Fixed.empty()) {
    Out += "<h2>Fixed since the baseline</h2>\n<ul>\n";
    for (const Finding &F : R.Fixed)
      Out += "<li>" + html(location(F, R.Root)) + " <code>" + html(F.Check) +
             "</code>: " + html(F.Message) + "</li>\n";
    Out += "</ul>\n";
  }
  if (!R.Errors.empty()) {
    Out += "<h2>Errors</h2>\n<ul>\n";
    for (const Finding &F : R.Errors)
      Out += "<li>" + htmlLink(F, R.Root) + ": " + html(F.Message) + "</li>\n";
    Out += "</ul>\n";
  }
  return Out + "</body>\n</html>\n";
}

} // namespace unbounded::driver
