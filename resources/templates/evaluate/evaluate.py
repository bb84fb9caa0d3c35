"""Scores a classifier on a labelled table (built-in template "evaluate")."""

import argparse
import os
import sys

sys.dont_write_bytecode = True  # keep the template folder clean (it may be read-only)
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import atelier_io  # noqa: E402
import atelier_log  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description="Evaluate a classifier on a labelled table.")
    parser.add_argument("--model", required=True)
    parser.add_argument("--table", required=True)
    parser.add_argument("--metrics", required=True)
    args = parser.parse_args()

    model, info = atelier_io.load_model(args.model)
    path, header, rows = atelier_io.read_table(args.table)
    target = atelier_io.column_index(header, info["target"], path)
    X = atelier_io.numeric_matrix(header, rows, info["features"], path)
    truth = [row[target] for row in rows]

    from sklearn.metrics import accuracy_score, confusion_matrix, f1_score

    predicted, _ = model.predict_with_probability(X)
    labels = sorted(set(truth) | set(predicted) | {str(c) for c in info.get("classes", [])})
    accuracy = float(accuracy_score(truth, predicted))
    f1 = float(f1_score(truth, predicted, labels=labels, average="macro", zero_division=0))
    matrix = confusion_matrix(truth, predicted, labels=labels)
    atelier_io.write_metrics(args.metrics, {
        "accuracy": accuracy,
        "f1": f1,
        "f1_average": "macro",
        "labels": labels,
        "confusion_matrix": matrix.tolist(),
        "confusion_matrix_axes": ["true", "predicted"],
        "rows": len(rows),
    })
    atelier_log.log_many({"accuracy": accuracy, "f1": f1})
    print("accuracy %.4f, macro F1 %.4f on %d rows" % (accuracy, f1, len(rows)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
