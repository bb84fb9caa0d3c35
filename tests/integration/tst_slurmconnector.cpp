// Submits real jobs to the single-node Slurm that scripts/slurm-up starts (slurmrestd with JWT
// on 127.0.0.1 and with local auth on a unix socket): success, non-zero exit, cancel, timeout,
// a GPU request, a request Slurm refuses, argv quoting, and slurmrestd going away mid-job.
#include "slurmenv.h"

#include "slurm/slurmclient.h"
#include "slurm/slurmconnector.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace atelier;

class TestSlurmConnector : public QObject
{
    Q_OBJECT

private:
    QMap<QString, QString> m_env;
    QTemporaryDir m_work;

    SlurmSettings settings(bool socket) const
    {
        SlurmSettings s;
        if (socket) {
            s.url = u"unix:"_s + m_env.value(u"ATELIER_SLURM_SOCKET"_s);
            s.auth = u"local"_s;
        } else {
            s.url = m_env.value(u"ATELIER_SLURM_URL"_s);
            s.auth = u"token-file"_s;
            s.tokenFile = m_env.value(u"ATELIER_SLURM_TOKEN_FILE"_s);
        }
        s.user = m_env.value(u"ATELIER_SLURM_USER"_s);
        s.partition = m_env.value(u"ATELIER_SLURM_PARTITION"_s);
        s.staging = m_env.value(u"ATELIER_SLURM_STAGING"_s);
        return s;
    }

    PoolRecord pool(bool socket = false) const
    {
        PoolRecord p;
        p.name = socket ? u"slurm-socket"_s : u"slurm"_s;
        p.kind = u"slurm"_s;
        p.state = u"online"_s;
        p.slurm = settings(socket);
        SlurmClient client(p.slurm);
        p.capacity = client.check().capacity;
        return p;
    }

    /// A launch of \a argv in a fresh folder of the staging area.
    TaskLaunch launchOf(const QString &name, const QStringList &argv) const
    {
        TaskLaunch t;
        t.key = u"test/"_s + name;
        t.name = name;
        t.argv = argv;
        t.workingDirectory = QDir(m_env.value(u"ATELIER_SLURM_STAGING"_s))
                                 .filePath(u"tst_slurmconnector/"_s +
                                           QFileInfo(m_work.path()).fileName() + u'/' + name);
        QDir().mkpath(t.workingDirectory);
        t.stdoutPath = t.workingDirectory + u"/stdout.log"_s;
        t.stderrPath = t.workingDirectory + u"/stderr.log"_s;
        t.environment = {{u"ATELIER_TASK_ID"_s, name}, {u"ATELIER_RUN_ID"_s, u"test"_s}};
        t.resources.memoryMb = 64;
        return t;
    }

    static QByteArray read(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    /// Runs one task to its end on \a connector.
    static TaskOutcome runToEnd(SlurmConnector &connector, const TaskLaunch &task,
                                int timeoutMs = 60000)
    {
        QSignalSpy finished(&connector, &Connector::taskFinished);
        connector.launch(task);
        if (!finished.wait(timeoutMs) && finished.isEmpty())
            return TaskOutcome{TaskOutcome::Status::Failed, -1, u"test: no end in time"_s, false};
        return finished.constFirst().at(1).value<TaskOutcome>();
    }

    static SlurmConnector::Options fast()
    {
        SlurmConnector::Options options;
        options.pollMs = 200;
        return options;
    }

private Q_SLOTS:
    void initTestCase()
    {
        REQUIRE_SLURM(m_env);
        QVERIFY(m_work.isValid());
        qRegisterMetaType<atelier::TaskOutcome>();
    }

    void checkReadsCapacity_data()
    {
        QTest::addColumn<bool>("socket");
        QTest::newRow("jwt over http") << false;
        QTest::newRow("local auth on a unix socket") << true;
    }

    void checkReadsCapacity()
    {
        QFETCH(bool, socket);
        SlurmClient client(settings(socket));
        const SlurmCheck check = client.check();
        QCOMPARE(check.state, u"online"_s);
        QVERIFY2(check.reason.isEmpty(), qPrintable(check.reason));
        QVERIFY(check.capacity);
        QCOMPARE(check.capacity->nodes, 1);
        QCOMPARE(check.capacity->cpus, m_env.value(u"ATELIER_SLURM_CPUS"_s).toInt());
        QCOMPARE(check.capacity->memoryMb, m_env.value(u"ATELIER_SLURM_MEMORY_MB"_s).toLongLong());
        QCOMPARE(check.capacity->gpus.size(), m_env.value(u"ATELIER_SLURM_GPUS"_s).toInt());
        QVERIFY(check.slurmVersion.startsWith(u"22."_s));
    }

    void checkSaysWhyAbnormal()
    {
        SlurmSettings s = settings(false);
        s.partition = u"no-such-partition"_s;
        SlurmCheck check = SlurmClient(s).check();
        QCOMPARE(check.state, u"abnormal"_s);
        QVERIFY2(check.reason.contains(u"no-such-partition"_s), qPrintable(check.reason));

        s = settings(false);
        s.url = u"http://127.0.0.1:1"_s;
        check = SlurmClient(s).check();
        QCOMPARE(check.state, u"abnormal"_s);
        QVERIFY2(check.reason.contains(u"does not answer"_s), qPrintable(check.reason));
    }

    void tokenFileMustBePrivate()
    {
        const QString path = m_work.filePath(u"token"_s);
        QVERIFY(QFile::copy(m_env.value(u"ATELIER_SLURM_TOKEN_FILE"_s), path));
        QVERIFY(::chmod(QFile::encodeName(path).constData(), 0644) == 0);
        auto refused = SlurmClient::readTokenFile(path);
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(u"chmod 600"_s),
                 qPrintable(refused.error().message));
        SlurmSettings s = settings(false);
        s.tokenFile = path;
        SlurmCheck check = SlurmClient(s).check();
        QCOMPARE(check.state, u"abnormal"_s); // nothing was sent with a readable token
        QVERIFY(::chmod(QFile::encodeName(path).constData(), 0600) == 0);
        QVERIFY(SlurmClient::readTokenFile(path));
        QCOMPARE(SlurmClient(s).check().state, u"online"_s);
    }

