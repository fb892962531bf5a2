//===- InputSources.cpp - values read from outside the program ------------===//

#include "utils/InputSources.h"
#include "utils/AstNavigation.h"
#include "utils/Names.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/Support/Regex.h"

namespace clang::tidy::unbounded::utils {

namespace {

/// Functions whose result comes from outside the program.
const std::vector<std::string> EnvironmentFunctions = {
    "::getenv", "::secure_getenv", "::std::getenv"};

/// Functions that parse text into a number.
const std::vector<std::string> ParseFunctions = {
    "::std::stoi",     "::std::stol",
    "::std::stoll",    "::std::stoul",
    "::std::stoull",   "::atoi",
    "::atol",          "::atoll",
    "::std::atoi",     "::std::atol",
    "::std::atoll",    "::strtol",
    "::strtoul",       "::strtoll",
    "::strtoull",      "::std::strtol",
    "::std::strtoul",  "::std::strtoll",
    "::std::strtoull", "::boost::lexical_cast"};

/// Names of configuration objects and their lookup functions.
const llvm::Regex &configNames() {
  static llvm::Regex Names(
      "config|conf$|setting|option|propert|ptree|json|yaml|toml|env|"
      "variables_map|^args?$|argument|(^|_)ini($|_)|ini_?file|ini_?reader",
      llvm::Regex::IgnoreCase);
  return Names;
}

/// Whether E is a string literal, also as a std::string built from one.
bool isStringLiteral(const Expr *E) {
  E = ignoreWrappers(E);
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E);
      Construct && Construct->getNumArgs() >= 1)
    E = ignoreWrappers(Construct->getArg(0));
  return isa<StringLiteral>(E);
}

bool hasStringLiteralArgument(const CallExpr *Call) {
  return llvm::any_of(Call->arguments(), isStringLiteral);
}

bool isConfigName(const NamedDecl *D) {
  return D && D->getDeclName().isIdentifier() &&
         configNames().match(D->getName());
}

/// The object a lookup call reads from by a key: `cfg` in `cfg.get(key)`
/// and `cfg[key]` (not `cfg.size()`), or nullptr.
const Expr *lookupObject(const CallExpr *Call) {
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
    return Member->getNumArgs() > 0 ? Member->getImplicitObjectArgument()
                                    : nullptr;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call);
      Op && Op->getOperator() == OO_Subscript)
    return Op->getArg(0);
  return nullptr;
}

/// Whether Object's class is a configuration or document type by its
/// qualified name (YAML::Node, nlohmann::basic_json, property_tree).
bool isConfigObject(const Expr *Object) {
  QualType Type = Object->getType()->isPointerType()
                      ? Object->getType()->getPointeeType()
                      : Object->getType();
  const CXXRecordDecl *Class = Type->getAsCXXRecordDecl();
  return Class && configNames().match(Class->getQualifiedNameAsString());
}

/// `cfg.get<int>("threads")`, `settings["workers"]`, `GetConfigInt("n")`,
/// `Config::Lookup("threads", 4)`, `ini["server"]["threads"]`: a lookup by
/// a literal key in something named like a configuration; by any key
/// (`j[key]` while walking a file's entries) in an object of a
/// configuration type; or a number a class named like a configuration
/// returns (`Configuration::maxThreads()`).
bool isConfigLookup(const CallExpr *Call) {
  const Expr *Object = lookupObject(Call);
  if (Object && isConfigObject(Object))
    return true;
  // Configuration::maxThreads(), cfg.threadCount(): a number a
  // configuration class hands out, however it got it (not how many
  // entries it has: cfg.size()).
  static constexpr llvm::StringLiteral Counts[] = {"size", "count", "length",
                                                   "capacity", "empty"};
  if (const auto *Method =
          dyn_cast_or_null<CXXMethodDecl>(Call->getDirectCallee());
      Method &&
      Method->getReturnType().getNonReferenceType()->isArithmeticType() &&
      Method->getDeclName().isIdentifier() &&
      !llvm::is_contained(Counts, Method->getName()) &&
      isConfigName(Method->getParent()))
    return true;
  if (!hasStringLiteralArgument(Call))
    return false;
  if (isConfigName(Call->getDirectCallee()))
    return true;
  // Config::Lookup("server.threads", 4): a static function of a class
  // named like a configuration.
  if (const auto *Static =
          dyn_cast_or_null<CXXMethodDecl>(Call->getDirectCallee());
      Static && Static->isStatic() && isConfigName(Static->getParent()))
    return true;
  if (!Object)
    return false;
  // A section of a configuration: ini["server"]["threads"].
  if (const auto *Section = dyn_cast<CallExpr>(ignoreWrappers(Object));
      Section && isConfigLookup(Section))
    return true;
  return isConfigName(referencedDecl(Object));
}

