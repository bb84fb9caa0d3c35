#pragma once

#include <QMutex>
#include <QObject>
#include <QString>
#include <QWaitCondition>

#include <atomic>
#include <deque>
#include <functional>
#include <memory>
#include <type_traits>

class QThread;

namespace atelier {

class DatasetContext;

/// A thread of its own holding one catalog connection and its DatasetContext, for views that
/// must not wait on the disk: jobs run one at a time, writes first and in the order given (each
/// committed when it returns), then reads newest first (the page on screen before the ones
/// scrolled past). A job makes the section stores it needs on the context (DatasetCatalog,
/// DatasetItemStore, AnnotationStore, DatasetVersionStore). What a job returns goes back to a
/// receiver that may be gone by then (the read() and write() that take an onDone); the views in
/// ui/ reach those through readInBackground() and writeInBackground() (ui/common/background.h).
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

    /// Queues a read whose answer reaches \a receiver (jobs run one at a time: the writes in
    /// the order queued, then the reads, the newest first): \a job(DatasetContext &) runs on the
    /// worker's thread and \a onDone gets what it returned (nothing when it returns void) on the
    /// receiver's thread. Nothing reaches a receiver retired before then, and its reads not yet
    /// begun are not run. \a job owns (captures by value) what it touches; \a onDone may use
    /// the receiver.
    template <typename AnswerJob, typename OnDone>
    void read(const ReceiverPtr &receiver, AnswerJob job, OnDone onDone)
    {
        read(receiver, answering(receiver, std::move(job), std::move(onDone)));
    }
    /// The same for a write: queued after the writes before it, and run even when \a receiver
    /// is retired meanwhile (only the answer is dropped then). When the catalog could not be
    /// opened, \a receiver's failed() hears it instead (for reads too).
    template <typename AnswerJob, typename OnDone>
    void write(const ReceiverPtr &receiver, AnswerJob job, OnDone onDone)
    {
        write(answering(receiver, std::move(job), std::move(onDone)), receiver);
    }

    /// Registers \a object as a receiver of results.
    ReceiverPtr receiver(QObject *object);
    /// After this returns, nothing more is posted to \a receiver and its reads are dropped.
    void retire(const ReceiverPtr &receiver);

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
    /// Queues a write: run before any read, in order. \a receiver, when given, hears through
    /// its failed() when the catalog could not be opened (the job is not run then).
    void write(Job job, const ReceiverPtr &receiver = {});
    /// Queues a read of \a receiver (skipped when it is retired before it runs).
    void read(const ReceiverPtr &receiver, Job job);
    /// Runs \a function on \a receiver's thread unless it has been retired, also when retired
    /// after posting and before it runs (called from a job).
    void post(const ReceiverPtr &receiver, std::function<void()> function);
    /// A job that runs \a job and posts what it returned to \a onDone.
    template <typename AnswerJob, typename OnDone>
    Job answering(const ReceiverPtr &receiver, AnswerJob job, OnDone onDone)
    {
        // The job runs on this worker's thread, which the destructor joins: `this` outlives it.
        return [this, receiver, job = std::move(job),
                onDone = std::move(onDone)](DatasetContext &context) mutable {
            using T = std::invoke_result_t<AnswerJob &, DatasetContext &>;
            if constexpr (std::is_void_v<T>) {
                job(context);
                post(receiver, [onDone] { onDone(); });
            } else {
                post(receiver, [onDone, result = job(context)] { onDone(result); });
            }
        };
    }

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
