#!/usr/bin/env python3
"""Adding a check is one command: scaffold a check into a copy of the source
tree with tools/catalogue.py new-check, build the copy with no other edit,
and run the new check's test and the catalogue's tests there.

usage: new_check_build.py --source DIR --build DIR --work DIR NAME

--build is the build tree the suite runs in: the copy is configured like it
(the same LLVM, generator and compiler launcher), so with ccache most of the
copy's objects come from the cache. Prints what failed and exits 1, or
prints the passing tests and exits 0.
"""

import argparse
import os
import shutil
import subprocess
import sys

# What the copy's build needs; the rest of the tree (examples, bench,
# packaging of the real build) is not copied.
IGNORED = shutil.ignore_patterns(".git", "build", "build-*", "__pycache__")


def cache_values(build):
    """The CMakeCache.txt entries of build: {name: value}."""
    values = {}
    with open(os.path.join(build, "CMakeCache.txt"), encoding="utf-8") as cache:
        for line in cache:
            if ":" in line and "=" in line and not line.startswith(("//", "#")):
                name, _, value = line.rstrip("\n").partition("=")
                values[name.split(":", 1)[0]] = value
    return values


def run(command, **kwargs):
    done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True, **kwargs)
    if done.returncode != 0:
        sys.stdout.write(done.stdout)
        sys.stdout.write("new_check_build.py: failed (%d): %s\n" % (
            done.returncode, " ".join(command)))
        sys.exit(1)
    return done.stdout


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--source", required=True)
    parser.add_argument("--build", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("name")
    args = parser.parse_args()
    cache = cache_values(args.build)
    # The copy's layout matches the real tree's (build/ inside the source),
    # so that with CCACHE_BASEDIR at the copy's root, paths relative to each
    # build directory are the same and ccache finds the real build's objects.
    shutil.rmtree(args.work, ignore_errors=True)
    source = os.path.join(args.work, "src")
    build = os.path.join(source, "build")
    shutil.copytree(args.source, source, ignore=IGNORED)
    python = sys.executable
    sys.stdout.write(run([python, os.path.join(source, "tools", "catalogue.py"),
                          "new-check", args.name]))
    configure = ["cmake", "-S", source, "-B", build, "-G", cache["CMAKE_GENERATOR"],
                 "-DUNBOUNDED_LLVM_VERSION=" + cache["UNBOUNDED_LLVM_VERSION"],
                 "-DUNBOUNDED_GUARD=OFF", "-DUNBOUNDED_FUZZERS=OFF"]
    for launcher in ("CMAKE_CXX_COMPILER_LAUNCHER", "CMAKE_C_COMPILER_LAUNCHER"):
        if cache.get(launcher):
            configure.append("-D%s=%s" % (launcher, cache[launcher]))
    environment = dict(os.environ, CCACHE_BASEDIR=os.path.abspath(args.work))
    run(configure, env=environment)
    run(["cmake", "--build", build, "-j2", "--target", "unbounded-tidy",
         "UnboundedTidyModule"], env=environment)
    tests = [os.path.join(build, "test", "checks", args.name + ".cpp")]
    tests += [os.path.join(build, "test", "catalogue", name)
              for name in ("catalogue.test", "generated.test", "dump-config.test")]
    output = run([python, cache["UNBOUNDED_LIT"], "-v"] + tests)
    sys.stdout.write(output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
