//===- RuntimeLeaks.cpp - runtime leaks matched to findings ---------------===//

#include "RuntimeLeaks.h"

#include <set>

namespace unbounded::driver {
namespace json = llvm::json;

namespace {

llvm::Error readFrame(const json::Object &O, Location &Where,
                      std::string *Function, bool &Library) {
  auto File = O.getString("file");
  auto Line = O.getInteger("line");
  if (!File || !Line || *Line < 0 || *Line > (1 << 30))
    return malformed("a frame needs string 'file' and a line");
  Library = O.getBoolean("library").value_or(false);
  Where.File = resolvePath(*File, "");
  Where.Line = Where.File.empty() ? 0 : unsigned(*Line);
  if (Function)
    *Function = O.getString("function").value_or("").str();
  return llvm::Error::success();
}

/// The origin object of guard report version 2 (absent in version 1).
llvm::Error readOrigin(const json::Object &Leak, RuntimeLeak &L) {
  const json::Value *V = Leak.get("origin");
  if (!V || V->kind() == json::Value::Null)
    return llvm::Error::success();
  const json::Object *O = V->getAsObject();
  if (!O)
    return malformed("a leak's 'origin' is not an object or null");
  if (!O->getBoolean("recorded").value_or(false))
    return llvm::Error::success();
  L.Via = O->getString("via").value_or("").str();
  bool Library = false;
  if (const json::Object *Site = O->getObject("site"))
    if (auto E = readFrame(*Site, L.Site, &L.Function, Library))
      return E;
  if (const json::Value *Stack = O->get("stack")) {
    const json::Array *Frames = Stack->getAsArray();
    if (!Frames)
      return malformed("a leak's 'stack' is not an array");
    for (const json::Value &F : *Frames) {
      const json::Object *Frame = F.getAsObject();
      if (!Frame)
        return malformed("a stack frame is not an object");
      Location Where;
      if (auto E = readFrame(*Frame, Where, nullptr, Library))
        return E;
      if (!Library && Where.Line > 0)
        L.Stack.push_back(std::move(Where));
    }
  }
  return llvm::Error::success();
}

/// "thread 42" or "fd 7 socket:[99]": the same resource in a test's leaks
/// and in the whole binary's.
std::string identity(const json::Object &Leak, bool Thread) {
  if (Thread)
    return "thread " + std::to_string(Leak.getInteger("tid").value_or(-1));
  return "fd " + std::to_string(Leak.getInteger("fd").value_or(-1)) + " " +
         Leak.getString("target").value_or("").str();
}

/// Appends the leaks of one test, noting them in \p Charged; for the whole
/// binary, only those no test was charged with.
llvm::Error readLeaks(const json::Value &V, llvm::StringRef Test,
                      std::vector<RuntimeLeak> &Out,
                      std::set<std::string> &Charged, bool WholeBinary) {
  const json::Object *O = V.getAsObject();
  if (!O)
    return malformed("'leaks' of '" + Test + "' is not an object");
  for (llvm::StringRef Key : {"threads", "fds"}) {
    const json::Array *A = O->getArray(Key);
    if (!A)
      return malformed("'leaks' of '" + Test + "' has no '" + Key + "' array");
    for (const json::Value &Entry : *A) {
      const json::Object *Leak = Entry.getAsObject();
      if (!Leak)
        return malformed("a leak of '" + Test + "' is not an object");
      RuntimeLeak L;
      L.Test = Test.str();
      L.Thread = Key == "threads";
      std::string Identity = identity(*Leak, L.Thread);
      if (WholeBinary && Charged.count(Identity))
        continue;
      Charged.insert(std::move(Identity));
      if (L.Thread)
        L.Resource =
            "thread '" + Leak->getString("name").value_or("").str() + "'";
      else
        L.Resource =
            "fd " + std::to_string(Leak->getInteger("fd").value_or(-1)) + " (" +
            Leak->getString("kind").value_or("other").str() + ")";
      if (auto E = readOrigin(*Leak, L))
        return E;
      Out.push_back(std::move(L));
    }
  }
  return llvm::Error::success();
}

/// Same file: equal, or one a relative path the other ends with.
bool sameFile(llvm::StringRef A, llvm::StringRef B) {
  if (A == B)
    return true;
  if (A.empty() || B.empty())
    return false;
  return (!A.starts_with("/") && B.ends_with("/" + A.str())) ||
         (!B.starts_with("/") && A.ends_with("/" + B.str()));
}

bool sameLine(const Location &A, const Location &B) {
  return A.Line != 0 && A.Line == B.Line && sameFile(A.File, B.File);
}

/// The finding's place or call chain holds the creation site, or its place
/// is on the creation stack.
bool covers(const Finding &F, const RuntimeLeak &L) {
  if (L.Site.File.empty())
    return false;
  if (sameLine(F.Where, L.Site))
    return true;
  for (const Note &N : F.Notes)
    if (sameLine(N.Where, L.Site))
      return true;
  return llvm::any_of(L.Stack,
                      [&](const Location &S) { return sameLine(F.Where, S); });
}

} // namespace

std::string RuntimeLeak::describe(llvm::StringRef Root) const {
  std::string Text = Resource + " leaked in " + Test + ": ";
  if (Site.File.empty())
    return Text + "creation site not recorded";
  return Text + (Thread ? "started at " : "opened at ") +
         (Function.empty() ? "" : Function + " ") + "(" +
         relativePath(Site.File, Root) + ":" + std::to_string(Site.Line) + ")" +
         (Via.empty() ? "" : " via " + Via);
}

llvm::Expected<std::vector<RuntimeLeak>>
parseRuntimeLeaks(llvm::StringRef Text) {
  auto Parsed = parseVersioned(Text, "unbounded-guard-report", 2, 1);
  if (!Parsed)
    return Parsed.takeError();
  const json::Object *O = Parsed->getAsObject();
  std::vector<RuntimeLeak> Leaks;
  std::set<std::string> Charged;
  if (const json::Array *Tests = O->getArray("tests")) {
    for (const json::Value &T : *Tests) {
      const json::Object *Test = T.getAsObject();
      auto Name = Test ? Test->getString("name") : std::nullopt;
      if (!Name)
        return malformed("a test needs a string 'name'");
      if (const json::Value *L = Test->get("leaks"))
        if (auto E = readLeaks(*L, *Name, Leaks, Charged, false))
          return std::move(E);
    }
  }
  if (const json::Value *Binary = O->get("binary_leaks");
      Binary && Binary->kind() != json::Value::Null)
    if (auto E = readLeaks(*Binary, "whole binary", Leaks, Charged, true))
      return std::move(E);
  return Leaks;
}

std::vector<RuntimeLeak>
confirmFindings(std::vector<Finding> &Findings,
                const std::vector<RuntimeLeak> &Leaks) {
  std::vector<RuntimeLeak> Uncovered;
  for (const RuntimeLeak &L : Leaks) {
    bool Covered = false;
    for (Finding &F : Findings) {
      if (!covers(F, L))
        continue;
      Covered = true;
      if (!F.Confirmed)
        F.Confirmed = RuntimeConfirmation{{}, 0, L.Site};
      if (!llvm::is_contained(F.Confirmed->Tests, L.Test))
        F.Confirmed->Tests.push_back(L.Test);
      ++F.Confirmed->Leaks;
    }
    if (!Covered)
      Uncovered.push_back(L);
  }
  return Uncovered;
}

std::string confirmationText(const RuntimeConfirmation &C) {
  std::string Tests;
  for (size_t I = 0; I < C.Tests.size(); ++I)
    Tests += (I ? ", " : "") + C.Tests[I];
  return "confirmed at runtime: " + std::to_string(C.Leaks) +
         (C.Leaks == 1 ? " leak" : " leaks") + " in " + Tests;
}

} // namespace unbounded::driver
