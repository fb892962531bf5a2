// main() of unbounded::guard_gtest_main: every test is leak-checked, the
// binary as a whole too, and UNBOUNDED_GUARD_REPORT names the JSON report.
#include "unbounded/GuardListener.h"

int main(int argc, char **argv) {
  ::testing::InitGoogleTest(&argc, argv);
  unbounded::guard::GuardListener &listener = unbounded::guard::installGuardListener();
  return unbounded::guard::runAllTestsWithLeakCheck({}, &listener);
}
