#!/usr/bin/env bash
# Lays out, at the labelled commit, the source files of every repository named
# in labels.csv (or --labels FILE), under DEST/<owner>+<name> (outside this repository: their code
# is never committed here; default $UNBOUNDED_REALWORLD_SRC, else
# ~/.cache/unbounded-tidy/realworld). Source of each repository, in this order:
#   1. a local git mirror: $MIRROR/<owner>+<name>/repo (bare or with .git;
#      --mirror or $UNBOUNDED_MIRROR, none by default);
#   2. with --clone, a clone from $GIT_BASE/<owner>/<name> (default https://github.com).
# Only C/C++ sources, headers and build files are extracted. A repository that
# cannot be had is listed as missing at the end; the script never stops on one.
# Files the snapshot lacks (its largest may be absent) are left out and counted.
#
#   bench/realworld/fetch.sh [--dest DIR] [--mirror DIR] [--labels FILE] [--clone] [--force]
set -u
here=$(cd "$(dirname "$0")" && pwd)
dest=${UNBOUNDED_REALWORLD_SRC:-}
mirror=${UNBOUNDED_MIRROR:-}
labels=$here/labels.csv
clone=0
force=0
while [ $# -gt 0 ]; do
  case "$1" in
    --dest) dest=$2; shift 2 ;;
    --mirror) mirror=$2; shift 2 ;;
    --labels) labels=$2; shift 2 ;;
    --clone) clone=1; shift ;;
    --force) force=1; shift ;;
    -h|--help) sed -n '2,12p' "$0" | cut -c3-; exit 0 ;;
    *) echo "fetch.sh: unknown option '$1'" >&2; exit 2 ;;
  esac
done
git_base=${GIT_BASE:-https://github.com}
if [ -z "$dest" ]; then
  [ -n "${HOME:-}" ] || { echo "fetch.sh: no --dest, UNBOUNDED_REALWORLD_SRC or HOME to lay the sources out in" >&2; exit 2; }
  dest=$HOME/.cache/unbounded-tidy/realworld
fi
mkdir -p "$dest"
missing=()
ready=0
pattern='\.(c|cc|cpp|cxx|h|hh|hpp|hxx|ipp|inl|tcc)$|(^|/)CMakeLists\.txt$'

gitdir_of() { # owner+name -> a git dir holding the commit, or nothing
  local key=$1 d
  local candidates=("$dest/.clones/$key")
  [ -n "$mirror" ] && candidates=("$mirror/$key/repo/.git" "$mirror/$key/repo" "${candidates[@]}")
  for d in "${candidates[@]}"; do
    [ -d "$d" ] && git --git-dir="$d" rev-parse --git-dir >/dev/null 2>&1 && { echo "$d"; return; }
  done
}

while IFS=, read -r repo commit; do
  key=${repo/\//+}
  out=$dest/$key
  if [ -f "$out/.realworld-commit" ] && [ "$(cat "$out/.realworld-commit")" = "$commit" ] && [ $force = 0 ]; then
    ready=$((ready + 1)); continue
  fi
  gd=$(gitdir_of "$key")
  if [ -z "$gd" ] && [ $clone = 1 ]; then
    git clone --quiet --bare --filter=blob:limit=4m "$git_base/$repo" "$dest/.clones/$key" >/dev/null 2>&1 \
      && gd=$dest/.clones/$key
  fi
  if [ -z "$gd" ] || ! git --git-dir="$gd" cat-file -e "$commit^{commit}" 2>/dev/null; then
    missing+=("$repo@$commit"); continue
  fi
  rm -rf "$out"; mkdir -p "$out"
  # A snapshot may lack its largest files: archive only the blobs it holds
  # (one absent blob would end the archive midway), and say how many are not.
  listing=$(git --git-dir="$gd" ls-tree -r "$commit" \
    | PATTERN=$pattern awk -F'\t' '$2 ~ ENVIRON["PATTERN"] { split($1, m, " "); print m[3] "\t" $2 }')
  present=$(paste <(cut -f1 <<<"$listing" | git --git-dir="$gd" cat-file --batch-check='%(objecttype)') \
    <(cut -f2 <<<"$listing") | awk -F'\t' '$1 == "blob" { print $2 }')
  absent=$(( $(grep -c . <<<"$listing") - $(grep -c . <<<"$present") ))
  [ $absent -gt 0 ] && echo "fetch.sh: $repo: $absent source files absent from the snapshot, laid out without them" >&2
  xargs -r -d '\n' git --git-dir="$gd" archive "$commit" -- <<<"$present" 2>/dev/null | tar -xi -C "$out" 2>/dev/null
  echo "$commit" > "$out/.realworld-commit"
  ready=$((ready + 1))
done < <(grep -v '^#' "$labels" | cut -d, -f1,2 | sort -u)

echo "fetch.sh: $ready repositories ready under $dest"
if [ ${#missing[@]} -gt 0 ]; then
  echo "fetch.sh: ${#missing[@]} missing (no mirror under $mirror$([ $clone = 1 ] && echo ", no clone")):"
  printf '  %s\n' "${missing[@]}"
fi
