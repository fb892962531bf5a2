#!/usr/bin/env python3
"""usage: run_leak_test.py LEAK_TEST UNBOUNDED_TIDY BUILD_DIR EXAMPLES_DIR WORK_DIR

Runs the examples' leak test (it fails on purpose) and checks that the guard
names the line of examples/src/thundering_herd_bad.cpp that started the
leaked threads; then lints that file with the guard report and checks that
the checklist report marks the finding on that line confirmed at runtime.
"""
import os
import subprocess
import sys


def fail(message):
    print(f"run_leak_test: {message}", file=sys.stderr)
    sys.exit(1)


def line_of(source, text):
    """The first line of source that contains text."""
    with open(source, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if text in line:
                return number
    fail(f"no '{text}' in {source}")


def main():
    leak_test, tidy, build, examples, work = sys.argv[1:6]
    os.makedirs(work, exist_ok=True)
    loop = os.path.join(examples, "src", "thundering_herd_bad.cpp")
    line = line_of(loop, "std::thread(handleConnection")
    report = os.path.join(work, "guard-report.json")
    environment = dict(os.environ, UNBOUNDED_GUARD_REPORT=report,
                       UNBOUNDED_GUARD_IGNORE_FILE=os.path.join(examples, "test",
                                                                "guard-ignore.txt"))
    run = subprocess.run([leak_test], env=environment, capture_output=True, text=True)
    print(run.stdout)
    if run.returncode != 1:
        fail(f"the leak test exited {run.returncode}, expected 1 (it leaks on purpose)")
    origin = (f"started at orders::bad::serveConnections ({loop}:{line}) via std::thread; "
              "runs orders::handleConnection")
    if run.stdout.count(origin) != 3:
        fail(f"expected 3 leaked threads with origin '{origin}'")
    if "leaked fd" in run.stdout:
        fail("the ignore file should have hidden the test's own client sockets")
    checklist = os.path.join(work, "checklist.md")
    lint = subprocess.run([tidy, "-p", build, loop, "--quiet", "--guard-report=" + report,
                           "--format=markdown", "-o", checklist], capture_output=True, text=True)
    if lint.returncode != 1:
        fail(f"unbounded-tidy exited {lint.returncode}: {lint.stderr}")
    with open(checklist, encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    confirmed = [text for text in lines if f"thundering_herd_bad.cpp:{line}]" in text and
                 "confirmed at runtime: 3 leaks in "
                 "ThunderingHerdBad.ConnectionThreadsOutliveTheTest" in text]
    if len(confirmed) != 1:
        fail("the checklist does not mark the finding confirmed at runtime:\n" + "\n".join(lines))
    print(confirmed[0])
    print("run_leak_test: origin named, finding confirmed at runtime")


main()
