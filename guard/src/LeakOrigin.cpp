#include "unbounded/LeakOrigin.h"

#include "unbounded/ResourceCounter.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cxxabi.h>
#include <dlfcn.h>
#include <execinfo.h>
#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <sys/syscall.h>
#include <thread>
#include <unistd.h>

#ifdef UNBOUNDED_GUARD_HAS_LIBDW
#include <dwarf.h>
#include <elfutils/libdw.h>
#include <elfutils/libdwfl.h>
#endif

namespace unbounded::guard {
namespace {

bool startsWith(const std::string &text, const char *prefix) {
  return text.rfind(prefix, 0) == 0;
}

std::string baseName(const std::string &path) {
  return path.substr(path.rfind('/') + 1);
}

std::string demangle(const char *symbol) {
  if (!symbol)
    return {};
  int status = 0;
  std::unique_ptr<char, void (*)(void *)> text(
      abi::__cxa_demangle(symbol, nullptr, nullptr, &status), std::free);
  return functionName(status == 0 && text ? text.get() : symbol);
}

/// Code that is not the application's: the C and C++ runtimes, Boost, the
/// guard itself, and standard-library templates instantiated in the binary.
bool isLibrary(const StackFrame &frame) {
  const std::string module = baseName(frame.module);
  for (const char *prefix :
       {"libc.so", "libc-", "libstdc++", "libgcc_s", "libpthread", "ld-linux",
        "libboost_thread", "libunbounded_guard"})
    if (startsWith(module, prefix))
      return true;
  for (const char *prefix :
       {"std::", "__gnu_cxx::", "boost::", "unbounded::guard::", "__"})
    if (startsWith(frame.function, prefix))
      return true;
  return startsWith(frame.file, "/usr/include/");
}

StackFrame moduleOnly(uintptr_t address) {
  StackFrame frame;
  frame.address = address;
  Dl_info info{};
  if (dladdr(reinterpret_cast<void *>(address), &info) && info.dli_fname) {
    frame.module = info.dli_fname;
    if (info.dli_sname)
      frame.function = demangle(info.dli_sname);
  }
  return frame;
}

#ifdef UNBOUNDED_GUARD_HAS_LIBDW

/// The process's modules as libdw sees them; rebuilt when an address falls
/// outside every module known (a library loaded since).
class DwarfIndex {
public:
  ~DwarfIndex() { reset(); }

  Dwfl_Module *module(Dwarf_Addr address) {
    if (!dwfl_)
      load();
    Dwfl_Module *found = dwfl_ ? dwfl_addrmodule(dwfl_, address) : nullptr;
    if (found || !dwfl_)
      return found;
    load();
    return dwfl_ ? dwfl_addrmodule(dwfl_, address) : nullptr;
  }

  /// Closes the ELF files: descriptors held open would look like leaks.
  void reset() {
    if (dwfl_)
      dwfl_end(dwfl_);
    dwfl_ = nullptr;
  }

private:
  void load() {
    reset();
    static char *debugPath = nullptr;
    static const Dwfl_Callbacks callbacks = {dwfl_linux_proc_find_elf,
                                             dwfl_standard_find_debuginfo,
                                             nullptr, &debugPath};
    dwfl_ = dwfl_begin(&callbacks);
    if (!dwfl_)
      return;
    if (dwfl_linux_proc_report(dwfl_, getpid()) != 0 ||
        dwfl_report_end(dwfl_, nullptr, nullptr) != 0)
      reset();
  }

