//===- Interrupt.h - SIGINT and SIGTERM leave no debris ---------*- C++ -*-===//
///
/// \file
/// On SIGINT or SIGTERM the driver stops its worker processes, removes its
/// temporary files (worker results, half-written reports and cache entries)
/// and exits with 128 + the signal's number (130, 143). Finished reports and
/// cache entries are only ever renamed into place, so they stay intact.
///
//===----------------------------------------------------------------------===//
#ifndef UNBOUNDED_DRIVER_INTERRUPT_H
#define UNBOUNDED_DRIVER_INTERRUPT_H

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace unbounded::driver {

/// Installs the SIGINT and SIGTERM handlers (the driver process only).
void handleInterrupts();

/// Keeps SIGINT and SIGTERM away from the calling thread, so that the
/// handler runs on the main thread and never inside a creation below.
void blockInterruptsInThisThread();

/// Undoes the block a worker process inherits from the thread that
/// started it, so that SIGINT from the terminal reaches it too.
void unblockInterrupts();

/// A file that is removed if the run is interrupted while this lives.
class RemoveOnInterrupt {
public:
  /// Create makes the file and returns its path ("" when it failed); an
  /// interrupt cannot fall between the file's creation and its
  /// registration here. After an interrupt, Create is not called.
  explicit RemoveOnInterrupt(llvm::function_ref<std::string()> Create);
  ~RemoveOnInterrupt();
  RemoveOnInterrupt(const RemoveOnInterrupt &) = delete;
  RemoveOnInterrupt &operator=(const RemoveOnInterrupt &) = delete;

  const std::string &path() const { return Path; }

private:
  std::string Path;
  int Slot = -1;
};

/// A process that is stopped if the run is interrupted while this lives.
class StopOnInterrupt {
public:
  /// Spawn starts the process and returns its id (0 when it failed), with
  /// the same guarantee as RemoveOnInterrupt's Create.
  explicit StopOnInterrupt(llvm::function_ref<int()> Spawn);
  ~StopOnInterrupt();
  StopOnInterrupt(const StopOnInterrupt &) = delete;
  StopOnInterrupt &operator=(const StopOnInterrupt &) = delete;

  int pid() const { return Pid; }

private:
  int Pid = 0;
  int Slot = -1;
};

} // namespace unbounded::driver

#endif
