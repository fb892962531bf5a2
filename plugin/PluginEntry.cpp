//===- PluginEntry.cpp - the clang-tidy plugin front end ------------------===//
//
// A plugin built against one clang-tidy major version and loaded into
// another lists its checks and then reports nothing, exit 0: the host's
// check registry and AST layout differ. Before any check registers, this
// compares the host's version with the one the plugin was built for and
// stops the host with a clear error when they differ.
//
//===----------------------------------------------------------------------===//

#include "UnboundedTidyModule.h"

#include "clang/Basic/Version.h"

#include <cstdio>
#include <cstdlib>
#include <string>
#include <unistd.h>

namespace {

/// The major version in "Debian clang version 19.1.7 (...)", or -1.
int majorVersionOf(const std::string &FullVersion) {
  std::string::size_type At = FullVersion.find("version ");
  if (At == std::string::npos)
    return -1;
  return std::atoi(FullVersion.c_str() + At + 8);
}

// Runs before the module registration (default priority) in this object.
__attribute__((constructor(101))) void checkHostVersion() {
  std::string Host = clang::getClangFullVersion();
  int HostMajor = majorVersionOf(Host);
  if (HostMajor == CLANG_VERSION_MAJOR)
    return;
  std::fprintf(stderr,
               "error: unbounded-tidy plugin was built for clang-tidy %d but "
               "the host is clang-tidy %d (%s); run it with "
               "%s/bin/clang-tidy\n",
               CLANG_VERSION_MAJOR, HostMajor, Host.c_str(),
               UNBOUNDED_LLVM_PREFIX);
  std::fflush(stderr);
  // Inside dlopen: exit() would run the host's destructors under the loader
  // lock.
  _exit(2);
}

// Keeps the module registration linked into the plugin.
[[maybe_unused]] const int LinkChecks = unbounded::linkChecks();

} // namespace
