#!/usr/bin/env python3
"""usage: bad_input_matrix.py DRIVER WORK_DIR MOCK_FLAGS...

The bad-input matrix: each row is a hostile input, output or option for the
driver, with the exit status it must give, the single line it must print on
stderr (a regular expression after "unbounded-tidy: error: "; None: stderr
stays empty), the files that must be unchanged afterwards, the files that
must not exist afterwards, and an optional check of what was written.
docs/driver.md ("Bad input") describes the behaviour the rows pin down.
"""
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import threading

DRIVER, WORK = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
MOCK = sys.argv[3:]
ROOT = os.geteuid() == 0
FLAGS = ["--", "-std=c++17"] + MOCK

THREADS = """#include <thread>
void work(int);
void serve(int n) {
  for (int i = 0; i < n; ++i)
    std::thread(work, i).detach();
}
"""


class Row:
    def __init__(self, name, args, exit, line, unchanged=(), absent=(),
                 setup=None, check=None, root=False):
        self.name, self.args, self.exit, self.line = name, args, exit, line
        self.unchanged, self.absent = list(unchanged), list(absent)
        self.setup, self.check, self.root = setup, check, root


def write(path, text, mode="w"):
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, mode) as f:
        f.write(text)


def snapshot(path):
    """What 'unchanged' compares: kind, link target, device and bytes."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return None
    if stat.S_ISLNK(st.st_mode):
        return ("link", os.readlink(path))
    if stat.S_ISREG(st.st_mode):
        with open(path, "rb") as f:
            return ("file", f.read())
    return ("special", stat.S_IFMT(st.st_mode), st.st_rdev)


def run_driver(args, cwd=WORK):
    return subprocess.run([DRIVER] + args, cwd=cwd, capture_output=True,
                          timeout=600)


# ---------------------------------------------------------------- fixtures

def fixtures():
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(WORK + "/emptydir")
    write(WORK + "/ok.cpp", "int main() { return 0; }\n")
    write(WORK + "/threads.cpp", THREADS)
    write(WORK + "/other.cpp", "int other() { return 1; }\n")
    write(WORK + "/keep.json", "the report of an earlier run\n")
    write(WORK + "/corrupt.json", '{"schema": "unbounded-tidy-baseline", ')
    write(WORK + "/crash.cpp", "#pragma clang __debug crash\nint x;\n")
    os.symlink("loop2.cpp", WORK + "/loop1.cpp")
    os.symlink("loop1.cpp", WORK + "/loop2.cpp")
    write(WORK + "/deep.cpp",
          "void f() " + "{" * 10000 + "}" * 10000 + "\n")
    write(WORK + "/long.cpp", "".join("// line %d\n" % i
                                      for i in range(200000)) + "int x;\n")
    with open(DRIVER, "rb") as f:
        write(WORK + "/binary.cpp", f.read(120000), "wb")
    write(WORK + "/regular-file", "not a directory\n")
    write(WORK + "/truncated/compile_commands.json",
          '[{"directory": "%s", "file": "ok.cpp", "arguments": '
          '["clang++", "-c", "ok.cpp"]}, {"dire' % WORK)
    write(WORK + "/nodir/compile_commands.json", json.dumps(
        [{"directory": "/nonexistent/dir", "file": WORK + "/ok.cpp",
          "arguments": ["clang++", "-c", WORK + "/ok.cpp"]}]))
    write(WORK + "/nodir-relative/compile_commands.json", json.dumps(
        [{"directory": "/nonexistent/dir", "file": "ok.cpp",
          "arguments": ["clang++", "-c", "ok.cpp"]}]))
    write(WORK + "/sub/.clang-tidy",
          "CheckOptions:\n  unbounded-pool-growth.MaxThreads: '-1'\n")
    write(WORK + "/sub/a.cpp", "int a;\n")
    shards()


def shards():
    """Shard reports of a two-file project, and doctored copies."""
    project = WORK + "/project"
    for name in ("a.cpp", "b.cpp"):
        write(project + "/" + name, THREADS.replace("serve", "serve_" + name[0]))
    entries = [{"directory": project, "file": project + "/" + name,
                "arguments": ["clang++", "-c", "-std=c++17"] + MOCK + [name]}
               for name in ("a.cpp", "b.cpp")]
    write(project + "/compile_commands.json", json.dumps(entries))
    for spec, out, extra in (("1/2", "s1.json", []), ("2/2", "s2.json", []),
                             ("1/3", "t1.json", []),
                             ("", "full.json", []),
                             ("2/2", "s2-config.json",
                              ["--config={CheckOptions: "
                               "{unbounded-thread-creation.MaxIterations: "
                               "'16'}}"])):
        shard = ["--shard=" + spec] if spec else []
        done = run_driver(["--quiet", "-p", ".", "-o", WORK + "/" + out]
                          + shard + extra, cwd=project)
        if done.returncode not in (0, 1):
            sys.exit("setup: shard %s failed: %s" % (spec, done.stderr))
    s2 = json.load(open(WORK + "/s2.json"))
    doctored = dict(s2, root="/elsewhere")
    json.dump(doctored, open(WORK + "/s2-root.json", "w"))
    doctored = dict(s2, tool=dict(s2["tool"], version="0.0.1"))
    json.dump(doctored, open(WORK + "/s2-version.json", "w"))


# ------------------------------------------------------------ output checks

def reader(path, into):
    """Opens the FIFO for reading (unblocking the writer) and collects."""
    def read():
        with open(path, "rb") as f:
            into.append(f.read())
    thread = threading.Thread(target=read, daemon=True)
    thread.start()
    return thread


FIFO_DATA = []


def make_fifo():
    os.mkfifo(WORK + "/report.fifo")
    reader(WORK + "/report.fifo", FIFO_DATA)


def fifo_check(done):
    if not stat.S_ISFIFO(os.lstat(WORK + "/report.fifo").st_mode):
        return "the FIFO was replaced"
    for _ in range(100):
        if FIFO_DATA:
            break
        threading.Event().wait(0.1)
    if not FIFO_DATA or b'"schema"' not in FIFO_DATA[0]:
        return "the FIFO's reader got no report"


def make_link():
    write(WORK + "/target.json", "old\n")
    os.symlink("target.json", WORK + "/link.json")


def link_check(done):
    if os.readlink(WORK + "/link.json") != "target.json":
        return "the link was replaced"
    if '"schema"' not in open(WORK + "/target.json").read():
        return "the link's target holds no report"


def make_dangling():
    os.symlink("made/target.json", WORK + "/dangling.json")
    os.makedirs(WORK + "/made")


def dangling_check(done):
    if not os.path.islink(WORK + "/dangling.json"):
        return "the link was replaced"
    if '"schema"' not in open(WORK + "/made/target.json").read():
        return "the link's target holds no report"


def stdout_check(done):
    try:
        json.loads(done.stdout)
    except ValueError:
        return "standard output holds no JSON report: %r" % done.stdout[:80]


def make_device(name, minor):
    def setup():
        os.mknod(WORK + "/" + name, 0o666 | stat.S_IFCHR, os.makedev(1, minor))
    return setup


def device_check(name):
    def check(done):
        if not stat.S_ISCHR(os.lstat(WORK + "/" + name).st_mode):
            return name + " is no longer a character device"
    return check


def rest_of_run_check(done):
    units = json.load(open(WORK + "/crash.json"))["translation_units"]
    if units != ["crash.cpp", "ok.cpp"]:
        return "the other file's result is missing: %r" % units


def binary_check(done):
    if len(done.stdout) > 20000:
        return "%d bytes on standard output" % len(done.stdout)
    text = done.stdout.decode("utf-8", errors="strict")
    if any(c < " " and c not in "\n\t" for c in text):
        return "raw control characters on standard output"


def config(option, value):
    return "--config={CheckOptions: {%s: '%s'}}" % (option, value)


E = re.escape
KEEP = ["-o", "keep.json"]

ROWS = [
    # Inputs that were already handled well.
    Row("missing file", ["missing.cpp"] + FLAGS, 2,
        E("cannot read 'missing.cpp': no such file or directory")),
    Row("directory as source", ["emptydir"] + FLAGS, 2,
        E("'emptydir' is a directory; use -p <build-dir> to lint the files "
          "of a compilation database under it")),
    Row("no database", ["-p", "emptydir"], 2,
        "no compilation database at '.*emptydir/compile_commands.json' "
        + E("(configure with -DCMAKE_EXPORT_COMPILE_COMMANDS=ON)")),
    Row("corrupt baseline", ["--baseline=corrupt.json"] + KEEP + ["ok.cpp"]
        + FLAGS, 2, E("malformed baseline 'corrupt.json': ") + ".+",
        unchanged=["corrupt.json", "keep.json"]),
    Row("bad shard spec", ["--shard=3/2"] + KEEP + ["ok.cpp"] + FLAGS, 2,
        E("invalid --shard '3/2' (expected i/N with 1 <= i <= N, e.g. 1/4)"),
        unchanged=["keep.json"]),
    Row("killed worker", ["--format=json", "-o", "crash.json", "crash.cpp",
                          "ok.cpp"] + FLAGS, 2,
        E("1 error (findings may be incomplete) in: ") + ".*crash.cpp "
        + E("(the worker crashed: ") + ".+" + E(")"),
        check=rest_of_run_check),
    Row("symlink loop", ["loop1.cpp"] + FLAGS, 2,
        E("cannot read 'loop1.cpp': Too many levels of symbolic links")),
    Row("10,000-deep nesting", ["deep.cpp"] + FLAGS, 2,
        E("1 compiler error (findings may be incomplete) in: ")
        + ".*deep.cpp"),
    Row("200,000-line file", ["long.cpp"] + FLAGS, 0, None),

    # 1. -o writes to what is there, never replaces it with a file.
    Row("-o FIFO", ["--format=json", "-o", "report.fifo", "ok.cpp"] + FLAGS,
        0, None, setup=make_fifo, check=fifo_check),
    Row("-o symlink", ["--format=json", "-o", "link.json", "ok.cpp"] + FLAGS,
        0, None, setup=make_link, check=link_check),
    Row("-o dangling symlink", ["--format=json", "-o", "dangling.json",
                                "ok.cpp"] + FLAGS, 0, None,
        setup=make_dangling, check=dangling_check),
    Row("-o -", ["--format=json", "-o", "-", "ok.cpp"] + FLAGS, 0, None,
        check=stdout_check),
    Row("-o /dev/stdout", ["--format=json", "-o", "/dev/stdout", "ok.cpp"]
        + FLAGS, 0, None, check=stdout_check),
    Row("-o character device", ["--format=json", "-o", "null.dev", "ok.cpp"]
        + FLAGS, 0, None, setup=make_device("null.dev", 3),
        check=device_check("null.dev"), root=True),
    Row("-o full device", ["--format=json", "-o", "full.dev", "ok.cpp"]
        + FLAGS, 2, E("cannot write 'full.dev': No space left on device"),
        setup=make_device("full.dev", 7), check=device_check("full.dev"),
        root=True),

    # 2. A bad option value is a configuration error, not a finding.
    Row("integer option 'abc'",
        [config("unbounded-thread-creation.MaxIterations", "abc")] + KEEP
        + ["ok.cpp"] + FLAGS, 2,
        E("invalid configuration value 'abc' for option "
          "'unbounded-thread-creation.MaxIterations'; expected an integer"),
        unchanged=["keep.json"]),
    Row("integer option '50x'",
        [config("unbounded-queue-capacity.MaxCapacity", "50x"), "ok.cpp"]
        + FLAGS, 2,
        E("invalid configuration value '50x' for option "
          "'unbounded-queue-capacity.MaxCapacity'; expected an integer")),
    Row("regex option '(unclosed'",
        [config("unbounded-thread-creation.HandlerRegistrationPattern",
                "(unclosed"), "ok.cpp"] + FLAGS, 2,
        E("invalid configuration value '(unclosed' for option "
          "'unbounded-thread-creation.HandlerRegistrationPattern'; expected "
          "a regular expression (parentheses not balanced)")),
    Row("bool option 'maybe'",
        [config("unbounded-silent-drop.AllowVoidCast", "maybe"), "ok.cpp"]
        + FLAGS, 2,
        E("invalid configuration value 'maybe' for option "
          "'unbounded-silent-drop.AllowVoidCast'; expected a bool "
          "(true or false)")),
    Row("bad option in a .clang-tidy file", ["sub/a.cpp"] + FLAGS, 2,
        E("invalid configuration value '-1' for option "
          "'unbounded-pool-growth.MaxThreads'; expected an integer")),
    Row("good option values",
        ["--config={CheckOptions: {unbounded-thread-creation.MaxIterations: "
         "'16', unbounded-silent-drop.AllowVoidCast: 'false', "
         "unbounded-thread-creation.HandlerRegistrationPattern: '^Get$'}}",
         "ok.cpp"] + FLAGS, 0, None),

    # 3. Outputs are checked before any linting.
    Row("unwritable -o", ["--format=json", "-o", "/proc/x.json",
                          "--cache-dir=cache3", "ok.cpp", "threads.cpp",
                          "other.cpp"] + FLAGS, 2,
        E("cannot write '/proc/x.json': ") + ".+", absent=["cache3"]),
    Row("-o a directory", ["--format=json", "-o", "emptydir",
                           "--cache-dir=cache4", "ok.cpp"] + FLAGS, 2,
        E("cannot write 'emptydir': it is a directory"), absent=["cache4"]),
    Row("unwritable baseline", ["--baseline=/proc/base.json",
                                "--write-baseline", "--cache-dir=cache5",
                                "ok.cpp"] + FLAGS, 2,
        E("cannot write '/proc/base.json': ") + ".+", absent=["cache5"]),

    # 4. merge takes only complete, compatible shard sets.
    Row("merge: a shard twice", ["merge", "s1.json", "s1.json"] + KEEP, 2,
        E("cannot merge 's1.json' and 's1.json': both are shard 1/2"),
        unchanged=["keep.json"]),
    Row("merge: a shard missing", ["merge", "s1.json"], 2,
        E("cannot merge 's1.json': shard 2/2 missing")),
    Row("merge: different roots", ["merge", "s1.json", "s2-root.json"], 2,
        E("cannot merge 's1.json' and 's2-root.json': their roots differ ('")
        + ".*project" + E("' and '/elsewhere')")),
    Row("merge: different versions", ["merge", "s1.json", "s2-version.json"],
        2, E("cannot merge 's1.json' and 's2-version.json': they were written "
             "by different versions (") + ".+" + E(")")),
    Row("merge: different configurations",
        ["merge", "s1.json", "s2-config.json"], 2,
        E("cannot merge 's1.json' and 's2-config.json': they were linted "
          "with different configurations")),
    Row("merge: shards of different runs", ["merge", "s1.json", "t1.json"],
        2, E("cannot merge 's1.json' and 't1.json': they are shards of "
             "different runs (1/2 and 1/3)")),
    Row("merge: a full report twice", ["merge", "full.json", "full.json"],
        2, E("cannot merge 'full.json' and 'full.json': both lint '")
        + ".*project/a.cpp'"),
    Row("merge: a shard and a full report", ["merge", "s1.json", "full.json"],
        2, E("cannot merge 's1.json' and 'full.json': only one of them is a "
             "shard")),
    Row("merge: complete shard set", ["merge", "s2.json", "s1.json"], 1,
        None),

    # 7. Errors are one line.
    Row("truncated database", ["-p", "truncated"], 2,
        E("cannot load compilation database "
          "'truncated/compile_commands.json': [") + r"1:\d+, byte=\d+\]: .+"),
    Row("database entry in a missing directory", ["-p", "nodir"], 2,
        E("the compile command for '") + ".*ok.cpp"
        + E("' runs in '/nonexistent/dir', which is not a directory")),
    Row("database entry (relative) in a missing directory",
        ["-p", "nodir-relative"], 2,
        E("the compile command for '/nonexistent/dir/ok.cpp' runs in "
          "'/nonexistent/dir', which is not a directory")),
    Row("-j -1", ["-j", "-1", "ok.cpp"] + FLAGS, 2,
        E("invalid -j '-1' (expected a number of jobs, 1 or more)")),
    Row("binary file as source", ["binary.cpp"] + FLAGS, 2,
        r"\d+ compiler errors " + E("(findings may be incomplete) in: ")
        + ".*binary.cpp", check=binary_check),

    # 8. No silent surprises.
    Row("empty --shard", ["--shard="] + KEEP + ["ok.cpp"] + FLAGS, 2,
        E("invalid --shard '' (expected i/N with 1 <= i <= N, e.g. 1/4)"),
        unchanged=["keep.json"]),
    Row("--cache-dir is a file", ["--cache-dir=regular-file", "ok.cpp"]
        + FLAGS, 2,
        E("cannot use cache directory 'regular-file': not a directory"),
        unchanged=["regular-file"]),
    Row("two reports to one file", ["--format=json", "-o", "keep.json",
                                    "--format=sarif", "-o", "./keep.json",
                                    "ok.cpp"] + FLAGS, 2,
        E("--format=json and --format=sarif both write to './keep.json'; "
          "give each its own -o"), unchanged=["keep.json"]),
]


def run_row(row):
    """The row's failures, as strings."""
    if row.setup:
        row.setup()
    before = {p: snapshot(os.path.join(WORK, p)) for p in row.unchanged}
    done = run_driver(["--quiet"] + row.args if row.args[0] != "merge"
                      else row.args[:1] + ["--quiet"] + row.args[1:])
    problems = []
    if done.returncode != row.exit:
        problems.append("exit %d, expected %d" % (done.returncode, row.exit))
    stderr = done.stderr.decode("utf-8", errors="replace")
    if row.line is None:
        if stderr:
            problems.append("stderr not empty: %r" % stderr[:300])
    elif not re.fullmatch("unbounded-tidy: error: " + row.line + "\n",
                          stderr):
        problems.append("stderr %r does not match %r" % (stderr[:300],
                                                         row.line))
    for path, old in before.items():
        if snapshot(os.path.join(WORK, path)) != old:
            problems.append(path + " changed")
    for path in row.absent:
        if os.path.lexists(os.path.join(WORK, path)):
            problems.append(path + " exists")
    if row.check:
        try:
            problem = row.check(done)
        except (OSError, ValueError) as error:
            problem = "the check failed: %s" % error
        if problem:
            problems.append(problem)
    return problems


def main():
    fixtures()
    failed = 0
    for row in ROWS:
        if row.root and not ROOT:
            print("SKIP %s (needs root for mknod)" % row.name)
            continue
        problems = run_row(row)
        print("%s %s" % ("FAIL" if problems else "ok  ", row.name))
        for problem in problems:
            print("     " + problem)
        failed += bool(problems)
    print("%d of %d rows failed" % (failed, len(ROWS)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
