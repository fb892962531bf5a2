//===- Fuzz-alert-rules.cpp - fuzz the Prometheus rule-file reader --------===//
#include "AlertRules.h"
#include "FuzzCommon.h"

using namespace unbounded::driver;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  AlertRules Rules;
  if (auto E = parseRuleFile(asText(Data, Size), "fuzz.yml", Rules)) {
    llvm::consumeError(std::move(E));
    return 0;
  }
  // What parsing accepted, the matcher must judge without failing.
  judgeAlerts(Rules, MetricFamilies::defaults());
  return 0;
}
