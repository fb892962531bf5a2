//===- Summaries.cpp - one translation unit's facts, for one check --------===//

#include "Summaries.h"

#include "clang/Basic/SourceManager.h"
#include "clang/Index/USRGeneration.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace unbounded::facts {

namespace {
UnitFacts *CurrentSink = nullptr;

/// Printable (clang escapes control characters in messages) and unlike any
/// message a check writes.
constexpr llvm::StringLiteral PendingOpen = "{{unbounded-pending|",
                              PendingClose = "}}";

/// Merges F into Unit by USR: each check adds its own kinds of effects and
/// calls to the same function.
void mergeInto(UnitFacts &Unit, Function F) {
  for (Function &Existing : Unit.Functions)
    if (Existing.Usr == F.Usr) {
      Existing.Direct.insert(Existing.Direct.end(), F.Direct.begin(),
                             F.Direct.end());
      Existing.Calls.insert(Existing.Calls.end(), F.Calls.begin(),
                            F.Calls.end());
      return;
    }
  Unit.Functions.push_back(std::move(F));
}
} // namespace

UnitFacts *sink() { return CurrentSink; }
void setSink(UnitFacts *Unit) { CurrentSink = Unit; }

std::string pendingMessage(llvm::StringRef Kind, llvm::StringRef CalleeUsr,
                           llvm::StringRef Message) {
  return (PendingOpen + Kind + "|" + CalleeUsr + PendingClose + Message).str();
}

bool parsePendingMessage(llvm::StringRef Text, std::string &Kind,
                         std::string &Callee, std::string &Message) {
  if (!Text.consume_front(PendingOpen))
    return false;
  auto [K, Rest] = Text.split('|');
  auto [C, M] = Rest.split(PendingClose);
  Kind = K.str();
  Callee = C.str();
  Message = M.str();
  return true;
}

std::string usrOf(const clang::FunctionDecl &F) {
  const clang::FunctionDecl *Key = &F;
  if (const clang::FunctionDecl *Pattern = F.getTemplateInstantiationPattern())
    Key = Pattern;
  llvm::SmallString<128> Usr;
  if (clang::index::generateUSRForDecl(Key->getCanonicalDecl(), Usr))
    return F.getQualifiedNameAsString();
  return std::string(Usr);
}

std::string parameterKey(const clang::FunctionDecl &F, unsigned Index) {
  return usrOf(F) + "@param" + std::to_string(Index);
}

std::string parameterName(const clang::FunctionDecl &F, unsigned Index) {
  std::string Name =
      F.getQualifiedNameAsString() + "(parameter " + std::to_string(Index + 1);
  const clang::ParmVarDecl *Param = F.getParamDecl(Index);
  if (Param->getDeclName().isIdentifier() && !Param->getName().empty())
    Name += " '" + Param->getName().str() + "'";
  return Name + ")";
}

Site siteAt(clang::SourceLocation Loc, const clang::SourceManager &SM,
            llvm::StringRef Text) {
  Site S;
  S.Text = Text.str();
  clang::SourceLocation Expansion = SM.getExpansionLoc(Loc);
  clang::FileID File = SM.getFileID(Expansion);
  clang::OptionalFileEntryRef Entry = SM.getFileEntryRefForID(File);
  if (!Entry)
    return S;
  llvm::SmallString<256> Path(Entry->getName());
  llvm::sys::fs::make_absolute(Path);
  llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  S.File = std::string(Path);
  S.Line = SM.getExpansionLineNumber(Expansion);
  S.Column = SM.getExpansionColumnNumber(Expansion);
  return S;
}

clang::SourceLocation locationOf(const Site &S, clang::SourceManager &SM) {
  auto Entry = SM.getFileManager().getOptionalFileRef(S.File);
  if (!Entry)
    return {};
  clang::SourceLocation Loc =
      SM.translateFileLineCol(&Entry->getFileEntry(), S.Line, S.Column);
  if (Loc.isValid())
    return Loc;
  clang::FileID File = SM.getOrCreateFileID(*Entry, clang::SrcMgr::C_User);
  return SM.translateLineCol(File, S.Line, S.Column);
}

