//===- Findings.cpp - the findings model ----------------------------------===//

#include "Findings.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Path.h"
#include <tuple>

namespace unbounded::driver {
namespace json = llvm::json;

llvm::Error malformed(const llvm::Twine &What) {
  return llvm::createStringError(
      std::make_error_code(std::errc::invalid_argument), What);
}

llvm::Expected<json::Value> parseVersioned(llvm::StringRef Text,
                                           llvm::StringRef Schema,
                                           int64_t Version, int64_t Oldest) {
  auto Parsed = json::parse(Text);
  if (!Parsed)
    return Parsed.takeError();
  const json::Object *O = Parsed->getAsObject();
  if (!O)
    return malformed("not a JSON object");
  if (O->getString("schema") != std::optional<llvm::StringRef>(Schema))
    return malformed("'schema' is not \"" + Schema + "\"");
  if (Oldest == 0)
    Oldest = Version;
  std::optional<int64_t> Got = O->getInteger("version");
  if (!Got || *Got < Oldest || *Got > Version)
    return malformed("unsupported 'version' (expected " +
                     (Oldest == Version ? std::to_string(Version)
                                        : std::to_string(Oldest) + " to " +
                                              std::to_string(Version)) +
                     ")");
  return Parsed;
}

llvm::StringRef stateName(BaselineState State) {
  switch (State) {
  case BaselineState::Introduced:
    return "introduced";
  case BaselineState::Preexisting:
    return "preexisting";
  case BaselineState::Fixed:
    return "fixed";
  case BaselineState::None:
    break;
  }
  return "";
}

static auto key(const Finding &F) {
  return std::tie(F.Where.File, F.Where.Line, F.Where.Column, F.Check,
                  F.Message);
}

bool operator<(const Finding &A, const Finding &B) { return key(A) < key(B); }

facts::Diagnostic toFacts(const Finding &F) {
  facts::Diagnostic D;
  D.Check = F.Check;
  D.At = {F.Where.File, F.Where.Line, F.Where.Column, F.Message};
  D.SourceLine = F.SourceLine;
  for (const Note &N : F.Notes)
    D.Notes.push_back({N.Where.File, N.Where.Line, N.Where.Column, N.Message});
  return D;
}

Finding fromFacts(const facts::Diagnostic &D) {
  Finding F;
  F.Check = D.Check;
  F.Where = {D.At.File, D.At.Line, D.At.Column};
  F.Message = D.At.Text;
  F.SourceLine = D.SourceLine;
  for (const facts::Site &S : D.Notes)
    F.Notes.push_back({{S.File, S.Line, S.Column}, S.Text});
  return F;
}

bool sameDiagnostic(const Finding &A, const Finding &B) {
  return key(A) == key(B);
}

std::string relativePath(llvm::StringRef Path, llvm::StringRef Root) {
  if (Root.empty() || Path.empty())
    return Path.str();
  std::string Prefix = Root.rtrim('/').str() + "/";
  if (Path.starts_with(Prefix))
    return Path.drop_front(Prefix.size()).str();
  return Path.str();
}

std::string resolvePath(llvm::StringRef Path, llvm::StringRef Root) {
  if (Path.empty())
    return "";
  llvm::SmallString<256> Result;
  if (llvm::sys::path::is_absolute(Path) || Root.empty())
    Result = Path;
  else
    llvm::sys::path::append(Result, Root, Path);
  llvm::sys::path::remove_dots(Result, /*remove_dot_dot=*/true);
  return std::string(Result);
}

static json::Object locationJson(const Location &L, llvm::StringRef Root) {
  return json::Object{{"file", relativePath(L.File, Root)},
                      {"line", L.Line},
                      {"column", L.Column}};
}

json::Value toJson(const Finding &F, llvm::StringRef Root) {
  json::Array Notes;
  for (const Note &N : F.Notes) {
    json::Object O = locationJson(N.Where, Root);
    O["message"] = N.Message;
    Notes.push_back(std::move(O));
  }
  json::Object O = locationJson(F.Where, Root);
  O["check"] = F.Check;
  O["level"] = F.Level;
  O["message"] = F.Message;
  O["source_line"] = F.SourceLine;
  O["notes"] = std::move(Notes);
  if (!F.Fingerprint.empty())
    O["fingerprint"] = F.Fingerprint;
  if (F.State != BaselineState::None)
    O["baseline"] = stateName(F.State);
  return O;
}

/// Reads file/line/column of O into L.
static llvm::Error readLocation(const json::Object &O, llvm::StringRef Root,
                                Location &L, llvm::StringRef What) {
  auto File = O.getString("file");
  auto Line = O.getInteger("line");
  auto Column = O.getInteger("column");
  if (!File || !Line || !Column)
    return malformed(What + " needs string 'file' and integer 'line' and "
                            "'column'");
  if (*Line < 0 || *Column < 0 || *Line > (1 << 30) || *Column > (1 << 30))
    return malformed(What + " has a negative or huge line or column");
  L.File = resolvePath(*File, Root);
  L.Line = unsigned(*Line);
  L.Column = unsigned(*Column);
  return llvm::Error::success();
}

static BaselineState stateFromName(llvm::StringRef Name) {
  if (Name == "introduced")
    return BaselineState::Introduced;
  if (Name == "preexisting")
    return BaselineState::Preexisting;
  if (Name == "fixed")
    return BaselineState::Fixed;
  return BaselineState::None;
}

llvm::Expected<Finding> findingFromJson(const json::Value &V,
                                        llvm::StringRef Root) {
  const json::Object *O = V.getAsObject();
  if (!O)
    return malformed("a finding is not an object");
  Finding F;
  if (auto E = readLocation(*O, Root, F.Where, "a finding"))
    return std::move(E);
  auto Check = O->getString("check");
  auto Message = O->getString("message");
  if (!Check || !Message)
    return malformed("a finding needs string 'check' and 'message'");
  F.Check = Check->str();
  F.Message = Message->str();
  if (auto Level = O->getString("level"))
    F.Level = Level->str();
  if (auto Line = O->getString("source_line"))
    F.SourceLine = Line->str();
  if (auto Fingerprint = O->getString("fingerprint"))
    F.Fingerprint = Fingerprint->str();
  if (auto State = O->getString("baseline"))
    F.State = stateFromName(*State);
  if (const json::Array *Notes = O->getArray("notes")) {
    for (const json::Value &NV : *Notes) {
      const json::Object *NO = NV.getAsObject();
      auto NM = NO ? NO->getString("message") : std::nullopt;
      if (!NM)
        return malformed("a note needs a string 'message'");
      Note N;
      if (auto E = readLocation(*NO, Root, N.Where, "a note"))
        return std::move(E);
      N.Message = NM->str();
      F.Notes.push_back(std::move(N));
    }
  }
  return F;
}

json::Value toJson(const UnitResult &R) {
  json::Array Diagnostics, Inputs;
  for (const Finding &F : R.Diagnostics)
    Diagnostics.push_back(toJson(F, ""));
  for (const std::string &Input : R.Inputs)
    Inputs.push_back(Input);
  return json::Object{{"file", R.File},
                      {"diagnostics", std::move(Diagnostics)},
                      {"inputs", std::move(Inputs)},
                      {"facts", facts::toJson(R.Facts)}};
}

llvm::Expected<UnitResult> unitResultFromJson(llvm::StringRef Text) {
  auto Parsed = json::parse(Text);
  if (!Parsed)
    return Parsed.takeError();
  const json::Object *O = Parsed->getAsObject();
  const json::Array *Diagnostics = O ? O->getArray("diagnostics") : nullptr;
  auto File = O ? O->getString("file") : std::nullopt;
  if (!Diagnostics || !File)
    return malformed("a unit result needs 'file' and 'diagnostics'");
  UnitResult R;
  R.File = File->str();
  for (const json::Value &V : *Diagnostics) {
    auto F = findingFromJson(V, "");
    if (!F)
      return F.takeError();
    R.Diagnostics.push_back(std::move(*F));
  }
  if (const json::Array *Inputs = O->getArray("inputs"))
    for (const json::Value &V : *Inputs)
      if (auto S = V.getAsString())
        R.Inputs.push_back(S->str());
  if (const json::Value *Facts = O->get("facts")) {
    auto Unit = facts::unitFromJson(*Facts);
    if (!Unit)
      return Unit.takeError();
    R.Facts = std::move(*Unit);
  }
  return R;
}

} // namespace unbounded::driver
