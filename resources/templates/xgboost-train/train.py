"""Fits an XGBoost classifier on a table (built-in template "xgboost-train")."""

import argparse
import os
import sys

sys.dont_write_bytecode = True  # keep the template folder clean (it may be read-only)
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import atelier_io  # noqa: E402
import atelier_log  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description="Train an XGBoost classifier on a table.")
    parser.add_argument("--table", required=True)
    parser.add_argument("--target", default="label")
    parser.add_argument("--n-estimators", type=int, default=100)
    parser.add_argument("--max-depth", type=int, default=6)
    parser.add_argument("--learning-rate", type=float, default=0.3)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--model", required=True)
    parser.add_argument("--metrics", required=True)
    args = parser.parse_args()
    if not 1 <= args.n_estimators <= 5000:
        atelier_io.fail("n_estimators must be between 1 and 5000 (got %d)" % args.n_estimators)
    if not 1 <= args.max_depth <= 32:
        atelier_io.fail("max_depth must be between 1 and 32 (got %d)" % args.max_depth)
    if not 0.001 <= args.learning_rate <= 1:
        atelier_io.fail("learning_rate must be between 0.001 and 1 (got %g)" % args.learning_rate)

    path, features, X, y = atelier_io.training_data(args.table, args.target)
    import xgboost
    from sklearn.metrics import accuracy_score
    from sklearn.preprocessing import LabelEncoder

    # XGBoost wants classes 0..n-1: encode the labels and keep the encoder with the model.
    encoder = LabelEncoder().fit(y)
    codes = encoder.transform(y)
    estimator = xgboost.XGBClassifier(
        n_estimators=args.n_estimators, max_depth=args.max_depth,
        learning_rate=args.learning_rate, random_state=args.seed, tree_method="hist",
    )
    estimator.fit(X, codes)
    estimator.atelier_label_encoder_ = encoder
    accuracy = float(accuracy_score(codes, estimator.predict(X)))
    classes = [str(c) for c in encoder.classes_]
    atelier_io.save_model(args.model, estimator, {
        "framework": "xgboost",
        "framework_version": xgboost.__version__,
        "algorithm": "gradient_boosted_trees",
        "features": features,
        "target": args.target,
        "classes": classes,
        "label_encoder": "atelier_label_encoder_",
        "rows": len(y),
        "params": {"n_estimators": args.n_estimators, "max_depth": args.max_depth,
                   "learning_rate": args.learning_rate, "seed": args.seed},
    })
    atelier_io.write_metrics(args.metrics, {
        "train_accuracy": accuracy, "rows": len(y), "features": len(features), "classes": len(classes),
    })
    atelier_log.log("train_accuracy", accuracy)
    print("trained XGBoost on %d rows, %d features: training accuracy %.4f"
          % (len(y), len(features), accuracy))
    return 0


if __name__ == "__main__":
    sys.exit(main())
