// main() of unbounded::guard_gtest_main: every test is leak-checked, the
// binary as a whole too (with the same options and ignore rules), and
// UNBOUNDED_GUARD_REPORT names the JSON report.
#include "unbounded/GuardListener.h"

#include <iostream>
#include <stdexcept>

int main(int argc, char **argv) {
  ::testing::InitGoogleTest(&argc, argv);
  try {
    unbounded::guard::GuardListener &listener =
        unbounded::guard::installGuardListener();
    return unbounded::guard::runAllTestsWithLeakCheck(listener.leakOptions(),
                                                      &listener);
  } catch (const std::invalid_argument &error) {
    std::cerr << "unbounded-guard: error: " << error.what() << '\n';
    return 2;
  }
}
