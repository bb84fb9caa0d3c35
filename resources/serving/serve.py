"""Atelier's built-in inference service for scikit-learn and XGBoost models (model port folders:
model.pkl + model.json, see resources/templates/README.md; or a registered bare pickle, whose
model.json Atelier derived and which names the file in "file").

  serve.py --dir MODEL_DIR [--host 127.0.0.1] [--port 0] [--port-file F] [--metrics-file F]
      GET /health   -> {"status": "ok", "model": NAME, "framework": ..., "features": [...]}
      POST /predict -> body {"rows": [{feature: value, ...}, ...]} or a list of rows;
                       answers {"predictions": [...], "probabilities": [[...], ...], "classes": [...]}
  serve.py --dir MODEL_DIR --once           rows JSON on stdin -> the /predict answer on stdout
  serve.py --dir MODEL_DIR --batch IN.csv --out OUT.csv

The model is loaded before the socket is bound: a model that cannot be loaded prints the reason
on stderr and exits 3, and never listens. The bound port is written to --port-file (atomically)
only once the socket listens.
"""

import argparse
import csv
import json
import math
import os
import pickle
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

sys.dont_write_bytecode = True

EXIT_LOAD = 3
EXIT_INPUT = 4
MAX_BODY = 64 << 20          # default body cap (--max-body-mb)
READ_TIMEOUT_S = 10          # a client that stops sending is dropped after this long
MAX_CONNECTIONS = 32         # handler threads at once; more connections get 503 at once


class InputError(Exception):
    """A request the caller can fix (HTTP 400)."""


class Model:
    def __init__(self, directory, name):
        info_path = os.path.join(directory, "model.json")
        try:
            with open(info_path, encoding="utf-8") as f:
                self.info = json.load(f)
        except OSError as e:
            raise RuntimeError("cannot read %s: %s" % (info_path, e.strerror))
        except ValueError as e:
            raise RuntimeError("%s is not valid JSON: %s" % (info_path, e))
        if not isinstance(self.info, dict):
            raise RuntimeError("%s is not a JSON object" % info_path)
        self.framework = self.info.get("framework", "sklearn")
        if self.framework not in ("sklearn", "xgboost"):
            raise RuntimeError("the serving template serves scikit-learn and XGBoost models, not '%s'"
                               % self.framework)
        self.features = self.info.get("features")
        if not isinstance(self.features, list) or not self.features:
            raise RuntimeError("%s names no features" % info_path)
        self.name = name or self.info.get("name") or os.path.basename(os.path.abspath(directory))
        # "file": the estimator's own file when model.json was derived from a bare pickle at
        # registration (any name, .joblib included); else the model port's model.pkl.
        named = self.info.get("file") or "model.pkl"
        if not isinstance(named, str) or os.path.isabs(named) or ".." in named.split("/"):
            raise RuntimeError("%s names a model file outside its folder: %r" % (info_path, named))
        path = os.path.join(directory, named)
        try:
            if self.framework == "xgboost":
                import xgboost  # noqa: F401  (unpickling needs it importable)
            if path.lower().endswith(".joblib"):
                import joblib
                self.estimator = joblib.load(path)
            else:
                with open(path, "rb") as f:
                    self.estimator = pickle.load(f)
        except OSError as e:
            raise RuntimeError("cannot read %s: %s" % (path, e.strerror))
        except Exception as e:  # unpickling runs library code; any failure is a bad file
            raise RuntimeError("cannot load %s: %s: %s" % (path, type(e).__name__, e))
        if not hasattr(self.estimator, "predict"):
            raise RuntimeError("%s holds a %s, which has no predict()"
                               % (path, type(self.estimator).__name__))
        self.encoder = getattr(self.estimator, "atelier_label_encoder_", None)
        self.has_proba = hasattr(self.estimator, "predict_proba")
        classes = getattr(self.estimator, "classes_", None)
        if self.encoder is not None:
            classes = self.encoder.classes_
        self.classes = [plain(c) for c in classes] if classes is not None else None

    def matrix(self, rows):
        if isinstance(rows, dict) and "rows" in rows:
            rows = rows["rows"]
        if not isinstance(rows, list):
            raise InputError('the body must be {"rows": [...]} or a list of rows')
        matrix = []
        for i, row in enumerate(rows):
            if not isinstance(row, dict):
                raise InputError("row %d is not an object of feature: value" % i)
            missing = [f for f in self.features if f not in row]
            if missing:
                raise InputError("row %d is missing feature(s): %s" % (i, ", ".join(missing)))
            values = []
            for f in self.features:
                v = row[f]
                if isinstance(v, bool) or not isinstance(v, (int, float, str)):
                    raise InputError("row %d: feature '%s' must be a number" % (i, f))
                try:
                    v = float(v)
                except ValueError:
                    raise InputError("row %d: feature '%s' is not a number: %r" % (i, f, v))
                values.append(v)
            matrix.append(values)
        return matrix

    def predict(self, matrix):
        if not matrix:
            return {"predictions": [], "probabilities": [] if self.has_proba else None}
        import numpy
        X = numpy.asarray(matrix, dtype=float)
        predicted = self.estimator.predict(X)
        if self.encoder is not None:
            predicted = self.encoder.inverse_transform(numpy.asarray(predicted).astype(int))
        answer = {"predictions": [plain(p) for p in predicted]}
        if self.has_proba:
            answer["probabilities"] = [[round(float(p), 6) for p in r]
                                       for r in self.estimator.predict_proba(X)]
            if self.classes is not None:
                answer["classes"] = self.classes
        return answer


