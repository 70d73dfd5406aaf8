# A 40 MB file that is one line (no newline at all) comes out whole, in one record.
set -u
pith=$1 data=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
printf '中文 and ASCII: 23 b.' > "$tmp/long.txt"  # 23 bytes, 48 MB after 21 doublings
for _ in $(seq 21); do cat "$tmp/long.txt" "$tmp/long.txt" > "$tmp/x" && mv "$tmp/x" "$tmp/long.txt"; done
[ "$(wc -c < "$tmp/long.txt")" -ge 40000000 ] || { echo "test file too small"; exit 1; }
"$pith" ingest "$tmp/long.txt" > "$tmp/out.jsonl" 2> "$tmp/err"
rc=$?
[ "$rc" -eq 0 ] || { echo "exit $rc, expected 0"; cat "$tmp/err"; exit 1; }
[ "$(wc -l < "$tmp/out.jsonl")" -eq 1 ] || { echo "expected one record"; exit 1; }
# Read the record back and print its text: it must be the file, byte for byte.
"$pith" ingest -q --jsonl --format text "$tmp/out.jsonl" | sed '1d;$d' > "$tmp/text"
{ cat "$tmp/long.txt"; echo; } | cmp -s - "$tmp/text" || { echo "the text did not come out whole"; exit 1; }
