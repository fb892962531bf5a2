//===- Facts.cpp - what the project's own functions do --------------------===//

#include "Facts.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include <mutex>
#include <set>

namespace unbounded::facts {
namespace json = llvm::json;

namespace {

llvm::Error malformed(const llvm::Twine &What) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), What);
}

json::Value siteJson(const Site &S) {
  return json::Object{{"file", S.File},
                      {"line", S.Line},
                      {"column", S.Column},
                      {"text", S.Text}};
}

json::Array sitesJson(const std::vector<Site> &Sites) {
  json::Array A;
  for (const Site &S : Sites)
    A.push_back(siteJson(S));
  return A;
}

llvm::Expected<Site> siteFrom(const json::Value *V) {
  const json::Object *O = V ? V->getAsObject() : nullptr;
  if (!O)
    return malformed("a site is not an object");
  Site S;
  auto File = O->getString("file");
  auto Line = O->getInteger("line");
  auto Column = O->getInteger("column");
  auto Text = O->getString("text");
  if (!File || !Line || !Column || !Text || *Line < 0 || *Column < 0)
    return malformed("a site lacks file, line, column or text");
  S.File = File->str();
  S.Line = unsigned(*Line);
  S.Column = unsigned(*Column);
  S.Text = Text->str();
  return S;
}

llvm::Error sitesFrom(const json::Value *V, std::vector<Site> &Out) {
  const json::Array *A = V ? V->getAsArray() : nullptr;
  if (!A)
    return malformed("a list of sites is not an array");
  for (const json::Value &Item : *A) {
    auto S = siteFrom(&Item);
    if (!S)
      return S.takeError();
    Out.push_back(std::move(*S));
  }
  return llvm::Error::success();
}

std::string stringOr(const json::Object &O, llvm::StringRef Key) {
  auto S = O.getString(Key);
  return S ? S->str() : std::string();
}

/// Every function by USR, the facts of all its definitions merged: an inline
/// function is seen by every unit that includes it, and a class's
/// constructors may learn an effect from a member function defined in
/// another unit.
using Definitions = std::map<std::string, const Function *>;

/// Shortest chains by relaxation: a function's depth is one more than the
/// smallest depth among its callees; ties go to the first call.
class KindJoin {
public:
  KindJoin(llvm::StringRef Kind, const Definitions &Defs, const Project *Known)
      : Kind(Kind), Defs(Defs), Known(Known) {}

  std::map<std::string, Summary> run() {
    for (const auto &[Usr, F] : Defs)
      for (const Effect &E : F->Direct)
        if (E.Kind == Kind && !Depth.count(Usr)) {
          Depth[Usr] = 0;
          Direct[Usr] = &E;
        }
    for (bool Changed = true; Changed;) {
      Changed = false;
      for (const auto &[Usr, F] : Defs)
        Changed |= relax(Usr, *F);
    }
    std::map<std::string, Summary> Result;
    for (const auto &[Usr, D] : Depth)
      Result[Usr] = Summary{D, detail(Usr), chain(Usr)};
    return Result;
  }

private:
  std::optional<unsigned> depthOf(const std::string &Usr) const {
    if (Defs.count(Usr)) {
      auto It = Depth.find(Usr);
      if (It == Depth.end())
        return std::nullopt;
      return It->second;
    }
    if (const Summary *S = Known ? Known->effect(Usr, Kind) : nullptr)
      return S->Depth;
    return std::nullopt;
  }

  bool relax(const std::string &Usr, const Function &F) {
    if (Direct.count(Usr))
      return false;
    const Edge *Best = nullptr;
    unsigned BestDepth = 0;
    for (const Edge &E : F.Calls) {
      if (E.Kind != Kind)
        continue;
      std::optional<unsigned> D = depthOf(E.Callee);
      if (D && (!Best || *D + 1 < BestDepth)) {
        Best = &E;
        BestDepth = *D + 1;
      }
    }
    if (!Best)
      return false;
    auto It = Depth.find(Usr);
    if (It != Depth.end() && It->second == BestDepth && Via[Usr] == Best)
      return false;
    if (It != Depth.end() && It->second < BestDepth)
      return false;
    Depth[Usr] = BestDepth;
    Via[Usr] = Best;
    return true;
  }

