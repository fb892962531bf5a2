//===- SharedOptions.cpp - options several checks read --------------------===//

#include "utils/SharedOptions.h"
#include "utils/Defaults.h"
#include "utils/Names.h"

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

LoopOptions::LoopOptions(const ClangTidyCheck::OptionsView &Options)
    : MaxIterations(
          sharedOption(Options, "MaxIterations", defaults::MaxIterations)),
      WorkerCountPattern(sharedOption(Options, "WorkerCountPattern",
                                      defaults::WorkerCountPattern)),
      HandlerRegistrationPattern(
          sharedOption(Options, "HandlerRegistrationPattern",
                       defaults::HandlerRegistrationPattern)),
      RequestTypePattern(sharedOption(Options, "RequestTypePattern",
                                      defaults::RequestTypePattern)) {}

void LoopOptions::store(const ClangTidyCheck::OptionsView &Options,
                        ClangTidyOptions::OptionMap &Opts) const {
  storeShared(Options, Opts, "MaxIterations", MaxIterations,
              defaults::MaxIterations);
  storeShared(Options, Opts, "WorkerCountPattern", WorkerCountPattern,
              defaults::WorkerCountPattern);
  storeShared(Options, Opts, "HandlerRegistrationPattern",
              HandlerRegistrationPattern, defaults::HandlerRegistrationPattern);
  storeShared(Options, Opts, "RequestTypePattern", RequestTypePattern,
              defaults::RequestTypePattern);
}

LimiterOptions::LimiterOptions(const ClangTidyCheck::OptionsView &Options)
    : Functions(parseList(sharedOption(Options, "LimiterFunctions",
                                       defaults::LimiterFunctions))),
      TypePattern(sharedOption(Options, "LimiterTypePattern",
                               defaults::LimiterTypePattern)) {}

void LimiterOptions::store(const ClangTidyCheck::OptionsView &Options,
                           ClangTidyOptions::OptionMap &Opts) const {
  storeShared(Options, Opts, "LimiterFunctions", joinList(Functions),
              defaults::LimiterFunctions);
  storeShared(Options, Opts, "LimiterTypePattern", TypePattern,
              defaults::LimiterTypePattern);
}

CountingLimiterOptions::CountingLimiterOptions(
    const ClangTidyCheck::OptionsView &Options)
    : LimiterOptions(Options),
      CounterPattern(
          sharedOption(Options, "CounterPattern", defaults::CounterPattern)) {}

void CountingLimiterOptions::store(const ClangTidyCheck::OptionsView &Options,
                                   ClangTidyOptions::OptionMap &Opts) const {
  LimiterOptions::store(Options, Opts);
  storeShared(Options, Opts, "CounterPattern", CounterPattern,
              defaults::CounterPattern);
}

} // namespace clang::tidy::unbounded::utils
