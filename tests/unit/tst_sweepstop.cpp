// Stopping a sweep (SweepStore::stop, what `atelier sweep stop` does): the request reaches the
// sweep's folder, the wait ends when the sweep process says how it ended, and a sweep that is
// not running is refused. The sweep process is played by a thread writing status.json.
#include "sweeps/sweepstore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <thread>

using namespace Qt::StringLiterals;
using namespace atelier;

class TestSweepStop : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    /// A sweep whose process (this one) says it is running.
    SweepStore running(const QString &name)
    {
        SweepStore store(m_dir.path());
        SweepConfig config;
        config.name = name;
        config.pipeline = u"p"_s;
        config.params = {SweepConfig::parseParam(u"a.x=float(0,1)"_s).value()};
        config.objectiveNode = u"a"_s;
        config.objectiveMetric = u"loss"_s;
        if (!store.create(config))
            return store;
        (void)store.saveStatus(
            name, SweepStatus{u"running"_s, QCoreApplication::applicationPid(), {}, {}});
        return store;
    }

private Q_SLOTS:
    void waitsUntilTheSweepSaysItStopped()
    {
        SweepStore store = running(u"s1"_s);
        QCOMPARE(store.status(u"s1"_s).state, u"running"_s);
        // The "sweep process": sees the request, then records that it stopped.
        std::thread sweep([&store] {
            QElapsedTimer clock;
            clock.start();
            while (!store.stopRequested(u"s1"_s) && clock.elapsed() < 5000)
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
            std::this_thread::sleep_for(std::chrono::milliseconds(150));
            (void)store.saveStatus(u"s1"_s, SweepStatus{u"stopped"_s, 0, {}, {}});
        });
        auto stopped = store.stop(u"s1"_s, 5000);
        sweep.join();
        QVERIFY2(stopped, stopped ? "" : qPrintable(stopped.error().message));
        QCOMPARE(stopped->state, u"stopped"_s);
    }

    void saysWhenTheWaitRanOut()
    {
        SweepStore store = running(u"s2"_s);
        QElapsedTimer clock;
        clock.start();
        auto stopped = store.stop(u"s2"_s, 300);
        QVERIFY(stopped);
        QCOMPARE(stopped->state, u"running"_s); // asked, not yet stopped
        QVERIFY(clock.elapsed() >= 300);
        QVERIFY(store.stopRequested(u"s2"_s));
    }

    void refusesASweepThatIsNotRunning()
    {
        SweepStore store = running(u"s3"_s);
        QVERIFY(store.saveStatus(u"s3"_s, SweepStatus{u"finished"_s, 0, {}, {}}));
        auto stopped = store.stop(u"s3"_s, 300);
        QVERIFY(!stopped);
        QCOMPARE(stopped.error().code, ErrorCode::Conflict);
        QVERIFY(!store.stopRequested(u"s3"_s));
        QVERIFY(!store.stop(u"no-such-sweep"_s, 300));
    }
};

QTEST_GUILESS_MAIN(TestSweepStop)
#include "tst_sweepstop.moc"
