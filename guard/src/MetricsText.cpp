#include "unbounded/MetricsText.h"

#include "LoopbackHttp.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>

namespace unbounded::guard {
namespace {

bool isNameStart(char c, bool colon) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
         (colon && c == ':');
}

bool isNameChar(char c, bool colon) {
  return isNameStart(c, colon) || (c >= '0' && c <= '9');
}

/// A cursor over one line.
class Line {
public:
  Line(const std::string &text, int number) : text_(text), number_(number) {}

  [[noreturn]] void fail(const std::string &message) const {
    throw MetricsTextError(number_, message);
  }
  bool done() const { return pos_ >= text_.size(); }
  char peek() const { return done() ? '\0' : text_[pos_]; }
  void skipBlanks() {
    while (!done() && (text_[pos_] == ' ' || text_[pos_] == '\t'))
      ++pos_;
  }
  void expect(char c) {
    if (peek() != c)
      fail(std::string("expected '") + c + "'");
    ++pos_;
  }
  /// A metric name (colons allowed) or a label name.
  std::string name(bool colon, const char *what) {
    const size_t start = pos_;
    if (!isNameStart(peek(), colon))
      fail(std::string("invalid ") + what);
    while (!done() && isNameChar(text_[pos_], colon))
      ++pos_;
    return text_.substr(start, pos_ - start);
  }
  /// A token up to the next blank.
  std::string word() {
    const size_t start = pos_;
    while (!done() && text_[pos_] != ' ' && text_[pos_] != '\t')
      ++pos_;
    return text_.substr(start, pos_ - start);
  }
  std::string rest() { return text_.substr(std::min(pos_, text_.size())); }
  /// A double-quoted label value with \\, \" and \n escapes.
  std::string quoted() {
    expect('"');
    std::string value;
    for (;;) {
      if (done())
        fail("unterminated label value");
      const char c = text_[pos_++];
      if (c == '"')
        return value;
      if (c != '\\') {
        value += c;
        continue;
      }
      const char escaped = peek();
      if (escaped != '\\' && escaped != '"' && escaped != 'n')
        fail("invalid escape in label value");
      value += escaped == 'n' ? '\n' : escaped;
      ++pos_;
    }
  }

private:
  const std::string &text_;
  int number_;
  size_t pos_ = 0;
};

/// What Go's strconv.ParseFloat accepts, as Prometheus reads values.
bool isFloat(const std::string &token) {
  if (token.empty() || token.find('(') != std::string::npos)
    return false;
  char *end = nullptr;
  std::strtod(token.c_str(), &end);
  return *end == '\0';
}

bool isInteger(const std::string &token) {
  const size_t start = token[0] == '-' ? 1 : 0;
  return token.size() > start &&
         token.find_first_not_of("0123456789", start) == std::string::npos;
}

const std::set<std::string> kTypes{"counter", "gauge", "histogram", "summary",
                                   "untyped"};

class Parser {
public:
  std::vector<MetricFamily> families;

  void line(const std::string &text, int number) {
    Line l(text, number);
    l.skipBlanks();
    if (l.done())
      return;
    if (l.peek() == '#')
      return comment(l);
    sample(l);
  }

private:
  std::map<std::string, size_t> index_; ///< family name -> position in families
  std::set<std::string> typed_, helped_, sampled_;

  MetricFamily &family(const std::string &name) {
    const auto [it, added] = index_.emplace(name, families.size());
    if (added)
      families.push_back(MetricFamily{name, "untyped", "", 0});
    return families[it->second];
  }

