// The real `atelier` binary with Slurm pools on the cluster of scripts/slurm-up: pool add-slurm
// | list | check | remove, the demo pipeline on the Slurm pool, one run mixing local and Slurm
// nodes, refusals before submit, and a cluster that stops answering mid-run (tasks end lost).
#include "slurmenv.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::StringLiterals;

namespace {

struct Outcome
{
    int exitCode = -1;
    QString out;
    QString err;
    QString describe() const
    {
        return u"exit %1\nstdout: %2\nstderr: %3"_s.arg(exitCode).arg(out, err);
    }
};

QJsonObject parse(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

} // namespace

class TestSlurmCli : public QObject
{
    Q_OBJECT

private:
    QMap<QString, QString> m_env;
    QTemporaryDir m_home;
    QProcessEnvironment m_process = QProcessEnvironment::systemEnvironment();

    std::unique_ptr<QProcess> start(const QStringList &args)
    {
        auto process = std::make_unique<QProcess>();
        process->setProcessEnvironment(m_process);
        process->setWorkingDirectory(m_home.path());
        process->start(QStringLiteral(ATELIER_BINARY), args);
        return process;
    }

    Outcome run(const QStringList &args, int timeoutMs = 120000)
    {
        auto process = start(args);
        Outcome outcome;
        if (!process->waitForFinished(timeoutMs)) {
            process->kill();
            process->waitForFinished();
        }
        outcome.exitCode = process->exitStatus() == QProcess::NormalExit ? process->exitCode() : -1;
        outcome.out = QString::fromUtf8(process->readAllStandardOutput());
        outcome.err = QString::fromUtf8(process->readAllStandardError());
        return outcome;
    }

    /// A demo workspace with the Slurm pool "cluster" (JWT from the token file).
    QString workspace(const QString &name)
    {
        const QString dir = m_home.filePath(name);
        const Outcome made = run({u"init"_s, dir, u"--demo"_s});
        if (made.exitCode != 0)
            qWarning().noquote() << made.describe();
        const Outcome added = run({u"pool"_s, u"add-slurm"_s, u"cluster"_s, u"--url"_s,
                                   m_env.value(u"ATELIER_SLURM_URL"_s), u"--token-file"_s,
                                   m_env.value(u"ATELIER_SLURM_TOKEN_FILE"_s), u"--partition"_s,
                                   m_env.value(u"ATELIER_SLURM_PARTITION"_s), u"--staging"_s,
                                   m_env.value(u"ATELIER_SLURM_STAGING"_s), u"--workspace"_s, dir});
        if (added.exitCode != 0)
            qWarning().noquote() << added.describe();
        return dir;
    }

    QString writePipeline(const QString &dir, const QString &name, const QJsonObject &pipeline)
    {
        const QString path = QDir(dir).filePath(name + u".json"_s);
        QFile file(path);
        if (file.open(QIODevice::WriteOnly))
            file.write(QJsonDocument(pipeline).toJson());
        return path;
    }

    static QJsonObject shellNode(const QString &id, const QString &script, const QString &pool,
                                 const QJsonObject &resources = {})
    {
        QJsonObject node{{u"id"_s, id},
                         {u"template"_s, u"shell"_s},
                         {u"params"_s, QJsonObject{{u"script"_s, script}}}};
        if (!pool.isEmpty())
            node.insert(u"pool"_s, pool);
        if (!resources.isEmpty())
            node.insert(u"resources"_s, resources);
        return node;
    }

