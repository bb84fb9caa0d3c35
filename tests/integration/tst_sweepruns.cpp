// Sweeps whose trials take a while, with the real Optuna: pruning from the objective's
// stepped metric points (the trial's task is stopped), --parallel 2 running two trials at
// once, and a sweep process killed with SIGKILL that `sweep resume` finishes.
#include "sweepcli.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTest>
#include <QThread>

#include <cerrno>
#include <signal.h>

using namespace Qt::StringLiterals;
using sweepcli::Outcome;

namespace {

bool isAlive(qint64 pid)
{
    if (pid <= 0 || (::kill(pid_t(pid), 0) != 0 && errno == ESRCH))
        return false;
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray text = stat.readAll();
    const qsizetype close = text.lastIndexOf(')');
    return close > 0 && close + 2 < text.size() && text.at(close + 2) != 'Z';
}

QDateTime when(const QJsonValue &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

} // namespace

class TestSweepRuns : public QObject
{
    Q_OBJECT

private:
    sweepcli::Fixture m_fixture;

private Q_SLOTS:
    void initTestCase();
    void prunesAndRunsTwoAtOnce();
    void resumeAfterKill();
    void stopFromAnotherProcess();
};

void TestSweepRuns::initTestCase()
{
    QVERIFY(m_fixture.setUp());
}

void TestSweepRuns::prunesAndRunsTwoAtOnce()
{
    // Random x; the median pruner stops a trial whose score at a step is below the median of
    // the finished trials' at that step (from the sixth trial on: Optuna's 5 startup trials).
    const Outcome outcome = m_fixture.atelier({u"sweep"_s,
                                               u"run"_s,
                                               m_fixture.stepped,
                                               u"--param"_s,
                                               u"quad.x=float(-10,10)"_s,
                                               u"--objective"_s,
                                               u"quad.score"_s,
                                               u"--direction"_s,
                                               u"maximize"_s,
                                               u"--trials"_s,
                                               u"9"_s,
                                               u"--seed"_s,
                                               u"3"_s,
                                               u"--sampler"_s,
                                               u"random"_s,
                                               u"--pruner"_s,
                                               u"median"_s,
                                               u"--parallel"_s,
                                               u"2"_s,
                                               u"--name"_s,
                                               u"pruned"_s,
                                               u"--json"_s});
    QVERIFY2(outcome.exitCode == 0, qPrintable(outcome.describe()));
    const QJsonArray trials = outcome.json().value(u"trials"_s).toArray();
    QCOMPARE(trials.size(), 9);
    int pruned = 0;
    int complete = 0;
    for (const QJsonValue &value : trials) {
        const QJsonObject trial = value.toObject();
        const QString state = trial.value(u"state"_s).toString();
        if (state == u"complete"_s) {
            ++complete;
            continue;
        }
        QCOMPARE(state, u"pruned"_s);
        ++pruned;
        // Pruned early: the trial's run was stopped with its task, before its 6 steps.
        QVERIFY(trial.value(u"last_step"_s).toInt() < 6);
        const QString runId = trial.value(u"run"_s).toString();
        const Outcome run = m_fixture.atelier({u"runs"_s, u"show"_s, runId, u"--json"_s});
        QCOMPARE(run.json().value(u"state"_s).toString(), u"stopped"_s);
        QFile pidFile(m_fixture.workspace + u"/runs/"_s + runId + u"/quad/pid"_s);
        QVERIFY(pidFile.open(QIODevice::ReadOnly));
        QVERIFY(!isAlive(pidFile.readAll().trimmed().toLongLong()));
    }
    QVERIFY2(pruned >= 1, qPrintable(outcome.out.left(4000)));
    QCOMPARE(complete + pruned, 9);

    // --parallel 2: some two trials ran at the same time.
    bool overlapped = false;
    for (qsizetype i = 0; i < trials.size() && !overlapped; ++i) {
        for (qsizetype j = i + 1; j < trials.size() && !overlapped; ++j) {
            const QJsonObject a = trials[i].toObject();
            const QJsonObject b = trials[j].toObject();
            overlapped = when(a.value(u"start"_s)) < when(b.value(u"end"_s)) &&
                         when(b.value(u"start"_s)) < when(a.value(u"end"_s));
        }
    }
    QVERIFY(overlapped);
}

void TestSweepRuns::resumeAfterKill()
{
    const int wanted = 4;
    auto sweep = m_fixture.start(QStringLiteral(ATELIER_BINARY),
                                 {u"sweep"_s, u"run"_s, m_fixture.stepped, u"--param"_s,
                                  u"quad.x=float(-10,10)"_s, u"--objective"_s, u"quad.score"_s,
                                  u"--direction"_s, u"maximize"_s, u"--trials"_s,
                                  QString::number(wanted), u"--seed"_s, u"5"_s, u"--name"_s,
                                  u"killed"_s, u"--workspace"_s, m_fixture.workspace});
    QVERIFY(sweep->waitForStarted());
    // Kill it while its second trial runs: one trial told, one left RUNNING in the study.
    const QString statusPath = m_fixture.workspace + u"/sweeps/killed/status.json"_s;
    QElapsedTimer waited;
    waited.start();
    bool midway = false;
    while (!midway && waited.elapsed() < 60000 && sweep->state() == QProcess::Running) {
        QThread::msleep(100);
        QFile file(statusPath);
        if (file.open(QIODevice::ReadOnly)) {
            const QJsonObject summary =
                QJsonDocument::fromJson(file.readAll()).object().value(u"summary"_s).toObject();
            midway = summary.value(u"counted"_s).toInt() >= 1 &&
                     summary.value(u"states"_s).toObject().value(u"running"_s).toInt() >= 1;
        }
    }
    QVERIFY2(midway, qPrintable(QString::fromUtf8(sweep->readAllStandardError())));
    ::kill(pid_t(sweep->processId()), SIGKILL);
    QVERIFY(sweep->waitForFinished(10000));

    const Outcome listed = m_fixture.atelier({u"sweep"_s, u"list"_s, u"--json"_s});
    QJsonObject entry;
    for (const QJsonValue &value : listed.json().value(u"sweeps"_s).toArray()) {
        if (value.toObject().value(u"name"_s).toString() == u"killed"_s)
            entry = value.toObject();
    }
    QCOMPARE(entry.value(u"state"_s).toString(), u"interrupted"_s);
    QVERIFY(entry.value(u"trials"_s).toInt() < wanted);

    const Outcome resumed = m_fixture.atelier({u"sweep"_s, u"resume"_s, u"killed"_s, u"--json"_s});
    QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.describe()));
    const QJsonObject show = resumed.json();
    QCOMPARE(show.value(u"state"_s).toString(), u"finished"_s);
    QCOMPARE(show.value(u"counted"_s).toInt(), wanted);
    // The trial the kill abandoned is failed and its parameters were tried again.
    QJsonObject abandoned;
    int complete = 0;
    QList<QJsonObject> all;
    for (const QJsonValue &value : show.value(u"trials"_s).toArray()) {
        const QJsonObject trial = value.toObject();
        all.append(trial);
        if (trial.value(u"state"_s).toString() == u"complete"_s)
            ++complete;
        else if (trial.value(u"reason"_s).toString() == u"abandoned"_s)
            abandoned = trial;
    }
    QCOMPARE(complete, wanted);
    QVERIFY2(!abandoned.isEmpty(), qPrintable(resumed.out.left(4000)));
    QCOMPARE(abandoned.value(u"state"_s).toString(), u"fail"_s);
    bool retried = false;
    for (const QJsonObject &trial : std::as_const(all)) {
        retried =
            retried || (trial.value(u"number"_s).toInt() > abandoned.value(u"number"_s).toInt() &&
                        trial.value(u"state"_s).toString() == u"complete"_s &&
                        trial.value(u"params"_s) == abandoned.value(u"params"_s));
    }
    QVERIFY(retried);
    // Optuna agrees: as many COMPLETE trials in the study as asked for.
    const Outcome loaded = m_fixture.python(
        u"import sys, optuna\n"
        "s = optuna.load_study(study_name='killed', storage=sys.argv[1])\n"
        "print(sum(t.state == optuna.trial.TrialState.COMPLETE for t in s.trials))"_s,
        {u"sqlite:///"_s + m_fixture.workspace + u"/sweeps/killed/study.db"_s});
    QVERIFY2(loaded.exitCode == 0, qPrintable(loaded.describe()));
    QCOMPARE(loaded.out.trimmed().toInt(), wanted);
}

