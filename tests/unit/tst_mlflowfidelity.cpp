// What an MLflow import must not lose or make up (issue #14): tests/data/mlruns-live is a store
// in MLflow's FileStore layout (mlflow/store/tracking/file_store.py) holding a finished parent
// run with two nested runs (tag mlflow.parentRunId), one RUNNING (end_time: null) whose loss
// went nan, inf and -inf as MLflow writes them (str(float)), one SCHEDULED, and a KILLED run
// of an older store with end_time 0.
#include "catalog/database.h"
#include "core/workspace.h"
#include "registry/modelregistry.h"
#include "runs/metricsstore.h"
#include "runs/mlflowimport.h"
#include "runs/runcomparison.h"
#include "runs/runstore.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace atelier;

namespace {

const QString kExperiment = u"412345678901234567"_s;
const QString kParent = u"mlflow-aaaa0000aaaa0000aaaa0000aaaa0000"_s;
const QString kRunning = u"mlflow-bbbb1111bbbb1111bbbb1111bbbb1111"_s;
const QString kScheduled = u"mlflow-cccc2222cccc2222cccc2222cccc2222"_s;
const QString kKilled = u"mlflow-dddd3333dddd3333dddd3333dddd3333"_s;

struct Outcome
{
    int code = -1;
    QString out;
    QString err;
};

Outcome atelierCli(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(ATELIER_BINARY), arguments);
    Outcome outcome;
    if (!process.waitForFinished(60000))
        return outcome;
    outcome.out = QString::fromUtf8(process.readAllStandardOutput());
    outcome.err = QString::fromUtf8(process.readAllStandardError());
    outcome.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return outcome;
}

bool copyTree(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        const QString target = QDir(to).filePath(QDir(from).relativeFilePath(file));
        if (!QDir().mkpath(QFileInfo(target).path()) || !QFile::copy(file, target))
            return false;
    }
    return true;
}

bool writeFile(const QString &path, const QByteArray &bytes, QIODevice::OpenMode mode)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | mode) && file.write(bytes) == bytes.size();
}

} // namespace

class TestMlflowFidelity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void keepsEveryMlflowStateWithoutMakingUpADuration();
    void keepsNanAndInfinitePoints();
    void aDivergedRunIsNeverTheBest();
    void aModelFromADivergedRunSaysNaN();
    void importingAgainBringsARunningRunUpToDate();
    void nestsChildRunsUnderTheirParent();
    void commandLineShowsStatesTagsParamsAndNonFiniteValues();

private:
    QString m_store;
    std::unique_ptr<QTemporaryDir> m_tmp;
    std::optional<Workspace> m_workspace;
    MlflowImportReport m_report;
};

