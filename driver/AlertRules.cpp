//===- AlertRules.cpp - the project's Prometheus alerting rules -----------===//

#include "AlertRules.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLParser.h"
#include <algorithm>

namespace unbounded::driver {
namespace yaml = llvm::yaml;

// ------------------------------------------------------------- expressions

namespace {

bool isIdentStart(char C) { return llvm::isAlpha(C) || C == '_' || C == ':'; }
bool isIdentChar(char C) { return isIdentStart(C) || llvm::isDigit(C); }

/// Words that are not metric names where a selector could stand.
bool isKeyword(llvm::StringRef Word) {
  static const llvm::StringSet<> Words = {
      "and", "or", "unless", "bool", "offset", "atan2", "inf", "nan", "Inf",
      "NaN", "by", "without", "on", "ignoring", "group_left", "group_right",
      // Aggregation operators, which may be followed by a by/without clause
      // before their parenthesis.
      "sum", "avg", "min", "max", "count", "stddev", "stdvar", "topk",
      "bottomk", "quantile", "count_values", "group", "limitk", "limit_ratio"};
  return Words.contains(Word);
}

bool takesLabelList(llvm::StringRef Word) {
  return Word == "by" || Word == "without" || Word == "on" ||
         Word == "ignoring" || Word == "group_left" || Word == "group_right";
}

bool isRateFunction(llvm::StringRef Word) {
  return Word == "rate" || Word == "irate" || Word == "increase";
}

class Lexer {
public:
  explicit Lexer(llvm::StringRef Expr) : S(Expr) {}

  llvm::Expected<ExprFacts> run() {
    if (S.trim().empty())
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "empty expression");
    while (I < S.size())
      if (auto E = step())
        return std::move(E);
    if (!Calls.empty())
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "unclosed '(' in expression");
    return std::move(Facts);
  }

private:
  llvm::StringRef S;
  size_t I = 0;
  ExprFacts Facts;
  std::vector<std::string> Calls; ///< function (or "") of each open '('
  std::string Pending;            ///< a function name awaiting its '('
  int SkipLists = 0;              ///< label lists (by/on ...) to skip

