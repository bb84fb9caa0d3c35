// Importing an MLflow FileStore: tests/data/mlruns is a small store written by hand in
// MLflow's layout (mlflow/store/tracking/file_store.py): two experiments, three runs (one
// failed, one named only by its mlflow.runName tag), a deleted run, a deleted experiment in
// .trash, and a metrics file with one malformed line.
#include "catalog/database.h"
#include "core/workspace.h"
#include "runs/metricsstore.h"
#include "runs/mlflowimport.h"
#include "runs/runstore.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace atelier;

namespace {

const QString kDefaultRun = u"mlflow-a1b2c3d4e5f60718293a4b5c6d7e8f90"_s;
const QString kCnnRun = u"mlflow-3c9a1f2e7b8d4c6a9e0f1b2c3d4e5f6a"_s;
const QString kFailedRun = u"mlflow-8e7d6c5b4a3928171615141312111009"_s;

QMap<QString, QString> keyValues(Database &db, const char *sql, const QString &runId)
{
    QMap<QString, QString> values;
    Status read = db.query(sql).bind(1, runId).forEach(
        [&](const Query &row) { values.insert(row.text(0), row.text(1)); });
    if (!read)
        qWarning("%s", qPrintable(read.error().message));
    return values;
}

qint64 rows(Database &db, const QString &table)
{
    return db.rowCount(table).value_or(-1);
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(bytes) == bytes.size();
}

QByteArray runMeta(const QString &runId, int status)
{
    return u"artifact_uri: file:///tmp/mlruns/1/%1/artifacts\n"
           "end_time: null\n"
           "experiment_id: '1'\n"
           "lifecycle_stage: active\n"
           "run_id: %1\n"
           "run_name: live-run\n"
           "run_uuid: %1\n"
           "start_time: 1700000000000\n"
           "status: %2\n"
           "tags: []\n"
           "user_id: bob\n"_s.arg(runId)
               .arg(status)
               .toUtf8();
}

} // namespace

class TestMlflowImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void importsTheGoldenStore();
    void keepsMetricPointsExactly();
    void keepsParamsAndTags();
    void mapsStatesNamesAndExperiments();
    void reportsTheMalformedLineAndKeepsTheRest();
    void importingAgainSkipsEveryRun();
    void refusesAFolderThatIsNotAStore();
    void writesARunWhollyOrNotAtAll();
    void runningRunsStayRunningAndLinksNotFollowed();
    void commandLineImportsAndListsRunNames();

private:
    QString m_store;
    std::unique_ptr<QTemporaryDir> m_tmp;
    std::optional<Workspace> m_workspace;
    MlflowImportReport m_report;
};

void TestMlflowImport::initTestCase()
{
    m_store = QStringLiteral(ATELIER_SOURCE_DIR "/tests/data/mlruns");
    QVERIFY2(QFileInfo(m_store).isDir(), "tests/data/mlruns is missing");
}

void TestMlflowImport::init()
{
    m_workspace.reset();
    m_tmp = std::make_unique<QTemporaryDir>();
    QVERIFY(m_tmp->isValid());
    auto created = Workspace::create(m_tmp->filePath(u"ws"_s), {});
    QVERIFY2(created, created ? "" : qPrintable(created.error().message));
    m_workspace.emplace(std::move(created).value());
    auto report = MlflowImport::importStore(m_workspace->catalog(), m_store);
    QVERIFY2(report, report ? "" : qPrintable(report.error().message));
    m_report = report.value();
}

