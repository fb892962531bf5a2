//===- InputSources.h - values read from outside the program ----*- C++ -*-===//

#ifndef UNBOUNDED_UTILS_INPUTSOURCES_H
#define UNBOUNDED_UTILS_INPUTSOURCES_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"

namespace clang::tidy::unbounded::utils {

/// The expression that reads E's value from outside the program, if E is
/// one: the environment (`std::getenv`), the command line (`argv`), a
/// string parsed into a number (`std::stoi`, `atoi`, `strtol`,
/// `boost::lexical_cast`), or a configuration lookup by key
/// (`config.get<int>("threads")`, `settings["workers"]`). Looks at E
/// itself and, through a call's object or arguments, at what it parses;
/// not through variables (see inputReadInto).
const Expr *inputSource(const Expr *E);

/// The statement in V's function that reads V from the input after its
/// declaration: `in >> v` from a stream, `v = std::stoi(s)`,
/// `std::getline(in, v)`, `v = n` from a local that holds the input, a
/// command-line option bound to it (`po::value<int>(&v)`,
/// `cxxopts::value<int>(v)`), a configuration entry read into it
/// (`settings.Read("threads", v)`); or nullptr. Only for local variables.
const Stmt *inputReadInto(const VarDecl &V);

/// The member S reads from an input stream, as S names it: `cfg.workers`
/// in `in >> cfg.workers` or `std::getline(in, cfg.name)`; or nullptr.
const MemberExpr *memberReadFromStream(const Stmt *S);

/// Whether Value is a local variable that holds what the input says: one
/// initialized from it (`int n = std::stoi(optarg);`) or read into.
bool holdsInput(const Expr *Value);

} // namespace clang::tidy::unbounded::utils

#endif
