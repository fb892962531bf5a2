#!/usr/bin/env bash
# unbounded-tidy set-up, build and run. Idempotent: installs only what is
# missing, reconfigures only when needed.
#
#   ./dev.sh examples   install, build, lint examples/ (prints findings) and
#                       write the fixed and bad service's checklists
#   ./dev.sh test       install, build, and run the whole test suite (ctest)
#   ./dev.sh test ARGS  the same, passing ARGS to ctest (e.g. -L '^(checks|unit)$')
#   ./dev.sh build      install and build only
#
# UNBOUNDED_LLVM_VERSION=16|19|22 picks the LLVM (default 19; any of 16-22
# should build); other than 19 it builds into build-<N>/. UNBOUNDED_CMAKE_ARGS
# adds CMake options (e.g. -DUNBOUNDED_GUARD=OFF).
set -euo pipefail

cd "$(dirname "$0")"
LLVM_VERSION="${UNBOUNDED_LLVM_VERSION:-19}"
if [ "$LLVM_VERSION" = 19 ]; then
  BUILD_DIR="${BUILD_DIR:-build}"
else
  BUILD_DIR="${BUILD_DIR:-build-${LLVM_VERSION}}"
fi
read -r -a CMAKE_ARGS <<<"${UNBOUNDED_CMAKE_ARGS:-}"
JOBS="${JOBS:-2}" # each compile against Clang's headers needs about 0.8 GB

PACKAGES=(
  cmake ninja-build g++ python3
  "clang-${LLVM_VERSION}" "clang-tidy-${LLVM_VERSION}" "clang-tools-${LLVM_VERSION}"
  "libclang-${LLVM_VERSION}-dev" "llvm-${LLVM_VERSION}-dev" "llvm-${LLVM_VERSION}-tools"
  libgtest-dev           # unit tests of the shared analyses
  libboost-thread-dev    # integration tests against Boost.Thread's headers
  libboost-dev libtbb-dev # integration tests against Boost.Asio's and oneTBB's pools
  libconcurrentqueue-dev libspdlog-dev # integration tests of the queue checks (with Boost, oneTBB)
  libcurl4-openssl-dev libcpp-httplib-dev libhiredis-dev libpqxx-dev libpq-dev
  libmariadb-dev         # integration tests of the client checks (with gRPC, above)
  prometheus-cpp-dev     # integration test of metric registrations (static checklist evidence)
  clang-tidy-14          # the plugin's version guard is tested against it
  "libclang-rt-${LLVM_VERSION}-dev" # guard/: ThreadSanitizer runtime of the stress test
  libbenchmark-dev libcpp-httplib-dev prometheus # guard/: benchmark, /metrics, promtool
  libdw-dev              # guard/: leak origins name source lines (elfutils DWARF reader)
  libgrpc++-dev libprotobuf-dev # unbounded-clangd links libclangdMain.a, which needs them
  neovim                 # the editor test of unbounded-clangd (test/clangd)
  dpkg-dev fakeroot file lintian # CPack's .deb (dpkg-shlibdeps) and its check (test/package)
  pre-commit python3-yaml bear git # the integrations' tests (test/integrations)
  chromium               # the HTML report's bar chart, measured in a headless browser
  clang-format-19        # the formatting test (test/format), one major: majors format differently
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

# The driver's SARIF test validates with @microsoft/sarif-multitool, kept in
# the build directory (not committed); without it that test is skipped.
install_sarif_validator() {
  [ -x "$BUILD_DIR/npm/node_modules/.bin/sarif-multitool" ] && return 0
  if ! command -v npm >/dev/null; then
    PACKAGES=(npm)
    install_packages
  fi
  mkdir -p "$BUILD_DIR/npm"
  npm install --no-save --no-audit --no-fund --prefix "$BUILD_DIR/npm" \
    @microsoft/sarif-multitool@5.7.0 \
    || echo "dev.sh: could not install the SARIF validator; its test is skipped" >&2
}

build() {
  install_packages
  if [ ! -f "$BUILD_DIR/build.ninja" ] || [ ${#CMAKE_ARGS[@]} -gt 0 ]; then
    cmake -S . -B "$BUILD_DIR" -G Ninja -DUNBOUNDED_LLVM_VERSION="$LLVM_VERSION" \
      "${CMAKE_ARGS[@]}"
  fi
  cmake --build "$BUILD_DIR" -j "$JOBS"
  install_sarif_validator
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
    # The prevention checklist of the fixed and of the bad service (code,
    # alert rules, guard tests): build/examples-checklist{,-bad}.{md,html}.
    examples/checklist.sh "$BUILD_DIR" fixed "$BUILD_DIR/examples-checklist"
    examples/checklist.sh "$BUILD_DIR" bad "$BUILD_DIR/examples-checklist-bad"
    ;;
  test)
    build
    shift
    ctest --test-dir "$BUILD_DIR" --output-on-failure -j "$JOBS" "$@"
    ;;
  *)
    echo "usage: ./dev.sh examples|test|build" >&2
    exit 2
    ;;
esac
