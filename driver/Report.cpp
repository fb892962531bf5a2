//===- Report.cpp - one run's results, ready for the formats --------------===//

#include "Report.h"

#include "Baseline.h"
#include "Fingerprint.h"

#include "llvm/ADT/StringSet.h"

#include <algorithm>
#include <tuple>

namespace unbounded::driver {

unsigned Report::counted() const {
  if (!HasBaseline)
    return unsigned(Findings.size());
  return unsigned(llvm::count_if(Findings, [](const Finding &F) {
    return F.State == BaselineState::Introduced;
  }));
}

static llvm::Error cannotMerge(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "cannot merge " + Message);
}

static std::string shardName(const Report &R) {
  return std::to_string(R.ShardIndex) + "/" + std::to_string(R.ShardCount);
}

/// The first difference between two reports that forbids merging them.
static std::string difference(const Report &A, const Report &B) {
  if (A.Tool != B.Tool)
    return "they were written by different versions ('" + A.Tool + "' and '" +
           B.Tool + "')";
  if (A.Root != B.Root)
    return "their roots differ ('" + A.Root + "' and '" + B.Root + "')";
  if (A.Configuration != B.Configuration)
    return "they were linted with different configurations";
  if ((A.ShardCount == 0) != (B.ShardCount == 0))
    return "only one of them is a shard";
  if (A.ShardCount != B.ShardCount || A.ShardSet != B.ShardSet)
    return "they are shards of different runs (" + shardName(A) + " and " +
           shardName(B) + ")";
  if (A.ShardCount)
    return A.ShardIndex == B.ShardIndex ? "both are shard " + shardName(A) : "";
  llvm::StringSet<> Units;
  for (const std::string &Unit : A.Units)
    Units.insert(Unit);
  for (const std::string &Unit : B.Units)
    if (Units.contains(Unit))
      return "both lint '" + Unit + "'";
  return "";
}

llvm::Error checkMergeable(llvm::ArrayRef<std::string> Paths,
                           llvm::ArrayRef<Report> Parts) {
  for (size_t I = 0; I < Parts.size(); ++I)
    for (size_t J = I + 1; J < Parts.size(); ++J)
      if (std::string Why = difference(Parts[I], Parts[J]); !Why.empty())
        return cannotMerge("'" + Paths[I] + "' and '" + Paths[J] + "': " + Why);
  unsigned Count = Parts.front().ShardCount;
  if (Parts.size() == Count || Count == 0)
    return llvm::Error::success();
  std::string Missing, Given;
  for (unsigned Index = 1; Index <= Count; ++Index)
    if (llvm::none_of(Parts,
                      [&](const Report &R) { return R.ShardIndex == Index; }))
      Missing += (Missing.empty() ? "" : ", ") + std::to_string(Index) + "/" +
                 std::to_string(Count);
  for (const std::string &Path : Paths)
    Given += (Given.empty() ? "'" : ", '") + Path + "'";
  return cannotMerge(Given + ": shard " + Missing + " missing");
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

/// Sorts findings and keeps one of each: a header's finding seen by several
/// translation units keeps the copy with the most notes (the one whose
/// unit saw the most of the evidence, such as the calls that feed a
/// queue), then the first in unit order.
static void sortUnique(std::vector<Finding> &Findings) {
  std::stable_sort(Findings.begin(), Findings.end(),
                   [](const Finding &A, const Finding &B) {
                     if (A < B || B < A)
                       return A < B;
                     return A.Notes.size() > B.Notes.size();
                   });
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

/// Every metric registration of the units, once each (a header's is seen
/// from every unit that includes it), by place.
static std::vector<facts::Metric> registrations(const Report &R) {
  std::vector<facts::Metric> All;
  for (const facts::UnitFacts &U : R.Facts)
    All.insert(All.end(), U.Metrics.begin(), U.Metrics.end());
  auto Key = [](const facts::Metric &M) {
    return std::tie(M.At.File, M.At.Line, M.At.Column, M.Name);
  };
  llvm::sort(All, [&](const facts::Metric &A, const facts::Metric &B) {
    return Key(A) < Key(B);
  });
  All.erase(std::unique(All.begin(), All.end(),
                        [&](const facts::Metric &A, const facts::Metric &B) {
                          return Key(A) == Key(B);
                        }),
            All.end());
  return All;
}

/// The registrations that evidence each Monitoring item.
static void judgeRegistrations(Report &R, const MetricFamilies &Families) {
  R.Registered.clear();
  std::vector<facts::Metric> All = registrations(R);
  for (const ChecklistItem &Item : catalogue().Checklist) {
    if (Item.Section != "Monitoring")
      continue;
    std::vector<facts::Metric> Found = Families.registrationsFor(Item, All);
    if (!Found.empty())
      R.Registered[Item.Id] = std::move(Found);
  }
}

void finalize(Report &R, const ReportSettings &Settings) {
  if (!R.Partial) {
    join(R);
    judgeRegistrations(R, Settings.Families);
  }
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
