#!/usr/bin/env bash
# action.yml, step "Lint": runs the driver over the compile database and
# writes SARIF. Findings (exit 1) are a result, not a failure of this step:
# the report is uploaded first and a later step fails the job. Exit 2 (a
# tool, usage or compile error) fails here.
set -euo pipefail
status=0
# UNBOUNDED_ARGS is a list of options, split on spaces on purpose.
# shellcheck disable=SC2086
unbounded-tidy -p "${UNBOUNDED_BUILD_DIR:-build}" --format=sarif \
  -o "${UNBOUNDED_SARIF:-unbounded-tidy.sarif}" ${UNBOUNDED_ARGS:-} || status=$?
echo "status=$status" >> "${GITHUB_OUTPUT:-/dev/null}"
[ "$status" -le 1 ] || exit "$status"
echo "sarif=${UNBOUNDED_SARIF:-unbounded-tidy.sarif}" >> "${GITHUB_OUTPUT:-/dev/null}"
