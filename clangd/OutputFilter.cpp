//===- OutputFilter.cpp - rewrite clangd's LSP output in flight -----------===//

#include "OutputFilter.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

namespace unbounded::clangd {

namespace {

/// The Content-Length of a header block, or -1 if it has none.
long long contentLength(llvm::StringRef Headers) {
  while (!Headers.empty()) {
    llvm::StringRef Line;
    std::tie(Line, Headers) = Headers.split("\r\n");
    auto [Name, Value] = Line.split(':');
    unsigned long long Length;
    if (Name.trim().equals_insensitive("content-length") &&
        !Value.trim().getAsInteger(10, Length))
      return static_cast<long long>(Length);
  }
  return -1;
}

} // namespace

std::unique_ptr<OutputFilter> OutputFilter::start(Rewrite R) {
  int Pipe[2];
  if (pipe2(Pipe, O_CLOEXEC) != 0)
    return nullptr;
  int RealOut = fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 3);
  if (RealOut < 0 || dup2(Pipe[1], STDOUT_FILENO) < 0) {
    close(Pipe[0]);
    close(Pipe[1]);
    if (RealOut >= 0)
      close(RealOut);
    return nullptr;
  }
  close(Pipe[1]); // standard output is now the only write end
  std::unique_ptr<OutputFilter> Filter(
      new OutputFilter(std::move(R), RealOut, Pipe[0]));
  Filter->Reader = std::thread([F = Filter.get()] { F->run(); });
  return Filter;
}

void OutputFilter::finish() {
  if (Finished)
    return;
  Finished = true;
  llvm::outs().flush();
  std::fflush(stdout);
  // Replacing descriptor 1 closes the pipe's last write end: the reader
  // sees end of file once it has drained what clangd wrote.
  dup2(RealOut, STDOUT_FILENO);
  Reader.join();
  close(ReadEnd);
  close(RealOut);
}

void OutputFilter::run() {
  std::string Pending;
  char Chunk[1 << 16];
  for (;;) {
    ssize_t N = read(ReadEnd, Chunk, sizeof Chunk);
    if (N < 0 && errno == EINTR)
      continue;
    if (N <= 0)
      break;
    Pending.append(Chunk, static_cast<size_t>(N));
    passOn(Pending);
  }
  write(Pending); // an incomplete message at exit: pass on as it is
}

/// Passes on every complete message at the front of Pending.
void OutputFilter::passOn(std::string &Pending) {
  for (;;) {
    size_t HeaderEnd = Pending.find("\r\n\r\n");
    if (HeaderEnd == std::string::npos)
      return;
    size_t BodyStart = HeaderEnd + 4;
    long long Length =
        contentLength(llvm::StringRef(Pending).take_front(HeaderEnd));
    if (Length < 0) { // not LSP framing
      write(Pending.substr(0, BodyStart));
      Pending.erase(0, BodyStart);
      continue;
    }
    if (Pending.size() - BodyStart < static_cast<size_t>(Length))
      return;
    std::string Body = Pending.substr(BodyStart, Length);
    Pending.erase(0, BodyStart + Length);
    for (const std::string &Out : R(std::move(Body)))
      write("Content-Length: " + std::to_string(Out.size()) + "\r\n\r\n" + Out);
  }
}

void OutputFilter::write(const std::string &Bytes) {
  size_t Done = 0;
  while (Done < Bytes.size()) {
    ssize_t N = ::write(RealOut, Bytes.data() + Done, Bytes.size() - Done);
    if (N < 0 && errno == EINTR)
      continue;
    if (N <= 0)
      return; // the client has gone; clangd notices on its own
    Done += static_cast<size_t>(N);
  }
}

} // namespace unbounded::clangd
