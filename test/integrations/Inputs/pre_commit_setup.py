#!/usr/bin/env python3
"""usage: pre_commit_setup.py HOOK_REPO PROJECT

Writes PROJECT/.pre-commit-config.yaml using the unbounded-tidy hook of
HOOK_REPO at its current commit, and PROJECT/build/compile_commands.json
for the sources the test commits (handler.cpp, bounded.cpp).
"""

import json
import os
import subprocess
import sys


def main():
    hooks, project = sys.argv[1], sys.argv[2]
    rev = subprocess.run(["git", "-C", hooks, "rev-parse", "HEAD"], check=True,
                         capture_output=True, text=True).stdout.strip()
    with open(os.path.join(project, ".pre-commit-config.yaml"), "w") as config:
        config.write("repos:\n- repo: %s\n  rev: %s\n  hooks:\n  - id: unbounded-tidy\n"
                     % (hooks, rev))
    os.makedirs(os.path.join(project, "build"), exist_ok=True)
    commands = [{"directory": project, "file": os.path.join(project, name),
                 "arguments": ["c++", "-std=c++17", "-c", name]}
                for name in ("handler.cpp", "bounded.cpp")]
    with open(os.path.join(project, "build", "compile_commands.json"), "w") as db:
        json.dump(commands, db, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
