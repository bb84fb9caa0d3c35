// A SIGKILLed runner's Slurm jobs (issue #15), on the cluster of scripts/slurm-up: the real
// `atelier pipeline run` submits a long task to a Slurm pool and is killed with a real SIGKILL;
// the job keeps running on the cluster until the next command that opens the workspace cancels
// it (squeue no longer lists it), marks the task lost and the run failed. `runs stop` as that
// first command does the same.
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
#include <QThread>

#include <signal.h>

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

QJsonObject taskOf(const QJsonObject &run, const QString &id)
{
    for (const QJsonValue &task : run.value(u"tasks"_s).toArray())
        if (task.toObject().value(u"id"_s).toString() == id)
            return task.toObject();
    return {};
}

} // namespace

class TestSlurmOrphans : public QObject
{
    Q_OBJECT

private:
    QMap<QString, QString> m_env;
    QTemporaryDir m_home;
    QProcessEnvironment m_process = QProcessEnvironment::systemEnvironment();
    QStringList m_jobs; ///< cancelled in cleanupTestCase() whatever a failed test left

    std::unique_ptr<QProcess> start(const QStringList &args)
    {
        auto process = std::make_unique<QProcess>();
        process->setProcessEnvironment(m_process);
        process->setWorkingDirectory(m_home.path());
        process->start(QStringLiteral(ATELIER_BINARY), args);
        return process;
    }

    Outcome run(const QStringList &args)
    {
        auto process = start(args);
        Outcome outcome;
        if (!process->waitForFinished(120000)) {
            process->kill();
            process->waitForFinished();
        }
        outcome.exitCode = process->exitStatus() == QProcess::NormalExit ? process->exitCode() : -1;
        outcome.out = QString::fromUtf8(process->readAllStandardOutput());
        outcome.err = QString::fromUtf8(process->readAllStandardError());
        return outcome;
    }

    /// The job's state as squeue lists it; empty once squeue no longer lists it.
    QString squeueState(const QString &job)
    {
        QProcess squeue;
        squeue.setProcessEnvironment(m_process);
        squeue.start(u"squeue"_s, {u"-h"_s, u"-j"_s, job, u"-o"_s, u"%T"_s});
        if (!squeue.waitForFinished(30000))
            return u"(squeue hung)"_s;
        return QString::fromUtf8(squeue.readAllStandardOutput()).trimmed();
    }

    static bool isActive(const QString &state)
    {
        return state == u"PENDING"_s || state == u"RUNNING"_s || state == u"CONFIGURING"_s ||
               state == u"SUSPENDED"_s;
    }

    /// A workspace with the Slurm pool "cluster" and a run of a 300 s task on it, whose runner
    /// was SIGKILLed once the job was submitted and recorded. Returns the run id and the job.
    QString killRunnerWithJob(const QString &name, QString *job)
    {
        const QString ws = m_home.filePath(name);
        const QString file = prepare(name);
        if (file.isEmpty())
            return {};
        auto runner = start({u"pipeline"_s, u"run"_s, file, u"--workspace"_s, ws});
        if (!runner->waitForStarted(5000))
            return {};
        QString runId;
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 60000 && runner->state() == QProcess::Running && job->isEmpty()) {
            QThread::msleep(250);
            const QStringList runs =
                QDir(ws + u"/runs"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
            if (runs.isEmpty())
                continue;
            runId = runs.constFirst();
            const Outcome shown =
                run({u"runs"_s, u"show"_s, runId, u"--workspace"_s, ws, u"--json"_s});
            *job = taskOf(parse(shown.out), u"long"_s).value(u"job_id"_s).toString();
        }
        if (job->isEmpty()) {
            qWarning() << "no job was recorded:" << runner->readAllStandardError();
            return {};
        }
        m_jobs << *job;
        ::kill(pid_t(runner->processId()), SIGKILL);
        runner->waitForFinished(5000);
        return runId;
    }

