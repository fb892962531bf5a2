//===- Algorithms.h - algorithms that run a callable per element -*- C++
//-*-===//

#ifndef UNBOUNDED_UTILS_ALGORITHMS_H
#define UNBOUNDED_UTILS_ALGORITHMS_H

#include "utils/FunctionParents.h"

#include "clang/AST/Expr.h"
#include <optional>
#include <string>

namespace clang::tidy::unbounded::utils {

/// A call of a standard algorithm that runs its callable once per element:
/// std::for_each, for_each_n, transform, generate, generate_n, and their
/// std::ranges forms. A loop written as a call.
struct AlgorithmCall {
  const CallExpr *Call = nullptr;
  std::string Name;               ///< e.g. "std::for_each", for messages
  const Expr *Callable = nullptr; ///< the function run per element
  const Expr *First = nullptr;    ///< the input range as iterators, or
  const Expr *Last = nullptr;
  const Expr *Range = nullptr;  ///< the input range as a range, or
  const Expr *Count = nullptr;  ///< the number of calls (the _n forms)
  const Expr *Output = nullptr; ///< where the callable's results go
};

/// The algorithm Call is, if it is one of those above.
std::optional<AlgorithmCall> algorithmCall(const CallExpr *Call);

/// The algorithm call that runs Lambda, an expression of the function
/// Parents covers, as its callable.
std::optional<AlgorithmCall> algorithmRunning(const LambdaExpr *Lambda,
                                              const FunctionParents &Parents);

/// The container an output iterator writes into: `std::back_inserter(c)`,
/// `std::inserter(c, it)`, `c.begin()`; or nullptr.
const Expr *outputContainer(const Expr *Output);

} // namespace clang::tidy::unbounded::utils

#endif
