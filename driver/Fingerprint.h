//===- Fingerprint.h - line-shift-proof identities of findings --*- C++ -*-===//
///
/// \file
/// A finding's fingerprint hashes its check, its file (relative to the
/// report root), the flagged line's text with whitespace collapsed, and its
/// message, plus how many identical findings come before it in that file.
/// Line numbers are left out, so edits elsewhere that shift lines keep it.
///
//===----------------------------------------------------------------------===//
#ifndef UNBOUNDED_DRIVER_FINGERPRINT_H
#define UNBOUNDED_DRIVER_FINGERPRINT_H

#include "Findings.h"

namespace unbounded::driver {

/// Sets Fingerprint on every finding; Findings must be sorted.
void assignFingerprints(std::vector<Finding> &Findings, llvm::StringRef Root);

/// The flagged line's text with runs of whitespace collapsed to one space.
std::string normalizeLine(llvm::StringRef Line);

} // namespace unbounded::driver

#endif
