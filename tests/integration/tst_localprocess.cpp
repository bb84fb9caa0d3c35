// Runs real processes (sh, sleep, head) through LocalProcess and checks what a run reports,
// what lands in the output files and that no process of the tree outlives its task.
#include "local/localprocess.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include <cerrno>
#include <signal.h>
#include <sys/types.h>

using namespace atelier;
using namespace Qt::StringLiterals;

namespace {

constexpr int kFinishTimeoutMs = 20000;

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

/// Whether \a pid names a process that can still run: gone (ESRCH) and zombies count as dead.
bool isAlive(qint64 pid)
{
    if (pid <= 0)
        return false;
    if (::kill(static_cast<pid_t>(pid), 0) != 0)
        return errno != ESRCH;
    const QByteArray stat = readFile(u"/proc/%1/stat"_s.arg(pid));
    // "pid (comm) S ...": the state follows the last ')'.
    const qsizetype close = stat.lastIndexOf(')');
    if (close < 0 || close + 2 >= stat.size())
        return false;
    const char state = stat.at(close + 2);
    return state != 'Z' && state != 'X';
}

/// The pid a script wrote to \a path, once it is there.
qint64 waitForPidFile(const QString &path)
{
    qint64 pid = 0;
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < kFinishTimeoutMs) {
        const QByteArray text = readFile(path).trimmed();
        bool ok = false;
        pid = text.toLongLong(&ok);
        if (ok && pid > 0)
            return pid;
        QTest::qWait(20);
    }
    return 0;
}

ProcessOutcome outcomeOf(const QSignalSpy &spy)
{
    return spy.isEmpty() ? ProcessOutcome{} : spy.first().first().value<ProcessOutcome>();
}

} // namespace

