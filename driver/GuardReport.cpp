//===- GuardReport.cpp - runtime evidence for the checklist ---------------===//

#include "GuardReport.h"

#include "Catalogue.h"

namespace unbounded::driver {
namespace json = llvm::json;

static llvm::Expected<GuardEvidence> parseEntry(const json::Value &V) {
  const json::Object *O = V.getAsObject();
  if (!O)
    return malformed("a 'checklist' entry is not an object");
  auto Id = O->getString("id");
  auto State = O->getString("state");
  if (!Id || !State)
    return malformed("a 'checklist' entry needs string 'id' and 'state'");
  if (!catalogue().item(*Id))
    return malformed("unknown checklist item '" + *Id + "'");
  if (*State != "passed" && *State != "failed")
    return malformed("'state' of '" + *Id + "' is not passed or failed");
  GuardEvidence E;
  E.Item = Id->str();
  E.Passed = *State == "passed";
  if (const json::Value *Evidence = O->get("evidence")) {
    auto Text = Evidence->getAsString();
    if (!Text)
      return malformed("'evidence' of '" + *Id + "' is not a string");
    E.Evidence = Text->str();
  }
  return E;
}

llvm::Expected<std::vector<GuardEvidence>>
parseGuardReport(llvm::StringRef Text) {
  auto Parsed = json::parse(Text);
  if (!Parsed)
    return Parsed.takeError();
  const json::Object *O = Parsed->getAsObject();
  if (!O)
    return malformed("not a JSON object");
  if (const json::Value *Schema = O->get("schema"))
    if (Schema->getAsString() !=
        std::optional<llvm::StringRef>("unbounded-guard-report"))
      return malformed("'schema' is not \"unbounded-guard-report\"");
  const json::Array *Items = O->getArray("checklist");
  if (!Items)
    return malformed("no 'checklist' array");
  std::vector<GuardEvidence> Result;
  for (const json::Value &V : *Items) {
    auto E = parseEntry(V);
    if (!E)
      return E.takeError();
    Result.push_back(std::move(*E));
  }
  return Result;
}

} // namespace unbounded::driver
