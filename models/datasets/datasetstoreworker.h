#pragma once

#include <QMutex>
#include <QObject>
#include <QString>
#include <QWaitCondition>

#include <atomic>
#include <deque>
#include <functional>
#include <memory>

class QThread;

namespace atelier {

class DatasetContext;

/// A thread of its own holding one catalog connection and its DatasetContext, for views that
/// must not wait on the disk: jobs run one at a time, writes first and in the order given (each
/// committed when it returns), then reads newest first (the page on screen before the ones
/// scrolled past). A job makes the section stores it needs on the context (DatasetCatalog,
/// DatasetItemStore, AnnotationStore, DatasetVersionStore). Results go back through post(), to
/// a receiver that may be gone by then; views reach it through readInBackground() and
/// writeInBackground() (ui/common/background.h).
class DatasetStoreWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DatasetStoreWorker)

public:
    using Job = std::function<void(DatasetContext &context)>;
    /// A receiver of results: alive until retire().
    struct Receiver
    {
        QObject *object = nullptr;
        std::atomic_bool alive = true;
        /// Called on the receiver's thread, instead of the job, for each of its jobs when the
        /// catalog could not be opened (so that nothing waits forever for an answer).
        std::function<void(const QString &error)> failed;
    };
    using ReceiverPtr = std::shared_ptr<Receiver>;

    /// Opens the workspace \a workspaceRoot on the worker thread; \a author is recorded on
    /// annotations that name none.
    DatasetStoreWorker(const QString &workspaceRoot, const QString &author,
                       QObject *parent = nullptr);
    /// Runs the writes still queued, drops the reads, then stops the thread.
    ~DatasetStoreWorker() override;

    QString workspaceRoot() const { return m_root; }
    QString author() const { return m_author; }

    /// Queues a write: run before any read, in order. \a receiver, when given, hears through
    /// its failed() when the catalog could not be opened (the write itself always runs).
    void write(Job job, const ReceiverPtr &receiver = {});
    /// Queues a read of \a receiver (skipped when it is retired before it runs).
    void read(const ReceiverPtr &receiver, Job job);

    /// Registers \a object as a receiver of results.
    ReceiverPtr receiver(QObject *object);
    /// After this returns, nothing more is posted to \a receiver and its reads are dropped.
    void retire(const ReceiverPtr &receiver);
    /// Runs \a function on \a receiver's thread unless it has been retired, also when retired
    /// after posting and before it runs (call it from a job).
    void post(const ReceiverPtr &receiver, std::function<void()> function);

    /// True while jobs are queued or running.
    bool isBusy() const;
    /// Blocks (processing events) until no job is queued or running (tests, benchmarks).
    bool waitForIdle(int msecs = 30000);
    /// The error that kept the catalog from opening, empty when it opened.
    QString openError() const;

private:
    struct Entry
    {
        Job job;
        ReceiverPtr receiver; // null for writes that need no answer
    };
    void run();

    QString m_root;
    QString m_author;
    QThread *m_thread = nullptr;
    mutable QMutex m_mutex;
    QWaitCondition m_wake;
    std::deque<Entry> m_writes; // oldest first
    std::deque<Entry> m_reads;  // newest first
    int m_running = 0;
    bool m_stopping = false;
    QString m_openError;
};

} // namespace atelier
