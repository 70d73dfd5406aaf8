# pith extract: on records that carry strip's meta_lines it reproduces the golden output; on the
# raw seed dumps (no labels) it reads the title and meta lines from the text; pith clean output
# carries metadata; --not-after rejects later dates; a malformed --not-after is a usage error.
set -eu
pith=$1 data=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "$*"; exit 1; }

golden="$data/golden/extract_seeds"
"$pith" extract -q -i "$golden/input.jsonl" > "$tmp/labelled.jsonl"
cmp "$tmp/labelled.jsonl" "$golden/expected.jsonl" || fail "pith extract differs from $golden/expected.jsonl"
grep -q '"meta_lines"' "$tmp/labelled.jsonl" && fail "meta_lines were not consumed"

"$pith" ingest -q "$data"/seeds/*.txt | "$pith" extract -q > "$tmp/raw.jsonl"
for want in '"title":"为什么个别地方还是出现层层加码?"' \
            '"date":"2024-01-29","time":"11:30"' \
            '"publisher":"半月談"' \
            '"date":"2023-01-20"' \
            '"tags":\["政府","職能","先進集體"\]' \
            '"title":"新华社:莫让基层“戴罪立功”成常态","publisher":"新华社"' \
            '"title":"聚焦基层减负 为奋斗者加油"'; do
  grep -q "$want" "$tmp/raw.jsonl" || fail "unlabelled seeds: no $want"
done
# The raw text stays as it was.
"$pith" ingest -q "$data"/seeds/*.txt > "$tmp/ingested.jsonl"
python3 - "$tmp/ingested.jsonl" "$tmp/raw.jsonl" <<'EOF' || fail "extract changed the text of unlabelled records"
import json, sys
a = [json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8")]
b = [json.loads(l)["text"] for l in open(sys.argv[2], encoding="utf-8")]
sys.exit(a != b)
EOF

# pith clean carries the metadata of the pipeline's extract.
"$pith" clean -q "$data"/seeds/*.txt > "$tmp/clean.jsonl"
titled=$(grep -c '"metadata":{"title":"' "$tmp/clean.jsonl" || true)
[ "$titled" -ge 4 ] || fail "pith clean: only $titled of 5 seeds have a metadata title"

"$pith" extract -q --not-after 2023-12-31 -i "$golden/input.jsonl" > "$tmp/old.jsonl"
grep -q '"date":"2024-01-29"' "$tmp/old.jsonl" && fail "--not-after 2023-12-31 kept a 2024 date"
grep -q '"date":"2023-01-20"' "$tmp/old.jsonl" || fail "--not-after 2023-12-31 dropped a 2023 date"

status=0
"$pith" extract -q --not-after 2024-13-01 < /dev/null 2> "$tmp/err" || status=$?
[ "$status" -eq 2 ] || fail "a bad --not-after exited $status, not 2"
grep -q "2024-13-01" "$tmp/err" || fail "the message does not name the bad date: $(cat "$tmp/err")"
exit 0
