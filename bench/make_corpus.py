#!/usr/bin/env python3
"""Builds the benchmark corpus from the repository's own text dumps.

The sources are the page dumps of the repository: every .txt under testdata/seeds/ and
testdata/pages/, and the English dumps in bench/english/. Other testdata holds fixtures made to
be odd (bad input, one file per encoding, mojibake cases); a corpus built from them would
measure those corner cases, not a crawl. From them a seeded generator makes documents of varied
shapes: whole dumps, windows of lines, composites (one page's header, paragraphs from several
pages of the same language, another page's footer), short notes, long reads, Chinese pages with
English chrome and the reverse, and the usual scraper noise (U+3000 and NBSP indentation,
zero-width characters, HTML residue, CRLF line ends). The same sources and seed give the same
bytes, so numbers from two runs are comparable; the sha256 printed at the end says whether they
were.

Writes into OUT_DIR (default bench/data/):
  corpus.jsonl     records {"id", "text"} (a quarter also carry "url" and "lang", fields pith
                   does not know and must pass through), at least --mb MB (default 200)
  corpus-60.jsonl  the first records of corpus.jsonl, at least 60 MB
  docs/            the first records of corpus.jsonl, at least 20 MB, as one .txt file each;
                   a tenth of the Chinese ones in GB18030 or Big5, as scrapers save them
  corpus-1g.jsonl  only with --big: the same stream continued to at least 1 GB (1e9 bytes)

MB here is 10^6 bytes, as in the MB/s that run.sh prints. Only the standard library is used.
"""

import argparse
import hashlib
import json
import os
import random
import shutil
import sys

