//===- FormatChecklist.cpp - the prevention-checklist report --------------===//
//
// Each item of the case studies' prevention checklist, passed / failed /
// not verified, with its evidence: the findings of the checks that cover
// it (catalogue), or the runtime guard's report. Items that code cannot
// establish say so. The report is built once as a document (headings,
// paragraphs, tables, lists, charts) and rendered by a Markdown writer and
// by an HTML writer, a self-contained page that also draws the charts.
//
//===----------------------------------------------------------------------===//

#include "Catalogue.h"
#include "Formats.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <map>
#include <optional>
#include <variant>

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
  std::string Reason;                    ///< One sentence.
  std::vector<const Finding *> Evidence; ///< Current findings.
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
    V.Reason = plural(V.Evidence.size(), "finding") + " of " + names(Ran) + ".";
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
    Text += (I ? "; " : "") +
            ("metric '" + Metrics[I].Name + "' registered at " +
             relativePath(Metrics[I].At.File, Root) + ":" +
             std::to_string(Metrics[I].At.Line) + " (" + Metrics[I].Api + ")");
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

/// A case study's state (in Result and in words), with the failed items
/// named: a study can fail on runtime evidence alone, with no finding in
/// its row.
std::string studyStateText(const CaseStudy &Study,
                           const std::vector<Verdict> &Vs, State &Result) {
  std::vector<std::string> FailedItems;
  Result = studyState(Study, Vs, FailedItems);
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
  CheckRow Row{
      countFor(R, [&](llvm::StringRef Check) { return Check == Name; }), "",
      ""};
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

// ---------------------------------------------------------------- The model
//
// The report as a document of headings, paragraphs, tables, lists and
// charts, built once; a Markdown and an HTML writer render it.

/// A run of text, marked up by each writer in its own way.
struct Span {
  enum Kind { Plain, Code, Strong, Link, CodeLink };
  Kind As = Plain;
  std::string Text;
  std::string Href; ///< Link and CodeLink only.
};
using Spans = std::vector<Span>;

Span plain(std::string Text) { return {Span::Plain, std::move(Text), ""}; }
Span code(std::string Text) { return {Span::Code, std::move(Text), ""}; }
Span strong(std::string Text) { return {Span::Strong, std::move(Text), ""}; }

/// The link to a finding's line, labelled with its location.
Span findingLink(const Finding &F, llvm::StringRef Root) {
  return {Span::Link, location(F, Root),
          uriPath(relativePath(F.Where.File, Root)) + "#L" +
              std::to_string(F.Where.Line)};
}

/// A table cell; a cell with a State is styled by it (HTML).
struct Cell {
  Spans Content;
  std::optional<State> Styled;
};

Cell cell(std::string Text) { return {{plain(std::move(Text))}, {}}; }

/// A table row; Mark is shown as a symbol in a leading column (Markdown).
struct Row {
  std::optional<State> Mark;
  std::vector<Cell> Cells;
};

/// The title (level 1) or a section's heading (level 2).
struct Heading {
  unsigned Level;
  std::string Text;
};
/// Running text.
struct Paragraph {
  Spans Content;
};
/// A table under a header row of column names.
struct Table {
  std::vector<std::string> Columns;
  std::vector<Row> Rows;
  bool Marked = false; ///< Its rows have a Mark.
};
/// A bulleted list.
struct List {
  std::vector<Spans> Items;
};
/// Bar charts under a heading of their own; only HTML draws them.
struct Charts {
  std::string Title;
  std::vector<std::pair<std::string, std::map<std::string, unsigned>>> Bars;
};
using Block = std::variant<Heading, Paragraph, Table, List, Charts>;
using Document = std::vector<Block>;

/// The count columns' names: findings, and the baseline states with one.
std::vector<std::string> countColumns(bool Baseline) {
  if (!Baseline)
    return {"Findings"};
  return {"Findings", "Introduced", "Preexisting", "Fixed"};
}

/// The count cells of countColumns(Baseline).
void addCountCells(std::vector<Cell> &Cells, const Counts &C, bool Baseline) {
  Cells.push_back(cell(std::to_string(C.Findings)));
  if (!Baseline)
    return;
  for (unsigned N : {C.Introduced, C.Preexisting, C.Fixed})
    Cells.push_back(cell(std::to_string(N)));
}

/// The verdict's reason and links to its first ten findings.
Spans evidence(const Verdict &V, llvm::StringRef Root) {
  Spans Content{plain(V.Reason)};
  const size_t Shown = 10;
  for (size_t I = 0; I < V.Evidence.size() && I < Shown; ++I) {
    Content.push_back(plain(I ? ", " : " "));
    Content.push_back(findingLink(*V.Evidence[I], Root));
  }
  if (V.Evidence.size() > Shown)
    Content.push_back(
        plain(" and " + std::to_string(V.Evidence.size() - Shown) + " more"));
  return Content;
}

/// One heading and table per checklist section.
void addChecklist(Document &Doc, const Report &R,
                  const std::vector<Verdict> &Verdicts) {
  std::string Section;
  for (const Verdict &V : Verdicts) {
    if (V.Item->Section != Section) {
      Section = V.Item->Section;
      Doc.push_back(Heading{2, Section});
      Doc.push_back(Table{{"Item", "State", "Evidence"}, {}, true});
    }
    std::get<Table>(Doc.back())
        .Rows.push_back({V.Result,
                         {cell(V.Item->Text),
                          {{plain(stateText(V.Result).str())}, V.Result},
                          {evidence(V, R.Root), {}}}});
  }
}

/// One row per case study: its checks, findings and the state of its items.
Table caseStudies(const Report &R, const std::vector<Verdict> &Verdicts) {
  Table T{{"Case study", "Root cause", "Impact", "Checks"}, {}};
  for (const std::string &Column : countColumns(R.HasBaseline))
    T.Columns.push_back(Column);
  T.Columns.push_back("State");
  for (const CaseStudy &Study : catalogue().CaseStudies) {
    Counts C = countFor(R, [&](llvm::StringRef Check) {
      const CheckInfo *Info = catalogue().check(Check);
      return Info && Info->CaseStudy == Study.Id;
    });
    std::string Checks = studyChecks(Study);
    Row Line;
    Line.Cells = {cell(Study.Title), cell(Study.RootCause), cell(Study.Impact),
                  cell(Checks.empty() ? "none yet" : Checks)};
    addCountCells(Line.Cells, C, R.HasBaseline);
    State S;
    std::string StateText = studyStateText(Study, Verdicts, S);
    Line.Cells.push_back({{plain(StateText)}, S});
    T.Rows.push_back(std::move(Line));
  }
  return T;
}

/// One row per check: severity, case study, checklist items and findings.
Table checks(const Report &R, const FormatSettings &Settings) {
  Table T{{"Check", "Severity", "Case study", "Checklist items"}, {}};
  for (const std::string &Column : countColumns(R.HasBaseline))
    T.Columns.push_back(Column);
  for (const std::string &Name : checkNames(R)) {
    CheckRow Info = checkRow(R, Name);
    Row Line;
    Line.Cells = {{{{Span::CodeLink, Name, helpUri(Name, Settings)}}, {}},
                  cell(severityOf(Name)),
                  cell(Info.Study),
                  cell(Info.Items)};
    addCountCells(Line.Cells, Info.Findings, R.HasBaseline);
    T.Rows.push_back(std::move(Line));
  }
  return T;
}

/// Findings counted by check and by directory.
Charts charts(const Report &R) {
  std::map<std::string, unsigned> ByCheck, ByDirectory;
  for (const Finding &F : R.Findings) {
    ++ByCheck[F.Check];
    ++ByDirectory[directoryOf(F, R.Root)];
  }
  return {"Findings by check and by directory",
          {{"By check", ByCheck}, {"By directory", ByDirectory}}};
}

/// A finding in a list: link, check, baseline state, message, and what
/// the runtime guard confirmed.
Spans findingItem(const Finding &F, const Report &R) {
  Spans Item{findingLink(F, R.Root), plain(" "), code(F.Check),
             plain((R.HasBaseline ? " (" + stateName(F.State).str() + ")"
                                  : std::string()) +
                   ": " + F.Message)};
  if (F.Confirmed) {
    Item.push_back(plain(" — "));
    Item.push_back(strong(confirmationText(*F.Confirmed)));
  }
  return Item;
}

/// The lists after the tables: findings, runtime-only leaks, fixed
/// findings and errors, each only when there is one.
void addLists(Document &Doc, const Report &R) {
  if (!R.Findings.empty()) {
    List Findings;
    for (const Finding &F : R.Findings)
      Findings.Items.push_back(findingItem(F, R));
    Doc.push_back(Heading{2, "Findings"});
    Doc.push_back(std::move(Findings));
  }
  if (R.RuntimeOnly && !R.RuntimeOnly->empty()) {
    List Leaks;
    for (const RuntimeLeak &L : *R.RuntimeOnly)
      Leaks.Items.push_back({plain(L.describe(R.Root))});
    Doc.push_back(Heading{2, "Runtime-only problems"});
    Doc.push_back(Paragraph{
        {plain("Leaks the runtime guard saw that no finding covers:")}});
    Doc.push_back(std::move(Leaks));
  }
  if (!R.Fixed.empty()) {
    List Fixed;
    for (const Finding &F : R.Fixed)
      Fixed.Items.push_back({plain(location(F, R.Root) + " "), code(F.Check),
                             plain(": " + F.Message)});
    Doc.push_back(Heading{2, "Fixed since the baseline"});
    Doc.push_back(std::move(Fixed));
  }
  if (!R.Errors.empty()) {
    List Errors;
    for (const Finding &F : R.Errors)
      Errors.Items.push_back({findingLink(F, R.Root), plain(": " + F.Message)});
    Doc.push_back(Heading{2, "Errors"});
    Doc.push_back(std::move(Errors));
  }
}

/// The whole report, as both writers render it.
Document checklistReport(const Report &R, const FormatSettings &Settings) {
  std::vector<Verdict> Verdicts = judge(R);
  Document Doc;
  Doc.push_back(Heading{1, "Prevention checklist"});
  Doc.push_back(Paragraph{
      {plain("unbounded-tidy " UNBOUNDED_VERSION ": " + headline(R))}});
  Doc.push_back(Paragraph{
      {plain("Each item is "), strong("passed"), plain(", "), strong("failed"),
       plain(" or "), strong("not verified"),
       plain("; the evidence is the findings of the checks that cover it, "
             "the runtime guard's report, or the alert rules.")}});
  addChecklist(Doc, R, Verdicts);
  Doc.push_back(Heading{2, "Case studies"});
  Doc.push_back(caseStudies(R, Verdicts));
  Doc.push_back(Heading{2, "Checks"});
  Doc.push_back(checks(R, Settings));
  Doc.push_back(charts(R));
  addLists(Doc, R);
  return Doc;
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

/// The Markdown writer: each block after the first follows a blank line.
struct MarkdownWriter {
  std::string Out;

  static std::string spans(const Spans &Content) {
    std::string Text;
    for (const Span &S : Content)
      switch (S.As) {
      case Span::Plain:
        Text += mdEscape(S.Text);
        break;
      case Span::Code:
        Text += "`" + S.Text + "`";
        break;
      case Span::Strong:
        Text += "**" + mdEscape(S.Text) + "**";
        break;
      case Span::Link:
        Text += "[" + mdEscape(S.Text) + "](" + S.Href + ")";
        break;
      case Span::CodeLink:
        Text += "[`" + S.Text + "`](" + S.Href + ")";
        break;
      }
    return Text;
  }

  void block(const Heading &H) {
    Out += std::string(H.Level, '#') + " " + mdEscape(H.Text) + "\n";
  }
  void block(const Paragraph &P) { Out += spans(P.Content) + "\n"; }
  void block(const Table &T) {
    std::string Head = T.Marked ? "| |" : "|";
    std::string Rule = T.Marked ? "|---|" : "|";
    for (const std::string &Column : T.Columns) {
      Head += " " + mdEscape(Column) + " |";
      Rule += "---|";
    }
    Out += Head + "\n" + Rule + "\n";
    for (const Row &Line : T.Rows) {
      Out += "|";
      if (Line.Mark)
        Out += " " + mark(*Line.Mark).str() + " |";
      for (const Cell &C : Line.Cells)
        Out += " " + spans(C.Content) + " |";
      Out += "\n";
    }
  }
  void block(const List &L) {
    for (const Spans &Item : L.Items)
      Out += "- " + spans(Item) + "\n";
  }
  void block(const Charts &) {}

  std::string write(const Document &Doc) {
    for (const Block &B : Doc) {
      if (std::holds_alternative<Charts>(B))
        continue; // Markdown has no charts.
      if (!Out.empty())
        Out += "\n";
      std::visit([&](const auto &Each) { block(Each); }, B);
    }
    return Out;
  }
};

// -------------------------------------------------------------------- HTML

std::string html(llvm::StringRef Text) {
  std::string Result;
  llvm::raw_string_ostream Out(Result);
  llvm::printHTMLEscaped(Text, Out);
  return Result;
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

/// The HTML writer: a self-contained page, styles included.
struct HtmlWriter {
  std::string Out;

  static std::string spans(const Spans &Content) {
    std::string Text;
    for (const Span &S : Content)
      switch (S.As) {
      case Span::Plain:
        Text += html(S.Text);
        break;
      case Span::Code:
        Text += "<code>" + html(S.Text) + "</code>";
        break;
      case Span::Strong:
        Text += "<strong>" + html(S.Text) + "</strong>";
        break;
      case Span::Link:
        Text += "<a href=\"" + html(S.Href) + "\">" + html(S.Text) + "</a>";
        break;
      case Span::CodeLink:
        Text += "<a href=\"" + html(S.Href) + "\"><code>" + html(S.Text) +
                "</code></a>";
        break;
      }
    return Text;
  }

  void block(const Heading &H) {
    std::string Tag = "h" + std::to_string(H.Level);
    Out += "<" + Tag + ">" + html(H.Text) + "</" + Tag + ">\n";
  }
  void block(const Paragraph &P) { Out += "<p>" + spans(P.Content) + "</p>\n"; }
  void block(const Table &T) {
    Out += "<table>\n<tr>";
    for (const std::string &Column : T.Columns)
      Out += "<th>" + html(Column) + "</th>";
    Out += "</tr>\n";
    for (const Row &Line : T.Rows) {
      Out += "<tr>";
      for (const Cell &C : Line.Cells)
        Out += (C.Styled ? "<td class=\"" + cssClass(*C.Styled) + "\">"
                         : std::string("<td>")) +
               spans(C.Content) + "</td>";
      Out += "</tr>\n";
    }
    Out += "</table>\n";
  }
  void block(const List &L) {
    Out += "<ul>\n";
    for (const Spans &Item : L.Items)
      Out += "<li>" + spans(Item) + "</li>\n";
    Out += "</ul>\n";
  }
  void block(const Charts &C) {
    Out += "<h2>" + html(C.Title) + "</h2>\n";
    for (const auto &[Title, Bars] : C.Bars)
      Out += barChart(Title, Bars);
  }

  std::string write(const Document &Doc) {
    Out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta "
          "charset=\"utf-8\">\n<title>Prevention checklist — "
          "unbounded-tidy</title>\n<style>" +
          Style.str() + "</style>\n</head>\n<body>\n";
    for (const Block &B : Doc)
      std::visit([&](const auto &Each) { block(Each); }, B);
    return Out + "</body>\n</html>\n";
  }
};

} // namespace

std::string formatMarkdown(const Report &R, const FormatSettings &Settings) {
  return MarkdownWriter().write(checklistReport(R, Settings));
}

std::string formatHtml(const Report &R, const FormatSettings &Settings) {
  return HtmlWriter().write(checklistReport(R, Settings));
}

} // namespace unbounded::driver
