// runInBackground: the answer arrives on the receiver's (GUI) thread, after the work ran on
// another; a receiver deleted while its work runs hears nothing, and nothing crashes.
#include "common/background.h"

#include <QSemaphore>
#include <QTest>
#include <QThread>
#include <QThreadPool>

#include <atomic>
#include <memory>

using namespace Qt::StringLiterals;

class TestBackground : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void deliversOnTheReceiversThread();
    void deliversVoidWork();
    void dropsTheAnswerOfAGoneReceiver();
};

void TestBackground::deliversOnTheReceiversThread()
{
    QObject receiver;
    QThread *workThread = nullptr;
    QThread *doneThread = nullptr;
    int answer = 0;
    atelier::runInBackground(
        &receiver,
        [&workThread] {
            workThread = QThread::currentThread();
            return 42;
        },
        [&](int value) {
            doneThread = QThread::currentThread();
            answer = value;
        });
    QTRY_COMPARE(answer, 42);
    QVERIFY(workThread != nullptr);
    QVERIFY(workThread != QCoreApplication::instance()->thread());
    QCOMPARE(doneThread, QCoreApplication::instance()->thread());
    // The helper leaves nothing behind on the receiver once it has answered.
    QTRY_VERIFY(receiver.children().isEmpty());
}

void TestBackground::deliversVoidWork()
{
    QObject receiver;
    std::atomic_bool ran = false;
    bool done = false;
    atelier::runInBackground(
        &receiver, [&ran] { ran = true; }, [&] { done = ran; });
    QTRY_VERIFY(done);
}

void TestBackground::dropsTheAnswerOfAGoneReceiver()
{
    auto receiver = std::make_unique<QObject>();
    // The work waits until the receiver is gone; it owns what it touches (shared state).
    auto release = std::make_shared<QSemaphore>();
    auto finished = std::make_shared<std::atomic_bool>(false);
    bool delivered = false;
    atelier::runInBackground(
        receiver.get(),
        [release, finished] {
            release->acquire();
            *finished = true;
            return u"late"_s;
        },
        [&delivered](const QString &) { delivered = true; });
    receiver.reset(); // gone mid-flight
    release->release();
    QVERIFY(QThreadPool::globalInstance()->waitForDone(10000));
    QVERIFY(finished->load());
    // Give any queued delivery every chance to arrive.
    for (int i = 0; i < 10; ++i) {
        QCoreApplication::processEvents();
        QTest::qWait(10);
    }
    QVERIFY(!delivered);
}

QTEST_GUILESS_MAIN(TestBackground)
#include "tst_background.moc"
