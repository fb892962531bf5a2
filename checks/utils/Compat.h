//===- Compat.h - the LLVM API differences between majors 16 to 22 --------===//
//
// The only place that tests LLVM_VERSION_MAJOR / CLANG_VERSION_MAJOR: the
// checks, the driver and unbounded-clangd call these instead of the
// version-specific API, so one source tree builds against LLVM 16 to 22
// (docs/ci.md lists what differs in behaviour).
//
//===----------------------------------------------------------------------===//

#ifndef UNBOUNDED_UTILS_COMPAT_H
#define UNBOUNDED_UTILS_COMPAT_H

#include "clang-tidy/ClangTidy.h"
#include "clang/AST/Decl.h"
#include "clang/Basic/Version.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/xxhash.h"

#include <cstdint>

#include <string>
#include <vector>

namespace unbounded::compat {

// clang-tidy 22 added query-based custom checks: the functions that list
// checks or options take a second flag for them (off here), and the set of
// all checks is ChecksAndOptions::Checks (NamesAndOptions::Names before).

/// The checks \p Options enables (alpha analyzer checks and custom checks off).
inline std::vector<std::string>
enabledChecks(const clang::tidy::ClangTidyOptions &Options) {
#if CLANG_VERSION_MAJOR >= 22
  return clang::tidy::getCheckNames(Options, false, false);
#else
  return clang::tidy::getCheckNames(Options, false);
#endif
}

/// Every check's effective options under \p Options, defaults included.
inline clang::tidy::ClangTidyOptions::OptionMap
checkOptions(const clang::tidy::ClangTidyOptions &Options) {
#if CLANG_VERSION_MAJOR >= 22
  return clang::tidy::getCheckOptions(Options, false, false);
#else
  return clang::tidy::getCheckOptions(Options, false);
#endif
}

/// The names of every registered check.
inline llvm::StringSet<> allCheckNames() {
#if CLANG_VERSION_MAJOR >= 22
  return clang::tidy::getAllChecksAndOptions(true, false).Checks;
#else
  return clang::tidy::getAllChecksAndOptions().Names;
#endif
}

/// A fast 64-bit content hash of \p Bytes: xxh3 since LLVM 17, xxHash64 in
/// 16 (the cache keys also name the LLVM version, so they never mix).
inline uint64_t contentHash64(llvm::ArrayRef<uint8_t> Bytes) {
#if LLVM_VERSION_MAJOR >= 17
  return llvm::xxh3_64bits(Bytes);
#else
  return llvm::xxHash64(Bytes);
#endif
}

/// Whether \p F is declared pure virtual (`= 0`): isPureVirtual since
/// LLVM 18, isPure before.
inline bool isPureVirtual(const clang::FunctionDecl &F) {
#if CLANG_VERSION_MAJOR >= 18
  return F.isPureVirtual();
#else
  return F.isPure();
#endif
}

/// LLVM's thread pool: DefaultThreadPool since LLVM 19, ThreadPool before.
#if LLVM_VERSION_MAJOR >= 19
using ThreadPool = llvm::DefaultThreadPool;
#else
using ThreadPool = llvm::ThreadPool;
#endif

} // namespace unbounded::compat

#endif // UNBOUNDED_UTILS_COMPAT_H
