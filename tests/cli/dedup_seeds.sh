# pith dedup on the seeds plus an exact copy of one and a copy of another with 30 characters
# changed keeps exactly the five seeds, in input order, and --mark points each copy to its seed.
set -eu
pith=$1 data=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$pith" ingest -q "$data"/seeds/*.txt > "$tmp/seeds.jsonl"
python3 - "$tmp" <<'PY'
import json, sys
tmp = sys.argv[1]
recs = [json.loads(l) for l in open(f"{tmp}/seeds.jsonl", encoding="utf-8")]
exact = dict(recs[3], id="exact_copy")
near = dict(recs[0], id="near_copy")
text = list(near["text"])
visible = [i for i, c in enumerate(text) if not c.isspace()]
for i in visible[50::90][:30]:  # 30 characters spread over the whole text
    text[i] = "X"
assert sum(a != b for a, b in zip(text, recs[0]["text"])) == 30
near["text"] = "".join(text)
with open(f"{tmp}/in.jsonl", "w", encoding="utf-8") as f:
    for r in recs + [exact, near]:
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
PY
"$pith" dedup -i "$tmp/in.jsonl" > "$tmp/out.jsonl" 2> "$tmp/err"
got=$(python3 -c 'import json,sys; print(" ".join(json.loads(l)["id"] for l in open(sys.argv[1])))' "$tmp/out.jsonl")
want=$(cd "$data/seeds" && ls *.txt | sed 's/\.txt$//' | tr '\n' ' ' | sed 's/ $//')
[ "$got" = "$want" ] || { echo "kept: $got"; echo "want: $want"; exit 1; }
grep -q "read 7, written 5, dropped 2 (duplicate 1, near-duplicate 1)" "$tmp/err" || { cat "$tmp/err"; exit 1; }

"$pith" dedup -q --mark -i "$tmp/in.jsonl" > "$tmp/marked.jsonl"
python3 - "$tmp/marked.jsonl" <<'PY'
import json, sys
recs = {r["id"]: r for r in map(json.loads, open(sys.argv[1], encoding="utf-8"))}
assert len(recs) == 7, len(recs)
assert recs["exact_copy"]["duplicate_of"] == "003_e7dda7ece2839c9e", recs["exact_copy"].get("duplicate_of")
assert recs["near_copy"]["duplicate_of"] == "000_2918cbd2a350cf66", recs["near_copy"].get("duplicate_of")
assert sum("duplicate_of" in r for r in recs.values()) == 2
PY
