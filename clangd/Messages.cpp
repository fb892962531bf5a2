//===- Messages.cpp - what unbounded-clangd changes in clangd's messages --===//

#include "Messages.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

namespace json = llvm::json;

namespace unbounded::clangd {

namespace {

/// The path of a file:// URI (percent-decoded), or "" for another scheme.
std::string pathOfURI(llvm::StringRef URI) {
  if (!URI.consume_front("file://"))
    return "";
  std::string Path;
  for (size_t I = 0; I < URI.size(); ++I) {
    unsigned Byte;
    if (URI[I] == '%' && I + 2 < URI.size() &&
        !URI.substr(I + 1, 2).getAsInteger(16, Byte)) {
      Path += static_cast<char>(Byte);
      I += 2;
    } else {
      Path += URI[I];
    }
  }
  return Path;
}

/// Whether Text has "unbounded-" on a line that is not a YAML comment.
bool mentionsUnbounded(llvm::StringRef Text) {
  while (!Text.empty()) {
    llvm::StringRef Line;
    std::tie(Line, Text) = Text.split('\n');
    if (!Line.ltrim().starts_with("#") && Line.contains("unbounded-"))
      return true;
  }
  return false;
}

bool fileMentionsUnbounded(const llvm::Twine &Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  return Buffer && mentionsUnbounded((*Buffer)->getBuffer());
}

/// clangd also publishes diagnostics for its configuration files.
bool isConfigFile(llvm::StringRef File) {
  llvm::StringRef Name = llvm::sys::path::filename(File);
  return Name == ".clangd" || Name == ".clang-tidy" ||
         Name.ends_with(".yaml") || Name.ends_with(".yml");
}

json::Value showWarning(llvm::StringRef Text) {
  return json::Object{{"jsonrpc", "2.0"},
                      {"method", "window/showMessage"},
                      {"params", json::Object{{"type", 2}, {"message", Text}}}};
}

} // namespace

std::string checksSkippedMessage(llvm::StringRef File) {
  return ("unbounded-clangd: the unbounded-* checks did not run on " + File +
          ". Either no configuration enables them (.clang-tidy 'Checks: "
          "unbounded-*' or .clangd 'Diagnostics: ClangTidy: Add: "
          "[unbounded-*]'), or clangd's FastCheckFilter dropped them: its "
          "default, Strict, silently skips every check clangd has not "
          "measured as fast, ours included. Put 'Diagnostics: ClangTidy: "
          "FastCheckFilter: Loose' (or None) in a .clangd above the file "
          "(see docs/editors.md).")
      .str();
}

bool configMentionsUnbounded(llvm::StringRef File) {
  for (llvm::StringRef Dir = llvm::sys::path::parent_path(File); !Dir.empty();
       Dir = llvm::sys::path::parent_path(Dir)) {
    for (const char *Name : {".clang-tidy", ".clangd"})
      if (fileMentionsUnbounded(Dir + "/" + Name))
        return true;
  }
  llvm::SmallString<256> User;
  if (llvm::sys::path::user_config_directory(User)) {
    llvm::sys::path::append(User, "clangd", "config.yaml");
    return fileMentionsUnbounded(User);
  }
  return false;
}

std::vector<std::string> MessageRewriter::rewrite(std::string Body) {
  llvm::StringRef Text = Body;
  bool Diagnostics = Text.contains("\"textDocument/publishDiagnostics\"");
  bool Initialized = Text.contains("\"serverInfo\"");
  if (!Diagnostics && !Initialized)
    return {std::move(Body)}; // the common case: leave untouched
  auto Parsed = json::parse(Text);
  json::Object *Message = Parsed ? Parsed->getAsObject() : nullptr;
  if (!Message) {
    llvm::consumeError(Parsed.takeError());
    return {std::move(Body)};
  }
  std::vector<std::string> Out;
  std::optional<std::string> Notice;
  if (json::Object *Params = Message->getObject("params");
      Diagnostics && Params) {
    if (json::Array *List = Params->getArray("diagnostics"))
      linkDocs(*List);
    if (auto URI = Params->getString("uri"))
      Notice = noticeIfChecksSkipped(*URI);
  }
  if (json::Object *Result = Message->getObject("result");
      Initialized && Result)
    if (json::Object *Info = Result->getObject("serverInfo"))
      if (auto Version = Info->getString("version"))
        (*Info)["version"] = (*Version + S.VersionSuffix).str();
  Out.push_back(llvm::formatv("{0}", json::Value(std::move(*Message))).str());
  if (Notice)
    Out.push_back(llvm::formatv("{0}", showWarning(*Notice)).str());
  return Out;
}

void MessageRewriter::linkDocs(json::Array &Diagnostics) {
  for (json::Value &Item : Diagnostics) {
    json::Object *Diagnostic = Item.getAsObject();
    if (!Diagnostic)
      continue;
    auto Code = Diagnostic->getString("code");
    if (!Code || !Code->starts_with("unbounded-"))
      continue;
    (*Diagnostic)["codeDescription"] =
        json::Object{{"href", S.DocsURL + "/" + Code->str() + ".md"}};
  }
}

std::optional<std::string>
MessageRewriter::noticeIfChecksSkipped(llvm::StringRef URI) {
  std::string File = pathOfURI(URI);
  if (File.empty() || isConfigFile(File) || !Seen.insert(File).second ||
      S.ChecksRanOn(File))
    return std::nullopt;
  std::string Message = checksSkippedMessage(File);
  S.Log(Message);
  if (Warned || !configMentionsUnbounded(File))
    return std::nullopt;
  Warned = true;
  return Message;
}

} // namespace unbounded::clangd
