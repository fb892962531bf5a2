//===- UnboundedTidyModule.cpp - the unbounded-* checks -------------------===//
//
// Registers every unbounded-* check with clang-tidy. The catalogue
// (catalogue.json beside this file) describes the same checks for docs and
// reports; test/catalogue keeps the two in step.
//
//===----------------------------------------------------------------------===//

#include "ClientLimitsCheck.h"
#include "ClientPerCallCheck.h"
#include "PoolGrowthCheck.h"
#include "QueueCapacityCheck.h"
#include "QueueGrowthCheck.h"
#include "SilentDropCheck.h"
#include "ThreadCreationCheck.h"

#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"

namespace clang::tidy::unbounded {

class UnboundedTidyModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &Factories) override {
    Factories.registerCheck<ClientLimitsCheck>("unbounded-client-limits");
    Factories.registerCheck<ClientPerCallCheck>("unbounded-client-per-call");
    Factories.registerCheck<PoolGrowthCheck>("unbounded-pool-growth");
    Factories.registerCheck<QueueCapacityCheck>("unbounded-queue-capacity");
    Factories.registerCheck<QueueGrowthCheck>("unbounded-queue-growth");
    Factories.registerCheck<SilentDropCheck>("unbounded-silent-drop");
    Factories.registerCheck<ThreadCreationCheck>("unbounded-thread-creation");
  }
};

static ClangTidyModuleRegistry::Add<UnboundedTidyModule>
    Registration("unbounded-module", "Checks for unbounded resource use.");

} // namespace clang::tidy::unbounded

// Referenced by every front end that links the check library statically, so
// the linker keeps the registration above.
// NOLINTNEXTLINE(misc-use-internal-linkage)
volatile int UnboundedTidyModuleAnchorSource = 0;