void TestMlflowImport::importsTheGoldenStore()
{
    QCOMPARE(m_report.experiments, 2);
    QCOMPARE(m_report.experimentsDeleted, 1);
    QCOMPARE(m_report.runsImported, 3);
    QCOMPARE(m_report.runsAlreadyImported, 0);
    QCOMPARE(m_report.runsDeleted, 1);
    QCOMPARE(m_report.runsFailed, 0);
    QCOMPARE(m_report.metricPoints, qint64(11));
    QCOMPARE(m_report.params, 11);
    QCOMPARE(m_report.tags, 12);
    QCOMPARE(m_report.problems.size(), 1);

    Database &db = m_workspace->catalog();
    QCOMPARE(rows(db, u"runs"_s), qint64(3));
    QCOMPARE(rows(db, u"experiments"_s), qint64(2));
    QCOMPARE(rows(db, u"metrics"_s), qint64(11));
    QCOMPARE(rows(db, u"run_params"_s), qint64(11));
    QCOMPARE(rows(db, u"run_tags"_s), qint64(12));
    // Neither the deleted run nor the run of the deleted experiment came in.
    RunStore store(db);
    QVERIFY(!store.run(u"mlflow-0f0e0d0c0b0a09080706050403020100"_s));
    QVERIFY(!store.run(u"mlflow-5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a"_s));
}

void TestMlflowImport::keepsMetricPointsExactly()
{
    MetricsStore metrics(m_workspace->catalog());
    auto keys = metrics.keys(kCnnRun);
    QVERIFY(keys);
    QCOMPARE(keys.value(), (QStringList{u"train/loss"_s, u"val/accuracy"_s}));

    auto loss = metrics.points(kCnnRun, u"train/loss"_s);
    QVERIFY(loss);
    const QList<MetricPoint> expected = {
        {u"train/loss"_s, 1, 0.4123, 1700003060.25},
        {u"train/loss"_s, 2, 0.2051, 1700003120.5},
        {u"train/loss"_s, 3, 0.1432, 1700003180.75},
    };
    QCOMPARE(loss.value(), expected);
    // Imported points belong to the run, not to a task.
    auto all = metrics.points(kCnnRun, {}, QString());
    QVERIFY(all);
    QCOMPARE(all->size(), 6);
    qint64 untasked = 0;
    QVERIFY(m_workspace->catalog()
                .query("SELECT count(*) FROM metrics WHERE run_id = ?1 AND task_id = '';")
                .bind(1, kCnnRun)
                .forEach([&](const Query &row) { untasked = row.int64(0); }));
    QCOMPARE(untasked, qint64(6));

    auto accuracy = metrics.points(kDefaultRun, u"accuracy"_s);
    QVERIFY(accuracy);
    QCOMPARE(accuracy->size(), 1);
    QCOMPARE(accuracy->first().value, 0.9123);
    QCOMPARE(accuracy->first().step, std::optional<qint64>(0));
    QCOMPARE(accuracy->first().ts, 1699991040.0);
}

void TestMlflowImport::keepsParamsAndTags()
{
    Database &db = m_workspace->catalog();
    const char *params = "SELECT key, value FROM run_params WHERE run_id = ?1;";
    const char *tags = "SELECT key, value FROM run_tags WHERE run_id = ?1;";
    QCOMPARE(keyValues(db, params, kCnnRun), (QMap<QString, QString>{{u"lr"_s, u"0.001"_s},
                                                                     {u"batch_size"_s, u"64"_s},
                                                                     {u"epochs"_s, u"3"_s},
                                                                     {u"optimizer"_s, u"adam"_s}}));
    QCOMPARE(keyValues(db, params, kDefaultRun),
             (QMap<QString, QString>{
                 {u"C"_s, u"1.0"_s}, {u"solver"_s, u"lbfgs"_s}, {u"max_iter"_s, u"200"_s}}));
    const auto cnnTags = keyValues(db, tags, kCnnRun);
    QCOMPARE(cnnTags.size(), 5);
    QCOMPARE(cnnTags.value(u"mlflow.source.git.commit"_s),
             u"4f1d2a9c0b7e6d5c4b3a29180716253443526170"_s);
    QCOMPARE(cnnTags.value(u"mlflow.user"_s), u"alice"_s);
    QCOMPARE(keyValues(db, tags, kFailedRun).value(u"mlflow.runName"_s), u"lr-0.1-diverged"_s);
}

