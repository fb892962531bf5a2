//===- Report.h - one run's results, ready for the formats ------*- C++ -*-===//
///
/// \file
/// The results of a run (or of merged shard runs): translation units
/// linted, checks run, findings (deduplicated across TUs, fingerprinted,
/// classified against a baseline), errors, and runtime-guard evidence.
///
//===----------------------------------------------------------------------===//
#ifndef UNBOUNDED_DRIVER_REPORT_H
#define UNBOUNDED_DRIVER_REPORT_H

#include "AlertRules.h"
#include "Diff.h"
#include "Findings.h"
#include "GuardReport.h"
#include "RuntimeLeaks.h"

#include <optional>

namespace unbounded::driver {

struct Report {
  std::string Root;                   ///< Paths in reports are relative to it.
  std::vector<std::string> Units;     ///< Translation units linted (absolute).
  std::vector<std::string> ChecksRun; ///< Checks enabled for at least one TU.
  std::vector<Finding> Findings;      ///< Check findings, sorted.
  std::vector<Finding> Fixed;         ///< Baseline entries no longer found.
  std::vector<Finding> Errors;        ///< Compiler and tool errors per TU.
  bool HasBaseline = false;
  std::optional<std::vector<GuardEvidence>> Guard;
  /// Each unit's facts. A shard keeps them for `merge` (Partial); a whole
  /// run, or the merge, joins them into Project and adds the findings of
  /// the uses they resolve.
  std::vector<facts::UnitFacts> Facts;
  bool Partial = false;
  facts::Project Project;
  std::optional<AlertEvidence> Alerts; ///< With --alert-rules.
  /// With a guard report: the leaks that no finding covers.
  std::optional<std::vector<RuntimeLeak>> RuntimeOnly;
  std::string Tool;          ///< Name and versions of what wrote it.
  std::string Configuration; ///< Fingerprint of the configurations used.
  unsigned ShardIndex = 0, ShardCount = 0; ///< 1-based; 0: not a shard.
  std::string ShardSet; ///< Fingerprint of the files all shards share out.
  /// Static evidence of the Monitoring items: item id → the metric
  /// registrations (from the units' facts) of the item's families.
  std::map<std::string, std::vector<facts::Metric>> Registered;

  /// Findings that count for the exit status: introduced ones with a
  /// baseline, all of them without.
  unsigned counted() const;
};

/// How to finish a report: filters, baseline, guard evidence.
struct ReportSettings {
  const std::vector<Finding> *Baseline = nullptr;
  std::vector<LineFilter> Filters; ///< A finding must pass every one.
  std::optional<std::vector<GuardEvidence>> Guard;
  std::optional<AlertEvidence> Alerts;
  /// The guard report's leaks, matched to the findings.
  std::optional<std::vector<RuntimeLeak>> Leaks;
  /// Which registered metric names count for which Monitoring item.
  MetricFamilies Families = MetricFamilies::defaults();
};

/// Whether Parts (read from Paths) may be merged: written by the same tool
/// with the same root and configuration, and either the complete set of
/// shards of one run, each once, or unsharded reports of different files.
/// The error names the files.
llvm::Error checkMergeable(llvm::ArrayRef<std::string> Paths,
                           llvm::ArrayRef<Report> Parts);

/// Adds one unit's diagnostics: warnings to Findings, errors to Errors.
void addUnit(Report &R, UnitResult Unit);

/// Joins the units' facts (unless Partial), then sorts and deduplicates (a
/// header's finding seen from several TUs is one finding), fingerprints,
/// filters lines, classifies against the baseline. The same for a full run and
/// for merged shards.
void finalize(Report &R, const ReportSettings &Settings);

} // namespace unbounded::driver

#endif
