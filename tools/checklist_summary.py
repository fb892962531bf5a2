#!/usr/bin/env python3
"""One line per section of a Markdown prevention checklist
(unbounded-tidy --format=markdown): how many items passed, failed and were
not verified.

usage: checklist_summary.py [--label TEXT] [--expect-all-passed] CHECKLIST.md
--expect-all-passed exits 1 unless every item of every section passed.
"""
import argparse
import sys

SECTIONS = ("Concurrency Limits", "Monitoring", "Alerting", "Testing")


def sections(text):
    """Yields (section, [state, ...]) for each checklist section."""
    current, states = None, []
    for line in text.splitlines():
        if line.startswith("## "):
            if current:
                yield current, states
            current = line[3:].strip() if line[3:].strip() in SECTIONS else None
            states = []
        elif current and line.startswith("| ") and not line.startswith("| |"):
            cells = [cell.strip() for cell in line.strip().strip("|").split(" | ")]
            if len(cells) >= 3 and cells[2] in ("passed", "failed", "not verified"):
                states.append(cells[2])
    if current:
        yield current, states


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--label", default="")
    parser.add_argument("--expect-all-passed", action="store_true")
    parser.add_argument("checklist")
    options = parser.parse_args()
    with open(options.checklist, encoding="utf-8") as handle:
        found = list(sections(handle.read()))
    if [name for name, _ in found] != list(SECTIONS):
        sys.exit("checklist_summary: %s: not a checklist report" % options.checklist)
    prefix = options.label + ": " if options.label else ""
    all_passed = True
    for name, states in found:
        counts = {state: states.count(state) for state in ("passed", "failed", "not verified")}
        all_passed &= counts["passed"] == len(states)
        print("%s%s: %d/%d passed, %d failed, %d not verified" % (
            prefix, name, counts["passed"], len(states), counts["failed"],
            counts["not verified"]))
    if options.expect_all_passed and not all_passed:
        sys.exit(1)


main()
