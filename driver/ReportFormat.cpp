//===- ReportFormat.cpp - the table of report formats ---------------------===//

#include "ReportFormat.h"

#include "Formats.h"

#include "llvm/Support/Path.h"

namespace unbounded::driver {
namespace {

constexpr llvm::StringLiteral TextExtensions[] = {".txt"};
constexpr llvm::StringLiteral JsonExtensions[] = {".json"};
constexpr llvm::StringLiteral SarifExtensions[] = {".sarif"};
constexpr llvm::StringLiteral MarkdownExtensions[] = {".md"};
constexpr llvm::StringLiteral HtmlExtensions[] = {".html", ".htm"};

const ReportFormat Formats[] = {
    {"text", TextExtensions,
     [](const Report &R, const FormatSettings &) { return formatText(R); }},
    {"json", JsonExtensions,
     [](const Report &R, const FormatSettings &) { return formatJson(R); }},
    {"sarif", SarifExtensions, formatSarif},
    {"markdown", MarkdownExtensions, formatMarkdown},
    {"html", HtmlExtensions, formatHtml},
};

} // namespace

llvm::ArrayRef<ReportFormat> reportFormats() { return Formats; }

const ReportFormat *formatNamed(llvm::StringRef Name) {
  for (const ReportFormat &F : Formats)
    if (F.Name == Name)
      return &F;
  return nullptr;
}

const ReportFormat *formatOfPath(llvm::StringRef Path) {
  llvm::StringRef Extension = llvm::sys::path::extension(Path);
  for (const ReportFormat &F : Formats)
    if (llvm::is_contained(F.Extensions, Extension))
      return &F;
  return nullptr;
}

std::string formatNames(llvm::StringRef Separator, llvm::StringRef Last) {
  std::string Text;
  for (size_t I = 0; I < std::size(Formats); ++I) {
    if (I)
      Text += I + 1 == std::size(Formats) && !Last.empty() ? Last : Separator;
    Text += Formats[I].Name;
  }
  return Text;
}

} // namespace unbounded::driver
