# Every file in testdata/bad/, and a missing file: the exit status, the message naming the file
# (and line), and what still comes out.
set -u
pith=$1 bad=$2/bad
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
echo "a good file" > "$tmp/a.txt"
fail() { echo "$*"; echo "--- stderr:"; cat "$tmp/err"; echo "--- stdout:"; cat "$tmp/out"; exit 1; }
# expect STATUS MESSAGE OUTPUT ARGS...: `pith ingest ARGS` exits with STATUS and prints MESSAGE on
# stderr and OUTPUT on stdout (fixed strings; OUTPUT "" means nothing at all).
expect() {
  local status=$1 message=$2 output=$3
  shift 3
  "$pith" ingest "$@" > "$tmp/out" 2> "$tmp/err"
  local rc=$?
  [ "$rc" -eq "$status" ] || fail "ingest $*: exit $rc, expected $status"
  grep -qF -- "$message" "$tmp/err" || fail "ingest $*: no message \"$message\""
  if [ -z "$output" ]; then
    [ ! -s "$tmp/out" ] || fail "ingest $*: output where none was expected"
  else
    grep -qF -- "$output" "$tmp/out" || fail "ingest $*: no \"$output\" in the output"
  fi
}

# Repaired in place (U+FFFD), flagged and counted; a warning, not an error.
expect 0 "$bad/invalid_utf8.txt: invalid UTF-8 at byte 12 (2 sequences replaced)" \
  '"text":"北京市政�府' "$bad/invalid_utf8.txt"
grep -qF '"flags":["invalid-utf8"],"signals":{"invalid_utf8":2}' "$tmp/out" || fail "no flag and count"
# Nothing is lost: a record with empty text.
expect 0 "$bad/empty.txt: empty file" '"id":"empty","source":"'"$bad"'/empty.txt","text":""}' \
  "$bad/empty.txt"
# Skipped and counted, exit 1; the other input still comes out.
expect 1 "$bad/binary.png: binary file, skipped" '"id":"a"' "$bad/binary.png" "$tmp/a.txt"
grep -qF 'read 2, written 1, dropped 1' "$tmp/err" || fail "the binary file is not counted"
expect 1 "$bad/truncated.txt.gz: corrupt gzip data: unexpected end of file" "" \
  "$bad/truncated.txt.gz"
# A malformed line between good ones, from a file and from stdin: named by line; the good records
# come out.
for input in "$bad/malformed.jsonl" -; do
  name=$([ "$input" = - ] && echo stdin || echo "$input")
  expect 1 "error: $name:3: not JSON" '"id":"r4"' --jsonl "$input" < "$bad/malformed.jsonl"
  [ "$(grep -o '"id":"r[0-9]"' "$tmp/out" | tr '\n' ' ')" = '"id":"r1" "id":"r2" "id":"r4" ' ] ||
    fail "the good records did not all come out"
done
# A missing file: exit 3, after the other files are done.
expect 3 "$tmp/missing.txt: cannot open: No such file or directory" '"id":"a"' \
  "$tmp/missing.txt" "$tmp/a.txt"
