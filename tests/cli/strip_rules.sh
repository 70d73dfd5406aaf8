# pith strip --rules: a file that extends the defaults changes what strip does; a bad rules file
# stops the run with exit status 2 and a message naming the rule.
set -eu
pith=$1 data=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$pith" ingest -q "$data/pages/en_news.txt" > "$tmp/in.jsonl"
"$pith" strip -q --explain < "$tmp/in.jsonl" > "$tmp/default.jsonl"
"$pith" strip -q --explain --rules "$data/rules/extends.json" < "$tmp/in.jsonl" > "$tmp/extended.jsonl"
grep -q '"n":12,"label":"chrome","rule":"chrome.login"' "$tmp/default.jsonl" ||
  { echo "Sign in is not chrome.login by default"; exit 1; }
grep -q '"rule":"chrome.login"' "$tmp/extended.jsonl" &&
  { echo "chrome.login is still on with extends.json"; exit 1; }
for f in bad_regex:test.bad-regex duplicate_id:test.twice unknown_key:test.typo empty_pattern:test.empty; do
  file=${f%%:*} id=${f#*:}
  status=0
  "$pith" strip -q --rules "$data/rules/$file.json" < "$tmp/in.jsonl" > /dev/null 2> "$tmp/err" || status=$?
  [ "$status" -eq 2 ] || { echo "$file.json: exit status $status, expected 2"; exit 1; }
  grep -q "rule \"$id\"" "$tmp/err" || { echo "$file.json: message does not name $id:"; cat "$tmp/err"; exit 1; }
  grep -q "$file.json" "$tmp/err" || { echo "$file.json: message does not name the file"; exit 1; }
done
exit 0
