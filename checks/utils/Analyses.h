//===- Analyses.h - analyses built once per translation unit ----*- C++ -*-===//
///
/// \file
/// The shared analyses hold the check's options as compiled regexes, so a
/// check builds them once per translation unit rather than once per match.
///
//===----------------------------------------------------------------------===//
#ifndef UNBOUNDED_UTILS_ANALYSES_H
#define UNBOUNDED_UTILS_ANALYSES_H

#include "utils/LimiterDetection.h"
#include "utils/LoopBounds.h"
#include "utils/RequestContext.h"
#include "utils/SharedOptions.h"

#include "clang/AST/ASTContext.h"
#include <functional>
#include <memory>

namespace clang::tidy::unbounded::utils {

/// A T built from the ASTContext of the translation unit being checked:
/// built when a unit first asks for it, and again when a new unit does.
template <typename T> class PerTranslationUnit {
public:
  using Builder = std::function<std::unique_ptr<T>(ASTContext &)>;

  explicit PerTranslationUnit(Builder Build) : Build(std::move(Build)) {}

  /// The T of Ctx's translation unit.
  const T &of(ASTContext &Ctx) const {
    if (!Current || Context != &Ctx) {
      Current = Build(Ctx);
      Context = &Ctx;
    }
    return *Current;
  }

  /// Drops the T at the end of a translation unit, whose ASTContext a later
  /// unit's may reuse the address of.
  void reset() {
    Current.reset();
    Context = nullptr;
  }

private:
  Builder Build;
  // A cache: of() builds on first use.
  mutable const ASTContext *Context = nullptr;
  mutable std::unique_ptr<T> Current;
};

/// The loop, request and limiter analyses of the checks that judge what
/// runs once per iteration or per request.
struct RequestAnalyses {
  RequestAnalyses(ASTContext &Ctx, const LoopOptions &Loops,
                  const CountingLimiterOptions &Limits);

  LoopBounds Bounds;
  RequestContext Requests;
  LimiterDetection Limiter;
};

} // namespace clang::tidy::unbounded::utils

#endif
