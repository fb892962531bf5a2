#!/bin/sh
# usage: run-fuzzer.sh FUZZER SEEDS WORKDIR SECONDS
# Runs FUZZER for SECONDS on a copy of the seed corpus; fails on a crash,
# a leak or a sanitizer report (libFuzzer exits non-zero).
set -e
fuzzer=$1 seeds=$2 work=$3 seconds=$4
rm -rf "$work" && mkdir -p "$work" && cp "$seeds"/* "$work"/
cd "$work"
exec "$fuzzer" -max_total_time="$seconds" -max_len=8192 -timeout=10 \
  -print_final_stats=1 "$work"
