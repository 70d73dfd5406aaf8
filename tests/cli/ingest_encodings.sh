# Legacy encodings come out as correct UTF-8: each fixture in testdata/encodings/ (made with
# iconv) decodes to its UTF-8 original, e.g. zh-hans.gbk.txt to zh-hans.txt; gzip too.
set -u
pith=$1 data=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for f in "$data"/encodings/*.*.txt "$data"/encodings/*.gz; do
  name=$(basename "$f")
  original="$data/encodings/${name%%.*}.txt"
  # --format text prints a header line, the text, and a blank line.
  "$pith" ingest -q --format text "$f" | sed '1d;$d' > "$tmp/text" ||
    { echo "$name: pith failed"; exit 1; }
  cmp -s "$tmp/text" "$original" || { echo "$name does not decode to ${original##*/}:"; diff "$tmp/text" "$original"; exit 1; }
done
"$pith" ingest -q "$data/encodings/zh-hans.gbk.txt" | grep -qF '"signals":{"encoding":"GB18030"}' ||
  { echo "GBK file: signals.encoding is not GB18030"; exit 1; }
