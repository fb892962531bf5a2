//===- Fuzz-line-filter.cpp - fuzz --line-filter and diff parsing ---------===//
#include "Diff.h"
#include "FuzzCommon.h"

using namespace unbounded::driver;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text = asText(Data, Size);
  Location Probe{"/repo/src/a.cpp", 3, 1};
  if (auto Filter = parseLineFilter(Text))
    Filter->contains(Probe);
  else
    llvm::consumeError(Filter.takeError());
  parseUnifiedDiff(Text, "/repo").contains(Probe);
  return 0;
}
