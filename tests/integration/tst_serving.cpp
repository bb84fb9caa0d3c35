// Serves a real scikit-learn model: trains it with /usr/bin/python3, registers it in a real
// workspace, deploys resources/serving/serve.py as a detached service and talks HTTP to it.
// Every process a test starts is killed in cleanup(), whether the test passed or not.
#include "catalog/database.h"
#include "core/workspace.h"
#include "pipeline/pythonresolver.h"
#include "serving/modelservices.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <arpa/inet.h>
#include <cerrno>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <memory>
#include <optional>

using namespace atelier;
using namespace Qt::StringLiterals;

namespace {

// Trains a logistic regression on two features and a string label, writes the model port
// (model.pkl + model.json) into argv[1], and prints its predictions for the rows in argv[2].
constexpr const char *kTrainScript = R"py(
import json, os, pickle, sys
from sklearn.linear_model import LogisticRegression
out, rows = sys.argv[1], json.loads(sys.argv[2])
X = [[i / 10.0, (i % 7) / 7.0] for i in range(60)]
y = ["left" if a < 3.0 else "right" for a, _ in X]
model = LogisticRegression().fit(X, y)
os.makedirs(out, exist_ok=True)
with open(os.path.join(out, "model.pkl"), "wb") as f:
    pickle.dump(model, f)
with open(os.path.join(out, "model.json"), "w") as f:
    json.dump({"framework": "sklearn", "algorithm": "logistic_regression",
               "features": ["a", "b"], "target": "label", "classes": ["left", "right"],
               "rows": len(X)}, f)
print(json.dumps([str(p) for p in model.predict([[r["a"], r["b"]] for r in rows])]))
)py";

const QJsonArray kRows{
    QJsonObject{{u"a"_s, 0.5}, {u"b"_s, 0.1}}, QJsonObject{{u"a"_s, 5.5}, {u"b"_s, 0.9}},
    QJsonObject{{u"a"_s, 2.0}, {u"b"_s, 0.3}}, QJsonObject{{u"a"_s, 4.2}, {u"b"_s, 0.0}}};

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool isAlive(qint64 pid)
{
    if (pid <= 0)
        return false;
    if (::kill(pid_t(pid), 0) != 0)
        return errno != ESRCH;
    const QByteArray stat = readFile(u"/proc/%1/stat"_s.arg(pid));
    const qsizetype close = stat.lastIndexOf(')');
    return close < 0 || close + 2 >= stat.size() ||
           (stat.at(close + 2) != 'Z' && stat.at(close + 2) != 'X');
}

/// Binds a plain socket to 127.0.0.1:\a port (SO_REUSEADDR, so only a listener refuses it).
bool canBind(int port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return false;
    const int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in address = {};
    address.sin_family = AF_INET;
    address.sin_port = htons(uint16_t(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const bool ok = ::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0 &&
                    ::listen(fd, 1) == 0;
    ::close(fd);
    return ok;
}

/// A port that was free a moment ago.
int freePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address = {};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    ::bind(fd, reinterpret_cast<sockaddr *>(&address), length);
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length);
    ::close(fd);
    return ntohs(address.sin_port);
}

QStringList predictionsOf(const QJsonObject &answer)
{
    QStringList out;
    for (const QJsonValue &value : answer.value(u"predictions"_s).toArray())
        out << value.toString();
    return out;
}

} // namespace

class TestServing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void cleanupTestCase();

    void deployPredictUndeploy();
    void refusesBadRows();
    void givenPortAndBusyPort();
    void corruptModelLeavesNothingRunning();
    void deadProcessIsMarkedFailed();
    void predictWithoutService();
    void batchCsv();
    void restartKeepsPort();
    void hostileClientsAreBounded();

private:
    qint64 addVersion(int version, const QString &modelDir);
    ModelServices services() { return ModelServices(*m_workspace); }

    QTemporaryDir m_dir;
    std::optional<Workspace> m_workspace;
    QString m_python;
    QStringList m_expected;
    qint64 m_good = 0;
    qint64 m_corrupt = 0;
};

