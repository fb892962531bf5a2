#!/usr/bin/env python3
"""Validates a guard report against schema unbounded-guard-report v1 (docs/guard.md)."""
import json
import sys


def fail(message):
    print(f"check_report: {message}", file=sys.stderr)
    sys.exit(1)


def expect(condition, message):
    if not condition:
        fail(message)


def check_leaks(leaks, where):
    expect(isinstance(leaks, dict), f"{where}: leaks is an object")
    for thread in leaks["threads"]:
        expect(isinstance(thread["tid"], int) and isinstance(thread["name"], str), f"{where}: thread")
    for fd in leaks["fds"]:
        expect(fd["kind"] in ("file", "socket", "pipe", "anon_inode", "other"), f"{where}: fd kind")
        expect(isinstance(fd["fd"], int) and isinstance(fd["target"], str), f"{where}: fd")
    expect(isinstance(leaks["attempts"], int), f"{where}: attempts")


def check_test(test):
    where = test.get("name", "?")
    expect(test["result"] in ("passed", "failed", "skipped"), f"{where}: result")
    expect(isinstance(test["duration_ms"], (int, float)), f"{where}: duration_ms")
    for key in ("max_threads", "max_sockets", "max_fds"):
        value = test["limits"][key]
        expect(value is None or isinstance(value, int), f"{where}: limits.{key}")
    expect(isinstance(test["interposition"], bool), f"{where}: interposition")
    expect(test["counts"] is None or isinstance(test["counts"]["threads_peak"], int), f"{where}: counts")
    for key in ("threads_at_start", "threads_at_end", "fds_at_start", "fds_at_end"):
        expect(isinstance(test[key], int), f"{where}: {key}")
    check_leaks(test["leaks"], where)
    expect(all(isinstance(v, (int, float)) for v in test["rejections"].values()), f"{where}: rejections")
    expect(all(isinstance(m, str) for m in test["metrics_exported"]), f"{where}: metrics_exported")


def main():
    with open(sys.argv[1], encoding="utf-8") as handle:
        report = json.load(handle)
    expect(report["schema"] == "unbounded-guard-report", "schema")
    expect(report["version"] == 1, "version")
    expect(report["summary"]["tests"] == len(report["tests"]), "summary.tests")
    expect(report["tests"], "at least one test")
    if report["binary_leaks"] is not None:
        check_leaks(report["binary_leaks"], "binary_leaks")
    for test in report["tests"]:
        check_test(test)
    rejecting = [t for t in report["tests"] if t["rejections"]]
    expect(rejecting, "the probe's rejection test shows up under rejections")
    print(f"check_report: {len(report['tests'])} tests, schema v1 ok")


main()
