#!/usr/bin/env bash
# The pipeline engine against Snakemake and GNU make, measured side by side in one run:
#  1. DAG build + validation of generated DAGs (chain, wide, fan-in) of no-op tasks, against
#     `snakemake -n` on the same DAG as a Snakefile (goal: >= 10x faster);
#  2. scheduling: the same DAGs run through RunExecutor on a pool that ends every task at once
#     (decisions/s, catalog writes included), against the jobs `snakemake -n` plans per second
#     (goal: >= 10x);
#  3. 1,000 real trivial processes on 2 CPUs: Atelier's local pool against `make -j2` (the floor;
#     goal: <= 2x) and `snakemake --cores 2`.
#
# Fairness:
#  - Snakefiles use one rule per kind of node with wildcards (idiomatic, and the quickest to
#    parse); every job names its output file. Snakemake times are whole processes (Python start
#    and Snakefile parsing included: that is its DAG build); Atelier's are in-process (the
#    document built in memory, then validated and ordered; reading the pipeline JSON is printed
#    apart), so the whole-process time of bench_pipeline is printed beside them too.
#  - Fan-in: an input port takes one link in Atelier, so fan-in is a two-level reduction (at most
#    100 links into a node): S sources feed ceil(S / 100) gathers, which all feed one sink, with
#    S + ceil(S / 100) + 1 = N (10,000: 9,900 + 99 + 1). The Snakefile and Makefile have the
#    same shape.
#  - Real run: Atelier runs `true` as a process of its own (template argv ["true"], no shell);
#    the engine makes the task and output folders, logs and catalog rows itself. Snakemake and
#    make need an output file per job, so their jobs run `true && touch OUT` (make through
#    /bin/sh, Snakemake through bash).
#  - Snakemake builds its DAG recursively and stops at depth ~500 ("RecursionError"), so every
#    Snakefile raises Python's recursion limit and Snakemake runs with `ulimit -s unlimited`.
#  - If `snakemake -n` on BENCH_NODES nodes takes more than BENCH_SNAKEMAKE_LIMIT_S (300 s),
#    it is measured on BENCH_SNAKEMAKE_FALLBACK (2,000) nodes and the ratio is per node.
#
# Environment: BENCH_NODES (10000), BENCH_JOBS (1000), BENCH_SCHEDULE_CPUS (0: a pool as large
# as the DAG; RunExecutor rescans its whole queue after every task, so a 2-CPU pool is quadratic).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
build="${ATELIER_BUILD_DIR:-$root/build}"
nodes="${BENCH_NODES:-10000}"
jobs="${BENCH_JOBS:-1000}"
schedule_cpus="${BENCH_SCHEDULE_CPUS:-0}"
snakemake_limit_s="${BENCH_SNAKEMAKE_LIMIT_S:-300}"
fallback_nodes="${BENCH_SNAKEMAKE_FALLBACK:-2000}"

missing=()
command -v snakemake >/dev/null || missing+=(snakemake)
command -v make >/dev/null || missing+=(make)
if [ "${#missing[@]}" -gt 0 ]; then
    echo "Installing ${missing[*]}..." >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2 && apt-get install -y -qq "${missing[@]}" >&2
fi

"$root/scripts/build" --target bench_pipeline >/dev/null
bench="$build/tests/bench/bench_pipeline"

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
export XDG_CONFIG_HOME="$scratch/config" XDG_DATA_HOME="$scratch/data" QT_QPA_PLATFORM=offscreen

now_ns() { date +%s%N; }
# The value of KEY in a `key=value ...` line.
field() { tr ' ' '\n' <<<"$1" | awk -F= -v k="$2" '$1 == k { print $2 }'; }
calc() { awk "BEGIN { printf \"$1\", $2 }"; }

