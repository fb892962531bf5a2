//===- Analyses.cpp - analyses built once per translation unit ------------===//

#include "utils/Analyses.h"

namespace clang::tidy::unbounded::utils {

RequestAnalyses::RequestAnalyses(ASTContext &Ctx, const LoopOptions &Loops,
                                 const CountingLimiterOptions &Limits)
    : Bounds(Ctx, Loops.MaxIterations, Loops.WorkerCountPattern),
      Requests(Bounds, Loops.HandlerRegistrationPattern,
               Loops.RequestTypePattern),
      Limiter(Ctx, Limits.Functions, Limits.TypePattern,
              Limits.CounterPattern) {}

} // namespace clang::tidy::unbounded::utils