def plain(value):
    """numpy scalars → JSON-friendly Python values."""
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return None
    return value


class Metrics:
    def __init__(self, path):
        self.lock = threading.Lock()
        self.count = 0
        self.file = open(path, "a", encoding="utf-8") if path else None

    def record(self, latency_ms):
        with self.lock:
            self.count += 1
            if self.file:
                ts = time.time()
                self.file.write(json.dumps({"key": "requests", "value": self.count, "ts": ts}) + "\n")
                self.file.write(json.dumps({"key": "latency_ms", "value": round(latency_ms, 3),
                                            "ts": ts}) + "\n")
                self.file.flush()


def make_handler(model, metrics, max_body=MAX_BODY):
    class Handler(BaseHTTPRequestHandler):
        server_version = "atelier-serve/1"
        protocol_version = "HTTP/1.1"
        timeout = READ_TIMEOUT_S  # socket timeout: a stalled request does not hold its thread

        def log_message(self, fmt, *args):  # access log on stdout, one line per request
            sys.stdout.write("%s %s\n" % (self.log_date_time_string(), fmt % args))
            sys.stdout.flush()

        def reply(self, status, body):
            data = json.dumps(body).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self):
            if self.path.split("?")[0] == "/health":
                self.reply(200, {"status": "ok", "model": model.name, "framework": model.framework,
                                 "features": model.features, "requests": metrics.count})
            else:
                self.reply(404, {"error": "unknown path %s; try GET /health or POST /predict"
                                 % self.path})

        def do_POST(self):
            if self.path.split("?")[0] != "/predict":
                self.reply(404, {"error": "unknown path %s; try POST /predict" % self.path})
                return
            start = time.perf_counter()
            try:
                length = int(self.headers.get("Content-Length", "0"))
            except ValueError:
                length = -1
            if length < 0 or length > max_body:
                self.reply(413 if length > 0 else 411,
                           {"error": "the body needs a Content-Length of at most %d bytes"
                                     % max_body})
                self.close_connection = True  # the unread body must not be taken for a request
                return
            try:
                body = json.loads(self.rfile.read(length) or b"null")
                answer = model.predict(model.matrix(body))
                self.reply(200, answer)
            except (InputError, ValueError) as e:
                self.reply(400, {"error": str(e)})
            except RecursionError:  # JSON nested too deep for the parser: the client's fault
                self.reply(400, {"error": "the JSON body is nested too deeply"})
            except Exception as e:  # the model failed on valid input
                self.reply(500, {"error": "%s: %s" % (type(e).__name__, e)})
            metrics.record((time.perf_counter() - start) * 1000.0)

    return Handler


def write_atomically(path, text):
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)


