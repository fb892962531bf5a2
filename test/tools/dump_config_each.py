#!/usr/bin/env python3
"""Each check alone, through both front ends: its --dump-config holds
exactly its options from the catalogue (its own, the shared ones it reads,
and their module-wide values), so no check relies on another to store a
shared option.

usage: dump_config_each.py --clang-tidy BIN --plugin SO --driver BIN --catalogue PY
"""

import argparse
import subprocess
import sys


def output(command):
    return subprocess.run(command, stdout=subprocess.PIPE, check=True, text=True).stdout


def main():
    parser = argparse.ArgumentParser()
    for flag in ("--clang-tidy", "--plugin", "--driver", "--catalogue"):
        parser.add_argument(flag, required=True)
    args = parser.parse_args()
    catalogue = [sys.executable, args.catalogue]
    failed = 0
    for check in output(catalogue + ["names"]).split():
        for front_end, command in (
                ("plugin", [args.clang_tidy, "--load=" + args.plugin,
                            "--checks=-*," + check, "--dump-config"]),
                ("driver", [args.driver, "--dump-config",
                            "--config={Checks: '-*,%s'}" % check])):
            dump = output(command)
            done = subprocess.run(catalogue + ["dump-config", "-", check], input=dump,
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            print("%s %s: %s" % (check, front_end, done.stdout.strip()))
            failed |= done.returncode
    return failed


if __name__ == "__main__":
    sys.exit(main())
