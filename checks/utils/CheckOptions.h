//===- CheckOptions.h - every check option value, validated -----*- C++ -*-===//
///
/// \file
/// The one place that knows what each unbounded-* option accepts (a regular
/// expression, an integer, a bool or a free-form list) and rejects a value it
/// cannot take. The module reports such values as configuration errors when
/// it creates a check; the driver refuses them before linting.
///
//===----------------------------------------------------------------------===//
#ifndef UNBOUNDED_UTILS_CHECKOPTIONS_H
#define UNBOUNDED_UTILS_CHECKOPTIONS_H

#include "clang-tidy/ClangTidyCheck.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyOptions.h"
#include <string>
#include <vector>

namespace clang::tidy::unbounded::utils {

/// One line per configured option of CheckName, and per module-wide
/// unbounded.<Name> option, whose value its option cannot take: "invalid
/// configuration value 'abc' for option
/// 'unbounded-thread-creation.MaxIterations'; expected an integer".
std::vector<std::string>
optionProblems(llvm::StringRef CheckName,
               const ClangTidyOptions::OptionMap &Options);

/// Registers CheckT under Name; creating it first reports each bad option
/// value as a configuration diagnostic (clang-tidy-config).
template <typename CheckT>
void registerValidatedCheck(ClangTidyCheckFactories &Factories,
                            llvm::StringRef Name) {
  Factories.registerCheckFactory(
      Name,
      [](llvm::StringRef CheckName,
         ClangTidyContext *Context) -> std::unique_ptr<ClangTidyCheck> {
        for (const std::string &Problem :
             optionProblems(CheckName, Context->getOptions().CheckOptions))
          Context->configurationDiag(Problem);
        return std::make_unique<CheckT>(CheckName, Context);
      });
}

} // namespace clang::tidy::unbounded::utils

#endif
