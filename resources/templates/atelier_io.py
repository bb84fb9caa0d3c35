"""Port-folder helpers shared by the built-in templates (the contract is in README.md).

Every port value is a folder: a table port holds table.csv, a model port model.pkl (or
model.pt for PyTorch) plus model.json, a metrics port metrics.json.
"""

import csv
import json
import math
import os
import pickle
import sys

TORCH_MISSING = (
    "PyTorch is not installed for {exe}: install python3-torch (apt) or choose an "
    "interpreter that has it in Settings."
)


def fail(message, code=1):
    """Print a one-line reason to stderr and end the task with a non-zero status."""
    print("error: " + message, file=sys.stderr)
    sys.exit(code)


def output_dir(path):
    """An output port's folder (Atelier creates it; made here too when run by hand)."""
    if not path:
        fail("no output folder given")
    os.makedirs(path, exist_ok=True)
    return path


def table_path(port):
    """The CSV file of a table port: <port>/table.csv, else its only .csv; a file is itself."""
    if not port:
        fail("no input table given")
    if os.path.isfile(port):
        return port
    if not os.path.isdir(port):
        fail("input table %s does not exist" % port)
    path = os.path.join(port, "table.csv")
    if os.path.isfile(path):
        return path
    csvs = sorted(f for f in os.listdir(port) if f.lower().endswith(".csv"))
    if len(csvs) == 1:
        return os.path.join(port, csvs[0])
    fail("no table.csv in %s: connect the output of a step that writes a table" % port)


def _columns_hint(header):
    shown = ", ".join(header[:12])
    return shown + (", …" if len(header) > 12 else "")


def read_table(port):
    """(path, header, rows): rows are lists of strings, one per data line."""
    path = table_path(port)
    try:
        with open(path, newline="", encoding="utf-8") as f:
            reader = csv.reader(f)
            header = next(reader, None)
            rows = [row for row in reader if row]
    except (OSError, UnicodeDecodeError, csv.Error) as e:
        fail("cannot read %s: %s" % (path, e))
    if not header:
        fail("table %s is empty: it has no header row" % path)
    seen = set()
    for name in header:
        if name in seen:
            fail("table %s has the column '%s' twice" % (path, name))
        seen.add(name)
    for number, row in enumerate(rows, start=2):
        if len(row) != len(header):
            fail("%s line %d has %d fields, the header has %d" % (path, number, len(row), len(header)))
    if not rows:
        fail("table %s has no rows" % path)
    return path, header, rows


def column_index(header, name, path):
    """Index of column name, or a clear failure naming the columns that exist."""
    if name not in header:
        fail("column '%s' not found in %s (columns: %s)" % (name, path, _columns_hint(header)))
    return header.index(name)


def numeric_matrix(header, rows, columns, path):
    """The named columns as a float matrix; a cell that is not a finite number is refused."""
    import numpy as np

    indexes = [column_index(header, c, path) for c in columns]
    X = np.empty((len(rows), len(indexes)), dtype=np.float64)
    for r, row in enumerate(rows):
        for c, i in enumerate(indexes):
            try:
                value = float(row[i])
            except ValueError:
                value = math.nan
            if not math.isfinite(value):
                fail(
                    "column '%s' of %s is not numeric (line %d: '%s'): the features of a model "
                    "must be numbers" % (header[i], path, r + 2, row[i])
                )
            X[r, c] = value
    return X


def write_table(port, header, rows):
    path = os.path.join(output_dir(port), "table.csv")
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    return path


def write_json(path, data):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, indent=2, sort_keys=True)
        f.write("\n")


def write_metrics(port, metrics):
    write_json(os.path.join(output_dir(port), "metrics.json"), metrics)


def save_model(port, estimator, info):
    """model.pkl (pickle of the fitted estimator) and model.json (what it is and expects)."""
    port = output_dir(port)
    with open(os.path.join(port, "model.pkl"), "wb") as f:
        pickle.dump(estimator, f, protocol=pickle.HIGHEST_PROTOCOL)
    write_json(os.path.join(port, "model.json"), info)