  /// Index just past the bracket closing the one at I, skipping strings.
  llvm::Expected<size_t> closing(char Open, char Close) {
    for (size_t J = I + 1; J < S.size(); ++J) {
      char C = S[J];
      if (C == Close)
        return J + 1;
      if (C == '"' || C == '\'' || C == '`') {
        auto End = stringEnd(J);
        if (!End)
          return End.takeError();
        J = *End - 1;
      } else if (C == Open) {
        break;
      }
    }
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   std::string("unclosed '") + Open +
                                       "' in expression");
  }

  llvm::Expected<size_t> stringEnd(size_t From) const {
    char Quote = S[From];
    for (size_t J = From + 1; J < S.size(); ++J) {
      if (S[J] == '\\' && Quote != '`') {
        ++J;
        continue;
      }
      if (S[J] == Quote)
        return J + 1;
    }
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "unterminated string in expression");
  }

  bool inRate() const {
    return llvm::any_of(Calls,
                        [](const std::string &F) { return isRateFunction(F); });
  }

  llvm::Error step() {
    char C = S[I];
    if (llvm::isSpace(C) || llvm::StringRef("+-*/%^,@").contains(C)) {
      ++I;
      return llvm::Error::success();
    }
    if (C == '#') {
      size_t End = S.find('\n', I);
      I = End == llvm::StringRef::npos ? S.size() : End;
      return llvm::Error::success();
    }
    if (C == '"' || C == '\'' || C == '`') {
      auto End = stringEnd(I);
      if (!End)
        return End.takeError();
      I = *End;
      return llvm::Error::success();
    }
    if (C == '(')
      return open();
    if (C == ')') {
      if (Calls.empty())
        return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                       "unexpected ')' in expression");
      Calls.pop_back();
      ++I;
      return llvm::Error::success();
    }
    if (C == '{' || C == '[') {
      auto End = closing(C, C == '{' ? '}' : ']');
      if (!End)
        return End.takeError();
      if (C == '{') // a selector by labels alone ({__name__="x"})
        Facts.Selectors.push_back({S.slice(I, *End).str(), inRate()});
      I = *End;
      return llvm::Error::success();
    }
    if (C == '}' || C == ']')
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     std::string("unexpected '") + C +
                                         "' in expression");
    if (llvm::StringRef("<>=!").contains(C))
      return comparison();
    if (llvm::isDigit(C) || C == '.') {
      while (I < S.size() && (isIdentChar(S[I]) || S[I] == '.' ||
                              ((S[I] == '+' || S[I] == '-') &&
                               (S[I - 1] == 'e' || S[I - 1] == 'E'))))
        ++I;
      return llvm::Error::success();
    }
    if (isIdentStart(C))
      return identifier();
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   std::string("unexpected character '") + C +
                                       "' in expression");
  }

  llvm::Error open() {
    if (SkipLists > 0) { // by (a, b): label names, not selectors
      auto End = closing('(', ')');
      if (!End)
        return End.takeError();
      --SkipLists;
      I = *End;
      return llvm::Error::success();
    }
    Calls.push_back(Pending);
    Pending.clear();
    ++I;
    return llvm::Error::success();
  }

  llvm::Error comparison() {
    llvm::StringRef Rest = S.substr(I);
    for (llvm::StringRef Op : {"==", "!=", ">=", "<="})
      if (Rest.starts_with(Op)) {
        Facts.Compares = true;
        I += 2;
        return llvm::Error::success();
      }
    if (Rest[0] == '>' || Rest[0] == '<') {
      Facts.Compares = true;
      ++I;
      return llvm::Error::success();
    }
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "unexpected '" + Rest.take_front(1) +
                                       "' in expression");
  }

  llvm::Error identifier() {
    size_t Start = I;
    while (I < S.size() && isIdentChar(S[I]))
      ++I;
    llvm::StringRef Word = S.slice(Start, I);
    size_t Next = I;
    while (Next < S.size() && llvm::isSpace(S[Next]))
      ++Next;
    bool Call = Next < S.size() && S[Next] == '(';
    if (takesLabelList(Word)) {
      SkipLists += Call;
      return llvm::Error::success();
    }
    if (isKeyword(Word)) {
      if (!Word.equals_insensitive("inf") && !Word.equals_insensitive("nan"))
        Pending = Word.str();
      return llvm::Error::success();
    }
    if (Call) {
      Pending = Word.str();
      return llvm::Error::success();
    }
    std::string Text = Word.str();
    if (I < S.size() && S[I] == '{') {
      auto End = closing('{', '}');
      if (!End)
        return End.takeError();
      Text += S.slice(I, *End).str();
      I = *End;
    }
    Facts.Selectors.push_back({Text, inRate()});
    return llvm::Error::success();
  }
};

} // namespace

llvm::Expected<ExprFacts> analyzeExpr(llvm::StringRef Expr) {
  return Lexer(Expr).run();
}

// --------------------------------------------------------------- rule files

namespace {

bool isDuration(llvm::StringRef Text) {
  static const llvm::Regex Duration("^([0-9]+y)?([0-9]+w)?([0-9]+d)?([0-9]+h)?("
                                    "[0-9]+m)?([0-9]+s)?([0-9]+ms)?$");
  return !Text.empty() && Duration.match(Text);
}

bool isMetricName(llvm::StringRef Text) {
  static const llvm::Regex Name("^[a-zA-Z_:][a-zA-Z0-9_:]*$");
  return Name.match(Text);
}

bool isLabelName(llvm::StringRef Text) {
  static const llvm::Regex Name("^[a-zA-Z_][a-zA-Z0-9_]*$");
  return Name.match(Text);
}

class RuleFileParser {
public:
  RuleFileParser(llvm::StringRef Name, AlertRules &Into)
      : Name(Name), Into(Into) {
    SM.setDiagHandler(
        [](const llvm::SMDiagnostic &D, void *Self) {
          auto &P = *static_cast<RuleFileParser *>(Self);
          if (P.YamlError.empty())
            P.YamlError = P.Name.str() + ":" + std::to_string(D.getLineNo()) +
                          ": invalid YAML: " + D.getMessage().str();
        },
        this);
  }

