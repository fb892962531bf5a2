"""Bad UNBOUNDED_GUARD_* limits: one line on stderr each, the variable ignored.

Usage: check_env_limits.py <guard_preload_probe> <libunbounded_guard_interpose.so>
The probe (--no-limits) fails unless no limit is in force and ten threads start.
"""
import os
import subprocess
import sys

probe, preload = sys.argv[1:3]
VARIABLES = ["UNBOUNDED_GUARD_MAX_THREADS", "UNBOUNDED_GUARD_MAX_SOCKETS",
             "UNBOUNDED_GUARD_MAX_FDS"]
BAD = ["abc", "50x", "-1", " 5", "+3", "5 ", "99999999999999999999"]

failures = []
for variable in VARIABLES:
    for value in BAD:
        env = {k: v for k, v in os.environ.items() if k not in VARIABLES}
        env.update(LD_PRELOAD=preload, **{variable: value})
        run = subprocess.run([probe, "--no-limits"], env=env,
                             capture_output=True, text=True, timeout=60)
        expected = (f"unbounded-guard: ignoring {variable}='{value}': "
                    "expected a whole number, 0 or more\n")
        if run.returncode != 0 or run.stderr != expected:
            failures.append(f"{variable}={value!r}: exit {run.returncode}, "
                            f"stderr {run.stderr!r}, expected {expected!r}")

# A good value still limits, and says nothing.
env = dict(os.environ, LD_PRELOAD=preload, UNBOUNDED_GUARD_MAX_THREADS="0")
run = subprocess.run([probe, "--no-limits"], env=env, capture_output=True,
                     text=True, timeout=60)
if run.returncode == 0 or "unbounded-guard:" in run.stderr:
    failures.append(f"MAX_THREADS=0 was not a limit: {run.stderr!r}")

for failure in failures:
    print(failure)
sys.exit(1 if failures else 0)
