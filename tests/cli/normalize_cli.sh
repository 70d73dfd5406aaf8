# pith normalize on the seeds: line counts kept per document, only seed 002 flagged mojibake,
# running it twice changes nothing, the golden case is reproduced by the binary, --to converts,
# and a bad --to is a usage error (exit 2).
set -eu
pith=$1 data=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "$*"; exit 1; }

"$pith" ingest -q "$data"/seeds/*.txt > "$tmp/in.jsonl"
"$pith" normalize -q -j2 -i "$tmp/in.jsonl" > "$tmp/once.jsonl"
"$pith" normalize -q -i "$tmp/once.jsonl" > "$tmp/twice.jsonl"
cmp -s "$tmp/once.jsonl" "$tmp/twice.jsonl" || fail "normalize is not idempotent on the seeds"

# Newlines per record, before and after: JSON escapes them as \n inside "text".
count_lines() { python3 -c 'import json,sys
for l in open(sys.argv[1]): d=json.loads(l); print(d["id"], d["text"].count("\n"))' "$1"; }
[ "$(count_lines "$tmp/in.jsonl")" = "$(count_lines "$tmp/once.jsonl")" ] ||
  fail "normalize changed a document's line count"

flagged=$(grep -c '"flags":\["mojibake"\]' "$tmp/once.jsonl" || true)
[ "$flagged" -eq 1 ] || fail "expected exactly one document flagged mojibake, got $flagged"
grep '"flags":\["mojibake"\]' "$tmp/once.jsonl" | grep -q '"id":"002_' || fail "seed 002 not flagged"

golden=$data/golden/normalize_seed002
"$pith" normalize -q -i "$golden/input.jsonl" > "$tmp/golden.jsonl"
cmp -s "$tmp/golden.jsonl" "$golden/expected.jsonl" || fail "binary differs from $golden/expected.jsonl"

echo '{"id":"s","text":"简体中文"}' | "$pith" normalize -q --to hant | grep -q '簡體中文' ||
  fail "--to hant did not convert"

set +e
echo '{"id":"s","text":"x"}' | "$pith" normalize -q --to latin > /dev/null 2>&1
status=$?
set -e
[ "$status" -eq 2 ] || fail "--to latin: expected exit 2, got $status"
