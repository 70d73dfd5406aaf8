# Output follows input order whatever the thread count, across batch boundaries.
set -eu
pith=$1 data=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for i in $(seq 1 3000); do printf '{"id":"d%d","text":"line %d\\nsecond line of %d"}\n' "$i" "$i" "$i"; done > "$tmp/in.jsonl"
"$pith" normalize -q -j3 < "$tmp/in.jsonl" > "$tmp/out.jsonl"
[ "$(wc -l < "$tmp/out.jsonl")" -eq 3000 ] || { echo "expected 3000 records"; exit 1; }
sed -n 's/^{"id":"\(d[0-9]*\)".*/\1/p' "$tmp/out.jsonl" > "$tmp/ids"
seq 1 3000 | sed 's/^/d/' | cmp - "$tmp/ids" || { echo "output order differs from input order"; exit 1; }
