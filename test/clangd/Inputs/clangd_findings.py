#!/usr/bin/env python3
"""usage: clangd_findings.py UNBOUNDED_CLANGD DIR [CLANGD ARGS...]

Runs clangd's check mode (`--check=FILE --check-warnings
--check-locations=false`) of UNBOUNDED_CLANGD on every .cpp file under DIR,
two at a time, and prints each unbounded-* finding as `FILE:LINE CHECK`,
sorted. With --compile-commands-dir=D among the clangd arguments, only the
files D/compile_commands.json compiles (the build decides which examples
exist: without guard/, those that use it are not built). Fails if a run
fails or reports that the checks did not run.
"""

import json

import concurrent.futures
import os
import re
import subprocess
import sys

FINDING = re.compile(r"\[(unbounded-[a-z-]+)\] Line (\d+):")


def findings(server, path, extra):
    done = subprocess.run(
        [server, "--check=" + path, "--check-warnings",
         "--check-locations=false"] + extra,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        timeout=120)
    if done.returncode != 0 or "checks did not run" in done.stderr:
        raise RuntimeError("%s on %s:\n%s" % (server, path, done.stderr))
    return ["%s:%s %s" % (path, line, check)
            for check, line in FINDING.findall(done.stderr)]


def main():
    server, root, extra = sys.argv[1], sys.argv[2], sys.argv[3:]
    paths = sorted(os.path.join(folder, name)
                   for folder, _, names in os.walk(root)
                   for name in names if name.endswith(".cpp"))
    for arg in extra:
        if arg.startswith("--compile-commands-dir="):
            database = os.path.join(arg.split("=", 1)[1], "compile_commands.json")
            with open(database) as text:
                built = {os.path.realpath(entry["file"]) for entry in json.load(text)}
            paths = [path for path in paths if os.path.realpath(path) in built]
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        results = pool.map(lambda p: findings(server, p, extra), paths)
        lines = sorted(line for result in results for line in result)
    print("\n".join(lines))


if __name__ == "__main__":
    sys.exit(main())
