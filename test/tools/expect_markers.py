#!/usr/bin/env python3
"""usage: expect_markers.py SOURCE_DIR < DRIVER_OUTPUT

Compares the warnings a front end printed with the `// EXPECT: <check>`
markers in the C++ sources under SOURCE_DIR: every marked line must have
exactly one warning of that check, and no other line any warning.
(`// EXPECT-LATER:` marks findings of checks that do not exist yet.)
"""

import collections
import os
import re
import sys

MARKER = re.compile(r"//\s*EXPECT:\s*(unbounded-[a-z-]+)")
WARNING = re.compile(r"^(?P<file>[^:\s]+):(?P<line>\d+):\d+: warning: .*\[(?P<check>[a-z-]+)\]$")


def expected(root):
    marks = collections.Counter()
    for folder, _, files in os.walk(root):
        for name in files:
            if not name.endswith((".cpp", ".h", ".hpp", ".cc")):
                continue
            path = os.path.realpath(os.path.join(folder, name))
            with open(path, encoding="utf-8") as source:
                for number, text in enumerate(source, 1):
                    for check in MARKER.findall(text):
                        marks[(path, number, check)] += 1
    return marks


def reported(lines):
    found = collections.Counter()
    for line in lines:
        match = WARNING.match(line.rstrip("\n"))
        if match:
            found[(os.path.realpath(match["file"]), int(match["line"]),
                   match["check"])] += 1
    return found


def main():
    marks = expected(sys.argv[1])
    found = reported(sys.stdin)
    if not marks:
        sys.stderr.write("expect_markers: no EXPECT markers under %s\n" % sys.argv[1])
        return 1
    missing = marks - found
    unexpected = found - marks
    for (path, line, check), _ in sorted(missing.items()):
        print("missing: %s:%d %s" % (path, line, check))
    for (path, line, check), _ in sorted(unexpected.items()):
        print("unexpected: %s:%d %s" % (path, line, check))
    print("%d expected, %d reported, %d missing, %d unexpected" % (
        sum(marks.values()), sum(found.values()), sum(missing.values()),
        sum(unexpected.values())))
    return 1 if missing or unexpected else 0


if __name__ == "__main__":
    sys.exit(main())
