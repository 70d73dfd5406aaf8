# pith check's machine reports and config file: --report json and github name the document, the
# threshold and the place; a config file sets thresholds, flags override it, and an unknown key
# is a usage error that names the key.
set -eu
pith=$1 data=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
printf '%s\n' \
  '{"id":"long","text":"This line is long enough to pass every default threshold of pith check.\nAnd so is this second line, which ends the way sentences do.\nA third line keeps the document comfortably above two hundred characters in all."}' \
  '{"id":"short","text":"Too short to keep."}' > "$tmp/in.jsonl"

set +e
"$pith" check -q --report json --report-file "$tmp/report.jsonl" -i "$tmp/in.jsonl" > "$tmp/out.jsonl"
status=$?
set -e
[ "$status" -eq 1 ] || { echo "json: exit $status, want 1"; exit 1; }
[ "$(wc -l < "$tmp/out.jsonl")" -eq 2 ] || { echo "records were not passed through"; exit 1; }
python3 - "$tmp/report.jsonl" "$tmp/in.jsonl" <<'PY'
import json, sys
report = [json.loads(l) for l in open(sys.argv[1])]
assert [r["id"] for r in report] == ["short"], report
r = report[0]
assert r["where"] == sys.argv[2] + ":2", r["where"]
assert {"threshold": "min-chars", "signal": "chars", "value": 18, "limit": 200} in r["failures"], r
PY

"$pith" check -q --report github -i "$tmp/in.jsonl" > /dev/null 2> "$tmp/gh" || true
grep -q "^::error file=$tmp/in.jsonl,line=2,title=pith check min-chars::short: chars 18 < 200$" "$tmp/gh" ||
  { echo "no github annotation"; cat "$tmp/gh"; exit 1; }

# Config: both fail at min-chars 1000; the flag lowers it again.
echo '{"min-chars": 1000, "max-spam-score": null}' > "$tmp/strict.json"
if "$pith" check -q --config "$tmp/strict.json" -i "$tmp/in.jsonl" > /dev/null 2> "$tmp/err"; then
  echo "config threshold not applied"; exit 1
fi
grep -q "long .*min-chars" "$tmp/err" || { echo "long not reported under the config"; cat "$tmp/err"; exit 1; }
"$pith" check -q --config "$tmp/strict.json" --min-chars 10 -i "$tmp/in.jsonl" > /dev/null ||
  { echo "flag did not override the config"; exit 1; }

echo '{"min-char": 10}' > "$tmp/typo.json"
set +e
"$pith" check -q --config "$tmp/typo.json" -i "$tmp/in.jsonl" > /dev/null 2> "$tmp/err"
status=$?
set -e
[ "$status" -eq 2 ] || { echo "unknown key: exit $status, want 2"; exit 1; }
grep -q 'typo.json: unknown key "min-char"' "$tmp/err" || { cat "$tmp/err"; exit 1; }
