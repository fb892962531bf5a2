//===- LimiterDetection.h - what bounds concurrent executions ---*- C++ -*-===//

#ifndef UNBOUNDED_UTILS_LIMITERDETECTION_H
#define UNBOUNDED_UTILS_LIMITERDETECTION_H

#include "utils/FunctionParents.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Stmt.h"
#include "llvm/Support/Regex.h"
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::unbounded::utils {

/// Which way a limit comparison points when it holds.
enum class LimitSense {
  Below,   ///< true while under the limit: `active < max`
  AtLimit, ///< true at or over the limit: `active >= max`
  Unknown, ///< a limit comparison whose direction is unclear
};

/// Finds what limits how often a statement runs at once within one
/// iteration or request: a semaphore acquired before it, or a comparison of
/// an in-flight counter against a maximum that guards it or rejects early.
class LimiterDetection {
public:
  /// Functions: qualified names of limiter calls (sem_wait, ...).
  /// TypePattern: regex on class names whose acquire/wait methods take a
  /// permit, or whose constructor taking such an object is a permit guard.
  /// CounterPattern: regex (case-insensitive) on names that make a
  /// comparison a limit check (active, inflight, max, limit, ...).
  LimiterDetection(ASTContext &Ctx, std::vector<std::string> Functions,
                   llvm::StringRef TypePattern, llvm::StringRef CounterPattern);

  /// The statement in Scope that bounds Target, or nullptr: one guarding
  /// it, one before it, or, when Scope is a loop's body, a wait at the
  /// limit after it.
  /// Target is a statement of the function Parents covers.
  const Stmt *findLimiter(const Stmt *Target, const Stmt *Scope,
                          const FunctionParents &Parents) const;

  /// Whether Cond compares a counter against a limit, and which way.
  std::optional<LimitSense> limitComparison(const Expr *Cond) const;

  /// Whether S, or a statement below it, is a built-in comparison that
  /// limitComparison recognises (`q.size() < max_` in a wait's predicate).
  bool comparesWithLimit(const Stmt *S) const;

private:
  const Stmt *guardingIf(const Stmt *Target, const Stmt *Scope,
                         const FunctionParents &Parents) const;
  /// The first limiter statement in S that starts before Target, or with
  /// After, the first wait at the limit that starts after it.
  const Stmt *limiterBeside(const Stmt *S, const Stmt *Target,
                            bool After) const;
  bool isLimiterStatement(const Stmt *S) const;
  /// Whether S waits while at a limit: `while (active >= max) wait();`, or
  /// `if (threads.size() >= max) threads.front().join();`.
  bool waitsAtLimit(const Stmt *S) const;
  bool isPermitCall(const Stmt *S) const;
  bool isLimiterType(QualType T) const;
  /// Whether Cond is a limit comparison that holds in Sense (or either).
  bool holds(const Expr *Cond, LimitSense Sense) const;
  bool isMaximum(const Expr *E) const;

  ASTContext &Ctx;
  std::vector<std::string> Functions;
  llvm::Regex Types;
  llvm::Regex Counters;
  llvm::Regex Maximums;
};

} // namespace clang::tidy::unbounded::utils

#endif
