#!/usr/bin/env python3
"""usage: expect_exit.py CODE COMMAND [ARGS...]

Runs COMMAND, passes its output through, and succeeds only if it exited
with CODE (lit's `not` accepts any failure; the driver's codes are distinct).
"""

import subprocess
import sys


def main():
    expected = int(sys.argv[1])
    done = subprocess.run(sys.argv[2:])
    if done.returncode != expected:
        sys.stderr.write("expect_exit: %s exited %d, expected %d\n"
                         % (sys.argv[2], done.returncode, expected))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