    static QJsonObject taskOf(const QJsonObject &run, const QString &id)
    {
        for (const QJsonValue &task : run.value(u"tasks"_s).toArray()) {
            if (task.toObject().value(u"id"_s).toString() == id)
                return task.toObject();
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        REQUIRE_SLURM(m_env);
        QVERIFY(m_home.isValid());
        QVERIFY(QFileInfo(QStringLiteral(ATELIER_BINARY)).isExecutable());
        m_process.insert(u"SLURM_CONF"_s, m_env.value(u"SLURM_CONF"_s));
        m_process.insert(u"HOME"_s, m_home.path());
        m_process.insert(u"XDG_CONFIG_HOME"_s, m_home.filePath(u"config"_s));
        m_process.insert(u"XDG_DATA_HOME"_s, m_home.filePath(u"data"_s));
        m_process.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        m_process.insert(u"ATELIER_SLURM_POLL_MS"_s, u"250"_s);
    }

    void poolCommands()
    {
        const QString ws = workspace(u"pools"_s);
        Outcome listed = run({u"pool"_s, u"list"_s, u"--json"_s, u"--workspace"_s, ws});
        QCOMPARE(listed.exitCode, 0);
        const QJsonArray pools = parse(listed.out).value(u"pools"_s).toArray();
        QCOMPARE(pools.size(), 2);
        const QJsonObject cluster = pools.at(1).toObject();
        QCOMPARE(cluster.value(u"name"_s).toString(), u"cluster"_s);
        QCOMPARE(cluster.value(u"state"_s).toString(), u"online"_s);
        QCOMPARE(cluster.value(u"capacity"_s).toObject().value(u"gpus"_s).toInt(),
                 m_env.value(u"ATELIER_SLURM_GPUS"_s).toInt());
        QVERIFY(!cluster.value(u"checked_at"_s).toString().isEmpty());
        // The user defaults to the login name; the token is nowhere in the catalog.
        QVERIFY(!cluster.value(u"slurm"_s).toObject().value(u"user"_s).toString().isEmpty());
        QFile token(m_env.value(u"ATELIER_SLURM_TOKEN_FILE"_s));
        QVERIFY(token.open(QIODevice::ReadOnly));
        QFile catalog(QDir(ws).filePath(u"atelier.db"_s));
        QVERIFY(catalog.open(QIODevice::ReadOnly));
        QVERIFY(!catalog.readAll().contains(token.readAll().trimmed()));

        // The unix socket with local auth, and a local check.
        Outcome added = run({u"pool"_s, u"add-slurm"_s, u"socket"_s, u"--url"_s,
                             u"unix:"_s + m_env.value(u"ATELIER_SLURM_SOCKET"_s), u"--staging"_s,
                             m_env.value(u"ATELIER_SLURM_STAGING"_s), u"--workspace"_s, ws});
        QVERIFY2(added.exitCode == 0, qPrintable(added.describe()));
        QVERIFY(added.out.contains(u"online"_s));
        Outcome checked = run({u"pool"_s, u"check"_s, u"local"_s, u"--workspace"_s, ws});
        QVERIFY2(checked.exitCode == 0, qPrintable(checked.describe()));

        // A token file others can read is refused, nothing added.
        const QString loose = m_home.filePath(u"loose-token"_s);
        QVERIFY(QFile::copy(m_env.value(u"ATELIER_SLURM_TOKEN_FILE"_s), loose));
        QVERIFY(::chmod(QFile::encodeName(loose).constData(), 0640) == 0);
        Outcome refused =
            run({u"pool"_s, u"add-slurm"_s, u"loose"_s, u"--url"_s,
                 m_env.value(u"ATELIER_SLURM_URL"_s), u"--token-file"_s, loose, u"--staging"_s,
                 m_env.value(u"ATELIER_SLURM_STAGING"_s), u"--workspace"_s, ws});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(u"chmod 600"_s), qPrintable(refused.describe()));

        // A pool nobody answers for is added but abnormal, with why.
        Outcome dead =
            run({u"pool"_s, u"add-slurm"_s, u"dead"_s, u"--url"_s, u"http://127.0.0.1:1"_s,
                 u"--token-file"_s, m_env.value(u"ATELIER_SLURM_TOKEN_FILE"_s), u"--staging"_s,
                 m_env.value(u"ATELIER_SLURM_STAGING"_s), u"--workspace"_s, ws});
        QCOMPARE(dead.exitCode, 1);
        QVERIFY2(dead.err.contains(u"abnormal"_s), qPrintable(dead.describe()));
        listed = run({u"pool"_s, u"list"_s, u"--workspace"_s, ws});
        QVERIFY(listed.out.contains(u"does not answer"_s));

        QCOMPARE(run({u"pool"_s, u"remove"_s, u"dead"_s, u"--workspace"_s, ws}).exitCode, 0);
        QCOMPARE(run({u"pool"_s, u"remove"_s, u"local"_s, u"--workspace"_s, ws}).exitCode, 1);
        QCOMPARE(run({u"pool"_s, u"check"_s, u"nope"_s, u"--workspace"_s, ws}).exitCode, 1);
        QCOMPARE(run({u"pool"_s, u"frobnicate"_s, u"--workspace"_s, ws}).exitCode, 2);
    }

