//===- ThreadLifetime.h - does a started thread outlive its scope -*- C++
//-*-===//

#ifndef UNBOUNDED_UTILS_THREADLIFETIME_H
#define UNBOUNDED_UTILS_THREADLIFETIME_H

#include "utils/FunctionParents.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include <optional>
#include <string>

namespace clang::tidy::unbounded::utils {

/// How a thread of execution is started, which decides how it is joined.
enum class SpawnKind {
  ThreadObject,  ///< a thread class constructed (std::thread t(f))
  ThreadPointer, ///< new / make_unique / make_shared of a thread class
  ThreadInPlace, ///< emplace_back(f) into a container of threads, or a
                 ///< thread group's create_thread(f)
  Future,        ///< std::async: the future's destructor waits
  Handle,        ///< pthread_create(&tid, ...): joined or detached by handle
  Detached,      ///< a function whose thread always outlives the call
};

/// What becomes of a started thread relative to one run of a scope.
enum class ThreadFate {
  Joined,      ///< joined or waited for within the scope
  Scoped,      ///< owned by something that ends with the scope
  Detached,    ///< detached: nobody waits for it
  Stored,      ///< kept in storage that outlives the scope
  NeverJoined, ///< a joinable handle nobody joins or detaches
  Unknown,     ///< handed to code this analysis does not follow
};

struct ThreadLifetime {
  ThreadFate Fate = ThreadFate::Unknown;
  const Stmt *Where = nullptr;           ///< the detach, store or assignment
  std::string Holder;                    ///< Stored: the storage, as spelled
  const ValueDecl *HolderDecl = nullptr; ///< Stored: the storage's variable
  /// Unknown: the project function the thread is handed to (Where is the
  /// call), whose parameter ReceiverParam receives it; what that function
  /// does with it is a fact (`thread-param`) of wherever it is defined.
  const FunctionDecl *Receiver = nullptr;
  unsigned ReceiverParam = 0;
};

/// Where Function keeps what its parameter Index receives: the member or
/// global container it inserts it into (`threads_.push_back(std::move(t))`).
struct KeptParameter {
  const ValueDecl *Storage;
  const CXXMemberCallExpr *Insert;
};
std::optional<KeptParameter> keptParameter(const FunctionDecl &Function,
                                           unsigned Index);

/// Whether a thread with this fate can outlive the scope it started in.
bool outlives(ThreadFate Fate);

/// Whether a member named Name waits for a thread or a future to finish:
/// join, get, wait and their timed forms.
bool isWaitName(llvm::StringRef Name);

/// The fate of the thread started by Spawn within one run of Scope, both
/// in the function Parents covers. JoinsOnDestruction: the thread class
/// joins in its destructor (std::jthread). For Handle, Spawn is the create
/// call; for ThreadInPlace, the emplace call.
ThreadLifetime threadLifetime(const Expr *Spawn, SpawnKind Kind,
                              bool JoinsOnDestruction, const Stmt *Scope,
                              const FunctionParents &Parents, ASTContext &Ctx);

} // namespace clang::tidy::unbounded::utils

#endif
