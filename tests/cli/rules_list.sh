# pith rules lists every rule with its id, label, languages and why; --json prints a rules file
# that loads again; --rules shows the set a rules file makes.
set -eu
pith=$1 data=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$pith" rules > "$tmp/list.txt"
for id in spam.vocabulary notice.reprint meta.source chrome.breadcrumb chrome.related-header \
          title.headline chrome.outside-body; do
  grep -q "^$id " "$tmp/list.txt" || { echo "pith rules does not list $id"; exit 1; }
done
grep -q '^chrome.breadcrumb  *chrome  *\* ' "$tmp/list.txt" || { echo "no label or languages"; exit 1; }
"$pith" rules --json > "$tmp/all.json"
"$pith" rules --rules "$tmp/all.json" > "$tmp/again.txt"
cmp -s "$tmp/list.txt" "$tmp/again.txt" || { echo "pith rules --json does not load back the same"; exit 1; }
"$pith" rules --rules "$data/rules/extends.json" > "$tmp/extended.txt"
grep -q '^chrome.house-ad ' "$tmp/extended.txt" || { echo "the added rule is not listed"; exit 1; }
grep -q '^chrome.login ' "$tmp/extended.txt" && { echo "the disabled rule is listed"; exit 1; }
exit 0
