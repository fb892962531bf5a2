//===- Fuzz-report.cpp - fuzz the JSON report reader and the formats ------===//
//
// `merge` reads reports produced elsewhere: whatever parses is merged
// (finalized) and rendered in every format.
//
//===----------------------------------------------------------------------===//
#include "Formats.h"
#include "FuzzCommon.h"

using namespace unbounded::driver;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  auto Parsed = parseJsonReport(asText(Data, Size));
  if (!Parsed) {
    llvm::consumeError(Parsed.takeError());
    return 0;
  }
  Report R = std::move(*Parsed);
  ReportSettings Settings;
  std::vector<Finding> Baseline = R.Findings;
  Settings.Baseline = &Baseline;
  finalize(R, Settings);
  FormatSettings Format{"https://example.com/docs/"};
  formatText(R);
  formatSarif(R, Format);
  formatMarkdown(R, Format);
  formatHtml(R, Format);
  auto Again = parseJsonReport(formatJson(R));
  if (!Again)
    __builtin_trap(); // The writer's output must read back.
  return 0;
}