/// Whether Call gives its callee a constant for a parameter named like an
/// upper limit (`LoadInt("threads", 2, 1, 128)` into `int maxValue`): the
/// lookup holds what it reads under that limit.
bool limitedByArgument(const CallExpr *Call) {
  static const llvm::Regex Upper("^(max|upper|limit)|(Max|Upper|Limit)");
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee)
    return false;
  const ASTContext &Ctx = Callee->getASTContext();
  for (unsigned I = 0; I < Call->getNumArgs() && I < Callee->getNumParams();
       ++I) {
    const ParmVarDecl *Param = Callee->getParamDecl(I);
    const Expr *Arg = Call->getArg(I)->IgnoreParenImpCasts();
    if (Param->getDeclName().isIdentifier() && Upper.match(Param->getName()) &&
        !Arg->isValueDependent() && Arg->isIntegerConstantExpr(Ctx))
      return true;
  }
  return false;
}

bool isArgv(const Expr *E) {
  const auto *Parm = dyn_cast_or_null<ParmVarDecl>(referencedDecl(E));
  if (!Parm || !Parm->getDeclName().isIdentifier())
    return false;
  const auto *Function = dyn_cast<FunctionDecl>(Parm->getDeclContext());
  return Parm->getName() == "argv" ||
         (Function && Function->isMain() && Parm->getFunctionScopeIndex() == 1);
}

/// Whether Stream is an input stream (std::istream and what derives from it).
bool isInputStream(const Expr *Stream) {
  const CXXRecordDecl *Class = Stream->getType()->getAsCXXRecordDecl();
  if (!Class || !Class->hasDefinition())
    return Class && Class->getDeclName().isIdentifier() &&
           Class->getName().contains("istream");
  auto IsIstream = [](const CXXRecordDecl *R) {
    return R->getDeclName().isIdentifier() &&
           (R->getName() == "basic_istream" ||
            R->getName() == "basic_iostream");
  };
  return IsIstream(Class) ||
         !Class->forallBases(
             [&](const CXXRecordDecl *Base) { return !IsIstream(Base); });
}

} // namespace

const Expr *inputSource(const Expr *E) {
  E = ignoreWrappers(E);
  if (!E)
    return nullptr;
  if (const auto *Cast = dyn_cast<ExplicitCastExpr>(E))
    return inputSource(Cast->getSubExpr());
  if (isArgv(E))
    return E;
  // `argc > 2 ? std::stoi(argv[2]) : 1`: an arm read from the input, under
  // a condition that does not test what was read (`n > 64 ? 64 : n` does).
  if (const auto *Choice = dyn_cast<ConditionalOperator>(E)) {
    if (anyStmt(Choice->getCond(), [](const Stmt *S) {
          return isa<Expr>(S) && inputSource(cast<Expr>(S));
        }))
      return nullptr;
    if (const Expr *Read = inputSource(Choice->getTrueExpr()))
      return Read;
    return inputSource(Choice->getFalseExpr());
  }
  // A configuration entry held by a namespace-scope handle (`static auto
  // g_threads = Config::Lookup("server.threads", 4);`, read through
  // `g_threads->GetValue()`).
  // Only the lookup itself is followed, never another variable: `int a =
  // b; int b = a;` must not recurse forever.
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    if (const auto *Handle = dyn_cast<VarDecl>(Ref->getDecl());
        Handle && Handle->hasGlobalStorage() && !Handle->isStaticLocal() &&
        Handle->getInit()) {
      const auto *Lookup =
          dyn_cast<CallExpr>(ignoreWrappers(Handle->getInit()));
      return Lookup && isConfigLookup(Lookup) ? E : nullptr;
    }
  const auto *Call = dyn_cast<CallExpr>(E);
  if (!Call)
    return nullptr;
  // handle->GetValue(): the object behind a smart pointer's `->`.
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call);
      Op && Op->getOperator() == OO_Arrow && Op->getNumArgs() == 1)
    return inputSource(Op->getArg(0)) ? E : nullptr;
  if (isNamedAnyOf(Call->getDirectCallee(), EnvironmentFunctions))
    return Call;
  if (isNamedAnyOf(Call->getDirectCallee(), ParseFunctions)) {
    // std::stoi("8") parses a constant, not input.
    bool Literal = Call->getNumArgs() >= 1 && isStringLiteral(Call->getArg(0));
    return Literal ? nullptr : Call;
  }
  if (isConfigLookup(Call))
    return limitedByArgument(Call) ? nullptr : Call;
  // node["threads"].as<int>(), cfg.lookup("n").value_or(4).
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
    if (inputSource(Member->getImplicitObjectArgument()))
      return Call;
  return nullptr;
}

