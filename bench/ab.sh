#!/usr/bin/env bash
# Two pith binaries side by side on the same input: runs them in turn, round after round, and
# prints each one's best wall and CPU time and the ratio. On a shared machine whose speed drifts
# (a full bench/run.sh can come out 1.5x slower in every row, reference tools included), only
# runs taken this close together compare two versions fairly.
#
#   bench/ab.sh OLD NEW                           # clean --jsonl -j1 on bench/data/corpus-60.jsonl
#   bench/ab.sh OLD NEW 7 clean -q -j2 --jsonl FILE   # 7 rounds of any pith command line
#
# OLD and NEW are pith binaries (build one per commit, e.g. with git worktree). Outputs go to a
# scratch directory and are compared: the run says whether the two binaries wrote the same bytes.
# Needs GNU time as /usr/bin/time.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
data=${PITH_BENCH_DATA:-$here/data}
[ $# -ge 2 ] || { sed -n '2,13p' "$0"; exit 2; }
old=$1 new=$2
rounds=${3:-5}
shift $(($# >= 3 ? 3 : 2))
if [ $# -eq 0 ]; then
  [ -f "$data/corpus.jsonl" ] || python3 "$here/make_corpus.py" --out "$data"
  set -- clean -q -j1 --jsonl "$data/corpus-60.jsonl"
fi
for bin in "$old" "$new"; do
  [ -x "$bin" ] || { echo "ab.sh: not an executable: $bin" >&2; exit 2; }
done
[ -x /usr/bin/time ] || { echo "ab.sh: needs GNU time: apt-get install time" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/pith-ab.XXXXXX")
trap 'rm -rf "$work"' EXIT
declare -A wall cpu
for ((round = 1; round <= rounds; round++)); do
  for side in old new; do
    bin=$old
    [ "$side" = new ] && bin=$new
    status=0
    /usr/bin/time -f '%e %U %S' -o "$work/time" "$bin" "$@" > "$work/$side.out" 2> "$work/err" ||
      status=$?
    # 1 is "a document failed" for pith check, not an error here.
    if [ "$status" -gt 1 ]; then
      echo "ab.sh: $bin exited $status: $(tail -n 3 "$work/err")" >&2
      exit 2
    fi
    read -r e u s < <(tail -n 1 "$work/time")
    c=$(awk -v u="$u" -v s="$s" 'BEGIN { print u + s }')
    if [ -z "${wall[$side]:-}" ] || awk -v a="$e" -v b="${wall[$side]}" 'BEGIN { exit !(a < b) }'; then
      wall[$side]=$e
    fi
    if [ -z "${cpu[$side]:-}" ] || awk -v a="$c" -v b="${cpu[$side]}" 'BEGIN { exit !(a < b) }'; then
      cpu[$side]=$c
    fi
  done
done
echo "pith $* ; best of $rounds rounds, taken in turn"
printf '%-5s %8s %8s  %s\n' "" "wall s" "CPU s" binary
printf '%-5s %8s %8s  %s\n' old "${wall[old]}" "${cpu[old]}" "$old"
printf '%-5s %8s %8s  %s\n' new "${wall[new]}" "${cpu[new]}" "$new"
awk -v a="${wall[old]}" -v b="${wall[new]}" -v c="${cpu[old]}" -v d="${cpu[new]}" \
  'BEGIN { printf "new/old: wall %.3f, CPU %.3f\n", b / a, d / c }'
if cmp -s "$work/old.out" "$work/new.out"; then echo "outputs: the same"; else echo "outputs: differ"; fi
