#!/usr/bin/env python3
"""Times the driver on a whole compile database against run-clang-tidy.

Median wall-clock and CPU time (user + system of all child processes) of
N runs of, on the same translation units
(default: examples/ from <build>/compile_commands.json):
  driver -j1        unbounded-tidy -p <build> <dir> -j1
  driver -j2        unbounded-tidy -p <build> <dir> -j2
  run-clang-tidy -j1/-j2   run-clang-tidy-<N> with clang-tidy-<N> --load=<plugin>
  driver cached     unbounded-tidy ... -j2 --cache-dir=<warm cache>, nothing changed
  join              unbounded-tidy merge <the whole run as one shard's report>:
                    reading the facts of every file, the cross-file join
                    and the report (an upper bound on the join alone)
Then the size of the project's facts (--export-facts) per linted file.
The commands alternate run by run, so drifting machine load affects them
alike. Prints a Markdown table; docs/performance.md ("## Driver") keeps the
figures.

usage: bench/driver.py [--build build] [--runs 5] [--dir examples]
                       [--database DIR]   (compile_commands.json; default: build)
"""

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command):
    """Wall time and CPU time (all descendants) of one run."""
    start, start_cpu = time.monotonic(), cpu()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed, used = time.monotonic() - start, cpu() - start_cpu
    if done.returncode not in (0, 1):
        raise SystemExit("bench: %s failed: %s" % (command[0], done.stderr.decode()[-500:]))
    return elapsed, used


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", default=os.path.join(ROOT, "build"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--dir", default="examples")
    parser.add_argument("--llvm", default="19")
    parser.add_argument("--database", help="directory of compile_commands.json (default: --build)")
    args = parser.parse_args()
    build = os.path.abspath(args.build)
    driver = os.path.join(build, "bin", "unbounded-tidy")
    plugin = os.path.join(build, "lib", "libUnboundedTidyModule.so")
    directory = os.path.join(ROOT, args.dir)
    database = os.path.abspath(args.database or build)
    run_clang_tidy = shutil.which("run-clang-tidy-" + args.llvm)
    clang_tidy = shutil.which("clang-tidy-" + args.llvm)
    cache = tempfile.mkdtemp(prefix="unbounded-bench-cache-")
    scratch = tempfile.mkdtemp(prefix="unbounded-bench-join-")
    shard = os.path.join(scratch, "shard.json")
    facts = os.path.join(scratch, "facts.json")
    base = [driver, "-p", database, directory, "--quiet"]
    commands = {
        "driver -j1": base + ["-j1"],
        "driver -j2": base + ["-j2"],
        "run-clang-tidy -j1": [run_clang_tidy, "-clang-tidy-binary", clang_tidy,
                               "-load", plugin, "-checks=-*,unbounded-*", "-quiet",
                               "-p", database, "-j", "1", re.escape(directory + "/")],
        "run-clang-tidy -j2": [run_clang_tidy, "-clang-tidy-binary", clang_tidy,
                               "-load", plugin, "-checks=-*,unbounded-*", "-quiet",
                               "-p", database, "-j", "2", re.escape(directory + "/")],
        "driver -j2, cached": base + ["-j2", "--cache-dir", cache],
        "join (merge of one shard)": [driver, "merge", shard, "--quiet", "--format=json",
                                      "-o", os.path.join(scratch, "merged.json")],
    }
    timed(commands["driver -j2, cached"])  # warm the cache
    timed(base + ["-j2", "--shard=1/1", "--format=json", "-o", shard])
    timed(base + ["-j2", "--export-facts", facts])
    times = {name: [] for name in commands}
    for _ in range(args.runs):
        for name, command in commands.items():
            times[name].append(timed(command))
    shutil.rmtree(cache, ignore_errors=True)
    with open(shard) as report:
        files = len(json.load(report)["translation_units"]) or 1
    facts_size = os.path.getsize(facts)
    shutil.rmtree(scratch, ignore_errors=True)
    full = statistics.median(wall for wall, _ in times["driver -j2"])
    print("| Command | wall (s) | CPU (s) | wall relative to driver -j2 |")
    print("|---|---|---|---|")
    for name, values in times.items():
        wall = statistics.median(w for w, _ in values)
        used = statistics.median(c for _, c in values)
        print("| %s | %.2f | %.2f | %.2f |" % (name, wall, used, wall / full))
    print()
    print("Facts: %d bytes for %d files, %d bytes per file." % (facts_size, files, facts_size // files))


if __name__ == "__main__":
    main()