  llvm::Error parse(llvm::StringRef Text) {
    yaml::Stream Stream(Text, SM);
    unsigned Documents = 0;
    for (yaml::Document &Doc : Stream) {
      yaml::Node *Root = Doc.getRoot();
      if (++Documents > 1)
        return error(Root, "more than one YAML document");
      if (auto E = top(Root))
        return yamlErrorOr(std::move(E));
    }
    return yamlErrorOr(llvm::Error::success());
  }

private:
  llvm::StringRef Name;
  AlertRules &Into;
  llvm::SourceMgr SM;
  std::string YamlError;
  llvm::StringSet<> GroupNames;

  /// A YAML syntax error found while walking wins over what the walk made of
  /// it.
  llvm::Error yamlErrorOr(llvm::Error E) {
    if (YamlError.empty())
      return E;
    llvm::consumeError(std::move(E));
    return llvm::createStringError(llvm::inconvertibleErrorCode(), YamlError);
  }

  /// The node's line; 0 when the parser gave it no place in the file.
  unsigned line(yaml::Node *N) {
    if (!N)
      return 0;
    llvm::SMLoc Start = N->getSourceRange().Start;
    unsigned Buffer = SM.FindBufferContainingLoc(Start);
    return Start.isValid() && Buffer ? SM.getLineAndColumn(Start, Buffer).first
                                     : 0;
  }