def read_model_info(port):
    if not port or not os.path.isdir(port):
        fail("input model %s does not exist" % port)
    path = os.path.join(port, "model.json")
    try:
        with open(path, encoding="utf-8") as f:
            info = json.load(f)
    except OSError:
        fail("no model.json in %s: connect the model output of a training step" % port)
    except ValueError as e:
        fail("%s is not valid JSON: %s" % (path, e))
    if not isinstance(info.get("features"), list) or not info.get("target"):
        fail("%s does not name the model's features and target" % path)
    return info


def mlp_arguments(description):
    """The command line of the MLP training templates (pytorch-train, pytorch-ddp-train),
    parsed and checked: --table --target --epochs --lr --hidden --seed --model --metrics."""
    import argparse

    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--table", required=True)
    parser.add_argument("--target", default="label")
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--lr", type=float, default=0.01)
    parser.add_argument("--hidden", type=int, default=32)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--model", required=True)
    parser.add_argument("--metrics", required=True)
    args = parser.parse_args()
    if not 1 <= args.epochs <= 1000:
        fail("epochs must be between 1 and 1000 (got %d)" % args.epochs)
    if args.hidden < 1 or args.lr <= 0:
        fail("hidden must be at least 1 and lr above 0")
    return args


def build_mlp(torch, inputs, hidden, classes):
    """The small network pytorch-train fits; built the same way when predicting."""
    nn = torch.nn
    return nn.Sequential(
        nn.Linear(inputs, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
        nn.Linear(hidden, classes),
    )


class _TorchModel:
    def __init__(self, port, info):
        try:
            import torch
        except ImportError:
            fail(TORCH_MISSING.format(exe=sys.executable), 3)
        import numpy as np

        self.torch = torch
        self.classes = list(info["classes"])
        self.mean = np.asarray(info["mean"], dtype=np.float32)
        self.std = np.asarray(info["std"], dtype=np.float32)
        self.net = build_mlp(torch, len(info["features"]), int(info["hidden"]), len(self.classes))
        state = torch.load(os.path.join(port, "model.pt"), map_location="cpu")
        self.net.load_state_dict(state)
        self.net.eval()

    def _probabilities(self, X):
        torch = self.torch
        with torch.no_grad():
            x = torch.from_numpy(((X - self.mean) / self.std).astype("float32"))
            return torch.softmax(self.net(x), dim=1).numpy()

    def predict_with_probability(self, X):
        p = self._probabilities(X)
        return [self.classes[i] for i in p.argmax(axis=1)], p.max(axis=1)


class _PickledModel:
    def __init__(self, port):
        path = os.path.join(port, "model.pkl")
        try:
            with open(path, "rb") as f:
                self.estimator = pickle.load(f)
        except OSError:
            fail("no model.pkl in %s" % port)
        except Exception as e:  # unpickling runs library code; any failure is a bad file
            fail("cannot load %s: %s" % (path, e))
        # xgboost-train attaches the LabelEncoder of string targets to the estimator.
        self.encoder = getattr(self.estimator, "atelier_label_encoder_", None)

    def predict_with_probability(self, X):
        predicted = self.estimator.predict(X)
        probability = None
        if hasattr(self.estimator, "predict_proba"):
            probability = self.estimator.predict_proba(X).max(axis=1)
        if self.encoder is not None:
            predicted = self.encoder.inverse_transform(predicted.astype(int))
        return [str(p) for p in predicted], probability


def load_model(port):
    """(model, info): model.predict_with_probability(X) gives labels and max probabilities."""
    info = read_model_info(port)
    if info.get("framework") == "pytorch":
        return _TorchModel(port, info), info
    return _PickledModel(port), info


def training_data(port, target):
    """(path, feature columns, X, y) of a table: every column but target is a feature."""
    path, header, rows = read_table(port)
    column = column_index(header, target, path)
    features = [name for name in header if name != target]
    if not features:
        fail("table %s has no column besides the target '%s'" % (path, target))
    X = numeric_matrix(header, rows, features, path)
    y = [row[column] for row in rows]
    if len(set(y)) < 2:
        fail("column '%s' of %s holds a single value: a classifier needs at least two" % (target, path))
    return path, features, X, y
