"""Report metrics from an Atelier task.

    import atelier_log
    atelier_log.log("loss", 0.31, step=120)
    atelier_log.log_many({"accuracy": 0.93, "f1": 0.91}, step=3)

Each call appends one JSON line {"key", "value", "step", "ts"} to the file named by
$ATELIER_METRICS_FILE (DESIGN.md "A task's environment"); "step" is left out when not given.
Outside Atelier (the variable unset) the values are printed to stderr instead. In a distributed
task only rank 0 writes the task's metrics; rank N writes metrics.rankN.jsonl beside them.
"""

import json
import math
import os
import sys
import time

__all__ = ["log", "log_many"]


def _record(key, value, step):
    if not isinstance(key, str) or not key:
        raise ValueError("atelier_log: a metric key must be a non-empty string")
    if isinstance(value, bool):
        value = int(value)
    value = float(value)  # numpy scalars and ints alike; raises for non-numbers
    if not math.isfinite(value):
        return None  # JSON has no NaN / Infinity; a non-finite value is not reported
    record = {"key": key, "value": value}
    if step is not None:
        record["step"] = int(step)
    record["ts"] = round(time.time(), 3)
    return record


def _metrics_path():
    """$ATELIER_METRICS_FILE; in a distributed task, rank 0's metrics are the task's and every
    other rank writes beside them, to metrics.rank<N>.jsonl."""
    path = os.environ.get("ATELIER_METRICS_FILE")
    rank = os.environ.get("RANK", "0")
    if path and rank not in ("", "0"):
        stem = path[:-len(".jsonl")] if path.endswith(".jsonl") else path
        path = "%s.rank%s.jsonl" % (stem, rank)
    return path


def _write(records):
    records = [r for r in records if r is not None]
    if not records:
        return
    path = _metrics_path()
    if not path:
        for r in records:
            step = "" if "step" not in r else " (step %d)" % r["step"]
            print("metric %s = %g%s" % (r["key"], r["value"], step), file=sys.stderr)
        return
    # Append and close at once: the line is on disk even if the task is killed later.
    with open(path, "a", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r) + "\n")


def log(key, value, step=None):
    """Append one metric value; step is an optional integer (epoch, iteration)."""
    _write([_record(key, value, step)])


def log_many(values, step=None):
    """Append several metric values sharing one step: log_many({"loss": 0.3, "acc": 0.9})."""
    _write([_record(k, v, step) for k, v in values.items()])
