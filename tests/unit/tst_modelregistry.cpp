// The model registry over a real workspace: registering a real scikit-learn model (trained here
// with /usr/bin/python3) from a folder and from a run of the demo pipeline (run by the real
// `atelier` binary), versions, content-addressed files, framework detection, aliases and their
// history, lineage both ways, validation in a separate Python process, comparison, and the
// `atelier model` command line.
#include "catalog/database.h"
#include "core/workspace.h"
#include "registry/modelregistry.h"
#include "registry/modelvalidator.h"
#include "runs/runstore.h"

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

constexpr int kProcessTimeoutMs = 240000;

struct Outcome
{
    int exitCode = -1;
    QString out;
    QString err;
};

Outcome runProcess(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    Outcome outcome;
    if (!process.waitForStarted(10000)) {
        outcome.err = process.errorString();
        return outcome;
    }
    if (!process.waitForFinished(kProcessTimeoutMs)) {
        process.kill();
        process.waitForFinished();
        outcome.err = u"timed out"_s;
        return outcome;
    }
    outcome.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    outcome.out = QString::fromUtf8(process.readAllStandardOutput());
    outcome.err = QString::fromUtf8(process.readAllStandardError());
    return outcome;
}

Outcome atelierRun(const QStringList &arguments)
{
    return runProcess(QString::fromUtf8(ATELIER_BINARY), arguments);
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(bytes) == bytes.size();
}

qint64 rows(Workspace &workspace, const QString &table)
{
    auto count = workspace.catalog().rowCount(table);
    return count ? count.value() : -1;
}

/// Trains a small random forest on four numeric features and writes the port contract's
/// model.pkl + model.json into \a dir.
const char *kTrainScript = R"py(
import json, os, pickle, sys
from sklearn.ensemble import RandomForestClassifier
out = sys.argv[1]
os.makedirs(out, exist_ok=True)
X = [[i % 3, (i * 7) % 5, i % 2, (i * 3) % 4] for i in range(40)]
y = ["a" if row[0] + row[2] > 1 else "b" for row in X]
model = RandomForestClassifier(n_estimators=5, random_state=0).fit(X, y)
with open(os.path.join(out, "model.pkl"), "wb") as f:
    pickle.dump(model, f)
with open(os.path.join(out, "model.json"), "w") as f:
    json.dump({"framework": "sklearn", "algorithm": "random_forest",
               "features": ["f0", "f1", "f2", "f3"], "target": "label",
               "classes": ["a", "b"]}, f)
)py";

} // namespace

