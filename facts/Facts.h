//===- Facts.h - what the project's own functions do ------------*- C++ -*-===//
///
/// \file
/// Facts are small, serialisable summaries of the project's own functions,
/// keyed by USR: what a function does directly (starts a thread that
/// outlives it, creates a client, refuses an item when full) and which
/// project functions it calls. One translation unit yields one UnitFacts;
/// joining the units of a project gives every function its effects through
/// any depth of calls, with the chain of places that proves each. A "use"
/// is a finding that waits for a callee defined elsewhere. The schema is
/// described in docs/whole-program.md.
///
//===----------------------------------------------------------------------===//
#ifndef UNBOUNDED_FACTS_FACTS_H
#define UNBOUNDED_FACTS_FACTS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace unbounded::facts {

inline constexpr llvm::StringLiteral Schema = "unbounded-tidy-facts";
inline constexpr int64_t Version = 1;

/// A place in a file (absolute path, 1-based line and byte column) and
/// what happens there, as a note would say it.
struct Site {
  std::string File;
  unsigned Line = 0, Column = 0;
  std::string Text;
};

/// Something a function does itself, for one effect kind ("thread",
/// "client", "client-factory", "fallible-enqueue"), and where.
struct Effect {
  std::string Kind;
  std::string Detail;      ///< What the library call does, for messages.
  std::vector<Site> Chain; ///< From the function down to the library call.
};

/// A call from a function to a project function, through which an effect
/// of one kind passes to the caller.
struct Edge {
  std::string Kind;
  std::string Callee; ///< USR.
  Site At;            ///< The call, with the note it gets in a chain.
};

/// One project function as one translation unit sees its definition.
struct Function {
  std::string Usr;
  std::string Name; ///< Qualified, for messages.
  std::vector<Effect> Direct;
  std::vector<Edge> Calls; ///< In source order.
};

/// A diagnostic as plain data: a check's finding with its notes.
struct Diagnostic {
  std::string Check;
  Site At; ///< Text is the message.
  std::string SourceLine;
  std::vector<Site> Notes;
};

/// Stands, in a use's message, for the Detail of the callee's effect.
inline constexpr llvm::StringLiteral DetailPlaceholder = "{detail}";

/// Message with DetailPlaceholder replaced by Detail.
std::string withDetail(llvm::StringRef Message, llvm::StringRef Detail);

/// A finding that holds if Callee (defined in another translation unit, or
/// calling one) has an effect of kind Kind.
struct Use {
  std::string Kind;
  std::string Callee;
  Diagnostic Finding;
};

/// A metric the code registers: its name (a string literal at the call),
/// the registration API ("prometheus-cpp", "OpenTelemetry", ...) and the
/// call. Static evidence for the checklist's Monitoring items.
struct Metric {
  std::string Name;
  std::string Api;
  Site At;
};

/// What one translation unit contributes.
struct UnitFacts {
  std::vector<Function> Functions;
  std::vector<Use> Uses;
  std::vector<Metric> Metrics; ///< Optional in JSON: absent means none.
  bool empty() const {
    return Functions.empty() && Uses.empty() && Metrics.empty();
  }
};

/// An effect a function has, directly or through Depth calls.
struct Summary {
  unsigned Depth = 0;
  std::string Detail; ///< The library call's, at the end of the chain.
  std::vector<Site> Chain;
};

/// Every function's effects after the join: USR → kind → summary, plus
/// each function's name.
class Project {
public:
  const Summary *effect(llvm::StringRef Usr, llvm::StringRef Kind) const;
  const std::string *name(llvm::StringRef Usr) const;
  bool knows(llvm::StringRef Usr) const { return Names.count(Usr.str()); }
  size_t size() const { return Names.size(); }

  /// Fills the summaries of Units' functions, through calls to each other
  /// and to functions of Known (whose summaries are final). Shortest
  /// chains win; among those, the first call in source order.
  static Project join(llvm::ArrayRef<const UnitFacts *> Units,
                      const Project *Known = nullptr);

  /// The findings among Uses whose callee has the effect they wait for,
  /// with the callee's detail in their message and its chain appended to
  /// their notes.
  std::vector<Diagnostic> resolve(llvm::ArrayRef<Use> Uses) const;

  /// The notes that walk from a call of Usr down to the library call.
  std::vector<Site> chainNotes(llvm::StringRef Usr, llvm::StringRef Kind) const;

  llvm::json::Value toJson() const;
  static llvm::Expected<Project> fromJson(llvm::StringRef Text);

private:
  std::map<std::string, std::map<std::string, Summary>> Effects;
  std::map<std::string, std::string> Names;
};

llvm::json::Value toJson(const UnitFacts &Unit);
llvm::Expected<UnitFacts> unitFromJson(const llvm::json::Value &V);

/// The project facts file at Path, read once per process and path (the
/// plugin and clangd ask for it from every check of every file).
llvm::Expected<std::shared_ptr<const Project>>
loadProjectFile(llvm::StringRef Path);

} // namespace unbounded::facts

#endif
