#!/usr/bin/env bash
# action.yml, step "Install": installs unbounded-tidy-llvm<N> with apt (which
# also brings the LLVM libraries it depends on) from UNBOUNDED_PACKAGE, a
# path or URL of the .deb, or else builds the package from this source tree.
set -euo pipefail
llvm="${UNBOUNDED_LLVM_VERSION:?set the LLVM major}"
package="${UNBOUNDED_PACKAGE:-}"
source_dir="$(cd "$(dirname "$0")/../.." && pwd)"
sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)

if [ -z "$package" ]; then
  build_dir="${RUNNER_TEMP:-/tmp}/unbounded-tidy-build-$llvm"
  BUILD_DIR="$build_dir" UNBOUNDED_LLVM_VERSION="$llvm" \
    UNBOUNDED_CMAKE_ARGS="-DUNBOUNDED_GUARD=OFF -DUNBOUNDED_FUZZERS=OFF" \
    "$source_dir/dev.sh" build
  (cd "$build_dir" && cpack -G DEB -B "$build_dir/packages" >/dev/null)
  package="$(ls "$build_dir"/packages/unbounded-tidy-llvm"$llvm"_*.deb)"
elif [[ "$package" == http://* || "$package" == https://* ]]; then
  download="${RUNNER_TEMP:-/tmp}/$(basename "$package")"
  curl -fsSL -o "$download" "$package"
  package="$download"
fi
package="$(realpath "$package")"
case "$(basename "$package")" in
  unbounded-tidy-llvm"$llvm"_*.deb) ;;
  *) echo "install.sh: $package is not an unbounded-tidy-llvm$llvm package" >&2; exit 2 ;;
esac
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q \
  -o DPkg::Lock::Timeout=300 "$package" "clang-tidy-$llvm"
unbounded-tidy --version
