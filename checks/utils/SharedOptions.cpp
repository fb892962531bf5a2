//===- SharedOptions.cpp - options several checks read --------------------===//

#include "utils/SharedOptions.h"

namespace clang::tidy::unbounded::utils {
namespace {

/// The module-wide key of the shared option Name.
std::string sharedKey(llvm::StringRef Name) {
  return (SharedOptionPrefix + Name).str();
}

} // namespace

// getLocalOrGlobal(unbounded.<Name>) finds the module-wide key (it would
// also take <check>.unbounded.<Name>, which nothing documents); the local
// <check>.<Name> is read first so that it overrides.
std::string sharedOption(const ClangTidyCheck::OptionsView &Options,
                         llvm::StringRef Name, llvm::StringRef Default) {
  if (std::optional<llvm::StringRef> Local = Options.get(Name))
    return Local->str();
  return Options.getLocalOrGlobal(sharedKey(Name), Default).str();
}

unsigned sharedOption(const ClangTidyCheck::OptionsView &Options,
                      llvm::StringRef Name, unsigned Default) {
  if (std::optional<unsigned> Local = Options.get<unsigned>(Name))
    return *Local;
  return Options.getLocalOrGlobal(sharedKey(Name), Default);
}

void storeShared(const ClangTidyCheck::OptionsView &Options,
                 ClangTidyOptions::OptionMap &Opts, llvm::StringRef Name,
                 llvm::StringRef Value, llvm::StringRef Default) {
  Options.store(Opts, Name, Value);
  Opts[sharedKey(Name)] = ClangTidyOptions::ClangTidyValue(
      Options.getLocalOrGlobal(sharedKey(Name), Default));
}

void storeShared(const ClangTidyCheck::OptionsView &Options,
                 ClangTidyOptions::OptionMap &Opts, llvm::StringRef Name,
                 unsigned Value, unsigned Default) {
  Options.store(Opts, Name, Value);
  Opts[sharedKey(Name)] = ClangTidyOptions::ClangTidyValue(
      std::to_string(Options.getLocalOrGlobal(sharedKey(Name), Default)));
}

} // namespace clang::tidy::unbounded::utils
