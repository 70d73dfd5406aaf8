# pith check on pith clean of the seeds: the defaults and --min-chars 100 pass every seed and add
# the signals; a --min-chars above a document's length fails the run and names that document
# (and only the documents that short); --drop leaves them out and exits 0.
set -eu
pith=$1 data=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$pith" clean -q "$data"/seeds/*.txt > "$tmp/clean.jsonl"
"$pith" check -q < "$tmp/clean.jsonl" > /dev/null || { echo "the defaults fail a seed"; exit 1; }
"$pith" check -q --min-chars 100 < "$tmp/clean.jsonl" > "$tmp/checked.jsonl" ||
  { echo "--min-chars 100 failed"; exit 1; }
python3 - "$tmp/checked.jsonl" > "$tmp/chars" <<'PY'
import json, sys
keys = {"chars", "lines", "cjk_ratio", "mean_line_length", "sentence_end_ratio", "boilerplate_ratio",
        "mojibake_ratio", "dup_line_ratio", "spam_score", "invalid_utf8"}
recs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
assert len(recs) == 5, len(recs)
for r in recs:
    missing = keys - set(r.get("signals", {}))
    assert not missing, f"{r['id']}: no {missing}"
    print(r["id"], r["signals"]["chars"])
PY

# A threshold just above document 000's length fails exactly the documents shorter than it.
limit=$(( $(awk '$1 ~ /^000_/ {print $2}' "$tmp/chars") + 1 ))
set +e
"$pith" check --min-chars "$limit" < "$tmp/clean.jsonl" > /dev/null 2> "$tmp/err"
status=$?
set -e
[ "$status" -eq 1 ] || { echo "--min-chars $limit: exit $status, want 1"; exit 1; }
while read -r id chars; do
  if [ "$chars" -lt "$limit" ]; then
    grep -q "$id .*min-chars .*chars $chars < $limit" "$tmp/err" || { echo "$id not reported"; cat "$tmp/err"; exit 1; }
  elif grep -q "$id" "$tmp/err"; then
    echo "$id ($chars chars) reported below $limit"; cat "$tmp/err"; exit 1
  fi
done < "$tmp/chars"

# Once strip keeps the body alone, 000 is the shortest seed (about 1,370 characters):
# --min-chars 2000 fails the run and names it.
if "$pith" check --min-chars 2000 < "$tmp/clean.jsonl" > /dev/null 2> "$tmp/err"; then
  echo "--min-chars 2000 passed"; exit 1
fi
grep -q "000_2918cbd2a350cf66 .*min-chars" "$tmp/err" || { echo "000 not named"; cat "$tmp/err"; exit 1; }

# --drop: the failing documents are left out and counted, and the run succeeds.
"$pith" check --drop --min-chars "$limit" < "$tmp/clean.jsonl" > "$tmp/kept.jsonl" 2> "$tmp/err"
failing=$(awk -v l="$limit" '$2 < l' "$tmp/chars" | wc -l)
[ "$(wc -l < "$tmp/kept.jsonl")" -eq $((5 - failing)) ] || { echo "--drop kept $(wc -l < "$tmp/kept.jsonl")"; exit 1; }
grep -q "dropped $failing (check: min-chars $failing)" "$tmp/err" || { cat "$tmp/err"; exit 1; }
! grep -q "000_2918cbd2a350cf66" "$tmp/kept.jsonl" || { echo "--drop kept 000"; exit 1; }
