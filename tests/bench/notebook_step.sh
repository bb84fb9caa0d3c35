#!/usr/bin/env bash
# Overhead of a notebook as a pipeline step (#18): `atelier pipeline run --no-cache` of a one-node
# pipeline with the built-in `notebook` template, beside the anchor: `jupyter nbconvert --to
# notebook --execute` of the same notebook with the same parameters already injected, by hand.
# Both measured here, in one run, as whole processes, alternating, median of BENCH_RUNS (5).
# Goal: ratio <= 1.2.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
build="${ATELIER_BUILD_DIR:-$root/build}"
atelier="$build/app/atelier"
runs="${BENCH_RUNS:-5}"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
export XDG_CONFIG_HOME="$scratch/config" XDG_DATA_HOME="$scratch/data" QT_QPA_PLATFORM=offscreen
export JUPYTER_RUNTIME_DIR="$scratch/jupyter-runtime"

"$atelier" init "$scratch/ws" >/dev/null
mkdir -p "$scratch/ws/repo/notebooks" "$scratch/anchor"
python3 - "$scratch/ws/repo/notebooks/step.ipynb" "$scratch/anchor/step.ipynb" <<'PY'
import sys, nbformat
def notebook(parameters_source, injected):
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell(parameters_source)
    cell.metadata["tags"] = ["parameters"]
    nb.cells = [cell]
    if injected:
        extra = nbformat.v4.new_code_cell(injected)
        extra.metadata["tags"] = ["injected-parameters"]
        nb.cells.append(extra)
    nb.cells.append(nbformat.v4.new_code_cell("total = sum(i * i for i in range(n))\nprint(total)"))
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return nb
nbformat.write(notebook("n = 10", None), sys.argv[1])
nbformat.write(notebook("n = 10", "# Parameters\nn = 100000\n"), sys.argv[2])
PY
cat >"$scratch/step.json" <<'JSON'
{"format": 1, "name": "Bench notebook", "nodes": [{"id": "nb", "template": "notebook@1.0",
 "params": {"notebook": "notebooks/step.ipynb", "parameters": {"n": 100000}}}]}
JSON

now_ns() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ours=()
anchor=()
for _ in $(seq "$runs"); do
    start=$(now_ns)
    jupyter nbconvert --to notebook --execute --output-dir "$scratch/anchor/out" \
        --output step.ipynb "$scratch/anchor/step.ipynb" >/dev/null 2>&1
    anchor+=($(( ($(now_ns) - start) / 1000000 )))
    start=$(now_ns)
    "$atelier" pipeline run "$scratch/step.json" --no-cache --workspace "$scratch/ws" >/dev/null
    ours+=($(( ($(now_ns) - start) / 1000000 )))
done
anchor_ms=$(printf '%s\n' "${anchor[@]}" | median)
ours_ms=$(printf '%s\n' "${ours[@]}" | median)
echo "anchor  jupyter nbconvert --to notebook --execute     ${anchor_ms} ms (median of $runs)"
echo "atelier pipeline run, notebook@1.0 step            ${ours_ms} ms   ratio $(awk -v a="$ours_ms" -v b="$anchor_ms" 'BEGIN { printf "%.2f", a / b }')x (goal <= 1.2x)"