  Dwfl *dwfl_ = nullptr;
};

/// The declaration a concrete or inlined function DIE stands for.
Dwarf_Die declarationOf(Dwarf_Die *die) {
  Dwarf_Die target = *die;
  for (int hops = 0; hops < 4; ++hops) {
    Dwarf_Attribute attribute;
    Dwarf_Die next;
    if ((dwarf_attr(&target, DW_AT_abstract_origin, &attribute) ||
         dwarf_attr(&target, DW_AT_specification, &attribute)) &&
        dwarf_formref_die(&attribute, &next))
      target = next;
    else
      break;
  }
  return target;
}

/// The qualified name of a function DIE: its linkage name demangled, else
/// its name prefixed with the namespaces and classes that contain it.
std::string dieFunction(Dwarf_Die *die) {
  Dwarf_Attribute attribute;
  for (int name : {DW_AT_linkage_name, DW_AT_MIPS_linkage_name})
    if (dwarf_attr_integrate(die, name, &attribute))
      if (const char *mangled = dwarf_formstring(&attribute))
        return demangle(mangled);
  Dwarf_Die declaration = declarationOf(die);
  const char *plain = dwarf_diename(&declaration);
  if (!plain)
    return {};
  std::string name = plain;
  Dwarf_Die *scopes = nullptr;
  const int depth = dwarf_getscopes_die(&declaration, &scopes);
  for (int i = 1; i < depth; ++i) {
    const int tag = dwarf_tag(&scopes[i]);
    const char *scope = dwarf_diename(&scopes[i]);
    if (tag == DW_TAG_subprogram) { // a lambda's or local class's function
      name = dieFunction(&scopes[i]) + "::" + name;
      break;
    }
    if (tag == DW_TAG_namespace)
      name =
          (scope ? std::string(scope) : "(anonymous namespace)") + "::" + name;
    else if (tag == DW_TAG_class_type || tag == DW_TAG_structure_type ||
             tag == DW_TAG_union_type)
      name = (scope ? std::string(scope) : "{lambda}") +
             "::" + name; // unnamed: a closure
  }
  std::free(scopes);
  return name;
}

/// "/a/b/../c/./d" -> "/a/c/d".
std::string normalized(const std::string &path) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= path.size()) {
    const size_t end = std::min(path.find('/', start), path.size());
    const std::string part = path.substr(start, end - start);
    if (part == "..") {
      if (!parts.empty())
        parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    start = end + 1;
  }
  std::string result;
  for (const std::string &part : parts)
    result += "/" + part;
  return result.empty() ? "/" : result;
}

/// A source path as the compiler saw it, made absolute against the unit's
/// compilation directory (build systems often pass relative paths).
std::string absoluteSource(const std::string &file, Dwarf_Die *unit) {
  if (file.empty())
    return file;
  if (file[0] == '/')
    return normalized(file);
  Dwarf_Attribute attribute;
  const char *directory = dwarf_attr(unit, DW_AT_comp_dir, &attribute)
                              ? dwarf_formstring(&attribute)
                              : nullptr;
  return directory ? normalized(std::string(directory) + "/" + file) : file;
}

/// The call site of an inlined subroutine: where the next outer frame is.
void callSite(Dwarf_Die *inlined, Dwarf_Die *unit, std::string &file,
              int &line) {
  Dwarf_Attribute attribute;
  Dwarf_Word fileIndex = 0, lineNumber = 0;
  Dwarf_Files *files = nullptr;
  size_t count = 0;
  if (!dwarf_attr(inlined, DW_AT_call_file, &attribute) ||
      dwarf_formudata(&attribute, &fileIndex) != 0 ||
      dwarf_getsrcfiles(unit, &files, &count) != 0 || fileIndex >= count)
    return;
  const char *name = dwarf_filesrc(files, fileIndex, nullptr, nullptr);
  if (dwarf_attr(inlined, DW_AT_call_line, &attribute))
    dwarf_formudata(&attribute, &lineNumber);
  file = name ? name : "";
  line = static_cast<int>(lineNumber);
}

/// The frames at \p lookup (inlined calls expanded, innermost first).
std::vector<StackFrame> dwarfFrames(DwarfIndex &index, uintptr_t address,
                                    Dwarf_Addr lookup) {
  StackFrame frame = moduleOnly(address);
  Dwfl_Module *module = index.module(lookup);
  if (!module)
    return {frame};
  if (const char *path = dwfl_module_info(module, nullptr, nullptr, nullptr,
                                          nullptr, nullptr, nullptr, nullptr))
    frame.module = path;
  if (const char *symbol = dwfl_module_addrname(module, lookup))
    frame.function = demangle(symbol);
  if (Dwfl_Line *line = dwfl_module_getsrc(module, lookup))
    if (const char *file = dwfl_lineinfo(line, nullptr, &frame.line, nullptr,
                                         nullptr, nullptr))
      frame.file = file;
  Dwarf_Addr bias = 0;
  Dwarf_Die *unit = dwfl_module_addrdie(module, lookup, &bias);
  Dwarf_Die *innermost = nullptr;
  Dwarf_Die *scopes = nullptr;
  // The innermost scope at the address, then the chain of DIEs containing
  // it: inlined calls out to the function they were inlined into.
  int depth = unit ? dwarf_getscopes(unit, lookup - bias, &innermost) : 0;
  if (depth > 0)
    depth = dwarf_getscopes_die(&innermost[0], &scopes);
  std::free(innermost);
  std::vector<StackFrame> frames;
  for (int i = 0; i < depth; ++i) {
    const int tag = dwarf_tag(&scopes[i]);
    if (tag != DW_TAG_inlined_subroutine && tag != DW_TAG_subprogram)
      continue;
    StackFrame current = frame;
    if (std::string name = dieFunction(&scopes[i]); !name.empty())
      current.function = name;
    frames.push_back(current);
    if (tag == DW_TAG_subprogram)
      break;
    callSite(&scopes[i], unit, frame.file, frame.line);
  }
  std::free(scopes);
  if (frames.empty())
    frames.push_back(frame);
  if (unit)
    for (StackFrame &each : frames)
      each.file = absoluteSource(each.file, unit);
  return frames;
}

#endif

/// Serialises symbolisation (libdw handles are not thread-safe) and caches
/// frames by address: a leak found on several retries is symbolised once.
class Symbolizer {
public:
  static Symbolizer &instance() {
    static auto *symbolizer = new Symbolizer(); // used until exit
    return *symbolizer;
  }