void TestServing::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const Result<QString> python = PythonResolver::find({u"sklearn"_s});
    if (!python)
        QSKIP(qPrintable(u"no Python with scikit-learn: "_s + python.error().message));
    m_python = python.value();
    QVERIFY2(!ModelServices::serveScript().isEmpty(), "serve.py not found");

    Result<Workspace> workspace = Workspace::create(m_dir.filePath(u"ws"_s), {});
    QVERIFY2(workspace.ok(), qPrintable(workspace ? QString() : workspace.error().message));
    m_workspace.emplace(std::move(workspace).value());

    const QString modelDir = m_dir.filePath(u"trained"_s);
    QProcess train;
    train.start(m_python, {u"-c"_s, QString::fromUtf8(kTrainScript), modelDir,
                           QString::fromUtf8(QJsonDocument(kRows).toJson(QJsonDocument::Compact))});
    QVERIFY(train.waitForFinished(120000));
    QVERIFY2(train.exitCode() == 0, train.readAllStandardError().constData());
    for (const QJsonValue &value : QJsonDocument::fromJson(train.readAllStandardOutput()).array())
        m_expected << value.toString();
    QCOMPARE(m_expected.size(), kRows.size());
    QVERIFY(m_expected.contains(u"left"_s) && m_expected.contains(u"right"_s));

    Database &db = m_workspace->catalog();
    QVERIFY(db.query("INSERT INTO models (id, name) VALUES (1, 'iris tiny')").exec().ok());
    m_good = addVersion(1, modelDir);

    const QString corruptDir = m_dir.filePath(u"corrupt"_s);
    QVERIFY(QDir().mkpath(corruptDir));
    QVERIFY(QFile::copy(modelDir + u"/model.json"_s, corruptDir + u"/model.json"_s));
    QFile bad(corruptDir + u"/model.pkl"_s);
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write("this is not a pickle");
    bad.close();
    m_corrupt = addVersion(2, corruptDir);
    QVERIFY(m_good > 0 && m_corrupt > 0);
}

qint64 TestServing::addVersion(int version, const QString &modelDir)
{
    Database &db = m_workspace->catalog();
    const qint64 id = 100 + version;
    if (!db.query("INSERT INTO model_versions (id, model_id, version, framework, source_path) "
                  "VALUES (?1, 1, ?2, 'sklearn', ?3)")
             .bind(1, id)
             .bind(2, version)
             .bind(3, modelDir)
             .exec())
        return 0;
    for (const QString &name : {u"model.pkl"_s, u"model.json"_s}) {
        const Result<StoredObject> stored = m_workspace->storeFile(modelDir + u'/' + name);
        if (!stored)
            return 0;
        if (!db.query("INSERT INTO model_files (version_id, path, hash, size) "
                      "VALUES (?1, ?2, ?3, ?4)")
                 .bind(1, id)
                 .bind(2, name)
                 .bind(3, stored->hash)
                 .bind(4, stored->size)
                 .exec())
            return 0;
    }
    return id;
}

// Whatever a test left behind (a failed QVERIFY skips its undeploy) is killed here.
void TestServing::cleanup()
{
    if (!m_workspace)
        return;
    QList<qint64> pids;
    (void)m_workspace->catalog()
        .query("SELECT pid FROM services WHERE pid IS NOT NULL")
        .forEach([&pids](const Query &q) { pids << q.int64(0); });
    for (qint64 pid : std::as_const(pids)) {
        if (isAlive(pid) && readFile(u"/proc/%1/cmdline"_s.arg(pid)).contains("serve.py")) {
            ::killpg(pid_t(pid), SIGKILL);
            QTRY_VERIFY_WITH_TIMEOUT(!isAlive(pid), 5000);
        }
    }
}

void TestServing::cleanupTestCase()
{
    cleanup();
}

