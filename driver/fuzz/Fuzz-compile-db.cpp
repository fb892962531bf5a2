//===- Fuzz-compile-db.cpp - fuzz compile database handling ---------------===//
//
// The driver loads compile_commands.json with clang's JSON database,
// infers commands for headers, lists files and builds cache keys from the
// commands: all of it on arbitrary input.
//
//===----------------------------------------------------------------------===//
#include "Cache.h"
#include "FuzzCommon.h"

#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/JSONCompilationDatabase.h"

using namespace clang::tooling;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::string Error;
  auto Database = JSONCompilationDatabase::loadFromBuffer(
      asText(Data, Size), Error, JSONCommandLineSyntax::AutoDetect);
  if (!Database)
    return 0;
  auto Inferred = inferMissingCompileCommands(std::move(Database));
  std::vector<std::string> Files = Inferred->getAllFiles();
  for (size_t I = 0; I < Files.size() && I < 8; ++I)
    for (const CompileCommand &Command :
         Inferred->getCompileCommands(Files[I])) {
      std::string Text = Command.Directory;
      for (const std::string &Arg : Command.CommandLine)
        Text += Arg;
      unbounded::driver::ResultCache::key("config", Text, Files[I]);
    }
  return 0;
}
