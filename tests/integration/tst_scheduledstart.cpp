// Starting the scheduled runs that are due, as `atelier scheduler` and the window's schedule
// runner both do (RunLauncher::startScheduled): each starts as its own process, and a slot
// whose process could not start is handed out again at the next look.
#include "core/workspace.h"
#include "launch/runlauncher.h"
#include "pipeline/pipelinestore.h"
#include "pipeline/scheduleservice.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace atelier;

class TestScheduledStart : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_root;

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_root = m_dir.filePath(QString::fromLatin1(QTest::currentTestFunction()));
        auto workspace = Workspace::create(m_root, {});
        QVERIFY2(workspace, workspace ? "" : qPrintable(workspace.error().message));
        // One slot due now (an hourly schedule that started an hour and a bit ago, one run
        // at a time).
        PipelineDocument doc;
        doc.name = u"Hourly"_s;
        doc.nodes.append(
            NodeSpec{u"a"_s, {}, u"shell"_s, {{u"script"_s, u"true"_s}}, {}, 0, 0, false, {}, {}});
        ScheduleSpec schedule;
        schedule.cron = u"0 * * * *"_s;
        schedule.start = QDateTime::currentDateTimeUtc().addSecs(-3600 - 60);
        schedule.catchup = false;
        schedule.maxActiveRuns = 1;
        doc.schedule = schedule;
        QVERIFY(PipelineStore(m_root).save(doc, u"Add hourly"_s, {u"t"_s, u"t@example.com"_s}));
    }

    void startsEachDueLaunch()
    {
        ScheduleService service(m_root);
        auto due = service.due(QDateTime::currentDateTimeUtc());
        QVERIFY(due);
        QCOMPARE(due->size(), 1);
        // /bin/true stands in for atelier: it starts and ignores its arguments.
        const QList<ScheduledStart> starts =
            RunLauncher::startScheduled(service, due.value(), u"/bin/true"_s, m_root);
        QCOMPARE(starts.size(), 1);
        QCOMPARE(starts.first().launch.pipeline, u"hourly"_s);
        QVERIFY(starts.first().pid > 0);
        QVERIFY(starts.first().error.isEmpty());
        // Started: the slot is not handed out again.
        auto again = service.due(QDateTime::currentDateTimeUtc());
        QVERIFY(again);
        QCOMPARE(again->size(), 0);
    }

    void handsBackALaunchThatCouldNotStart()
    {
        ScheduleService service(m_root);
        auto due = service.due(QDateTime::currentDateTimeUtc());
        QVERIFY(due);
        QCOMPARE(due->size(), 1);
        const QString missing = m_dir.filePath(u"no-such-atelier"_s);
        const QList<ScheduledStart> starts =
            RunLauncher::startScheduled(service, due.value(), missing, m_root);
        QCOMPARE(starts.size(), 1);
        QCOMPARE(starts.first().pid, 0);
        QVERIFY2(starts.first().error.contains(missing), qPrintable(starts.first().error));
        // The slot is due again at the next look.
        auto again = service.due(QDateTime::currentDateTimeUtc());
        QVERIFY(again);
        QCOMPARE(again->size(), 1);
        QCOMPARE(again->first().logicalDate, due->first().logicalDate);
    }
};

QTEST_GUILESS_MAIN(TestScheduledStart)
#include "tst_scheduledstart.moc"
