#!/usr/bin/env python3
"""usage: progress_width.py DRIVER WORK_DIR COLUMNS

Runs the driver with standard error on a pseudo-terminal COLUMNS wide and
checks that every progress line it draws fits (at most COLUMNS - 1
characters): a wider line wraps, and each redraw would leave one behind.
"""
import fcntl
import os
import re
import struct
import subprocess
import sys
import termios

DRIVER, WORK, COLUMNS = os.path.abspath(sys.argv[1]), sys.argv[2], int(sys.argv[3])

for name in ("a", "b", "c"):
    with open(os.path.join(WORK, name + ".cpp"), "w") as f:
        f.write("int %s() { return 0; }\n" % name)

master, slave = os.openpty()
fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, COLUMNS, 0, 0))
env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
driver = subprocess.Popen([DRIVER, "-j", "1", "a.cpp", "b.cpp", "c.cpp", "--"],
                          cwd=WORK, env=env, stdout=subprocess.DEVNULL,
                          stderr=slave, stdin=subprocess.DEVNULL)
os.close(slave)
output = b""
while True:
    try:
        chunk = os.read(master, 4096)
    except OSError:  # EIO: the driver closed the terminal
        break
    if not chunk:
        break
    output += chunk
driver.wait()

text = output.decode("utf-8", errors="replace").replace("\x1b[K", "")
segments = [s for s in re.split(r"[\r\n]", text) if s]
progress = [s for s in segments if s.startswith("[")]
problems = ["%d characters: %r" % (len(s), s) for s in segments
            if len(s) > COLUMNS - 1 and s.startswith("[")]
if not progress:
    problems.append("no progress line drawn: %r" % text)
if driver.returncode != 0:
    problems.append("exit %d" % driver.returncode)
for problem in problems:
    print("FAIL:", problem)
sys.exit(1 if problems else 0)