class TestModelRegistry : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_trained; ///< a real model.pkl + model.json, outside every workspace
    QString m_demo;    ///< a demo workspace with one finished run of shapes-classifier
    QString m_runId;

    static ModelRegisterOptions named(const QString &name, bool trust = false)
    {
        ModelRegisterOptions options;
        options.name = name;
        options.trustPickle = trust;
        return options;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_trained = m_tmp.filePath(u"trained"_s);
        const Outcome trained = runProcess(u"/usr/bin/python3"_s,
                                           {u"-c"_s, QString::fromUtf8(kTrainScript), m_trained});
        QVERIFY2(trained.exitCode == 0, qPrintable(trained.err));
        QVERIFY(QFileInfo(QDir(m_trained).filePath(u"model.pkl"_s)).isFile());

        m_demo = m_tmp.filePath(u"demo"_s);
        const Outcome init = atelierRun({u"init"_s, m_demo, u"--demo"_s});
        QVERIFY2(init.exitCode == 0, qPrintable(init.err));
        const Outcome run = atelierRun({u"pipeline"_s, u"run"_s, u"shapes-classifier"_s,
                                        u"--workspace"_s, m_demo, u"--json"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
        m_runId = QJsonDocument::fromJson(run.out.toUtf8()).object().value(u"run"_s).toString();
        QVERIFY(!m_runId.isEmpty());
    }

    void registerFolderIncrementsVersionsAndStoresFilesOnce()
    {
        QTemporaryDir tmp;
        auto workspace = Workspace::create(tmp.filePath(u"ws"_s), {});
        QVERIFY(workspace);
        ModelRegistry registry(workspace->catalog(), workspace->root());
        ModelRegisterOptions options = named(u"tiny"_s, true);
        options.description = u"four features"_s;
        options.tags.insert(u"team"_s, u"vision"_s);
        auto first = registry.registerPath(m_trained, options);
        QVERIFY2(first, first ? "" : qPrintable(first.error().message));
        QCOMPARE(first->version, 1);
        QCOMPARE(first->framework, u"sklearn"_s);
        QCOMPARE(first->description, u"four features"_s);
        QCOMPARE(first->tags.value(u"team"_s).toString(), u"vision"_s);
        QCOMPARE(first->files.size(), 2);
        QCOMPARE(first->files.at(0).path, u"model.json"_s);
        QCOMPARE(first->files.at(1).path, u"model.pkl"_s);
        QCOMPARE(first->signature.value(u"inputs"_s).toArray().size(), 4);
        QCOMPARE(first->signature.value(u"target"_s).toString(), u"label"_s);
        QVERIFY(first->runId.isEmpty());
        for (const ModelFile &file : first->files) {
            const QString object = workspace->objects().pathFor(file.hash);
            QVERIFY2(QFileInfo(object).isFile(), qPrintable(object));
            QCOMPARE(QFileInfo(object).size(), file.size);
        }
        const qint64 objectsAfterFirst = rows(workspace.value(), u"objects"_s);
        QCOMPARE(objectsAfterFirst, 2);

        auto second = registry.registerPath(m_trained, named(u"tiny"_s, true));
        QVERIFY(second);
        QCOMPARE(second->version, 2);
        QCOMPARE(second->files.at(1).hash, first->files.at(1).hash);
        QCOMPARE(rows(workspace.value(), u"objects"_s), objectsAfterFirst); // stored once

        // One file alone keeps its name; another model starts at 1.
        auto single =
            registry.registerPath(QDir(m_trained).filePath(u"model.pkl"_s), named(u"solo"_s, true));
        QVERIFY(single);
        QCOMPARE(single->version, 1);
        QCOMPARE(single->files.size(), 1);
        QCOMPARE(single->files.at(0).path, u"model.pkl"_s);

        auto models = registry.models();
        QVERIFY(models);
        QCOMPARE(models->size(), 2);
        QCOMPARE(models->at(1).name, u"tiny"_s);
        QCOMPARE(models->at(1).latestVersion, 2);
        QCOMPARE(models->at(1).versionCount, 2);
        auto latest = registry.resolve(u"tiny"_s);
        QVERIFY(latest);
        QCOMPARE(latest->version, 2);
        auto pinned = registry.resolve(u"tiny:1"_s);
        QVERIFY(pinned);
        QCOMPARE(pinned->version, 1);
        QCOMPARE(registry.resolve(u"tiny:9"_s).error().code, ErrorCode::NotFound);
        QCOMPARE(registry.resolve(u"nope"_s).error().code, ErrorCode::NotFound);
        QCOMPARE(registry.registerPath(m_trained, named(u"bad name"_s, true)).error().code,
                 ErrorCode::Invalid);
    }

    void relativePathsKeptInFolders()
    {
        QTemporaryDir tmp;
        auto workspace = Workspace::create(tmp.filePath(u"ws"_s), {});
        QVERIFY(workspace);
        const QString folder = tmp.filePath(u"bundle"_s);
        QVERIFY(writeFile(folder + u"/weights/part-1.safetensors"_s, "\x10\0\0\0\0\0\0\0{}"));
        QVERIFY(writeFile(folder + u"/README.txt"_s, "hello"));
        ModelRegistry registry(workspace->catalog(), workspace->root());
        auto version = registry.registerPath(folder, named(u"bundle"_s));
        QVERIFY2(version, version ? "" : qPrintable(version.error().message));
        QCOMPARE(version->framework, u"safetensors"_s);
        QCOMPARE(version->files.size(), 2);
        QCOMPARE(version->files.at(1).path, u"weights/part-1.safetensors"_s);
    }

    void pickleFromOutsideNeedsTrust()
    {
        QTemporaryDir tmp;
        auto workspace = Workspace::create(tmp.filePath(u"ws"_s), {});
        QVERIFY(workspace);
        ModelRegistry registry(workspace->catalog(), workspace->root());
        auto refused = registry.registerPath(m_trained, named(u"tiny"_s));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::Invalid);
        QVERIFY2(refused.error().message.contains(u"model.pkl"_s),
                 qPrintable(refused.error().message));
        QCOMPARE(rows(workspace.value(), u"model_versions"_s), 0);

        // The same files inside the workspace need no confirmation.
        const QString inside = QDir(workspace->root()).filePath(u"imports/tiny"_s);
        QVERIFY(QDir().mkpath(inside));
        for (const QString &name : {u"model.pkl"_s, u"model.json"_s})
            QVERIFY(QFile::copy(QDir(m_trained).filePath(name), QDir(inside).filePath(name)));
        QVERIFY(registry.isInsideWorkspace(inside));
        QVERIFY(!registry.isInsideWorkspace(m_trained));
        QVERIFY(registry.registerPath(inside, named(u"tiny"_s)));

        // Not pickle-based: no confirmation either.
        const QString onnx = tmp.filePath(u"model.onnx"_s);
        QVERIFY(writeFile(onnx, "\x08\x07\x12\x04onnx"));
        QVERIFY(ModelRegistry::pickleFiles(onnx).isEmpty());
        QVERIFY(registry.registerPath(onnx, named(u"graph"_s)));
    }

    void detectsFramework_data()
    {
        QTest::addColumn<QStringList>("names");
        QTest::addColumn<QList<QByteArray>>("contents");
        QTest::addColumn<QString>("framework");
        QTest::addColumn<bool>("pickle");

        const QByteArray pickle("\x80\x04\x95\x10\0\0\0\0\0\0\0}\x94.", 14);
        const QByteArray torchScript =
            QByteArray("PK\x03\x04", 4) + "....archive/constants.pkl....archive/code/__torch__.py";
        const QByteArray torchSave = QByteArray("PK\x03\x04", 4) + "....archive/data.pkl....";
        QTest::newRow("pickle") << QStringList{u"model.pkl"_s} << QList{pickle} << u"sklearn"_s
                                << true;
        QTest::newRow("joblib") << QStringList{u"model.joblib"_s} << QList{pickle} << u"sklearn"_s
                                << true;
        QTest::newRow("model.json says xgboost")
            << QStringList{u"model.pkl"_s, u"model.json"_s}
            << QList<QByteArray>{pickle, R"({"framework": "xgboost", "features": ["a"]})"}
            << u"xgboost"_s << true;
        QTest::newRow("model.json says pytorch")
            << QStringList{u"model.pt"_s, u"model.json"_s}
            << QList<QByteArray>{torchSave, R"({"framework": "pytorch"})"} << u"pytorch"_s << true;
        QTest::newRow("xgboost ubj")
            << QStringList{u"model.ubj"_s} << QList<QByteArray>{"{L"} << u"xgboost"_s << false;
        QTest::newRow("xgboost json")
            << QStringList{u"booster.json"_s}
            << QList<QByteArray>{R"({"learner": {"attributes": {}}, "version": [1, 7, 4]})"}
            << u"xgboost"_s << false;
        QTest::newRow("other json") << QStringList{u"config.json"_s}
                                    << QList<QByteArray>{R"({"layers": 3})"} << u"other"_s << false;
        QTest::newRow("onnx") << QStringList{u"model.onnx"_s}
                              << QList<QByteArray>{"\x08\x07\x12\x04onnx"} << u"onnx"_s << false;
        QTest::newRow("torchscript")
            << QStringList{u"scripted.pt"_s} << QList{torchScript} << u"torchscript"_s << true;
        QTest::newRow("torchscript, any name")
            << QStringList{u"traced.bin"_s} << QList{torchScript} << u"torchscript"_s << true;
        QTest::newRow("torch.save")
            << QStringList{u"weights.pth"_s} << QList{torchSave} << u"pytorch"_s << true;
        QTest::newRow("safetensors") << QStringList{u"model.safetensors"_s}
                                     << QList<QByteArray>{QByteArray("\x02\0\0\0\0\0\0\0{}", 10)}
                                     << u"safetensors"_s << false;
        QTest::newRow("pickle without a suffix")
            << QStringList{u"estimator"_s} << QList{pickle} << u"other"_s << true;
        QTest::newRow("text") << QStringList{u"notes.txt"_s} << QList<QByteArray>{"hello"}
                              << u"other"_s << false;
    }

    void detectsFramework()
    {
        QFETCH(QStringList, names);
        QFETCH(QList<QByteArray>, contents);
        QFETCH(QString, framework);
        QFETCH(bool, pickle);
        QTemporaryDir tmp;
        for (qsizetype i = 0; i < names.size(); ++i)
            QVERIFY(writeFile(tmp.filePath(names[i]), contents[i]));
        QCOMPARE(ModelRegistry::detectFramework(tmp.path()), framework);
        QCOMPARE(!ModelRegistry::pickleFiles(tmp.path()).isEmpty(), pickle);
        if (names.size() == 1) // a single file is detected alike
            QCOMPARE(ModelRegistry::detectFramework(tmp.filePath(names[0])), framework);
    }

    void aliasesMoveAndAreRecorded()
    {
        QTemporaryDir tmp;
        auto workspace = Workspace::create(tmp.filePath(u"ws"_s), {});
        QVERIFY(workspace);
        ModelRegistry registry(workspace->catalog(), workspace->root());
        QVERIFY(registry.registerPath(m_trained, named(u"tiny"_s, true)));
        QVERIFY(registry.registerPath(m_trained, named(u"tiny"_s, true)));

        auto set = registry.setAlias(u"tiny"_s, 1, u"production"_s);
        QVERIFY(set);
        QVERIFY(!set->has_value());
        QVERIFY(registry.setAlias(u"tiny"_s, 2, u"staging"_s));
        QCOMPARE(registry.resolve(u"tiny@production"_s)->version, 1);

        auto moved = registry.setAlias(u"tiny"_s, 2, u"production"_s);
        QVERIFY(moved);
        QCOMPARE(moved->value_or(-1), 1);
        QCOMPARE(registry.resolve(u"tiny@production"_s)->version, 2);
        QVERIFY(registry.version(u"tiny"_s, 1)->aliases.isEmpty()); // one version per alias
        QCOMPARE(registry.version(u"tiny"_s, 2)->aliases,
                 (QStringList{u"production"_s, u"staging"_s}));

        auto again = registry.setAlias(u"tiny"_s, 2, u"production"_s); // no move, no record
        QVERIFY(again);
        QCOMPARE(again->value_or(-1), 2);
        QVERIFY(registry.removeAlias(u"tiny"_s, u"staging"_s));
        QCOMPARE(registry.resolve(u"tiny@staging"_s).error().code, ErrorCode::NotFound);

        auto history = registry.aliasHistory(u"tiny"_s);
        QVERIFY(history);
        QCOMPARE(history->size(), 4);
        QCOMPARE(history->at(0).alias, u"production"_s);
        QVERIFY(!history->at(0).fromVersion);
        QCOMPARE(history->at(0).toVersion.value_or(-1), 1);
        QCOMPARE(history->at(2).fromVersion.value_or(-1), 1);
        QCOMPARE(history->at(2).toVersion.value_or(-1), 2);
        QCOMPARE(history->at(3).alias, u"staging"_s);
        QVERIFY(!history->at(3).toVersion);

        QCOMPARE(registry.setAlias(u"tiny"_s, 3, u"production"_s).error().code,
                 ErrorCode::NotFound);
        QCOMPARE(registry.setAlias(u"tiny"_s, 1, u"latest"_s).error().code, ErrorCode::Invalid);
        QCOMPARE(registry.setAlias(u"tiny"_s, 1, u"2"_s).error().code, ErrorCode::Invalid);
    }

    void registerFromRunKeepsLineage()
    {
        auto workspace = Workspace::open(m_demo);
        QVERIFY(workspace);
        ModelRegistry registry(workspace->catalog(), workspace->root());
        ModelRegisterOptions options = named(u"shapes"_s);
        options.runId = m_runId;
        options.datasets.append({u"shapes"_s, u"v1"_s});
        auto version = registry.registerFromRun(options); // inside the workspace: no trust
        QVERIFY2(version, version ? "" : qPrintable(version.error().message));
        QCOMPARE(version->taskId, u"train"_s);
        QCOMPARE(version->runId, m_runId);
        QCOMPARE(version->framework, u"sklearn"_s);
        auto run = RunStore(workspace->catalog()).run(m_runId);
        QVERIFY(run);
        QVERIFY(!run->commitId.isEmpty());
        QCOMPARE(version->pipelineCommit, run->commitId);
        QVERIFY(!version->metrics.isEmpty());
        for (auto it = version->metrics.begin(); it != version->metrics.end(); ++it)
            QVERIFY2(!it.key().startsWith(u"sys/"_s), qPrintable(it.key()));
        QCOMPARE(version->params.value(u"train.n_estimators"_s).toString(), u"100"_s);
        QCOMPARE(version->params.value(u"variables.seed"_s).toString(), u"42"_s);
        QVERIFY(!version->signature.value(u"inputs"_s).toArray().isEmpty());
        QVERIFY(version->datasets.contains(ModelDatasetRef{u"shapes"_s, u"v1"_s}));
        QVERIFY(std::any_of(version->datasets.begin(), version->datasets.end(),
                            [](const ModelDatasetRef &ref) {
                                return ref.dataset.endsWith(u"demo/images/classification"_s);
                            }));

        // Run → versions.
        auto fromRun = registry.versionsFromRun(m_runId);
        QVERIFY(fromRun);
        QVERIFY(std::any_of(fromRun->begin(), fromRun->end(),
                            [&](const ModelVersionRecord &v) { return v.id == version->id; }));
        QVERIFY(registry.versionsFromRun(u"20000101-000000-0000"_s)->isEmpty());

        // A named task and port; a missing one is refused.
        ModelRegisterOptions explicitTask = named(u"shapes"_s);
        explicitTask.runId = m_runId;
        explicitTask.taskId = u"train"_s;
        auto second = registry.registerFromRun(explicitTask);
        QVERIFY(second);
        QCOMPARE(second->version, version->version + 1);
        explicitTask.taskId = u"split"_s;
        QCOMPARE(registry.registerFromRun(explicitTask).error().code, ErrorCode::NotFound);

        // Version → services.
        QVERIFY(registry.services(version->id)->isEmpty());
        QVERIFY(workspace->catalog()
                    .query("INSERT INTO services (id, version_id, port, state, folder) VALUES "
                           "('svc-1', ?1, 8123, 'running', '/tmp/x');")
                    .bind(1, version->id)
                    .exec());
        auto services = registry.services(version->id);
        QVERIFY(services);
        QCOMPARE(services->size(), 1);
        QCOMPARE(services->at(0).id, u"svc-1"_s);
        QCOMPARE(services->at(0).port.value_or(0), 8123);

        // Compare: a version from the run against one from a loose file.
        auto loose = registry.registerPath(m_trained, named(u"shapes"_s, true));
        QVERIFY(loose);
        auto comparison = registry.compare(u"shapes"_s, version->version, loose->version);
        QVERIFY(comparison);
        QVERIFY(!comparison->metrics.isEmpty());
        QVERIFY(comparison->metrics.at(0).a.has_value());
        QVERIFY(!comparison->metrics.at(0).b.has_value());
        auto n = std::find_if(comparison->params.begin(), comparison->params.end(),
                              [](const auto &p) { return p.key == u"train.n_estimators"_s; });
        QVERIFY(n != comparison->params.end());
        QVERIFY(n->changed);
        QCOMPARE(n->a.value_or(QString()), u"100"_s);
        QVERIFY(!n->b);
        auto same = registry.compare(u"shapes"_s, version->version, second->version);
        QVERIFY(same);
        QVERIFY(std::none_of(same->params.begin(), same->params.end(),
                             [](const auto &p) { return p.changed; }));
    }

    void validationPassesForARealModel()
    {
        QTemporaryDir tmp;
        auto workspace = Workspace::create(tmp.filePath(u"ws"_s), {});
        QVERIFY(workspace);
        ModelRegistry registry(workspace->catalog(), workspace->root());
        auto version = registry.registerPath(m_trained, named(u"tiny"_s, true));
        QVERIFY(version);
        ModelValidator validator(workspace->catalog(), workspace->root());
        auto result = validator.validate(version.value(), u"/usr/bin/python3"_s);
        QVERIFY2(result, result ? "" : qPrintable(result.error().message));
        QVERIFY2(result->passed, qPrintable(result->message));
        QVERIFY2(result->message.contains(u"predicted one row of 4 features"_s),
                 qPrintable(result->message));
        auto stored = registry.version(u"tiny"_s, 1);
        QCOMPARE(stored->validation, u"passed"_s);
        QVERIFY(stored->validatedAt.isValid());
    }

    void validationFailsForACorruptPickle()
    {
        QTemporaryDir tmp;
        auto workspace = Workspace::create(tmp.filePath(u"ws"_s), {});
        QVERIFY(workspace);
        // A real model cut in half, as an interrupted copy leaves it.
        const QString folder = tmp.filePath(u"corrupt"_s);
        QFile whole(QDir(m_trained).filePath(u"model.pkl"_s));
        QVERIFY(whole.open(QIODevice::ReadOnly));
        const QByteArray bytes = whole.readAll();
        QVERIFY(writeFile(folder + u"/model.pkl"_s, bytes.left(bytes.size() / 2)));
        QVERIFY(writeFile(folder + u"/model.json"_s, R"({"framework": "sklearn"})"));
        ModelRegistry registry(workspace->catalog(), workspace->root());
        auto version = registry.registerPath(folder, named(u"broken"_s, true));
        QVERIFY(version);
        ModelValidator validator(workspace->catalog(), workspace->root());
        auto result = validator.validate(version.value(), u"/usr/bin/python3"_s);
        QVERIFY2(result, result ? "" : qPrintable(result.error().message));
        QVERIFY(!result->passed);
        // The loader's own message: what pickle says when Python loads the file by hand.
        const Outcome byHand =
            runProcess(u"/usr/bin/python3"_s,
                       {u"-c"_s,
                        u"import pickle, sys\ntry:\n    pickle.load(open(sys.argv[1], 'rb'))\n"
                        "except Exception as e:\n    print('%s: %s' % (type(e).__name__, e))"_s,
                        folder + u"/model.pkl"_s});
        const QString loaderMessage = byHand.out.trimmed();
        QVERIFY2(!loaderMessage.isEmpty(), qPrintable(byHand.err));
        QCOMPARE(result->message, loaderMessage);
        auto stored = registry.version(u"broken"_s, 1);
        QCOMPARE(stored->validation, u"failed"_s);
        QCOMPARE(stored->validationMessage, result->message);

        // A framework with no loader here fails with the reason.
        auto other = ModelValidator::check(u"other"_s, folder, u"/usr/bin/python3"_s);
        QVERIFY(other);
        QVERIFY(!other->passed);
        QVERIFY2(other->message.contains(u"cannot validate framework other"_s),
                 qPrintable(other->message));
    }

    void commandLine()
    {
        const QStringList ws = {u"--workspace"_s, m_demo};
        // Pickle from outside: refused without --trust-pickle, with a clear message.
        const Outcome refused = atelierRun(
            QStringList{u"model"_s, u"register"_s, m_trained, u"--name"_s, u"cli"_s} + ws);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(u"--trust-pickle"_s) && refused.err.contains(u"model.pkl"_s),
                 qPrintable(refused.err));
        const Outcome trusted =
            atelierRun(QStringList{u"model"_s, u"register"_s, m_trained, u"--name"_s, u"cli"_s,
                                   u"--trust-pickle"_s, u"--tag"_s, u"k=v"_s, u"--json"_s} +
                       ws);
        QVERIFY2(trusted.exitCode == 0, qPrintable(trusted.err));
        QVERIFY2(trusted.err.contains(u"warning"_s), qPrintable(trusted.err));
        const QJsonObject registered = QJsonDocument::fromJson(trusted.out.toUtf8()).object();
        QCOMPARE(registered.value(u"version"_s).toInt(), 1);
        QCOMPARE(registered.value(u"tags"_s).toObject().value(u"k"_s).toString(), u"v"_s);

        // From the run: inside the workspace, no confirmation.
        const Outcome fromRun = atelierRun(
            QStringList{u"model"_s, u"register"_s, u"--run"_s, m_runId, u"--name"_s, u"cli"_s} +
            ws);
        QVERIFY2(fromRun.exitCode == 0, qPrintable(fromRun.err));
        QVERIFY2(fromRun.out.contains(u"cli:2"_s), qPrintable(fromRun.out));

        // As the model-register template does: the upstream port folder, linked to the run,
        // with an alias.
        QString trainOutput;
        {
            auto workspace = Workspace::open(m_demo);
            QVERIFY(workspace);
            auto folder = ModelRegistry(workspace->catalog(), workspace->root())
                              .runOutputFolder(m_runId, u"train"_s, u"model"_s);
            QVERIFY(folder);
            trainOutput = folder.value();
        }
        const Outcome fromPort = atelierRun(
            QStringList{u"model"_s, u"register"_s, trainOutput, u"--name"_s, u"cli"_s, u"--run"_s,
                        m_runId, u"--task"_s, u"train"_s, u"--alias"_s, u"staging"_s, u"--json"_s} +
            ws);
        QVERIFY2(fromPort.exitCode == 0, qPrintable(fromPort.err));
        const QJsonObject port = QJsonDocument::fromJson(fromPort.out.toUtf8()).object();
        QCOMPARE(port.value(u"version"_s).toInt(), 3);
        QCOMPARE(port.value(u"aliases"_s).toArray(), QJsonArray{u"staging"_s});
        QCOMPARE(port.value(u"run"_s).toString(), m_runId);
        QVERIFY(!port.value(u"metrics"_s).toObject().isEmpty());

        const Outcome alias =
            atelierRun(QStringList{u"model"_s, u"alias"_s, u"cli"_s, u"2"_s, u"production"_s} + ws);
        QVERIFY2(alias.exitCode == 0, qPrintable(alias.err));

        const Outcome listed = atelierRun(QStringList{u"model"_s, u"list"_s, u"--json"_s} + ws);
        QVERIFY2(listed.exitCode == 0, qPrintable(listed.err));
        const QJsonDocument list = QJsonDocument::fromJson(listed.out.toUtf8());
        QVERIFY(list.isArray());
        bool sawProduction = false;
        for (const QJsonValue &value : list.array()) {
            const QJsonObject object = value.toObject();
            QVERIFY(object.value(u"name"_s).isString());
            QVERIFY(object.value(u"version"_s).isDouble());
            QVERIFY(object.value(u"framework"_s).isString());
            QVERIFY(object.value(u"aliases"_s).isArray());
            if (object.value(u"name"_s).toString() == u"cli"_s &&
                object.value(u"version"_s).toInt() == 2) {
                QCOMPARE(object.value(u"aliases"_s).toArray(), QJsonArray{u"production"_s});
                sawProduction = true;
            }
        }
        QVERIFY(sawProduction);

        const Outcome shown =
            atelierRun(QStringList{u"model"_s, u"show"_s, u"cli@production"_s, u"--json"_s} + ws);
        QVERIFY2(shown.exitCode == 0, qPrintable(shown.err));
        const QJsonObject show = QJsonDocument::fromJson(shown.out.toUtf8()).object();
        QCOMPARE(show.value(u"version"_s).toInt(), 2);
        QCOMPARE(show.value(u"run"_s).toString(), m_runId);
        QCOMPARE(show.value(u"task"_s).toString(), u"train"_s);
        QCOMPARE(show.value(u"alias_history"_s).toArray().size(), 2); // staging, production

        const Outcome validated =
            atelierRun(QStringList{u"model"_s, u"validate"_s, u"cli:2"_s} + ws);
        QVERIFY2(validated.exitCode == 0, qPrintable(validated.err + validated.out));
        QVERIFY(validated.out.contains(u"PASSED"_s));

        const Outcome compared =
            atelierRun(QStringList{u"model"_s, u"compare"_s, u"cli"_s, u"1"_s, u"2"_s} + ws);
        QVERIFY2(compared.exitCode == 0, qPrintable(compared.err));
        QVERIFY(compared.out.contains(u"train.n_estimators"_s));

        const Outcome unknown = atelierRun(QStringList{u"model"_s, u"frobnicate"_s} + ws);
        QCOMPARE(unknown.exitCode, 2);
        const Outcome missing = atelierRun(QStringList{u"model"_s, u"show"_s, u"nothing"_s} + ws);
        QCOMPARE(missing.exitCode, 1);
    }
};

QTEST_GUILESS_MAIN(TestModelRegistry)
#include "tst_modelregistry.moc"
