//===- Interrupt.cpp - SIGINT and SIGTERM leave no debris -----------------===//
//
// The handler may only use async-signal-safe calls, so what it cleans up
// lives in fixed tables of atomics rather than in containers. Creations
// are counted: once interrupted, the handler waits for those under way to
// be registered, and no new one starts.
//
//===----------------------------------------------------------------------===//

#include "Interrupt.h"

#include <atomic>
#include <climits>
#include <csignal>
#include <cstring>
#include <ctime>
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
std::atomic<bool> Interrupted{false};
std::atomic<int> Creating{0};

/// Counts one creation under way; after an interrupt, never returns (the
/// process is exiting, and nothing new may start).
class Creation {
public:
  Creation() {
    Creating.fetch_add(1);
    if (!Interrupted.load())
      return;
    Creating.fetch_sub(1);
    for (;;)
      ::pause();
  }
  ~Creation() { Creating.fetch_sub(1); }
};

/// The first slot TryTake takes, or -1 when all are in use (the file or
/// process is then not cleaned up on an interrupt).
template <typename Taker> int claim(Taker TryTake) {
  for (int I = 0; I < Slots; ++I)
    if (TryTake(I))
      return I;
  return -1;
}

/// Waits (at most two seconds) for the creations under way.
void waitForCreations() {
  const timespec Millisecond = {0, 1000000};
  for (int I = 0; I < 2000 && Creating.load() > 0; ++I)
    ::nanosleep(&Millisecond, nullptr);
}

extern "C" void onInterrupt(int Signal) {
  Interrupted.store(true);
  waitForCreations();
  // SIGKILL: a worker's state is worth nothing now, and it may have been
  // started with these signals blocked (the mask of its thread).
  for (std::atomic<int> &Worker : Workers)
    if (int Pid = Worker.load(); Pid > 0)
      ::kill(Pid, SIGKILL);
  // Wait for each, so that none writes its result after the removal below.
  for (std::atomic<int> &Worker : Workers)
    if (int Pid = Worker.load(); Pid > 0)
      ::waitpid(Pid, nullptr, 0);
  for (PathSlot &Slot : Paths)
    if (Slot.State.load() == Ready)
      ::unlink(Slot.Path);
  ::_exit(128 + Signal);
}

sigset_t interruptSignals() {
  sigset_t Set;
  sigemptyset(&Set);
  sigaddset(&Set, SIGINT);
  sigaddset(&Set, SIGTERM);
  return Set;
}

} // namespace

void handleInterrupts() {
  struct sigaction Action = {};
  Action.sa_handler = onInterrupt;
  Action.sa_mask = interruptSignals();
  sigaction(SIGINT, &Action, nullptr);
  sigaction(SIGTERM, &Action, nullptr);
}

void blockInterruptsInThisThread() {
  sigset_t Set = interruptSignals();
  pthread_sigmask(SIG_BLOCK, &Set, nullptr);
}

void unblockInterrupts() {
  sigset_t Set = interruptSignals();
  pthread_sigmask(SIG_UNBLOCK, &Set, nullptr);
}

RemoveOnInterrupt::RemoveOnInterrupt(llvm::function_ref<std::string()> Create) {
  Creation Counted;
  Path = Create();
  if (Path.empty() || Path.size() >= PATH_MAX)
    return;
  Slot = claim([](int I) {
    int Expected = Free;
    return Paths[I].State.compare_exchange_strong(Expected, Busy);
  });
  if (Slot < 0)
    return;
  std::memcpy(Paths[Slot].Path, Path.c_str(), Path.size() + 1);
  Paths[Slot].State.store(Ready);
}

RemoveOnInterrupt::~RemoveOnInterrupt() {
  if (Slot >= 0)
    Paths[Slot].State.store(Free);
}

StopOnInterrupt::StopOnInterrupt(llvm::function_ref<int()> Spawn) {
  Creation Counted;
  Pid = Spawn();
  if (Pid <= 0)
    return;
  Slot = claim([this](int I) {
    int Expected = 0;
    return Workers[I].compare_exchange_strong(Expected, Pid);
  });
}

StopOnInterrupt::~StopOnInterrupt() {
  if (Slot >= 0)
    Workers[Slot].store(0);
}

} // namespace unbounded::driver
