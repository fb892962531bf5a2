#include "unbounded/IgnoreRules.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace unbounded::guard {
namespace {

std::string trim(const std::string &text) {
  const size_t first = text.find_first_not_of(" \t\r");
  if (first == std::string::npos)
    return {};
  return text.substr(first, text.find_last_not_of(" \t\r") - first + 1);
}

/// '*' matches any text; iterative, backtracking only to the last star.
bool globMatch(const std::string &pattern, const std::string &text) {
  size_t p = 0, t = 0, star = std::string::npos, resume = 0;
  while (t < text.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      resume = t;
    } else if (p < pattern.size() && pattern[p] == text[t]) {
      ++p;
      ++t;
    } else if (star != std::string::npos) {
      p = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*')
    ++p;
  return p == pattern.size();
}

} // namespace

bool IgnoreRule::matchesFunction(const std::string &function) const {
  if (function.empty())
    return false;
  if (pattern.find('*') == std::string::npos)
    return function == pattern;
  return globMatch(pattern, function);
}

const char *ignoreRuleKindName(IgnoreRule::Kind kind) {
  return kind == IgnoreRule::Kind::StartRoutine ? "start-routine"
                                                : "any-function";
}

std::string IgnoreRule::describe() const {
  return std::string(ignoreRuleKindName(kind)) + ": " + pattern;
}

std::vector<IgnoreRule> parseIgnoreRules(const std::string &text,
                                         const std::string &source) {
  std::vector<IgnoreRule> rules;
  std::istringstream lines(text);
  std::string line;
  for (int number = 1; std::getline(lines, line); ++number) {
    const std::string content = trim(line);
    if (content.empty() || content[0] == '#')
      continue;
    const std::string where = source + ":" + std::to_string(number);
    const size_t colon = content.find(':');
    const std::string kind = trim(content.substr(0, colon));
    IgnoreRule rule;
    if (colon == std::string::npos ||
        (kind != "start-routine" && kind != "any-function"))
      throw std::invalid_argument(where +
                                  ": expected 'start-routine: <function>' or "
                                  "'any-function: <function>'");
    rule.kind = kind == "start-routine" ? IgnoreRule::Kind::StartRoutine
                                        : IgnoreRule::Kind::AnyFunction;
    rule.pattern = trim(content.substr(colon + 1));
    if (rule.pattern.empty() ||
        rule.pattern.find_first_not_of('*') == std::string::npos)
      throw std::invalid_argument(where + ": '" + kind +
                                  "' needs a function name or pattern "
                                  "(a bare '*' would ignore every leak)");
    rule.source = where;
    rules.push_back(std::move(rule));
  }
  return rules;
}

std::vector<IgnoreRule> readIgnoreFile(const std::string &path) {
  std::ifstream file(path);
  if (!file)
    throw std::invalid_argument("cannot read ignore file '" + path + "'");
  std::ostringstream text;
  text << file.rdbuf();
  return parseIgnoreRules(text.str(), path);
}

std::vector<IgnoreRule> staleRules(const std::vector<IgnoreRule> &rules) {
  std::vector<IgnoreRule> stale;
  for (const IgnoreRule &rule : rules)
    if (rule.matches->load() == 0)
      stale.push_back(rule);
  return stale;
}

} // namespace unbounded::guard
