//===- Fuzz-facts.cpp - fuzz the facts parsers ----------------------------===//
#include "Facts.h"
#include "FuzzCommon.h"

#include "llvm/Support/FormatVariadic.h"

using namespace unbounded::facts;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text = asText(Data, Size);
  // A project facts file: whatever parses must round-trip.
  if (auto Project = Project::fromJson(Text)) {
    std::string Again = llvm::formatv("{0}", Project->toJson()).str();
    auto Reparsed = Project::fromJson(Again);
    if (!Reparsed)
      __builtin_trap();
  } else {
    llvm::consumeError(Project.takeError());
  }
  // One unit's facts (inside a worker result or a shard report): whatever
  // parses must join and resolve its uses.
  auto Json = llvm::json::parse(Text);
  if (!Json) {
    llvm::consumeError(Json.takeError());
    return 0;
  }
  auto Unit = unitFromJson(*Json);
  if (!Unit) {
    llvm::consumeError(Unit.takeError());
    return 0;
  }
  const UnitFacts *Units[] = {&*Unit};
  Project Joined = Project::join(Units);
  Joined.resolve(Unit->Uses);
  return 0;
}
