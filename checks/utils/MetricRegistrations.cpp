//===- MetricRegistrations.cpp - metrics the code registers ---------------===//

#include "MetricRegistrations.h"

#include "AstNavigation.h"
#include "Names.h"
#include "Summaries.h"

#include "clang/AST/ExprCXX.h"

namespace clang::tidy::unbounded::utils {
using namespace ast_matchers;

const char *const DefaultMetricRegistrationCalls =
    "::unbounded::guard::MetricsRegistry::add;"
    "::unbounded::guard::MetricsRegistry::gauge;"
    "::unbounded::guard::MetricsRegistry::counter;"
    "::prometheus::detail::Builder::Name;"
    "::opentelemetry::metrics::Meter::CreateUInt64Counter;"
    "::opentelemetry::metrics::Meter::CreateDoubleCounter;"
    "::opentelemetry::metrics::Meter::CreateInt64UpDownCounter;"
    "::opentelemetry::metrics::Meter::CreateDoubleUpDownCounter;"
    "::opentelemetry::metrics::Meter::CreateInt64Gauge;"
    "::opentelemetry::metrics::Meter::CreateDoubleGauge;"
    "::opentelemetry::metrics::Meter::CreateUInt64Histogram;"
    "::opentelemetry::metrics::Meter::CreateDoubleHistogram;"
    "::opentelemetry::metrics::Meter::CreateInt64ObservableCounter;"
    "::opentelemetry::metrics::Meter::CreateDoubleObservableCounter;"
    "::opentelemetry::metrics::Meter::CreateInt64ObservableGauge;"
    "::opentelemetry::metrics::Meter::CreateDoubleObservableGauge;"
    "::opentelemetry::metrics::Meter::CreateInt64ObservableUpDownCounter;"
    "::opentelemetry::metrics::Meter::CreateDoubleObservableUpDownCounter";

std::string registrationApi(const FunctionDecl &F) {
  const NamespaceDecl *Top = nullptr;
  for (const DeclContext *C = F.getDeclContext(); C && !C->isTranslationUnit();
       C = C->getParent())
    if (const auto *N = dyn_cast<NamespaceDecl>(C); N && !N->isInline())
      Top = N;
  llvm::StringRef Library = Top && Top->getIdentifier() ? Top->getName() : "";
  if (Library == "prometheus")
    return "prometheus-cpp";
  if (Library == "opentelemetry")
    return "OpenTelemetry";
  if (Library == "unbounded")
    return "guard metrics API";
  return F.getQualifiedNameAsString();
}

/// The string literal E passes, through the constructors of string types.
static const StringLiteral *literalOf(const Expr *E) {
  E = ignoreWrappers(E);
  if (const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(E))
    if (Construct->getNumArgs() >= 1)
      E = ignoreWrappers(Construct->getArg(0));
  return dyn_cast_or_null<StringLiteral>(E);
}

std::string registeredName(const CallExpr &Call) {
  for (const Expr *Arg : Call.arguments())
    if (const StringLiteral *S = literalOf(Arg))
      return S->getCharByteWidth() == 1 ? S->getString().str() : "";
  return "";
}

void MetricRegistrations::registerMatchers(MatchFinder &Finder) {
  if (!::unbounded::facts::sink() || Calls.empty())
    return;
  Finder.addMatcher(
      callExpr(callee(functionDecl(functionNamedAnyOf(Calls)).bind("f")),
               unless(isExpansionInSystemHeader()),
               optionally(forCallable(decl().bind("in"))))
          .bind("registration"),
      this);
}

void MetricRegistrations::run(const MatchFinder::MatchResult &Result) {
  ::unbounded::facts::UnitFacts *Sink = ::unbounded::facts::sink();
  const auto *Call = Result.Nodes.getNodeAs<CallExpr>("registration");
  const auto *F = Result.Nodes.getNodeAs<FunctionDecl>("f");
  if (!Sink || !Call || !F)
    return;
  // A template registers through its instantiations, which are matched
  // too: its pattern alone (a library's helper nobody calls) registers
  // nothing.
  if (const auto *In = Result.Nodes.getNodeAs<Decl>("in");
      In && In->getAsFunction() && In->getAsFunction()->isDependentContext())
    return;
  std::string Name = registeredName(*Call);
  if (Name.empty())
    return;
  std::string Api = registrationApi(*F);
  Sink->Metrics.push_back(
      {Name, Api,
       ::unbounded::facts::siteAt(Call->getBeginLoc(), *Result.SourceManager,
                                  "metric '" + Name + "' registered (" + Api +
                                      ")")});
}

} // namespace clang::tidy::unbounded::utils