void TestMlflowImport::mapsStatesNamesAndExperiments()
{
    RunStore store(m_workspace->catalog());
    auto cnn = store.run(kCnnRun);
    QVERIFY(cnn);
    QCOMPARE(cnn->state, u"succeeded"_s);
    QCOMPARE(cnn->runName, u"gentle-hawk-412"_s);
    QCOMPARE(cnn->source, u"mlflow"_s);
    QCOMPARE(cnn->pool, u"mlflow"_s);
    QCOMPARE(cnn->pipeline, u"mlflow:mnist-cnn"_s);
    QCOMPARE(cnn->pipelineName, u"mnist-cnn"_s);
    QCOMPARE(cnn->experiment, u"mnist-cnn"_s);
    QCOMPARE(cnn->startedAt, QDateTime::fromMSecsSinceEpoch(1700003000000, Qt::UTC));
    QCOMPARE(cnn->createdAt, QDateTime::fromMSecsSinceEpoch(1700003000000, Qt::UTC));
    QCOMPARE(cnn->finishedAt, QDateTime::fromMSecsSinceEpoch(1700003300000, Qt::UTC));

    auto failed = store.run(kFailedRun);
    QVERIFY(failed);
    QCOMPARE(failed->state, u"failed"_s);
    QCOMPARE(failed->runName, u"lr-0.1-diverged"_s); // no run_name in meta.yaml: from the tag

    auto baseline = store.run(kDefaultRun);
    QVERIFY(baseline);
    QCOMPARE(baseline->state, u"succeeded"_s);
    QCOMPARE(baseline->runName, u"baseline-logreg"_s);
    QCOMPARE(baseline->experiment, u"Default"_s);

    QMap<QString, QString> experiments;
    QVERIFY(m_workspace->catalog()
                .query("SELECT name, source || ' ' || external_id FROM experiments;")
                .forEach([&](const Query &row) { experiments.insert(row.text(0), row.text(1)); }));
    QCOMPARE(experiments,
             (QMap<QString, QString>{{u"Default"_s, u"mlflow 0"_s},
                                     {u"mnist-cnn"_s, u"mlflow 245617358436419357"_s}}));
}

void TestMlflowImport::reportsTheMalformedLineAndKeepsTheRest()
{
    QCOMPARE(m_report.problems.size(), 1);
    const MlflowImportProblem &problem = m_report.problems.first();
    QCOMPARE(problem.path,
             u"245617358436419357/8e7d6c5b4a3928171615141312111009/metrics/train/loss"_s);
    QCOMPARE(problem.line, 3);
    QVERIFY(!problem.reason.isEmpty());

    auto points = MetricsStore(m_workspace->catalog()).points(kFailedRun, u"train/loss"_s);
    QVERIFY(points);
    QCOMPARE(points->size(), 3);
    QCOMPARE(points->at(0).value, 2.3026);
    QCOMPARE(points->at(1).value, 7.9114);
    QCOMPARE(points->at(2).value, 41.5);
    QCOMPARE(points->at(2).step, std::optional<qint64>(4));
    QCOMPARE(points->at(2).ts, 1700004080.0);
}

void TestMlflowImport::importingAgainSkipsEveryRun()
{
    auto again = MlflowImport::importStore(m_workspace->catalog(), m_store);
    QVERIFY2(again, again ? "" : qPrintable(again.error().message));
    QCOMPARE(again->experiments, 2);
    QCOMPARE(again->runsImported, 0);
    QCOMPARE(again->runsAlreadyImported, 3);
    QCOMPARE(again->runsDeleted, 1);
    QCOMPARE(again->metricPoints, qint64(0));
    QCOMPARE(again->params, 0);
    QCOMPARE(again->tags, 0);
    QVERIFY(again->problems.isEmpty()); // skipped runs are not read again

    Database &db = m_workspace->catalog();
    QCOMPARE(rows(db, u"runs"_s), qint64(3));
    QCOMPARE(rows(db, u"experiments"_s), qint64(2));
    QCOMPARE(rows(db, u"metrics"_s), qint64(11));
    QCOMPARE(rows(db, u"run_params"_s), qint64(11));
    QCOMPARE(rows(db, u"run_tags"_s), qint64(12));
}

