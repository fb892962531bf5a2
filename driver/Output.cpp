//===- Output.cpp - report files, written safely --------------------------===//

#include "Output.h"

#include "Interrupt.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Errc.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <climits>
#include <unistd.h>

namespace unbounded::driver {
namespace fs = llvm::sys::fs;
namespace {

llvm::Error cannotWrite(const std::string &Path, std::error_code EC) {
  return llvm::createStringError(EC, "cannot write '" + Path +
                                         "': " + EC.message());
}

llvm::Error cannotWrite(const std::string &Path, const llvm::Twine &Why) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "cannot write '" + Path + "': " + Why);
}

/// Whether Path names an open descriptor (/dev/stderr, /dev/fd/3), which
/// may be a regular file someone else is writing: never to be replaced.
bool isDescriptorName(llvm::StringRef Path) {
  return Path == "/dev/stderr" || Path.starts_with("/dev/fd/") ||
         Path.starts_with("/proc/self/fd/");
}

/// Whether Target exists and is neither a regular file nor a directory.
bool isSpecial(const std::string &Target) {
  fs::file_status Status;
  if (fs::status(Target, Status) || !fs::exists(Status))
    return false;
  return !fs::is_regular_file(Status) && !fs::is_directory(Status);
}

llvm::Error writeInPlace(const std::string &Path, const std::string &Target,
                         llvm::StringRef Contents) {
  std::error_code EC;
  // Appending: a device or FIFO does not mind, and a descriptor's file
  // keeps what was written to it before.
  llvm::raw_fd_ostream Out(Target, EC, fs::OF_Append);
  if (EC)
    return cannotWrite(Path, EC);
  Out << Contents;
  Out.close();
  if (Out.has_error()) {
    EC = Out.error();
    Out.clear_error();
    return cannotWrite(Path, EC);
  }
  return llvm::Error::success();
}

llvm::Error writeAtomically(const std::string &Path, const std::string &Target,
                            llvm::StringRef Contents) {
  llvm::SmallString<256> Model(Target);
  Model += ".tmp-%%%%%%%%";
  int FD = -1;
  std::error_code EC;
  RemoveOnInterrupt Temporary([&] {
    llvm::SmallString<256> Created;
    EC = fs::createUniqueFile(Model, FD, Created);
    return EC ? std::string() : std::string(Created);
  });
  if (EC)
    return cannotWrite(Path, EC);
  llvm::raw_fd_ostream Out(FD, /*shouldClose=*/true);
  Out << Contents;
  Out.close();
  EC = Out.has_error() ? Out.error() : std::error_code();
  Out.clear_error();
  if (!EC)
    EC = fs::rename(Temporary.path(), Target);
  if (EC) {
    fs::remove(Temporary.path());
    return cannotWrite(Path, EC);
  }
  return llvm::Error::success();
}

} // namespace

llvm::Expected<std::string> outputTarget(const std::string &Path) {
  std::string Current = Path;
  // As many links as the kernel follows (MAXSYMLINKS).
  for (int Depth = 0; Depth < 40; ++Depth) {
    if (!fs::is_symlink_file(Current))
      return Current;
    char Buffer[PATH_MAX];
    ssize_t Size = ::readlink(Current.c_str(), Buffer, sizeof(Buffer));
    if (Size < 0)
      return cannotWrite(Path, std::error_code(errno, std::generic_category()));
    llvm::StringRef Link(Buffer, size_t(Size));
    llvm::SmallString<256> Next;
    if (!llvm::sys::path::is_absolute(Link))
      Next = llvm::sys::path::parent_path(Current);
    llvm::sys::path::append(Next, Link);
    Current = std::string(Next);
  }
  return cannotWrite(
      Path, std::make_error_code(std::errc::too_many_symbolic_link_levels));
}

llvm::Error writeOutput(const std::string &Path, llvm::StringRef Contents) {
  if (isDescriptorName(Path))
    return writeInPlace(Path, Path, Contents);
  auto Target = outputTarget(Path);
  if (!Target)
    return Target.takeError();
  if (isSpecial(*Target))
    return writeInPlace(Path, *Target, Contents);
  return writeAtomically(Path, *Target, Contents);
}

llvm::Error checkWritable(const std::string &Path) {
  if (isDescriptorName(Path)) {
    if (std::error_code EC = fs::access(Path, fs::AccessMode::Write))
      return cannotWrite(Path, EC);
    return llvm::Error::success();
  }
  auto Target = outputTarget(Path);
  if (!Target)
    return Target.takeError();
  if (fs::is_directory(*Target))
    return cannotWrite(Path, "it is a directory");
  if (isSpecial(*Target)) {
    if (std::error_code EC = fs::access(*Target, fs::AccessMode::Write))
      return cannotWrite(Path, EC);
    return llvm::Error::success();
  }
  llvm::SmallString<256> Directory(*Target);
  fs::make_absolute(Directory);
  llvm::sys::path::remove_filename(Directory);
  if (!fs::is_directory(Directory))
    return cannotWrite(Path, "no such directory '" + Directory + "'");
  // Only creating a file shows that one can be created (read-only mounts,
  // /proc, permissions, a full inode table).
  llvm::SmallString<256> Probe;
  int FD = -1;
  if (std::error_code EC = fs::createUniqueFile(
          Directory + "/.unbounded-tidy-probe-%%%%%%%%", FD, Probe))
    return cannotWrite(Path, EC);
  fs::closeFile(FD);
  fs::remove(Probe);
  return llvm::Error::success();
}

llvm::ErrorOr<std::string> readWholeFile(const std::string &Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
  if (!Buffer)
    return Buffer.getError();
  return (*Buffer)->getBuffer().str();
}

} // namespace unbounded::driver
