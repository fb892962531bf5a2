//===- Worker.h - lint one translation unit in this process -----*- C++ -*-===//
///
/// \file
/// clang-tidy's engine (runClangTidy) on exactly one file. The engine keeps
/// global state per run, so the driver runs each translation unit in its own
/// worker process (see Runner.h) and calls this there.
///
//===----------------------------------------------------------------------===//
#ifndef UNBOUNDED_DRIVER_WORKER_H
#define UNBOUNDED_DRIVER_WORKER_H

#include "Findings.h"

#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Tooling/CompilationDatabase.h"
#include <memory>

namespace unbounded::driver {

/// Runs the enabled checks on File and converts what clang-tidy reports
/// into findings (with line, column and the flagged source line), plus the
/// list of files the compiler read (for the cache).
UnitResult
lintUnit(std::unique_ptr<clang::tidy::ClangTidyOptionsProvider> Provider,
         const clang::tooling::CompilationDatabase &Compilations,
         const std::string &File);

} // namespace unbounded::driver

#endif
