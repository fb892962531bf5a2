//===- ReportFormat.h - the table of report formats -------------*- C++ -*-===//
///
/// \file
/// Every report format once: its --format name, the file extensions that
/// select it, and its writer (Formats.h). Option parsing, the help text and
/// the output all read this table.
///
//===----------------------------------------------------------------------===//
#ifndef UNBOUNDED_DRIVER_REPORTFORMAT_H
#define UNBOUNDED_DRIVER_REPORTFORMAT_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace unbounded::driver {

struct Report;
struct FormatSettings;

/// A report format: its --format name, the file extensions that select it
/// for a lone -o, and its writer.
struct ReportFormat {
  llvm::StringLiteral Name;
  llvm::ArrayRef<llvm::StringLiteral> Extensions;
  std::string (*Write)(const Report &R, const FormatSettings &Settings);
};

/// Every report format, the default (text) first.
llvm::ArrayRef<ReportFormat> reportFormats();

/// The format named Name, or null.
const ReportFormat *formatNamed(llvm::StringRef Name);

/// The format Path's extension selects, or null.
const ReportFormat *formatOfPath(llvm::StringRef Path);

/// The format names joined by Separator, the last two by Last: "text, json
/// or html"; Last defaults to Separator.
std::string formatNames(llvm::StringRef Separator, llvm::StringRef Last = "");

} // namespace unbounded::driver

#endif