void TestServing::deployPredictUndeploy()
{
    ModelServices s = services();
    QCOMPARE(s.resolveVersion(u"iris tiny"_s).value_or(0), m_corrupt); // the newest
    QCOMPARE(s.resolveVersion(u"iris tiny:1"_s).value_or(0), m_good);
    QVERIFY(!s.resolveVersion(u"iris tiny:9"_s).ok());

    const Result<ServiceInfo> deployed = s.deploy(m_good);
    QVERIFY2(deployed.ok(), qPrintable(deployed ? QString() : deployed.error().message));
    const ServiceInfo service = deployed.value();
    QCOMPARE(service.state, u"running"_s);
    QCOMPARE(service.host, u"127.0.0.1"_s); // loopback unless asked otherwise
    QVERIFY(service.port > 0);
    QVERIFY(isAlive(service.pid));
    QVERIFY(service.id.startsWith(u"svc-iris-tiny-v1-"_s));
    QCOMPARE(::getpgid(pid_t(service.pid)), pid_t(service.pid)); // its own process group
    QVERIFY(!canBind(service.port));

    const Result<ModelServices::HttpReply> health =
        ModelServices::http(service.url() + u"/health"_s);
    QVERIFY(health.ok());
    QCOMPARE(health->status, 200L);
    const QJsonObject healthBody = QJsonDocument::fromJson(health->body).object();
    QCOMPARE(healthBody.value(u"status"_s).toString(), u"ok"_s);
    QCOMPARE(healthBody.value(u"model"_s).toString(), u"iris tiny:1"_s);

    const Result<QJsonObject> answer = s.predict(service, kRows);
    QVERIFY2(answer.ok(), qPrintable(answer ? QString() : answer.error().message));
    QCOMPARE(predictionsOf(answer.value()), m_expected);
    const QJsonArray probabilities = answer->value(u"probabilities"_s).toArray();
    QCOMPARE(probabilities.size(), kRows.size());
    QCOMPARE(probabilities.at(0).toArray().size(), 2);

    // A bare list of rows is accepted too.
    const Result<ModelServices::HttpReply> raw = ModelServices::http(
        service.url() + u"/predict"_s, QJsonDocument(kRows).toJson(QJsonDocument::Compact));
    QVERIFY(raw.ok());
    QCOMPARE(raw->status, 200L);
    QCOMPARE(predictionsOf(QJsonDocument::fromJson(raw->body).object()), m_expected);

    // The running service is found for the version, and its request count is read back.
    const Result<std::optional<ServiceInfo>> running = s.runningFor(m_good);
    QVERIFY(running.ok() && running.value().has_value());
    QCOMPARE(running.value()->id, service.id);
    QTRY_COMPARE(s.service(service.id)->requests, 2);
    QVERIFY(s.service(service.id)->meanLatencyMs > 0);
    const QList<QByteArray> metrics =
        readFile(service.folder + u"/metrics.jsonl"_s).trimmed().split('\n');
    QCOMPARE(metrics.size(), 4);
    QCOMPARE(QJsonDocument::fromJson(metrics.at(2)).object().value(u"key"_s).toString(),
             u"requests"_s);
    QCOMPARE(QJsonDocument::fromJson(metrics.at(2)).object().value(u"value"_s).toInt(), 2);
    QVERIFY(readFile(service.folder + u"/stdout.log"_s).contains("POST /predict"));

    const Result<ServiceInfo> stopped = s.undeploy(service.id);
    QVERIFY2(stopped.ok(), qPrintable(stopped ? QString() : stopped.error().message));
    QCOMPARE(stopped->state, u"stopped"_s);
    QVERIFY(stopped->message.isEmpty());
    QVERIFY(!stopped->stoppedAt.isEmpty());
    QVERIFY(!isAlive(service.pid));
    QVERIFY(canBind(service.port));
    QVERIFY(!ModelServices::http(service.url() + u"/health"_s, {}, 1000).ok());
    QVERIFY(!s.runningFor(m_good).value().has_value());
}

void TestServing::refusesBadRows()
{
    ModelServices s = services();
    const Result<ServiceInfo> service = s.deploy(m_good);
    QVERIFY2(service.ok(), qPrintable(service ? QString() : service.error().message));

    const Result<QJsonObject> missing = s.predict(service.value(), {QJsonObject{{u"a"_s, 1.0}}});
    QVERIFY(!missing.ok());
    QVERIFY2(missing.error().message.contains(u"HTTP 400"_s), qPrintable(missing.error().message));
    QVERIFY2(missing.error().message.contains(u"missing feature(s): b"_s),
             qPrintable(missing.error().message));

    const Result<ModelServices::HttpReply> text =
        ModelServices::http(service->url() + u"/predict"_s, "{not json");
    QVERIFY(text.ok());
    QCOMPARE(text->status, 400L);
    const Result<ModelServices::HttpReply> word =
        ModelServices::http(service->url() + u"/predict"_s, R"({"rows": [{"a": "wide", "b": 1}]})");
    QCOMPARE(word->status, 400L);
    QVERIFY(word->body.contains("not a number"));
    QCOMPARE(ModelServices::http(service->url() + u"/nowhere"_s)->status, 404L);
    // Still serving after refusals.
    QCOMPARE(predictionsOf(s.predict(service.value(), kRows).value_or({})), m_expected);
    QVERIFY(s.undeploy(service->id).ok());
    QVERIFY(!isAlive(service->pid));
}