  void comment(Line &l) {
    l.expect('#');
    l.skipBlanks();
    const std::string keyword = l.word();
    if (keyword != "HELP" && keyword != "TYPE")
      return; // an ordinary comment
    l.skipBlanks();
    const std::string name = l.name(true, "metric name");
    if (keyword == "HELP") {
      if (!helped_.insert(name).second)
        l.fail("second HELP line for " + name);
      if (!l.done() && l.peek() != ' ' && l.peek() != '\t')
        l.fail("invalid metric name in HELP line");
      l.skipBlanks();
      family(name).help = l.rest();
      return;
    }
    if (!typed_.insert(name).second)
      l.fail("second TYPE line for " + name);
    if (sampled_.count(name))
      l.fail("TYPE line for " + name + " after its samples");
    l.skipBlanks();
    const std::string type = l.word();
    l.skipBlanks();
    if (!kTypes.count(type) || !l.done())
      l.fail("unknown metric type '" + type + "'");
    family(name).type = type;
  }

  /// The family a sample belongs to: its name, or the histogram/summary it
  /// is a _bucket, _sum or _count series of.
  std::string familyOf(const std::string &name) const {
    for (const char *suffix : {"_bucket", "_sum", "_count"}) {
      const std::string s = suffix;
      if (name.size() <= s.size() ||
          name.compare(name.size() - s.size(), s.size(), s) != 0)
        continue;
      const std::string base = name.substr(0, name.size() - s.size());
      const auto it = index_.find(base);
      if (it == index_.end())
        continue;
      const std::string &type = families[it->second].type;
      if (type == "histogram" || (type == "summary" && s != "_bucket"))
        return base;
    }
    return name;
  }

  void labels(Line &l) {
    l.expect('{');
    std::set<std::string> seen;
    l.skipBlanks();
    while (l.peek() != '}') {
      const std::string label = l.name(false, "label name");
      if (!seen.insert(label).second)
        l.fail("duplicate label " + label);
      l.skipBlanks();
      l.expect('=');
      l.skipBlanks();
      l.quoted();
      l.skipBlanks();
      if (l.peek() == ',') {
        l.expect(',');
        l.skipBlanks();
        continue;
      }
      if (l.peek() != '}')
        l.fail("expected ',' or '}' in label set");
    }
    l.expect('}');
  }

  void sample(Line &l) {
    const std::string name = l.name(true, "metric name");
    if (l.peek() == '{')
      labels(l);
    if (l.peek() != ' ' && l.peek() != '\t')
      l.fail("expected a blank before the value");
    l.skipBlanks();
    if (!isFloat(l.word()))
      l.fail("invalid sample value");
    l.skipBlanks();
    if (!l.done()) {
      if (!isInteger(l.word()))
        l.fail("invalid timestamp");
      l.skipBlanks();
      if (!l.done())
        l.fail("text after the timestamp");
    }
    const std::string owner = familyOf(name);
    sampled_.insert(owner);
    ++family(owner).samples;
  }
};

} // namespace

MetricsTextError::MetricsTextError(int line, const std::string &message)
    : std::runtime_error("line " + std::to_string(line) + ": " + message),
      line_(line) {}

std::vector<MetricFamily> parseMetricsText(const std::string &text) {
  Parser parser;
  int number = 0;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos)
      end = text.size();
    ++number;
    const std::string line = text.substr(start, end - start);
    if (line.find('\0') != std::string::npos)
      throw MetricsTextError(number, "NUL byte");
    parser.line(line, number);
    start = end + 1;
  }
  return std::move(parser.families);
}

ScrapeRecord scrapeMetrics(const std::string &host, int port,
                           const std::string &path,
                           std::chrono::milliseconds timeout) {
  ScrapeRecord record;
  record.url = "http://" + (host == "::1" ? "[::1]" : host) + ":" +
               std::to_string(port) + path;
  const detail::HttpResult response =
      detail::loopbackRequest(host, port, "GET", path, timeout);
  if (!response.error.empty())
    record.error = response.error;
  else if (response.status != 200)
    record.error = "HTTP status " + std::to_string(response.status);
  else {
    try {
      for (const MetricFamily &family : parseMetricsText(response.body))
        record.families.push_back(family.name);
      std::sort(record.families.begin(), record.families.end());
    } catch (const MetricsTextError &error) {
      record.error = std::string("malformed exposition: ") + error.what();
    }
  }
  recordEvidence(record);
  return record;
}

} // namespace unbounded::guard
