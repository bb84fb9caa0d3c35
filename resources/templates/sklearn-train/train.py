"""Fits a scikit-learn classifier on a table (built-in template "sklearn-train")."""

import argparse
import os
import sys

sys.dont_write_bytecode = True  # keep the template folder clean (it may be read-only)
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import atelier_io  # noqa: E402
import atelier_log  # noqa: E402

ALGORITHMS = ["random_forest", "logistic_regression", "gradient_boosting"]


def make_estimator(args):
    if args.algorithm == "random_forest":
        from sklearn.ensemble import RandomForestClassifier

        return RandomForestClassifier(n_estimators=args.n_estimators, random_state=args.seed)
    if args.algorithm == "gradient_boosting":
        from sklearn.ensemble import GradientBoostingClassifier

        return GradientBoostingClassifier(n_estimators=args.n_estimators, random_state=args.seed)
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    return make_pipeline(
        StandardScaler(), LogisticRegression(max_iter=args.max_iter, random_state=args.seed)
    )


def main():
    parser = argparse.ArgumentParser(description="Train a scikit-learn classifier on a table.")
    parser.add_argument("--table", required=True)
    parser.add_argument("--target", default="label")
    parser.add_argument("--algorithm", choices=ALGORITHMS, default="random_forest")
    parser.add_argument("--n-estimators", type=int, default=100)
    parser.add_argument("--max-iter", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--model", required=True)
    parser.add_argument("--metrics", required=True)
    args = parser.parse_args()
    if not 1 <= args.n_estimators <= 5000:
        atelier_io.fail("n_estimators must be between 1 and 5000 (got %d)" % args.n_estimators)
    if not 10 <= args.max_iter <= 100000:
        atelier_io.fail("max_iter must be between 10 and 100000 (got %d)" % args.max_iter)

    path, features, X, y = atelier_io.training_data(args.table, args.target)
    import sklearn
    from sklearn.metrics import accuracy_score

    estimator = make_estimator(args)
    estimator.fit(X, y)
    accuracy = float(accuracy_score(y, estimator.predict(X)))
    classes = sorted(set(y))
    atelier_io.save_model(args.model, estimator, {
        "framework": "sklearn",
        "framework_version": sklearn.__version__,
        "algorithm": args.algorithm,
        "features": features,
        "target": args.target,
        "classes": classes,
        "rows": len(y),
        "params": {"n_estimators": args.n_estimators, "max_iter": args.max_iter, "seed": args.seed},
    })
    atelier_io.write_metrics(args.metrics, {
        "train_accuracy": accuracy, "rows": len(y), "features": len(features), "classes": len(classes),
    })
    atelier_log.log("train_accuracy", accuracy)
    print("trained %s on %d rows, %d features: training accuracy %.4f"
          % (args.algorithm, len(y), len(features), accuracy))
    return 0


if __name__ == "__main__":
    sys.exit(main())
