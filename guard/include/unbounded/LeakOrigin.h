#ifndef UNBOUNDED_LEAKORIGIN_H
#define UNBOUNDED_LEAKORIGIN_H

/// \file
/// Where a leaked thread or descriptor was made. The interposition library
/// records raw return addresses at creation (cheap); this turns them into
/// functions and source lines only when a leak is reported: through
/// elfutils' libdw when the guard was built with it (DWARF, inlined calls
/// included), else through the dynamic symbol table. Standard-library, libc
/// and guard frames are skipped when naming the creation site.

#include <cstdint>
#include <string>
#include <sys/types.h>
#include <vector>

namespace unbounded::guard {

/// One frame of a stack, symbolised as far as the binary allows.
struct StackFrame {
  uintptr_t address = 0; ///< the return address (or the function's address)
  std::string module;    ///< executable or shared object
  std::string
      function;     ///< qualified name without parameters; empty when unknown
  std::string file; ///< source file; empty without debug information
  int line = 0;
  bool library = false; ///< libc, the standard library, Boost, the guard itself

  /// "f (file:line)", "f" or "module+0x1a2b".
  std::string describe() const;
};

/// How much the symbols told: source lines, function names only, or addresses.
enum class SymbolDetail { Lines, Names, Addresses };

/// "lines", "names" or "addresses".
const char *symbolDetailName(SymbolDetail detail);

/// The creation site of a leaked thread or descriptor.
struct LeakOrigin {
  /// The creating call was recorded (needs the interposition library with
  /// origin capture on); otherwise only routine may be known.
  bool recorded = false;
  std::string
      call; ///< the wrapped function: "pthread_create", "socket", "open", ...
  std::string
      via; ///< the library entry the code went through: "std::thread", or call
  StackFrame site; ///< the first frame that is not library code
  std::string
      routine; ///< threads: the function the thread runs; empty when unknown
  std::vector<StackFrame>
      stack; ///< innermost first; inlined calls are frames of their own
  SymbolDetail detail = SymbolDetail::Addresses; ///< of site

  /// "started at f (file:line) via std::thread; runs g" (threads) or
  /// "opened at f (file:line) via socket" (descriptors), saying when the
  /// binary had no debug information or no symbols.
  std::string describe(bool thread) const;
};

/// Which creation stacks the interposition library records.
struct OriginCapture {
  bool threads = false;
  bool fds = false;
};

/// What is being recorded now; nothing without the interposition library.
OriginCapture originCapture();

/// Turns recording on or off. Off by default (it costs measurable time at
/// each creation); the GoogleTest listener turns it on, and the environment
/// variable UNBOUNDED_GUARD_ORIGINS (off, threads, fds, all) sets it when
/// the library loads. Throws std::logic_error without the interposition
/// library.
void setOriginCapture(OriginCapture capture);

/// The origin of live thread \p tid: its recorded creation stack, and the
/// function it runs (from the start routine, or from a sample of its stack
/// when the routine is library code such as std::thread's).
LeakOrigin threadOrigin(pid_t tid);

/// The origin of open descriptor \p fd, when recorded.
LeakOrigin fdOrigin(int fd);

/// Symbolises return addresses, innermost first (exposed for tests).
std::vector<StackFrame> symbolizeStack(const std::vector<uintptr_t> &addresses);

/// "ns::f" from "ns::f(int) const", "ret ns::g<T>(T)" -> "ns::g<T>".
std::string functionName(const std::string &demangled);

} // namespace unbounded::guard

#endif