void TestServing::givenPortAndBusyPort()
{
    ModelServices s = services();
    const int port = freePort();
    DeployOptions options;
    options.port = port;
    const Result<ServiceInfo> service = s.deploy(m_good, options);
    QVERIFY2(service.ok(), qPrintable(service ? QString() : service.error().message));
    QCOMPARE(service->port, port);
    QCOMPARE(ModelServices::http(u"http://127.0.0.1:%1/health"_s.arg(port))->status, 200L);

    // The same port again is refused before anything starts.
    const Result<ServiceInfo> second = s.deploy(m_good, options);
    QVERIFY(!second.ok());
    QCOMPARE(second.error().code, ErrorCode::Conflict);
    QVERIFY(s.undeploy(service->id).ok());
    QVERIFY(canBind(port));
}

void TestServing::corruptModelLeavesNothingRunning()
{
    ModelServices s = services();
    const Result<ServiceInfo> deployed = s.deploy(m_corrupt);
    QVERIFY(!deployed.ok());
    QVERIFY2(deployed.error().message.contains(u"UnpicklingError"_s),
             qPrintable(deployed.error().message));
    QVERIFY2(deployed.error().message.contains(u"model.pkl"_s),
             qPrintable(deployed.error().message));

    const Result<QList<ServiceInfo>> all = s.list();
    QVERIFY(all.ok());
    bool found = false;
    for (const ServiceInfo &service : all.value()) {
        if (service.versionId != m_corrupt)
            continue;
        found = true;
        QCOMPARE(service.state, u"failed"_s);
        QVERIFY(service.message.contains(u"UnpicklingError"_s));
        QVERIFY(service.pid > 0);
        QVERIFY(!isAlive(service.pid));
        QVERIFY(!QFile::exists(service.folder + u"/port"_s)); // it never listened
    }
    QVERIFY(found);
}

void TestServing::deadProcessIsMarkedFailed()
{
    ModelServices s = services();
    const Result<ServiceInfo> service = s.deploy(m_good);
    QVERIFY2(service.ok(), qPrintable(service ? QString() : service.error().message));
    QCOMPARE(::killpg(pid_t(service->pid), SIGKILL), 0);
    QTRY_VERIFY_WITH_TIMEOUT(!isAlive(service->pid), 5000);
    const Result<ServiceInfo> refreshed = s.service(service->id);
    QVERIFY(refreshed.ok());
    QCOMPARE(refreshed->state, u"failed"_s);
    QVERIFY2(refreshed->message.contains(u"has ended"_s), qPrintable(refreshed->message));
    // Undeploying a failed service only records it; nothing is killed.
    QVERIFY(s.undeploy(service->id).ok());
}

void TestServing::predictWithoutService()
{
    ModelServices s = services();
    QVERIFY(!s.runningFor(m_good).value().has_value());
    const Result<QJsonObject> answer = s.predictOnce(m_good, kRows);
    QVERIFY2(answer.ok(), qPrintable(answer ? QString() : answer.error().message));
    QCOMPARE(predictionsOf(answer.value()), m_expected);
    const Result<QJsonObject> bad = s.predictOnce(m_good, {QJsonObject{{u"b"_s, 1}}});
    QVERIFY(!bad.ok());
    QVERIFY2(bad.error().message.contains(u"missing feature(s): a"_s),
             qPrintable(bad.error().message));
    const Result<QJsonObject> corrupt = s.predictOnce(m_corrupt, kRows);
    QVERIFY(!corrupt.ok());
    QVERIFY(corrupt.error().message.contains(u"UnpicklingError"_s));
}

