#!/usr/bin/env bash
# Dedup at scale: time and peak RSS of `pith dedup` on a million short documents made at run
# time. Results are printed, never asserted.
#
#   bench/dedup_bench.sh              # 1,000,000 documents
#   bench/dedup_bench.sh --docs 100000
#
# The corpus is deterministic: short news-like documents (half Chinese, half English, about 250
# characters) of which 5% are exact copies and 5% near copies (one word added) of an
# earlier one, and a fifth carry one of 50 site footers. It is written to $TMPDIR and removed
# afterwards. Environment: PITH (default build/tools/pith), TMPDIR. Needs python3 and GNU time
# as /usr/bin/time for peak RSS.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
pith=${PITH:-$(dirname "$here")/build/tools/pith}
docs=1000000
while [ $# -gt 0 ]; do
  case $1 in
    --docs) docs=$2; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "dedup_bench.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
python3 - "$docs" > "$tmp/corpus.jsonl" <<'PY'
import json, random, sys
n = int(sys.argv[1])
rng = random.Random(20240129)
han = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]
words = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(2, 9))) for _ in range(20000)]
footers = [f"Copyright site {i} media group, all rights reserved; reproduction without permission is prohibited"
           for i in range(50)]
made = []
out = sys.stdout
for i in range(n):
    r = rng.random()
    if made and r < 0.05:
        text = rng.choice(made)  # exact copy
    elif made and r < 0.10:
        text = rng.choice(made) + " " + rng.choice(words)  # near copy: one word more
    elif i % 2:
        lines = ["".join(rng.choice(han) for _ in range(rng.randint(40, 80))) + "。" for _ in range(3)]
        text = "\n".join(lines)
    else:
        lines = [" ".join(rng.choice(words) for _ in range(rng.randint(12, 20))) + "." for _ in range(3)]
        text = "\n".join(lines)
    if rng.random() < 0.2:
        text += "\n" + rng.choice(footers)
    if len(made) < 50000:
        made.append(text)
    elif rng.random() < 0.01:
        made[rng.randrange(len(made))] = text
    out.write(json.dumps({"id": f"doc{i}", "text": text}, ensure_ascii=False) + "\n")
PY
mb=$(( $(stat -c %s "$tmp/corpus.jsonl") / 1000000 ))
echo "corpus: $docs documents, $mb MB"
for jobs in 1 2; do
  /usr/bin/time -v "$pith" dedup -j "$jobs" -i "$tmp/corpus.jsonl" -o "$tmp/out.jsonl" 2> "$tmp/time"
  grep "pith dedup:" "$tmp/time"
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$tmp/time")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$tmp/time")
  cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.1f", s}' "$tmp/time")
  echo "dedup -j $jobs: ${secs} s wall, ${cpu} s CPU, $(awk -v m="$mb" -v s="$secs" 'BEGIN {printf "%.1f", m / s}') MB/s, peak RSS ${rss} MB"
done
/usr/bin/time -v "$pith" dedup --signatures -q -i "$tmp/corpus.jsonl" -o "$tmp/sig.jsonl" 2> "$tmp/time"
echo "dedup --signatures: $(awk -F': ' '/Elapsed/ {print $2}' "$tmp/time") wall, peak RSS $(awk -F': ' '/Maximum resident/ {printf "%.0f", $2 / 1024}' "$tmp/time") MB"
