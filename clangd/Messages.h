//===- Messages.h - what unbounded-clangd changes in clangd's messages ----===//
//
// - A diagnostic of an unbounded-* check links (codeDescription.href) to
//   its docs page, <DocsURL>/<check>.md, instead of the clang.llvm.org page
//   clangd derives from the check name, which does not exist for our checks.
// - The initialize result's serverInfo.version names unbounded-clangd.
// - The first time diagnostics are published for a file the unbounded-*
//   checks were not created for, a log line says so, with the fix; if a
//   configuration file above the file mentions unbounded-* (so the user
//   wants the checks), the editor also gets a warning message, once.
//
//===----------------------------------------------------------------------===//

#ifndef UNBOUNDED_CLANGD_MESSAGES_H
#define UNBOUNDED_CLANGD_MESSAGES_H

#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/JSON.h"

#include <functional>
#include <string>
#include <vector>

namespace unbounded::clangd {

struct MessageSettings {
  std::string DocsURL;       ///< Folder of the check pages, no trailing '/'.
  std::string VersionSuffix; ///< Appended to serverInfo.version.
  std::function<bool(llvm::StringRef File)> ChecksRanOn;
  std::function<void(llvm::StringRef Line)> Log;
};

class MessageRewriter {
public:
  explicit MessageRewriter(MessageSettings S) : S(std::move(S)) {}

  /// One message body from clangd in, the bodies to send out.
  std::vector<std::string> rewrite(std::string Body);

private:
  void linkDocs(llvm::json::Array &Diagnostics);
  std::optional<std::string> noticeIfChecksSkipped(llvm::StringRef URI);

  MessageSettings S;
  llvm::StringSet<> Seen; ///< Files whose diagnostics were published.
  bool Warned = false;    ///< Editor already got the warning message.
};

/// The explanation logged when the checks did not run on File.
std::string checksSkippedMessage(llvm::StringRef File);

/// Whether a .clang-tidy or .clangd in File's folder or above it, or the
/// user's clangd config, mentions an unbounded-* check.
bool configMentionsUnbounded(llvm::StringRef File);

} // namespace unbounded::clangd

#endif
