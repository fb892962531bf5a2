#!/usr/bin/env python3
"""usage: interrupt.py DRIVER WORK_DIR SIGNAL EXPECTED_EXIT

Starts the driver on slow files (-j 2, a cache, an existing report), waits
until both workers run and their temporary files exist, sends SIGNAL (INT or
TERM) to the driver alone, then checks: the driver exits EXPECTED_EXIT, no
worker survives it, no temporary file is left (worker results, report or
cache temporaries), the existing report and cache entries are unchanged.
"""
import os
import signal
import subprocess
import sys
import time

DRIVER, WORK = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
SIGNAL = getattr(signal, "SIG" + sys.argv[3])
EXPECTED = int(sys.argv[4])

# A few seconds of constant evaluation per file: long enough to be
# interrupted, short enough that a driver ignoring the signal still ends.
SLOW = """constexpr long spin(long n) {
  long s = 0;
  for (long i = 0; i < n; ++i)
    s += i %% 7;
  return s;
}
static_assert(spin(%d) > 0);
"""
FLAGS = ["--", "-std=c++17", "-fconstexpr-steps=2000000000"]


def write(path, text):
    with open(path, "w") as f:
        f.write(text)


def tree(directory):
    """Every file under directory with its bytes."""
    found = {}
    for parent, _, files in os.walk(directory):
        for name in files:
            path = os.path.join(parent, name)
            with open(path, "rb") as f:
                found[os.path.relpath(path, directory)] = f.read()
    return found


def workers_of(pid):
    """The driver's worker processes (children running --internal-worker)."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % entry) as f:
                parent = int(f.read().rsplit(")", 1)[1].split()[1])
            with open("/proc/%s/cmdline" % entry, "rb") as f:
                command = f.read()
        except (OSError, IndexError, ValueError):
            continue
        if parent == pid and b"--internal-worker" in command:
            found.append(int(entry))
    return found


def alive(pid):
    try:
        with open("/proc/%d/stat" % pid) as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def main():
    tmp = os.path.join(WORK, "tmp")
    cache = os.path.join(WORK, "cache")
    os.makedirs(tmp)
    for i in range(4):
        write(os.path.join(WORK, "slow%d.cpp" % i), SLOW % (2000000 + i))
    write(os.path.join(WORK, "ok.cpp"), "int main() { return 0; }\n")
    write(os.path.join(WORK, "report.json"), "the report of an earlier run\n")
    env = dict(os.environ, TMPDIR=tmp)
    # A cache entry from an earlier run.
    subprocess.run([DRIVER, "--quiet", "--cache-dir=" + cache, "ok.cpp"]
                   + FLAGS, cwd=WORK, env=env, check=True)
    cached, report = tree(cache), tree(WORK)["report.json"]
    if not cached:
        return "setup: the cache holds nothing"

    driver = subprocess.Popen(
        [DRIVER, "--quiet", "-j", "2", "--cache-dir=" + cache,
         "--format=json", "-o", "report.json"]
        + ["slow%d.cpp" % i for i in range(4)] + FLAGS,
        cwd=WORK, env=env, stderr=subprocess.PIPE)
    workers = []
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and driver.poll() is None:
        workers = workers_of(driver.pid)
        units = [n for n in os.listdir(tmp) if n.startswith("unbounded-unit")]
        if len(workers) == 2 and len(units) == 4:
            break
        time.sleep(0.05)
    else:
        driver.kill()
        return "the workers never ran together (exit %s)" % driver.poll()
    driver.send_signal(SIGNAL)
    _, stderr = driver.communicate(timeout=300)

    problems = []
    if driver.returncode != EXPECTED:
        problems.append("exit %d, expected %d" % (driver.returncode, EXPECTED))
    if stderr:
        problems.append("stderr: %r" % stderr[:300])
    survivors = [w for w in workers if alive(w)]
    if survivors:
        problems.append("workers still running: %s" % survivors)
        for w in survivors:
            os.kill(w, signal.SIGKILL)
    left = os.listdir(tmp)
    if left:
        problems.append("temporary files left: %s" % left)
    debris = [n for n in os.listdir(WORK) if ".tmp-" in n]
    debris += [n for n in tree(cache) if ".tmp-" in n]
    if debris:
        problems.append("half-written files left: %s" % debris)
    if tree(WORK)["report.json"] != report:
        problems.append("the existing report changed")
    now = tree(cache)
    if any(now.get(name) != data for name, data in cached.items()):
        problems.append("an existing cache entry changed")
    return "; ".join(problems)


if __name__ == "__main__":
    problem = main()
    if problem:
        print("FAIL:", problem)
    sys.exit(1 if problem else 0)
