"""Suggests text labels with TF-IDF + logistic regression (built-in template "text-tfidf-suggest").

Input: a folder with a text dataset exported as JSONL ({"id", "text", "text_b"?, "label" |
"labels"}). Items with labels train the model; the others (or every item with --predict-all)
get a prediction line {"id", "label" | "labels", "score", "probabilities": {label: p}} in
OUTPUT/predictions.jsonl. A multi-label dataset (an item with several labels) is fitted one
class against the rest and predicts every label with p >= 0.5 (at least the most probable).
"""

import argparse
import glob
import json
import os
import sys

sys.dont_write_bytecode = True  # keep the template folder clean (it may be read-only)
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import atelier_log  # noqa: E402


def fail(message, code=1):
    print("error: " + message, file=sys.stderr)
    sys.exit(code)


def read_items(folder):
    files = sorted(glob.glob(os.path.join(folder, "*.jsonl")))
    if not files:
        fail("no .jsonl file in %s; export the dataset with --format jsonl" % folder)
    items = []
    for path in files:
        with open(path, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                line = line.strip()
                if not line:
                    continue
                try:
                    record = json.loads(line)
                except ValueError as e:
                    fail("%s:%d: not JSON (%s)" % (os.path.basename(path), number, e))
                labels = record.get("labels")
                if labels is None:
                    label = record.get("label")
                    labels = [] if label in (None, "") else [label]
                text = record.get("text", "")
                if record.get("text_b"):
                    text = text + " \u2016 " + record["text_b"]
                items.append({"id": record.get("id"), "text": text, "labels": [str(x) for x in labels]})
    return items


def main():
    parser = argparse.ArgumentParser(description="Suggest text labels with TF-IDF + logistic regression.")
    parser.add_argument("--input", required=True)
    parser.add_argument("--output", required=True)
    parser.add_argument("--analyzer", choices=["char_wb", "word", "char"], default="char_wb")
    parser.add_argument("--ngram-max", type=int, default=3)
    parser.add_argument("--c", type=float, default=10.0)
    parser.add_argument("--predict-all", default="false")
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    try:
        import numpy as np
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.multiclass import OneVsRestClassifier
        from sklearn.preprocessing import MultiLabelBinarizer
    except ImportError as e:
        fail("%s; install python3-sklearn" % e, 3)

    items = read_items(args.input)
    labeled = [i for i in items if i["labels"]]
    classes = sorted({label for i in labeled for label in i["labels"]})
    if len(classes) < 2:
        fail("need labeled items of at least two labels to learn from (found %d label%s on %d item%s)"
             % (len(classes), "" if len(classes) == 1 else "s", len(labeled), "" if len(labeled) == 1 else "s"))
    multi = any(len(i["labels"]) > 1 for i in labeled)
    predict_all = args.predict_all.lower() in ("1", "true", "yes")
    targets = items if predict_all else [i for i in items if not i["labels"]]

    vectorizer = TfidfVectorizer(analyzer=args.analyzer, ngram_range=(1, max(1, args.ngram_max)),
                                 sublinear_tf=True, min_df=1)
    x = vectorizer.fit_transform([i["text"] for i in labeled])
    if multi:
        binarizer = MultiLabelBinarizer(classes=classes)
        y = binarizer.fit_transform([i["labels"] for i in labeled])
        model = OneVsRestClassifier(LogisticRegression(C=args.c, max_iter=2000, random_state=args.seed))
    else:
        y = [i["labels"][0] for i in labeled]
        model = LogisticRegression(C=args.c, max_iter=2000, random_state=args.seed)
    model.fit(x, y)
    atelier_log.log_many({"train_items": len(labeled), "classes": len(classes),
                          "train_accuracy": float(model.score(x, y))})

    os.makedirs(args.output, exist_ok=True)
    out_path = os.path.join(args.output, "predictions.jsonl")
    with open(out_path, "w", encoding="utf-8") as out:
        if targets:
            probabilities = model.predict_proba(vectorizer.transform([i["text"] for i in targets]))
            names = list(classes if multi else model.classes_)
            for item, row in zip(targets, probabilities):
                probs = {name: round(float(p), 6) for name, p in zip(names, row)}
                best = int(np.argmax(row))
                record = {"id": item["id"], "probabilities": probs}
                if multi:
                    chosen = [n for n, p in zip(names, row) if p >= 0.5] or [names[best]]
                    record["labels"] = chosen
                else:
                    record["label"] = names[best]
                    record["score"] = round(float(row[best]), 6)
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
    print("%d predictions from %d labeled items, %d labels" % (len(targets), len(labeled), len(classes)),
          file=sys.stderr)


if __name__ == "__main__":
    main()