  /// \p returnAddress: look up the call instruction before it.
  std::vector<StackFrame> frames(uintptr_t address, bool returnAddress) {
    std::lock_guard<std::mutex> lock(mutex_);
    const auto key = std::make_pair(address, returnAddress);
    if (const auto found = cache_.find(key); found != cache_.end())
      return found->second;
    std::vector<StackFrame> result =
        lookUp(address, returnAddress ? address - 1 : address);
    for (StackFrame &frame : result)
      frame.library = isLibrary(frame);
    cache_[key] = result;
    return result;
  }

  /// Ends a batch of lookups: no descriptor stays open.
  void release() {
#ifdef UNBOUNDED_GUARD_HAS_LIBDW
    std::lock_guard<std::mutex> lock(mutex_);
    dwarf_.reset();
#endif
  }

private:
  std::vector<StackFrame> lookUp(uintptr_t address, uintptr_t lookup) {
#ifdef UNBOUNDED_GUARD_HAS_LIBDW
    return dwarfFrames(dwarf_, address, lookup);
#else
    StackFrame frame = moduleOnly(lookup);
    frame.address = address;
    return {frame};
#endif
  }

  std::mutex mutex_;
  std::map<std::pair<uintptr_t, bool>, std::vector<StackFrame>> cache_;
#ifdef UNBOUNDED_GUARD_HAS_LIBDW
  DwarfIndex dwarf_;
#endif
};

SymbolDetail detailOf(const StackFrame &frame) {
  if (!frame.file.empty() && frame.line > 0)
    return SymbolDetail::Lines;
  return frame.function.empty() ? SymbolDetail::Addresses : SymbolDetail::Names;
}

/// "std::thread::thread<F>" -> "std::thread": templates dropped, a
/// constructor named by its class.
std::string entryName(const std::string &function) {
  std::string plain;
  int depth = 0;
  for (char c : function) {
    depth += c == '<' ? 1 : c == '>' ? -1 : 0;
    if (depth == 0 && c != '>')
      plain += c;
  }
  const size_t last = plain.rfind("::");
  if (last == std::string::npos || last < 2)
    return plain;
  const size_t before = plain.rfind("::", last - 1);
  const std::string owner =
      plain.substr(before == std::string::npos ? 0 : before + 2,
                   last - (before == std::string::npos ? 0 : before + 2));
  return plain.substr(last + 2) == owner ? plain.substr(0, last) : plain;
}

/// Site, via and detail from a symbolised creation stack.
void nameSite(LeakOrigin &origin) {
  for (size_t i = 0; i < origin.stack.size(); ++i) {
    if (origin.stack[i].library)
      continue;
    origin.site = origin.stack[i];
    origin.detail = detailOf(origin.site);
    origin.via = origin.call;
    // The library frame nearest the site, not counting the guard's own
    // wrappers.
    for (size_t j = i; j-- > 0;) {
      const StackFrame &frame = origin.stack[j];
      if (startsWith(baseName(frame.module), "libunbounded_guard"))
        break;
      if (!frame.function.empty()) {
        origin.via = entryName(frame.function);
        break;
      }
    }
    return;
  }
  origin.via = origin.call;
}

std::vector<StackFrame> symbolize(const std::vector<uintptr_t> &addresses,
                                  bool returnAddresses) {
  std::vector<StackFrame> stack;
  for (uintptr_t address : addresses)
    for (StackFrame &frame :
         Symbolizer::instance().frames(address, returnAddresses))
      stack.push_back(std::move(frame));
  Symbolizer::instance().release();
  return stack;
}

LeakOrigin fromRaw(const unbounded_guard_origin &raw) {
  LeakOrigin origin;
  origin.recorded = true;
  origin.call = raw.call ? raw.call : "";
  std::vector<uintptr_t> addresses;
  for (int i = 0; i < raw.depth; ++i)
    addresses.push_back(reinterpret_cast<uintptr_t>(raw.frames[i]));
  origin.stack = symbolizeStack(addresses);
  nameSite(origin);
  return origin;
}

// Sampling another thread's stack: a signal whose handler unwinds into a
// shared buffer. One sample at a time.
constexpr int kSampleFrames = 64;
std::mutex sampleMutex;
std::atomic<pid_t> sampleTarget{
    0}; // the tid asked; -1 while its handler writes
std::atomic<bool> sampleDone{false};
void *sampleFrames[kSampleFrames];
int sampleDepth = 0;

void onSampleSignal(int) {
  pid_t expected = static_cast<pid_t>(syscall(SYS_gettid));
  if (!sampleTarget.compare_exchange_strong(expected, -1))
    return; // a late or stray signal
  sampleDepth = backtrace(sampleFrames, kSampleFrames);
  sampleDone.store(true);
}

/// Return addresses of thread \p tid's current stack, innermost first;
/// empty when it does not answer within a second (the signal blocked; a
/// loaded machine can take that long to schedule it). The handler stays
/// installed: a signal still pending in a thread that blocked it must not
/// meet the default action, which ends the process.
std::vector<uintptr_t> sampleStack(pid_t tid) {
  std::lock_guard<std::mutex> lock(sampleMutex);
  void *warm[1];
  backtrace(warm, 1); // loads the unwinder here, not in the handler
  const int signal = SIGRTMIN + 7;
  struct sigaction action{}, previous{};
  action.sa_handler = onSampleSignal;
  action.sa_flags = SA_RESTART;
  sigemptyset(&action.sa_mask);
  if (sigaction(signal, &action, &previous) != 0)
    return {};
  if (previous.sa_handler != SIG_DFL && previous.sa_handler != onSampleSignal) {
    sigaction(signal, &previous, nullptr); // the program's own: leave it alone
    return {};
  }
  sampleDone = false;
  sampleTarget = tid;
  if (syscall(SYS_tgkill, getpid(), tid, signal) == 0) {
    const auto deadline =
        std::chrono::steady_clock::now() + std::chrono::seconds(1);
    while (!sampleDone.load() && std::chrono::steady_clock::now() < deadline)
      std::this_thread::sleep_for(std::chrono::microseconds(100));
  }
  pid_t unanswered = tid;
  // Not answered: withdraw the request; a handler already writing finishes
  // first.
  if (!sampleTarget.compare_exchange_strong(unanswered, 0))
    while (!sampleDone.load())
      std::this_thread::yield();
  std::vector<uintptr_t> result;
  if (sampleDone.load())
    for (int i = 0; i < sampleDepth; ++i)
      result.push_back(reinterpret_cast<uintptr_t>(sampleFrames[i]));
  return result;
}

/// The function a thread runs: the outermost application frame of its stack.
std::string runningFunction(pid_t tid) {
  const std::vector<StackFrame> stack = symbolizeStack(sampleStack(tid));
  for (auto frame = stack.rbegin(); frame != stack.rend(); ++frame)
    if (!frame->library && !frame->function.empty())
      return frame->function;
  return {};
}

template <typename Function> Function lookup(const char *name) {
  return reinterpret_cast<Function>(dlsym(RTLD_DEFAULT, name));
}

using ReadOrigin = int (*)(int, unbounded_guard_origin *);
using GetCapture = int (*)();
using SetCapture = void (*)(int);

} // namespace

