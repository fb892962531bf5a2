//===- LimiterDetection.h - what bounds concurrent executions ---*- C++ -*-===//

#ifndef UNBOUNDED_UTILS_LIMITERDETECTION_H
#define UNBOUNDED_UTILS_LIMITERDETECTION_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Stmt.h"
#include "llvm/Support/Regex.h"
#include <string>
#include <vector>

namespace clang::tidy::unbounded::utils {

/// Finds what limits how often a statement runs at once within one
/// iteration or request: a semaphore acquired before it, or a comparison of
/// an in-flight counter against a maximum that guards it or rejects early.
class LimiterDetection {
public:
  /// Functions: qualified names of limiter calls (sem_wait, ...).
  /// TypePattern: regex on class names whose acquire/wait methods or
  /// constructors take a permit (counting_semaphore, RateLimiter, ...).
  /// CounterPattern: regex on names that make a comparison a limit check
  /// (active, inflight, max, limit, ...).
  LimiterDetection(ASTContext &Ctx, std::vector<std::string> Functions,
                   llvm::StringRef TypePattern, llvm::StringRef CounterPattern);

  /// The statement in Scope that bounds Target, or nullptr.
  const Stmt *findLimiter(const Stmt *Target, const Stmt *Scope) const;

  /// Whether Cond compares a counter against a limit.
  bool isLimitComparison(const Expr *Cond) const;

private:
  const Stmt *guardingIf(const Stmt *Target, const Stmt *Scope) const;
  const Stmt *precedingLimiter(const Stmt *S, const Stmt *Target) const;
  bool isLimiterStatement(const Stmt *S) const;
  bool isPermitCall(const Stmt *S) const;
  bool mentionsCounter(const Stmt *S) const;

  ASTContext &Ctx;
  std::vector<std::string> Functions;
  mutable llvm::Regex Types;
  mutable llvm::Regex Counters;
};

} // namespace clang::tidy::unbounded::utils

#endif
