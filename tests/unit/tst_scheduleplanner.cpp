#include "catalog/database.h"
#include "core/workspace.h"
#include "pipeline/pipelinestore.h"
#include "pipeline/scheduleplanner.h"
#include "pipeline/scheduleservice.h"
#include "runs/runstore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace atelier;

namespace {

QDateTime at(const QString &iso)
{
    return QDateTime::fromString(iso, Qt::ISODate).toUTC();
}

} // namespace

class TestSchedulePlanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dueSlots_data()
    {
        QTest::addColumn<QString>("cron");
        QTest::addColumn<QString>("start");
        QTest::addColumn<bool>("catchup");
        QTest::addColumn<int>("maxActive");
        QTest::addColumn<bool>("dependsOnPast");
        QTest::addColumn<QString>("lastLogical");
        QTest::addColumn<bool>("lastSucceeded");
        QTest::addColumn<int>("active");
        QTest::addColumn<QString>("now");
        QTest::addColumn<QStringList>("expected");

        const QString now = u"2026-11-05T12:30:00Z"_s;
        QTest::newRow("backfill every missed day")
            << u"0 2 * * *"_s << u"2026-11-01T00:00:00Z"_s << true << 10 << false << QString()
            << true << 0 << now
            << QStringList{u"2026-11-01T02:00:00Z"_s, u"2026-11-02T02:00:00Z"_s,
                           u"2026-11-03T02:00:00Z"_s, u"2026-11-04T02:00:00Z"_s,
                           u"2026-11-05T02:00:00Z"_s};
        QTest::newRow("no catchup: newest slot only")
            << u"0 2 * * *"_s << u"2026-11-01T00:00:00Z"_s << false << 10 << false << QString()
            << true << 0 << now << QStringList{u"2026-11-05T02:00:00Z"_s};
        QTest::newRow("max active runs limits the backfill")
            << u"0 2 * * *"_s << u"2026-11-01T00:00:00Z"_s << true << 3 << false << QString()
            << true << 1 << now
            << QStringList{u"2026-11-01T02:00:00Z"_s, u"2026-11-02T02:00:00Z"_s};
        QTest::newRow("already at the limit")
            << u"0 2 * * *"_s << u"2026-11-01T00:00:00Z"_s << true << 1 << false << QString()
            << true << 1 << now << QStringList{};
        QTest::newRow("continues after the last slot started")
            << u"0 2 * * *"_s << u"2026-11-01T00:00:00Z"_s << true << 10 << false
            << u"2026-11-03T02:00:00Z"_s << true << 0 << now
            << QStringList{u"2026-11-04T02:00:00Z"_s, u"2026-11-05T02:00:00Z"_s};
        QTest::newRow("depends on past: one at a time")
            << u"0 2 * * *"_s << u"2026-11-01T00:00:00Z"_s << true << 10 << true
            << u"2026-11-02T02:00:00Z"_s << true << 0 << now
            << QStringList{u"2026-11-03T02:00:00Z"_s};
        QTest::newRow("depends on past: waits after a failure")
            << u"0 2 * * *"_s << u"2026-11-01T00:00:00Z"_s << true << 10 << true
            << u"2026-11-02T02:00:00Z"_s << false << 0 << now << QStringList{};
        QTest::newRow("start in the future")
            << u"0 2 * * *"_s << u"2026-12-01T00:00:00Z"_s << true << 10 << false << QString()
            << true << 0 << now << QStringList{};
        QTest::newRow("start exactly on a slot counts")
            << u"30 12 * * *"_s << u"2026-11-05T12:30:00Z"_s << true << 10 << false << QString()
            << true << 0 << now << QStringList{u"2026-11-05T12:30:00Z"_s};
    }

    void dueSlots()
    {
        QFETCH(QString, cron);
        QFETCH(QString, start);
        QFETCH(bool, catchup);
        QFETCH(int, maxActive);
        QFETCH(bool, dependsOnPast);
        QFETCH(QString, lastLogical);
        QFETCH(bool, lastSucceeded);
        QFETCH(int, active);
        QFETCH(QString, now);
        QFETCH(QStringList, expected);

        ScheduleSpec spec;
        spec.cron = cron;
        spec.start = at(start);
        spec.catchup = catchup;
        spec.maxActiveRuns = maxActive;
        spec.dependsOnPast = dependsOnPast;
        ScheduleHistory history;
        history.lastLogicalDate = lastLogical.isEmpty() ? QDateTime() : at(lastLogical);
        history.lastSucceeded = lastSucceeded;
        history.activeRuns = active;
        auto expression = CronExpression::parse(cron);
        QVERIFY(expression);
        QStringList due;
        for (const QDateTime &slot :
             SchedulePlanner::dueSlots(spec, expression.value(), history, at(now)))
            due.append(slot.toString(Qt::ISODate));
        QCOMPARE(due, expected);
    }

    void serviceHandsOutEachSlotOnce()
    {
        QTemporaryDir tmp;
        auto workspace = Workspace::create(tmp.path(), {});
        QVERIFY(workspace);
        PipelineDocument doc;
        doc.name = u"Nightly"_s;
        doc.nodes.append(
            NodeSpec{u"a"_s, {}, u"shell"_s, {{u"script"_s, u"true"_s}}, {}, 0, 0, false, {}, {}});
        ScheduleSpec schedule;
        schedule.cron = u"0 * * * *"_s;
        schedule.start = QDateTime::currentDateTimeUtc().addSecs(-3 * 3600 - 60);
        schedule.catchup = true;
        schedule.maxActiveRuns = 2;
        doc.schedule = schedule;
        PipelineStore store(tmp.path());
        QVERIFY(store.save(doc, u"Add nightly"_s, {u"t"_s, u"t@example.com"_s}));

        ScheduleService service(tmp.path());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        auto first = service.due(now);
        QVERIFY(first);
        QCOMPARE(first->size(), 2); // max_active_runs
        QCOMPARE(first->at(0).pipeline, u"nightly"_s);
        QVERIFY(first->at(0).logicalDate < first->at(1).logicalDate);
        QCOMPARE(first->at(0).arguments(tmp.path()).mid(0, 3),
                 (QStringList{u"pipeline"_s, u"run"_s, u"nightly"_s}));
        // Not recorded yet, so still counted as running: nothing more until they start.
        auto second = service.due(now);
        QVERIFY(second);
        QCOMPARE(second->size(), 0);

        // The two runs happened and finished: the backfill moves on to the next slots.
        RunStore runs(workspace->catalog());
        for (const ScheduledLaunch &launch : first.value()) {
            RunRecord run;
            run.id = RunStore::newRunId() + launch.logicalDate.toString(u"HH"_s);
            run.pipeline = launch.pipeline;
            run.pipelineName = doc.name;
            run.state = u"succeeded"_s;
            run.pool = u"local"_s;
            run.logicalDate = launch.logicalDate.toString(Qt::ISODate);
            QVERIFY(runs.insertRun(run));
        }
        auto third = service.due(now);
        QVERIFY(third);
        QVERIFY(!third->isEmpty());
        QVERIFY(third->first().logicalDate > first->at(1).logicalDate);
    }

    void oneRunPerSlot()
    {
        QTemporaryDir tmp;
        auto workspace = Workspace::create(tmp.path(), {});
        QVERIFY(workspace);
        RunStore runs(workspace->catalog());
        RunRecord run;
        run.id = u"first"_s;
        run.pipeline = u"nightly"_s;
        run.pipelineName = u"Nightly"_s;
        run.state = u"running"_s;
        run.pool = u"local"_s;
        run.logicalDate = u"2026-11-01T02:00:00Z"_s;
        QVERIFY(runs.insertRun(run));
        run.id = u"second"_s; // another scheduler, the same slot
        Status again = runs.insertRun(run);
        QVERIFY(!again);
        QCOMPARE(again.error().code, ErrorCode::Conflict);
        QVERIFY(again.error().message.contains(u"2026-11-01T02:00:00Z"_s));
        run.id = u"manual"_s; // runs outside a schedule are not limited
        run.logicalDate.clear();
        QVERIFY(runs.insertRun(run));
        run.id = u"manual2"_s;
        QVERIFY(runs.insertRun(run));
    }

    void orphanedRunsAreFailed()
    {
        QTemporaryDir tmp;
        auto workspace = Workspace::create(tmp.path(), {});
        QVERIFY(workspace);
        RunStore runs(workspace->catalog());
        RunRecord run;
        run.id = u"orphan"_s;
        run.pipeline = u"p"_s;
        run.pipelineName = u"P"_s;
        run.state = u"running"_s;
        run.pool = u"local"_s;
        QVERIFY(runs.insertRun(run));
        TaskRecord task;
        task.runId = u"orphan"_s;
        task.nodeId = u"a"_s;
        task.templateRef = u"shell@1.0"_s;
        task.state = u"running"_s;
        task.attempts = 1;
        QVERIFY(runs.saveTask(task));
        // This process is alive: the run is not an orphan.
        QCOMPARE(runs.reapOrphans().value(), 0);
        // A pid that has ended stands for a killed runner.
        QVERIFY(workspace->catalog()
                    .query("UPDATE runs SET runner_pid = ?1 WHERE id = 'orphan';")
                    .bind(1, 2147483000)
                    .exec());
        QCOMPARE(runs.reapOrphans().value(), 1);
        QCOMPARE(runs.run(u"orphan"_s)->state, u"failed"_s);
        QCOMPARE(runs.tasks(u"orphan"_s)->first().state, u"lost"_s);
        QVERIFY(runs.run(u"orphan"_s)->message.contains(u"ended unexpectedly"_s));
    }
};

QTEST_GUILESS_MAIN(TestSchedulePlanner)
#include "tst_scheduleplanner.moc"
