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

#include "llvm/ADT/StringRef.h"

namespace unbounded::driver {

/// Installs the SIGINT and SIGTERM handlers (the driver process only).
void handleInterrupts();

/// Path is removed if the run is interrupted while this lives.
class RemoveOnInterrupt {
public:
  explicit RemoveOnInterrupt(llvm::StringRef Path);
  ~RemoveOnInterrupt();
  RemoveOnInterrupt(const RemoveOnInterrupt &) = delete;
  RemoveOnInterrupt &operator=(const RemoveOnInterrupt &) = delete;

private:
  int Slot;
};

/// The process Pid is stopped if the run is interrupted while this lives.
class StopOnInterrupt {
public:
  explicit StopOnInterrupt(int Pid);
  ~StopOnInterrupt();
  StopOnInterrupt(const StopOnInterrupt &) = delete;
  StopOnInterrupt &operator=(const StopOnInterrupt &) = delete;

private:
  int Slot;
};

} // namespace unbounded::driver

#endif
