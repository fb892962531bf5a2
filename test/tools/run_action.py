#!/usr/bin/env python3
"""usage: run_action.py ACTION_YML [--input NAME=VALUE]... [--skip STEP]...

Runs a GitHub composite action's steps here, as the runner would: checks
the file's shape, fills in ${{ inputs.* }} (defaults unless given) and
${{ steps.<id>.outputs.* }}, evaluates each step's `if:` (always(), ==, !=,
&&), runs `run:` steps with bash -eo pipefail in the current directory
with GITHUB_ACTION_PATH and GITHUB_OUTPUT set, and prints the `uses:`
steps with their filled-in `with:` instead of running them. After a step
fails, only steps whose `if:` says always() run. Prints one line per step;
exits with the first failing step's status.
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile

import yaml

EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


class Context:
    def __init__(self, inputs):
        self.inputs = inputs
        self.outputs = {}

    def value(self, name):
        parts = name.split(".")
        if parts[0] == "inputs" and len(parts) == 2:
            return self.inputs[parts[1]]
        if parts[0] == "steps" and len(parts) == 4 and parts[2] == "outputs":
            return self.outputs.get(parts[1], {}).get(parts[3], "")
        raise SystemExit("run_action: unsupported expression '%s'" % name)

    def fill(self, text):
        return EXPRESSION.sub(lambda m: self.value(m.group(1)), str(text))

    def condition(self, text):
        if text is None:
            return True
        for term in EXPRESSION.sub(r"\1", str(text)).split("&&"):
            term = term.strip()
            if term in ("always()", "success()"):
                continue
            match = re.fullmatch(r"([\w.-]+)\s*(==|!=)\s*'([^']*)'", term)
            if not match:
                raise SystemExit("run_action: unsupported condition '%s'" % term)
            equal = self.value(match.group(1)) == match.group(3)
            if equal != (match.group(2) == "=="):
                return False
        return True


def load(path):
    with open(path, encoding="utf-8") as file:
        action = yaml.safe_load(file)
    for key in ("name", "description", "runs"):
        if key not in action:
            raise SystemExit("run_action: %s has no '%s'" % (path, key))
    if action["runs"].get("using") != "composite":
        raise SystemExit("run_action: not a composite action")
    for step in action["runs"]["steps"]:
        if ("run" in step) == ("uses" in step):
            raise SystemExit("run_action: step '%s' needs run or uses" % step.get("name"))
        if "run" in step and "shell" not in step:
            raise SystemExit("run_action: step '%s' has no shell" % step.get("name"))
    return action


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("action")
    parser.add_argument("--input", action="append", default=[])
    parser.add_argument("--skip", action="append", default=[])
    args = parser.parse_args()
    action = load(args.action)
    inputs = {name: str(spec.get("default", ""))
              for name, spec in action.get("inputs", {}).items()}
    for item in args.input:
        name, _, value = item.partition("=")
        if name not in inputs:
            raise SystemExit("run_action: the action has no input '%s'" % name)
        inputs[name] = value
    context = Context(inputs)
    failure = 0
    for step in action["runs"]["steps"]:
        name = step.get("name", step.get("id", "?"))
        if failure and "always()" not in str(step.get("if", "")):
            print("step '%s': skipped" % name)
            continue
        if name in args.skip or not context.condition(step.get("if")):
            print("step '%s': skipped" % name)
            continue
        if "uses" in step:
            filled = {k: context.fill(v) for k, v in step.get("with", {}).items()}
            print("step '%s': uses %s with %s" % (name, step["uses"], filled))
            continue
        env = dict(os.environ)
        env.update({k: context.fill(v) for k, v in step.get("env", {}).items()})
        env["GITHUB_ACTION_PATH"] = os.path.dirname(os.path.abspath(args.action))
        with tempfile.NamedTemporaryFile("r", suffix=".out") as output:
            env["GITHUB_OUTPUT"] = output.name
            sys.stdout.flush()
            status = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail",
                                     "-c", context.fill(step["run"])], env=env).returncode
            pairs = (line.rstrip("\n").partition("=") for line in output)
            context.outputs[step.get("id", "")] = {k: v for k, _, v in pairs if k}
        print("step '%s': exit %d" % (name, status))
        failure = failure or status
    return failure


if __name__ == "__main__":
    sys.exit(main())
