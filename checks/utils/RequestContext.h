//===- RequestContext.h - what runs once per request or item ----*- C++ -*-===//

#ifndef UNBOUNDED_UTILS_REQUESTCONTEXT_H
#define UNBOUNDED_UTILS_REQUESTCONTEXT_H

#include "utils/FunctionParents.h"
#include "utils/LoopBounds.h"

#include <optional>
#include <string>

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/Support/Regex.h"

namespace clang::tidy::unbounded::utils {

/// Where a statement runs an unbounded number of times.
enum class ContextKind {
  None,    ///< once per call of its function, as far as this function shows
  Loop,    ///< once per iteration of a loop with no small bound, or per
           ///< element of an algorithm (std::for_each) over such a range
  Handler, ///< once per request: a registered request/message handler, or
           ///< a generated gRPC service method's override
};

/// The innermost unbounded context around a statement.
struct ExecutionContext {
  ContextKind Kind = ContextKind::None;
  /// One run of this statement is one iteration or one request: the loop
  /// body, the handler's body, or (None) the enclosing function's body.
  const Stmt *Scope = nullptr;
  const Stmt *Loop = nullptr; ///< Loop: the loop, or the algorithm's call
  TripCount Bound;            ///< Loop: its trip count
  const CallExpr *Registration = nullptr; ///< Handler: the registering call
  const FunctionDecl *Rpc = nullptr;      ///< Handler: or the RPC override
  /// Handler: or the server request the enclosing function takes.
  const ParmVarDecl *Request = nullptr;
  const FunctionDecl *Function = nullptr; ///< the enclosing named function
  /// None: S sits behind a guard that lets it run once (insideOnceGuard)
  /// in what would otherwise be a loop's iteration or a request.
  bool Once = false;
};

/// Whether S, a statement of the function Parents covers, runs at most once
/// per run of Within (a loop, a handler's body, the function's body): it is
/// in the branch of an `if` that tests a variable against one value (`if
/// (fd_ == -1)`, `if (count == 0)`, `if (!started_)`) and that branch
/// changes the variable (`fd_ = connect(...)`, `++count`, `started_ =
/// true`), and the variable outlives Within (a member, a global, a static,
/// or a local declared outside Within).
bool insideOnceGuard(const Stmt *S, const FunctionParents &Parents,
                     const Stmt *Within);

/// A note saying why a context runs without bound.
struct ContextNote {
  SourceLocation Loc;
  std::string Text;
};

/// The note for Where: at the unbounded loop ("the loop is unbounded: ..."),
/// at the handler's registration or at the RPC method; nothing for
/// ContextKind::None.
std::optional<ContextNote> contextNote(const ExecutionContext &Where,
                                       const LoopBounds &Bounds);

/// Whether Function overrides a method of a generated gRPC service, which
/// the server calls once per RPC: its first parameter is a
/// grpc::ServerContext* or grpc::CallbackServerContext*; or a protobuf RPC
/// method (isProtobufRpcOverride).
bool isRpcOverride(const FunctionDecl &Function);

/// Whether Function overrides a method that takes a
/// google::protobuf::RpcController*: a generated protobuf service method,
/// or an RpcChannel's CallMethod, each run once per RPC.
bool isProtobufRpcOverride(const FunctionDecl &Function);

/// Whether Call stores a handler into a route table keyed by a request path:
/// `server.resource["^/work$"]["GET"] = handler` (std::function's
/// operator=, one subscript of the chain a path literal).
bool isRouteAssignment(const CallExpr *Call);

/// Finds loops and request handlers that make code run without bound.
class RequestContext {
public:
  /// RegistrationPattern: a regex matched against the unqualified name of a
  /// function whose callable argument is a request or message handler.
  /// RequestTypePattern: a regex matched against the qualified name of a
  /// server's request class; a function taking one runs once per request.
  /// Either may be empty (none).
  RequestContext(const LoopBounds &Bounds, llvm::StringRef RegistrationPattern,
                 llvm::StringRef RequestTypePattern);

  /// The innermost unbounded loop or handler around S, a statement of the
  /// function Parents covers; otherwise Kind None with that function.
  ExecutionContext enclosing(const Stmt *S,
                             const FunctionParents &Parents) const;

  /// Whether Call registers a handler (its callee's name matches).
  bool isRegistration(const CallExpr *Call) const;

  /// The call that registers the callable expression E as a handler, if E
  /// is an argument of one (through conversions such as std::function), or
  /// the assignment that stores it into a route table.
  const CallExpr *registrationOf(const Expr *E,
                                 const FunctionParents &Parents) const;

  /// The functions a registration call passes as handlers: `handle`,
  /// `&Service::handle`, `std::bind(&Service::handle, this, _1)`.
  llvm::SmallVector<const FunctionDecl *, 2>
  registeredFunctions(const CallExpr *Registration) const;

  /// The parameter of Function that holds a server's request: its type,
  /// through references, pointers and std::shared_ptr/std::unique_ptr, is a
  /// class whose qualified name the RequestTypePattern matches (`const
  /// crow::request &`, `const drogon::HttpRequestPtr &`, `evhttp_request *`).
  const ParmVarDecl *requestParameter(const FunctionDecl &Function) const;

private:
  bool classifyLoop(const Stmt *Node, const Stmt *Loop, TripCount Bound,
                    ExecutionContext &Result) const;
  bool classify(const Stmt *Node, const Stmt *Parent,
                const FunctionParents &Parents, ExecutionContext &Result) const;

  const LoopBounds &Bounds;
  llvm::Regex RegistrationNames;
  bool HasRegistrationNames;
  llvm::Regex RequestTypes;
  bool HasRequestTypes;
};

} // namespace clang::tidy::unbounded::utils

#endif