def batch(model, in_path, out_path):
    with open(in_path, newline="", encoding="utf-8-sig") as f:
        reader = csv.reader(f)
        header = next(reader, None)
        if header is None:
            raise InputError("%s is empty" % in_path)
        rows = [r for r in reader if r]
    missing = [c for c in model.features if c not in header]
    if missing:
        raise InputError("%s has no column(s) %s" % (in_path, ", ".join(missing)))
    records = []
    for n, r in enumerate(rows):
        if len(r) != len(header):
            raise InputError("%s line %d has %d fields, the header %d" % (in_path, n + 2, len(r),
                                                                       len(header)))
        records.append(dict(zip(header, r)))
    try:
        answer = model.predict(model.matrix(records))
    except InputError as e:  # name the file line, not the row index
        raise InputError("%s: %s" % (in_path, e))
    added = ["prediction"] + (["probability"] if model.has_proba else [])
    keep = [i for i, name in enumerate(header) if name not in added]
    tmp = out_path + ".tmp"
    with open(tmp, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow([header[i] for i in keep] + added)
        for n, r in enumerate(rows):
            extra = [answer["predictions"][n]]
            if model.has_proba:
                extra.append("%.6g" % max(answer["probabilities"][n]))
            writer.writerow([r[i] for i in keep] + extra)
    os.replace(tmp, out_path)
    return len(rows)


def main():
    parser = argparse.ArgumentParser(description="Serve a model over HTTP, or predict once.")
    parser.add_argument("--dir", required=True, help="model folder: model.pkl + model.json")
    parser.add_argument("--name", default="")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--port-file")
    parser.add_argument("--metrics-file")
    parser.add_argument("--max-body-mb", type=int, default=MAX_BODY >> 20,
                        help="largest request body accepted (default %(default)s MiB)")
    parser.add_argument("--once", action="store_true", help="rows JSON on stdin, answer on stdout")
    parser.add_argument("--batch", metavar="IN_CSV")
    parser.add_argument("--out", metavar="OUT_CSV")
    args = parser.parse_args()

    try:
        model = Model(args.dir, args.name)
    except Exception as e:
        sys.stderr.write("atelier-serve: %s\n" % e)
        return EXIT_LOAD

    if args.batch:
        if not args.out:
            parser.error("--batch needs --out")
        try:
            n = batch(model, args.batch, args.out)
        except (InputError, OSError) as e:
            sys.stderr.write("atelier-serve: %s\n" % e)
            return EXIT_INPUT
        print(json.dumps({"rows": n}))
        return 0

    if args.once:
        try:
            answer = model.predict(model.matrix(json.load(sys.stdin)))
        except (InputError, ValueError) as e:
            sys.stderr.write("atelier-serve: %s\n" % e)
            return EXIT_INPUT
        json.dump(answer, sys.stdout)
        sys.stdout.write("\n")
        return 0

    metrics = Metrics(args.metrics_file)
    family = ThreadingHTTPServer.address_family
    if ":" in args.host:
        import socket
        family = socket.AF_INET6

    class Server(ThreadingHTTPServer):
        address_family = family
        daemon_threads = True
        request_queue_size = 128
        slots = threading.BoundedSemaphore(MAX_CONNECTIONS)

        def process_request(self, request, client_address):
            # A bounded pool: past MAX_CONNECTIONS open connections, answer 503 and close
            # rather than start one more thread.
            if not self.slots.acquire(blocking=False):
                try:
                    request.sendall(b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n"
                                    b"Connection: close\r\nRetry-After: 1\r\n\r\n")
                except OSError:
                    pass
                self.shutdown_request(request)
                return
            super().process_request(request, client_address)

        def process_request_thread(self, request, client_address):
            try:
                super().process_request_thread(request, client_address)
            finally:
                self.slots.release()

    try:
        server = Server((args.host, args.port),
                        make_handler(model, metrics, max(1, args.max_body_mb) << 20))
    except OSError as e:
        sys.stderr.write("atelier-serve: cannot listen on %s:%d: %s\n" % (args.host, args.port,
                                                                           e.strerror))
        return 5
    port = server.server_address[1]
    if args.port_file:
        write_atomically(args.port_file, "%d\n" % port)
    sys.stderr.write("atelier-serve: %s (%s) listening on %s:%d\n"
                     % (model.name, model.framework, args.host, port))
    sys.stderr.flush()

    import signal
    signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=server.shutdown).start())
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
