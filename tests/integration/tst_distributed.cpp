// Distributed training (#20): a node with "distributed": "pytorch-ddp" and processes_per_node 2
// runs through `atelier pipeline run` with the real torch.distributed.run (Debian's
// python3-torch) on the CPU (gloo): every rank runs and all-reduces, each rank's log is kept,
// rank 0's metrics are the task's, a failing rank fails the task, and bad requests are refused
// before anything runs.
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

struct Outcome
{
    int exitCode = -1;
    QString out;
    QString err;
};

QJsonObject readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

QString readText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace

class TestDistributed : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    QString m_workspace;

    Outcome atelier(const QStringList &args)
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"HOME"_s, m_home.path());
        env.insert(u"LANG"_s, u"C.UTF-8"_s);
        env.insert(u"XDG_CONFIG_HOME"_s, m_home.filePath(u"config"_s));
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(ATELIER_BINARY), args);
        Outcome outcome;
        if (!process.waitForFinished(240000)) {
            process.kill();
            process.waitForFinished(5000);
        }
        outcome.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        outcome.out = QString::fromUtf8(process.readAllStandardOutput());
        outcome.err = QString::fromUtf8(process.readAllStandardError());
        return outcome;
    }

    /// Writes a pipeline of \a nodes (and \a edges) and runs it; the run's JSON in \a run.
    Outcome runPipeline(const QString &name, const QJsonArray &nodes, const QJsonArray &edges,
                        QJsonObject *run = nullptr)
    {
        const QJsonObject root{
            {u"format"_s, 1}, {u"name"_s, name}, {u"nodes"_s, nodes}, {u"edges"_s, edges}};
        const QString path = m_home.filePath(name + u".json"_s);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(QJsonDocument(root).toJson());
        file.close();
        Outcome ran =
            atelier({u"pipeline"_s, u"run"_s, path, u"--workspace"_s, m_workspace, u"--json"_s});
        if (run)
            *run = QJsonDocument::fromJson(ran.out.toUtf8()).object();
        return ran;
    }

    QJsonObject taskOf(const QString &runId, const QString &node)
    {
        const Outcome shown =
            atelier({u"runs"_s, u"show"_s, runId, u"--workspace"_s, m_workspace, u"--json"_s});
        for (const QJsonValue &task :
             QJsonDocument::fromJson(shown.out.toUtf8()).object()[u"tasks"_s].toArray()) {
            if (task[u"id"_s].toString() == node)
                return task.toObject();
        }
        return {};
    }

    QString taskDir(const QString &runId, const QString &node) const
    {
        return QDir(m_workspace).filePath(u"runs/"_s + runId + u'/' + node);
    }

private Q_SLOTS:
    void initTestCase();
    void trainsOnTwoProcesses();
    void everyRankAllReduces();
    void failingRankFailsTheTask();
    void refusedBeforeRunning_data();
    void refusedBeforeRunning();
};

void TestDistributed::initTestCase()
{
    QVERIFY(m_home.isValid());
    m_workspace = m_home.filePath(u"ws"_s);
    const Outcome init = atelier({u"init"_s, m_workspace});
    QVERIFY2(init.exitCode == 0, qPrintable(init.err));
    // The test templates, as a workspace's own.
    const QString data = QStringLiteral(ATELIER_SOURCE_DIR "/tests/data/distributed");
    for (const QString &id : {u"ddp-allreduce"_s, u"make-table"_s}) {
        const QString target = QDir(m_workspace).filePath(u"repo/templates/"_s + id);
        QVERIFY(QDir().mkpath(target));
        for (const QString &name : QDir(data + u'/' + id).entryList(QDir::Files))
            QVERIFY(QFile::copy(data + u'/' + id + u'/' + name, target + u'/' + name));
    }
}

void TestDistributed::trainsOnTwoProcesses()
{
    const QJsonArray nodes{
        QJsonObject{{u"id"_s, u"data"_s}, {u"template"_s, u"make-table@1.0"_s}},
        QJsonObject{{u"id"_s, u"train"_s},
                    {u"template"_s, u"pytorch-ddp-train@1.0"_s},
                    {u"distributed"_s, u"pytorch-ddp"_s},
                    {u"params"_s, QJsonObject{{u"epochs"_s, 3}}},
                    {u"resources"_s, QJsonObject{{u"processes_per_node"_s, 2}}}}};
    const QJsonArray edges{QJsonObject{{u"from"_s, u"data.table"_s}, {u"to"_s, u"train.table"_s}}};
    QJsonObject run;
    const Outcome ran = runPipeline(u"ddp-train"_s, nodes, edges, &run);
    QVERIFY2(ran.exitCode == 0, qPrintable(ran.out + ran.err));
    const QString runId = run[u"run"_s].toString();
    const QString dir = taskDir(runId, u"train"_s);

    const QJsonObject metrics = readJson(dir + u"/outputs/metrics/metrics.json"_s);
    QCOMPARE(metrics[u"world_size"_s].toInt(), 2);
    QCOMPARE(metrics[u"backend"_s].toString(), u"gloo"_s);
    // The shards' row counts, all-reduced: every row seen once per epoch (padding aside).
    QVERIFY(metrics[u"rows_seen_per_epoch"_s].toInt() >= 200);
    QVERIFY(metrics[u"train_accuracy"_s].toDouble() > 0.8);
    QVERIFY(QFileInfo::exists(dir + u"/outputs/model/model.pt"_s));

    // Every rank's own log, and both in the task's log with their prefixes.
    QStringList rankLogs;
    for (QDirIterator it(dir + u"/ranks"_s, {u"stdout.log"_s}, QDir::Files,
                         QDirIterator::Subdirectories);
         it.hasNext();)
        rankLogs.append(readText(it.next()));
    QCOMPARE(rankLogs.size(), 2);
    const QString stdoutLog = readText(dir + u"/stdout.log"_s);
    QVERIFY2(stdoutLog.contains(u"rank 0 of 2"_s) && stdoutLog.contains(u"rank 1 of 2"_s),
             qPrintable(stdoutLog));

    // Rank 0's metrics are the task's: one loss per epoch; rank 1's lie beside them.
    const QString own = readText(dir + u"/metrics.jsonl"_s);
    QCOMPARE(own.count(u"\"loss\""_s), 3);
    QCOMPARE(readText(dir + u"/metrics.rank1.jsonl"_s).count(u"\"loss\""_s), 3);
}

