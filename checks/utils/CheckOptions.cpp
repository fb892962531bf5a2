//===- CheckOptions.cpp - every check option value, validated -------------===//

#include "utils/CheckOptions.h"
#include "utils/SharedOptions.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/Regex.h"

namespace clang::tidy::unbounded::utils {
namespace {

enum class OptionKind { List, Regex, Count, LargeCount, Bool };

/// What an option accepts, from its name: every "...Pattern" is a regular
/// expression; the rest are ';'-separated lists of names.
OptionKind kindOf(llvm::StringRef Option) {
  if (Option.ends_with("Pattern"))
    return OptionKind::Regex;
  if (Option == "MaxIterations" || Option == "MaxThreads")
    return OptionKind::Count;
  if (Option == "MaxCapacity")
    return OptionKind::LargeCount;
  if (Option == "AllowVoidCast")
    return OptionKind::Bool;
  return OptionKind::List;
}

/// What is wrong with Value for an option of kind Kind, or "".
std::string problemWith(OptionKind Kind, llvm::StringRef Value) {
  switch (Kind) {
  case OptionKind::Regex: {
    // Empty turns the pattern off.
    std::string Error;
    if (Value.empty() || llvm::Regex(Value).isValid(Error))
      return "";
    return "expected a regular expression (" + Error + ")";
  }
  // The wording of clang-tidy's own integer check, so that the plugin shows
  // one diagnostic, not two.
  case OptionKind::Count: {
    unsigned Number = 0;
    return Value.getAsInteger(10, Number) ? "expected an integer" : "";
  }
  case OptionKind::LargeCount: {
    uint64_t Number = 0;
    return Value.getAsInteger(10, Number) ? "expected an integer" : "";
  }
  case OptionKind::Bool: {
    // What SilentDropCheck reads as true, and the matching false spellings.
    static constexpr llvm::StringLiteral Spellings[] = {
        "true", "false", "1", "0", "on", "off", "yes", "no"};
    std::string Lower = Value.trim().lower();
    if (llvm::is_contained(Spellings, llvm::StringRef(Lower)))
      return "";
    return "expected a bool (true or false)";
  }
  case OptionKind::List:
    return "";
  }
  return "";
}

} // namespace

std::vector<std::string>
optionProblems(llvm::StringRef CheckName,
               const ClangTidyOptions::OptionMap &Options) {
  std::vector<std::string> Problems;
  std::string Prefix = CheckName.str() + ".";
  for (const auto &Entry : Options) {
    llvm::StringRef Key = Entry.getKey();
    llvm::StringRef Name = Key;
    if (!Name.consume_front(Prefix) && !Name.consume_front(SharedOptionPrefix))
      continue;
    llvm::StringRef Value = Entry.getValue().Value;
    std::string Problem = problemWith(kindOf(Name), Value);
    if (!Problem.empty())
      Problems.push_back("invalid configuration value '" + Value.str() +
                         "' for option '" + Key.str() + "'; " + Problem);
  }
  llvm::sort(Problems);
  return Problems;
}

} // namespace clang::tidy::unbounded::utils