    void demoPipelineRunsOnSlurm()
    {
        const QString ws = workspace(u"demo"_s);
        Outcome ran = run({u"pipeline"_s, u"run"_s, u"shapes-classifier"_s, u"--pool"_s,
                           u"cluster"_s, u"--json"_s, u"--workspace"_s, ws},
                          240000);
        QVERIFY2(ran.exitCode == 0, qPrintable(ran.describe()));
        const QString runId = parse(ran.out).value(u"run"_s).toString();
        const QJsonObject shown =
            parse(run({u"runs"_s, u"show"_s, runId, u"--json"_s, u"--workspace"_s, ws}).out);
        QCOMPARE(shown.value(u"pool"_s).toString(), u"cluster"_s);
        for (const QJsonValue &value : shown.value(u"tasks"_s).toArray()) {
            const QJsonObject task = value.toObject();
            QCOMPARE(task.value(u"state"_s).toString(), u"succeeded"_s);
            QCOMPARE(task.value(u"pool"_s).toString(), u"cluster"_s);
            QVERIFY(task.value(u"job_id"_s).toString().toInt() > 0); // a Slurm job id
        }
        // Logs are read from the staging folder, through the run folder.
        const Outcome logs = run({u"runs"_s, u"logs"_s, runId, u"train"_s, u"--workspace"_s, ws});
        QVERIFY2(logs.exitCode == 0, qPrintable(logs.describe()));
        QVERIFY(QFileInfo(QDir(ws).filePath(u"runs/"_s + runId + u"/train"_s)).isSymLink());
        // Metrics written on the cluster reached the catalog.
        const Outcome metrics =
            run({u"runs"_s, u"metrics"_s, runId, u"--json"_s, u"--workspace"_s, ws});
        QVERIFY2(metrics.exitCode == 0 && metrics.out.contains(u"accuracy"_s),
                 qPrintable(metrics.describe()));
        // The model the Slurm job trained is registered.
        const Outcome models = run({u"model"_s, u"list"_s, u"--json"_s, u"--workspace"_s, ws});
        QVERIFY2(models.out.contains(u"shapes-classifier"_s), qPrintable(models.describe()));
    }

    void oneRunMixesPools()
    {
        const QString ws = workspace(u"mixed"_s);
        const QJsonObject pipeline{
            {u"format"_s, 1},
            {u"name"_s, u"Mixed pools"_s},
            {u"nodes"_s,
             QJsonArray{shellNode(u"make"_s, u"echo 21 > \"$ATELIER_OUTPUT_OUT/n\""_s, u"local"_s),
                        shellNode(u"double"_s,
                                  u"echo $(( $(cat \"$ATELIER_INPUT_IN/n\") * 2 )) > "
                                  u"\"$ATELIER_OUTPUT_OUT/n\"; echo gpus=$CUDA_VISIBLE_DEVICES"_s,
                                  u"cluster"_s, QJsonObject{{u"gpus"_s, 1}}),
                        shellNode(u"check"_s, u"test \"$(cat \"$ATELIER_INPUT_IN/n\")\" = 42"_s,
                                  QString())}},
            {u"edges"_s,
             QJsonArray{QJsonObject{{u"from"_s, u"make.out"_s}, {u"to"_s, u"double.in"_s}},
                        QJsonObject{{u"from"_s, u"double.out"_s}, {u"to"_s, u"check.in"_s}}}}};
        const QString file = writePipeline(ws, u"mixed"_s, pipeline);
        const Outcome ran = run({u"pipeline"_s, u"run"_s, file, u"--json"_s, u"--workspace"_s, ws});
        QVERIFY2(ran.exitCode == 0, qPrintable(ran.describe()));
        const QString runId = parse(ran.out).value(u"run"_s).toString();
        const QJsonObject shown =
            parse(run({u"runs"_s, u"show"_s, runId, u"--json"_s, u"--workspace"_s, ws}).out);
        QCOMPARE(taskOf(shown, u"make"_s).value(u"pool"_s).toString(), u"local"_s);
        QCOMPARE(taskOf(shown, u"double"_s).value(u"pool"_s).toString(), u"cluster"_s);
        QCOMPARE(taskOf(shown, u"check"_s).value(u"pool"_s).toString(), u"local"_s);
        const Outcome logs = run({u"runs"_s, u"logs"_s, runId, u"double"_s, u"--workspace"_s, ws});
        QVERIFY2(logs.out.contains(u"gpus=0"_s), qPrintable(logs.describe()));

        // The same pipeline, every node without a pool on the cluster (--pool).
        const Outcome again = run({u"pipeline"_s, u"run"_s, file, u"--pool"_s, u"cluster"_s,
                                   u"--no-cache"_s, u"--json"_s, u"--workspace"_s, ws});
        QVERIFY2(again.exitCode == 0, qPrintable(again.describe()));
        const QJsonObject second =
            parse(run({u"runs"_s, u"show"_s, parse(again.out).value(u"run"_s).toString(),
                       u"--json"_s, u"--workspace"_s, ws})
                      .out);
        QCOMPARE(taskOf(second, u"check"_s).value(u"pool"_s).toString(), u"cluster"_s);
    }

