#include "core/batchqueue.h"

#include <QTest>

#include <thread>

using namespace atelier;

class TestBatchQueue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyBatchArrivesInOrder()
    {
        BatchQueue<int> queue(2);
        std::thread producer([&] {
            for (int b = 0; b < 100; ++b)
                QVERIFY(queue.push(QList<int>{b * 3, b * 3 + 1, b * 3 + 2}));
            queue.finish();
        });
        QList<int> received;
        while (auto batch = queue.pop())
            received.append(*batch);
        producer.join();
        QCOMPARE(received.size(), 300);
        for (int i = 0; i < received.size(); ++i)
            QCOMPARE(received.at(i), i);
        QVERIFY(!queue.pop()); // finished stays finished
    }

    void stopReleasesAWaitingProducer()
    {
        BatchQueue<int> queue(1);
        std::atomic_int pushed = 0;
        bool lastPush = true;
        std::thread producer([&] {
            // The second push waits on the full queue until stop().
            while (lastPush) {
                lastPush = queue.push(QList<int>{pushed.load()});
                if (lastPush)
                    ++pushed;
            }
            queue.finish();
        });
        QTRY_COMPARE(pushed.load(), 1);
        QTest::qWait(50);
        QCOMPARE(pushed.load(), 1); // still waiting: the queue holds one batch
        queue.stop();
        producer.join();
        QVERIFY(!lastPush);
        QVERIFY(!queue.pop()); // stop() dropped the queued batch
        QVERIFY(!queue.push(QList<int>{7}));
    }
};

QTEST_GUILESS_MAIN(TestBatchQueue)
#include "tst_batchqueue.moc"
