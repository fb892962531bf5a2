//===- FuzzCommon.h - shared bits of the fuzz targets -----------*- C++ -*-===//
///
/// \file
/// The input as a StringRef, and a check that parsing never yields a value
/// the formats cannot render.
///
//===----------------------------------------------------------------------===//
#ifndef UNBOUNDED_DRIVER_FUZZ_FUZZCOMMON_H
#define UNBOUNDED_DRIVER_FUZZ_FUZZCOMMON_H

#include "llvm/ADT/StringRef.h"
#include <cstddef>
#include <cstdint>

inline llvm::StringRef asText(const uint8_t *Data, size_t Size) {
  return llvm::StringRef(reinterpret_cast<const char *>(Data), Size);
}

#endif
