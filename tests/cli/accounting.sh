# Nothing is lost silently: on a mixed corpus (good files, an empty file, a binary file, a missing
# file) the summary says read = written + dropped, and the exit status is the worst one (3, I/O).
set -u
pith=$1 data=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cp "$data"/seeds/000_*.txt "$data"/seeds/003_*.txt "$tmp"/
: > "$tmp/empty.txt"
printf 'abc\0\0\0def' > "$tmp/binary.bin"
"$pith" clean "$tmp"/*.txt "$tmp/binary.bin" "$tmp/missing.txt" > "$tmp/out.jsonl" 2> "$tmp/err"
rc=$?
[ "$rc" -eq 3 ] || { echo "exit $rc, expected 3"; cat "$tmp/err"; exit 1; }
summary=$(tail -1 "$tmp/err")
read_n=$(sed -n 's/.*read \([0-9]*\),.*/\1/p' <<< "$summary")
written=$(sed -n 's/.*written \([0-9]*\),.*/\1/p' <<< "$summary")
dropped=$(sed -n 's/.*dropped \([0-9]*\).*/\1/p' <<< "$summary")
[ "$read_n" -eq 5 ] || { echo "read $read_n, expected 5: $summary"; exit 1; }
[ "$((written + dropped))" -eq "$read_n" ] || { echo "read != written + dropped: $summary"; exit 1; }
[ "$(wc -l < "$tmp/out.jsonl")" -eq "$written" ] || { echo "output lines != written"; exit 1; }
grep -q "missing.txt" "$tmp/err" || { echo "no message names the missing file"; exit 1; }
grep -q "binary.bin" "$tmp/err" || { echo "no message names the binary file"; exit 1; }
