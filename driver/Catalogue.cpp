//===- Catalogue.cpp - the embedded check catalogue -----------------------===//

#include "Catalogue.h"

#include "llvm/Support/ErrorHandling.h"
#include "llvm/Support/JSON.h"

#include "EmbeddedCatalogue.inc"

namespace unbounded::driver {
namespace {

std::string field(const llvm::json::Object &O, llvm::StringRef Key) {
  if (auto Value = O.getString(Key))
    return Value->str();
  return "";
}

std::vector<std::string> strings(const llvm::json::Object &O,
                                 llvm::StringRef Key) {
  std::vector<std::string> Result;
  if (const auto *Array = O.getArray(Key))
    for (const auto &Value : *Array)
      if (auto S = Value.getAsString())
        Result.push_back(S->str());
  return Result;
}

template <typename T, typename Fn>
std::vector<T> each(const llvm::json::Object &Root, llvm::StringRef Key,
                    Fn Make) {
  std::vector<T> Result;
  if (const auto *Array = Root.getArray(Key))
    for (const auto &Value : *Array)
      if (const auto *O = Value.getAsObject())
        Result.push_back(Make(*O));
  return Result;
}

Catalogue parse() {
  auto Parsed = llvm::json::parse(EmbeddedCatalogue);
  if (!Parsed)
    llvm::report_fatal_error("the embedded catalogue is not valid JSON");
  const auto *Root = Parsed->getAsObject();
  if (!Root)
    llvm::report_fatal_error("the embedded catalogue is not an object");
  Catalogue C;
  C.CaseStudies = each<CaseStudy>(*Root, "case_studies", [](const auto &O) {
    return CaseStudy{field(O, "id"), field(O, "title"), field(O, "root_cause"),
                     field(O, "impact"), field(O, "prevention")};
  });
  C.Checklist = each<ChecklistItem>(*Root, "checklist", [](const auto &O) {
    ChecklistItem Item{field(O, "id"),
                       field(O, "section"),
                       field(O, "text"),
                       field(O, "verifiable"),
                       {}};
    if (const auto *Alternatives = O.getArray("families"))
      for (const auto &Alternative : *Alternatives)
        if (const auto *All = Alternative.getAsArray()) {
          Item.Families.emplace_back();
          for (const auto &Id : *All)
            if (auto S = Id.getAsString())
              Item.Families.back().push_back(S->str());
        }
    return Item;
  });
  C.MetricFamilies =
      each<MetricFamilyInfo>(*Root, "metric_families", [](const auto &O) {
        return MetricFamilyInfo{field(O, "id"), field(O, "text"),
                                strings(O, "patterns"),
                                O.getBoolean("rate").value_or(false)};
      });
  C.Checks = each<CheckInfo>(*Root, "checks", [](const auto &O) {
    return CheckInfo{field(O, "name"),     field(O, "case_study"),
                     field(O, "severity"), field(O, "summary"),
                     field(O, "doc"),      strings(O, "checklist")};
  });
  return C;
}

} // namespace

const CheckInfo *Catalogue::check(llvm::StringRef Name) const {
  for (const CheckInfo &Info : Checks)
    if (Info.Name == Name)
      return &Info;
  return nullptr;
}

const CaseStudy *Catalogue::study(llvm::StringRef Id) const {
  for (const CaseStudy &Study : CaseStudies)
    if (Study.Id == Id)
      return &Study;
  return nullptr;
}

const ChecklistItem *Catalogue::item(llvm::StringRef Id) const {
  for (const ChecklistItem &Item : Checklist)
    if (Item.Id == Id)
      return &Item;
  return nullptr;
}

const MetricFamilyInfo *Catalogue::family(llvm::StringRef Id) const {
  for (const MetricFamilyInfo &Family : MetricFamilies)
    if (Family.Id == Id)
      return &Family;
  return nullptr;
}

std::vector<const CheckInfo *> Catalogue::checksFor(llvm::StringRef Id) const {
  std::vector<const CheckInfo *> Result;
  for (const CheckInfo &Info : Checks)
    for (const std::string &Item : Info.Checklist)
      if (Item == Id)
        Result.push_back(&Info);
  return Result;
}

const Catalogue &catalogue() {
  static const Catalogue Instance = parse();
  return Instance;
}

std::string severityOf(llvm::StringRef Check) {
  if (Check.starts_with("clang-diagnostic-error") ||
      Check == "unbounded-tidy-error")
    return "error";
  if (const CheckInfo *Info = catalogue().check(Check))
    return Info->Severity;
  return "medium";
}

} // namespace unbounded::driver