std::string StackFrame::describe() const {
  if (function.empty()) {
    Dl_info info{};
    const uintptr_t base = dladdr(reinterpret_cast<void *>(address), &info)
                               ? reinterpret_cast<uintptr_t>(info.dli_fbase)
                               : 0;
    char offset[32];
    std::snprintf(offset, sizeof offset, "+0x%zx",
                  static_cast<size_t>(address - base));
    return (module.empty() ? "?" : baseName(module)) + offset;
  }
  if (file.empty() || line <= 0)
    return function;
  return function + " (" + file + ":" + std::to_string(line) + ")";
}

const char *symbolDetailName(SymbolDetail detail) {
  switch (detail) {
  case SymbolDetail::Lines:
    return "lines";
  case SymbolDetail::Names:
    return "names";
  case SymbolDetail::Addresses:
    break;
  }
  return "addresses";
}

std::string LeakOrigin::describe(bool thread) const {
  std::string text;
  if (recorded)
    text = std::string(thread ? "started at " : "opened at ") +
           site.describe() + " via " + via;
  else
    text = "creation site not recorded (" +
           (interpositionActive()
                ? std::string("origin capture was off when it was made")
                : std::string("needs the interposition library")) +
           ")";
  if (thread && !routine.empty())
    text += "; runs " + routine;
  if (recorded && detail == SymbolDetail::Names)
    text += " [no debug information: names only]";
  if (recorded && detail == SymbolDetail::Addresses)
    text += " [no symbols: addresses only]";
  return text;
}

