//===- Fuzz-guard.cpp - fuzz the guard report parser ----------------------===//
#include "FuzzCommon.h"
#include "GuardReport.h"

using namespace unbounded::driver;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  auto Parsed = parseGuardReport(asText(Data, Size));
  if (!Parsed)
    llvm::consumeError(Parsed.takeError());
  return 0;
}