  llvm::Error error(yaml::Node *N, const llvm::Twine &What) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   Name + ":" + llvm::Twine(line(N)) + ": " +
                                       What);
  }

  std::optional<std::string> scalar(yaml::Node *N) {
    llvm::SmallString<64> Storage;
    if (auto *S = llvm::dyn_cast_or_null<yaml::ScalarNode>(N))
      return S->getValue(Storage).str();
    if (auto *B = llvm::dyn_cast_or_null<yaml::BlockScalarNode>(N))
      return B->getValue().str();
    return std::nullopt;
  }

  /// Calls Field(key, value) for each entry of a mapping whose keys are all
  /// among Allowed.
  template <typename Fn>
  llvm::Error eachField(yaml::Node *N, llvm::StringRef What,
                        llvm::ArrayRef<llvm::StringRef> Allowed, Fn Field) {
    auto *Map = llvm::dyn_cast_or_null<yaml::MappingNode>(N);
    if (!Map)
      return error(N, What + " is not a mapping");
    llvm::StringSet<> Seen;
    for (yaml::KeyValueNode &KV : *Map) {
      auto Key = scalar(KV.getKey());
      if (!Key || !KV.getValue())
        return error(KV.getKey() ? KV.getKey() : N, "invalid key in " + What);
      if (!llvm::is_contained(Allowed, *Key))
        return error(KV.getKey(), "field " + *Key + " not allowed in " + What);
      if (!Seen.insert(*Key).second)
        return error(KV.getKey(), "field " + *Key + " repeated in " + What);
      if (auto E = Field(*Key, KV.getKey(), KV.getValue()))
        return E;
    }
    return llvm::Error::success();
  }

  /// labels or annotations: names to strings.
  llvm::Error labels(yaml::Node *N, llvm::StringRef What) {
    auto *Map = llvm::dyn_cast_or_null<yaml::MappingNode>(N);
    if (!Map) {
      if (llvm::isa_and_nonnull<yaml::NullNode>(N))
        return llvm::Error::success();
      return error(N, What + " is not a mapping");
    }
    for (yaml::KeyValueNode &KV : *Map) {
      auto Key = scalar(KV.getKey());
      if (!Key || !scalar(KV.getValue()))
        return error(KV.getKey() ? KV.getKey() : N,
                     What + " must map names to strings");
      if (What == "labels" && !isLabelName(*Key))
        return error(KV.getKey(), "invalid label name " + *Key);
    }
    return llvm::Error::success();
  }

  llvm::Error top(yaml::Node *Root) {
    if (!Root || llvm::isa<yaml::NullNode>(Root))
      return llvm::Error::success(); // an empty file has no groups
    return eachField(
        Root, "the rule file", {"groups"},
        [&](llvm::StringRef, yaml::Node *, yaml::Node *Value) -> llvm::Error {
          if (llvm::isa_and_nonnull<yaml::NullNode>(Value))
            return llvm::Error::success();
          auto *Seq = llvm::dyn_cast_or_null<yaml::SequenceNode>(Value);
          if (!Seq)
            return error(Value, "groups is not a list");
          for (yaml::Node &Group : *Seq)
            if (auto E = group(&Group))
              return E;
          return llvm::Error::success();
        });
  }

  llvm::Error group(yaml::Node *N) {
    bool Named = false;
    auto E = eachField(
        N, "a group",
        {"name", "interval", "query_offset", "limit", "rules", "labels"},
        [&](llvm::StringRef Key, yaml::Node *,
            yaml::Node *Value) -> llvm::Error {
          auto Text = scalar(Value);
          if (Key == "name") {
            if (!Text || Text->empty())
              return error(Value, "a group name must not be empty");
            if (!GroupNames.insert(*Text).second)
              return error(Value, "group name \"" + *Text +
                                      "\" is repeated in the same file");
            Named = true;
          } else if (Key == "interval" || Key == "query_offset") {
            if (!Text || !isDuration(*Text))
              return error(Value, "invalid duration for " + Key);
          } else if (Key == "limit") {
            unsigned long long Limit;
            if (!Text || llvm::getAsUnsignedInteger(*Text, 10, Limit))
              return error(Value, "limit is not a non-negative integer");
          } else if (Key == "labels") {
            return labels(Value, "labels");
          } else if (Key == "rules") {
            if (llvm::isa_and_nonnull<yaml::NullNode>(Value))
              return llvm::Error::success();
            auto *Seq = llvm::dyn_cast_or_null<yaml::SequenceNode>(Value);
            if (!Seq)
              return error(Value, "rules is not a list");
            for (yaml::Node &Rule : *Seq)
              if (auto E = rule(&Rule))
                return E;
          }
          return llvm::Error::success();
        });
    if (E)
      return E;
    if (!Named)
      return error(N, "a group name must not be empty");
    return llvm::Error::success();
  }

  llvm::Error rule(yaml::Node *N) {
    std::optional<std::string> Alert, Record, Expr;
    unsigned AlertLine = 0;
    std::vector<std::string> AlertOnly;
    auto E = eachField(
        N, "a rule",
        {"alert", "record", "expr", "for", "keep_firing_for", "labels",
         "annotations"},
        [&](llvm::StringRef Key, yaml::Node *KeyNode,
            yaml::Node *Value) -> llvm::Error {
          auto Text = scalar(Value);
          if (Key == "labels" || Key == "annotations") {
            if (Key == "annotations")
              AlertOnly.push_back(Key.str());
            return labels(Value, Key);
          }
          if (!Text)
            return error(Value, Key + " is not a string");
          if (Key == "alert") {
            Alert = *Text;
            AlertLine = line(KeyNode);
          } else if (Key == "record") {
            Record = *Text;
          } else if (Key == "expr") {
            if (Text->empty())
              return error(Value, "field 'expr' must be set in rule");
            if (auto Facts = analyzeExpr(*Text); !Facts)
              return error(Value, "could not parse expression: " +
                                      llvm::toString(Facts.takeError()));
            Expr = *Text;
          } else {
            if (!isDuration(*Text))
              return error(Value, "invalid duration for " + Key);
            AlertOnly.push_back(Key.str());
          }
          return llvm::Error::success();
        });
    if (E)
      return E;
    if (Alert.has_value() == Record.has_value())
      return error(N, "a rule needs exactly one of 'alert' and 'record'");
    if (!Expr)
      return error(N, "field 'expr' must be set in rule");
    if (Record) {
      if (!isMetricName(*Record))
        return error(N, "invalid recording rule name: " + *Record);
      if (!AlertOnly.empty())
        return error(N, "invalid field '" + AlertOnly.front() +
                            "' in recording rule");
      return llvm::Error::success();
    }
    if (Alert->empty())
      return error(N, "field 'alert' must not be empty");
    Into.Alerts.push_back({*Alert, *Expr, Name.str(), AlertLine});
    return llvm::Error::success();
  }
};

} // namespace

