"""Suggests entity spans by dictionary and regular expressions (built-in template "text-dict-suggest").

Input: a folder with an entities dataset exported as JSONL ({"id", "text", "spans": [{start,
end, label}]}, offsets in code points, which are Python's str indices). Terms come from the
labeled spans of the dataset (--learn true), a dictionary file and patterns. Every match is
scored by how often that text was labeled with that label in the dataset (1.0 for dictionary
and pattern matches); matches are taken longest first and never overlap.
Output: OUTPUT/predictions.jsonl with {"id", "spans": [{start, end, label, score}]}.
"""

import argparse
import collections
import glob
import json
import os
import re
import sys

sys.dont_write_bytecode = True


def fail(message, code=1):
    print("error: " + message, file=sys.stderr)
    sys.exit(code)


def truthy(value):
    return str(value).lower() in ("1", "true", "yes")


def load_dictionary(path):
    terms = {}
    if not path:
        return terms
    try:
        with open(path, encoding="utf-8") as f:
            content = f.read()
    except OSError as e:
        fail("cannot read the dictionary %s: %s" % (path, e))
    if content.lstrip().startswith("{"):
        try:
            data = json.loads(content)
        except ValueError as e:
            fail("the dictionary %s is not JSON: %s" % (path, e))
        for label, words in data.items():
            for word in words:
                terms[word] = (label, 1.0)
    else:
        for number, line in enumerate(content.splitlines(), 1):
            if not line.strip():
                continue
            parts = line.split("\t")
            if len(parts) != 2:
                fail("%s:%d: write TERM<tab>LABEL" % (path, number))
            terms[parts[0]] = (parts[1].strip(), 1.0)
    return terms


def main():
    parser = argparse.ArgumentParser(description="Suggest entity spans by dictionary and patterns.")
    parser.add_argument("--input", required=True)
    parser.add_argument("--output", required=True)
    parser.add_argument("--dictionary", default="")
    parser.add_argument("--patterns", default="{}")
    parser.add_argument("--learn", default="true")
    parser.add_argument("--predict-all", default="false")
    args = parser.parse_args()
    try:
        patterns = {label: re.compile(expr) for label, expr in json.loads(args.patterns or "{}").items()}
    except (ValueError, re.error) as e:
        fail("bad --patterns: %s" % e, 2)

    files = sorted(glob.glob(os.path.join(args.input, "*.jsonl")))
    if not files:
        fail("no .jsonl file in %s; export the dataset with --format jsonl" % args.input)
    items = []
    counts = collections.defaultdict(collections.Counter)  # term -> label -> n
    for path in files:
        with open(path, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except ValueError as e:
                    fail("%s:%d: not JSON (%s)" % (os.path.basename(path), number, e))
                text = record.get("text", "")
                spans = record.get("spans") or []
                items.append((record.get("id"), text, bool(spans)))
                for s in spans:
                    term = text[s["start"]:s["end"]]
                    if term.strip():
                        counts[term][s["label"]] += 1

    terms = {}
    if truthy(args.learn):
        for term, labels in counts.items():
            label, n = labels.most_common(1)[0]
            terms[term] = (label, round(n / sum(labels.values()), 6))
    terms.update(load_dictionary(args.dictionary))
    if not terms and not patterns:
        fail("nothing to match: label some spans first, or give a dictionary or patterns")
    # One alternation, longest terms first, so that "New York City" wins over "New York".
    ordered = sorted(terms, key=lambda t: (-len(t), t))
    matcher = re.compile("|".join(re.escape(t) for t in ordered)) if ordered else None

    predict_all = truthy(args.predict_all)
    os.makedirs(args.output, exist_ok=True)
    written = 0
    with open(os.path.join(args.output, "predictions.jsonl"), "w", encoding="utf-8") as out:
        for item_id, text, labeled in items:
            if labeled and not predict_all:
                continue
            found = []
            if matcher:
                for m in matcher.finditer(text):
                    label, score = terms[m.group(0)]
                    found.append((m.start(), m.end(), label, score))
            for label, expr in patterns.items():
                for m in expr.finditer(text):
                    if m.end() > m.start():
                        found.append((m.start(), m.end(), label, 1.0))
            found.sort(key=lambda s: (-(s[1] - s[0]), s[0]))
            kept = []
            for s in found:
                if all(s[1] <= k[0] or s[0] >= k[1] for k in kept):
                    kept.append(s)
            kept.sort()
            spans = [{"start": s, "end": e, "label": l, "score": sc} for s, e, l, sc in kept]
            out.write(json.dumps({"id": item_id, "spans": spans}, ensure_ascii=False) + "\n")
            written += 1
    print("%d items matched against %d terms and %d patterns" % (written, len(terms), len(patterns)),
          file=sys.stderr)


if __name__ == "__main__":
    main()