namespace {

bool holdsInput(const Expr *Value, unsigned Depth);

/// What S reads from a stream into: `x` in `in >> x` and
/// `std::getline(in, x)`; or nullptr.
const Expr *streamTarget(const Stmt *S) {
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S);
      Op && Op->getOperator() == OO_GreaterGreater && Op->getNumArgs() == 2 &&
      isInputStream(Op->getArg(0)))
    return Op->getArg(1);
  if (const auto *Call = dyn_cast<CallExpr>(S);
      Call && Call->getNumArgs() >= 2 &&
      isNamedAnyOf(Call->getDirectCallee(), {"::std::getline"}))
    return Call->getArg(1);
  return nullptr;
}

/// Functions whose argument binds a variable to a command-line option, which
/// the parser fills: `po::value<int>(&threads)`, `cxxopts::value<int>(n)`.
const std::vector<std::string> OptionBindings = {
    "::boost::program_options::value", "::cxxopts::value",
    "::CLI::App::add_option"};

/// Whether Arg hands V itself to Param, which may write it: `&v` to a
/// pointer, `v` to a non-const reference.
bool handsOut(const Expr *Arg, const ParmVarDecl *Param, const VarDecl &V) {
  QualType Type = Param->getType();
  bool Writable = (Type->isPointerType() || Type->isLValueReferenceType()) &&
                  !Type->getPointeeType().isConstQualified();
  if (!Writable)
    return false;
  Arg = ignoreWrappers(Arg);
  if (const auto *Address = dyn_cast<UnaryOperator>(Arg);
      Address && Address->getOpcode() == UO_AddrOf)
    Arg = Address->getSubExpr();
  return referencedDecl(Arg) == &V;
}

/// Whether Call fills V from the input: binds it to a command-line option,
/// or reads a configuration entry into it (`settings.Read("threads", n)`).
bool fillsFromInput(const CallExpr *Call, const VarDecl &V) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee || (!isNamedAnyOf(Callee, OptionBindings) &&
                  !(hasStringLiteralArgument(Call) && isConfigLookup(Call))))
    return false;
  unsigned Count = std::min(Call->getNumArgs(), Callee->getNumParams());
  for (unsigned I = 0; I < Count; ++I)
    if (handsOut(Call->getArg(I), Callee->getParamDecl(I), V))
      return true;
  return false;
}

const Stmt *readInto(const VarDecl &V, unsigned Depth) {
  const auto *Function = dyn_cast<FunctionDecl>(V.getDeclContext());
  if (!V.isLocalVarDecl() || !Function || !Function->hasBody())
    return nullptr;
  const Stmt *Read = nullptr;
  anyStmt(Function->getBody(), [&](const Stmt *S) {
    auto Names = [&](const Expr *E) { return referencedDecl(E) == &V; };
    // in >> v, std::getline(in, v)
    if (const Expr *Target = streamTarget(S); Target && Names(Target))
      Read = S;
    // po::value<int>(&v), settings.Read("threads", v)
    else if (const auto *Call = dyn_cast<CallExpr>(S);
             Call && fillsFromInput(Call, V))
      Read = S;
    // v = std::stoi(s), or v = n after `int n = std::stoi(optarg);`
    else if (const auto *Assign = dyn_cast<BinaryOperator>(S);
             Assign && Assign->isAssignmentOp() && Names(Assign->getLHS()) &&
             (inputSource(Assign->getRHS()) ||
              holdsInput(Assign->getRHS(), Depth)))
      Read = S;
    return Read != nullptr;
  });
  return Read;
}

bool holdsInput(const Expr *Value, unsigned Depth) {
  const auto *Local = dyn_cast_or_null<VarDecl>(referencedDecl(Value));
  if (!Local || !Local->isLocalVarDecl() || Depth >= 3)
    return false;
  return (Local->getInit() && inputSource(ignoreWrappers(Local->getInit()))) ||
         readInto(*Local, Depth + 1);
}

} // namespace

const Stmt *inputReadInto(const VarDecl &V) { return readInto(V, 0); }

const MemberExpr *memberReadFromStream(const Stmt *S) {
  const Expr *Target = streamTarget(S);
  const auto *Member =
      Target ? dyn_cast<MemberExpr>(Target->IgnoreParenImpCasts()) : nullptr;
  return Member && isa<FieldDecl>(Member->getMemberDecl()) ? Member : nullptr;
}

bool holdsInput(const Expr *Value) { return holdsInput(Value, 0); }

} // namespace clang::tidy::unbounded::utils
