#!/usr/bin/env python3
"""Times the driver on a whole compile database against run-clang-tidy.

Median wall-clock time of N runs of, on the same translation units
(default: examples/ from <build>/compile_commands.json):
  driver -j1        unbounded-tidy -p <build> <dir> -j1
  driver -j2        unbounded-tidy -p <build> <dir> -j2
  run-clang-tidy -j1/-j2   run-clang-tidy-<N> with clang-tidy-<N> --load=<plugin>
  driver cached     unbounded-tidy ... -j2 --cache-dir=<warm cache>, nothing changed
The commands alternate run by run, so drifting machine load affects them
alike. Prints a Markdown table; docs/performance.md ("## Driver") keeps the
figures.

usage: bench/driver.py [--build build] [--runs 5] [--dir examples]
"""

import argparse
import os
import shutil
import statistics
import subprocess
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def timed(command):
    start = time.monotonic()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.monotonic() - start
    if done.returncode not in (0, 1):
        raise SystemExit("bench: %s failed: %s" % (command[0], done.stderr.decode()[-500:]))
    return elapsed


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", default=os.path.join(ROOT, "build"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--dir", default="examples")
    parser.add_argument("--llvm", default="19")
    args = parser.parse_args()
    build = os.path.abspath(args.build)
    driver = os.path.join(build, "bin", "unbounded-tidy")
    plugin = os.path.join(build, "lib", "libUnboundedTidyModule.so")
    directory = os.path.join(ROOT, args.dir)
    run_clang_tidy = shutil.which("run-clang-tidy-" + args.llvm)
    clang_tidy = shutil.which("clang-tidy-" + args.llvm)
    cache = tempfile.mkdtemp(prefix="unbounded-bench-cache-")
    base = [driver, "-p", build, directory, "--quiet"]
    commands = {
        "driver -j1": base + ["-j1"],
        "driver -j2": base + ["-j2"],
        "run-clang-tidy -j1": [run_clang_tidy, "-clang-tidy-binary", clang_tidy,
                               "-load", plugin, "-checks=-*,unbounded-*", "-quiet",
                               "-p", build, "-j", "1", directory + "/"],
        "run-clang-tidy -j2": [run_clang_tidy, "-clang-tidy-binary", clang_tidy,
                               "-load", plugin, "-checks=-*,unbounded-*", "-quiet",
                               "-p", build, "-j", "2", directory + "/"],
        "driver -j2, cached": base + ["-j2", "--cache-dir", cache],
    }
    timed(commands["driver -j2, cached"])  # warm the cache
    times = {name: [] for name in commands}
    for _ in range(args.runs):
        for name, command in commands.items():
            times[name].append(timed(command))
    shutil.rmtree(cache, ignore_errors=True)
    full = statistics.median(times["driver -j2"])
    print("| Command | median wall time (s) | relative to driver -j2 |")
    print("|---|---|---|")
    for name, values in times.items():
        median = statistics.median(values)
        print("| %s | %.2f | %.2f |" % (name, median, median / full))


if __name__ == "__main__":
    main()
