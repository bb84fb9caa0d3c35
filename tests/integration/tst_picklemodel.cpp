// A bare pickled scikit-learn model (.joblib, .pkl), as people save them, through the real
// command line: register (with --trust-pickle, Atelier derives model.json from the estimator),
// validate, predict --rows, deploy, a real HTTP predict against the service, undeploy. The
// models are made here by /usr/bin/python3 with scikit-learn and joblib (python3-sklearn).
// Before, such a version validated as PASSED and then failed to deploy or predict with
// "cannot read …/model.json".
#include "serving/modelservices.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace atelier;

namespace {

// argv: the output file, the rows (JSON). Trains on three unnamed numeric columns, saves the
// estimator with joblib or pickle by the file's suffix, and prints its own predictions for
// the rows (given as x0, x1, x2: scikit-learn's names for unnamed columns).
constexpr const char *kTrainScript = R"py(
import json, pickle, sys
import joblib
from sklearn.linear_model import LogisticRegression
from sklearn.ensemble import RandomForestClassifier
out, rows = sys.argv[1], json.loads(sys.argv[2])
X = [[i / 10.0, (i % 7) / 7.0, (i % 3) - 1.0] for i in range(90)]
y = ["low" if a < 4.5 else "high" for a, _, _ in X]
if out.endswith(".joblib"):
    model = LogisticRegression().fit(X, y)
    joblib.dump(model, out)
else:
    model = RandomForestClassifier(n_estimators=5, random_state=0).fit(X, y)
    with open(out, "wb") as f:
        pickle.dump(model, f)
print(json.dumps([str(p) for p in model.predict([[r["x0"], r["x1"], r["x2"]] for r in rows])]))
)py";

const QJsonArray kRows{QJsonObject{{u"x0"_s, 0.5}, {u"x1"_s, 0.1}, {u"x2"_s, 0.0}},
                       QJsonObject{{u"x0"_s, 8.5}, {u"x1"_s, 0.9}, {u"x2"_s, 1.0}},
                       QJsonObject{{u"x0"_s, 2.0}, {u"x1"_s, 0.3}, {u"x2"_s, -1.0}}};

struct Outcome
{
    int code = -1;
    QString out;
    QString err;
};

Outcome run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    Outcome outcome;
    if (!process.waitForFinished(180000)) {
        process.kill();
        process.waitForFinished();
        return outcome;
    }
    outcome.out = QString::fromUtf8(process.readAllStandardOutput());
    outcome.err = QString::fromUtf8(process.readAllStandardError());
    outcome.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return outcome;
}

QJsonObject json(const Outcome &outcome)
{
    return QJsonDocument::fromJson(outcome.out.toUtf8()).object();
}

QStringList predictionsOf(const QJsonObject &answer)
{
    QStringList out;
    for (const QJsonValue &value : answer.value(u"predictions"_s).toArray())
        out << value.toString();
    return out;
}

} // namespace

class TestPickleModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void bareModelIsDeployable_data();
    void bareModelIsDeployable();
    void withoutFeaturesValidationSaysHowToFixIt();

private:
    Outcome atelier(const QStringList &arguments)
    {
        return run(QStringLiteral(ATELIER_BINARY),
                   arguments + QStringList{u"--workspace"_s, m_workspace});
    }
    QStringList train(const QString &file);

    QTemporaryDir m_dir;
    QString m_workspace;
    QStringList m_services; ///< deployed here; undeployed in cleanup() whatever happened
};

void TestPickleModel::initTestCase()
{
    QVERIFY(m_dir.isValid());
    if (run(u"/usr/bin/python3"_s, {u"-c"_s, u"import sklearn, joblib"_s}).code != 0)
        QSKIP("/usr/bin/python3 has no scikit-learn (python3-sklearn)");
    m_workspace = m_dir.filePath(u"ws"_s);
    const Outcome made = run(QStringLiteral(ATELIER_BINARY), {u"init"_s, m_workspace});
    QVERIFY2(made.code == 0, qPrintable(made.err));
}

