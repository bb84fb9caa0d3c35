#!/usr/bin/env python3
"""Loads a registered model version with its framework, in a process of its own.

Usage: validate.py --framework F --dir D
       validate.py --describe FILE

D holds the version's files (model.json beside them when the model came from a
training step). When model.json lists "features", one row of zeros is predicted too.
Prints one JSON line: {"ok": true|false, "message": "..."}; the exit status is 0 either way
(2 for a usage error).

--describe loads a bare pickled scikit-learn estimator (.pkl, .joblib, …; loading a pickle runs
its code: only with the user's consent) and prints {"ok": true, "info": {...}}: the model.json
that the serving template needs, derived from the estimator (n_features_in_,
feature_names_in_, classes_, predict_proba), or {"ok": false, "message": "..."} saying why not.
"""

import argparse
import importlib
import json
import os
import sys
import warnings

PICKLE_SUFFIXES = (".pkl", ".pickle", ".joblib", ".sav")


class Missing(Exception):
    """The framework's module cannot be imported here."""


def need(module, framework):
    try:
        return importlib.import_module(module)
    except ImportError as e:
        raise Missing("cannot validate framework %s here: module missing (%s)" % (framework, e))


def files(folder, suffixes):
    found = []
    for root, _dirs, names in os.walk(folder):
        for name in sorted(names):
            if name.lower().endswith(suffixes):
                found.append(os.path.join(root, name))
    found.sort(key=lambda p: (os.path.basename(p) not in ("model.pkl", "model.joblib"), p))
    return found


def read_info(folder):
    path = os.path.join(folder, "model.json")
    if not os.path.isfile(path):
        return {}
    try:
        with open(path, encoding="utf-8") as f:
            info = json.load(f)
        return info if isinstance(info, dict) else {}
    except (OSError, ValueError):
        return {}


def zeros(count):
    try:
        import numpy
        return numpy.zeros((1, count))
    except ImportError:
        return [[0.0] * count]


def load_pickled(path):
    if path.lower().endswith(".joblib"):
        try:
            import joblib
            return joblib.load(path)
        except ImportError:
            pass
    import pickle
    with open(path, "rb") as f:
        return pickle.load(f)


def plain_list(values):
    """numpy arrays and scalars → JSON values."""
    out = []
    for v in list(values):
        if hasattr(v, "item"):
            v = v.item()
        out.append(v if isinstance(v, (str, int, float, bool)) or v is None else str(v))
    return out


def describe_sklearn(path):
    """model.json for the serving template, from the estimator pickled in PATH."""
    need("sklearn", "sklearn")
    model = load_pickled(path)
    kind = type(model).__name__
    if not hasattr(model, "predict"):
        raise ValueError("%s holds a %s, which has no predict(); it cannot be served"
                         % (os.path.basename(path), kind))
    names = getattr(model, "feature_names_in_", None)
    count = getattr(model, "n_features_in_", None)
    if names is not None:
        features = [str(n) for n in list(names)]
    elif isinstance(count, int) or hasattr(count, "item"):
        # scikit-learn's own names for unnamed columns (get_feature_names_out): x0, x1, …
        features = ["x%d" % i for i in range(int(count))]
    else:
        raise ValueError("the %s in %s does not say which features it takes (no n_features_in_:"
                         " not fitted, or fitted by a scikit-learn older than 1.0); write a "
                         "model.json with \"features\" beside it and register the folder"
                         % (kind, os.path.basename(path)))
    if not features:
        raise ValueError("the %s in %s takes no features" % (kind, os.path.basename(path)))
    info = {"framework": "sklearn", "file": os.path.basename(path), "algorithm": kind,
            "features": features, "predict_proba": hasattr(model, "predict_proba"),
            "derived_by": "atelier model register, from the estimator"}
    classes = getattr(model, "classes_", None)
    if classes is not None:
        info["classes"] = plain_list(classes)
    return info


def first(found, what, folder):
    if not found:
        raise ValueError("no %s file in %s" % (what, folder))
    return found[0]


def check_sklearn(folder, features):
    need("sklearn", "sklearn")
    named = read_info(folder).get("file")
    path = os.path.join(folder, named) if named else first(
        files(folder, PICKLE_SUFFIXES), "pickle or joblib", folder)
    model = load_pickled(path)
    if not features:
        # The serving template needs the features; without them the version would pass here
        # and fail at deploy and predict.
        raise ValueError("%s loads, but there is no model.json listing its \"features\", so it "
                         "cannot be served; register the file again with --trust-pickle (Atelier "
                         "then derives model.json from the estimator), or register a folder "
                         "holding the file and a model.json that lists \"features\""
                         % os.path.basename(path))
    detail = "loaded %s (%s)" % (os.path.basename(path), type(model).__name__)
    if features and hasattr(model, "predict"):
        model.predict(zeros(len(features)))
        detail += "; predicted one row of %d features" % len(features)
    return detail