Summaries::Summaries(clang::ASTContext &Ctx, llvm::StringRef Kind,
                     std::shared_ptr<const Project> Known)
    : Ctx(Ctx), Kind(Kind.str()), Known(std::move(Known)) {}

Function &Summaries::record(const clang::FunctionDecl &F) {
  auto It = Index.find(&F);
  if (It != Index.end())
    return Unit.Functions[It->second];
  Function &Result = record(usrOf(F), F.getQualifiedNameAsString());
  Index[&F] = &Result - Unit.Functions.data();
  return Result;
}

Function &Summaries::record(llvm::StringRef Usr, llvm::StringRef Name) {
  auto [It, New] = ByUsr.try_emplace(Usr, Unit.Functions.size());
  if (New) {
    Unit.Functions.push_back({Usr.str(), Name.str(), {}, {}});
    Defined.insert(Usr);
  }
  return Unit.Functions[It->second];
}

void Summaries::addDefinition(llvm::StringRef Usr, llvm::StringRef Name) {
  record(Usr, Name);
}

void Summaries::addDirect(llvm::StringRef Usr, llvm::StringRef Name,
                          llvm::StringRef Detail, std::vector<Site> Chain) {
  record(Usr, Name).Direct.push_back({Kind, Detail.str(), std::move(Chain)});
}

void Summaries::addCall(llvm::StringRef CallerUsr, llvm::StringRef CallerName,
                        llvm::StringRef CalleeUsr, Site At) {
  Function &From = record(CallerUsr, CallerName);
  for (const Edge &E : From.Calls)
    if (E.Callee == CalleeUsr && E.At.File == At.File && E.At.Line == At.Line &&
        E.At.Column == At.Column)
      return;
  From.Calls.push_back({Kind, CalleeUsr.str(), std::move(At)});
}

void Summaries::addDirect(const clang::FunctionDecl &F, llvm::StringRef Detail,
                          std::vector<Site> Chain) {
  record(F).Direct.push_back({Kind, Detail.str(), std::move(Chain)});
}

void Summaries::addCall(const clang::FunctionDecl &Caller,
                        const clang::FunctionDecl &Callee,
                        clang::SourceLocation Loc, llvm::StringRef Text) {
  std::string CalleeUsr = usrOf(Callee);
  Function &From = record(Caller);
  From.Calls.push_back(
      {Kind, CalleeUsr, siteAt(Loc, Ctx.getSourceManager(), Text)});
}

void Summaries::addDefinition(const clang::FunctionDecl &F) { record(F); }

void Summaries::finish() {
  // Unsettled: calls (transitively) a function neither defined here nor
  // known to the project facts, and does not have the effect itself.
  bool Changed = true;
  while (Changed) {
    Changed = false;
    for (const Function &F : Unit.Functions) {
      if (Unsettled.count(F.Usr) || !F.Direct.empty())
        continue;
      for (const Edge &E : F.Calls)
        if (Unsettled.count(E.Callee) || !Defined.count(E.Callee)) {
          Unsettled.insert(F.Usr);
          Changed = true;
          break;
        }
    }
  }
  const UnitFacts *Units[] = {&Unit};
  Local = Project::join(Units, Known.get());
  if (UnitFacts *Sink = sink())
    for (const Function &F : Unit.Functions)
      if (!F.Direct.empty() || !F.Calls.empty())
        mergeInto(*Sink, F);
}

const Summary *Summaries::effect(const clang::FunctionDecl &Callee) const {
  return effect(usrOf(Callee));
}

const Summary *Summaries::effect(llvm::StringRef Usr) const {
  if (Defined.count(Usr))
    return Local.effect(Usr, Kind);
  return Known ? Known->effect(Usr, Kind) : nullptr;
}

bool Summaries::settled(const clang::FunctionDecl &Callee) const {
  return settled(usrOf(Callee));
}

bool Summaries::settled(llvm::StringRef Usr) const {
  // The project facts describe every function: one they do not name has
  // no effect.
  if (Known)
    return true;
  return Defined.count(Usr) && !Unsettled.count(Usr);
}

} // namespace unbounded::facts
