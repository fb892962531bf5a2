//===- ClientLimitsCheck.h - unbounded-client-limits ------------*- C++ -*-===//

#ifndef UNBOUNDED_CLIENTLIMITSCHECK_H
#define UNBOUNDED_CLIENTLIMITSCHECK_H

#include "utils/FunctionParents.h"

#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/DenseSet.h"
#include <memory>

namespace clang::tidy::unbounded {

/// Finds shared clients and servers set up without the connection, queue or
/// thread limits their library offers: a libcurl multi handle without
/// CURLMOPT_MAX_TOTAL_CONNECTIONS/CURLMOPT_MAX_HOST_CONNECTIONS, a
/// cpp-httplib server left with its unbounded default task queue, a gRPC
/// server built without a resource quota or maximum pollers, a redis++
/// client without a socket timeout.
///
/// For the user-facing documentation see:
/// docs/checks/unbounded-client-limits.md
class ClientLimitsCheck : public ClangTidyCheck {
public:
  ClientLimitsCheck(StringRef Name, ClangTidyContext *Context)
      : ClangTidyCheck(Name, Context) {}
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
  void onEndOfTranslationUnit() override;

  /// The libraries this check knows.
  enum class Library { CurlMulti, HttplibServer, GrpcServerBuilder };

private:
  void checkHandle(const ValueDecl &Handle, const Expr *Creation, Library Kind);
  /// A redis++ client built from a URI without `socket_timeout`, or from
  /// local ConnectionOptions whose socket_timeout its function never sets.
  void checkRedis(SourceLocation Loc, llvm::ArrayRef<const Expr *> Args);
  bool setsSocketTimeout(const VarDecl &Options) const;
  bool configuredIn(const FunctionDecl &Function, const ValueDecl &Handle,
                    Library Kind, bool &Escapes, bool &Started) const;

  ASTContext *Context = nullptr;
  std::unique_ptr<utils::FunctionIndex> Functions;
  llvm::DenseSet<const ValueDecl *> Reported;
};

} // namespace clang::tidy::unbounded

#endif
