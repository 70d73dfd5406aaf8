#!/usr/bin/env bash
# The speed benchmark: times reference tools and every pith stage on the same corpus in one run
# and prints MB/s, peak RSS and the ratio to `grep -E`. Results are printed, never asserted.
#
#   bench/run.sh            # builds bench/data/ on first use (make_corpus.py), then measures
#   bench/run.sh --big      # also peak RSS of `pith clean` on a 1 GB corpus (written on demand)
#   bench/run.sh --runs 5   # best of 5 instead of best of 3
#
# Environment: PITH (the binary; default build/tools/pith), PITH_BENCH_DATA (the corpus
# directory; default bench/data), TMPDIR (where outputs go while the run lasts).
# Needs GNU time as /usr/bin/time (Debian package `time`) for peak RSS; uconv (icu-devtools) and
# opencc rows are left out when those are not installed.
#
# Every command reads a file and writes its output to a file in a scratch directory (grep
# special-cases /dev/null, so no command writes there). MB is 10^6 bytes of the command's
# input. Each pith stage runs on -j1 over the previous stage's output: ingest over the corpus,
# normalize over what ingest wrote, strip over that, and so on, as `pith ingest | pith normalize
# | ...` would. uconv and opencc are slow, so they run once on the first 10 MB.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
pith=${PITH:-$root/build/tools/pith}
data=${PITH_BENCH_DATA:-$here/data}
patterns=$here/patterns.txt
runs=3
big=0
while [ $# -gt 0 ]; do
  case $1 in
    --big) big=1 ;;
    --runs) runs=$2; shift ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

# grep's speed depends on the locale; UTF-8 is what pith reads, so the reference is UTF-8 grep
# (a C-locale row is printed too).
export LC_ALL=C.UTF-8
[ -x /usr/bin/time ] || { echo "run.sh: needs GNU time: apt-get install time" >&2; exit 2; }
[ -x "$pith" ] || { echo "run.sh: no pith binary at $pith (build it, or set PITH)" >&2; exit 2; }
[ -f "$data/corpus.jsonl" ] || python3 "$here/make_corpus.py" --out "$data"
if [ "$big" = 1 ] && [ ! -f "$data/corpus-1g.jsonl" ]; then
  python3 "$here/make_corpus.py" --out "$data" --big-only
fi

corpus=$data/corpus.jsonl
slice=$data/corpus-60.jsonl
cores=$(nproc)
work=$(mktemp -d "${TMPDIR:-/tmp}/pith-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
head -c 10000000 "$corpus" > "$work/head10.jsonl"
subcommands=$("$pith" --help | sed -n '/^Subcommands:/,$p' | awk 'NR > 1 && NF { print $1 }')
has() { grep -qx "$1" <<< "$subcommands"; }

bytes_of() { du -sb --apparent-size "$1" | cut -f1; }

# Rows in the order they are printed; per row: input path, input bytes, best wall and CPU
# nanoseconds, peak RSS.
names=()
declare -A cmd input size best cpu rss slow failed

# row NAME INPUT [--once] -- COMMAND...: a measured command.
row() {
  local name=$1 in=$2
  shift 2
  slow[$name]=0
  if [ "$1" = --once ]; then slow[$name]=1; shift; fi
  shift  # --
  names+=("$name")
  cmd[$name]=$(printf '%q ' "$@")
  input[$name]=$in
}

# Runs row NAME once; keeps the best wall and CPU times and the largest peak RSS.
run_once() {
  local name=$1 start end status=0
  [ -z "${failed[$name]:-}" ] || return 0
  [ -n "${size[$name]:-}" ] || size[$name]=$(bytes_of "${input[$name]}")
  start=$(date +%s%N)
  eval "/usr/bin/time -f '%U %S %M' -o '$work/rss' ${cmd[$name]}" > "$work/$name.out" 2> "$work/$name.err" || status=$?
  end=$(date +%s%N)
  # 1 is "no line selected" for grep and "a document failed" for pith check: not an error here.
  if [ "$status" -gt 1 ]; then
    failed[$name]=1
    echo "run.sh: $name exited $status: $(tail -n 3 "$work/$name.err")" >&2
    return 0
  fi
  local s=$(( end - start ))
  if [ -z "${best[$name]:-}" ] || [ "$s" -lt "${best[$name]}" ]; then best[$name]=$s; fi
  local u k m c
  read -r u k m < <(tail -n 1 "$work/rss")
  c=$(awk -v u="$u" -v k="$k" 'BEGIN { printf "%.0f", (u + k) * 1e9 }')
  if [ -z "${cpu[$name]:-}" ] || [ "$c" -lt "${cpu[$name]}" ]; then cpu[$name]=$c; fi
  if [ -z "${rss[$name]:-}" ] || [ "$m" -gt "${rss[$name]}" ]; then rss[$name]=$m; fi
}

mbps() { awk -v b="$1" -v ns="$2" 'BEGIN { printf "%.1f", b / 1e6 / (ns / 1e9) }'; }

row cat "$corpus" -- cat "$corpus"
row "grep -E" "$corpus" -- grep -E -f "$patterns" "$corpus"
row "grep -v -E" "$corpus" -- grep -v -E -f "$patterns" "$corpus"
row "grep -v -E (LC_ALL=C)" "$corpus" -- env LC_ALL=C grep -v -E -f "$patterns" "$corpus"
if command -v uconv > /dev/null; then
  row "uconv -x nfc" "$work/head10.jsonl" --once -- uconv -x nfc "$work/head10.jsonl"
fi
if command -v opencc > /dev/null; then
  row "opencc -c s2t.json" "$work/head10.jsonl" --once -- opencc -c s2t.json -i "$work/head10.jsonl"
fi
row "pith ingest --jsonl" "$corpus" -- "$pith" ingest -q -j1 --jsonl "$corpus"
row "pith ingest DIR" "$data/docs" -- "$pith" ingest -q -j1 "$data/docs"
previous="$work/pith ingest --jsonl.out"
for stage in normalize strip extract check dedup; do
  has "$stage" || continue
  row "pith $stage" "$previous" -- "$pith" "$stage" -q -j1 "$previous"
  # check and dedup are measured on what extract wrote; they do not feed the next row.
  case $stage in normalize|strip|extract) previous="$work/pith $stage.out" ;; esac
