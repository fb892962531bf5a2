#!/usr/bin/env python3
"""Times the unbounded-* checks against parsing alone.

For each translation unit, the median CPU time (user + system, of the child
process; steadier than wall time on a shared machine) of N runs of
  parse:   clang++-<N> -fsyntax-only <flags> <file>   (the floor: no linter
           can be faster than parsing)
  floor:   clang-tidy-<N> --checks=-*,misc-unused-alias-decls <file> -- <flags>
           (clang-tidy with one check that matches almost nothing: the cost
           of clang-tidy's AST traversal, which any AST-matcher check pays)
  driver:  unbounded-tidy --quiet <file> -- <flags>   (parse + all checks)
  plugin:  clang-tidy-<N> --load=<plugin> --checks=-*,unbounded-* <file> -- <flags>
and the ratios to parse. The commands of one unit alternate run by run, so
that drifting machine load affects them alike. Prints a Markdown table.

usage: bench/run.py [--build build] [--runs 7] [FILE -- FLAGS ...]
Without files: examples/ (flags from build/compile_commands.json) and the
integration tests (-std=c++20 -pthread).
"""

import argparse
import glob
import json
import os
import resource
import shlex
import statistics
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CONFIG = "{Checks: '-*,unbounded-*'}"


def compile_flags(entry):
    """The compiler flags of a compile_commands.json entry, minus output."""
    args = entry.get("arguments") or shlex.split(entry["command"])
    flags, skip = [], False
    for arg in args[1:]:
        if skip:
            skip = False
            continue
        if arg in ("-o", "-MF", "-MT", "-MQ"):
            skip = True
            continue
        if arg in ("-c", entry["file"]) or arg.startswith("-M"):
            continue
        flags.append(arg)
    return flags


def default_units(build):
    units = []
    with open(os.path.join(build, "compile_commands.json")) as db:
        for entry in json.load(db):
            path = os.path.realpath(os.path.join(entry["directory"], entry["file"]))
            if path.startswith(os.path.join(ROOT, "examples") + os.sep):
                units.append((path, compile_flags(entry)))
    for path in sorted(glob.glob(os.path.join(ROOT, "test", "integration", "*.cpp"))):
        units.append((path, ["-std=c++20", "-pthread"]))
    return units


def cpu_seconds(command):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def medians(commands, runs):
    """The median CPU seconds of each command, runs interleaved."""
    for command in commands:
        cpu_seconds(command)  # warm the page cache
    samples = [[] for _ in commands]
    for _ in range(runs):
        for i, command in enumerate(commands):
            samples[i].append(cpu_seconds(command))
    return [statistics.median(times) for times in samples]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", default=os.path.join(ROOT, "build"))
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--llvm", default="/usr/lib/llvm-19")
    argv = sys.argv[1:]
    extra = []
    if "--" in argv:
        split = argv.index("--")
        argv, extra = argv[:split], argv[split + 1:]
    args, files = parser.parse_known_args(argv)
    units = [(os.path.abspath(f), extra) for f in files] or default_units(args.build)
    if not units:
        sys.exit("run.py: no translation units")

    clang = os.path.join(args.llvm, "bin", "clang++")
    tidy = os.path.join(args.llvm, "bin", "clang-tidy")
    driver = os.path.join(args.build, "bin", "unbounded-tidy")
    plugin = os.path.join(args.build, "lib", "libUnboundedTidyModule.so")

    print("| Translation unit | parse (s) | floor/parse | driver (s) | driver/parse | plugin/parse |")
    print("|---|---|---|---|---|---|")
    totals = [0.0, 0.0, 0.0, 0.0]
    for path, flags in units:
        times = medians([
            [clang, "-fsyntax-only"] + flags + [path],
            [tidy, "--checks=-*,misc-unused-alias-decls", path, "--"] + flags,
            [driver, "--quiet", "--config=" + CONFIG, path, "--"] + flags,
            [tidy, "--load=" + plugin, "--config=" + CONFIG, path, "--"] + flags,
        ], args.runs)
        for i, value in enumerate(times):
            totals[i] += value
        parse, floor, run_driver, run_plugin = times
        print("| %s | %.3f | %.3f | %.3f | %.3f | %.3f |" % (
            os.path.relpath(path, ROOT), parse, floor / parse, run_driver,
            run_driver / parse, run_plugin / parse))
    parse, floor, run_driver, run_plugin = totals
    print("| **all %d** | %.3f | **%.3f** | %.3f | **%.3f** | **%.3f** |" % (
        len(units), parse, floor / parse, run_driver, run_driver / parse,
        run_plugin / parse))


if __name__ == "__main__":
    main()
