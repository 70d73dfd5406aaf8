# Output follows input order whatever the thread count, across batch boundaries.
set -eu
pith=$1 data=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for i in $(seq 1 3000); do printf '{"id":"d%d","text":"line %d\\nsecond line of %d"}\n' "$i" "$i" "$i"; done > "$tmp/in.jsonl"
"$pith" normalize -q -j3 < "$tmp/in.jsonl" > "$tmp/out.jsonl"
[ "$(wc -l < "$tmp/out.jsonl")" -eq 3000 ] || { echo "expected 3000 records"; exit 1; }
sed -n 's/^{"id":"\(d[0-9]*\)".*/\1/p' "$tmp/out.jsonl" > "$tmp/ids"
seq 1 3000 | sed 's/^/d/' | cmp - "$tmp/ids" || { echo "output order differs from input order"; exit 1; }

# Uneven documents: a long one now and then keeps one worker busy while the others go on to the
# next batch. Output is still in input order, and the same as one worker's.
long=$(head -c 300000 /dev/zero | tr '\0' 'x')
for i in $(seq 1 600); do
  if [ $((i % 97)) -eq 0 ]; then text="long $i\\n$long"; else text="Title $i\\n\\nA short paragraph, number $i, of a page."; fi
  printf '{"id":"u%d","text":"%s"}\n' "$i" "$text"
done > "$tmp/uneven.jsonl"
"$pith" clean -q -j1 --jsonl "$tmp/uneven.jsonl" > "$tmp/one.jsonl"
"$pith" clean -q -j3 --jsonl "$tmp/uneven.jsonl" > "$tmp/three.jsonl"
cmp -s "$tmp/one.jsonl" "$tmp/three.jsonl" || { echo "clean -j3 differs from -j1 on uneven documents"; exit 1; }
[ "$(wc -l < "$tmp/three.jsonl")" -eq 600 ] || { echo "expected 600 records from clean"; exit 1; }

# --on-error stop with batches in flight: the records before the bad one are written, in order,
# none after it, and the run says it stopped.
{ head -n 1499 "$tmp/in.jsonl"; echo '{"id": broken'; tail -n +1500 "$tmp/in.jsonl"; } > "$tmp/bad.jsonl"
status=0
"$pith" normalize -j3 --on-error stop "$tmp/bad.jsonl" > "$tmp/stopped.jsonl" 2> "$tmp/stopped.err" || status=$?
[ "$status" -eq 1 ] || { echo "--on-error stop: expected exit 1, got $status"; exit 1; }
sed -n 's/^{"id":"\(d[0-9]*\)".*/\1/p' "$tmp/stopped.jsonl" > "$tmp/stopped.ids"
seq 1 1499 | sed 's/^/d/' | cmp - "$tmp/stopped.ids" || { echo "--on-error stop: wrong records written"; exit 1; }
grep -q "stopped at the first error" "$tmp/stopped.err" || { echo "--on-error stop: no word of the stop"; cat "$tmp/stopped.err"; exit 1; }
