//===- Interrupt.cpp - SIGINT and SIGTERM leave no debris -----------------===//
//
// The handler may only use async-signal-safe calls, so what it cleans up
// lives in fixed tables of atomics rather than in containers.
//
//===----------------------------------------------------------------------===//

#include "Interrupt.h"

#include <atomic>
#include <climits>
#include <csignal>
#include <cstring>
#include <sys/wait.h>
#include <unistd.h>

namespace unbounded::driver {
namespace {

constexpr int Slots = 1024;

enum SlotState { Free, Busy, Ready };

struct PathSlot {
  std::atomic<int> State{Free};
  char Path[PATH_MAX];
};

PathSlot Paths[Slots];
std::atomic<int> Workers[Slots];

/// The first slot TryTake takes, or -1 when all are in use (the file or
/// process is then not cleaned up on an interrupt).
template <typename Taker> int claim(Taker TryTake) {
  for (int I = 0; I < Slots; ++I)
    if (TryTake(I))
      return I;
  return -1;
}

extern "C" void onInterrupt(int Signal) {
  for (std::atomic<int> &Worker : Workers)
    if (int Pid = Worker.load(); Pid > 0)
      ::kill(Pid, SIGTERM);
  // Wait for each, so that none writes its result after the removal below.
  for (std::atomic<int> &Worker : Workers)
    if (int Pid = Worker.load(); Pid > 0)
      ::waitpid(Pid, nullptr, 0);
  for (PathSlot &Slot : Paths)
    if (Slot.State.load() == Ready)
      ::unlink(Slot.Path);
  ::_exit(128 + Signal);
}

} // namespace

void handleInterrupts() {
  struct sigaction Action = {};
  Action.sa_handler = onInterrupt;
  sigemptyset(&Action.sa_mask);
  sigaddset(&Action.sa_mask, SIGINT);
  sigaddset(&Action.sa_mask, SIGTERM);
  sigaction(SIGINT, &Action, nullptr);
  sigaction(SIGTERM, &Action, nullptr);
}

RemoveOnInterrupt::RemoveOnInterrupt(llvm::StringRef Path)
    : Slot(Path.size() >= PATH_MAX ? -1 : claim([](int I) {
        int Expected = Free;
        return Paths[I].State.compare_exchange_strong(Expected, Busy);
      })) {
  if (Slot < 0)
    return;
  std::memcpy(Paths[Slot].Path, Path.data(), Path.size());
  Paths[Slot].Path[Path.size()] = '\0';
  Paths[Slot].State.store(Ready);
}

RemoveOnInterrupt::~RemoveOnInterrupt() {
  if (Slot >= 0)
    Paths[Slot].State.store(Free);
}

StopOnInterrupt::StopOnInterrupt(int Pid)
    : Slot(claim([Pid](int I) {
        int Expected = 0;
        return Workers[I].compare_exchange_strong(Expected, Pid);
      })) {}

StopOnInterrupt::~StopOnInterrupt() {
  if (Slot >= 0)
    Workers[Slot].store(0);
}

} // namespace unbounded::driver