    void refusedBeforeSubmit_data()
    {
        QTest::addColumn<QJsonObject>("resources");
        QTest::addColumn<QString>("nodeId");
        QTest::addColumn<int>("timeoutS");
        QTest::addColumn<QString>("says");
        QTest::newRow("gpus") << QJsonObject{{u"gpus"_s, 9}} << u"a"_s << 0 << u"9 GPUs"_s;
        QTest::newRow("cpus") << QJsonObject{{u"cpus"_s, 4096}} << u"a"_s << 0 << u"4096 CPUs"_s;
        QTest::newRow("memory") << QJsonObject{{u"memory_mb"_s, 99999999}} << u"a"_s << 0
                                << u"99999999 MB"_s;
        QTest::newRow("nodes") << QJsonObject{{u"nodes"_s, 2}} << u"a"_s << 0 << u"2 nodes"_s;
        QTest::newRow("duration") << QJsonObject{} << u"a"_s << 169 * 3600
                                  << u"between 1 and 168 hours"_s;
        QTest::newRow("name") << QJsonObject{} << QString(51, u'n') << 0 << u"at most 50"_s;
    }

    void refusedBeforeSubmit()
    {
        QFETCH(QJsonObject, resources);
        QFETCH(QString, nodeId);
        QFETCH(int, timeoutS);
        QFETCH(QString, says);
        static const QString ws = workspace(u"refusals"_s);
        QJsonObject node = shellNode(nodeId, u"true"_s, u"cluster"_s, resources);
        if (timeoutS > 0)
            node.insert(u"timeout_s"_s, timeoutS);
        const QString file = writePipeline(ws, u"refused"_s,
                                           QJsonObject{{u"format"_s, 1},
                                                       {u"name"_s, u"Refusals"_s},
                                                       {u"nodes"_s, QJsonArray{node}}});
        const Outcome ran = run({u"pipeline"_s, u"run"_s, file, u"--json"_s, u"--workspace"_s, ws});
        QCOMPARE(ran.exitCode, 1);
        const QJsonObject task = parse(ran.out).value(u"tasks"_s).toArray().at(0).toObject();
        QCOMPARE(task.value(u"state"_s).toString(), u"failed"_s);
        const QString message = task.value(u"message"_s).toString();
        QVERIFY2(message.contains(u"refused before submit"_s) && message.contains(says),
                 qPrintable(message));
    }

    void unknownPoolRefusesTheRun()
    {
        const QString ws = workspace(u"unknown"_s);
        const QString file = writePipeline(
            ws, u"p"_s,
            QJsonObject{{u"format"_s, 1},
                        {u"name"_s, u"P"_s},
                        {u"nodes"_s, QJsonArray{shellNode(u"a"_s, u"true"_s, u"atlantis"_s)}}});
        Outcome ran = run({u"pipeline"_s, u"run"_s, file, u"--workspace"_s, ws});
        QCOMPARE(ran.exitCode, 1);
        QVERIFY2(ran.err.contains(u"atlantis"_s), qPrintable(ran.describe()));
        ran = run({u"pipeline"_s, u"run"_s, file, u"--pool"_s, u"nowhere"_s, u"--workspace"_s, ws});
        QCOMPARE(ran.exitCode, 1);
        QVERIFY2(ran.err.contains(u"nowhere"_s), qPrintable(ran.describe()));
        QVERIFY(parse(run({u"runs"_s, u"list"_s, u"--json"_s, u"--workspace"_s, ws}).out)
                    .value(u"runs"_s)
                    .toArray()
                    .isEmpty()); // nothing was recorded
    }

