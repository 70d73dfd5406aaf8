# The summary adds up: documents read = written + dropped, whatever went wrong, and what is
# written is what is on stdout.
set -u
pith=$1 data=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
check() {  # $1 = expected exit status
  [ "$rc" -eq "$1" ] || { echo "exit $rc, expected $1"; cat "$tmp/err"; exit 1; }
  summary=$(tail -n 1 "$tmp/err")
  read=$(echo "$summary" | sed -n 's/.*read \([0-9]*\),.*/\1/p')
  written=$(echo "$summary" | sed -n 's/.*written \([0-9]*\),.*/\1/p')
  dropped=$(echo "$summary" | sed -n 's/.*dropped \([0-9]*\).*/\1/p')
  [ -n "$read" ] && [ -n "$written" ] && [ -n "$dropped" ] || { echo "no summary: $summary"; exit 1; }
  [ "$read" -eq $((written + dropped)) ] || { echo "read != written + dropped: $summary"; exit 1; }
  [ "$written" -eq "$(wc -l < "$tmp/out.jsonl")" ] || { echo "written != records on stdout: $summary"; exit 1; }
  [ "$2" = "$read $written $dropped" ] || { echo "expected read/written/dropped $2: $summary"; exit 1; }
}
head -c 40000 /dev/zero | tr '\0' x > "$tmp/big.txt"
# Files: good, empty, binary, missing, over --max-doc-bytes, truncated gzip.
"$pith" ingest --max-doc-bytes 30k "$data/seeds" "$data/bad/empty.txt" "$data/bad/binary.png" \
  "$tmp/missing.txt" "$tmp/big.txt" "$data/bad/truncated.txt.gz" > "$tmp/out.jsonl" 2> "$tmp/err"
rc=$?
check 3 "10 6 4"
# JSON Lines: good records, a malformed one, one over --max-doc-bytes.
{ cat "$data/bad/malformed.jsonl"; printf '{"id":"long","text":"%s"}\n' "$(cat "$tmp/big.txt")"; } > "$tmp/in.jsonl"
"$pith" ingest --jsonl --max-doc-bytes 30k "$tmp/in.jsonl" > "$tmp/out.jsonl" 2> "$tmp/err"
rc=$?
check 1 "5 3 2"
