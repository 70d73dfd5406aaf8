# pith clean is the stage chain in one process: its output equals
# ingest | normalize | strip | extract, with one thread and with several.
set -eu
pith=$1 data=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$pith" ingest -q "$data"/seeds/ | "$pith" normalize -q | "$pith" strip -q | "$pith" extract -q > "$tmp/chain.jsonl"
"$pith" clean -q -j1 "$data"/seeds/ > "$tmp/clean1.jsonl"
"$pith" clean -q -j4 "$data"/seeds/ > "$tmp/clean4.jsonl"
cmp "$tmp/chain.jsonl" "$tmp/clean1.jsonl" || { echo "clean -j1 differs from the chain"; diff "$tmp/chain.jsonl" "$tmp/clean1.jsonl" | head -5; exit 1; }
cmp "$tmp/clean1.jsonl" "$tmp/clean4.jsonl" || { echo "clean -j4 differs from -j1"; exit 1; }
[ "$(wc -l < "$tmp/clean1.jsonl")" -eq 5 ] || { echo "expected 5 records"; exit 1; }
# The stages' flags mean the same on clean.
"$pith" ingest -q "$data"/seeds/ | "$pith" normalize -q --to hans | "$pith" strip -q --explain --keep body title \
  | "$pith" extract -q --not-after 2024-01-01 > "$tmp/chain_flags.jsonl"
"$pith" clean -q --to hans --explain --keep body title --not-after 2024-01-01 "$data"/seeds/ > "$tmp/clean_flags.jsonl"
cmp "$tmp/chain_flags.jsonl" "$tmp/clean_flags.jsonl" || { echo "clean with stage flags differs from the chain"; exit 1; }
grep -q '"lines":\[{"n":1,"label":"title"' "$tmp/clean_flags.jsonl" || { echo "--explain wrote no lines"; exit 1; }
