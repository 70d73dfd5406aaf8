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
