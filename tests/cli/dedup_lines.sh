# pith dedup on 30 documents that share one line removes that line from all of them, counts it
# in signals.repeated_lines_removed, and changes nothing else.
set -eu
pith=$1 data=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$pith" ingest -q "$data"/seeds/*.txt > "$tmp/seeds.jsonl"
python3 - "$tmp" <<'PY'
import json, sys
tmp = sys.argv[1]
lines = []
for l in open(f"{tmp}/seeds.jsonl", encoding="utf-8"):
    for line in json.loads(l)["text"].split("\n"):
        line = line.strip()
        if len(line) > 40 and line not in lines:
            lines.append(line)
assert len(lines) >= 60, len(lines)
shared = "Subscribe to our newsletter for the latest headlines every morning"
with open(f"{tmp}/in.jsonl", "w", encoding="utf-8") as f, open(f"{tmp}/want.jsonl", "w", encoding="utf-8") as w:
    for i in range(30):
        a, b = lines[2 * i], lines[2 * i + 1]
        f.write(json.dumps({"id": f"d{i}", "text": f"{a}\n{shared}\n\n{b}\n"}, ensure_ascii=False) + "\n")
        w.write(json.dumps({"id": f"d{i}", "text": f"{a}\n\n{b}\n"}, ensure_ascii=False) + "\n")
PY
"$pith" dedup -q -i "$tmp/in.jsonl" > "$tmp/out.jsonl"
python3 - "$tmp" <<'PY'
import json, sys
tmp = sys.argv[1]
got = [json.loads(l) for l in open(f"{tmp}/out.jsonl", encoding="utf-8")]
want = [json.loads(l) for l in open(f"{tmp}/want.jsonl", encoding="utf-8")]
assert len(got) == 30, f"{len(got)} documents written, want 30"
for g, w in zip(got, want):
    assert g["id"] == w["id"], (g["id"], w["id"])
    assert g["text"] == w["text"], f"{g['id']}: {g['text']!r} != {w['text']!r}"
    assert g["signals"]["repeated_lines_removed"] == 1, g["signals"]
PY