llvm::Error parseRuleFile(llvm::StringRef Text, llvm::StringRef Name,
                          AlertRules &Into) {
  RuleFileParser Parser(Name, Into);
  if (auto E = Parser.parse(Text))
    return E;
  Into.Files.push_back(Name.str());
  return llvm::Error::success();
}

static llvm::Error readOne(llvm::StringRef Path, AlertRules &Into) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buffer)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "cannot read alert rules '" + Path +
                                       "': " + Buffer.getError().message());
  return parseRuleFile((*Buffer)->getBuffer(), Path, Into);
}

llvm::Expected<AlertRules>
readAlertRules(const std::vector<std::string> &Paths) {
  AlertRules Rules;
  for (const std::string &Given : Paths) {
    llvm::SmallString<256> Absolute(Given);
    llvm::sys::fs::make_absolute(Absolute);
    llvm::sys::path::remove_dots(Absolute, /*remove_dot_dot=*/true);
    std::string Path = Absolute.str().str();
    if (!llvm::sys::fs::is_directory(Path)) {
      if (auto E = readOne(Path, Rules))
        return std::move(E);
      continue;
    }
    std::vector<std::string> Files;
    std::error_code EC;
    for (llvm::sys::fs::directory_iterator It(Path, EC), End; It != End && !EC;
         It.increment(EC)) {
      llvm::StringRef Ext = llvm::sys::path::extension(It->path());
      if (Ext == ".yml" || Ext == ".yaml")
        Files.push_back(It->path());
    }
    if (EC)
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "cannot read alert rules '" + Path +
                                         "': " + EC.message());
    if (Files.empty())
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "no *.yml or *.yaml rule file in '" +
                                         Path + "'");
    llvm::sort(Files);
    for (const std::string &File : Files)
      if (auto E = readOne(File, Rules))
        return std::move(E);
  }
  return Rules;
}

// ----------------------------------------------------------------- judging

namespace {

bool selects(const ExprFacts::Selector &S, const std::string &Family,
             const MetricFamilies &Families) {
  const MetricFamilyInfo *Info = catalogue().family(Family);
  return Families.matches(Family, S.Text) && (!Info || !Info->Rate || S.InRate);
}

/// Whether distinct selectors cover every family of Alternative.
bool covers(const ExprFacts &Facts, llvm::ArrayRef<std::string> Alternative,
            const MetricFamilies &Families, std::vector<bool> &Used) {
  if (Alternative.empty())
    return true;
  for (size_t I = 0; I < Facts.Selectors.size(); ++I) {
    if (Used[I] || !selects(Facts.Selectors[I], Alternative.front(), Families))
      continue;
    Used[I] = true;
    bool Rest = covers(Facts, Alternative.drop_front(), Families, Used);
    Used[I] = false;
    if (Rest)
      return true;
  }
  return false;
}

} // namespace

std::vector<const AlertRule *> alertsFor(const ChecklistItem &Item,
                                         const AlertRules &Rules,
                                         const MetricFamilies &Families) {
  std::vector<const AlertRule *> Result;
  for (const AlertRule &Rule : Rules.Alerts) {
    auto Facts = analyzeExpr(Rule.Expr);
    if (!Facts) { // parseRuleFile validated it
      llvm::consumeError(Facts.takeError());
      continue;
    }
    if (!Facts->Compares)
      continue;
    std::vector<bool> Used(Facts->Selectors.size());
    for (const std::vector<std::string> &Alternative : Item.Families)
      if (covers(*Facts, Alternative, Families, Used)) {
        Result.push_back(&Rule);
        break;
      }
  }
  return Result;
}

} // namespace unbounded::driver

namespace unbounded::driver {

AlertEvidence judgeAlerts(const AlertRules &Rules,
                          const MetricFamilies &Families) {
  AlertEvidence Evidence;
  Evidence.Files = Rules.Files;
  Evidence.Alerts = Rules.Alerts.size();
  for (const ChecklistItem &Item : catalogue().Checklist) {
    if (Item.Verifiable != "alerts")
      continue;
    std::vector<AlertRule> &Matching = Evidence.ByItem[Item.Id];
    for (const AlertRule *Rule : alertsFor(Item, Rules, Families))
      Matching.push_back(*Rule);
  }
  return Evidence;
}

} // namespace unbounded::driver
