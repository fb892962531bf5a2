//===- Arguments.cpp - which argument of a call carries a value -----------===//

#include "utils/Arguments.h"
#include "utils/Names.h"

namespace clang::tidy::unbounded::utils {

std::vector<NamedArgument> parseNamedArguments(llvm::StringRef Value) {
  std::vector<NamedArgument> Items;
  for (const std::string &Item : parseList(Value)) {
    auto [Name, Index] = llvm::StringRef(Item).rsplit(':');
    unsigned Argument = 0;
    // "::ns::Queue" has no index: rsplit leaves "::ns:" and "Queue".
    if (Index.empty()) {
      Items.push_back({Name.trim().str(), 0});
      continue;
    }
    if (Index.getAsInteger(10, Argument)) {
      Items.push_back({Item, 0});
      continue;
    }
    Items.push_back({Name.trim().str(), Argument});
  }
  return Items;
}

std::string joinNamedArguments(const std::vector<NamedArgument> &Items) {
  std::vector<std::string> Joined;
  for (const NamedArgument &Item : Items)
    Joined.push_back(Item.Name + ":" + std::to_string(Item.Argument));
  return joinList(Joined);
}

std::vector<std::string> namesOf(const std::vector<NamedArgument> &Items) {
  std::vector<std::string> Names;
  for (const NamedArgument &Item : Items)
    Names.push_back(Item.Name);
  return Names;
}

std::optional<unsigned> sizeArgument(const CXXRecordDecl &Record,
                                     const CXXConstructorDecl *Ctor,
                                     llvm::ArrayRef<NamedArgument> Known,
                                     const llvm::Regex &ParameterNames) {
  for (const NamedArgument &Type : Known)
    if (isNamedAnyOf(&Record, {Type.Name}))
      return Type.Argument;
  if (!Ctor)
    return std::nullopt;
  for (unsigned I = 0; I < Ctor->getNumParams(); ++I) {
    const ParmVarDecl *Param = Ctor->getParamDecl(I);
    if (Param->getDeclName().isIdentifier() &&
        ParameterNames.match(Param->getName()) &&
        Param->getType()->isIntegerType())
      return I;
  }
  return std::nullopt;
}

} // namespace clang::tidy::unbounded::utils
