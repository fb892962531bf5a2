#!/usr/bin/env bash
# unbounded-tidy set-up, build and run. Idempotent: installs only what is
# missing, reconfigures only when needed.
#
#   ./dev.sh examples   install, build, and lint examples/ (prints findings)
#   ./dev.sh test       install, build, and run the whole test suite (ctest)
#   ./dev.sh build      install and build only
set -euo pipefail

cd "$(dirname "$0")"
LLVM_VERSION="${UNBOUNDED_LLVM_VERSION:-19}"
BUILD_DIR="${BUILD_DIR:-build}"
JOBS="${JOBS:-2}" # each compile against Clang's headers needs about 0.8 GB

PACKAGES=(
  cmake ninja-build g++ python3
  "clang-${LLVM_VERSION}" "clang-tidy-${LLVM_VERSION}" "clang-tools-${LLVM_VERSION}"
  "libclang-${LLVM_VERSION}-dev" "llvm-${LLVM_VERSION}-dev" "llvm-${LLVM_VERSION}-tools"
  libgtest-dev           # unit tests of the shared analyses
  libboost-thread-dev    # integration tests against Boost.Thread's headers
  clang-tidy-14          # the plugin's version guard is tested against it
)

install_packages() {
  local missing=()
  for package in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
      || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "dev.sh: installing ${missing[*]}"
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q "${missing[@]}"
}

build() {
  install_packages
  if [ ! -f "$BUILD_DIR/build.ninja" ]; then
    cmake -S . -B "$BUILD_DIR" -G Ninja -DUNBOUNDED_LLVM_VERSION="$LLVM_VERSION"
  fi
  cmake --build "$BUILD_DIR" -j "$JOBS"
}

case "${1:-}" in
  build)
    build
    ;;
  examples)
    build
    # Exit 1 means findings: the examples hold every failure mode on purpose.
    status=0
    "$BUILD_DIR/bin/unbounded-tidy" -p "$BUILD_DIR" examples || status=$?
    [ "$status" -le 1 ] || exit "$status"
    ;;
  test)
    build
    ctest --test-dir "$BUILD_DIR" --output-on-failure -j "$JOBS"
    ;;
  *)
    echo "usage: ./dev.sh examples|test|build" >&2
    exit 2
    ;;
esac