void TestPickleModel::cleanup()
{
    for (const QString &service : std::as_const(m_services))
        atelier({u"model"_s, u"undeploy"_s, service});
    m_services.clear();
}

QStringList TestPickleModel::train(const QString &file)
{
    const Outcome trained =
        run(u"/usr/bin/python3"_s,
            {u"-c"_s, QString::fromUtf8(kTrainScript), file,
             QString::fromUtf8(QJsonDocument(kRows).toJson(QJsonDocument::Compact))});
    if (trained.code != 0)
        qWarning("%s", qPrintable(trained.err));
    QStringList expected;
    for (const QJsonValue &value : QJsonDocument::fromJson(trained.out.toUtf8()).array())
        expected << value.toString();
    return expected;
}

void TestPickleModel::bareModelIsDeployable_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("algorithm");
    QTest::newRow("joblib") << u"classifier.joblib"_s << u"LogisticRegression"_s;
    QTest::newRow("pickle") << u"forest.pkl"_s << u"RandomForestClassifier"_s;
}

void TestPickleModel::bareModelIsDeployable()
{
    QFETCH(QString, file);
    QFETCH(QString, algorithm);
    const QString path = m_dir.filePath(u"saved/"_s + file);
    QVERIFY(QDir().mkpath(QFileInfo(path).path()));
    const QStringList expected = train(path);
    QCOMPARE(expected.size(), kRows.size());
    QVERIFY(expected.contains(u"low"_s) && expected.contains(u"high"_s));
    const QString name = QFileInfo(file).completeBaseName();

    // Register: model.json derived from the estimator and stored beside the file, whose name
    // is kept.
    const Outcome registered = atelier(
        {u"model"_s, u"register"_s, path, u"--name"_s, name, u"--trust-pickle"_s, u"--json"_s});
    QVERIFY2(registered.code == 0, qPrintable(registered.err));
    const QJsonObject version = json(registered);
    QCOMPARE(version.value(u"framework"_s).toString(), u"sklearn"_s);
    QCOMPARE(version.value(u"warnings"_s).toArray(), QJsonArray());
    QStringList files;
    for (const QJsonValue &f : version.value(u"files"_s).toArray())
        files << f.toObject().value(u"path"_s).toString();
    files.sort();
    QStringList expectedFiles{file, u"model.json"_s};
    expectedFiles.sort();
    QCOMPARE(files, expectedFiles);
    const QJsonObject signature = version.value(u"signature"_s).toObject();
    QJsonArray inputs;
    for (const QString &feature : {u"x0"_s, u"x1"_s, u"x2"_s})
        inputs.append(QJsonObject{{u"name"_s, feature}, {u"type"_s, u"number"_s}});
    QCOMPARE(signature.value(u"inputs"_s).toArray(), inputs);
    QCOMPARE(signature.value(u"classes"_s).toArray(), (QJsonArray{u"high"_s, u"low"_s}));

    const Outcome validated = atelier({u"model"_s, u"validate"_s, name});
    QVERIFY2(validated.code == 0 && validated.out.contains(u"PASSED"_s),
             qPrintable(validated.out + validated.err));
    QVERIFY2(validated.out.contains(algorithm), qPrintable(validated.out));

    // Predict without a service: serve.py --once on the stored files.
    const QString rows = QString::fromUtf8(QJsonDocument(kRows).toJson(QJsonDocument::Compact));
    const Outcome predicted =
        atelier({u"model"_s, u"predict"_s, name, u"--rows"_s, rows, u"--json"_s});
    QVERIFY2(predicted.code == 0, qPrintable(predicted.err));
    QCOMPARE(predictionsOf(json(predicted)), expected);
    QCOMPARE(json(predicted).value(u"classes"_s).toArray(), (QJsonArray{u"high"_s, u"low"_s}));
    QCOMPARE(json(predicted).value(u"probabilities"_s).toArray().size(), kRows.size());
    QCOMPARE(json(predicted).value(u"via"_s).toString(), u"in-process"_s);

    // Deploy, then a real HTTP request to the service.
    const Outcome deployed = atelier({u"model"_s, u"deploy"_s, name, u"--json"_s});
    QVERIFY2(deployed.code == 0, qPrintable(deployed.err + deployed.out));
    const QJsonObject service = json(deployed);
    m_services << service.value(u"id"_s).toString();
    const QString url = service.value(u"url"_s).toString();
    QVERIFY2(url.startsWith(u"http://127.0.0.1:"_s), qPrintable(deployed.out));
    const auto health = ModelServices::http(url + u"/health"_s);
    QVERIFY2(health, health ? "" : qPrintable(health.error().message));
    QCOMPARE(health->status, 200L);
    QCOMPARE(QJsonDocument::fromJson(health->body).object().value(u"features"_s).toArray(),
             (QJsonArray{u"x0"_s, u"x1"_s, u"x2"_s}));
    const auto answer = ModelServices::http(
        url + u"/predict"_s,
        QJsonDocument(QJsonObject{{u"rows"_s, kRows}}).toJson(QJsonDocument::Compact));
    QVERIFY2(answer, answer ? "" : qPrintable(answer.error().message));
    QCOMPARE(answer->status, 200L);
    QCOMPARE(predictionsOf(QJsonDocument::fromJson(answer->body).object()), expected);
    // With a service running, `model predict` asks it (ModelServices::predictVersion).
    const Outcome viaService =
        atelier({u"model"_s, u"predict"_s, name, u"--rows"_s, rows, u"--json"_s});
    QVERIFY2(viaService.code == 0, qPrintable(viaService.err));
    QCOMPARE(json(viaService).value(u"via"_s).toString(), service.value(u"id"_s).toString());
    QCOMPARE(predictionsOf(json(viaService)), expected);

    const Outcome undeployed =
        atelier({u"model"_s, u"undeploy"_s, service.value(u"id"_s).toString()});
    QVERIFY2(undeployed.code == 0, qPrintable(undeployed.err));
    m_services.clear();
    QVERIFY(!ModelServices::http(url + u"/health"_s, {}, 3000));
}

