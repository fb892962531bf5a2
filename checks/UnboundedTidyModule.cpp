//===- UnboundedTidyModule.cpp - the unbounded-* checks -------------------===//
//
// Registers every unbounded-* check with clang-tidy: the list of checks is
// generated from the catalogue (catalogue.json beside this file) by
// tools/catalogue.py build-files, so a check in the catalogue is a check the
// module registers.
//
//===----------------------------------------------------------------------===//

#include "CatalogueChecks.inc"

#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"

namespace clang::tidy::unbounded {

class UnboundedTidyModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &Factories) override {
    registerCatalogueChecks(Factories);
  }
};

static ClangTidyModuleRegistry::Add<UnboundedTidyModule>
    Registration("unbounded-module", "Checks for unbounded resource use.");

} // namespace clang::tidy::unbounded

// Referenced by every front end that links the check library statically, so
// the linker keeps the registration above.
// NOLINTNEXTLINE(misc-use-internal-linkage)
volatile int UnboundedTidyModuleAnchorSource = 0;
