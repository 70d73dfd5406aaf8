# pith ingest on the seed dumps: one record per file, ids are file stems, and reading the output
# back with --jsonl reproduces it exactly.
set -eu
pith=$1 data=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$pith" ingest -q "$data"/seeds/*.txt > "$tmp/a.jsonl"
[ "$(wc -l < "$tmp/a.jsonl")" -eq 5 ] || { echo "expected 5 records"; exit 1; }
for f in "$data"/seeds/*.txt; do
  stem=$(basename "$f" .txt)
  grep -q "\"id\":\"$stem\"" "$tmp/a.jsonl" || { echo "no record with id $stem"; exit 1; }
done
"$pith" ingest -q --jsonl "$tmp/a.jsonl" > "$tmp/b.jsonl"
cmp "$tmp/a.jsonl" "$tmp/b.jsonl" || { echo "ingest --jsonl did not reproduce its input"; exit 1; }
