//===- InputSourcesTest.cpp - inputSource, inputReadInto ------------------===//

#include "TestSupport.h"

#include "utils/InputSources.h"

#include "clang/AST/Expr.h"

using namespace clang;
using namespace clang::ast_matchers;
using namespace clang::tidy::unbounded::utils;

namespace unbounded_test {
namespace {

constexpr const char *Declarations = R"cpp(
  extern "C" char *getenv(const char *);
  extern "C" int atoi(const char *);
  extern "C" long strtol(const char *, char **, int);
  namespace std {
  using ::getenv;
  int stoi(const string &, size_t * = nullptr, int = 10);
  template <class C> struct basic_istream {
    basic_istream &operator>>(int &);
  };
  template <class C> struct basic_ifstream : basic_istream<C> {};
  using ifstream = basic_ifstream<char>;
  basic_istream<char> &getline(basic_istream<char> &, string &);
  }
  struct Config {
    template <class T> T get(const char *key) const;
    int operator[](const char *key) const;
    int size() const;
  };
  namespace YAML {
  struct Node { Node operator[](const char *) const; template <class T> T as() const; };
  }
  struct Doc { YAML::Node root() const; };
  struct Table { int operator[](const char *key) const; int rows() const; };
  struct Settings {
    static int maxThreads();
    static Settings *instance();
  };
)cpp";

class InputSourcesTest : public ASTTest {
protected:
  /// What inputSource says about the expression f returns.
  const Expr *sourceOfReturn(llvm::StringRef Code) {
    if (!parse((llvm::Twine(Declarations) + Code).str())) {
      ADD_FAILURE() << "the snippet does not compile";
      return nullptr;
    }
    const auto *Return = first<ReturnStmt>(
        returnStmt(hasAncestor(functionDecl(hasName("f")))).bind("x"));
    if (!Return) {
      ADD_FAILURE() << "no return in f";
      return nullptr;
    }
    return inputSource(Return->getRetValue());
  }

  /// What inputReadInto says about the local variable n of f.
  const Stmt *readIntoN(llvm::StringRef Code) {
    if (!parse((llvm::Twine(Declarations) + Code).str())) {
      ADD_FAILURE() << "the snippet does not compile";
      return nullptr;
    }
    const auto *N = first<VarDecl>(varDecl(hasName("n")).bind("x"));
    if (!N) {
      ADD_FAILURE() << "no variable n";
      return nullptr;
    }
    return inputReadInto(*N);
  }
};

TEST_F(InputSourcesTest, Environment) {
  EXPECT_NE(sourceOfReturn("int f() { return atoi(std::getenv(\"N\")); }"),
            nullptr);
  EXPECT_NE(sourceOfReturn("const char *f() { return getenv(\"N\"); }"),
            nullptr);
}

TEST_F(InputSourcesTest, ParsedText) {
  EXPECT_NE(sourceOfReturn("int f(const std::string &s) { return std::stoi(s); }"),
            nullptr);
  EXPECT_NE(sourceOfReturn("long f(const char *s) { return strtol(s, nullptr, 10); }"),
            nullptr);
}

TEST_F(InputSourcesTest, ParsedLiteralIsNotInput) {
  EXPECT_EQ(sourceOfReturn("int f() { return std::stoi(\"8\"); }"), nullptr);
  EXPECT_EQ(sourceOfReturn("int f() { return atoi(\"8\"); }"), nullptr);
}

TEST_F(InputSourcesTest, CommandLine) {
  EXPECT_NE(sourceOfReturn("int f(int argc, char **argv) { return atoi(argv[1]); }"),
            nullptr);
  EXPECT_NE(sourceOfReturn("char *f(int c, char **argv) { return argv[1]; }"),
            nullptr);
  EXPECT_EQ(sourceOfReturn("char *f(int c, char **names) { return names[1]; }"),
            nullptr);
}

TEST_F(InputSourcesTest, ConfigurationLookupByKey) {
  EXPECT_NE(sourceOfReturn("int f(const Config &c) { return c.get<int>(\"n\"); }"),
            nullptr);
  EXPECT_NE(sourceOfReturn("int f(const Config &c) { return c[\"n\"]; }"),
            nullptr);
  // A chain on a lookup: node["threads"].as<int>().
  EXPECT_NE(sourceOfReturn(
                "int f(const Doc &d) { return d.root()[\"n\"].as<int>(); }"),
            nullptr);
}

TEST_F(InputSourcesTest, ConfigurationWithoutAKeyIsNotInput) {
  EXPECT_EQ(sourceOfReturn("int f(const Config &c) { return c.size(); }"),
            nullptr);
}

TEST_F(InputSourcesTest, ConfigurationClassNumbers) {
  EXPECT_NE(sourceOfReturn("int f() { return Settings::maxThreads(); }"),
            nullptr);
  // Its other results, and numbers of other classes, are not input.
  EXPECT_EQ(sourceOfReturn("bool f() { return Settings::instance() != 0; }"),
            nullptr);
  EXPECT_EQ(sourceOfReturn("int f(const Table &t) { return t.rows(); }"),
            nullptr);
}

TEST_F(InputSourcesTest, ConfigurationTypeLookupByAnyKey) {
  // A key held in a variable, as when walking a file's entries.
  EXPECT_NE(sourceOfReturn("int f(const Config &c, const char *k) { "
                           "return c[k]; }"),
            nullptr);
  // By the variable's name only, the key must be a literal.
  EXPECT_EQ(sourceOfReturn("int f(const Table &settings, const char *k) { "
                           "return settings[k]; }"),
            nullptr);
}

TEST_F(InputSourcesTest, PlainValuesAreNotInput) {
  EXPECT_EQ(sourceOfReturn("int f(int n) { return n; }"), nullptr);
  EXPECT_EQ(sourceOfReturn("int f() { return 4; }"), nullptr);
}

TEST_F(InputSourcesTest, StreamReadIntoAVariable) {
  const Stmt *Read = readIntoN("void f(std::ifstream &in) { int n = 0; in >> n; }");
  ASSERT_NE(Read, nullptr);
  EXPECT_TRUE(isa<CXXOperatorCallExpr>(Read));
}

TEST_F(InputSourcesTest, AssignmentFromInput) {
  EXPECT_NE(readIntoN("void f(const char *s) { int n = 0; n = atoi(s); }"),
            nullptr);
}

TEST_F(InputSourcesTest, AssignmentFromAConstantIsNoRead) {
  EXPECT_EQ(readIntoN("void f() { int n = 0; n = 4; }"), nullptr);
}

} // namespace
} // namespace unbounded_test
