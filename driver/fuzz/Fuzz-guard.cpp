//===- Fuzz-guard.cpp - fuzz the guard report parser ----------------------===//
#include "FuzzCommon.h"
#include "GuardReport.h"
#include "RuntimeLeaks.h"

using namespace unbounded::driver;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  auto Parsed = parseGuardReport(asText(Data, Size));
  if (!Parsed)
    llvm::consumeError(Parsed.takeError());
  auto Leaks = parseRuntimeLeaks(asText(Data, Size));
  if (!Leaks) {
    llvm::consumeError(Leaks.takeError());
    return 0;
  }
  // Matching against a finding at every leak's site must confirm it.
  std::vector<Finding> Findings;
  for (const RuntimeLeak &L : *Leaks) {
    Finding F;
    F.Where = L.Site;
    Findings.push_back(F);
    (void)L.describe("/");
  }
  for (const RuntimeLeak &L : confirmFindings(Findings, *Leaks))
    if (!L.Site.File.empty() && L.Site.Line != 0)
      __builtin_trap();
  return 0;
}
