//===- Effects.h - findings that rest on what a callee does -----*- C++ -*-===//

#ifndef UNBOUNDED_UTILS_EFFECTS_H
#define UNBOUNDED_UTILS_EFFECTS_H

#include "Summaries.h"
#include "utils/AstNavigation.h"
#include "utils/RequestContext.h"

#include "clang-tidy/ClangTidyCheck.h"
#include <memory>
#include <string>
#include <vector>

namespace clang::tidy::unbounded::utils {

/// The name of the option, shared by all checks, that points at the
/// project's facts file (written by `unbounded-tidy --export-facts`).
inline constexpr llvm::StringLiteral FactsFileOption = "UnboundedFactsFile";

/// The project facts at Path (empty: none). A file that cannot be read, is
/// not a facts file or has another version is a configuration error
/// (reported once per process), and the checks go on with the facts of
/// their own file only.
std::shared_ptr<const ::unbounded::facts::Project>
loadFacts(ClangTidyCheck &Check, llvm::StringRef Path);

/// A finding about a call, before the callee's chain is known.
struct CallFinding {
  SourceLocation Loc;
  std::string Message;
  std::vector<ContextNote> Notes;
};

/// A finding at Loc with Message and, when Where is an unbounded loop or a
/// handler, the note that says why.
CallFinding callFinding(SourceLocation Loc, std::string Message,
                        const ExecutionContext &Where,
                        const LoopBounds &Bounds);

/// Reports Finding for a call to Callee, if Callee has the effect of
/// Effects' kind: at once, followed by the chain from Callee down to the
/// library call, when that answer is final; as a pending finding when it
/// waits for other translation units and the driver collects facts.
void reportCall(ClangTidyCheck &Check,
                const ::unbounded::facts::Summaries &Effects,
                const FunctionDecl &Callee, const CallFinding &Finding);

/// The same, for an effect keyed by CalleeUsr (a parameter, a member).
void reportCall(ClangTidyCheck &Check,
                const ::unbounded::facts::Summaries &Effects,
                llvm::StringRef CalleeUsr, SourceManager &SM,
                const CallFinding &Finding);

/// Whether a call to Callee may be reported: Callee has the effect, or the
/// answer waits for other translation units and the driver collects facts.
bool mayHaveEffect(const ::unbounded::facts::Summaries &Effects,
                   const FunctionDecl &Callee);
bool mayHaveEffect(const ::unbounded::facts::Summaries &Effects,
                   llvm::StringRef CalleeUsr);

/// The notes that walk Chain, in order.
void noteChain(ClangTidyCheck &Check, SourceManager &SM,
               const std::vector<::unbounded::facts::Site> &Chain);

} // namespace clang::tidy::unbounded::utils

#endif
