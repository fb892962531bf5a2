//===- Clients.h - library clients several checks recognise -----*- C++ -*-===//
///
/// \file
/// The shared options ClientTypes and ClientFactories, and what they make
/// of an expression: unbounded-client-per-call judges where a client lives,
/// unbounded-pool-growth how many a pool opens.
///
//===----------------------------------------------------------------------===//
#ifndef UNBOUNDED_UTILS_CLIENTS_H
#define UNBOUNDED_UTILS_CLIENTS_H

#include "clang-tidy/ClangTidyCheck.h"
#include <string>
#include <vector>

namespace clang::tidy::unbounded::utils {

/// A function returning a client handle, and the function releasing it
/// (empty when the handle releases itself).
struct ClientFactory {
  std::string Create;
  std::string Release;
};

/// The shared options that name library clients: ClientTypes (classes whose
/// objects are clients) and ClientFactories (`create=release` pairs).
struct ClientOptions {
  explicit ClientOptions(const ClangTidyCheck::OptionsView &Options);
  /// Stores the two as storeShared does.
  void store(const ClangTidyCheck::OptionsView &Options,
             ClangTidyOptions::OptionMap &Opts) const;

  /// The library client E makes (an object of a ClientTypes class,
  /// `std::make_unique`/`std::make_shared` of one included, or a factory's
  /// handle), as messages name it; empty when E makes none.
  std::string madeBy(const Expr &E) const;

  std::vector<std::string> Types;
  std::vector<ClientFactory> Factories;
};

} // namespace clang::tidy::unbounded::utils

#endif