# Writes DIR/Snakefile and DIR/Makefile for a DAG of KIND with N nodes (or N independent jobs
# for `run`); outputs go to DIR/out.
generate() {
    python3 - "$@" <<'PY'
import math, os, sys
kind, n, d = sys.argv[1], int(sys.argv[2]), sys.argv[3]
os.makedirs(d, exist_ok=True)
job = 'true && touch {output}'
# Snakemake builds its DAG recursively: a 10,000-long chain needs a deeper Python stack.
head = 'import sys\nsys.setrecursionlimit(1000000)\n'
if kind == 'chain':
    smk = f'''rule all:
    input: "out/n{n - 1}"
rule first:
    output: "out/n0"
    shell: "{job}"
rule node:
    input: lambda wc: f"out/n{{int(wc.i) - 1}}"
    output: "out/n{{i}}"
    wildcard_constraints: i="[1-9][0-9]*"
    shell: "{job}"
'''
    targets = [f'out/n{n - 1}']
    deps = {f'out/n{i}': [f'out/n{i - 1}'] if i else [] for i in range(n)}
elif kind in ('wide', 'run'):
    smk = f'''rule all:
    input: expand("out/n{{i}}", i=range({n}))
rule node:
    output: "out/n{{i}}"
    shell: "{job}"
'''
    targets = [f'out/n{i}' for i in range(n)]
    deps = {t: [] for t in targets}
elif kind == 'fanin':
    s = max(1, n - 2)
    while s > 1 and s + math.ceil(s / 100) + 1 > n:
        s -= 1
    g = math.ceil(s / 100)
    smk = f'''rule all:
    input: "out/sink"
rule source:
    output: "out/s{{i}}"
    shell: "{job}"
rule gather:
    input: lambda wc: [f"out/s{{i}}" for i in range(int(wc.j) * 100, min({s}, int(wc.j) * 100 + 100))]
    output: "out/g{{j}}"
    shell: "{job}"
rule sink:
    input: expand("out/g{{j}}", j=range({g}))
    output: "out/sink"
    shell: "{job}"
'''
    targets = ['out/sink']
    deps = {f'out/s{i}': [] for i in range(s)}
    deps.update({f'out/g{j}': [f'out/s{i}' for i in range(j * 100, min(s, j * 100 + 100))]
                 for j in range(g)})
    deps['out/sink'] = [f'out/g{j}' for j in range(g)]
else:
    sys.exit('unknown kind ' + kind)
with open(os.path.join(d, 'Snakefile'), 'w') as f:
    f.write(head + smk)
with open(os.path.join(d, 'Makefile'), 'w') as f:
    f.write('all: ' + ' '.join(targets) + '\n.PHONY: all\n')
    f.write('out:\n\t@mkdir -p out\n')
    for target, inputs in deps.items():
        f.write(f'{target}: {" ".join(inputs)} | out\n\t@true && touch $@\n')
PY
}

# Wall seconds of the command in DIR (its output discarded); empty when it failed or ran past
# LIMIT seconds.
timed_s() {
    local dir="$1" limit="$2"
    shift 2
    local start end
    start=$(now_ns)
    if (cd "$dir" && ulimit -s unlimited && timeout "$limit" "$@" >"$dir/log" 2>&1); then
        end=$(now_ns)
        calc "%.3f" "($end - $start) / 1e9"
    else
        echo "  (failed or over ${limit} s: $* in $dir; $(tail -n 3 "$dir/log" | tr '\n' ' '))" >&2
    fi
}

echo "== Pipeline engine vs Snakemake $(snakemake --version) and $(make --version | head -n 1)," \
    "$(nproc) CPUs"
