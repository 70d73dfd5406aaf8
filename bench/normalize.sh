#!/usr/bin/env bash
# Throughput of `pith normalize` next to `uconv -x nfc` (ICU's own NFC) and, for --to hant,
# `opencc -c s2t`, on the same corpus in the same run. Not a test: prints MB/s per command and
# ratios. CPU seconds (user + sys) are used, not wall time, so a busy machine skews less.
#
#   bench/normalize.sh [PITH_BINARY] [MEGABYTES]     # defaults: build/tools/pith, 50
set -euo pipefail
pith=${1:-build/tools/pith}
megabytes=${2:-50}
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# The corpus: the seeds, normalized once (so the text is already clean), repeated.
"$pith" ingest -q "$root"/testdata/seeds/*.txt | "$pith" normalize -q > "$tmp/seed.jsonl"
python3 - "$tmp" "$megabytes" <<'PY'
import json, sys
tmp, size = sys.argv[1], int(sys.argv[2]) * 1000 * 1000
docs = [json.loads(line)["text"] for line in open(f"{tmp}/seed.jsonl", encoding="utf-8")]
with open(f"{tmp}/corpus.jsonl", "w", encoding="utf-8") as jsonl, \
     open(f"{tmp}/corpus.txt", "w", encoding="utf-8") as txt:
    n = 0
    while txt.tell() < size:
        for text in docs:
            n += 1
            jsonl.write(json.dumps({"id": str(n), "text": text}, ensure_ascii=False) + "\n")
            txt.write(text + "\n")
PY
bytes=$(stat -c %s "$tmp/corpus.txt")

# Prints "NAME MB/s" for a command, from its CPU time.
measure() {
  local name=$1; shift
  local seconds
  /usr/bin/time -f "%U %S" -o "$tmp/time" "$@" > /dev/null 2>&1
  seconds=$(awk '{print $1 + $2}' "$tmp/time")
  echo "$name|$seconds" >> "$tmp/seconds"
  awk -v n="$name" -v b="$bytes" -v s="$seconds" 'BEGIN { printf "%-34s %8.1f MB/s  (%.2f s cpu)\n", n, b / 1e6 / (s > 0 ? s : 0.01), s }'
}

echo "corpus: $((bytes / 1000000)) MB of already-clean text (seeds, repeated)"
{
  measure "cat" cat "$tmp/corpus.txt"
  measure "uconv -x nfc" uconv -x nfc -f utf-8 -t utf-8 "$tmp/corpus.txt"
  measure "pith extract -j1 (JSONL pass)" "$pith" extract -q -j1 -i "$tmp/corpus.jsonl"
  measure "pith normalize -j1" "$pith" normalize -q -j1 -i "$tmp/corpus.jsonl"
  measure "opencc -c s2t" opencc -c s2t -i "$tmp/corpus.txt"
  measure "pith normalize -j1 --to hant" "$pith" normalize -q -j1 --to hant -i "$tmp/corpus.jsonl"
}
# The stage alone: normalize's time less the JSONL reading and writing every stage pays.
awk -F'|' -v b="$bytes" '{ t[$1] = $2 }
  END {
    stage = t["pith normalize -j1"] - t["pith extract -j1 (JSONL pass)"]
    printf "%-34s %8.1f MB/s\n", "normalize stage alone", b / 1e6 / (stage > 0.005 ? stage : 0.005)
    printf "pith normalize / uconv -x nfc: %.1fx faster; --to hant / opencc -c s2t: %.1fx faster\n",
           t["uconv -x nfc"] / t["pith normalize -j1"], t["opencc -c s2t"] / t["pith normalize -j1 --to hant"]
  }' "$tmp/seconds"
