//===- Fingerprint.cpp - line-shift-proof identities of findings ----------===//

#include "Fingerprint.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/SHA1.h"

namespace unbounded::driver {

std::string normalizeLine(llvm::StringRef Line) {
  std::string Result;
  bool Space = false;
  for (char C : Line.trim()) {
    if (llvm::isSpace(C)) {
      Space = true;
      continue;
    }
    if (Space)
      Result += ' ';
    Space = false;
    Result += C;
  }
  return Result;
}

static std::string sha1Hex(llvm::StringRef Text) {
  llvm::SHA1 Hash;
  Hash.update(Text);
  return llvm::toHex(Hash.final(), /*LowerCase=*/true);
}

void assignFingerprints(std::vector<Finding> &Findings, llvm::StringRef Root) {
  llvm::StringMap<unsigned> Seen;
  for (Finding &F : Findings) {
    std::string Identity = F.Check + '\0' + relativePath(F.Where.File, Root) +
                           '\0' + normalizeLine(F.SourceLine) + '\0' +
                           F.Message;
    unsigned Occurrence = Seen[Identity]++;
    F.Fingerprint =
        sha1Hex(Identity + '\0' + std::to_string(Occurrence)).substr(0, 32);
  }
}

} // namespace unbounded::driver
