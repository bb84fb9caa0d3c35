// Stopping a run, the one way `runs stop` and the pipeline editor's Stop do it
// (Leftovers::stopRun): a live run is asked to stop, a run whose runner was killed has the
// process groups it left ended, and a run that has ended is refused.
#include "catalog/database.h"
#include "core/leftovers.h"
#include "core/workspace.h"
#include "runs/runstore.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace atelier;

class TestRunStop : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_workspace;

    /// A run in \a state whose runner is this process (\a live) or one that is gone.
    bool insertRun(const QString &id, const QString &state, bool live)
    {
        const qint64 pid = live ? qint64(::getpid()) : 2147483647; // 2^31 - 1 is never given
        const qint64 started = live ? ProcessIdentity::current().startTicks : 1;
        return m_workspace->catalog()
            .query("INSERT INTO runs (id, pipeline, pipeline_name, state, created_at, "
                   "runner_pid, runner_started) VALUES (?1, 'p', 'P', ?2, "
                   "'2026-12-06T00:00:00.000Z', ?3, ?4)")
            .bind(1, id)
            .bind(2, state)
            .bind(3, pid)
            .bind(4, started)
            .exec()
            .ok();
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        auto created = Workspace::create(
            m_dir.filePath(u"ws%1"_s.arg(QString::fromLatin1(QTest::currentTestFunction()))), {});
        QVERIFY2(created, created ? "" : qPrintable(created.error().message));
        m_workspace = std::make_unique<Workspace>(std::move(created).value());
    }
    void cleanup() { m_workspace.reset(); }

    void asksALiveRunToStop()
    {
        QVERIFY(insertRun(u"live"_s, u"running"_s, true));
        RunStore runs(m_workspace->catalog());
        QVERIFY(!runs.stopRequested(u"live"_s));
        auto stopped = Leftovers::stopRun(m_workspace->catalog(), u"live"_s);
        QVERIFY2(stopped, stopped ? "" : qPrintable(stopped.error().message));
        QVERIFY(!stopped.value()); // asked, nothing ended here
        QVERIFY(runs.stopRequested(u"live"_s));
    }

    void endsTheGroupsALeftoverLeft()
    {
        // What a reap that could not end a task's group leaves: the run failed, its task lost,
        // the group still running.
        QProcess task;
        task.setChildProcessModifier([] { ::setsid(); });
        task.start(u"/bin/sleep"_s, {u"30"_s});
        QVERIFY(task.waitForStarted(5000));
        const ProcessIdentity group = ProcessIdentity::of(task.processId());
        QVERIFY(group.startTicks > 0);
        QVERIFY(insertRun(u"left"_s, u"failed"_s, false));
        QVERIFY(m_workspace->catalog()
                    .query("INSERT INTO tasks (run_id, node_id, template, state, started_at, "
                           "pgid, pgid_started) VALUES ('left', 'a', 'shell@1.0', 'lost', "
                           "'2026-12-06T00:00:00.000Z', ?1, ?2)")
                    .bind(1, group.pid)
                    .bind(2, group.startTicks)
                    .exec());

        auto stopped = Leftovers::stopRun(m_workspace->catalog(), u"left"_s, 200);
        QVERIFY2(stopped, stopped ? "" : qPrintable(stopped.error().message));
        QVERIFY(stopped.value());
        QCOMPARE(*stopped.value(), 1);
        QVERIFY(task.waitForFinished(5000));
        // A failed run is not asked to stop: nothing will read the request.
        QVERIFY(!RunStore(m_workspace->catalog()).stopRequested(u"left"_s));
    }

    void refusesARunThatEnded()
    {
        QVERIFY(insertRun(u"done"_s, u"succeeded"_s, false));
        auto stopped = Leftovers::stopRun(m_workspace->catalog(), u"done"_s);
        QVERIFY(!stopped);
        QCOMPARE(stopped.error().code, ErrorCode::Conflict);
        QVERIFY(!Leftovers::stopRun(m_workspace->catalog(), u"no-such-run"_s));
    }
};

QTEST_GUILESS_MAIN(TestRunStop)
#include "tst_runstop.moc"