def check_xgboost(folder, features):
    xgboost = need("xgboost", "xgboost")
    pickles = files(folder, PICKLE_SUFFIXES)
    if pickles:
        model = load_pickled(pickles[0])
        name = os.path.basename(pickles[0])
        if features and hasattr(model, "predict"):
            model.predict(zeros(len(features)))
    else:
        candidates = files(folder, (".ubj",)) or [
            p for p in files(folder, (".json",)) if os.path.basename(p) != "model.json"
        ]
        path = first(candidates, "XGBoost model (.ubj, .json)", folder)
        model = xgboost.Booster()
        model.load_model(path)
        name = os.path.basename(path)
        if features:
            model.predict(xgboost.DMatrix(zeros(len(features))))
    detail = "loaded %s (%s)" % (name, type(model).__name__)
    if features:
        detail += "; predicted one row of %d features" % len(features)
    return detail


def check_onnx(folder, features):
    onnx = need("onnx", "onnx")
    path = first(files(folder, (".onnx",)), ".onnx", folder)
    model = onnx.load(path)
    onnx.checker.check_model(model)
    detail = "loaded and checked %s" % os.path.basename(path)
    try:
        import onnxruntime
    except ImportError:
        return detail
    session = onnxruntime.InferenceSession(path, providers=["CPUExecutionProvider"])
    detail += "; onnxruntime session with %d input(s)" % len(session.get_inputs())
    return detail


def check_torchscript(folder, _features):
    torch = need("torch", "torchscript")
    path = first(files(folder, (".pt", ".pth", ".torchscript", ".zip")), "TorchScript", folder)
    model = torch.jit.load(path, map_location="cpu")
    return "loaded %s (%s)" % (os.path.basename(path), type(model).__name__)


def check_pytorch(folder, _features):
    torch = need("torch", "pytorch")
    path = first(files(folder, (".pt", ".pth", ".ckpt")), "PyTorch", folder)
    try:
        state = torch.load(path, map_location="cpu", weights_only=True)
    except TypeError:
        state = torch.load(path, map_location="cpu")
    return "loaded %s (%s)" % (os.path.basename(path), type(state).__name__)


def check_safetensors(folder, _features):
    need("safetensors", "safetensors")
    from safetensors import safe_open

    paths = files(folder, (".safetensors",))
    first(paths, ".safetensors", folder)
    tensors = 0
    for path in paths:
        with safe_open(path, framework="numpy") as f:
            tensors += len(list(f.keys()))
    return "read %d file(s) with %d tensor(s)" % (len(paths), tensors)


CHECKS = {
    "sklearn": check_sklearn,
    "xgboost": check_xgboost,
    "onnx": check_onnx,
    "torchscript": check_torchscript,
    "pytorch": check_pytorch,
    "safetensors": check_safetensors,
}


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--framework")
    parser.add_argument("--dir")
    parser.add_argument("--describe", metavar="FILE")
    args = parser.parse_args()
    if args.describe is None and (args.framework is None or args.dir is None):
        parser.error("give --framework and --dir, or --describe FILE")

    check = CHECKS.get(args.framework)
    if args.describe is not None:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                result = {"ok": True, "info": describe_sklearn(args.describe)}
        except Missing as e:
            result = {"ok": False, "message": str(e)}
        except BaseException as e:
            result = {"ok": False, "message": "%s: %s" % (type(e).__name__, e)}
    elif check is None:
        result = {"ok": False,
                  "message": "cannot validate framework %s here: no loader for it" % args.framework}
    elif not os.path.isdir(args.dir):
        result = {"ok": False, "message": "folder %s does not exist" % args.dir}
    else:
        features = read_info(args.dir).get("features") or []
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                result = {"ok": True, "message": check(args.dir, features)}
        except Missing as e:
            result = {"ok": False, "message": str(e)}
        except BaseException as e:  # the loader's own message is the point of the check
            result = {"ok": False, "message": "%s: %s" % (type(e).__name__, e)}
    sys.stdout.write(json.dumps(result) + "\n")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
