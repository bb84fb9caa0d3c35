#!/usr/bin/env bash
# Per-task overhead of a node in a container image (issue #20), measured in one run:
#  - a pipeline of N chained trivial nodes (`true`) in the offline test image, run by Atelier,
#    beside N runs of `podman run --rm --network none IMAGE true` by hand (goal: <= 1.2x);
#  - the same pipeline on the host (the ratio is reported: the price of the container).
# Needs the image of tests/tools/make-test-image; CONTAINERS_CONF defaults to tests/containers.conf.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
build="${ATELIER_BUILD_DIR:-$root/build}"
atelier="$build/app/atelier"
image="${ATELIER_TEST_IMAGE:-localhost/atelier-test:bookworm}"
nodes="${BENCH_NODES:-5}"
runs="${BENCH_RUNS:-5}"
export CONTAINERS_CONF="${CONTAINERS_CONF:-$root/tests/containers.conf}"
"$root/tests/tools/make-test-image" "$image"

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
export XDG_CONFIG_HOME="$scratch/config" XDG_DATA_HOME="$scratch/data"
"$atelier" init "$scratch/ws" >/dev/null

# pipeline FILE ENVIRONMENT_JSON: N chained shell nodes running `true`.
pipeline() {
    python3 - "$1" "$2" "$nodes" <<'PY'
import json, sys
path, env, n = sys.argv[1], json.loads(sys.argv[2]), int(sys.argv[3])
nodes = [{"id": f"n{i}", "template": "shell", "params": {"script": "true"}} for i in range(n)]
doc = {"format": 1, "name": "bench", "nodes": nodes,
       "edges": [{"from": f"n{i}.out", "to": f"n{i+1}.in"} for i in range(n - 1)]}
if env:
    doc["environment"] = env
json.dump(doc, open(path, "w"))
PY
}
pipeline "$scratch/image.json" "{\"image\": \"$image\"}"
pipeline "$scratch/host.json" "{}"

now_ns() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# Median wall time in ms over $runs runs (after one warm-up run) of the command.
median_ms() {
    "$@" >/dev/null 2>&1 || { echo "container_overhead: '$*' failed" >&2; "$@" >&2; exit 1; }
    for _ in $(seq "$runs"); do
        local start end
        start=$(now_ns)
        "$@" >/dev/null 2>&1
        end=$(now_ns)
        echo $(((end - start) / 1000000))
    done | median
}

by_hand() { for _ in $(seq "$nodes"); do podman run --rm --network none "$image" true; done; }
in_image() { "$atelier" pipeline run "$scratch/image.json" --no-cache --workspace "$scratch/ws"; }
on_host() { "$atelier" pipeline run "$scratch/host.json" --no-cache --workspace "$scratch/ws"; }

hand_ms=$(median_ms by_hand)
image_ms=$(median_ms in_image)
host_ms=$(median_ms on_host)
echo "container_overhead: $nodes chained trivial nodes, median of $runs runs"
printf '  podman run by hand   %6d ms  (%d ms a task)\n' "$hand_ms" $((hand_ms / nodes))
printf '  Atelier, in image    %6d ms  (%d ms a task)  ratio to by hand %.2fx (goal <= 1.20x)\n' \
    "$image_ms" $((image_ms / nodes)) "$(echo "$image_ms / $hand_ms" | bc -l)"
printf '  Atelier, on host     %6d ms  (%d ms a task)  image / host %.2fx\n' \
    "$host_ms" $((host_ms / nodes)) "$(echo "$image_ms / $host_ms" | bc -l)"