void TestMlflowImport::refusesAFolderThatIsNotAStore()
{
    QTemporaryDir empty;
    QVERIFY(writeFile(empty.filePath(u"notes/readme.txt"_s), "not mlflow"));
    auto refused = MlflowImport::importStore(m_workspace->catalog(), empty.path());
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::NotFound);
    QVERIFY2(refused.error().message.contains(u"is not an MLflow file store"_s),
             qPrintable(refused.error().message));

    auto missing = MlflowImport::importStore(m_workspace->catalog(), empty.filePath(u"nowhere"_s));
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, ErrorCode::NotFound);

    // A run folder is not a store either (its meta.yaml is one level too deep).
    auto runFolder = MlflowImport::importStore(
        m_workspace->catalog(),
        m_store + u"/245617358436419357/3c9a1f2e7b8d4c6a9e0f1b2c3d4e5f6a"_s);
    QVERIFY(!runFolder);
    QCOMPARE(runFolder.error().code, ErrorCode::NotFound);
    QCOMPARE(rows(m_workspace->catalog(), u"runs"_s), qint64(3));
}

void TestMlflowImport::writesARunWhollyOrNotAtAll()
{
    // A fresh catalog where writing one of the CNN run's tags fails: that run leaves no trace
    // (no row, no params, no metrics) while the other runs come in whole.
    QTemporaryDir tmp;
    auto created = Workspace::create(tmp.filePath(u"ws"_s), {});
    QVERIFY(created);
    Database &db = created->catalog();
    QVERIFY(db.execScript("CREATE TRIGGER refuse_tag BEFORE INSERT ON run_tags "
                          "WHEN NEW.key = 'mlflow.source.git.commit' "
                          "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;"));
    auto report = MlflowImport::importStore(db, m_store);
    QVERIFY(report);
    QCOMPARE(report->runsImported, 2);
    QCOMPARE(report->runsFailed, 1);
    QCOMPARE(report->metricPoints, qint64(5));
    QCOMPARE(report->problems.size(), 2);
    QCOMPARE(report->problems.at(0).path, u"245617358436419357/3c9a1f2e7b8d4c6a9e0f1b2c3d4e5f6a"_s);
    QVERIFY2(report->problems.at(0).reason.contains(u"refused by the test"_s),
             qPrintable(report->problems.at(0).reason));
    QVERIFY(!RunStore(db).run(kCnnRun));
    QCOMPARE(keyValues(db, "SELECT key, value FROM run_params WHERE run_id = ?1;", kCnnRun).size(),
             0);
    QCOMPARE(MetricsStore(db).points(kCnnRun).value_or({}).size(), 0);
    QCOMPARE(rows(db, u"metrics"_s), qint64(5));
}

