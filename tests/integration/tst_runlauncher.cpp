// Starts pipelines through RunLauncher, the class the command line, the window, the scheduler
// and sweeps share: a tiny saved pipeline runs as real bash processes and is recorded (with
// its experiment, and run folders pruned as its schedule asks); a pool that does not answer
// refuses the run before anything starts; a detached start runs `atelier` with the options;
// the run queries of models/runs find a run's pipeline and its tasks' logs.
#include "core/workspace.h"
#include "launch/runlauncher.h"
#include "pipeline/pipelinedocument.h"
#include "pipeline/pipelinestore.h"
#include "pools/poolstore.h"
#include "runs/rundetail.h"
#include "runs/runstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace atelier;
using namespace Qt::StringLiterals;

namespace {

NodeSpec shellNode(const QString &id, const QString &script)
{
    NodeSpec node;
    node.id = id;
    node.templateRef = u"shell@1.0"_s;
    node.params.insert(u"script"_s, script);
    return node;
}

LaunchOptions launchOf(const QString &pipeline, const QString &pool = {})
{
    LaunchOptions options;
    options.pipeline = pipeline;
    options.pool = pool;
    return options;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestRunLauncher : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_workspace;

    /// Saves \a doc in the workspace's repository (a run records its commit).
    void save(const PipelineDocument &doc)
    {
        PipelineStore store(m_workspace->root());
        auto commit = store.save(doc, u"Save"_s, {u"t"_s, u"t@example.com"_s});
        QVERIFY2(commit, commit ? "" : qPrintable(commit.error().message));
    }

    /// Runs \a options to their end through the launcher; returns the run id.
    QString runToEnd(const LaunchOptions &options)
    {
        RunLauncher launcher(*m_workspace, u"/bin/false"_s);
        const Status prepared = launcher.prepare(options);
        if (!prepared) {
            qWarning() << prepared.error().message;
            return {};
        }
        QSignalSpy finished(launcher.executor(), &RunExecutor::finished);
        auto started = launcher.start();
        if (!started) {
            qWarning() << started.error().message;
            return {};
        }
        if (!finished.wait(30000))
            return {};
        if (Status concluded = launcher.conclude(); !concluded) {
            qWarning() << concluded.error().message;
            return {};
        }
        return started.value();
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        auto created = Workspace::create(m_dir->filePath(u"ws"_s), {});
        QVERIFY2(created, created ? "" : qPrintable(created.error().message));
        m_workspace = std::make_unique<Workspace>(std::move(created).value());
    }

    void runsASavedPipeline()
    {
        PipelineDocument doc;
        doc.name = u"Tiny"_s;
        doc.variables.insert(u"word"_s, u"default"_s);
        // The node writes the variable where the test can read it: proof it ran, with --set.
        doc.nodes.append(shellNode(
            u"hello"_s, u"printf '%s' '{{variables.word}}' > \"$ATELIER_TASK_DIR/said\""_s));
        ScheduleSpec schedule;
        schedule.cron = u"0 3 * * *"_s;
        schedule.keepLast = 1;
        doc.schedule = schedule;
        save(doc);

        LaunchOptions options;
        options.pipeline = u"tiny"_s;
        options.variables.insert(u"word"_s, u"launched"_s);
        options.experiment = u"trying"_s;
        const QString first = runToEnd(options);
        QVERIFY(!first.isEmpty());

        RunStore runs(m_workspace->catalog());
        auto run = runs.run(first);
        QVERIFY(run);
        QCOMPARE(run->state, u"succeeded"_s);
        QCOMPARE(run->pipeline, u"tiny"_s);
        QVERIFY(!run->commitId.isEmpty());
        QCOMPARE(run->experiment, u"trying"_s);
        const QString runFolder = QDir(m_workspace->runsPath()).filePath(first);
        QCOMPARE(readFile(runFolder + u"/hello/said"_s), QByteArray("launched"));

        // keep_last 1: the second run's folder stays, the first one's goes.
        const QString second = runToEnd(launchOf(u"tiny"_s));
        QVERIFY(!second.isEmpty());
        QVERIFY(second != first);
        QVERIFY(!QFileInfo::exists(runFolder));
        const QString secondFolder = QDir(m_workspace->runsPath()).filePath(second);
        QCOMPARE(readFile(secondFolder + u"/hello/said"_s), QByteArray("default"));
    }

    void runQueriesFindThePipelineAndTheLogs()
    {
        PipelineDocument doc;
        doc.name = u"Echo"_s;
        NodeSpec node = shellNode(u"say"_s, u"echo spoken"_s);
        node.name = u"Say it"_s;
        doc.nodes.append(node);
        save(doc);
        const QString first = runToEnd(launchOf(u"echo"_s));
        QVERIFY(!first.isEmpty());
        const QString second = runToEnd(launchOf(u"echo"_s)); // its task is cached
        QVERIFY(!second.isEmpty());

        // The log of a cached task is that of the task it reused.
        auto detail = RunDetail::load(m_workspace->root(), second);
        QVERIFY2(detail, detail ? "" : qPrintable(detail.error().message));
        QCOMPARE(detail->taskName(u"say"_s), u"Say it"_s);
        QString fromRun;
        const QString log =
            detail->taskLogPath(m_workspace->root(), u"say"_s, u"stdout.log"_s, &fromRun);
        QCOMPARE(fromRun, first);
        QCOMPARE(log, taskLogPath(m_workspace->root(), first, u"say"_s, u"stdout.log"_s));
        QCOMPARE(readFile(log).trimmed(), QByteArray("spoken"));

        // With the run folder's snapshot gone, the pipeline comes from the run's commit.
        QVERIFY(
            QFile::remove(QDir(m_workspace->runsPath()).filePath(second + u"/pipeline.json"_s)));
        auto snapshot = RunSnapshot::load(m_workspace->root(), second);
        QVERIFY2(snapshot, snapshot ? "" : qPrintable(snapshot.error().message));
        QCOMPARE(snapshot->document.name, u"Echo"_s);
        QCOMPARE(snapshot->tasks.size(), 1);
        QCOMPARE(snapshot->tasks.constFirst().state, u"cached"_s);
        QVERIFY(!RunSnapshot::load(m_workspace->root(), u"no-such-run"_s));
    }

    void refusesAPoolThatDoesNotAnswer()
    {
        // A slurmrestd socket where nothing listens: the health check fails at once.
        SlurmSettings slurm;
        slurm.url = u"unix:"_s + m_dir->filePath(u"nobody-listens.sock"_s);
        slurm.auth = u"local"_s;
        slurm.user = u"ada"_s;
        slurm.partition = u"gpu"_s;
        slurm.staging = m_dir->filePath(u"staging"_s);
        PoolStore pools(m_workspace->catalog());
        QVERIFY(pools.addSlurm(u"cluster"_s, slurm));

        PipelineDocument doc;
        doc.name = u"Remote"_s;
        NodeSpec node = shellNode(u"far"_s, u"touch \"$ATELIER_TASK_DIR/ran\""_s);
        node.pool = u"cluster"_s;
        doc.nodes.append(node);
        save(doc);

        RunLauncher launcher(*m_workspace, u"/bin/false"_s);
        const Status prepared = launcher.prepare(launchOf(u"remote"_s));
        QVERIFY(!prepared);
        QVERIFY2(prepared.error().message.contains(u"cluster"_s),
                 qPrintable(prepared.error().message));
        QVERIFY(!launcher.executor());
        auto recorded = pools.find(u"cluster"_s);
        QVERIFY(recorded);
        QVERIFY(recorded->state != u"online"_s); // the check was recorded
        auto runs = RunStore(m_workspace->catalog()).runs(10);
        QVERIFY(runs);
        QVERIFY(runs->isEmpty());

        // A pool nobody added is refused as well.
        const Status unknown = launcher.prepare(launchOf(u"remote"_s, u"nowhere"_s));
        QVERIFY(!unknown);
        QVERIFY(!launcher.executor());
    }

    void startsDetached()
    {
        // A stand-in for `atelier` that writes down its arguments in its working folder.
        const QString binary = m_dir->filePath(u"fake-atelier"_s);
        {
            QFile script(binary);
            QVERIFY(script.open(QIODevice::WriteOnly));
            script.write("#!/bin/sh\necho said-something\nprintf '%s\\n' \"$@\" > args.tmp\n"
                         "mv args.tmp args.txt\n");
        }
        QVERIFY(
            QFile::setPermissions(binary, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        LaunchOptions options = launchOf(u"tiny"_s);
        options.fromNode = u"hello"_s;
        options.logicalDate = QDateTime(QDate(2026, 12, 1), QTime(3, 0), Qt::UTC);
        const QString log = m_dir->filePath(u"launch.log"_s);
        auto pid = RunLauncher::startDetached(binary, m_workspace->root(), options, log);
        QVERIFY2(pid, pid ? "" : qPrintable(pid.error().message));
        QVERIFY(pid.value() > 0);
        const QString args = QDir(m_workspace->root()).filePath(u"args.txt"_s);
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(args), 10000);
        const QStringList expected{u"pipeline"_s,
                                   u"run"_s,
                                   u"tiny"_s,
                                   u"--workspace"_s,
                                   m_workspace->root(),
                                   u"--from"_s,
                                   u"hello"_s,
                                   u"--logical-date"_s,
                                   u"2026-12-01T03:00:00Z"_s};
        QCOMPARE(QString::fromUtf8(readFile(args)).split(u'\n', Qt::SkipEmptyParts), expected);
        QCOMPARE(options.arguments(m_workspace->root()), expected);
        QTRY_VERIFY_WITH_TIMEOUT(readFile(log).contains("said-something"), 5000);

        auto missing = RunLauncher::startDetached(m_dir->filePath(u"no-such-binary"_s),
                                                  m_workspace->root(), options);
        QVERIFY(!missing);
    }
};

QTEST_GUILESS_MAIN(TestRunLauncher)
#include "tst_runlauncher.moc"
