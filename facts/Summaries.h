//===- Summaries.h - one translation unit's facts, for one check -*- C++
//-*-===//
///
/// \file
/// A check describes what the functions of its translation unit do
/// directly and which project functions they call (addDirect, addCall);
/// finish() joins that with the project facts already known (a facts file)
/// and answers, for any callee, whether it has the effect and whether that
/// answer is final. Answers that wait for another translation unit become
/// uses: the driver joins them after every file was parsed once.
///
//===----------------------------------------------------------------------===//
#ifndef UNBOUNDED_FACTS_SUMMARIES_H
#define UNBOUNDED_FACTS_SUMMARIES_H

#include "Facts.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringSet.h"

namespace unbounded::facts {

/// The key of a function across translation units: its USR (a template's
/// instantiations share their pattern's).
std::string usrOf(const clang::FunctionDecl &F);

/// The key of F's parameter Index (0-based): `<usrOf(F)>@param<Index>`.
std::string parameterKey(const clang::FunctionDecl &F, unsigned Index);

/// F's parameter Index as messages name it: "f(parameter 1 'n')".
std::string parameterName(const clang::FunctionDecl &F, unsigned Index);

/// Loc (its expansion) as a site with Text.
Site siteAt(clang::SourceLocation Loc, const clang::SourceManager &SM,
            llvm::StringRef Text);

/// Where Site lies in SM, opening its file if this translation unit did not
/// include it; invalid when the file cannot be read.
clang::SourceLocation locationOf(const Site &S, clang::SourceManager &SM);

/// The facts of the translation unit being linted by the driver's worker,
/// or nullptr (the plugin and clangd collect none).
UnitFacts *sink();
/// Installs the sink (the driver's worker, around one translation unit).
void setSink(UnitFacts *Unit);

/// The prefix a check puts before a pending finding's message so that the
/// driver's worker takes it out of the diagnostics (after clang-tidy applied
/// NOLINT and the header filter) and keeps it as a use.
std::string pendingMessage(llvm::StringRef Kind, llvm::StringRef CalleeUsr,
                           llvm::StringRef Message);
/// The kind, callee and message of a pending finding's message.
bool parsePendingMessage(llvm::StringRef Text, std::string &Kind,
                         std::string &Callee, std::string &Message);

/// One check's view of one effect kind in one translation unit.
class Summaries {
public:
  Summaries(clang::ASTContext &Ctx, llvm::StringRef Kind,
            std::shared_ptr<const Project> Known);

  /// F is defined in this translation unit (whether or not it does
  /// anything of this kind).
  void addDefinition(const clang::FunctionDecl &F);
  /// F does it itself; Chain walks from F to the library call, Detail says
  /// what that call does (for messages).
  void addDirect(const clang::FunctionDecl &F, llvm::StringRef Detail,
                 std::vector<Site> Chain);
  /// Caller calls Callee at Loc; Text is the note for that step.
  void addCall(const clang::FunctionDecl &Caller,
               const clang::FunctionDecl &Callee, clang::SourceLocation Loc,
               llvm::StringRef Text);
  /// The same, for facts keyed by something other than a function (a
  /// parameter, a member): Usr is the key, Name the name messages use.
  void addDefinition(llvm::StringRef Usr, llvm::StringRef Name);
  void addDirect(llvm::StringRef Usr, llvm::StringRef Name,
                 llvm::StringRef Detail, std::vector<Site> Chain);
  /// Caller (a key) passes the effect of Callee (a key) on at At; a second
  /// edge between the same keys at the same place is not recorded.
  void addCall(llvm::StringRef CallerUsr, llvm::StringRef CallerName,
               llvm::StringRef CalleeUsr, Site At);

  /// Joins the calls recorded so far with the known project facts, and
  /// hands this unit's facts to the sink, if any.
  void finish();

  /// Callee's effect, or nullptr.
  const Summary *effect(const clang::FunctionDecl &Callee) const;
  /// Whether effect(Callee) is final: there are project facts, or Callee is
  /// defined here and calls only functions whose answer is final.
  bool settled(const clang::FunctionDecl &Callee) const;
  /// The same, by key.
  const Summary *effect(llvm::StringRef Usr) const;
  bool settled(llvm::StringRef Usr) const;

  llvm::StringRef kind() const { return Kind; }

private:
  Function &record(const clang::FunctionDecl &F);
  Function &record(llvm::StringRef Usr, llvm::StringRef Name);

  clang::ASTContext &Ctx;
  std::string Kind;
  std::shared_ptr<const Project> Known;
  UnitFacts Unit;
  llvm::DenseMap<const clang::FunctionDecl *, size_t> Index;
  llvm::StringMap<size_t> ByUsr;
  llvm::StringSet<> Defined;
  llvm::StringSet<> Unsettled;
  Project Local;
};

} // namespace unbounded::facts

#endif