SEED = 6
MB = 1000 * 1000
SLICE_MB = 60
DOCS_MB = 20

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def is_cjk(ch):
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def read_text(path):
    """Returns the file as str, trying the encodings dumps come in, or None."""
    with open(path, "rb") as f:
        data = f.read()
    for encoding in ("utf-8", "gb18030", "big5"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:
            return None
        return text.replace("\r\n", "\n")
    return None


def load_sources():
    """Returns {"zh": [lines...], "en": [...]}: each source as its list of lines."""
    paths = []
    for dumps in ("seeds", "pages"):
        for dirpath, dirnames, filenames in os.walk(os.path.join(ROOT, "testdata", dumps)):
            dirnames.sort()
            paths += [os.path.join(dirpath, f) for f in sorted(filenames) if f.endswith(".txt")]
    english = os.path.join(HERE, "english")
    paths += [os.path.join(english, f) for f in sorted(os.listdir(english)) if f.endswith(".txt")]
    sources = {"zh": [], "en": []}
    for path in paths:
        text = read_text(path)
        if not text or not text.strip():
            continue
        letters = [c for c in text if c.isalpha()]
        cjk = sum(1 for c in letters if is_cjk(c))
        lang = "zh" if letters and cjk / len(letters) > 0.3 else "en"
        sources[lang].append(text.rstrip("\n").split("\n"))
    return sources, len(paths)


class Generator:
    """Yields document texts of varied shapes from the sources, deterministically."""

    def __init__(self, sources, seed):
        self.rng = random.Random(seed)
        self.sources = sources
        # Paragraph-like lines (long enough to be body text) per language, for composites.
        self.paragraphs = {
            lang: [l for doc in docs for l in doc if len(l.strip()) >= (40 if lang == "zh" else 120)]
            for lang, docs in sources.items()
        }
        self.langs = [lang for lang in ("zh", "en") if sources[lang]]

    def pick_lang(self):
        if len(self.langs) == 1:
            return self.langs[0]
        return "zh" if self.rng.random() < 0.6 else "en"

    def head(self, doc):
        return doc[: self.rng.randint(1, max(1, len(doc) // 5))]

    def tail(self, doc):
        return doc[len(doc) - self.rng.randint(1, max(1, len(doc) // 4)):]

    def body(self, lang, target_bytes):
        rng, pool = self.rng, self.paragraphs[lang] or [l for d in self.sources[lang] for l in d]
        out, size = [], 0
        while size < target_bytes:
            line = rng.choice(pool)
            out.append(line)
            size += len(line.encode("utf-8")) + 1
            if rng.random() < 0.5:
                out.append("")
        return out

    def composite(self, lang, target_bytes):
        rng, docs = self.rng, self.sources[lang]
        return self.head(rng.choice(docs)) + [""] + self.body(lang, target_bytes) + [""] + self.tail(rng.choice(docs))

    def document(self):
        rng = self.rng
        lang = self.pick_lang()
        docs = self.sources[lang]
        shape = rng.random()
        if shape < 0.15:  # a dump as it was saved
            lines = list(rng.choice(docs))
        elif shape < 0.35:  # a window of one dump
            doc = rng.choice(docs)
            start = rng.randrange(len(doc))
            lines = doc[start: start + rng.randint(1, len(doc))]
        elif shape < 0.65:  # header, paragraphs from several pages, footer: about 1-20 KB
            lines = self.composite(lang, int(rng.lognormvariate(8.3, 0.8)))
        elif shape < 0.80:  # a short note: a title and a paragraph or two
            lines = [rng.choice(rng.choice(docs))] + self.body(lang, rng.randint(1, 600))
        elif shape < 0.85:  # a long read: 30-300 KB
            lines = self.composite(lang, rng.randint(30_000, 300_000))
        else:  # chrome in the other language around this language's article
            other = "en" if lang == "zh" and self.sources["en"] else "zh" if self.sources["zh"] else lang
            lines = (self.head(rng.choice(self.sources[other])) + self.composite(lang, int(rng.lognormvariate(8.0, 0.7)))
                     + self.tail(rng.choice(self.sources[other])))
        return self.noise(lines)

    def noise(self, lines):
        rng = self.rng
        r = rng.random()
        if r < 0.10:  # full-width or NBSP indentation, as Chinese CMS pages have
            indent = rng.choice(["\u3000\u3000", "\u00a0\u00a0", "    "])
            lines = [indent + l if l else l for l in lines]
        elif r < 0.15:  # zero-width characters left by editors
            lines = [l.replace("，", "\u200b，", 1) if rng.random() < 0.3 else l for l in lines]
        elif r < 0.20:  # HTML residue
            lines = [rng.choice(["<p>", "<br/>", "&nbsp;", "<div class=\"x\">"]) + l if l and rng.random() < 0.3 else l
                     for l in lines]
        text = "\n".join(lines)
        if rng.random() < 0.05:
            text = text.replace("\n", "\r\n")
        return text


def records(sources):
    gen = Generator(sources, SEED)
    rng = random.Random(SEED + 1)
    n = 0
    while True:
        n += 1
        text = gen.document()
        if rng.random() < 0.25:
            rec = {"id": "b%08d" % n, "url": "https://site%d.example/a/%d.html" % (rng.randrange(500), n),
                   "text": text, "lang": "zh" if any(is_cjk(c) for c in text[:200]) else "en"}
        else:
            rec = {"id": "b%08d" % n, "text": text}
        yield rec


def write_doc_file(directory, rec, rng):
    """Writes one record as a text dump; some Chinese ones in a legacy encoding."""
    text = rec["text"]
    data = None
    if rng.random() < 0.1 and any(is_cjk(c) for c in text[:200]):
        try:
            data = text.encode(rng.choice(["gb18030", "big5"]))
        except UnicodeEncodeError:
            data = None
    if data is None:
        data = text.encode("utf-8")
    with open(os.path.join(directory, rec["id"] + ".txt"), "wb") as f:
        f.write(data)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=os.path.join(HERE, "data"), help="output directory (default bench/data)")
    parser.add_argument("--mb", type=int, default=200, help="size of corpus.jsonl in MB (default 200)")
    parser.add_argument("--big", action="store_true", help="also write corpus-1g.jsonl (1 GB) for the memory measure")
    parser.add_argument("--big-only", action="store_true", help="write only corpus-1g.jsonl")
    args = parser.parse_args()

    sources, files = load_sources()
    if not sources["zh"] and not sources["en"]:
        sys.exit("make_corpus: no .txt sources under testdata/seeds/, testdata/pages/ or bench/english/")
    os.makedirs(args.out, exist_ok=True)

    if not args.big_only:
        main_path = os.path.join(args.out, "corpus.jsonl")
        slice_path = os.path.join(args.out, "corpus-60.jsonl")
        docs_dir = os.path.join(args.out, "docs")
        shutil.rmtree(docs_dir, ignore_errors=True)
        os.makedirs(docs_dir)
        digest = hashlib.sha256()
        size = slice_size = docs_size = count = 0
        file_rng = random.Random(SEED + 2)
        with open(main_path + ".tmp", "wb") as main_f, open(slice_path + ".tmp", "wb") as slice_f:
            for rec in records(sources):
                line = (json.dumps(rec, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
                main_f.write(line)
                digest.update(line)
                size += len(line)
                count += 1
                if slice_size < SLICE_MB * MB:
                    slice_f.write(line)
                    slice_size += len(line)
                if docs_size < DOCS_MB * MB:
                    write_doc_file(docs_dir, rec, file_rng)
                    docs_size += len(rec["text"].encode("utf-8"))
                if size >= args.mb * MB:
                    break
        os.replace(main_path + ".tmp", main_path)
        os.replace(slice_path + ".tmp", slice_path)
        print("make_corpus: %d sources (%d zh, %d en) -> %s: %d records, %.1f MB, sha256 %s"
              % (files, len(sources["zh"]), len(sources["en"]), main_path, count, size / MB, digest.hexdigest()[:16]))
        print("make_corpus: %s %.1f MB; %s %d files" % (slice_path, slice_size / MB, docs_dir, len(os.listdir(docs_dir))))

    if args.big or args.big_only:
        big_path = os.path.join(args.out, "corpus-1g.jsonl")
        size = 0
        with open(big_path + ".tmp", "wb") as f:
            for rec in records(sources):
                line = (json.dumps(rec, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
                f.write(line)
                size += len(line)
                if size >= 1000 * MB:
                    break
        os.replace(big_path + ".tmp", big_path)
        print("make_corpus: %s %.1f MB" % (big_path, size / MB))


if __name__ == "__main__":
    main()
