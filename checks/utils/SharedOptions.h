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
#include <vector>

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

/// The shared options that say what makes a loop unbounded and a function a
/// request handler: MaxIterations, WorkerCountPattern,
/// HandlerRegistrationPattern and RequestTypePattern.
struct LoopOptions {
  explicit LoopOptions(const ClangTidyCheck::OptionsView &Options);
  /// Stores the four as storeShared does.
  void store(const ClangTidyCheck::OptionsView &Options,
             ClangTidyOptions::OptionMap &Opts) const;

  unsigned MaxIterations;
  std::string WorkerCountPattern;
  std::string HandlerRegistrationPattern;
  std::string RequestTypePattern;
};

/// The shared options that name limiters: LimiterFunctions and
/// LimiterTypePattern.
struct LimiterOptions {
  explicit LimiterOptions(const ClangTidyCheck::OptionsView &Options);
  /// Stores the two as storeShared does.
  void store(const ClangTidyCheck::OptionsView &Options,
             ClangTidyOptions::OptionMap &Opts) const;

  std::vector<std::string> Functions;
  std::string TypePattern;
};

/// LimiterOptions and the shared CounterPattern, for the checks that take
/// in-flight counters compared with a maximum as limiters too.
struct CountingLimiterOptions : LimiterOptions {
  explicit CountingLimiterOptions(const ClangTidyCheck::OptionsView &Options);
  /// Stores the three as storeShared does.
  void store(const ClangTidyCheck::OptionsView &Options,
             ClangTidyOptions::OptionMap &Opts) const;

  std::string CounterPattern;
};

} // namespace clang::tidy::unbounded::utils

#endif
