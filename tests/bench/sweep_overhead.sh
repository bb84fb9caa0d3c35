#!/usr/bin/env bash
# Overhead per trial of a sweep (#19): `atelier sweep run` of BENCH_TRIALS (50) trials of a
# trivial node (tests/data/sweeps/quadratic: bash + awk, logs one metric), beside the anchor: a
# plain Python loop over the same Optuna study kind (TPE, seed 1, SQLite RDB storage) that calls
# study.ask() / study.tell() and runs the same command with subprocess, reading the metric from
# the file it wrote. Both measured here, in one run, as whole processes (Python and Optuna
# start-up included on both sides). Goal: ratio <= 1.5.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
build="${ATELIER_BUILD_DIR:-$root/build}"
atelier="$build/app/atelier"
trials="${BENCH_TRIALS:-50}"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
export XDG_CONFIG_HOME="$scratch/config" XDG_DATA_HOME="$scratch/data" QT_QPA_PLATFORM=offscreen

"$atelier" init "$scratch/ws" >/dev/null
mkdir -p "$scratch/ws/repo/templates"
cp -r "$root/tests/data/sweeps/quadratic" "$scratch/ws/repo/templates/"
cat > "$scratch/quad.json" <<'JSON'
{"format": 1, "name": "Bench quad", "nodes": [{"id": "quad", "template": "quadratic@1.0", "params": {}}]}
JSON

now_ns() { date +%s%N; }

start=$(now_ns)
"$atelier" sweep run "$scratch/quad.json" --workspace "$scratch/ws" --param 'quad.x=float(-10,10)' \
    --param 'quad.y=float(-10,10)' --objective quad.score --direction maximize \
    --trials "$trials" --seed 1 --name bench >/dev/null
atelier_ms=$(( ($(now_ns) - start) / 1000000 ))

start=$(now_ns)
/usr/bin/python3 - "$scratch/anchor.db" "$root/tests/data/sweeps/quadratic/quad.sh" "$scratch" "$trials" <<'PY'
import json, os, subprocess, sys
import optuna
optuna.logging.set_verbosity(optuna.logging.WARNING)
db, script, scratch, trials = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
study = optuna.create_study(storage="sqlite:///" + db, study_name="anchor", direction="maximize",
                            sampler=optuna.samplers.TPESampler(seed=1))
for i in range(trials):
    trial = study.ask()
    x = trial.suggest_float("quad.x", -10, 10)
    y = trial.suggest_float("quad.y", -10, 10)
    task = os.path.join(scratch, "anchor", str(i))
    os.makedirs(os.path.join(task, "out"))
    metrics = os.path.join(task, "metrics.jsonl")
    env = dict(os.environ, ATELIER_METRICS_FILE=metrics, ATELIER_TASK_DIR=task,
               ATELIER_OUTPUT_OUT=os.path.join(task, "out"))
    subprocess.run(["bash", script, repr(x), repr(y), "0", "0"], env=env, check=True, cwd=task)
    with open(metrics) as f:
        value = [json.loads(line) for line in f][-1]["value"]
    study.tell(trial, value)
PY
anchor_ms=$(( ($(now_ns) - start) / 1000000 ))

awk -v a="$atelier_ms" -v p="$anchor_ms" -v n="$trials" 'BEGIN {
    printf "sweep of %d trivial trials: atelier sweep run %d ms (%.1f ms/trial); anchor Python ask/tell + subprocess loop %d ms (%.1f ms/trial); ratio %.2fx (goal <= 1.5x)\n", n, a, a / n, p, p / n, a / p }'
