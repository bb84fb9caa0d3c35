// readInBackground / writeInBackground: catalog work of the labeling views runs on the one
// connection of a DatasetStoreWorker, writes before reads, and the answer reaches the receiver
// on its own thread, or nobody once the receiver is retired (a read not yet begun is not run).
#include "common/background.h"
#include "core/workspace.h"
#include "datasets/datasetcatalog.h"
#include "datasets/datasetcontext.h"

#include <QSemaphore>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>

using namespace atelier;
using namespace Qt::StringLiterals;

class TestBackgroundWorker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_root = m_dir.filePath(u"ws%1"_s.arg(++m_count));
        auto ws = Workspace::create(m_root, {});
        QVERIFY2(ws, qPrintable(ws ? QString() : ws.error().message));
    }

    void writesThenReadsOnTheWorkerAnswerOnTheReceiversThread()
    {
        DatasetStoreWorker worker(m_root, u"alice"_s);
        QObject view;
        auto receiver = worker.receiver(&view);
        QThread *jobThread = nullptr;
        QThread *answerThread = nullptr;
        QString made;
        QStringList names;
        // Queued first, the read still runs after the write: it sees the dataset.
        readInBackground(
            &worker, receiver,
            [&jobThread](DatasetContext &context) {
                jobThread = QThread::currentThread();
                QStringList found;
                if (auto all = DatasetCatalog(context).datasets())
                    for (const DatasetInfo &info : all.value())
                        found.append(info.name);
                return found;
            },
            [&](const QStringList &found) {
                answerThread = QThread::currentThread();
                names = found;
            });
        writeInBackground(
            &worker, receiver,
            [](DatasetContext &context) {
                auto info =
                    DatasetCatalog(context).createDataset(u"cats"_s, DatasetTask::Classification);
                return info ? info->name + u' ' + context.author() : info.error().message;
            },
            [&made](const QString &answer) { made = answer; });
        QVERIFY(worker.waitForIdle());
        QCOMPARE(made, u"cats alice"_s);
        QCOMPARE(names, QStringList{u"cats"_s});
        QVERIFY(jobThread != nullptr);
        QVERIFY(jobThread != QCoreApplication::instance()->thread());
        QCOMPARE(answerThread, QCoreApplication::instance()->thread());
        worker.retire(receiver);
    }

    void aRetiredReceiverHearsNothingAndItsReadsAreDropped()
    {
        DatasetStoreWorker worker(m_root, QString());
        QObject view;
        auto receiver = worker.receiver(&view);
        auto release = std::make_shared<QSemaphore>();
        auto wrote = std::make_shared<std::atomic_bool>(false);
        auto read = std::make_shared<std::atomic_bool>(false);
        bool answered = false;
        // The write holds the worker until the receiver is retired; the read waits behind it.
        writeInBackground(
            &worker, receiver,
            [release, wrote](DatasetContext &context) {
                release->acquire();
                *wrote = DatasetCatalog(context)
                             .createDataset(u"dogs"_s, DatasetTask::Classification)
                             .ok();
            },
            [&answered] { answered = true; });
        readInBackground(
            &worker, receiver,
            [read](DatasetContext &) {
                *read = true;
                return 1;
            },
            [&answered](int) { answered = true; });
        worker.retire(receiver); // the view goes away with both jobs pending
        release->release();
        QVERIFY(worker.waitForIdle());
        for (int i = 0; i < 5; ++i) {
            QCoreApplication::processEvents();
            QTest::qWait(10);
        }
        QVERIFY(wrote->load()); // an edit is never lost with its view
        QVERIFY(!read->load());
        QVERIFY(!answered);
    }

private:
    QTemporaryDir m_dir;
    QString m_root;
    int m_count = 0;
};

QTEST_GUILESS_MAIN(TestBackgroundWorker)
#include "tst_backgroundworker.moc"