    /// The job squeue lists with \a comment, or empty.
    QString jobWithComment(const QString &comment)
    {
        QProcess squeue;
        squeue.setProcessEnvironment(m_process);
        squeue.start(u"squeue"_s, {u"-h"_s, u"-o"_s, u"%i %k"_s});
        if (!squeue.waitForFinished(30000))
            return {};
        for (const QString &line : QString::fromUtf8(squeue.readAllStandardOutput()).split(u'\n'))
            if (line.section(u' ', 1).trimmed() == comment)
                return line.section(u' ', 0, 0);
        return {};
    }

    /// A workspace \a name with the Slurm pool "cluster" and a pipeline of a 300 s task on
    /// it; returns the pipeline's file.
    QString prepare(const QString &name)
    {
        const QString ws = m_home.filePath(name);
        if (run({u"init"_s, ws}).exitCode != 0)
            return {};
        const Outcome added = run({u"pool"_s, u"add-slurm"_s, u"cluster"_s, u"--url"_s,
                                   m_env.value(u"ATELIER_SLURM_URL"_s), u"--token-file"_s,
                                   m_env.value(u"ATELIER_SLURM_TOKEN_FILE"_s), u"--partition"_s,
                                   m_env.value(u"ATELIER_SLURM_PARTITION"_s), u"--staging"_s,
                                   m_env.value(u"ATELIER_SLURM_STAGING"_s), u"--workspace"_s, ws});
        if (added.exitCode != 0) {
            qWarning().noquote() << added.describe();
            return {};
        }
        const QJsonObject node{{u"id"_s, u"long"_s},
                               {u"template"_s, u"shell"_s},
                               {u"pool"_s, u"cluster"_s},
                               {u"params"_s, QJsonObject{{u"script"_s, u"sleep 300"_s}}}};
        const QJsonObject pipeline{{u"format"_s, 1},
                                   {u"name"_s, name},
                                   {u"nodes"_s, QJsonArray{node}},
                                   {u"edges"_s, QJsonArray{}}};
        const QString file = m_home.filePath(name + u".json"_s);
        QFile out(file);
        if (!out.open(QIODevice::WriteOnly) || out.write(QJsonDocument(pipeline).toJson()) <= 0)
            return {};
        out.close();
        return file;
    }

private Q_SLOTS:
    void initTestCase()
    {
        REQUIRE_SLURM(m_env);
        QVERIFY(m_home.isValid());
        m_process.insert(u"SLURM_CONF"_s, m_env.value(u"SLURM_CONF"_s));
        m_process.insert(u"PATH"_s, u"/usr/sbin:/usr/bin:/bin"_s);
        m_process.insert(u"HOME"_s, m_home.path());
        m_process.insert(u"LANG"_s, u"C.UTF-8"_s);
        m_process.remove(u"LC_ALL"_s);
        m_process.remove(u"LANGUAGE"_s);
        m_process.insert(u"XDG_CONFIG_HOME"_s, m_home.filePath(u"config"_s));
        m_process.insert(u"XDG_DATA_HOME"_s, m_home.filePath(u"data"_s));
        m_process.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        m_process.insert(u"ATELIER_SLURM_POLL_MS"_s, u"250"_s);
    }

    void cleanupTestCase()
    {
        for (const QString &job : std::as_const(m_jobs))
            QProcess::execute(u"scancel"_s, {job});
    }

    /// The bug: the job of a killed runner ran on. Now the next command cancels it.
    void nextCommandCancelsKilledRunnersJobs()
    {
        QString job;
        const QString runId = killRunnerWithJob(u"killed-runner"_s, &job);
        QVERIFY(!runId.isEmpty());
        // What the killed runner left: its job, still on the cluster.
        QVERIFY2(isActive(squeueState(job)), qPrintable(squeueState(job)));

        const QString ws = m_home.filePath(u"killed-runner"_s);
        const Outcome listed = run({u"runs"_s, u"list"_s, u"--workspace"_s, ws});
        QVERIFY2(listed.exitCode == 0, qPrintable(listed.describe()));
        QVERIFY2(listed.err.contains(u"1 cluster job"_s), qPrintable(listed.describe()));
        QTRY_VERIFY2_WITH_TIMEOUT(!isActive(squeueState(job)), qPrintable(squeueState(job)), 15000);

        const QJsonObject shown =
            parse(run({u"runs"_s, u"show"_s, runId, u"--workspace"_s, ws, u"--json"_s}).out);
        QCOMPARE(shown.value(u"state"_s).toString(), u"failed"_s);
        QCOMPARE(taskOf(shown, u"long"_s).value(u"state"_s).toString(), u"lost"_s);

        // Nothing is left to stop: `runs stop` says so and succeeds.
        const Outcome stopped = run({u"runs"_s, u"stop"_s, runId, u"--workspace"_s, ws});
        QVERIFY2(stopped.exitCode == 0, qPrintable(stopped.describe()));
        QVERIFY2(stopped.out.contains(u"ended now: 0"_s), qPrintable(stopped.describe()));
    }

