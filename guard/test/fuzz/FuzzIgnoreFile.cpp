// libFuzzer target for the ignore-file parser (an ignore file is shared by a
// project's tests and edited by hand): any text either parses or throws
// std::invalid_argument, and every pattern parsed can be matched.
#include "unbounded/IgnoreRules.h"

#include <cstddef>
#include <cstdint>
#include <stdexcept>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const std::string text(reinterpret_cast<const char *>(data), size);
  try {
    for (const unbounded::guard::IgnoreRule &rule :
         unbounded::guard::parseIgnoreRules(text, "fuzz")) {
      rule.matchesFunction(text);
      rule.matchesFunction(rule.pattern);
    }
  } catch (const std::invalid_argument &) {
  }
  return 0;
}
