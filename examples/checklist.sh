#!/usr/bin/env bash
# The prevention checklist of one version of the example service, from its
# three kinds of evidence: its code (linted), its alert rules, and the guard
# report of its guard tests (load test, inventory chaos test, /metrics
# scrape). Writes OUT.md, OUT.html and OUT-guard.json and prints one
# summary line per checklist section. Used by ./dev.sh examples and
# test/examples/checklist.test.
#
#   examples/checklist.sh BUILD_DIR fixed|bad OUT
set -euo pipefail

build="$1" version="$2" out="$3"
here="$(cd "$(dirname "$0")" && pwd)"
src="$here/src"
support=("$src/service.cpp" "$src/worker_pool.cpp" "$src/event_queue.cpp"
         "$src/http_client.cpp" "$src/downstream_stub.cpp" "$src/connection_thread.cpp")
case "$version" in
  fixed) sources=("$src"/*_fixed.cpp "${support[@]}" "$src/service_metrics.cpp") ;;
  bad) sources=("$src"/*_bad.cpp "${support[@]}") ;;
  *) echo "usage: checklist.sh BUILD_DIR fixed|bad OUT" >&2; exit 2 ;;
esac

# The bad service's guard tests fail by design; their report is the evidence.
status=0
UNBOUNDED_GUARD_REPORT="$out-guard.json" "$build/bin/orders-guard-$version-test" \
  >"$out-guard.log" 2>&1 || status=$?
if [ "$version" = fixed ] && [ "$status" -ne 0 ]; then
  cat "$out-guard.log" >&2
  exit "$status"
fi

# Exit 1 means findings, which the bad version has on purpose.
status=0
"$build/bin/unbounded-tidy" --quiet -p "$build" "${sources[@]}" --root="$here/.." \
  --alert-rules="$here/alerts/$version.rules.yml" --guard-report="$out-guard.json" \
  --format=markdown -o "$out.md" --format=html -o "$out.html" || status=$?
[ "$status" -le 1 ] || exit "$status"
python3 "$here/../tools/checklist_summary.py" --label "$version service" "$out.md"
