//===- Report.cpp - one run's results, ready for the formats --------------===//

#include "Report.h"

#include "Baseline.h"
#include "Fingerprint.h"

#include <algorithm>

namespace unbounded::driver {

unsigned Report::counted() const {
  if (!HasBaseline)
    return unsigned(Findings.size());
  return unsigned(llvm::count_if(Findings, [](const Finding &F) {
    return F.State == BaselineState::Introduced;
  }));
}

void addUnit(Report &R, UnitResult Unit) {
  R.Units.push_back(Unit.File);
  if (!Unit.Facts.empty())
    R.Facts.push_back(std::move(Unit.Facts));
  for (Finding &F : Unit.Diagnostics) {
    // Errors without a place (a missing file) belong to their TU.
    if (F.Where.File.empty())
      F.Where.File = Unit.File;
    (F.Level == "error" ? R.Errors : R.Findings).push_back(std::move(F));
  }
}

static void sortUnique(std::vector<Finding> &Findings) {
  std::stable_sort(Findings.begin(), Findings.end());
  Findings.erase(std::unique(Findings.begin(), Findings.end(), sameDiagnostic),
                 Findings.end());
}

static void sortUnique(std::vector<std::string> &Strings) {
  llvm::sort(Strings);
  Strings.erase(std::unique(Strings.begin(), Strings.end()), Strings.end());
}

static bool passes(const Finding &F, const ReportSettings &Settings) {
  return llvm::all_of(Settings.Filters, [&](const LineFilter &Filter) {
    return Filter.contains(F.Where);
  });
}

static void keepPassing(std::vector<Finding> &Findings,
                        const ReportSettings &Settings) {
  llvm::erase_if(Findings,
                 [&](const Finding &F) { return !passes(F, Settings); });
}

/// The findings that wait for other translation units, resolved against
/// the facts of all of them.
static void join(Report &R) {
  std::vector<const facts::UnitFacts *> Units;
  std::vector<facts::Use> Uses;
  for (const facts::UnitFacts &U : R.Facts) {
    Units.push_back(&U);
    Uses.insert(Uses.end(), U.Uses.begin(), U.Uses.end());
  }
  R.Project = facts::Project::join(Units);
  for (const facts::Diagnostic &D : R.Project.resolve(Uses))
    R.Findings.push_back(fromFacts(D));
}

void finalize(Report &R, const ReportSettings &Settings) {
  if (!R.Partial)
    join(R);
  sortUnique(R.Units);
  sortUnique(R.ChecksRun);
  sortUnique(R.Errors);
  sortUnique(R.Findings);
  // Fingerprints count identical findings before each one, so they are
  // taken over all findings, before any line filter drops some.
  assignFingerprints(R.Findings, R.Root);
  keepPassing(R.Findings, Settings);
  R.Fixed.clear();
  R.HasBaseline = Settings.Baseline != nullptr;
  if (Settings.Baseline) {
    R.Fixed = classify(R.Findings, *Settings.Baseline);
    keepPassing(R.Fixed, Settings);
    sortUnique(R.Fixed);
  } else {
    for (Finding &F : R.Findings)
      F.State = BaselineState::None;
  }
  if (Settings.Guard)
    R.Guard = Settings.Guard;
  if (Settings.Alerts)
    R.Alerts = Settings.Alerts;
  if (Settings.Leaks)
    R.RuntimeOnly = confirmFindings(R.Findings, *Settings.Leaks);
}

} // namespace unbounded::driver
