//===- Cache.h - skip unchanged translation units ---------------*- C++ -*-===//
///
/// \file
/// --cache-dir: a translation unit's result is reused when its key (tool
/// version, effective check configuration, compile command) is unchanged
/// and every file the compiler read last time (main file and headers) has
/// the same contents. Same command and same inputs mean the same
/// preprocessed input, without running the preprocessor again.
///
//===----------------------------------------------------------------------===//
#ifndef UNBOUNDED_DRIVER_CACHE_H
#define UNBOUNDED_DRIVER_CACHE_H

#include "Findings.h"

#include <optional>

namespace unbounded::driver {

class ResultCache {
public:
  explicit ResultCache(std::string Directory)
      : Directory(std::move(Directory)) {}

  /// The key of one unit: a hash of everything but its inputs' contents.
  static std::string key(llvm::StringRef Configuration,
                         llvm::StringRef CompileCommand, llvm::StringRef File);

  /// The stored result if its inputs are unchanged.
  std::optional<UnitResult> lookup(llvm::StringRef Key) const;

  /// Stores Result with the current contents' hashes of its inputs.
  void store(llvm::StringRef Key, const UnitResult &Result) const;

  /// Creates the directory; fails with a message.
  llvm::Error prepare() const;

private:
  std::string entryPath(llvm::StringRef Key) const;
  std::string Directory;
};

/// Hash of a file's contents, or empty if it cannot be read.
std::string contentHash(llvm::StringRef Path);

} // namespace unbounded::driver

#endif
