//===- Baseline.cpp - accepted findings -----------------------------------===//

#include "Baseline.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FormatVariadic.h"

namespace unbounded::driver {
namespace json = llvm::json;

static constexpr llvm::StringLiteral Schema = "unbounded-tidy-baseline";

llvm::Expected<std::vector<Finding>> parseBaseline(llvm::StringRef Text,
                                                   llvm::StringRef Root) {
  auto Parsed = parseVersioned(Text, Schema, 1);
  if (!Parsed)
    return Parsed.takeError();
  const json::Object *O = Parsed->getAsObject();
  const json::Array *Entries = O->getArray("findings");
  if (!Entries)
    return malformed("no 'findings' array");
  std::vector<Finding> Result;
  for (const json::Value &V : *Entries) {
    auto F = findingFromJson(V, Root);
    if (!F)
      return F.takeError();
    if (F->Fingerprint.empty())
      return malformed("a finding has no string 'fingerprint'");
    F->State = BaselineState::Fixed;
    Result.push_back(std::move(*F));
  }
  return Result;
}

std::string baselineText(const std::vector<Finding> &Findings,
                         llvm::StringRef Root) {
  json::Array Entries;
  for (Finding F : Findings) {
    F.State = BaselineState::None;
    Entries.push_back(toJson(F, Root));
  }
  json::Value Value = json::Object{
      {"schema", Schema}, {"version", 1}, {"findings", std::move(Entries)}};
  return llvm::formatv("{0:2}", Value).str() + "\n";
}

std::vector<Finding> classify(std::vector<Finding> &Findings,
                              const std::vector<Finding> &Baseline) {
  // Fingerprints are unique per report, but count anyway so that a
  // baseline listing one twice matches two findings, not more.
  llvm::StringMap<unsigned> Accepted;
  for (const Finding &F : Baseline)
    ++Accepted[F.Fingerprint];
  for (Finding &F : Findings) {
    auto It = Accepted.find(F.Fingerprint);
    bool Known = It != Accepted.end() && It->second > 0;
    F.State = Known ? BaselineState::Preexisting : BaselineState::Introduced;
    if (Known)
      --It->second;
  }
  std::vector<Finding> Fixed;
  for (const Finding &F : Baseline) {
    auto It = Accepted.find(F.Fingerprint);
    if (It->second == 0)
      continue;
    --It->second;
    Fixed.push_back(F);
    Fixed.back().State = BaselineState::Fixed;
  }
  return Fixed;
}

} // namespace unbounded::driver
