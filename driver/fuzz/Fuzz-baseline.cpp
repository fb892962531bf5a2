//===- Fuzz-baseline.cpp - fuzz the baseline parser -----------------------===//
#include "Baseline.h"
#include "FuzzCommon.h"

using namespace unbounded::driver;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  auto Parsed = parseBaseline(asText(Data, Size), "/root");
  if (!Parsed) {
    llvm::consumeError(Parsed.takeError());
    return 0;
  }
  // Whatever parses must classify and round-trip.
  std::vector<Finding> Current = *Parsed;
  classify(Current, *Parsed);
  auto Again = parseBaseline(baselineText(*Parsed, "/root"), "/root");
  if (!Again)
    __builtin_trap();
  return 0;
}
