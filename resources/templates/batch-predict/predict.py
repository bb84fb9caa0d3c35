"""Adds a model's predictions to a table (built-in template "batch-predict")."""

import argparse
import os
import sys

sys.dont_write_bytecode = True  # keep the template folder clean (it may be read-only)
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import atelier_io  # noqa: E402
import atelier_log  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description="Predict every row of a table with a model.")
    parser.add_argument("--model", required=True)
    parser.add_argument("--table", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()

    model, info = atelier_io.load_model(args.model)
    path, header, rows = atelier_io.read_table(args.table)
    X = atelier_io.numeric_matrix(header, rows, info["features"], path)
    predicted, probability = model.predict_with_probability(X)

    # Columns of the input that would clash with ours are replaced, not duplicated.
    added = ["prediction"] + (["probability"] if probability is not None else [])
    keep = [i for i, name in enumerate(header) if name not in added]
    out_header = [header[i] for i in keep] + added
    out_rows = []
    for r, row in enumerate(rows):
        extra = [predicted[r]] + (["%.6g" % probability[r]] if probability is not None else [])
        out_rows.append([row[i] for i in keep] + extra)
    atelier_io.write_table(args.out, out_header, out_rows)
    atelier_log.log("rows", len(out_rows))
    print("predicted %d rows" % len(out_rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