  std::string detail(const std::string &Usr) const {
    if (auto D = Direct.find(Usr); D != Direct.end())
      return D->second->Detail;
    const Edge *E = Via.at(Usr);
    if (Defs.count(E->Callee))
      return detail(E->Callee);
    return Known->effect(E->Callee, Kind)->Detail;
  }

  std::vector<Site> chain(const std::string &Usr) {
    auto Done = Chains.find(Usr);
    if (Done != Chains.end())
      return Done->second;
    std::vector<Site> Result;
    if (auto D = Direct.find(Usr); D != Direct.end()) {
      Result = D->second->Chain;
    } else if (Defs.count(Usr)) {
      const Edge *E = Via.at(Usr);
      Result.push_back(E->At);
      std::vector<Site> Rest;
      if (Defs.count(E->Callee))
        Rest = chain(E->Callee);
      else if (const Summary *S = Known->effect(E->Callee, Kind))
        Rest = S->Chain;
      Result.insert(Result.end(), Rest.begin(), Rest.end());
    }
    Chains[Usr] = Result;
    return Result;
  }

  std::string Kind;
  const Definitions &Defs;
  const Project *Known;
  std::map<std::string, unsigned> Depth;
  std::map<std::string, const Effect *> Direct;
  std::map<std::string, const Edge *> Via;
  std::map<std::string, std::vector<Site>> Chains;
};

} // namespace

std::string withDetail(llvm::StringRef Message, llvm::StringRef Detail) {
  size_t At = Message.find(DetailPlaceholder);
  if (At == llvm::StringRef::npos)
    return Message.str();
  return (Message.take_front(At) + Detail +
          Message.drop_front(At + DetailPlaceholder.size()))
      .str();
}

const Summary *Project::effect(llvm::StringRef Usr,
                               llvm::StringRef Kind) const {
  auto F = Effects.find(Usr.str());
  if (F == Effects.end())
    return nullptr;
  auto K = F->second.find(Kind.str());
  return K == F->second.end() ? nullptr : &K->second;
}

const std::string *Project::name(llvm::StringRef Usr) const {
  auto It = Names.find(Usr.str());
  return It == Names.end() ? nullptr : &It->second;
}

Project Project::join(llvm::ArrayRef<const UnitFacts *> Units,
                      const Project *Known) {
  Project P;
  std::map<std::string, Function> Merged;
  std::set<std::string> Kinds;
  for (const UnitFacts *U : Units)
    for (const Function &F : U->Functions) {
      auto [It, New] = Merged.try_emplace(F.Usr, F);
      if (!New) {
        It->second.Direct.insert(It->second.Direct.end(), F.Direct.begin(),
                                 F.Direct.end());
        for (const Edge &E : F.Calls)
          if (!llvm::any_of(It->second.Calls, [&](const Edge &Old) {
                return Old.Kind == E.Kind && Old.Callee == E.Callee &&
                       Old.At.File == E.At.File && Old.At.Line == E.At.Line &&
                       Old.At.Column == E.At.Column;
              }))
            It->second.Calls.push_back(E);
      }
      P.Names[F.Usr] = F.Name;
      for (const Effect &E : F.Direct)
        Kinds.insert(E.Kind);
      for (const Edge &E : F.Calls)
        Kinds.insert(E.Kind);
    }
  Definitions Defs;
  for (const auto &[Usr, F] : Merged)
    Defs[Usr] = &F;
  for (const std::string &Kind : Kinds)
    for (auto &[Usr, S] : KindJoin(Kind, Defs, Known).run())
      P.Effects[Usr][Kind] = std::move(S);
  return P;
}

std::vector<Site> Project::chainNotes(llvm::StringRef Usr,
                                      llvm::StringRef Kind) const {
  const Summary *S = effect(Usr, Kind);
  return S ? S->Chain : std::vector<Site>();
}

std::vector<Diagnostic> Project::resolve(llvm::ArrayRef<Use> Uses) const {
  std::vector<Diagnostic> Found;
  for (const Use &U : Uses) {
    const Summary *S = effect(U.Callee, U.Kind);
    if (!S)
      continue;
    Diagnostic D = U.Finding;
    D.At.Text = withDetail(D.At.Text, S->Detail);
    D.Notes.insert(D.Notes.end(), S->Chain.begin(), S->Chain.end());
    Found.push_back(std::move(D));
  }
  return Found;
}

