//===- OutputFilter.h - rewrite clangd's LSP output in flight -------------===//
//
// clangd writes its LSP messages to file descriptor 1. The filter puts a
// pipe there and a thread behind it that reads each framed message
// (Content-Length header, JSON body), lets a rewrite function change it or
// add messages after it, and writes the result to the real standard output.
// Anything that is not a framed message passes through unchanged.
//
//===----------------------------------------------------------------------===//

#ifndef UNBOUNDED_CLANGD_OUTPUTFILTER_H
#define UNBOUNDED_CLANGD_OUTPUTFILTER_H

#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace unbounded::clangd {

class OutputFilter {
public:
  /// Receives one message body; returns the bodies to send in its place.
  using Rewrite = std::function<std::vector<std::string>(std::string Body)>;

  /// Redirects standard output through the filter. Returns null, leaving
  /// standard output alone, if the pipe cannot be set up.
  static std::unique_ptr<OutputFilter> start(Rewrite R);

  /// Restores standard output and waits until everything written before has
  /// been passed on.
  void finish();
  ~OutputFilter() { finish(); }

private:
  OutputFilter(Rewrite R, int RealOut, int ReadEnd)
      : R(std::move(R)), RealOut(RealOut), ReadEnd(ReadEnd) {}
  void run();
  void passOn(std::string &Pending);
  void write(const std::string &Bytes);

  Rewrite R;
  int RealOut;
  int ReadEnd;
  std::thread Reader;
  bool Finished = false;
};

} // namespace unbounded::clangd

#endif
