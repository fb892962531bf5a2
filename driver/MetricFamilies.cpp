//===- MetricFamilies.cpp - which metric names count as what --------------===//

#include "MetricFamilies.h"

#include "llvm/ADT/StringExtras.h"

namespace unbounded::driver {

static llvm::Error addPattern(
    std::map<std::string, std::vector<std::shared_ptr<llvm::Regex>>> &Into,
    llvm::StringRef Family, llvm::StringRef Pattern) {
  auto Compiled = std::make_shared<llvm::Regex>(Pattern);
  std::string Why;
  if (!Compiled->isValid(Why))
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "invalid regex '" + Pattern + "' for " +
                                       Family + ": " + Why);
  Into[Family.str()].push_back(std::move(Compiled));
  return llvm::Error::success();
}

llvm::Expected<MetricFamilies>
MetricFamilies::create(const std::vector<std::string> &Extra) {
  MetricFamilies Result;
  for (const MetricFamilyInfo &Family : catalogue().MetricFamilies)
    for (const std::string &Pattern : Family.Patterns)
      if (auto E = addPattern(Result.Patterns, Family.Id, Pattern))
        return std::move(E);
  for (llvm::StringRef Spec : Extra) {
    auto [Family, Pattern] = Spec.split('=');
    if (Pattern.empty() || !catalogue().family(Family))
      return llvm::createStringError(
          llvm::inconvertibleErrorCode(),
          "--metric-family needs <family>=<regex> with a family of the "
          "catalogue, got '" +
              Spec + "'");
    if (auto E = addPattern(Result.Patterns, Family, Pattern))
      return std::move(E);
  }
  return Result;
}

const MetricFamilies &MetricFamilies::defaults() {
  static const MetricFamilies Instance = llvm::cantFail(create({}));
  return Instance;
}

bool MetricFamilies::matches(llvm::StringRef Family,
                             llvm::StringRef Selector) const {
  auto It = Patterns.find(Family.str());
  if (It == Patterns.end())
    return false;
  // Patterns see the whole selector (label matchers tell errors apart) and
  // the bare name (anchored name patterns).
  llvm::StringRef Name = Selector.split('{').first;
  for (const auto &Pattern : It->second)
    if (Pattern->match(Selector) || Pattern->match(Name))
      return true;
  return false;
}

std::vector<std::string>
MetricFamilies::evidenceFor(const ChecklistItem &Item,
                            const std::vector<std::string> &Series) const {
  for (const std::vector<std::string> &Alternative : Item.Families) {
    std::vector<std::string> Found;
    bool All = true;
    for (const std::string &Family : Alternative) {
      bool Any = false;
      for (const std::string &Name : Series)
        if (matches(Family, Name)) {
          Any = true;
          if (!llvm::is_contained(Found, Name))
            Found.push_back(Name);
        }
      All &= Any;
    }
    if (All && !Found.empty())
      return Found;
  }
  return {};
}

std::string exportedName(llvm::StringRef Registered) {
  std::string Name = Registered.str();
  for (char &C : Name)
    if (!llvm::isAlnum(C) && C != '_' && C != ':')
      C = '_';
  return Name;
}

std::vector<facts::Metric> MetricFamilies::registrationsFor(
    const ChecklistItem &Item, llvm::ArrayRef<facts::Metric> Registered) const {
  std::vector<std::string> Names;
  for (const facts::Metric &M : Registered)
    Names.push_back(exportedName(M.Name));
  std::vector<std::string> Found = evidenceFor(Item, Names);
  std::vector<facts::Metric> Result;
  for (const facts::Metric &M : Registered)
    if (llvm::is_contained(Found, exportedName(M.Name)))
      Result.push_back(M);
  return Result;
}

} // namespace unbounded::driver
