# gzip input is read transparently: a .txt.gz file (id without both extensions), .jsonl.gz with
# --jsonl, and gzip on stdin.
set -u
pith=$1 data=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
gzip -c "$data/encodings/zh-hant.big5.txt" > "$tmp/news.txt.gz"
"$pith" ingest -q "$tmp/news.txt.gz" > "$tmp/a.jsonl" || { echo "ingest of .txt.gz failed"; exit 1; }
grep -qF '"id":"news",' "$tmp/a.jsonl" || { echo "id is not the stem without .txt.gz:"; cat "$tmp/a.jsonl"; exit 1; }
grep -qF '臺北市政府' "$tmp/a.jsonl" || { echo "not decompressed and decoded:"; cat "$tmp/a.jsonl"; exit 1; }
gzip -c "$tmp/a.jsonl" > "$tmp/a.jsonl.gz"
"$pith" ingest -q --jsonl "$tmp/a.jsonl.gz" > "$tmp/b.jsonl" || { echo "ingest --jsonl of .jsonl.gz failed"; exit 1; }
cmp -s "$tmp/a.jsonl" "$tmp/b.jsonl" || { echo ".jsonl.gz did not reproduce its records"; diff "$tmp/a.jsonl" "$tmp/b.jsonl"; exit 1; }
"$pith" ingest -q - < "$tmp/news.txt.gz" > "$tmp/c.jsonl" || { echo "ingest of gzip on stdin failed"; exit 1; }
grep -qF '"id":"stdin",' "$tmp/c.jsonl" && grep -qF '臺北市政府' "$tmp/c.jsonl" ||
  { echo "gzip on stdin not read:"; cat "$tmp/c.jsonl"; exit 1; }
