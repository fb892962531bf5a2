#!/usr/bin/env python3
"""Runs one test input through both front ends and requires the same result.

usage: check_frontends.py --clang-tidy BIN --plugin SO --driver BIN
                          [--config YAML] SOURCE CHECKS [-- COMPILER ARGS...]

The clang-tidy plugin (BIN --load=SO) and the unbounded-tidy driver get the
same explicit configuration (so no .clang-tidy file near the test can leak
in), the same source and the same compiler arguments. Their diagnostic lines
(file:line:col: warning|error|note: ...) must be identical, and each front
end's exit status must agree with what it reported. The shared diagnostic
lines go to stdout for FileCheck; any disagreement fails with a diff.
"""

import argparse
import difflib
import re
import subprocess
import sys

DIAGNOSTIC = re.compile(r"^(?P<loc>.+?:\d+:\d+): (?P<level>warning|error|note): ")


def diagnostics(output):
    return [line for line in output.splitlines() if DIAGNOSTIC.match(line)]


def run(command):
    done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True)
    return done.returncode, done.stdout


def expected_driver_status(lines):
    levels = {DIAGNOSTIC.match(line).group("level") for line in lines}
    if "error" in levels:
        return 2
    return 1 if "warning" in levels else 0


def expected_plugin_status(lines):
    levels = {DIAGNOSTIC.match(line).group("level") for line in lines}
    return 1 if "error" in levels else 0


def parse_arguments(target, extra=()):
    """The front ends, --config, TARGET and CHECKS (plus EXTRA (flag, default)
    options) from the command line, and the compiler flags after `--`."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--clang-tidy", required=True)
    parser.add_argument("--plugin", required=True)
    parser.add_argument("--driver", required=True)
    parser.add_argument("--config", default=None,
                        help="YAML configuration; default enables CHECKS only")
    for flag, default in extra:
        parser.add_argument(flag, default=default)
    parser.add_argument(target)
    parser.add_argument("checks")
    argv = sys.argv[1:]
    compiler_args = []
    if "--" in argv:
        split = argv.index("--")
        argv, compiler_args = argv[:split], argv[split + 1:]
    return parser.parse_args(argv), compiler_args


def main():
    args, compiler_args = parse_arguments("source")

    config = args.config or "{Checks: '-*,%s'}" % args.checks
    common = ["--config=" + config, args.source, "--"] + compiler_args
    plugin_status, plugin_out = run(
        [args.clang_tidy, "--load=" + args.plugin] + common)
    driver_status, driver_out = run([args.driver, "--quiet"] + common)

    plugin_lines = diagnostics(plugin_out)
    driver_lines = diagnostics(driver_out)
    failures = []
    if plugin_lines != driver_lines:
        diff = difflib.unified_diff(plugin_lines, driver_lines, "plugin", "driver",
                                    lineterm="")
        failures.append("front ends disagree:\n" + "\n".join(diff))
    if plugin_status != expected_plugin_status(plugin_lines):
        failures.append("plugin exited %d:\n%s" % (plugin_status, plugin_out))
    if driver_status != expected_driver_status(driver_lines):
        failures.append("driver exited %d:\n%s" % (driver_status, driver_out))
    if failures:
        sys.stderr.write("\n".join(failures) + "\n")
        return 1
    sys.stdout.write("".join(line + "\n" for line in plugin_lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
