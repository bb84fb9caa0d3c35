"""Anchor of bench_serving: the same model called in-process, on the same rows as the service
gets (dicts of features → matrix → predict + predict_proba). Prints p50/p99 in ms as JSON."""
import json
import pickle
import sys
import time

import numpy

model = pickle.load(open(sys.argv[1], "rb"))
features = ["f%d" % i for i in range(int(sys.argv[2]))]
out = {}
for rows, requests in ((1, 1000), (1000, 100)):
    data = [{f: ((r * 31 + i * 17) % 100) / 100.0 for i, f in enumerate(features)} for r in range(rows)]
    times = []
    for n in range(requests + 20):
        start = time.perf_counter()
        X = numpy.asarray([[row[f] for f in features] for row in data], dtype=float)
        model.predict(X)
        model.predict_proba(X)
        if n >= 20:
            times.append((time.perf_counter() - start) * 1000.0)
    times.sort()
    out[str(rows)] = {"p50": times[len(times) // 2], "p99": times[min(len(times) - 1, int(len(times) * 0.99))]}
print(json.dumps(out))
