//===- CheckProbe.cpp - did the unbounded-* checks run on a file? ---------===//

#include "CheckProbe.h"

#include "clang-tidy/ClangTidyCheck.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"
#include "llvm/ADT/StringSet.h"

#include <mutex>
#include <utility>

using namespace clang::tidy;

namespace unbounded::clangd {
namespace {

constexpr llvm::StringLiteral Prefix = "unbounded-";

std::mutex FilesMutex;
llvm::StringSet<> Files; // guarded by FilesMutex

void record(llvm::StringRef File) {
  std::lock_guard<std::mutex> Lock(FilesMutex);
  Files.insert(File);
}

/// Registered after the check library's module, so clangd hands it the
/// factories already collected and it can wrap ours in place.
class ProbeModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &Factories) override {
    std::vector<std::pair<std::string, ClangTidyCheckFactories::CheckFactory>>
        Ours;
    for (const auto &Entry : Factories)
      if (Entry.getKey().starts_with(Prefix))
        Ours.emplace_back(Entry.getKey().str(), Entry.getValue());
    for (auto &[Name, Create] : Ours)
      Factories.registerCheckFactory(
          Name, [Create = std::move(Create)](llvm::StringRef Name,
                                             ClangTidyContext *Context) {
            record(Context->getCurrentFile());
            return Create(Name, Context);
          });
  }
};

} // namespace

std::vector<std::string> builtInChecks() {
  ClangTidyCheckFactories Factories;
  for (const auto &Entry : ClangTidyModuleRegistry::entries())
    Entry.instantiate()->addCheckFactories(Factories);
  std::vector<std::string> Names;
  for (const auto &Entry : Factories)
    if (Entry.getKey().starts_with(Prefix))
      Names.push_back(Entry.getKey().str());
  llvm::sort(Names);
  return Names;
}

void installCheckProbe() {
  static ClangTidyModuleRegistry::Add<ProbeModule> Probe(
      "unbounded-clangd-probe",
      "Records the files the unbounded-* checks run on.");
}

bool checksRanOn(llvm::StringRef File) {
  std::lock_guard<std::mutex> Lock(FilesMutex);
  return Files.contains(File);
}

bool checksRanAnywhere() {
  std::lock_guard<std::mutex> Lock(FilesMutex);
  return !Files.empty();
}

} // namespace unbounded::clangd
