#!/usr/bin/env python3
"""Runs a small multi-file project through every front end, requiring the same result.

usage: check_project.py --clang-tidy BIN --plugin SO --driver BIN
                        [--config YAML] [--jobs N] DIR CHECKS [-- COMPILER ARGS...]

DIR holds the project's sources (a lit test writes them with split-file).
The script writes DIR/compile_commands.json for every .cpp file in DIR, then

  1. runs the driver over the whole database, exporting the project's facts
     to DIR/facts.json (the cross-file findings come from its join);
  2. runs the clang-tidy plugin on each file with the same configuration
     plus `UnboundedFactsFile: DIR/facts.json`;
  3. runs the plugin once more without the facts file, which must report
     no more than the driver (single-file mode never invents findings).

The driver's diagnostics and the plugin's (every file, in file order) must
be identical as sets of findings with their notes; exit statuses must agree
with what each reported. The shared diagnostics go to stdout, with DIR/
removed from paths, for FileCheck.
"""

import difflib
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_frontends import DIAGNOSTIC, parse_arguments, run  # noqa: E402


def findings(output):
    """Diagnostic lines grouped as (warning, notes...) tuples, sorted."""
    groups = []
    for line in output.splitlines():
        match = DIAGNOSTIC.match(line)
        if not match:
            continue
        if match.group("level") == "note" and groups:
            groups[-1].append(line)
        else:
            groups.append([line])
    return sorted((tuple(group) for group in groups), key=order)


def order(group):
    """By file, then line and column as numbers."""
    path, line, column = DIAGNOSTIC.match(group[0]).group("loc").rsplit(":", 2)
    return (path, int(line), int(column), group)


def flatten(groups):
    return [line for group in groups for line in group]


def main():
    args, compiler_args = parse_arguments("directory", extra=(("--jobs", "2"),))

    root = os.path.abspath(args.directory)
    sources = sorted(name for name in os.listdir(root) if name.endswith(".cpp"))
    database = [{"directory": root, "file": os.path.join(root, name),
                 "arguments": ["clang++"] + compiler_args + ["-c", os.path.join(root, name)]}
                for name in sources]
    with open(os.path.join(root, "compile_commands.json"), "w") as out:
        json.dump(database, out, indent=1)
    facts = os.path.join(root, "facts.json")
    if os.path.exists(facts):
        os.remove(facts)

    config = args.config or "{Checks: '-*,%s'}" % args.checks
    driver_status, driver_out = run(
        [args.driver, "--quiet", "-j", args.jobs, "--config=" + config, "-p", root,
         "--export-facts=" + facts])
    with_facts = config.rstrip().rstrip("}") + ", CheckOptions: {UnboundedFactsFile: '%s'}}" % facts
    if "CheckOptions" in config:
        sys.exit("check_project.py: give CheckOptions through the checks' own tests")
    plugin_out, plugin_alone_out, plugin_failures = "", "", []
    for name in sources:
        for facts_config, sink in ((with_facts, "facts"), (config, "alone")):
            status, out = run([args.clang_tidy, "--load=" + args.plugin,
                               "--config=" + facts_config, "-p", root,
                               os.path.join(root, name)])
            if sink == "facts":
                plugin_out += out
                levels = {DIAGNOSTIC.match(l).group("level") for l in out.splitlines()
                          if DIAGNOSTIC.match(l)}
                if status != (1 if "error" in levels else 0):
                    plugin_failures.append("plugin exited %d on %s:\n%s" % (status, name, out))
            else:
                plugin_alone_out += out

    driver_groups = findings(driver_out)
    plugin_groups = findings(plugin_out)
    alone_groups = findings(plugin_alone_out)
    failures = list(plugin_failures)
    if driver_groups != plugin_groups:
        diff = difflib.unified_diff(flatten(plugin_groups), flatten(driver_groups),
                                    "plugin+facts", "driver", lineterm="")
        failures.append("front ends disagree:\n" + "\n".join(diff))
    extra = [g for g in alone_groups if g not in driver_groups]
    if extra:
        failures.append("the plugin without facts reports what the driver does not:\n" +
                        "\n".join(flatten(extra)))
    levels = {DIAGNOSTIC.match(l).group("level") for l in flatten(driver_groups)}
    expected = 2 if "error" in levels else 1 if "warning" in levels else 0
    if driver_status != expected:
        failures.append("driver exited %d:\n%s" % (driver_status, driver_out))
    if not os.path.exists(facts):
        failures.append("the driver wrote no facts file")
    if failures:
        sys.stderr.write("\n".join(failures) + "\n")
        return 1
    prefix = root + os.sep
    sys.stdout.write("".join(line.replace(prefix, "") + "\n"
                             for line in flatten(driver_groups)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
