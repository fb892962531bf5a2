#!/bin/sh
# usage: setup_project.sh DIR MOCK_FLAGS...
# Copies the sample project (two findings in src/a.cpp and lib/c.cpp, one
# in include/spawn.h that both include, src/b.cpp clean) to DIR and writes
# its compile_commands.json.
set -e
dir=$1; shift
here=$(dirname "$0")
rm -rf "$dir" && mkdir -p "$dir" && cp -R "$here/project/." "$dir/"
python3 "$here/write_compile_commands.py" "$dir" "$dir/src/a.cpp" \
  "$dir/src/b.cpp" "$dir/lib/c.cpp" -- -std=c++17 -I "$dir/include" "$@"
