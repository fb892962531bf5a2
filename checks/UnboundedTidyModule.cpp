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
#include "utils/CheckOptions.h"

#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"

namespace clang::tidy::unbounded {

class UnboundedTidyModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &Factories) override {
    utils::registerValidatedCheck<ClientLimitsCheck>(Factories,
                                                     "unbounded-client-limits");
    utils::registerValidatedCheck<ClientPerCallCheck>(
        Factories, "unbounded-client-per-call");
    utils::registerValidatedCheck<PoolGrowthCheck>(Factories,
                                                   "unbounded-pool-growth");
    utils::registerValidatedCheck<QueueCapacityCheck>(
        Factories, "unbounded-queue-capacity");
    utils::registerValidatedCheck<QueueGrowthCheck>(Factories,
                                                    "unbounded-queue-growth");
    utils::registerValidatedCheck<SilentDropCheck>(Factories,
                                                   "unbounded-silent-drop");
    utils::registerValidatedCheck<ThreadCreationCheck>(
        Factories, "unbounded-thread-creation");
  }
};

static ClangTidyModuleRegistry::Add<UnboundedTidyModule>
    Registration("unbounded-module", "Checks for unbounded resource use.");

} // namespace clang::tidy::unbounded

// Referenced by every front end that links the check library statically, so
// the linker keeps the registration above.
// NOLINTNEXTLINE(misc-use-internal-linkage)
volatile int UnboundedTidyModuleAnchorSource = 0;
