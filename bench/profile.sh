#!/usr/bin/env bash
# Instruction counts of the record I/O, which unlike wall time do not move with the machine's
# load: runs `pith ingest --jsonl` and `pith clean --jsonl` (-j1) under callgrind on the first
# records of the bench corpus and prints instructions per input byte and the top functions.
#
#   bench/profile.sh          # the first 10 MB
#   bench/profile.sh 2        # the first 2 MB
#
# PITH names the binary (default build/tools/pith; a RelWithDebInfo build gives source lines).
# Needs valgrind. Kernel time (page faults, read and write) is not counted: see bench/README.md
# for the perf view.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
pith=${PITH:-$root/build/tools/pith}
data=${PITH_BENCH_DATA:-$here/data}
mb=${1:-10}
command -v valgrind > /dev/null || { echo "profile.sh: needs valgrind: apt-get install valgrind" >&2; exit 2; }
[ -f "$data/corpus.jsonl" ] || python3 "$here/make_corpus.py" --out "$data"

work=$(mktemp -d "${TMPDIR:-/tmp}/pith-profile.XXXXXX")
trap 'rm -rf "$work"' EXIT
# Whole records only: the lines that start within the first MB megabytes.
LC_ALL=C awk -v max="$((mb * 1000000))" '{ n += length($0) + 1; print; if (n >= max) exit }' \
  "$data/corpus.jsonl" > "$work/in.jsonl"
bytes=$(stat -c %s "$work/in.jsonl")

for sub in ingest clean; do
  valgrind --tool=callgrind --callgrind-out-file="$work/cg.$sub" \
    "$pith" "$sub" -q -j1 --jsonl "$work/in.jsonl" > /dev/null 2> "$work/log.$sub"
  total=$(callgrind_annotate "$work/cg.$sub" 2> /dev/null | awk '/PROGRAM TOTALS/ { gsub(",", "", $1); print $1 }')
  echo "pith $sub --jsonl -j1 on $(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB:" \
       "$(awk -v t="$total" 'BEGIN { printf "%.0f", t / 1e6 }')M instructions," \
       "$(awk -v t="$total" -v b="$bytes" 'BEGIN { printf "%.1f", t / b }') per input byte"
  callgrind_annotate "$work/cg.$sub" 2> /dev/null | sed -n '/file:function/,$p' | sed -n '3,10p' |
    sed -E 's/std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >/std::string/g;
            s/nlohmann::json_abi_[^ ]*lexer<.*>::/nlohmann lexer::/; s/ \[[^]]*\]$//;
            s/^ *([0-9,]+) +\(([ 0-9.%]+)\) +[^ :]*:/\1 (\2) /' | cut -c1-120
  echo
done