OriginCapture originCapture() {
  const auto get = lookup<GetCapture>("unbounded_guard_get_origin_capture");
  const int mask = get ? get() : 0;
  return {(mask & UNBOUNDED_GUARD_ORIGIN_THREADS) != 0,
          (mask & UNBOUNDED_GUARD_ORIGIN_FDS) != 0};
}

void setOriginCapture(OriginCapture capture) {
  const auto set = lookup<SetCapture>("unbounded_guard_set_origin_capture");
  if (!set)
    throw std::logic_error(
        "unbounded-guard: origin capture needs the interposition library "
        "(link unbounded::guard_interpose or LD_PRELOAD it)");
  set((capture.threads ? UNBOUNDED_GUARD_ORIGIN_THREADS : 0) |
      (capture.fds ? UNBOUNDED_GUARD_ORIGIN_FDS : 0));
}

LeakOrigin threadOrigin(pid_t tid) {
  LeakOrigin origin;
  unbounded_guard_origin raw{};
  if (const auto read = lookup<ReadOrigin>("unbounded_guard_thread_origin");
      read && read(tid, &raw))
    origin = fromRaw(raw);
  if (raw.routine) {
    const std::vector<StackFrame> routine =
        symbolize({reinterpret_cast<uintptr_t>(raw.routine)}, false);
    if (!routine.empty() && !routine.back().library)
      origin.routine = routine.back().function;
  }
  if (origin.routine.empty())
    origin.routine = runningFunction(tid);
  return origin;
}

LeakOrigin fdOrigin(int fd) {
  unbounded_guard_origin raw{};
  if (const auto read = lookup<ReadOrigin>("unbounded_guard_fd_origin");
      read && read(fd, &raw))
    return fromRaw(raw);
  return {};
}

std::vector<StackFrame>
symbolizeStack(const std::vector<uintptr_t> &addresses) {
  return symbolize(addresses, true);
}

std::string functionName(const std::string &demangled) {
  std::string name = demangled;
  // GCC's clones: "f() [clone .constprop.0]", "f() [clone .cold]".
  while (name.size() > 1 && name.back() == ']' &&
         name.rfind(" [clone ") != std::string::npos)
    name.erase(name.rfind(" [clone "));
  // Trailing qualifiers of a member function, then its parameter list.
  for (bool trimmed = true; trimmed;) {
    trimmed = false;
    for (const char *suffix :
         {" const", " volatile", " &&", " &", " noexcept"}) {
      const std::string tail = suffix;
      if (name.size() > tail.size() &&
          name.compare(name.size() - tail.size(), tail.size(), tail) == 0) {
        name.erase(name.size() - tail.size());
        trimmed = true;
      }
    }
  }
  if (!name.empty() && name.back() == ')') {
    int depth = 0;
    for (size_t i = name.size(); i-- > 0;) {
      depth += name[i] == ')' ? 1 : name[i] == '(' ? -1 : 0;
      if (depth == 0) {
        name.erase(i);
        break;
      }
    }
  }
  // A return type (templates print one): the text after the last space
  // outside brackets.
  int depth = 0;
  size_t start = 0;
  for (size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    depth += (c == '<' || c == '(' || c == '{')   ? 1
             : (c == '>' || c == ')' || c == '}') ? -1
                                                  : 0;
    if (c == ' ' && depth == 0 && name.compare(i + 1, 8, "operator") != 0 &&
        name.compare(0, i, "operator") != 0)
      start = i + 1;
  }
  return name.substr(start);
}

} // namespace unbounded::guard
