# Limits: a rules file of 10,000 patterns loads and runs; a 30 MB line goes through the whole
# pipeline in linear time (a quadratic step would take hours, the timeouts allow for a sanitizer
# build); --max-doc-bytes drops a larger document with a message and counts it.
set -eu
pith=$1 data=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
{
  printf '{"extends": "default", "rules": ['
  for i in $(seq 1 10000); do
    [ "$i" -gt 1 ] && printf ','
    printf '{"id": "menu-%d", "label": "chrome", "why": "a menu item", "patterns": ["^menu item %d (alpha|beta)$"]}' "$i" "$i"
  done
  printf ']}\n'
} > "$tmp/rules.json"
printf 'A title\n\nmenu item 9999 beta\n\nThe article says one thing, and then it says another thing at length.\n' > "$tmp/page.txt"
timeout 60 "$pith" clean -q --explain --rules "$tmp/rules.json" "$tmp/page.txt" > "$tmp/out.jsonl" \
  || { echo "10,000 rules: failed or too slow"; exit 1; }
grep -q '"n":3,"label":"chrome","rule":"menu-9999"' "$tmp/out.jsonl" || { echo "rule menu-9999 did not decide line 3"; cat "$tmp/out.jsonl"; exit 1; }

python3 -c "import sys; sys.stdout.write('这是一个很长的句子，没有换行。' * 700000)" > "$tmp/line.txt"
timeout 300 "$pith" clean -q "$tmp/line.txt" > "$tmp/line.jsonl" || { echo "30 MB line: failed or too slow"; exit 1; }
[ "$(wc -l < "$tmp/line.jsonl")" -eq 1 ] || { echo "30 MB line: expected one record"; exit 1; }

set +e
"$pith" clean --max-doc-bytes 1M "$tmp/line.txt" "$tmp/page.txt" > "$tmp/two.jsonl" 2> "$tmp/err"
rc=$?
set -e
[ "$rc" -eq 1 ] || { echo "--max-doc-bytes: exit $rc, expected 1"; cat "$tmp/err"; exit 1; }
grep -q "line.txt" "$tmp/err" || { echo "--max-doc-bytes: no message names the file"; cat "$tmp/err"; exit 1; }
[ "$(wc -l < "$tmp/two.jsonl")" -eq 1 ] || { echo "--max-doc-bytes: the other document is missing"; exit 1; }
grep -q "read 2, written 1, dropped 1" "$tmp/err" || { echo "--max-doc-bytes: not counted"; cat "$tmp/err"; exit 1; }
