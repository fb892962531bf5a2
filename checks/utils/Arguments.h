//===- Arguments.h - which argument of a call carries a value ---*- C++ -*-===//

#ifndef UNBOUNDED_UTILS_ARGUMENTS_H
#define UNBOUNDED_UTILS_ARGUMENTS_H

#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Regex.h"
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::unbounded::utils {

/// A qualified name and the index of one of its arguments: a queue type
/// and its capacity argument, a pool type and its thread-count argument, or
/// a function and its capacity parameter.
struct NamedArgument {
  std::string Name;
  unsigned Argument = 0;
};

/// "::ns::Queue:1;::ns::Ring" → {("::ns::Queue", 1), ("::ns::Ring", 0)}.
std::vector<NamedArgument> parseNamedArguments(llvm::StringRef Value);

/// The form parseNamedArguments reads.
std::string joinNamedArguments(const std::vector<NamedArgument> &Items);

/// The names of a list of NamedArgument, for hasAnyName.
std::vector<std::string> namesOf(const std::vector<NamedArgument> &Items);

/// The constructor argument that sizes an object of class Record (a queue's
/// capacity, a pool's thread count): the index Known gives for Record, else
/// the first integer parameter of Ctor named like ParameterNames (none
/// without Ctor).
std::optional<unsigned> sizeArgument(const CXXRecordDecl &Record,
                                     const CXXConstructorDecl *Ctor,
                                     llvm::ArrayRef<NamedArgument> Known,
                                     const llvm::Regex &ParameterNames);

} // namespace clang::tidy::unbounded::utils

#endif