    void badTokenIsRefusedAndNeverShown()
    {
        const QString path = m_work.filePath(u"bad-token"_s);
        const QByteArray secret = "eyJhbGciOiJIUzI1NiJ9.not-a-real-token-but-secret.c2lnbmF0dXJl";
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(secret);
        file.close();
        QVERIFY(::chmod(QFile::encodeName(path).constData(), 0600) == 0);
        SlurmSettings s = settings(false);
        s.tokenFile = path;
        const SlurmCheck check = SlurmClient(s).check();
        QCOMPARE(check.state, u"abnormal"_s);
        QVERIFY(!check.reason.isEmpty());
        QVERIFY2(!check.reason.contains(QString::fromLatin1(secret)), qPrintable(check.reason));
        QVERIFY(!check.reason.contains(u"not-a-real-token"_s));
    }

    void jobSucceedsWithItsEnvironment()
    {
        SlurmConnector connector(pool(), fast());
        QSignalSpy started(&connector, &Connector::taskStarted);
        TaskLaunch task = launchOf(u"hello"_s, {u"bash"_s, u"-c"_s,
                                                u"echo hello from $ATELIER_TASK_ID in $PWD; "
                                                u"echo \"gpus=[$CUDA_VISIBLE_DEVICES]\""_s});
        const TaskOutcome outcome = runToEnd(connector, task);
        QCOMPARE(int(outcome.status), int(TaskOutcome::Status::Succeeded));
        QCOMPARE(outcome.exitCode, 0);
        QCOMPARE(started.size(), 1);
        QVERIFY(started.constFirst().at(1).toString().toInt() > 0); // the Slurm job id
        const QByteArray out = read(task.stdoutPath);
        QVERIFY2(out.contains("hello from hello in " + task.workingDirectory.toUtf8()), out);
        QVERIFY2(out.contains("gpus=[]"), out); // no GPU asked: empty, as DESIGN.md says
    }

    void argvIsPassedUnchanged()
    {
        SlurmConnector connector(pool(true), fast()); // over the unix socket this time
        const QStringList tricky = {u"it's"_s,        u"$HOME"_s,    u"a b"_s,
                                    u"`id`"_s,        u"; exit 9"_s, u"\"q\""_s,
                                    u"back\\slash"_s, u"*"_s,        u"é 中文"_s};
        TaskLaunch task = launchOf(u"quoting"_s, QStringList{u"printf"_s, u"%s\\n"_s} + tricky);
        const TaskOutcome outcome = runToEnd(connector, task);
        QCOMPARE(int(outcome.status), int(TaskOutcome::Status::Succeeded));
        QCOMPARE(QString::fromUtf8(read(task.stdoutPath)), tricky.join(u'\n') + u'\n');
    }

