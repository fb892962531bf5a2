//===- Clients.cpp - library clients several checks recognise -------------===//

#include "utils/Clients.h"
#include "utils/AstNavigation.h"
#include "utils/Defaults.h"
#include "utils/Names.h"
#include "utils/SharedOptions.h"

#include "clang/AST/ExprCXX.h"

namespace clang::tidy::unbounded::utils {
namespace {

/// "::create=::release;::create2=" → {create, release}, {create2, ""}.
std::vector<ClientFactory> parseFactories(llvm::StringRef Value) {
  std::vector<ClientFactory> Factories;
  for (const std::string &Item : parseList(Value)) {
    auto [Create, Release] = llvm::StringRef(Item).split('=');
    Factories.push_back({Create.trim().str(), Release.trim().str()});
  }
  return Factories;
}

std::string joinFactories(const std::vector<ClientFactory> &List) {
  std::vector<std::string> Items;
  for (const ClientFactory &F : List)
    Items.push_back(F.Create + "=" + F.Release);
  return joinList(Items);
}

/// The class E makes an object of: a construction (not a copy or a move),
/// or `std::make_unique<T>`/`std::make_shared<T>`.
const CXXRecordDecl *classMadeBy(const Expr &E) {
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(&E))
    return Construct->getConstructor()->isCopyOrMoveConstructor()
               ? nullptr
               : Construct->getConstructor()->getParent();
  const auto *Call = dyn_cast<CallExpr>(&E);
  QualType Made = Call ? typeMadeBy(*Call) : QualType();
  return Made.isNull() ? nullptr : Made->getAsCXXRecordDecl();
}

} // namespace

ClientOptions::ClientOptions(const ClangTidyCheck::OptionsView &Options)
    : Types(parseList(
          sharedOption(Options, "ClientTypes", defaults::ClientTypes))),
      Factories(parseFactories(sharedOption(Options, "ClientFactories",
                                            defaults::ClientFactories))) {}

void ClientOptions::store(const ClangTidyCheck::OptionsView &Options,
                          ClangTidyOptions::OptionMap &Opts) const {
  storeShared(Options, Opts, "ClientTypes", joinList(Types),
              defaults::ClientTypes);
  storeShared(Options, Opts, "ClientFactories", joinFactories(Factories),
              defaults::ClientFactories);
}

std::string ClientOptions::madeBy(const Expr &E) const {
  if (const CXXRecordDecl *Class = classMadeBy(E))
    return isNamedAnyOf(Class, Types) ? Class->getQualifiedNameAsString()
                                      : std::string();
  const auto *Call = dyn_cast<CallExpr>(&E);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  for (const ClientFactory &F : Factories)
    if (isNamedAnyOf(Callee, {F.Create}))
      return Callee->getQualifiedNameAsString();
  return "";
}

} // namespace clang::tidy::unbounded::utils
