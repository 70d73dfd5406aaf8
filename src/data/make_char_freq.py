#!/usr/bin/env python3
"""Writes char_freq.txt, the character-frequency model of mojibake repair.

Source: the word list of the jieba segmenter (dict.txt, MIT licence; Debian package python3-jieba),
about 350,000 simplified words with corpus counts. A character's count is the sum of the counts of
the words it occurs in. The traditional forms come from the same words converted with OpenCC's
phrase-aware s2t, s2tw and s2hk (so both 爲 and 為 are counted), so a traditional character gets the
count of its own words rather than a guess from a one-to-many character table. Each character has
two counts, one per script, so the model can score a document in its own script.

Usage: python3 make_char_freq.py /usr/lib/python3/dist-packages/jieba/dict.txt > char_freq.txt
"""
import collections
import subprocess
import sys


def count_chars(words, counts):
    freq = collections.Counter()
    for word, count in zip(words, counts):
        for ch in word:
            if ord(ch) >= 0x3400:
                freq[ch] += count
    return freq


def main():
    words, counts = [], []
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2:
                words.append(parts[0])
                counts.append(int(parts[1]))
    simp = count_chars(words, counts)
    trad = collections.Counter()
    for config in ("s2t", "s2tw", "s2hk"):
        converted = subprocess.run(["opencc", "-c", config], input="\n".join(words),
                                   capture_output=True, text=True, check=True).stdout.split("\n")
        if len(converted) != len(words):
            sys.exit(f"opencc -c {config} changed the number of lines")
        for ch, count in count_chars(converted, counts).items():
            trad[ch] = max(trad[ch], count)
    chars = [ch for ch in set(simp) | set(trad) if max(simp[ch], trad[ch]) >= 20]
    chars.sort(key=lambda ch: (-max(simp[ch], trad[ch]), ch))
    print("# char simplified-count traditional-count; made by make_char_freq.py from the jieba "
          "word list (MIT)")
    for ch in chars:
        print(f"{ch} {simp[ch]} {trad[ch]}")


if __name__ == "__main__":
    main()
