// Prefetch: results come in order from a thread of their own, at most `ahead` wait, results
// handed back are destroyed on the maker's thread, and destroying it early stops the maker.
#include "core/prefetch.h"

#include <QTest>

#include <atomic>
#include <memory>
#include <thread>

using namespace atelier;

namespace {

/// Records the thread that destroys it.
struct Tracked
{
    qint64 index = -1;
    std::shared_ptr<std::atomic<int>> onMaker; ///< destroyed on the maker's thread
    std::shared_ptr<std::atomic<int>> elsewhere;
    std::thread::id maker;

    Tracked() = default;
    Tracked(Tracked &&other) noexcept
        : index(other.index), onMaker(std::move(other.onMaker)),
          elsewhere(std::move(other.elsewhere)), maker(other.maker)
    {
    }
    Tracked &operator=(Tracked &&other) noexcept
    {
        release();
        index = other.index;
        onMaker = std::move(other.onMaker);
        elsewhere = std::move(other.elsewhere);
        maker = other.maker;
        return *this;
    }
    ~Tracked() { release(); }

    void release()
    {
        if (!onMaker)
            return; // moved from
        (std::this_thread::get_id() == maker ? *onMaker : *elsewhere) += 1;
        onMaker.reset();
        elsewhere.reset();
    }
};

} // namespace

class TestPrefetch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void takesInOrderNeverMoreThanAheadWaiting()
    {
        std::atomic<qint64> made{0};
        std::atomic<qint64> taken{0};
        std::atomic<qint64> mostAhead{0};
        constexpr int kAhead = 4;
        Prefetch<qint64> prefetch(
            1000,
            [&](qint64 i) {
                const qint64 ahead = made.fetch_add(1) + 1 - taken.load();
                qint64 seen = mostAhead.load();
                while (ahead > seen && !mostAhead.compare_exchange_weak(seen, ahead)) {
                }
                return i * 3;
            },
            kAhead);
        for (qint64 i = 0; i < 1000; ++i) {
            if (i % 100 == 0)
                std::this_thread::sleep_for(std::chrono::milliseconds(2)); // let it run ahead
            QCOMPARE(prefetch.take(i), i * 3);
            taken.fetch_add(1);
        }
        QCOMPARE(made.load(), 1000);
        // Made but not yet taken: the one being made counts, so at most ahead + 1.
        QVERIFY2(mostAhead.load() <= kAhead + 1, qPrintable(QString::number(mostAhead.load())));
        QVERIFY(mostAhead.load() >= 2); // it did run ahead
    }

    void givenBackIsDestroyedOnTheMakersThread()
    {
        auto onMaker = std::make_shared<std::atomic<int>>(0);
        auto elsewhere = std::make_shared<std::atomic<int>>(0);
        constexpr int kCount = 200;
        {
            Prefetch<Tracked> prefetch(kCount, [&](qint64 i) {
                Tracked t;
                t.index = i;
                t.onMaker = onMaker;
                t.elsewhere = elsewhere;
                t.maker = std::this_thread::get_id();
                return t;
            });
            for (qint64 i = 0; i < kCount; ++i) {
                Tracked t = prefetch.take(i);
                QCOMPARE(t.index, i);
                prefetch.giveBack(std::move(t));
            }
            // After the last is made, what comes back is still freed there, a few at a time.
            QTRY_VERIFY(onMaker->load() >= kCount - 8);
        } // the few left go when it is destroyed, still on the maker's thread
        QCOMPARE(onMaker->load(), kCount);
        QCOMPARE(elsewhere->load(), 0);
    }

    void destroyedEarlyStopsTheMaker()
    {
        std::atomic<qint64> made{0};
        {
            Prefetch<int> prefetch(
                1'000'000,
                [&](qint64) {
                    made.fetch_add(1);
                    return 1;
                },
                8);
            QCOMPARE(prefetch.take(0), 1);
            QCOMPARE(prefetch.take(1), 1);
        } // joins here; a maker that did not stop would hang the test
        QVERIFY(made.load() < 100);
    }
};

QTEST_GUILESS_MAIN(TestPrefetch)
#include "tst_prefetch.moc"
