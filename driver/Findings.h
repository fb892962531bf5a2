//===- Findings.h - the findings model --------------------------*- C++ -*-===//
///
/// \file
/// What one lint run produces: findings (with notes), errors of translation
/// units, and the JSON form a worker process hands to its parent.
///
//===----------------------------------------------------------------------===//
#ifndef UNBOUNDED_DRIVER_FINDINGS_H
#define UNBOUNDED_DRIVER_FINDINGS_H

#include "Facts.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"
#include <optional>
#include <string>
#include <vector>

namespace unbounded::driver {

/// A position in a file; Line 0 means "the file as a whole".
struct Location {
  std::string File; ///< Absolute path (empty: no location).
  unsigned Line = 0, Column = 0;
};

/// A note attached to a finding.
struct Note {
  Location Where;
  std::string Message;
};

/// A finding's runtime evidence: leaks the guard reported whose creation
/// site the finding covers (RuntimeLeaks.h).
struct RuntimeConfirmation {
  std::vector<std::string> Tests; ///< Tests that leaked, each once.
  unsigned Leaks = 0;             ///< Threads and descriptors leaked.
  Location Site;                  ///< The first leak's creation site.
};

/// Classification against a baseline.
enum class BaselineState { None, Introduced, Preexisting, Fixed };

/// One diagnostic: a check's finding, or (Level "error") a compiler error
/// or a failure of the tool on one file.
struct Finding {
  std::string Check;
  std::string Level = "warning"; ///< warning or error.
  Location Where;
  std::string Message;
  std::string SourceLine; ///< The text of the flagged line, for snippets.
  std::vector<Note> Notes;
  std::string Fingerprint;
  BaselineState State = BaselineState::None;
  std::optional<RuntimeConfirmation> Confirmed; ///< With --guard-report.
};

/// Name of the pseudo-check of errors the tool itself reports per file.
inline constexpr llvm::StringLiteral ToolErrorCheck = "unbounded-tidy-error";

/// What a worker process reports for one translation unit.
struct UnitResult {
  std::string File;                 ///< The translation unit, absolute.
  std::vector<Finding> Diagnostics; ///< Findings and compiler errors.
  std::vector<std::string> Inputs;  ///< Files the compiler read.
  facts::UnitFacts Facts;           ///< For the join across units.
};

llvm::StringRef stateName(BaselineState State);

/// A finding as the facts layer keeps it (a use waiting for the join), and
/// back.
facts::Diagnostic toFacts(const Finding &F);
Finding fromFacts(const facts::Diagnostic &D);

/// Orders findings by file, line, column, check, message.
bool operator<(const Finding &A, const Finding &B);
/// Same check, place and message: the same diagnostic seen from two TUs.
bool sameDiagnostic(const Finding &A, const Finding &B);

/// JSON of a finding; paths made relative to Root when Root is not empty.
llvm::json::Value toJson(const Finding &F, llvm::StringRef Root);
/// Reads a finding; relative paths are resolved against Root.
llvm::Expected<Finding> findingFromJson(const llvm::json::Value &V,
                                        llvm::StringRef Root);

llvm::json::Value toJson(const UnitResult &R);
llvm::Expected<UnitResult> unitResultFromJson(llvm::StringRef Text);

/// Path relative to Root when it lies below it, else unchanged.
std::string relativePath(llvm::StringRef Path, llvm::StringRef Root);
/// Path resolved against Root when relative; dots removed.
std::string resolvePath(llvm::StringRef Path, llvm::StringRef Root);

/// A one-line description of why V does not have the shape expected.
llvm::Error malformed(const llvm::Twine &What);

/// Text parsed as a JSON object whose "schema" is Schema and "version" is
/// Version (or, with Oldest, from Oldest to Version); otherwise a one-line
/// error saying which.
llvm::Expected<llvm::json::Value> parseVersioned(llvm::StringRef Text,
                                                 llvm::StringRef Schema,
                                                 int64_t Version,
                                                 int64_t Oldest = 0);

} // namespace unbounded::driver

#endif
