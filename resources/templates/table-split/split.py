"""Splits a table into train and test tables (built-in template "table-split")."""

import argparse
import os
import sys

sys.dont_write_bytecode = True  # keep the template folder clean (it may be read-only)
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import atelier_io  # noqa: E402
import atelier_log  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description="Split a table into train and test tables.")
    parser.add_argument("--table", required=True)
    parser.add_argument("--test-fraction", type=float, default=0.25)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--stratify", default="label")
    parser.add_argument("--train", required=True)
    parser.add_argument("--test", required=True)
    args = parser.parse_args()
    if not 0.05 <= args.test_fraction <= 0.95:
        atelier_io.fail("test fraction must be between 0.05 and 0.95 (got %g)" % args.test_fraction)

    from sklearn.model_selection import train_test_split

    path, header, rows = atelier_io.read_table(args.table)
    if len(rows) < 2:
        atelier_io.fail("table %s has %d row: at least 2 are needed to split" % (path, len(rows)))
    strata = None
    if args.stratify:
        column = atelier_io.column_index(header, args.stratify, path)
        strata = [row[column] for row in rows]
    try:
        train, test = train_test_split(
            rows, test_size=args.test_fraction, random_state=args.seed, stratify=strata
        )
    except ValueError as e:
        hint = " (set 'stratify' empty for a plain random split)" if strata else ""
        atelier_io.fail("cannot split %s: %s%s" % (path, e, hint))
    atelier_io.write_table(args.train, header, train)
    atelier_io.write_table(args.test, header, test)
    atelier_log.log_many({"rows": len(rows), "train_rows": len(train), "test_rows": len(test)})
    print("split %d rows into %d for training and %d for testing" % (len(rows), len(train), len(test)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
