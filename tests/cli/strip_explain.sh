# pith strip --explain labels every non-blank line with its number, label and rule; --keep keeps
# more labels in the text; the output feeds the next stage. A dump that lynx wrapped comes out
# with each broken paragraph on one line.
set -eu
pith=$1 data=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for page in zh_news zh_news_lynx; do
  "$pith" ingest -q "$data/pages/$page.txt" | "$pith" strip -q --explain > "$tmp/$page.jsonl"
  # Every non-blank line is labelled, by its line number, and nothing else is.
  python3 - "$data/pages/$page.txt" "$tmp/$page.jsonl" <<'PY' || exit 1
import json, sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
record = json.loads(open(sys.argv[2], encoding="utf-8").readline())
want = [n for n, line in enumerate(lines, 1) if line.strip()]
got = [x["n"] for x in record["lines"]]
if got != want:
    sys.exit(f"{sys.argv[1]}: labelled lines {got}, expected {want}")
PY
  # What strip keeps has no boilerplate left: stripping it again changes nothing.
  "$pith" strip -q < "$tmp/$page.jsonl" > "$tmp/again.jsonl"
  python3 - "$tmp/$page.jsonl" "$tmp/again.jsonl" <<'PY' || exit 1
import json, sys
once, twice = (json.loads(open(f, encoding="utf-8").readline())["text"] for f in sys.argv[1:])
if once != twice:
    sys.exit(f"{sys.argv[1]}: a second strip changed the text")
PY
done
python3 - "$tmp/zh_news.jsonl" "$tmp/zh_news_lynx.jsonl" <<'PY' || exit 1
import json, sys
record = json.loads(open(sys.argv[1], encoding="utf-8").readline())
labels = {x["n"]: (x["label"], x["rule"]) for x in record["lines"]}
if labels[6] != ("title", "title.headline"):
    sys.exit(f"line 6 is {labels[6]}, not the title")
if labels[27] != ("chrome", "chrome.related-header"):
    sys.exit(f"line 27 is {labels[27]}, not a related-list header")
if [m["n"] for m in record["meta_lines"]] != [6, 8, 23]:
    sys.exit(f"meta_lines {record['meta_lines']}")
if "猜你喜欢" in record["text"] or "本报讯" not in record["text"]:
    sys.exit("the text is not the article")
# "…800" over "台以上…": one paragraph, one line, nothing between the pieces; the notice's
# second line goes with its first.
wrapped = json.loads(open(sys.argv[2], encoding="utf-8").readline())["text"]
lead = next((p for p in wrapped.split("\n") if "加装电梯800台以上" in p), None)
if lead is None or not lead.lstrip(" \u3000").startswith("本报讯 记者从"):
    sys.exit(f"the wrapped lead is not whole: {wrapped[:200]!r}")
if "版权声明" in wrapped or "应在授权范围内使用" in wrapped:
    sys.exit("the wrapped notice's second line stayed")
PY
# pith clean writes the wrapped lead on one line for people too.
"$pith" clean -q --format text "$data/pages/zh_news_lynx.txt" > "$tmp/clean.txt"
grep -q '^本报讯 记者从.*加装电梯800台以上.*问题。$' "$tmp/clean.txt" ||
  { echo "pith clean did not write the wrapped lead on one line"; exit 1; }
# --keep body title: the title line leads the text.
"$pith" ingest -q "$data/pages/zh_news.txt" | "$pith" strip -q --keep body title > "$tmp/keep.jsonl"
grep -q '"text":"城东新建社区图书馆正式开放 首周接待读者逾万人次\\n\\n本报讯' "$tmp/keep.jsonl" ||
  { echo "--keep body title did not keep the title"; exit 1; }
# An unknown label is a usage error.
if "$pith" strip -q --keep bodies < /dev/null 2> "$tmp/err"; then echo "--keep bodies accepted"; exit 1; fi
exit 0
