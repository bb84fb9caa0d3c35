#!/usr/bin/env bash
# Interactive session start (issue #18): `atelier session start` until it returns with the server
# answering /api/status, beside `python3 -m notebook` started by hand with the same options and
# polled until /api/status answers; medians of the same run, alternating, and their ratio
# (goal <= 1.3x). The session path adds the supervisor, the pool connector, the mount namespace
# (`unshare` + `atelier session jail`) and the catalog; both wait for the same Jupyter.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
build="${ATELIER_BUILD_DIR:-$root/build}"
atelier="$build/app/atelier"
runs="${BENCH_RUNS:-7}"
python=/usr/bin/python3
[ -x "$atelier" ] || { echo "build atelier first: $atelier" >&2; exit 1; }
"$python" -c 'import notebook' 2>/dev/null || { echo "SKIP: Jupyter Notebook is not installed"; exit 0; }

scratch="$(mktemp -d)"
anchor_pid=""
cleanup() {
    [ -n "$anchor_pid" ] && kill "$anchor_pid" 2>/dev/null || true
    "$atelier" session stop bench --workspace "$scratch/ws" >/dev/null 2>&1 || true
    rm -rf "$scratch"
}
trap cleanup EXIT
export XDG_CONFIG_HOME="$scratch/config" XDG_DATA_HOME="$scratch/data"
"$atelier" init "$scratch/ws" >/dev/null

now_ns() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

# The anchor: the same server options (see SessionSupervisor::serverArguments), the token by
# file, polled as fast as curl can.
mkdir -p "$scratch/anchor/home" "$scratch/anchor/runtime"
printf '%s' "$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')" > "$scratch/anchor/token"
chmod 600 "$scratch/anchor/token"
anchor_once() {
    local port start end
    port=$(( 20000 + RANDOM % 30000 ))
    start=$(now_ns)
    JUPYTER_TOKEN_FILE="$scratch/anchor/token" JUPYTER_RUNTIME_DIR="$scratch/anchor/runtime" \
        "$python" -m notebook --no-browser --allow-root --ip=127.0.0.1 --port=$port \
        --port-retries=50 --notebook-dir="$scratch/anchor" >/dev/null 2>&1 &
    anchor_pid=$!
    local token; token=$(cat "$scratch/anchor/token")
    until curl -sf -o /dev/null -H "Authorization: token $token" \
        "http://127.0.0.1:$port/api/status"; do sleep 0.02; done
    end=$(now_ns)
    kill "$anchor_pid"; wait "$anchor_pid" 2>/dev/null || true; anchor_pid=""
    echo $(( (end - start) / 1000000 ))
}

session_once() {
    local start end state
    start=$(now_ns)
    state=$("$atelier" session start --name bench --workspace "$scratch/ws" --json |
        "$python" -c 'import json,sys; print(json.load(sys.stdin)["state"])')
    end=$(now_ns)
    [ "$state" = running ] || { echo "session did not start: $state" >&2; exit 1; }
    "$atelier" session stop bench --workspace "$scratch/ws" >/dev/null
    echo $(( (end - start) / 1000000 ))
}

anchor_once >/dev/null; session_once >/dev/null # warm-up: caches, bytecode
anchor_times=(); session_times=()
for _ in $(seq "$runs"); do
    anchor_times+=("$(anchor_once)")
    session_times+=("$(session_once)")
done
anchor_ms=$(printf '%s\n' "${anchor_times[@]}" | median)
session_ms=$(printf '%s\n' "${session_times[@]}" | median)
echo "== Session start to first API answer (median of $runs, same run)"
echo "anchor  python3 -m notebook by hand      ${anchor_ms} ms   (${anchor_times[*]})"
echo "atelier session start                    ${session_ms} ms   (${session_times[*]})   ratio $(ratio "$session_ms" "$anchor_ms")x (goal <= 1.3x)"
