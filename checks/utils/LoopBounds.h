//===- LoopBounds.h - how many times a loop runs ----------------*- C++ -*-===//

#ifndef UNBOUNDED_UTILS_LOOPBOUNDS_H
#define UNBOUNDED_UTILS_LOOPBOUNDS_H

#include "utils/Algorithms.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Stmt.h"
#include "llvm/Support/Regex.h"
#include <cstdint>
#include <optional>
#include <string>

namespace clang::tidy::unbounded::utils {

/// What bounds a loop's trip count or a count expression, best first.
enum class TripCountKind {
  Constant,     ///< a compile-time constant (Value)
  CoreCount,    ///< the number of cores times a constant factor (Value)
  WorkerCount,  ///< an integer named like a configured worker count
  RuntimeCount, ///< an integer only known at run time
  Input,        ///< read from the input: environment, argv, text, config
  ElementCount, ///< one per element of a container whose size is dynamic
  Condition,    ///< as long as a condition holds
  Infinite,     ///< no exit condition
};

/// The trip count of a loop, or the value of a count expression.
struct TripCount {
  TripCountKind Kind = TripCountKind::RuntimeCount;
  uint64_t Value = 0; ///< Constant: the count; CoreCount: the factor
  std::string What;   ///< the bounding expression, container or condition
  const Expr *Container = nullptr;     ///< ElementCount: the container
  const Stmt *Origin = nullptr;        ///< Input: where the value is read
  const ValueDecl *Variable = nullptr; ///< Input: the variable holding it
};

/// A comparison `LHS Op RHS`, built-in or overloaded.
struct Comparison {
  const Expr *LHS;
  BinaryOperatorKind Op;
  const Expr *RHS;
};

/// Whether S is a for, range-for, while or do loop.
bool isLoop(const Stmt *S);

/// The body of a loop statement.
const Stmt *loopBody(const Stmt *Loop);

/// The condition of a for, while or do loop (nullptr for a range-for or a
/// `for (;;)`).
const Expr *loopCondition(const Stmt *Loop);

/// The container S adds an element to, when S is a push_back, emplace or
/// insert call on it.
const ValueDecl *insertionTarget(const Stmt *S);

/// Whether Body adds an element to Container (push_back, emplace, insert).
bool insertsInto(const Stmt *Body, const ValueDecl *Container);

/// Whether E names the element a loop is at, in a container that is a
/// member of the class: the range-for variable over it, or `c[i]`,
/// `c.at(i)` in a loop bounded by `c`'s element count. Bound is the loop's
/// trip count.
bool namesMemberElement(const Expr *E, const Stmt *Loop,
                        const TripCount &Bound);

/// Classifies loop trip counts and count expressions against a limit.
class LoopBounds {
public:
  /// MaxIterations: the largest constant count that still counts as small.
  /// WorkerCountPattern: a regex matched against the names of runtime
  /// integers that size worker sets (empty: none).
  LoopBounds(ASTContext &Ctx, uint64_t MaxIterations,
             llvm::StringRef WorkerCountPattern);

  /// How many times Loop runs.
  TripCount ofLoop(const Stmt *Loop) const;

  /// How many times Algorithm runs its callable.
  TripCount ofAlgorithm(const AlgorithmCall &Algorithm) const;

  /// What bounds the value of the count expression E.
  TripCount ofCount(const Expr *E) const;

  /// Whether T is at most MaxIterations, the core count or a worker count.
  bool isBounded(const TripCount &T) const;

  /// A clause saying why T is or is not bounded, for diagnostics.
  std::string describe(const TripCount &T) const;

  uint64_t maxIterations() const { return MaxIterations; }

private:
  TripCount ofCount(const Expr *E, unsigned Depth) const;
  TripCount ofCall(const CallExpr *Call, unsigned Depth) const;
  TripCount ofNamedValue(const NamedDecl *D, const Expr *Init,
                         unsigned Depth) const;
  TripCount ofContainer(const Expr *Container) const;
  std::optional<uint64_t> constructedCount(const VarDecl &Local) const;
  TripCount ofForLoop(const ForStmt *For) const;
  TripCount ofTest(const Stmt *Loop, const Expr *Cond) const;
  TripCount ofInduction(const ForStmt *For, Comparison Compare,
                        const Expr *Cond) const;
  std::optional<TripCount> ofGrowingContainer(const Stmt *Loop,
                                              Comparison Compare) const;
  TripCount ofRange(const Expr *Init) const;
  TripCount ofCondition(const Expr *Cond) const;

  ASTContext &Ctx;
  uint64_t MaxIterations;
  llvm::Regex WorkerCountNames;
  bool HasWorkerCountNames;
};

} // namespace clang::tidy::unbounded::utils

#endif