for kind in chain wide fanin; do
    start=$(now_ns)
    dag=$("$bench" dag "$kind" "$nodes")
    end=$(now_ns)
    dag_process_ms=$(( (end - start) / 1000000 ))
    plan=$("$bench" plan "$kind" "$nodes")
    sched=$("$bench" schedule "$kind" "$nodes" "$schedule_cpus")
    # The same run with the workspace in memory: what the engine costs without the disk.
    sched_shm=""
    [ -w /dev/shm ] && sched_shm=$(TMPDIR=/dev/shm "$bench" schedule "$kind" "$nodes" "$schedule_cpus")

    # Snakemake dry run: DAG build and a scheduling pass over every job; falls back to fewer
    # nodes when it is too slow.
    smk_nodes="$nodes"
    generate "$kind" "$nodes" "$scratch/$kind"
    smk_s=$(timed_s "$scratch/$kind" "$snakemake_limit_s" snakemake -n --cores 2 --quiet)
    if [ -z "$smk_s" ] && [ "$fallback_nodes" -lt "$nodes" ]; then
        smk_nodes="$fallback_nodes"
        generate "$kind" "$smk_nodes" "$scratch/$kind-small"
        smk_s=$(timed_s "$scratch/$kind-small" "$snakemake_limit_s" snakemake -n --cores 2 --quiet)
    fi
    make_s=$(timed_s "$scratch/$kind" 600 make -n -j2)

    total_ms=$(field "$dag" total_ms)
    run_ms=$(field "$sched" run_ms)
    echo "$kind $nodes: nodes $(field "$dag" nodes), links $(field "$dag" edges)"
    echo "  atelier: build $(field "$dag" build_ms) ms, validate $(field "$dag" validate_ms) ms," \
        "order $(field "$dag" order_ms) ms (reading the pipeline JSON: $(field "$dag" json_parse_ms) ms;" \
        "whole process ${dag_process_ms} ms)"
    echo "  atelier run: start() $(field "$sched" start_ms) ms + event loop $(field "$sched" loop_ms) ms" \
        "on $(field "$sched" cpus) CPUs, $(field "$sched" catalog_autocommits) catalog commits" \
        "($(field "$sched" autocommits_per_task) per task)"
    [ -n "$sched_shm" ] && echo "  atelier run, workspace on tmpfs: $(field "$sched_shm" run_ms) ms," \
        "$(field "$sched_shm" decisions_per_s) decisions/s"
    if [ -n "$smk_s" ]; then
        # Snakemake's time scaled to $nodes nodes when it was measured on fewer.
        smk_scaled_ms=$(calc "%.1f" "$smk_s * 1000 * $nodes / $smk_nodes")
        note=""
        [ "$smk_nodes" != "$nodes" ] && note=" (on $smk_nodes nodes, scaled per node)"
        echo "$kind $nodes: atelier DAG build+validate ${total_ms} ms | snakemake -n ${smk_s} s${note}" \
            "| ratio $(calc "%.0f" "$smk_scaled_ms / $total_ms")x (goal >= 10x)"
        plan_ms=$(field "$plan" total_ms)
        echo "$kind $nodes: atelier DAG build + scheduling decisions, dry run (pipeline run" \
            "--dry-run) ${plan_ms} ms | snakemake -n ${smk_s} s${note}" \
            "| ratio $(calc "%.1f" "$smk_scaled_ms / $plan_ms")x (goal >= 10x)"
        echo "$kind $nodes: atelier real run of no-op tasks (folders, catalog, events)" \
            "$(field "$sched" decisions_per_s) tasks/s (${run_ms} ms) | snakemake -n" \
            "$(calc "%.0f" "$smk_nodes / $smk_s") jobs/s${note}" \
            "| ratio $(calc "%.1f" "$smk_scaled_ms / $run_ms")x (no goal: snakemake -n runs nothing)"
    else
        echo "$kind $nodes: atelier DAG build+validate ${total_ms} ms | snakemake -n failed"
        echo "$kind $nodes: atelier scheduling $(field "$sched" decisions_per_s) decisions/s | snakemake -n failed"
    fi
    [ -n "$make_s" ] && echo "$kind $nodes: make -n (reference) ${make_s} s"
done

echo "== $jobs real trivial processes on 2 CPUs"
run=$("$bench" run "$jobs")
atelier_s=$(calc "%.3f" "$(field "$run" run_ms) / 1000")
generate run "$jobs" "$scratch/make"
make_s=$(timed_s "$scratch/make" 600 make -j2)
generate run "$jobs" "$scratch/snakemake"
smk_s=$(timed_s "$scratch/snakemake" 600 snakemake --cores 2 --quiet)
echo "$jobs true jobs: atelier ${atelier_s} s | make -j2 ${make_s:-failed} s" \
    "| ratio $( [ -n "$make_s" ] && calc "%.2f" "$atelier_s / $make_s" || echo "?")x (goal <= 2x)"
echo "$jobs true jobs: atelier ${atelier_s} s | snakemake --cores 2 ${smk_s:-failed} s" \
    "| ratio $( [ -n "$smk_s" ] && calc "%.2f" "$smk_s / $atelier_s" || echo "?")x faster"