json::Value Project::toJson() const {
  json::Array Functions;
  for (const auto &[Usr, Name] : Names) {
    json::Object Kinds;
    auto F = Effects.find(Usr);
    if (F != Effects.end())
      for (const auto &[Kind, S] : F->second)
        Kinds[Kind] = json::Object{{"depth", S.Depth},
                                   {"detail", S.Detail},
                                   {"chain", sitesJson(S.Chain)}};
    if (Kinds.empty())
      continue;
    Functions.push_back(json::Object{
        {"usr", Usr}, {"name", Name}, {"effects", std::move(Kinds)}});
  }
  return json::Object{{"schema", Schema},
                      {"version", Version},
                      {"functions", std::move(Functions)}};
}

llvm::Expected<Project> Project::fromJson(llvm::StringRef Text) {
  auto Parsed = json::parse(Text);
  if (!Parsed)
    return malformed("not JSON (" + llvm::toString(Parsed.takeError()) + ")");
  const json::Object *O = Parsed->getAsObject();
  if (!O || O->getString("schema") != std::optional<llvm::StringRef>(Schema))
    return malformed("not an unbounded-tidy facts file (schema '" + Schema +
                     "' expected)");
  if (O->getInteger("version") != std::optional<int64_t>(Version))
    return malformed("version " +
                     std::to_string(O->getInteger("version").value_or(-1)) +
                     ", but this unbounded-tidy reads version " +
                     std::to_string(Version) + " (export the facts again)");
  const json::Array *Functions = O->getArray("functions");
  if (!Functions)
    return malformed("no 'functions' array");
  Project P;
  for (const json::Value &V : *Functions) {
    const json::Object *F = V.getAsObject();
    const json::Object *Kinds = F ? F->getObject("effects") : nullptr;
    if (!Kinds || !F->getString("usr"))
      return malformed("a function lacks 'usr' or 'effects'");
    std::string Usr = F->getString("usr")->str();
    P.Names[Usr] = stringOr(*F, "name");
    for (const auto &[Kind, Value] : *Kinds) {
      const json::Object *E = Value.getAsObject();
      Summary S;
      if (!E || !E->getInteger("depth"))
        return malformed("an effect lacks 'depth'");
      S.Depth = unsigned(*E->getInteger("depth"));
      S.Detail = stringOr(*E, "detail");
      if (auto Err = sitesFrom(E->get("chain"), S.Chain))
        return std::move(Err);
      P.Effects[Usr][Kind.str()] = std::move(S);
    }
  }
  return P;
}

json::Value toJson(const UnitFacts &Unit) {
  json::Array Functions, Uses;
  for (const Function &F : Unit.Functions) {
    json::Array Direct, Calls;
    for (const Effect &E : F.Direct)
      Direct.push_back(json::Object{{"kind", E.Kind},
                                    {"detail", E.Detail},
                                    {"chain", sitesJson(E.Chain)}});
    for (const Edge &E : F.Calls)
      Calls.push_back(json::Object{
          {"kind", E.Kind}, {"callee", E.Callee}, {"at", siteJson(E.At)}});
    Functions.push_back(json::Object{{"usr", F.Usr},
                                     {"name", F.Name},
                                     {"direct", std::move(Direct)},
                                     {"calls", std::move(Calls)}});
  }
  for (const Use &U : Unit.Uses)
    Uses.push_back(json::Object{{"kind", U.Kind},
                                {"callee", U.Callee},
                                {"check", U.Finding.Check},
                                {"at", siteJson(U.Finding.At)},
                                {"source_line", U.Finding.SourceLine},
                                {"notes", sitesJson(U.Finding.Notes)}});
  json::Object Result{{"functions", std::move(Functions)},
                      {"uses", std::move(Uses)}};
  // Written only when there are some, so that units without metrics stay
  // as version 1 always wrote them.
  if (!Unit.Metrics.empty()) {
    json::Array Metrics;
    for (const Metric &M : Unit.Metrics)
      Metrics.push_back(json::Object{
          {"name", M.Name}, {"api", M.Api}, {"at", siteJson(M.At)}});
    Result["metrics"] = std::move(Metrics);
  }
  return Result;
}