    /// `runs stop` as the first command after the kill cancels the job too.
    void runsStopCancelsKilledRunnersJobs()
    {
        QString job;
        const QString runId = killRunnerWithJob(u"stop-leftover"_s, &job);
        QVERIFY(!runId.isEmpty());
        QVERIFY2(isActive(squeueState(job)), qPrintable(squeueState(job)));

        const QString ws = m_home.filePath(u"stop-leftover"_s);
        const Outcome stopped = run({u"runs"_s, u"stop"_s, runId, u"--workspace"_s, ws});
        QVERIFY2(stopped.exitCode == 0, qPrintable(stopped.describe()));
        QVERIFY2(stopped.out.contains(runId), qPrintable(stopped.describe()));
        QTRY_VERIFY2_WITH_TIMEOUT(!isActive(squeueState(job)), qPrintable(squeueState(job)), 15000);
        const QJsonObject shown =
            parse(run({u"runs"_s, u"show"_s, runId, u"--workspace"_s, ws, u"--json"_s}).out);
        QCOMPARE(shown.value(u"state"_s).toString(), u"failed"_s);
        QCOMPARE(taskOf(shown, u"long"_s).value(u"state"_s).toString(), u"lost"_s);
    }

    /// A runner killed after Slurm took the job but before the job id reached the catalog (a
    /// test hook kills it exactly there): the next command finds the job by its comment and
    /// cancels it.
    void jobOfRunnerKilledBeforeRecordingIsCancelled()
    {
        const QString name = u"killed-before-record"_s;
        const QString ws = m_home.filePath(name);
        const QString file = prepare(name);
        QVERIFY(!file.isEmpty());
        QProcessEnvironment env = m_process;
        env.insert(u"ATELIER_TEST_FAULT"_s, u"kill-after-submit"_s);
        QProcess runner;
        runner.setProcessEnvironment(env);
        runner.start(QStringLiteral(ATELIER_BINARY),
                     {u"pipeline"_s, u"run"_s, file, u"--workspace"_s, ws});
        QVERIFY(runner.waitForFinished(60000));
        QCOMPARE(runner.exitStatus(), QProcess::CrashExit);
        const QStringList runs = QDir(ws + u"/runs"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        QCOMPARE(runs.size(), 1);
        const QString runId = runs.constFirst();
        const QString job = jobWithComment(u"atelier:%1/long"_s.arg(runId));
        QVERIFY2(!job.isEmpty(), "the killed runner's job is not on the cluster");
        m_jobs << job;
        QVERIFY2(isActive(squeueState(job)), qPrintable(squeueState(job)));

        const Outcome listed = run({u"runs"_s, u"list"_s, u"--workspace"_s, ws});
        QVERIFY2(listed.exitCode == 0, qPrintable(listed.describe()));
        QVERIFY2(listed.err.contains(u"1 cluster job"_s), qPrintable(listed.describe()));
        QTRY_VERIFY2_WITH_TIMEOUT(!isActive(squeueState(job)), qPrintable(squeueState(job)), 15000);
        const QJsonObject shown =
            parse(run({u"runs"_s, u"show"_s, runId, u"--workspace"_s, ws, u"--json"_s}).out);
        QCOMPARE(shown.value(u"state"_s).toString(), u"failed"_s);
        QCOMPARE(taskOf(shown, u"long"_s).value(u"state"_s).toString(), u"lost"_s);
    }
};

QTEST_GUILESS_MAIN(TestSlurmOrphans)
#include "tst_slurmorphans.moc"