void TestMlflowImport::runningRunsStayRunningAndLinksNotFollowed()
{
    QTemporaryDir tmp;
    const QString store = tmp.filePath(u"mlruns"_s);
    QVERIFY(writeFile(store + u"/1/meta.yaml"_s,
                      "artifact_location: file:///tmp/mlruns/1\nexperiment_id: '1'\n"
                      "lifecycle_stage: active\nname: \"live 'quoted'\"\n"));
    const QString live = store + u"/1/11111111111111111111111111111111"_s;
    QVERIFY(writeFile(live + u"/meta.yaml"_s, runMeta(u"11111111111111111111111111111111"_s, 1)));
    QVERIFY(writeFile(live + u"/metrics/loss"_s, "1700000001000 0.5 0\n"));
    // A metric file and a whole run that are links out of the store: neither is read.
    QVERIFY(writeFile(tmp.filePath(u"outside/secret"_s), "1700000002000 99 0\n"));
    QVERIFY(QFile::link(tmp.filePath(u"outside/secret"_s), live + u"/metrics/secret"_s));
    const QString other = tmp.filePath(u"outside/22222222222222222222222222222222"_s);
    QVERIFY(writeFile(other + u"/meta.yaml"_s, runMeta(u"22222222222222222222222222222222"_s, 3)));
    QVERIFY(QFile::link(other, store + u"/1/22222222222222222222222222222222"_s));

    auto report = MlflowImport::importStore(m_workspace->catalog(), store);
    QVERIFY(report);
    QCOMPARE(report->runsImported, 1);
    QCOMPARE(report->metricPoints, qint64(1));
    QStringList paths;
    for (const MlflowImportProblem &problem : report->problems)
        paths.append(problem.path);
    paths.sort();
    QCOMPARE(paths, (QStringList{u"1/11111111111111111111111111111111/metrics/secret"_s,
                                 u"1/22222222222222222222222222222222"_s}));

    auto run = RunStore(m_workspace->catalog()).run(u"mlflow-11111111111111111111111111111111"_s);
    QVERIFY(run);
    QCOMPARE(run->state, u"running"_s); // as MLflow has it; never a made-up end
    QVERIFY(!run->message.isEmpty());
    QVERIFY(!run->finishedAt.isValid());
    QCOMPARE(run->durationMs(), std::nullopt);
    QCOMPARE(run->experiment, u"live 'quoted'"_s);
    QVERIFY(!RunStore(m_workspace->catalog()).run(u"mlflow-22222222222222222222222222222222"_s));
}

void TestMlflowImport::commandLineImportsAndListsRunNames()
{
    // The real executable, on a workspace of its own.
    QTemporaryDir tmp;
    const QString workspace = tmp.filePath(u"ws"_s);
    auto atelier = [&](const QStringList &arguments, QString *output) {
        QProcess process;
        process.start(QStringLiteral(ATELIER_BINARY), arguments);
        if (!process.waitForFinished(60000))
            return -1;
        *output = QString::fromUtf8(process.readAllStandardOutput()) +
                  QString::fromUtf8(process.readAllStandardError());
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    };
    QString output;
    QCOMPARE(atelier({u"init"_s, workspace}, &output), 0);

    QCOMPARE(
        atelier({u"runs"_s, u"import-mlflow"_s, m_store, u"--workspace"_s, workspace, u"--json"_s},
                &output),
        0);
    const QJsonObject json = QJsonDocument::fromJson(output.toUtf8()).object();
    QCOMPARE(json.value(u"runs_imported"_s).toInt(), 3);
    QCOMPARE(json.value(u"metric_points"_s).toInt(), 11);
    QCOMPARE(json.value(u"problems"_s).toArray().size(), 1);

    QCOMPARE(atelier({u"runs"_s, u"list"_s, u"--workspace"_s, workspace}, &output), 0);
    for (const QString &name : {u"baseline-logreg"_s, u"gentle-hawk-412"_s, u"lr-0.1-diverged"_s})
        QVERIFY2(output.contains(name), qPrintable(output));

    // Text output of a second import; then a folder that is not a store is refused.
    QCOMPARE(
        atelier({u"runs"_s, u"import-mlflow"_s, m_store, u"--workspace"_s, workspace}, &output), 0);
    QVERIFY2(output.contains(u"3 already imported"_s), qPrintable(output));
    QCOMPARE(
        atelier({u"runs"_s, u"import-mlflow"_s, tmp.path(), u"--workspace"_s, workspace}, &output),
        1);
    QVERIFY2(output.contains(u"not an MLflow file store"_s), qPrintable(output));
}

QTEST_GUILESS_MAIN(TestMlflowImport)
#include "tst_mlflowimport.moc"