done
row "pith clean -j1" "$corpus" -- "$pith" clean -q -j1 --jsonl "$corpus"
row "pith clean -j$cores" "$corpus" -- "$pith" clean -q -j"$cores" --jsonl "$corpus"
row "60MB grep -v -E" "$slice" -- grep -v -E -f "$patterns" "$slice"
row "60MB pith clean -j$cores" "$slice" -- "$pith" clean -q -j"$cores" --jsonl "$slice"

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
# Rounds rather than repeats in a row: the machine's noise then spreads over every command.
for ((round = 1; round <= runs; round++)); do
  for name in "${names[@]}"; do
    if [ "$round" = 1 ] || [ "${slow[$name]}" = 0 ]; then run_once "$name"; fi
  done
done

model=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
echo "pith $(git -C "$root" describe --always --dirty 2>/dev/null || echo '?') on $cores cores ($model), $(date -u +%Y-%m-%d), best of $runs"
echo "load average before: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg) (above $cores, other work shared the cores: trust the CPU column more)"
echo "corpus: $corpus ($(awk -v b="$(bytes_of "$corpus")" 'BEGIN { printf "%.1f", b / 1e6 }') MB, $(wc -l < "$corpus") records)"
echo
grep_rate=$(mbps "${size[grep -E]}" "${best[grep -E]}")
printf '%-26s %9s %8s %9s %8s %9s %8s %10s\n' command "input MB" seconds "MB/s" "CPU s" "MB/CPU-s" "RSS MB" "x grep -E"
for name in "${names[@]}"; do
  if [ -n "${failed[$name]:-}" ] || [ -z "${best[$name]:-}" ]; then
    printf '%-26s %s\n' "$name" "failed (see above)"
    continue
  fi
  rate=$(mbps "${size[$name]}" "${best[$name]}")
  awk -v n="$name" -v b="${size[$name]}" -v ns="${best[$name]}" -v r="$rate" -v m="${rss[$name]}" \
      -v c="${cpu[$name]}" -v g="$grep_rate" -v once="${slow[$name]}" \
      'BEGIN { per_cpu = c > 0 ? b / 1e6 / (c / 1e9) : 0; note = once == 1 ? "  (one run, first 10 MB)" : ""
               printf "%-26s %9.1f %8.2f %9.1f %8.2f %9.0f %8.1f %10.2f%s\n", n, b / 1e6, ns / 1e9, r, c / 1e9,
                      per_cpu, m / 1024, r / g, note }'
done

echo
ok() { [ -z "${failed[$1]:-}" ] && [ -n "${best[$1]:-}" ]; }
if ok "pith clean -j1"; then
  echo "pith clean -j1 on the $(awk -v b="${size[pith clean -j1]}" 'BEGIN { printf "%.0f", b / 1e6 }') MB corpus: $(mbps "${size[pith clean -j1]}" "${best[pith clean -j1]}") MB/s (aim: at least 100)"
fi
if ok "60MB pith clean -j$cores" && ok "60MB grep -v -E"; then
  p=$(mbps "${size[60MB pith clean -j$cores]}" "${best[60MB pith clean -j$cores]}")
  g=$(mbps "${size[60MB grep -v -E]}" "${best[60MB grep -v -E]}")
  echo "60 MB corpus on $cores cores: pith clean --jsonl $p MB/s, grep -v -E -f patterns $g MB/s: $(awk -v p="$p" -v g="$g" 'BEGIN { printf "%.2f", p / g }') x grep (aim: at least 0.6)"
fi
if has extract && ok "pith clean -j1" && ok "pith extract"; then
  if cmp -s "$work/pith clean -j1.out" "$work/pith extract.out"; then same=yes; else same=NO; fi
  echo "pith clean output equals ingest | normalize | strip | extract output: $same"
fi

if [ "$big" = 1 ]; then
  bigc=$data/corpus-1g.jsonl
  size[big]=$(bytes_of "$bigc")
  start=$(date +%s%N)
  /usr/bin/time -f %M -o "$work/rss" "$pith" clean -q -j"$cores" --jsonl "$bigc" > /dev/null
  end=$(date +%s%N)
  echo "1 GB corpus ($(awk -v b="${size[big]}" 'BEGIN { printf "%.0f", b / 1e6 }') MB), pith clean -j$cores: peak RSS $(awk -v m="$(tail -n 1 "$work/rss")" 'BEGIN { printf "%.1f", m / 1024 }') MB, $(mbps "${size[big]}" $(( end - start ))) MB/s (one run; aim: well under 300 MB)"
fi