void TestDistributed::everyRankAllReduces()
{
    const QJsonArray nodes{QJsonObject{{u"id"_s, u"sum"_s},
                                       {u"template"_s, u"ddp-allreduce@1.0"_s},
                                       {u"distributed"_s, u"pytorch-ddp"_s}}};
    QJsonObject run;
    const Outcome ran = runPipeline(u"ddp-sum"_s, nodes, {}, &run);
    QVERIFY2(ran.exitCode == 0, qPrintable(ran.out + ran.err));
    const QJsonObject result =
        readJson(taskDir(run[u"run"_s].toString(), u"sum"_s) + u"/outputs/out/result.json"_s);
    QCOMPARE(result[u"sum"_s].toDouble(), 3.0); // 1 + 2
    const QJsonObject env = result[u"env"_s].toObject();
    QCOMPARE(env[u"WORLD_SIZE"_s].toString(), u"2"_s);
    QCOMPARE(env[u"RANK"_s].toString(), u"0"_s);
    QCOMPARE(env[u"LOCAL_RANK"_s].toString(), u"0"_s);
    QVERIFY(!env[u"MASTER_ADDR"_s].toString().isEmpty());
    QVERIFY(env[u"MASTER_PORT"_s].toString().toInt() > 0);
}

void TestDistributed::failingRankFailsTheTask()
{
    const QJsonArray nodes{QJsonObject{{u"id"_s, u"sum"_s},
                                       {u"template"_s, u"ddp-allreduce@1.0"_s},
                                       {u"distributed"_s, u"pytorch-ddp"_s},
                                       {u"params"_s, QJsonObject{{u"fail_rank"_s, 1}}}}};
    QJsonObject run;
    const Outcome ran = runPipeline(u"ddp-fail"_s, nodes, {}, &run);
    QCOMPARE(ran.exitCode, 1);
    const QJsonObject task = taskOf(run[u"run"_s].toString(), u"sum"_s);
    QCOMPARE(task[u"state"_s].toString(), u"failed"_s);
    QVERIFY2(task[u"message"_s].toString().contains(u"rank 1 of 2 failed (exit code 3)"_s),
             qPrintable(task[u"message"_s].toString()));
}

void TestDistributed::refusedBeforeRunning_data()
{
    QTest::addColumn<QJsonObject>("node");
    QTest::addColumn<QString>("reason");
    QTest::newRow("template without distributed")
        << QJsonObject{{u"id"_s, u"p"_s},
                       {u"template"_s, u"python@1.0"_s},
                       {u"distributed"_s, u"pytorch-ddp"_s},
                       {u"params"_s, QJsonObject{{u"script"_s, u"print(1)"_s}}}}
        << u"python@1.0 does not support distributed training with \"pytorch-ddp\""_s;
    QTest::newRow("processes without a strategy")
        << QJsonObject{{u"id"_s, u"p"_s},
                       {u"template"_s, u"python@1.0"_s},
                       {u"resources"_s, QJsonObject{{u"processes_per_node"_s, 2}}},
                       {u"params"_s, QJsonObject{{u"script"_s, u"print(1)"_s}}}}
        << u"2 processes per node need a distributed strategy"_s;
    QTest::newRow("unknown strategy")
        << QJsonObject{{u"id"_s, u"sum"_s},
                       {u"template"_s, u"ddp-allreduce@1.0"_s},
                       {u"distributed"_s, u"horovod"_s}}
        << u"unknown strategy \"horovod\""_s;
    QTest::newRow("more processes than CPUs")
        << QJsonObject{{u"id"_s, u"sum"_s},
                       {u"template"_s, u"ddp-allreduce@1.0"_s},
                       {u"distributed"_s, u"pytorch-ddp"_s},
                       {u"resources"_s, QJsonObject{{u"processes_per_node"_s, 4096}}}}
        << u"asks for 4096 CPUs"_s;
}

void TestDistributed::refusedBeforeRunning()
{
    QFETCH(QJsonObject, node);
    QFETCH(QString, reason);
    QJsonObject run;
    const Outcome ran = runPipeline(u"refused"_s, {node}, {}, &run);
    QVERIFY(ran.exitCode != 0);
    const QString said = ran.out + ran.err;
    QVERIFY2(said.contains(reason), qPrintable(said));
    // Nothing ran: no task folder holds output.
    QVERIFY(!QFileInfo::exists(
        taskDir(run[u"run"_s].toString(), node[u"id"_s].toString()) + u"/stdout.log"_s) ||
            run[u"run"_s].toString().isEmpty());
}

QTEST_GUILESS_MAIN(TestDistributed)
#include "tst_distributed.moc"
