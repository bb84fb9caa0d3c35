// Model serving: latency (p50, p99) and throughput of POST /predict with 1 and 1,000 rows through
// a deployed service (resources/serving/serve.py, libcurl client, a new connection per request),
// beside the anchor: the same model called in-process in Python (predict + predict_proba on the
// same rows, timed by the Python script bench_serving_anchor.py). Prints the overhead ratio.
#include "catalog/database.h"
#include "core/workspace.h"
#include "pipeline/pythonresolver.h"
#include "serving/modelservices.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

#include <csignal>

using namespace atelier;
using namespace Qt::StringLiterals;

namespace {

constexpr int kFeatures = 8;

constexpr const char *kTrain = R"py(
import json, os, pickle, random, sys
from sklearn.ensemble import RandomForestClassifier
random.seed(7)
X = [[random.random() for _ in range(8)] for _ in range(2000)]
y = ["a" if r[0] + r[1] > 1.0 else "b" for r in X]
model = RandomForestClassifier(n_estimators=20, max_depth=6, random_state=0).fit(X, y)
out = sys.argv[1]
os.makedirs(out, exist_ok=True)
pickle.dump(model, open(os.path.join(out, "model.pkl"), "wb"))
json.dump({"framework": "sklearn", "features": ["f%d" % i for i in range(8)], "target": "label",
           "classes": ["a", "b"]}, open(os.path.join(out, "model.json"), "w"))
)py";

struct Figures
{
    double p50 = 0;
    double p99 = 0;
    double totalMs = 0;
    int requests = 0;
};

Figures summarise(std::vector<double> ms)
{
    std::sort(ms.begin(), ms.end());
    Figures f;
    f.requests = int(ms.size());
    for (double v : ms)
        f.totalMs += v;
    f.p50 = ms[ms.size() / 2];
    f.p99 = ms[std::min(ms.size() - 1, size_t(double(ms.size()) * 0.99))];
    return f;
}

QByteArray rowsBody(int rows)
{
    QJsonArray array;
    for (int r = 0; r < rows; ++r) {
        QJsonObject row;
        for (int i = 0; i < kFeatures; ++i)
            row.insert(u"f%1"_s.arg(i), double((r * 31 + i * 17) % 100) / 100.0);
        array.append(row);
    }
    return QJsonDocument(QJsonObject{{u"rows"_s, array}}).toJson(QJsonDocument::Compact);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const Result<QString> python = PythonResolver::find({u"sklearn"_s});
    if (!python) {
        std::fprintf(stderr, "bench_serving: %s\n", qPrintable(python.error().message));
        return 1;
    }
    QTemporaryDir dir;
    Result<Workspace> created = Workspace::create(dir.filePath(u"ws"_s), {});
    if (!created) {
        std::fprintf(stderr, "bench_serving: %s\n", qPrintable(created.error().message));
        return 1;
    }
    Workspace workspace = std::move(created).value();
    const QString modelDir = dir.filePath(u"model"_s);
    QProcess train;
    train.start(python.value(), {u"-c"_s, QString::fromUtf8(kTrain), modelDir});
    if (!train.waitForFinished(300000) || train.exitCode() != 0) {
        std::fprintf(stderr, "bench_serving: training failed: %s\n",
                     train.readAllStandardError().constData());
        return 1;
    }
    Database &db = workspace.catalog();
    (void)db.query("INSERT INTO models (id, name) VALUES (1, 'bench')").exec();
    (void)db
        .query("INSERT INTO model_versions (id, model_id, version, framework, source_path) "
               "VALUES (1, 1, 1, 'sklearn', ?1)")
        .bind(1, modelDir)
        .exec();
    for (const QString &name : {u"model.pkl"_s, u"model.json"_s}) {
        const Result<StoredObject> stored = workspace.storeFile(modelDir + u'/' + name);
        if (!stored)
            return 1;
        (void)db
            .query("INSERT INTO model_files (version_id, path, hash, size) VALUES (1, ?1, ?2, ?3)")
            .bind(1, name)
            .bind(2, stored->hash)
            .bind(3, stored->size)
            .exec();
    }

    ModelServices services(workspace);
    QElapsedTimer clock;
    clock.start();
    const Result<ServiceInfo> service = services.deploy(1);
    const qint64 deployMs = clock.elapsed();
    if (!service) {
        std::fprintf(stderr, "bench_serving: %s\n", qPrintable(service.error().message));
        return 1;
    }
    std::printf("deploy to first 200 from /health        %lld ms\n", (long long)deployMs);

    const QString url = service->url() + u"/predict"_s;
    const struct
    {
        int rows;
        int requests;
    } cases[] = {{1, 1000}, {1000, 100}};
    Figures served[2];
    bool ok = true;
    for (int c = 0; c < 2 && ok; ++c) {
        const QByteArray body = rowsBody(cases[c].rows);
        for (int i = 0; i < 20; ++i) // warm-up
            (void)ModelServices::http(url, body);
        std::vector<double> ms;
        for (int i = 0; i < cases[c].requests; ++i) {
            QElapsedTimer t;
            t.start();
            const Result<ModelServices::HttpReply> reply = ModelServices::http(url, body);
            ms.push_back(double(t.nsecsElapsed()) / 1e6);
            if (!reply || reply->status != 200) {
                std::fprintf(stderr, "bench_serving: request failed\n");
                ok = false;
                break;
            }
        }
        if (ok)
            served[c] = summarise(ms);
    }
    (void)services.undeploy(service->id);
    if (!ok)
        return 1;

    // The anchor: the same model, the same rows, in-process in Python.
    QProcess anchor;
    anchor.start(python.value(),
                 {QCoreApplication::applicationDirPath() + u"/bench_serving_anchor.py"_s,
                  modelDir + u"/model.pkl"_s, QString::number(kFeatures)});
    if (!anchor.waitForFinished(300000) || anchor.exitCode() != 0) {
        std::fprintf(stderr, "bench_serving: anchor failed: %s\n",
                     anchor.readAllStandardError().constData());
        return 1;
    }
    const QJsonObject inProcess = QJsonDocument::fromJson(anchor.readAllStandardOutput()).object();
    for (int c = 0; c < 2; ++c) {
        const QJsonObject a = inProcess.value(QString::number(cases[c].rows)).toObject();
        const double ap50 = a.value(u"p50"_s).toDouble();
        const double ap99 = a.value(u"p99"_s).toDouble();
        const Figures &s = served[c];
        std::printf("== %d row(s) per request, %d requests\n", cases[c].rows, s.requests);
        std::printf("anchor  Python in-process predict+proba  p50 %8.3f ms  p99 %8.3f ms\n", ap50,
                    ap99);
        std::printf("service POST /predict (libcurl)          p50 %8.3f ms  p99 %8.3f ms   "
                    "overhead p50 %.2fx\n",
                    s.p50, s.p99, s.p50 / ap50);
        std::printf("service throughput (1 client)            %.0f requests/s  %.0f rows/s\n",
                    1000.0 * s.requests / s.totalMs,
                    1000.0 * s.requests * cases[c].rows / s.totalMs);
    }
    return 0;
}