    void nonZeroExitFails()
    {
        SlurmConnector connector(pool(), fast());
        TaskLaunch task = launchOf(u"exit3"_s, {u"bash"_s, u"-c"_s, u"echo oops >&2; exit 3"_s});
        const TaskOutcome outcome = runToEnd(connector, task);
        QCOMPARE(int(outcome.status), int(TaskOutcome::Status::Failed));
        QCOMPARE(outcome.exitCode, 3);
        QVERIFY2(outcome.message.contains(u"exit code 3"_s), qPrintable(outcome.message));
        QVERIFY(read(task.stderrPath).contains("oops"));
    }

    void cancelStopsTheJob()
    {
        SlurmConnector connector(pool(), fast());
        QSignalSpy status(&connector, &Connector::taskStatus);
        QSignalSpy finished(&connector, &Connector::taskFinished);
        TaskLaunch task = launchOf(u"cancel"_s, {u"sleep"_s, u"120"_s});
        connector.launch(task);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const auto &signal : std::as_const(status))
                    if (signal.at(1).toString() == u"running"_s)
                        return true;
                return false;
            }(),
            30000);
        connector.stop(task.key);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
        const auto outcome = finished.constFirst().at(1).value<TaskOutcome>();
        QCOMPARE(int(outcome.status), int(TaskOutcome::Status::Stopped));
        QVERIFY2(outcome.message.contains(u"cancelled"_s), qPrintable(outcome.message));
    }

    void destroyedConnectorCancelsItsJobs()
    {
        // Destroyed while the submit is in flight: the job Slurm took must not run on
        // untracked.
        const QString name = u"orphan-"_s + QFileInfo(m_work.path()).fileName();
        {
            SlurmConnector connector(pool(), fast());
            connector.launch(launchOf(name, {u"sleep"_s, u"300"_s}));
            QCoreApplication::processEvents(); // the pump starts the submit
            QCOMPARE(connector.activeJobs(), 1);
        }
        auto states = [&] {
            QProcess squeue;
            QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
            environment.insert(u"SLURM_CONF"_s, m_env.value(u"SLURM_CONF"_s));
            squeue.setProcessEnvironment(environment);
            squeue.start(u"squeue"_s,
                         {u"-h"_s, u"-t"_s, u"all"_s, u"-n"_s, name, u"-o"_s, u"%T"_s});
            squeue.waitForFinished(10000);
            return QString::fromUtf8(squeue.readAllStandardOutput())
                .split(u'\n', Qt::SkipEmptyParts);
        };
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const QStringList now = states();
                return now.size() == 1 && now.constFirst() != u"PENDING"_s &&
                       now.constFirst() != u"RUNNING"_s;
            }(),
            15000);
        QCOMPARE(states(), QStringList{u"CANCELLED"_s});
    }

    void timeoutCancels()
    {
        SlurmConnector connector(pool(), fast());
        TaskLaunch task = launchOf(u"timeout"_s, {u"sleep"_s, u"120"_s});
        task.timeoutS = 2;
        QElapsedTimer clock;
        clock.start();
        const TaskOutcome outcome = runToEnd(connector, task);
        QCOMPARE(int(outcome.status), int(TaskOutcome::Status::TimedOut));
        QVERIFY2(outcome.message.contains(u"timed out"_s), qPrintable(outcome.message));
        QVERIFY(clock.elapsed() < 30000);
    }

    void gpuRequestSeesItsDevices()
    {
        SlurmConnector connector(pool(), fast());
        TaskLaunch task =
            launchOf(u"gpu"_s, {u"bash"_s, u"-c"_s, u"echo \"gpus=[$CUDA_VISIBLE_DEVICES]\""_s});
        task.resources.gpus = 2;
        task.environment.insert(u"CUDA_VISIBLE_DEVICES"_s, u"7"_s); // Slurm's own value wins
        const TaskOutcome outcome = runToEnd(connector, task);
        QCOMPARE(int(outcome.status), int(TaskOutcome::Status::Succeeded));
        QVERIFY2(read(task.stdoutPath).contains("gpus=[0,1]"), read(task.stdoutPath));
    }

    void requestSlurmRefusesFailsToStart()
    {
        // More GPUs than the node has, sent past Atelier's own check: Slurm says no at submit.
        SlurmConnector connector(pool(), fast());
        TaskLaunch task = launchOf(u"too-many-gpus"_s, {u"true"_s});
        task.resources.gpus = 64;
        const TaskOutcome outcome = runToEnd(connector, task);
        QCOMPARE(int(outcome.status), int(TaskOutcome::Status::FailedToStart));
        QVERIFY2(outcome.message.contains(u"Slurm refused"_s), qPrintable(outcome.message));
        QVERIFY2(outcome.message.contains(u"not available"_s), qPrintable(outcome.message));
    }

    void silentClusterLosesItsTasks()
    {
        // A slurmrestd of our own, stopped mid-job: to Atelier the cluster stops answering.
        const QString socket = m_work.filePath(u"own.sock"_s);
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
        PoolRecord p = pool(true);
        p.slurm.url = u"unix:"_s + socket;
        QTRY_VERIFY_WITH_TIMEOUT(SlurmClient(p.slurm).check().state == u"online"_s, 10000);

        SlurmConnector::Options options = fast();
        options.lostAfterMs = 2000;
        SlurmConnector connector(p, options);
        QSignalSpy status(&connector, &Connector::taskStatus);
        QSignalSpy health(&connector, &Connector::poolStateChanged);
        QSignalSpy finished(&connector, &Connector::taskFinished);
        QSignalSpy started(&connector, &Connector::taskStarted);
        TaskLaunch task = launchOf(u"lost"_s, {u"sleep"_s, u"120"_s});
        connector.launch(task);
        QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, 30000);
        const QString jobId = started.constFirst().at(1).toString();
        QTRY_VERIFY_WITH_TIMEOUT(!status.isEmpty(), 10000);

        rest.kill();
        rest.waitForFinished();
        QTRY_VERIFY_WITH_TIMEOUT(!health.isEmpty(), 10000);
        QCOMPARE(health.constFirst().at(0).toString(), u"abnormal"_s);
        QVERIFY(!health.constFirst().at(1).toString().isEmpty()); // with the reason
        QVERIFY(finished.isEmpty()); // not at once: the cluster may come back
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        const auto outcome = finished.constFirst().at(1).value<TaskOutcome>();
        QCOMPARE(int(outcome.status), int(TaskOutcome::Status::Lost)); // never "succeeded"
        QVERIFY2(outcome.message.contains(jobId), qPrintable(outcome.message));

        // The job itself still runs in the cluster: cancel it through the shared endpoint.
        QVERIFY(SlurmClient(settings(true)).cancel(jobId));
    }

    void submitRetriesUntilTheClusterAnswers()
    {
        // slurmrestd starts only after the task was launched: the submission is retried with
        // backoff, the pool goes abnormal then online again, and the job runs.
        const QString socket = m_work.filePath(u"late.sock"_s);
        PoolRecord p = pool(true);
        p.slurm.url = u"unix:"_s + socket;
        SlurmConnector::Options options = fast();
        options.lostAfterMs = 60000;
        SlurmConnector connector(p, options);
        QSignalSpy health(&connector, &Connector::poolStateChanged);
        QSignalSpy finished(&connector, &Connector::taskFinished);
        connector.launch(launchOf(u"late"_s, {u"true"_s}));
        QTRY_VERIFY_WITH_TIMEOUT(!health.isEmpty(), 10000);
        QCOMPARE(health.constFirst().at(0).toString(), u"abnormal"_s);
        QTest::qWait(1500); // a few failed tries
        QVERIFY(finished.isEmpty());

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
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        QCOMPARE(int(finished.constFirst().at(1).value<TaskOutcome>().status),
                 int(TaskOutcome::Status::Succeeded));
        QCOMPARE(health.constLast().at(0).toString(), u"online"_s);
        rest.terminate();
        rest.waitForFinished();
    }

    void manyJobsArePaced()
    {
        // 30 trivial jobs with at most 5 in the cluster at once: all end, none over the cap.
        SlurmConnector::Options options = fast();
        options.maxActiveJobs = 5;
        options.submitsPerSecond = 50;
        SlurmConnector connector(pool(), options);
        QSignalSpy finished(&connector, &Connector::taskFinished);
        int peak = 0;
        connect(&connector, &Connector::taskStarted, this,
                [&] { peak = std::max(peak, connector.activeJobs()); });
        for (int i = 0; i < 30; ++i)
            connector.launch(launchOf(u"many%1"_s.arg(i), {u"true"_s}));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 30, 120000);
        QVERIFY(peak <= 5);
        for (const auto &signal : std::as_const(finished))
            QCOMPARE(int(signal.at(1).value<TaskOutcome>().status),
                     int(TaskOutcome::Status::Succeeded));
    }
};

QTEST_GUILESS_MAIN(TestSlurmConnector)
#include "tst_slurmconnector.moc"
