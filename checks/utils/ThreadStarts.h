//===- ThreadStarts.h - where a thread of execution starts ------*- C++ -*-===//

#ifndef UNBOUNDED_UTILS_THREADSTARTS_H
#define UNBOUNDED_UTILS_THREADSTARTS_H

#include "utils/ThreadLifetime.h"

#include "clang/ASTMatchers/ASTMatchFinder.h"
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::unbounded::utils {

/// The names that make an expression start a thread.
struct ThreadStartNames {
  std::vector<std::string> ThreadClasses;        ///< std::thread, ...
  std::vector<std::string> JoiningThreadClasses; ///< std::jthread, ...
  std::vector<std::string> AsyncFunctions;       ///< std::async, ...
  std::vector<std::string> CreateFunctions;      ///< pthread_create, ...
  std::vector<std::string> DetachedSpawnFunctions;
  /// Methods that start a thread kept in their object (a thread group).
  std::vector<std::string> GroupStartFunctions;
};

/// A place that starts a thread of execution.
struct ThreadStart {
  const Expr *E = nullptr;
  SpawnKind Kind = SpawnKind::ThreadObject;
  bool JoinsOnDestruction = false;
  std::string What; ///< the thread class or function, for messages
};

/// Registers with Finder the matchers that find thread starts in user code;
/// threadStartOf reads what they bound.
void registerThreadStartMatchers(
    ast_matchers::MatchFinder &Finder,
    ast_matchers::MatchFinder::MatchCallback &Check,
    const ThreadStartNames &Names);

/// The thread start a match of those matchers found, if it is one
/// (std::async with std::launch::deferred and moves of a running thread
/// are not).
std::optional<ThreadStart>
threadStartOf(const ast_matchers::MatchFinder::MatchResult &Result,
              const ThreadStartNames &Names);

/// The thread start nodes bound by those matchers describe.
std::optional<ThreadStart> threadStartOf(const ast_matchers::BoundNodes &Nodes,
                                         const ThreadStartNames &Names);

/// Whether E itself starts a thread, asked of one expression without a
/// MatchFinder (for summaries of functions that start threads).
std::optional<ThreadStart>
threadStartAt(const Expr &E, const ThreadStartNames &Names, ASTContext &Ctx);

/// The function the new thread runs, where the start names it directly:
/// `&Pool::worker`, `worker`, or a lambda's call operator.
const FunctionDecl *threadFunction(const ThreadStart &Start);

} // namespace clang::tidy::unbounded::utils

#endif
