#!/usr/bin/python3
"""Reads an Atelier CoNLL export with nltk's ConllCorpusReader, as a CoNLL-2003 user would.

check_conll.py compare ORIGINAL EXPORT
    ORIGINAL is a CoNLL-2003 file (4 columns, IOB1 or IOB2 tags); EXPORT must read back with
    the same sentences, tokens, POS, chunk and -DOCSTART- documents, and the NE tags of the
    original in IOB2.
check_conll.py expect EXPORT EXPECTED_JSON
    EXPORT is a 2-column file (token, tag); EXPECTED_JSON lists its sentences as
    [[token, tag], ...] ([] for a -DOCSTART- line).
Both also check the plain layout: every non-blank line is fields separated by one space.
Exit 0 when it all holds; otherwise the differences on stderr and exit 1.
"""
import json
import os
import sys

from nltk.corpus.reader import ConllCorpusReader


def reader(path, columns):
    return ConllCorpusReader(os.path.dirname(os.path.abspath(path)),
                             [os.path.basename(path)], columns)


def iob2(tags):
    """IOB1 → IOB2: an I-X that does not continue an X entity starts one (B-X)."""
    out = []
    previous = "O"
    for tag in tags:
        if tag.startswith("I-") and previous[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        out.append(tag)
        previous = tag
    return out


def plain_layout(path, fields):
    errors = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line:
                continue
            parts = line.split(" ")
            if len(parts) != fields or any(not p for p in parts) or "\t" in line:
                errors.append("line %d is not %d fields separated by one space: %r"
                              % (number, fields, line))
    return errors


def compare(original, export):
    errors = plain_layout(export, 4)
    a = reader(original, ("words", "pos", "chunk", "ne"))
    b = reader(export, ("words", "pos", "chunk", "ne"))
    a_ne = reader(original, ("words", "pos", "ignore", "chunk"))
    b_ne = reader(export, ("words", "pos", "ignore", "chunk"))
    sa, sb = list(a.iob_sents()), list(b.iob_sents())
    if len(sa) != len(sb):
        errors.append("%d sentences (with -DOCSTART- blocks) read from the original, %d from "
                      "the export" % (len(sa), len(sb)))
    docs_a = [i for i, s in enumerate(sa) if not s]
    docs_b = [i for i, s in enumerate(sb) if not s]
    if docs_a != docs_b:
        errors.append("-DOCSTART- blocks at %s in the original, at %s in the export"
                      % (docs_a, docs_b))
    for i, (x, y) in enumerate(zip(sa, sb)):
        if x != y:
            errors.append("sentence %d: words/POS/chunk %s != %s" % (i, x, y))
    for i, (x, y) in enumerate(zip(a_ne.iob_sents(), b_ne.iob_sents())):
        want = iob2([t for _, _, t in x])
        got = [t for _, _, t in y]
        if want != got:
            errors.append("sentence %d: NE tags %s, expected (IOB2) %s" % (i, got, want))
    print("%d sentences, %d documents, %d tokens" % (len(sb), len(docs_b), len(b.words())))
    return errors


def expect(export, expected_json):
    errors = plain_layout(export, 2)
    with open(expected_json, encoding="utf-8") as f:
        want = json.load(f)
    got = [[list(pair) for pair in s] for s in reader(export, ("words", "pos")).tagged_sents()]
    if got != want:
        errors.append("read %s\nexpected %s" % (json.dumps(got, ensure_ascii=False),
                                                json.dumps(want, ensure_ascii=False)))
    print("%d sentences" % len(got))
    return errors


if __name__ == "__main__":
    problems = compare(*sys.argv[2:4]) if sys.argv[1] == "compare" else expect(*sys.argv[2:4])
    for p in problems:
        print(p, file=sys.stderr)
    sys.exit(1 if problems else 0)