llvm::Expected<UnitFacts> unitFromJson(const json::Value &V) {
  const json::Object *O = V.getAsObject();
  const json::Array *Functions = O ? O->getArray("functions") : nullptr;
  const json::Array *Uses = O ? O->getArray("uses") : nullptr;
  if (!Functions || !Uses)
    return malformed("unit facts lack 'functions' or 'uses'");
  UnitFacts Unit;
  for (const json::Value &FV : *Functions) {
    const json::Object *FO = FV.getAsObject();
    const json::Array *Direct = FO ? FO->getArray("direct") : nullptr;
    const json::Array *Calls = FO ? FO->getArray("calls") : nullptr;
    if (!Direct || !Calls)
      return malformed("a function lacks 'direct' or 'calls'");
    Function F{stringOr(*FO, "usr"), stringOr(*FO, "name"), {}, {}};
    for (const json::Value &EV : *Direct) {
      const json::Object *EO = EV.getAsObject();
      if (!EO)
        return malformed("an effect is not an object");
      Effect E{stringOr(*EO, "kind"), stringOr(*EO, "detail"), {}};
      if (auto Err = sitesFrom(EO->get("chain"), E.Chain))
        return std::move(Err);
      F.Direct.push_back(std::move(E));
    }
    for (const json::Value &CV : *Calls) {
      const json::Object *CO = CV.getAsObject();
      if (!CO)
        return malformed("a call is not an object");
      auto At = siteFrom(CO->get("at"));
      if (!At)
        return At.takeError();
      F.Calls.push_back(
          {stringOr(*CO, "kind"), stringOr(*CO, "callee"), std::move(*At)});
    }
    Unit.Functions.push_back(std::move(F));
  }
  for (const json::Value &UV : *Uses) {
    const json::Object *UO = UV.getAsObject();
    if (!UO)
      return malformed("a use is not an object");
    Use U{stringOr(*UO, "kind"), stringOr(*UO, "callee"), {}};
    auto At = siteFrom(UO->get("at"));
    if (!At)
      return At.takeError();
    U.Finding.Check = stringOr(*UO, "check");
    U.Finding.At = std::move(*At);
    U.Finding.SourceLine = stringOr(*UO, "source_line");
    if (auto Err = sitesFrom(UO->get("notes"), U.Finding.Notes))
      return std::move(Err);
    Unit.Uses.push_back(std::move(U));
  }
  if (const json::Value *Metrics = O->get("metrics")) {
    const json::Array *A = Metrics->getAsArray();
    if (!A)
      return malformed("unit facts' 'metrics' is not an array");
    for (const json::Value &MV : *A) {
      const json::Object *MO = MV.getAsObject();
      if (!MO || !MO->getString("name"))
        return malformed("a metric lacks 'name'");
      auto At = siteFrom(MO->get("at"));
      if (!At)
        return At.takeError();
      Unit.Metrics.push_back(
          {stringOr(*MO, "name"), stringOr(*MO, "api"), std::move(*At)});
    }
  }
  return Unit;
}

llvm::Expected<std::shared_ptr<const Project>>
loadProjectFile(llvm::StringRef Path) {
  static std::mutex Mutex;
  static std::map<std::string, std::pair<llvm::sys::TimePoint<>,
                                         std::shared_ptr<const Project>>>
      Loaded;
  llvm::sys::fs::file_status Status;
  if (std::error_code EC = llvm::sys::fs::status(Path, Status))
    return malformed("cannot read facts file '" + Path + "': " + EC.message());
  std::lock_guard<std::mutex> Lock(Mutex);
  auto It = Loaded.find(Path.str());
  if (It != Loaded.end() &&
      It->second.first == Status.getLastModificationTime())
    return It->second.second;
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return malformed("cannot read facts file '" + Path +
                     "': " + Buffer.getError().message());
  auto P = Project::fromJson((*Buffer)->getBuffer());
  if (!P)
    return malformed("facts file '" + Path +
                     "': " + llvm::toString(P.takeError()));
  auto Shared = std::make_shared<const Project>(std::move(*P));
  Loaded[Path.str()] = {Status.getLastModificationTime(), Shared};
  return Shared;
}

} // namespace unbounded::facts
