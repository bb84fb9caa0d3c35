// `atelier model deploy --max-body-mb` through the real executable (issue #15): a real
// scikit-learn model is registered with `model register`, deployed with a 1 MiB body cap, and
// sent real HTTP requests above and below the cap; the cap must survive the service's SIGKILL
// followed by `model restart`, and an undeploy followed by `model restart`.
#include "pipeline/pythonresolver.h"
#include "serving/modelservices.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <signal.h>

using namespace atelier;
using namespace Qt::StringLiterals;

namespace {

constexpr const char *kTrainScript = R"py(
import json, os, pickle, sys
from sklearn.linear_model import LogisticRegression
out = sys.argv[1]
X = [[i / 10.0, (i % 7) / 7.0] for i in range(60)]
y = ["left" if a < 3.0 else "right" for a, _ in X]
os.makedirs(out, exist_ok=True)
with open(os.path.join(out, "model.pkl"), "wb") as f:
    pickle.dump(LogisticRegression().fit(X, y), f)
with open(os.path.join(out, "model.json"), "w") as f:
    json.dump({"framework": "sklearn", "algorithm": "logistic_regression", "features": ["a", "b"],
               "target": "label", "classes": ["left", "right"], "rows": len(X)}, f)
)py";

struct Outcome
{
    int exitCode = -1;
    QString out;
    QString err;
};

QString describe(const Outcome &outcome)
{
    return u"exit %1\nstdout: %2\nstderr: %3"_s.arg(outcome.exitCode)
        .arg(outcome.out.left(2000), outcome.err.left(2000));
}

/// A /predict body of about \a bytes: that many bytes' worth of rows.
QByteArray rowsOfSize(qint64 bytes)
{
    const QByteArray row = R"({"a":0.5,"b":0.25},)";
    QByteArray body = R"({"rows":[)";
    while (body.size() + row.size() < bytes)
        body += row;
    body += R"({"a":5.5,"b":0.75}]})";
    return body;
}

bool isAlive(qint64 pid)
{
    if (pid <= 0 || (::kill(pid_t(pid), 0) != 0 && errno == ESRCH))
        return false;
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray text = stat.readAll();
    const qsizetype close = text.lastIndexOf(')');
    return close >= 0 && close + 2 < text.size() && text.at(close + 2) != 'Z';
}

} // namespace

class TestServingCli : public QObject
{
    Q_OBJECT

private:
    Outcome run(const QStringList &args);
    QJsonObject json(const QStringList &args);
    long post(const QJsonObject &service, const QByteArray &body);

    QTemporaryDir m_dir;
    QString m_workspace;
    QList<qint64> m_services; ///< killed in cleanupTestCase() whatever a failed test left

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void bodyCapIsKeptAcrossRestarts();
    void bodyCapOutOfRangeIsAUsageError();
};

Outcome TestServingCli::run(const QStringList &args)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"LANG"_s, u"C.UTF-8"_s);
    env.remove(u"LC_ALL"_s);
    env.remove(u"LANGUAGE"_s);
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(ATELIER_BINARY),
                  args + QStringList{u"--workspace"_s, m_workspace});
    Outcome outcome;
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished(5000);
        return outcome;
    }
    outcome.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    outcome.out = QString::fromUtf8(process.readAllStandardOutput());
    outcome.err = QString::fromUtf8(process.readAllStandardError());
    return outcome;
}

QJsonObject TestServingCli::json(const QStringList &args)
{
    const Outcome outcome = run(args + QStringList{u"--json"_s});
    if (outcome.exitCode != 0) {
        qWarning().noquote() << describe(outcome);
        return {};
    }
    const QJsonObject object = QJsonDocument::fromJson(outcome.out.toUtf8()).object();
    if (const qint64 pid = qint64(object.value(u"pid"_s).toDouble()); pid > 0)
        m_services << pid;
    return object;
}

/// A real POST to the service's /predict; its HTTP status (0: no answer).
long TestServingCli::post(const QJsonObject &service, const QByteArray &body)
{
    const Result<ModelServices::HttpReply> reply =
        ModelServices::http(service.value(u"url"_s).toString() + u"/predict"_s, body, 30000);
    return reply ? reply->status : 0;
}

void TestServingCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const Result<QString> python = PythonResolver::find({u"sklearn"_s});
    if (!python)
        QSKIP(qPrintable(u"no Python with scikit-learn: "_s + python.error().message));
    m_workspace = m_dir.filePath(u"ws"_s);
    QProcess init;
    init.start(QStringLiteral(ATELIER_BINARY), {u"init"_s, m_workspace});
    QVERIFY(init.waitForFinished(60000));
    QCOMPARE(init.exitCode(), 0);

    const QString model = m_dir.filePath(u"model"_s);
    QProcess train;
    train.start(python.value(), {u"-c"_s, QString::fromUtf8(kTrainScript), model});
    QVERIFY(train.waitForFinished(120000));
    QVERIFY2(train.exitCode() == 0, train.readAllStandardError().constData());
    const Outcome registered =
        run({u"model"_s, u"register"_s, model, u"--name"_s, u"capped"_s, u"--trust-pickle"_s});
    QVERIFY2(registered.exitCode == 0, qPrintable(describe(registered)));
}

void TestServingCli::cleanupTestCase()
{
    for (qint64 pid : std::as_const(m_services))
        if (isAlive(pid))
            ::killpg(pid_t(pid), SIGKILL);
}

void TestServingCli::bodyCapIsKeptAcrossRestarts()
{
    const QByteArray over = rowsOfSize(3 << 19); // 1.5 MiB
    const QByteArray under = rowsOfSize(600000); // about 0.6 MiB
    QVERIFY(over.size() > (1 << 20) && under.size() < (1 << 20));

    QJsonObject service = json({u"model"_s, u"deploy"_s, u"capped"_s, u"--max-body-mb"_s, u"1"_s});
    QCOMPARE(service.value(u"state"_s).toString(), u"running"_s);
    QCOMPARE(service.value(u"max_body_mb"_s).toInt(), 1);
    QCOMPARE(post(service, over), 413L);
    QCOMPARE(post(service, under), 200L);

    // Killed: `model restart` starts it again with the same cap.
    const qint64 pid = qint64(service.value(u"pid"_s).toDouble());
    QVERIFY(pid > 0);
    QCOMPARE(::killpg(pid_t(pid), SIGKILL), 0);
    QTRY_VERIFY_WITH_TIMEOUT(!isAlive(pid), 5000);
    service = json({u"model"_s, u"restart"_s, service.value(u"id"_s).toString()});
    QCOMPARE(service.value(u"state"_s).toString(), u"running"_s);
    QCOMPARE(service.value(u"max_body_mb"_s).toInt(), 1);
    QCOMPARE(post(service, over), 413L);
    QCOMPARE(post(service, under), 200L);

    // Undeployed, then restarted: the same again.
    const Outcome undeployed = run({u"model"_s, u"undeploy"_s, service.value(u"id"_s).toString()});
    QVERIFY2(undeployed.exitCode == 0, qPrintable(describe(undeployed)));
    service = json({u"model"_s, u"restart"_s, service.value(u"id"_s).toString()});
    QCOMPARE(service.value(u"max_body_mb"_s).toInt(), 1);
    QCOMPARE(post(service, over), 413L);

    // Without the option: the default cap (64 MiB) lets the same body through.
    QVERIFY(run({u"model"_s, u"undeploy"_s, u"capped"_s}).exitCode == 0);
    service = json({u"model"_s, u"deploy"_s, u"capped"_s});
    QCOMPARE(service.value(u"max_body_mb"_s).toInt(), DeployOptions::kDefaultMaxBodyMb);
    QCOMPARE(post(service, over), 200L);
    QVERIFY(run({u"model"_s, u"undeploy"_s, u"capped"_s}).exitCode == 0);
}

void TestServingCli::bodyCapOutOfRangeIsAUsageError()
{
    for (const QString &value : {u"0"_s, u"-3"_s, u"lots"_s, u"1000000"_s}) {
        const Outcome outcome =
            run({u"model"_s, u"deploy"_s, u"capped"_s, u"--max-body-mb"_s, value});
        QVERIFY2(outcome.exitCode == 2, qPrintable(describe(outcome)));
        QVERIFY2(outcome.err.contains(u"--max-body-mb"_s), qPrintable(describe(outcome)));
    }
}

QTEST_GUILESS_MAIN(TestServingCli)
#include "tst_servingcli.moc"