void TestServing::batchCsv()
{
    const QString input = m_dir.filePath(u"in.csv"_s);
    const QString output = m_dir.filePath(u"out.csv"_s);
    QFile file(input);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("id,b,a\n");
    for (qsizetype i = 0; i < kRows.size(); ++i) {
        const QJsonObject row = kRows.at(i).toObject();
        file.write(u"%1,%2,%3\n"_s.arg(i)
                       .arg(row.value(u"b"_s).toDouble())
                       .arg(row.value(u"a"_s).toDouble())
                       .toUtf8());
    }
    file.close();
    ModelServices s = services();
    const Result<qint64> written = s.predictCsv(m_good, input, output);
    QVERIFY2(written.ok(), qPrintable(written ? QString() : written.error().message));
    QCOMPARE(written.value(), kRows.size());
    const QList<QByteArray> lines = readFile(output).trimmed().split('\n');
    QCOMPARE(lines.size(), kRows.size() + 1);
    QCOMPARE(lines.at(0).trimmed(), QByteArray("id,b,a,prediction,probability"));
    for (qsizetype i = 0; i < kRows.size(); ++i)
        QCOMPARE(QString::fromUtf8(lines.at(i + 1).split(',').at(3)), m_expected.at(i));

    QFile broken(input);
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("a,c\n1,2\n");
    broken.close();
    const Result<qint64> refused = s.predictCsv(m_good, input, output);
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().message.contains(u"no column(s) b"_s),
             qPrintable(refused.error().message));
}

void TestServing::restartKeepsPort()
{
    ModelServices s = services();
    const Result<ServiceInfo> first = s.deploy(m_good);
    QVERIFY2(first.ok(), qPrintable(first ? QString() : first.error().message));
    const Result<ServiceInfo> second = s.restart(first->id);
    QVERIFY2(second.ok(), qPrintable(second ? QString() : second.error().message));
    QVERIFY(second->id != first->id);
    QCOMPARE(second->port, first->port);
    QVERIFY(!isAlive(first->pid));
    QCOMPARE(s.service(first->id)->state, u"stopped"_s);
    QCOMPARE(predictionsOf(s.predict(second.value(), kRows).value_or({})), m_expected);
    QVERIFY(s.undeploy(second->id).ok());
    QVERIFY(!isAlive(second->pid));
}

QTEST_GUILESS_MAIN(TestServing)
namespace {

/// A TCP connection to 127.0.0.1:\a port, or -1.
int connectTo(int port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(quint16(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0) {
        ::close(fd);
        return -1;
    }
    timeval wait{15, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, sizeof wait);
    return fd;
}

} // namespace

// #15 item 10: stalled clients are dropped, connections bounded, a huge body refused before it
// is read, JSON nested past the parser's depth a client error.
void TestServing::hostileClientsAreBounded()
{
    ModelServices s = services();
    const Result<ServiceInfo> service = s.deploy(m_good);
    QVERIFY2(service.ok(), qPrintable(service ? QString() : service.error().message));

    QByteArray nested(200000, '[');
    nested += QByteArray(200000, ']');
    const Result<ModelServices::HttpReply> deep =
        ModelServices::http(service->url() + u"/predict"_s, nested);
    QVERIFY(deep.ok());
    QCOMPARE(deep->status, 400L);

    // 100 MB announced, nothing sent: refused from the header alone (default cap 64 MiB).
    const int big = connectTo(service->port);
    QVERIFY(big >= 0);
    const QByteArray head = "POST /predict HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                            "Content-Length: 104857600\r\n\r\n";
    QCOMPARE(::send(big, head.constData(), size_t(head.size()), 0), ssize_t(head.size()));
    char answer[64] = {};
    QVERIFY(::recv(big, answer, sizeof answer - 1, 0) > 12);
    QVERIFY2(QByteArray(answer).startsWith("HTTP/1.1 413"), answer);
    ::close(big);

    // 60 clients that connect and never send: the server drops every one within its read
    // timeout (10 s) and then serves again.
    QList<int> stalled;
    for (int i = 0; i < 60; ++i) {
        const int fd = connectTo(service->port);
        QVERIFY(fd >= 0);
        stalled.append(fd);
    }
    QElapsedTimer clock;
    clock.start();
    int dropped = 0;
    for (int fd : std::as_const(stalled)) {
        char byte = 0;
        // EOF or a 503 for those past the pool; a timeout (-1, EAGAIN) means still held.
        if (::recv(fd, &byte, 1, 0) >= 0)
            ++dropped;
        ::close(fd);
    }
    QCOMPARE(dropped, 60);
    QVERIFY2(clock.elapsed() < 14000, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(predictionsOf(s.predict(service.value(), kRows).value_or({})), m_expected);
    QVERIFY(s.undeploy(service->id).ok());
}

#include "tst_serving.moc"