void TestPickleModel::withoutFeaturesValidationSaysHowToFixIt()
{
    // An estimator that was never fitted has no n_features_in_: nothing to derive. It registers
    // with a warning, and validate fails with the fix instead of passing a model that cannot
    // be served.
    const QString path = m_dir.filePath(u"unfitted/model.pkl"_s);
    QVERIFY(QDir().mkpath(QFileInfo(path).path()));
    const Outcome made =
        run(u"/usr/bin/python3"_s,
            {u"-c"_s,
             u"import pickle, sys\nfrom sklearn.linear_model import LogisticRegression\n"
             "pickle.dump(LogisticRegression(), open(sys.argv[1], 'wb'))"_s,
             path});
    QVERIFY2(made.code == 0, qPrintable(made.err));
    const Outcome registered =
        atelier({u"model"_s, u"register"_s, path, u"--name"_s, u"unfitted"_s, u"--trust-pickle"_s});
    QVERIFY2(registered.code == 0, qPrintable(registered.err));
    QVERIFY2(registered.err.contains(u"n_features_in_"_s), qPrintable(registered.err));

    const Outcome validated = atelier({u"model"_s, u"validate"_s, u"unfitted"_s});
    QVERIFY2(validated.out.contains(u"FAILED"_s) || validated.err.contains(u"FAILED"_s),
             qPrintable(validated.out + validated.err));
    QVERIFY2((validated.out + validated.err).contains(u"--trust-pickle"_s),
             qPrintable(validated.out + validated.err));
}

QTEST_GUILESS_MAIN(TestPickleModel)
#include "tst_picklemodel.moc"