void TestSweepRuns::stopFromAnotherProcess()
{
    auto sweep = m_fixture.start(
        QStringLiteral(ATELIER_BINARY),
        {u"sweep"_s, u"run"_s, m_fixture.stepped, u"--param"_s, u"quad.x=float(-10,10)"_s,
         u"--objective"_s, u"quad.score"_s, u"--direction"_s, u"maximize"_s, u"--trials"_s, u"5"_s,
         u"--name"_s, u"stopped"_s, u"--workspace"_s, m_fixture.workspace});
    QVERIFY(sweep->waitForStarted());
    const QString statusPath = m_fixture.workspace + u"/sweeps/stopped/status.json"_s;
    QElapsedTimer waited;
    waited.start();
    bool running = false;
    while (!running && waited.elapsed() < 60000 && sweep->state() == QProcess::Running) {
        QThread::msleep(100);
        QFile file(statusPath);
        if (file.open(QIODevice::ReadOnly))
            running = QJsonDocument::fromJson(file.readAll())
                          .object()
                          .value(u"summary"_s)
                          .toObject()
                          .value(u"states"_s)
                          .toObject()
                          .value(u"running"_s)
                          .toInt() >= 1;
    }
    QVERIFY(running);
    const Outcome stopped = m_fixture.atelier({u"sweep"_s, u"stop"_s, u"stopped"_s});
    QVERIFY2(stopped.exitCode == 0, qPrintable(stopped.describe()));
    const Outcome ended = m_fixture.finish(*sweep, 30000);
    QCOMPARE(ended.exitCode, 1); // a sweep that did not finish its budget
    const Outcome shown = m_fixture.atelier({u"sweep"_s, u"show"_s, u"stopped"_s, u"--json"_s});
    QCOMPARE(shown.json().value(u"state"_s).toString(), u"stopped"_s);
    QJsonObject cut;
    for (const QJsonValue &value : shown.json().value(u"trials"_s).toArray()) {
        if (value.toObject().value(u"reason"_s).toString() == u"stopped"_s)
            cut = value.toObject();
    }
    QVERIFY2(!cut.isEmpty(), qPrintable(shown.out.left(3000)));
    const Outcome run =
        m_fixture.atelier({u"runs"_s, u"show"_s, cut.value(u"run"_s).toString(), u"--json"_s});
    QCOMPARE(run.json().value(u"state"_s).toString(), u"stopped"_s);
    // Stopping it again is refused: it no longer runs.
    QCOMPARE(m_fixture.atelier({u"sweep"_s, u"stop"_s, u"stopped"_s}).exitCode, 1);
}

QTEST_GUILESS_MAIN(TestSweepRuns)
#include "tst_sweepruns.moc"
