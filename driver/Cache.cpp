//===- Cache.cpp - skip unchanged translation units -----------------------===//

#include "Cache.h"

#include "Output.h"
#include "utils/Compat.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SHA1.h"

namespace unbounded::driver {
namespace json = llvm::json;

std::string contentHash(llvm::StringRef Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
  if (!Buffer)
    return "";
  llvm::ArrayRef<uint8_t> Bytes(
      reinterpret_cast<const uint8_t *>((*Buffer)->getBufferStart()),
      (*Buffer)->getBufferSize());
  return llvm::utohexstr(unbounded::compat::contentHash64(Bytes),
                         /*LowerCase=*/true) +
         ":" + std::to_string(Bytes.size());
}

std::string ResultCache::key(llvm::StringRef Configuration,
                             llvm::StringRef CompileCommand,
                             llvm::StringRef File) {
  llvm::SHA1 Hash;
  for (llvm::StringRef Part :
       {llvm::StringRef("unbounded-tidy " UNBOUNDED_VERSION
                        " clang-tidy " UNBOUNDED_LLVM_VERSION),
        Configuration, CompileCommand, File}) {
    Hash.update(Part);
    Hash.update(llvm::StringRef("\0", 1));
  }
  return llvm::toHex(Hash.final(), /*LowerCase=*/true);
}

std::string ResultCache::entryPath(llvm::StringRef Key) const {
  return Directory + "/" + Key.str() + ".json";
}

llvm::Error ResultCache::prepare() const {
  if (std::error_code EC = llvm::sys::fs::create_directories(Directory))
    return llvm::createStringError(EC, "cannot create cache directory '" +
                                           Directory + "': " + EC.message());
  // create_directories accepts an existing file of that name.
  if (!llvm::sys::fs::is_directory(Directory))
    return llvm::createStringError(
        std::make_error_code(std::errc::not_a_directory),
        "cannot use cache directory '" + Directory + "': not a directory");
  return llvm::Error::success();
}

std::optional<UnitResult> ResultCache::lookup(llvm::StringRef Key) const {
  auto Text = readWholeFile(entryPath(Key));
  if (!Text)
    return std::nullopt;
  auto Parsed = json::parse(*Text);
  if (!Parsed) {
    llvm::consumeError(Parsed.takeError());
    return std::nullopt;
  }
  const json::Object *O = Parsed->getAsObject();
  const json::Object *Hashes = O ? O->getObject("hashes") : nullptr;
  const json::Value *Result = O ? O->get("result") : nullptr;
  if (!Hashes || !Result)
    return std::nullopt;
  for (const auto &[Path, Hash] : *Hashes)
    if (Hash.getAsString() !=
        std::optional<llvm::StringRef>(contentHash(llvm::StringRef(Path))))
      return std::nullopt;
  std::string ResultText = llvm::formatv("{0}", *Result).str();
  auto Unit = unitResultFromJson(ResultText);
  if (!Unit) {
    llvm::consumeError(Unit.takeError());
    return std::nullopt;
  }
  return std::move(*Unit);
}

void ResultCache::store(llvm::StringRef Key, const UnitResult &Result) const {
  json::Object Hashes;
  for (const std::string &Input : Result.Inputs) {
    std::string Hash = contentHash(Input);
    if (Hash.empty())
      return; // An input vanished: not worth caching.
    Hashes[Input] = Hash;
  }
  json::Value Entry =
      json::Object{{"hashes", std::move(Hashes)}, {"result", toJson(Result)}};
  // A cache that cannot be written only costs time.
  llvm::consumeError(
      writeOutput(entryPath(Key), llvm::formatv("{0}", Entry).str()));
}

} // namespace unbounded::driver