    void clusterDownMidRunLosesTasks()
    {
        // A slurmrestd of this test's own, killed while the job runs.
        const QString socket = m_home.filePath(u"own.sock"_s);
        QProcess rest;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"SLURMRESTD_SECURITY"_s, u"disable_user_check"_s);
        rest.setProcessEnvironment(environment);
        rest.setStandardOutputFile(QProcess::nullDevice());
        rest.setStandardErrorFile(QProcess::nullDevice());
        rest.start(u"/usr/sbin/slurmrestd"_s,
                   {u"-f"_s, m_env.value(u"SLURM_CONF"_s), u"-s"_s, u"openapi/v0.0.38"_s, u"-a"_s,
                    u"rest_auth/local"_s, u"unix:"_s + socket});
        QVERIFY(rest.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(socket), 10000);

        const QString ws = workspace(u"down"_s);
        const Outcome added =
            run({u"pool"_s, u"add-slurm"_s, u"fragile"_s, u"--url"_s, u"unix:"_s + socket,
                 u"--staging"_s, m_env.value(u"ATELIER_SLURM_STAGING"_s), u"--workspace"_s, ws});
        QVERIFY2(added.exitCode == 0, qPrintable(added.describe()));
        const QString file = writePipeline(
            ws, u"long"_s,
            QJsonObject{{u"format"_s, 1},
                        {u"name"_s, u"Long"_s},
                        {u"nodes"_s, QJsonArray{shellNode(u"sleep"_s, u"sleep 120"_s, u"fragile"_s),
                                                shellNode(u"after"_s, u"true"_s, u"local"_s)}},
                        {u"edges"_s, QJsonArray{QJsonObject{{u"from"_s, u"sleep.out"_s},
                                                            {u"to"_s, u"after.in"_s}}}}});
        QProcessEnvironment saved = m_process;
        m_process.insert(u"ATELIER_SLURM_LOST_AFTER_MS"_s, u"3000"_s);
        auto runner = start({u"pipeline"_s, u"run"_s, file, u"--json"_s, u"--workspace"_s, ws});
        m_process = saved;
        // Wait until Slurm runs the job, then take slurmrestd away.
        QString jobId;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const QJsonArray runs =
                    parse(run({u"runs"_s, u"list"_s, u"--json"_s, u"--workspace"_s, ws}).out)
                        .value(u"runs"_s)
                        .toArray();
                if (runs.isEmpty())
                    return false;
                const QJsonObject task =
                    taskOf(parse(run({u"runs"_s, u"show"_s,
                                      runs.at(0).toObject().value(u"run"_s).toString(), u"--json"_s,
                                      u"--workspace"_s, ws})
                                     .out),
                           u"sleep"_s);
                jobId = task.value(u"job_id"_s).toString();
                return task.value(u"state"_s).toString() == u"running"_s;
            }(),
            60000);
        rest.kill();
        rest.waitForFinished();
        QVERIFY(runner->waitForFinished(60000));
        const QString out = QString::fromUtf8(runner->readAllStandardOutput());
        const QString err = QString::fromUtf8(runner->readAllStandardError());
        QCOMPARE(runner->exitCode(), 1);
        const QJsonObject result = parse(out);
        QCOMPARE(result.value(u"state"_s).toString(), u"failed"_s); // never silently succeeded
        const QJsonObject lost = taskOf(result, u"sleep"_s);
        QCOMPARE(lost.value(u"state"_s).toString(), u"lost"_s);
        QVERIFY2(lost.value(u"message"_s).toString().contains(jobId), qPrintable(out));
        QCOMPARE(taskOf(result, u"after"_s).value(u"state"_s).toString(), u"skipped"_s);
        QVERIFY2(err.contains(u"abnormal"_s), qPrintable(err));
        const QJsonArray pools =
            parse(run({u"pool"_s, u"list"_s, u"--json"_s, u"--workspace"_s, ws}).out)
                .value(u"pools"_s)
                .toArray();
        QCOMPARE(pools.at(2).toObject().value(u"state"_s).toString(), u"abnormal"_s);
        QVERIFY(!pools.at(2).toObject().value(u"reason"_s).toString().isEmpty());

        // The job still runs in the cluster: cancel it through the shared socket.
        QProcess scancel;
        scancel.start(u"scancel"_s, {jobId});
        QVERIFY(scancel.waitForFinished());
    }
};

QTEST_GUILESS_MAIN(TestSlurmCli)
#include "tst_slurmcli.moc"