void TestMlflowFidelity::init()
{
    m_store = QStringLiteral(ATELIER_SOURCE_DIR "/tests/data/mlruns-live");
    QVERIFY2(QFileInfo(m_store).isDir(), "tests/data/mlruns-live is missing");
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

void TestMlflowFidelity::keepsEveryMlflowStateWithoutMakingUpADuration()
{
    QCOMPARE(m_report.runsImported, 4);
    QCOMPARE(m_report.runsFailed, 0);
    QVERIFY(m_report.problems.isEmpty());

    RunStore store(m_workspace->catalog());
    // Long after the runs began: a made-up duration would be this far off.
    const QDateTime later = QDateTime::fromMSecsSinceEpoch(1790000000000, Qt::UTC);

    auto parent = store.run(kParent); // FINISHED
    QVERIFY(parent);
    QCOMPARE(parent->state, u"succeeded"_s);
    QCOMPARE(parent->durationMs(later), std::optional<qint64>(600000));

    auto running = store.run(kRunning); // RUNNING, end_time: null
    QVERIFY(running);
    QCOMPARE(running->state, u"running"_s);
    QVERIFY(running->startedAt.isValid());
    QVERIFY(!running->finishedAt.isValid());
    QCOMPARE(running->durationMs(later), std::nullopt);
    QVERIFY2(running->message.contains(u"running in MLflow"_s), qPrintable(running->message));

    auto scheduled = store.run(kScheduled); // SCHEDULED
    QVERIFY(scheduled);
    QCOMPARE(scheduled->state, u"pending"_s);
    QCOMPARE(scheduled->durationMs(later), std::nullopt);

    auto killed = store.run(kKilled); // KILLED, end_time: 0 (not 1970)
    QVERIFY(killed);
    QCOMPARE(killed->state, u"stopped"_s);
    QVERIFY(!killed->finishedAt.isValid());
    QCOMPARE(killed->durationMs(later), std::nullopt);

    // Atelier does not run them: never reaped as orphans, and a stop is refused with why.
    QCOMPARE(store.reapOrphans().value_or(-1), 0);
    QCOMPARE(store.run(kRunning)->state, u"running"_s);
    const Status stop = store.requestStop(kRunning);
    QVERIFY(!stop);
    QVERIFY2(stop.error().message.contains(u"MLflow"_s), qPrintable(stop.error().message));

    // Our own runs still count up while they run.
    RunRecord ours;
    ours.state = u"running"_s;
    ours.source = u"atelier"_s;
    ours.startedAt = later.addSecs(-30);
    QCOMPARE(ours.durationMs(later), std::optional<qint64>(30000));
}

void TestMlflowFidelity::keepsNanAndInfinitePoints()
{
    QCOMPARE(m_report.metricPoints, qint64(7));
    MetricsStore metrics(m_workspace->catalog());
    auto loss = metrics.points(kRunning, u"loss"_s);
    QVERIFY(loss);
    QCOMPARE(loss->size(), 6);
    QCOMPARE(loss->at(1).value, 0.97);
    QVERIFY(std::isnan(loss->at(2).value));
    QCOMPARE(loss->at(2).step, std::optional<qint64>(2));
    QCOMPARE(loss->at(2).ts, 1700100013.0);
    QVERIFY(std::isinf(loss->at(3).value) && loss->at(3).value > 0);
    QVERIFY(std::isinf(loss->at(4).value) && loss->at(4).value < 0);
    QCOMPARE(loss->at(5).value, 0.4);

    auto summaries = metrics.summaries(kRunning);
    QVERIFY(summaries);
    QCOMPARE(summaries->size(), 1);
    const MetricSummary &summary = summaries->constFirst();
    QCOMPARE(summary.count, qint64(6));
    QCOMPARE(summary.nonFinite, qint64(3));
    QCOMPARE(summary.last, 0.4);
    QVERIFY(std::isinf(summary.min) && summary.min < 0); // NaN is skipped, infinities are not
    QVERIFY(std::isinf(summary.max) && summary.max > 0);

    // A metric whose last value is NaN reads back as NaN, not 0.
    QVERIFY(metrics.append(
        kParent, QString(),
        {{u"score"_s, 0, 0.5, 1700100001.0}, {u"score"_s, 1, std::nan(""), 1700100002.0}}));
    auto parentSummary = metrics.summaries(kParent);
    QVERIFY(parentSummary);
    QCOMPARE(parentSummary->size(), 1);
    QVERIFY(std::isnan(parentSummary->constFirst().last));
    QCOMPARE(parentSummary->constFirst().max, 0.5);

    QCOMPARE(metricJsonValue(std::nan("")), QJsonValue(u"NaN"_s));
    QCOMPARE(metricJsonValue(HUGE_VAL), QJsonValue(u"Infinity"_s));
    QCOMPARE(metricJsonValue(-HUGE_VAL), QJsonValue(u"-Infinity"_s));
    QCOMPARE(metricJsonValue(0.25), QJsonValue(0.25));
}

void TestMlflowFidelity::aDivergedRunIsNeverTheBest()
{
    // The diverged run's last loss is NaN; NaN compares false, so being first made it "best".
    MetricsStore metrics(m_workspace->catalog());
    QVERIFY(metrics.append(kScheduled, QString(), {{u"val_loss"_s, 0, std::nan(""), 1.0}}));
    QVERIFY(metrics.append(kKilled, QString(), {{u"val_loss"_s, 0, 0.3, 1.0}}));
    QVERIFY(metrics.append(kParent, QString(), {{u"val_loss"_s, 0, 0.2, 1.0}}));
    auto comparison = RunComparison::load(m_workspace->root(), {kScheduled, kKilled, kParent});
    QVERIFY2(comparison, comparison ? "" : qPrintable(comparison.error().message));
    QCOMPARE(comparison->best(u"val_loss"_s), std::optional<int>(2));
}

void TestMlflowFidelity::aModelFromADivergedRunSaysNaN()
{
    // The version's metrics are copied from the run: a NaN last value stays "NaN" (JSON null
    // before), and reads back as NaN when versions are compared.
    QVERIFY(MetricsStore(m_workspace->catalog())
                .append(kParent, QString(), {{u"val_loss"_s, 0, std::nan(""), 1700100100.0}}));
    const QString file = m_tmp->filePath(u"ws/weights.onnx"_s);
    QVERIFY(writeFile(file, "not really onnx", QIODevice::Truncate));
    ModelRegistry registry(m_workspace->catalog(), m_workspace->root());
    ModelRegisterOptions options;
    options.name = u"diverged"_s;
    options.runId = kParent;
    auto first = registry.registerPath(file, options);
    QVERIFY2(first, first ? "" : qPrintable(first.error().message));
    QCOMPARE(first->metrics.value(u"val_loss"_s), QJsonValue(u"NaN"_s));
    QVERIFY(writeFile(file, "other bytes", QIODevice::Truncate));
    QVERIFY(registry.registerPath(file, options));
    auto comparison = registry.compare(u"diverged"_s, 1, 2);
    QVERIFY(comparison);
    QCOMPARE(comparison->metrics.size(), 1);
    QVERIFY(comparison->metrics.constFirst().a && std::isnan(*comparison->metrics.constFirst().a));
}

void TestMlflowFidelity::importingAgainBringsARunningRunUpToDate()
{
    // The store on disk moves on: the running run ends and logs one more point.
    QTemporaryDir tmp;
    const QString store = tmp.filePath(u"mlruns"_s);
    QVERIFY(copyTree(m_store, store));
    QTemporaryDir fresh;
    auto created = Workspace::create(fresh.filePath(u"ws"_s), {});
    QVERIFY(created);
    Database &db = created->catalog();
    QVERIFY(MlflowImport::importStore(db, store));

    const QString run = store + u"/"_s + kExperiment + u"/bbbb1111bbbb1111bbbb1111bbbb1111"_s;
    QFile metaFile(run + u"/meta.yaml"_s);
    QVERIFY(metaFile.open(QIODevice::ReadOnly));
    QByteArray meta = metaFile.readAll();
    metaFile.close();
    meta.replace("end_time: null", "end_time: 1700100070000").replace("status: 1", "status: 3");
    QVERIFY(writeFile(run + u"/meta.yaml"_s, meta, QIODevice::Truncate));
    QVERIFY(writeFile(run + u"/metrics/loss"_s, "1700100017000 0.35 6\n", QIODevice::Append));

    auto again = MlflowImport::importStore(db, store);
    QVERIFY(again);
    QCOMPARE(again->runsImported, 0);
    QCOMPARE(again->runsUpdated, 2); // the running one and the scheduled one
    QCOMPARE(again->runsAlreadyImported, 2);
    auto updated = RunStore(db).run(kRunning);
    QVERIFY(updated);
    QCOMPARE(updated->state, u"succeeded"_s);
    QCOMPARE(updated->durationMs(), std::optional<qint64>(60000));
    QVERIFY(updated->message.isEmpty());
    QCOMPARE(MetricsStore(db).points(kRunning, u"loss"_s).value_or({}).size(), 7);
    QCOMPARE(RunStore(db).params(kRunning).value_or({}).value(u"lr"_s), u"1.0"_s);
    QCOMPARE(db.rowCount(u"runs"_s).value_or(-1), qint64(4));
}

void TestMlflowFidelity::nestsChildRunsUnderTheirParent()
{
    RunStore store(m_workspace->catalog());
    auto running = store.run(kRunning);
    QVERIFY(running);
    QCOMPARE(running->parentRunId, kParent);
    QCOMPARE(store.children(kParent).value_or({}), (QStringList{kRunning, kScheduled}));

    auto runs = store.runs(50);
    QVERIFY(runs);
    const QList<NestedRun> nested = RunStore::nest(runs.value());
    QStringList order;
    for (const NestedRun &n : nested)
        order.append(u"%1:%2"_s.arg(n.depth).arg(n.run.id));
    // Newest first at each level; children right under their parent.
    QCOMPARE(order, (QStringList{u"0:"_s + kParent, u"1:"_s + kScheduled, u"1:"_s + kRunning,
                                 u"0:"_s + kKilled}));

    // A cycle of parent links loses no run.
    RunRecord a, b;
    a.id = u"a"_s;
    a.parentRunId = u"b"_s;
    b.id = u"b"_s;
    b.parentRunId = u"a"_s;
    QCOMPARE(RunStore::nest({a, b}).size(), 2);
}

void TestMlflowFidelity::commandLineShowsStatesTagsParamsAndNonFiniteValues()
{
    QTemporaryDir tmp;
    const QStringList ws{u"--workspace"_s, tmp.filePath(u"ws"_s)};
    QCOMPARE(atelierCli({u"init"_s, tmp.filePath(u"ws"_s)}).code, 0);
    const Outcome imported = atelierCli(QStringList{u"runs"_s, u"import-mlflow"_s, m_store} + ws);
    QVERIFY2(imported.code == 0, qPrintable(imported.err));

    // No duration for the running run, and nested runs under their parent, indented.
    const Outcome listed = atelierCli(QStringList{u"runs"_s, u"list"_s} + ws);
    QVERIFY2(listed.code == 0, qPrintable(listed.err));
    const QStringList lines = listed.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    QVERIFY2(lines.at(0).startsWith(kParent) && lines.at(0).contains(u"600.0 s"_s),
             qPrintable(listed.out));
    QVERIFY2(lines.at(2).startsWith(kRunning) && lines.at(2).contains(u"running"_s) &&
                 lines.at(2).contains(u"\u2514 lr-1.0"_s),
             qPrintable(listed.out));
    static const QRegularExpression aDuration(u"\\d\\.\\d s"_s);
    for (const QString &line : lines.mid(1)) // none of the others has ended
        QVERIFY2(!aDuration.match(line).hasMatch(), qPrintable(line));

    const Outcome shown = atelierCli(QStringList{u"runs"_s, u"show"_s, kRunning, u"--json"_s} + ws);
    QVERIFY2(shown.code == 0, qPrintable(shown.err));
    const QJsonObject run = QJsonDocument::fromJson(shown.out.toUtf8()).object();
    QCOMPARE(run.value(u"state"_s).toString(), u"running"_s);
    QVERIFY(run.value(u"duration_s"_s).isNull());
    QVERIFY(run.value(u"finished_at"_s).isNull());
    QCOMPARE(run.value(u"started_at"_s).toString(), u"2023-11-16T02:00:10.000Z"_s);
    QCOMPARE(run.value(u"parent_run"_s).toString(), kParent);
    QCOMPARE(run.value(u"params"_s).toObject(), (QJsonObject{{u"lr"_s, u"1.0"_s}}));
    const QJsonObject tags = run.value(u"tags"_s).toObject();
    QCOMPARE(tags.value(u"mlflow.parentRunId"_s).toString(), u"aaaa0000aaaa0000aaaa0000aaaa0000"_s);
    QCOMPARE(tags.value(u"mlflow.runName"_s).toString(), u"lr-1.0"_s);
    QCOMPARE(tags.size(), 4);

    const Outcome parent = atelierCli(QStringList{u"runs"_s, u"show"_s, kParent, u"--json"_s} + ws);
    const QJsonObject parentJson = QJsonDocument::fromJson(parent.out.toUtf8()).object();
    QCOMPARE(parentJson.value(u"child_runs"_s).toArray(), (QJsonArray{kRunning, kScheduled}));
    QCOMPARE(parentJson.value(u"duration_s"_s).toDouble(), 600.0);

    const Outcome text = atelierCli(QStringList{u"runs"_s, u"show"_s, kRunning} + ws);
    QVERIFY2(text.out.contains(u"duration unknown"_s) && text.out.contains(u"Params:"_s) &&
                 text.out.contains(u"mlflow.parentRunId"_s),
             qPrintable(text.out));

    const Outcome points =
        atelierCli(QStringList{u"runs"_s, u"metrics"_s, kRunning, u"--json"_s} + ws);
    QVERIFY2(points.code == 0, qPrintable(points.err));
    QJsonArray values;
    for (const QJsonValue &point :
         QJsonDocument::fromJson(points.out.toUtf8()).object().value(u"points"_s).toArray())
        values.append(point.toObject().value(u"value"_s));
    QCOMPARE(values, (QJsonArray{2.31, 0.97, u"NaN"_s, u"Infinity"_s, u"-Infinity"_s, 0.4}));

    const Outcome summary = atelierCli(QStringList{u"runs"_s, u"metrics"_s, kRunning} + ws);
    QVERIFY2(summary.out.contains(u"3 not finite"_s), qPrintable(summary.out));

    const Outcome stop = atelierCli(QStringList{u"runs"_s, u"stop"_s, kRunning} + ws);
    QCOMPARE(stop.code, 1);
}

QTEST_GUILESS_MAIN(TestMlflowFidelity)
#include "tst_mlflowfidelity.moc"
