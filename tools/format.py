#!/usr/bin/env python3
"""Formats the project's C++ sources with clang-format (.clang-format), or
checks that they are formatted.

  tools/format.py            rewrite every unformatted source in place
  tools/format.py --check    list unformatted sources; exit 1 if any

The sources are the C++ files of the tool and the guard library. Test
inputs and examples/ are left as written: their findings are checked at
fixed lines. One clang-format major is used (--clang-format, default
clang-format-19), because majors format some constructs differently.
"""

import argparse
import os
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DIRECTORIES = ["checks", "facts", "driver", "clangd", "plugin", "guard"]
EXCLUDED = [os.path.join("guard", "test", "Inputs")]
SUFFIXES = (".cpp", ".h", ".c")


def sources(root):
    """Every C++ source under the formatted directories, sorted."""
    found = []
    for directory in DIRECTORIES:
        for parent, _, files in os.walk(os.path.join(root, directory)):
            relative = os.path.relpath(parent, root)
            if any(relative == e or relative.startswith(e + os.sep) for e in EXCLUDED):
                continue
            found += [os.path.join(parent, f) for f in files if f.endswith(SUFFIXES)]
    return sorted(found)


def unformatted(tool, files):
    """The files whose formatted text differs from their text."""
    differ = []
    for path in files:
        with open(path, "rb") as source:
            text = source.read()
        formatted = subprocess.run([tool, "--style=file", path], capture_output=True, check=True)
        if formatted.stdout != text:
            differ.append(path)
    return differ


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--clang-format", default="clang-format-19")
    parser.add_argument("--root", default=ROOT)
    args = parser.parse_args()
    tool = shutil.which(args.clang_format)
    if not tool:
        print("format.py: %s not found (Debian: apt install %s)" % (args.clang_format, args.clang_format),
              file=sys.stderr)
        return 2
    differ = unformatted(tool, sources(args.root))
    if args.check:
        for path in differ:
            print("unformatted: %s" % os.path.relpath(path, args.root))
        return 1 if differ else 0
    for path in differ:
        subprocess.run([tool, "--style=file", "-i", path], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
