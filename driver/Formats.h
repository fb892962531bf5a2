//===- Formats.h - report formats -------------------------------*- C++ -*-===//
///
/// \file
/// The report formats: clang-tidy-style text, the versioned JSON schema,
/// SARIF 2.1.0, and the prevention-checklist report in Markdown and HTML.
/// Each renders a finished Report to a string; docs/driver.md shows
/// samples.
///
//===----------------------------------------------------------------------===//
#ifndef UNBOUNDED_DRIVER_FORMATS_H
#define UNBOUNDED_DRIVER_FORMATS_H

#include "Report.h"

namespace unbounded::driver {

/// Settings shared by the formats.
struct FormatSettings {
  /// Prefix of help links to docs/checks/<name>.md (SARIF helpUri and
  /// the checklist report's links).
  std::string HelpUriBase;
};

/// The JSON report's schema name and version.
inline constexpr llvm::StringLiteral JsonSchema = "unbounded-tidy-report";
inline constexpr int JsonVersion = 1;

std::string formatText(const Report &R);
std::string formatJson(const Report &R);
std::string formatSarif(const Report &R, const FormatSettings &Settings);
std::string formatMarkdown(const Report &R, const FormatSettings &Settings);
std::string formatHtml(const Report &R, const FormatSettings &Settings);

/// N and Word, plural unless N is 1: "1 finding", "2 findings".
std::string plural(size_t N, llvm::StringRef Word);

/// Reads a JSON report (for `unbounded-tidy merge`); strict about the
/// fields merging needs.
llvm::Expected<Report> parseJsonReport(llvm::StringRef Text);

/// Path percent-encoded for a URI or link ('/' kept): "a b#1" is
/// "a%20b%231".
std::string uriPath(llvm::StringRef Path);

/// The link to a check's documentation page.
std::string helpUri(llvm::StringRef Check, const FormatSettings &Settings);

} // namespace unbounded::driver

#endif
