# -o writes the whole output or nothing: a run that fails at setup leaves an existing file as it
# was and no temporary file beside it; a run that succeeds replaces it.
set -u
pith=$1 data=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
echo "previous" > "$tmp/out.jsonl"
printf '{"rules": [{"id": "x", "label": "nonsense"}]}' > "$tmp/bad_rules.json"
"$pith" clean -q --rules "$tmp/bad_rules.json" -o "$tmp/out.jsonl" "$data"/seeds/000_*.txt 2> "$tmp/err"
rc=$?
[ "$rc" -eq 2 ] || { echo "bad rules: exit $rc, expected 2"; cat "$tmp/err"; exit 1; }
[ "$(cat "$tmp/out.jsonl")" = "previous" ] || { echo "a failed run changed the output file"; exit 1; }
[ "$(ls "$tmp" | wc -l)" -eq 3 ] || { echo "a temporary file was left behind:"; ls "$tmp"; exit 1; }
"$pith" clean -q -o "$tmp/out.jsonl" "$data"/seeds/000_*.txt || { echo "clean failed"; exit 1; }
[ "$(wc -l < "$tmp/out.jsonl")" -eq 1 ] || { echo "output not replaced"; exit 1; }
# Through a symbolic link, the file it points to is replaced and the link stays a link.
ln -s out.jsonl "$tmp/link.jsonl"
"$pith" clean -q -o "$tmp/link.jsonl" "$data"/seeds/000_*.txt "$data"/seeds/001_*.txt ||
  { echo "clean through a link failed"; exit 1; }
[ -L "$tmp/link.jsonl" ] || { echo "the link was replaced by a file"; exit 1; }
[ "$(wc -l < "$tmp/out.jsonl")" -eq 2 ] || { echo "the linked file was not replaced"; exit 1; }
# A named pipe (like /dev/null, not a file) is written in place, not replaced by a file.
mkfifo "$tmp/pipe"
timeout 20 cat "$tmp/pipe" > "$tmp/from_pipe" &
reader=$!
"$pith" clean -q -o "$tmp/pipe" "$data"/seeds/000_*.txt || { echo "clean into a pipe failed"; exit 1; }
wait "$reader"
[ -p "$tmp/pipe" ] || { echo "the pipe was replaced by a file"; exit 1; }
[ "$(wc -l < "$tmp/from_pipe")" -eq 1 ] || { echo "the reader did not get the output"; exit 1; }
