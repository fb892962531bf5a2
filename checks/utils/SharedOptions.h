//===- SharedOptions.h - options several checks read ------------*- C++ -*-===//
///
/// \file
/// Module-wide options: unbounded.<Name> sets <Name> for every check that
/// reads it, and a check's own <check>.<Name> overrides it for that check.
/// docs/configuration.md describes them; their defaults are in Defaults.h.
///
//===----------------------------------------------------------------------===//
#ifndef UNBOUNDED_UTILS_SHAREDOPTIONS_H
#define UNBOUNDED_UTILS_SHAREDOPTIONS_H

#include "clang-tidy/ClangTidyCheck.h"
#include <string>

namespace clang::tidy::unbounded::utils {

/// The prefix of the module-wide options.
inline constexpr llvm::StringLiteral SharedOptionPrefix = "unbounded.";

/// The check's own value of the shared option Name, else unbounded.<Name>,
/// else Default.
std::string sharedOption(const ClangTidyCheck::OptionsView &Options,
                         llvm::StringRef Name, llvm::StringRef Default);
unsigned sharedOption(const ClangTidyCheck::OptionsView &Options,
                      llvm::StringRef Name, unsigned Default);

/// Stores the check's value of the shared option Name and the module-wide
/// value (unbounded.<Name>, else Default), so --dump-config shows both.
void storeShared(const ClangTidyCheck::OptionsView &Options,
                 ClangTidyOptions::OptionMap &Opts, llvm::StringRef Name,
                 llvm::StringRef Value, llvm::StringRef Default);
void storeShared(const ClangTidyCheck::OptionsView &Options,
                 ClangTidyOptions::OptionMap &Opts, llvm::StringRef Name,
                 unsigned Value, unsigned Default);

} // namespace clang::tidy::unbounded::utils

#endif