class TestLocalProcess : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    ProcessSpec spec(const QStringList &argv) const
    {
        ProcessSpec s;
        s.argv = argv;
        s.workingDirectory = m_dir.path();
        s.stdoutPath = m_dir.filePath(u"out.txt"_s);
        s.stderrPath = m_dir.filePath(u"err.txt"_s);
        return s;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void init()
    {
        // Qt's own complaints (a write to a closed file, a process destroyed while running)
        // are defects here.
        QTest::failOnWarning(QRegularExpression(u".*"_s));
    }

    void cleanup()
    {
        // Each test starts from an empty directory.
        QDir dir(m_dir.path());
        for (const QString &name : dir.entryList(QDir::Files | QDir::NoDotAndDotDot))
            dir.remove(name);
    }

    void exitCodeAndOutput_data()
    {
        QTest::addColumn<int>("code");
        QTest::newRow("success") << 0;
        QTest::newRow("failure") << 3;
    }

    void exitCodeAndOutput()
    {
        QFETCH(int, code);
        LocalProcess process(spec({u"sh"_s, u"-c"_s, u"echo to-out; echo to-err >&2; exit \"$1\""_s,
                                   u"sh"_s, QString::number(code)}));
        QSignalSpy started(&process, &LocalProcess::started);
        QSignalSpy finished(&process, &LocalProcess::finished);
        process.start();
        QVERIFY(finished.wait(kFinishTimeoutMs));
        QCOMPARE(started.count(), 1);
        QVERIFY(started.first().first().toLongLong() > 0);
        const ProcessOutcome outcome = outcomeOf(finished);
        QCOMPARE(outcome.kind, ProcessOutcome::Kind::Exited);
        QCOMPARE(outcome.exitCode, code);
        QCOMPARE(outcome.succeeded(), code == 0);
        QVERIFY(!outcome.stdoutTruncated);
        QVERIFY(!outcome.stderrTruncated);
        QVERIFY(outcome.durationMs >= 0);
        QCOMPARE(readFile(m_dir.filePath(u"out.txt"_s)), QByteArray("to-out\n"));
        QCOMPARE(readFile(m_dir.filePath(u"err.txt"_s)), QByteArray("to-err\n"));
        QVERIFY(!process.isRunning());
    }

    void outputFilesAreTruncatedAtStart()
    {
        QFile old(m_dir.filePath(u"out.txt"_s));
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("left over from an earlier run\n");
        old.close();
        LocalProcess process(spec({u"sh"_s, u"-c"_s, u"echo fresh"_s}));
        QSignalSpy finished(&process, &LocalProcess::finished);
        process.start();
        QVERIFY(finished.wait(kFinishTimeoutMs));
        QCOMPARE(readFile(m_dir.filePath(u"out.txt"_s)), QByteArray("fresh\n"));
    }

    void environmentIsPassed()
    {
        ProcessSpec s = spec({u"sh"_s, u"-c"_s, u"echo \"$ATELIER_TEST_VALUE\""_s});
        s.environment.insert(u"ATELIER_TEST_VALUE"_s, u"forty-two"_s);
        LocalProcess process(s);
        QSignalSpy finished(&process, &LocalProcess::finished);
        process.start();
        QVERIFY(finished.wait(kFinishTimeoutMs));
        QVERIFY(outcomeOf(finished).succeeded());
        QCOMPARE(readFile(m_dir.filePath(u"out.txt"_s)), QByteArray("forty-two\n"));
    }

    void workingDirectoryIsHonoured()
    {
        QVERIFY(QDir(m_dir.path()).mkpath(u"sub"_s));
        ProcessSpec s = spec({u"pwd"_s, u"-P"_s});
        s.workingDirectory = m_dir.filePath(u"sub"_s);
        LocalProcess process(s);
        QSignalSpy finished(&process, &LocalProcess::finished);
        process.start();
        QVERIFY(finished.wait(kFinishTimeoutMs));
        QVERIFY(outcomeOf(finished).succeeded());
        const QString expected = QDir(m_dir.filePath(u"sub"_s)).canonicalPath();
        QCOMPARE(QString::fromLocal8Bit(readFile(m_dir.filePath(u"out.txt"_s))).trimmed(),
                 expected);
    }

    void missingProgramFailsToStart()
    {
        LocalProcess process(spec({u"atelier-no-such-program-xyz"_s}));
        QSignalSpy finished(&process, &LocalProcess::finished);
        process.start();
        QCOMPARE(finished.count(), 0); // reported later, never from inside start()
        QVERIFY(finished.wait(kFinishTimeoutMs));
        const ProcessOutcome outcome = outcomeOf(finished);
        QCOMPARE(outcome.kind, ProcessOutcome::Kind::FailedToStart);
        QCOMPARE(outcome.message, u"cannot run 'atelier-no-such-program-xyz': not found"_s);
        QVERIFY(!outcome.succeeded());
        process.stop(); // harmless
        QTest::qWait(50);
        QCOMPARE(finished.count(), 1);
    }

    void missingAbsoluteProgramFailsToStart()
    {
        LocalProcess process(spec({m_dir.filePath(u"nowhere/tool"_s)}));
        QSignalSpy finished(&process, &LocalProcess::finished);
        process.start();
        QVERIFY(finished.wait(kFinishTimeoutMs));
        const ProcessOutcome outcome = outcomeOf(finished);
        QCOMPARE(outcome.kind, ProcessOutcome::Kind::FailedToStart);
        QVERIFY2(outcome.message.contains(u"not found"_s), qPrintable(outcome.message));
    }

    void programThatCannotBeExecutedFailsToStart()
    {
        const QString path = m_dir.filePath(u"not-executable"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("#!/bin/sh\necho should-not-run\n");
        file.close();
        QVERIFY(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
        LocalProcess process(spec({path}));
        QSignalSpy finished(&process, &LocalProcess::finished);
        process.start();
        QCOMPARE(finished.count(), 0);
        QVERIFY(finished.wait(kFinishTimeoutMs));
        const ProcessOutcome outcome = outcomeOf(finished);
        QCOMPARE(outcome.kind, ProcessOutcome::Kind::FailedToStart);
        QVERIFY2(outcome.message.startsWith(u"cannot run '"_s), qPrintable(outcome.message));
        QVERIFY(!process.isRunning());
        QTest::qWait(100);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(readFile(m_dir.filePath(u"out.txt"_s)), QByteArray());
    }

    void missingWorkingDirectoryFailsToStart()
    {
        ProcessSpec s = spec({u"true"_s});
        s.workingDirectory = m_dir.filePath(u"does-not-exist"_s);
        LocalProcess process(s);
        QSignalSpy finished(&process, &LocalProcess::finished);
        process.start();
        QCOMPARE(finished.count(), 0);
        QVERIFY(finished.wait(kFinishTimeoutMs));
        const ProcessOutcome outcome = outcomeOf(finished);
        QCOMPARE(outcome.kind, ProcessOutcome::Kind::FailedToStart);
        QVERIFY2(outcome.message.contains(s.workingDirectory), qPrintable(outcome.message));
    }

    void signalIsReported()
    {
        LocalProcess process(spec({u"sh"_s, u"-c"_s, u"kill -KILL $$"_s}));
        QSignalSpy finished(&process, &LocalProcess::finished);
        process.start();
        QVERIFY(finished.wait(kFinishTimeoutMs));
        const ProcessOutcome outcome = outcomeOf(finished);
        QCOMPARE(outcome.kind, ProcessOutcome::Kind::Signalled);
        QCOMPARE(outcome.signal, SIGKILL);
        QCOMPARE(outcome.message, u"ended by signal 9 (SIGKILL)"_s);
    }

    void timeoutKillsTheWholeTree()
    {
        ProcessSpec s = spec({u"sh"_s, u"-c"_s, u"sleep 300 & echo $! > child.pid; sleep 300"_s});
        s.timeoutMs = 500;
        s.killGraceMs = 1000;
        LocalProcess process(s);
        QSignalSpy finished(&process, &LocalProcess::finished);
        QElapsedTimer clock;
        clock.start();
        process.start();
        const qint64 grandchild = waitForPidFile(m_dir.filePath(u"child.pid"_s));
        QVERIFY(grandchild > 0);
        QVERIFY(isAlive(grandchild));
        QVERIFY(finished.wait(kFinishTimeoutMs));
        const qint64 elapsed = clock.elapsed();
        const ProcessOutcome outcome = outcomeOf(finished);
        QCOMPARE(outcome.kind, ProcessOutcome::Kind::TimedOut);
        QCOMPARE(outcome.message, u"timed out after 0.5 s"_s);
        QVERIFY2(elapsed >= 450 && elapsed < 500 + s.killGraceMs + 2000,
                 qPrintable(QString::number(elapsed)));
        QTRY_VERIFY_WITH_TIMEOUT(!isAlive(grandchild), 5000);
    }

    void stopKillsAProcessThatIgnoresTerm()
    {
        ProcessSpec s = spec({u"sh"_s, u"-c"_s, u"trap '' TERM; echo ready; sleep 300"_s});
        s.killGraceMs = 300;
        LocalProcess process(s);
        QSignalSpy started(&process, &LocalProcess::started);
        QSignalSpy finished(&process, &LocalProcess::finished);
        process.start();
        QVERIFY(started.wait(kFinishTimeoutMs));
        // Let the trap take effect before stopping, or TERM would end it at once.
        QTRY_COMPARE_WITH_TIMEOUT(readFile(s.stdoutPath), QByteArray("ready\n"), kFinishTimeoutMs);
        const qint64 pid = process.pid();
        QVERIFY(process.isRunning());
        QElapsedTimer clock;
        clock.start();
        process.stop();
        process.stop(); // idempotent
        QTest::qWait(150);
        QVERIFY(process.isRunning()); // TERM was ignored; the grace period is not over
        QVERIFY(finished.wait(kFinishTimeoutMs));
        const ProcessOutcome outcome = outcomeOf(finished);
        QCOMPARE(outcome.kind, ProcessOutcome::Kind::Stopped);
        QCOMPARE(outcome.signal, SIGKILL);
        QVERIFY2(clock.elapsed() >= 250, qPrintable(QString::number(clock.elapsed())));
        QTRY_VERIFY_WITH_TIMEOUT(!isAlive(pid), 5000);
        QTest::qWait(100);
        QCOMPARE(finished.count(), 1);
    }

    void outputBeyondTheCapIsDropped()
    {
        ProcessSpec s = spec({u"head"_s, u"-c"_s, u"50000000"_s, u"/dev/zero"_s});
        s.outputCapBytes = 1 << 20;
        LocalProcess process(s);
        QSignalSpy finished(&process, &LocalProcess::finished);
        QElapsedTimer clock;
        clock.start();
        process.start();
        QVERIFY(finished.wait(kFinishTimeoutMs));
        QVERIFY2(clock.elapsed() < 15000, qPrintable(QString::number(clock.elapsed())));
        const ProcessOutcome outcome = outcomeOf(finished);
        QCOMPARE(outcome.kind, ProcessOutcome::Kind::Exited);
        QCOMPARE(outcome.exitCode, 0);
        QVERIFY(outcome.stdoutTruncated);
        QVERIFY(!outcome.stderrTruncated);

        const QByteArray marker = "\n[atelier: output truncated after 1048576 bytes; 48951424 "
                                  "bytes dropped]\n";
        const QByteArray content = readFile(s.stdoutPath);
        QCOMPARE(content.size(), s.outputCapBytes + marker.size());
        QVERIFY(content.endsWith(marker));
        QCOMPARE(content.left(s.outputCapBytes), QByteArray(s.outputCapBytes, '\0'));
    }

    void leftoverAfterNormalExitIsKilled()
    {
        LocalProcess process(
            spec({u"sh"_s, u"-c"_s, u"sleep 300 & echo $! > child.pid; exit 0"_s}));
        QSignalSpy finished(&process, &LocalProcess::finished);
        process.start();
        QVERIFY(finished.wait(kFinishTimeoutMs));
        const ProcessOutcome outcome = outcomeOf(finished);
        QCOMPARE(outcome.kind, ProcessOutcome::Kind::Exited);
        QCOMPARE(outcome.exitCode, 0);
        const qint64 grandchild = waitForPidFile(m_dir.filePath(u"child.pid"_s));
        QVERIFY(grandchild > 0);
        QTRY_VERIFY_WITH_TIMEOUT(!isAlive(grandchild), 5000);
    }

    void finishedOnceAndStopAfterwardsIsHarmless()
    {
        LocalProcess process(spec({u"true"_s}));
        QSignalSpy finished(&process, &LocalProcess::finished);
        process.start();
        process.start(); // a second start is ignored
        QVERIFY(finished.wait(kFinishTimeoutMs));
        QVERIFY(outcomeOf(finished).succeeded());
        process.stop();
        process.stop();
        QTest::qWait(200);
        QCOMPARE(finished.count(), 1);
        QVERIFY(!process.isRunning());
    }

    void destroyingARunningProcessKillsItsGroup()
    {
        auto process = std::make_unique<LocalProcess>(spec(
            {u"sh"_s, u"-c"_s, u"trap '' TERM; sleep 300 & echo $! > child.pid; sleep 300"_s}));
        QSignalSpy finished(process.get(), &LocalProcess::finished);
        process->start();
        const qint64 grandchild = waitForPidFile(m_dir.filePath(u"child.pid"_s));
        QVERIFY(grandchild > 0);
        const qint64 leader = process->pid();
        QVERIFY(leader > 0);
        QVERIFY(isAlive(leader));
        QElapsedTimer clock;
        clock.start();
        process.reset();
        QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(finished.count(), 0);
        QVERIFY(!isAlive(leader));
        QTRY_VERIFY_WITH_TIMEOUT(!isAlive(grandchild), 5000);
    }

    void finishedCrossesThreadsQueued()
    {
        // The metatype is registered, so a queued connection can carry the outcome.
        LocalProcess process(spec({u"true"_s}));
        ProcessOutcome received;
        int calls = 0;
        QObject receiver;
        connect(
            &process, &LocalProcess::finished, &receiver,
            [&](const ProcessOutcome &outcome) {
                received = outcome;
                ++calls;
            },
            Qt::QueuedConnection);
        process.start();
        QTRY_COMPARE_WITH_TIMEOUT(calls, 1, kFinishTimeoutMs);
        QCOMPARE(received.kind, ProcessOutcome::Kind::Exited);
    }
};

QTEST_GUILESS_MAIN(TestLocalProcess)
#include "tst_localprocess.moc"
