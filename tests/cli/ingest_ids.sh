# Ids are file stems; files that share a stem are told apart by their path below the directory
# argument. Directories are read sorted, hidden entries skipped, so runs are repeatable.
set -u
pith=$1 data=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/dumps/news" "$tmp/dumps/blog" "$tmp/dumps/.cache"
echo one > "$tmp/dumps/news/a.txt"
echo two > "$tmp/dumps/blog/a.txt"
echo three > "$tmp/dumps/c.txt"
echo hidden > "$tmp/dumps/.cache/d.txt"
"$pith" ingest -q "$tmp/dumps" > "$tmp/out.jsonl" || { echo "ingest failed"; exit 1; }
ids=$(grep -o '"id":"[^"]*"' "$tmp/out.jsonl" | tr '\n' ' ')
[ "$ids" = '"id":"blog/a" "id":"c" "id":"news/a" ' ] || { echo "ids: $ids"; exit 1; }
"$pith" ingest -q "$tmp/dumps/" | cmp -s - "$tmp/out.jsonl" || { echo "a trailing slash changed the output"; exit 1; }
