#include "datasets/datasetstoreworker.h"

#include "core/workspace.h"
#include "datasets/datasetcontext.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QThread>

namespace atelier {

DatasetStoreWorker::DatasetStoreWorker(const QString &workspaceRoot, const QString &author,
                                       QObject *parent)
    : QObject(parent), m_root(workspaceRoot), m_author(author)
{
    m_thread = QThread::create([this] { run(); });
    m_thread->setObjectName(QStringLiteral("DatasetStoreWorker"));
    m_thread->start();
}

DatasetStoreWorker::~DatasetStoreWorker()
{
    {
        QMutexLocker lock(&m_mutex);
        m_stopping = true;
        m_reads.clear();
        m_wake.wakeAll();
    }
    m_thread->wait();
    delete m_thread;
}

void DatasetStoreWorker::write(Job job, const ReceiverPtr &receiver)
{
    QMutexLocker lock(&m_mutex);
    m_writes.push_back({std::move(job), receiver});
    m_wake.wakeAll();
}

void DatasetStoreWorker::read(const ReceiverPtr &receiver, Job job)
{
    QMutexLocker lock(&m_mutex);
    m_reads.push_front({std::move(job), receiver});
    m_wake.wakeAll();
}

DatasetStoreWorker::ReceiverPtr DatasetStoreWorker::receiver(QObject *object)
{
    auto receiver = std::make_shared<Receiver>();
    receiver->object = object;
    return receiver;
}

void DatasetStoreWorker::retire(const ReceiverPtr &receiver)
{
    if (!receiver)
        return;
    QMutexLocker lock(&m_mutex);
    receiver->alive = false;
    std::erase_if(m_reads, [&](const Entry &entry) { return entry.receiver == receiver; });
}

void DatasetStoreWorker::post(const ReceiverPtr &receiver, std::function<void()> function)
{
    // Posting under the lock: once retire() has returned, nothing reaches the receiver, and
    // what was posted before is dropped with it when it is destroyed.
    QMutexLocker lock(&m_mutex);
    if (!receiver || !receiver->alive || !receiver->object)
        return;
    QMetaObject::invokeMethod(
        receiver->object,
        [receiver, function = std::move(function)] {
            if (receiver->alive) // retired between the post and now: dropped
                function();
        },
        Qt::QueuedConnection);
}

bool DatasetStoreWorker::isBusy() const
{
    QMutexLocker lock(&m_mutex);
    return m_running > 0 || !m_writes.empty() || !m_reads.empty();
}

bool DatasetStoreWorker::waitForIdle(int msecs)
{
    QDeadlineTimer deadline(msecs);
    for (;;) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        if (!isBusy()) {
            QCoreApplication::processEvents(); // deliver what the last job posted
            if (!isBusy())
                return true;
        }
        if (deadline.hasExpired())
            return false;
        QThread::usleep(200);
    }
}

QString DatasetStoreWorker::openError() const
{
    QMutexLocker lock(&m_mutex);
    return m_openError;
}

void DatasetStoreWorker::run()
{
    auto workspace = Workspace::open(m_root);
    std::unique_ptr<DatasetContext> context;
    if (workspace) {
        context = std::make_unique<DatasetContext>(workspace->catalog(), workspace->root());
        if (!m_author.isEmpty())
            context->setAuthor(m_author);
    } else {
        QMutexLocker lock(&m_mutex);
        m_openError = workspace.error().message;
    }
    for (;;) {
        Entry entry;
        {
            QMutexLocker lock(&m_mutex);
            while (m_writes.empty() && m_reads.empty() && !m_stopping)
                m_wake.wait(&m_mutex);
            if (!m_writes.empty()) {
                entry = std::move(m_writes.front());
                m_writes.pop_front();
            } else if (!m_reads.empty()) {
                entry = std::move(m_reads.front());
                m_reads.pop_front();
                if (entry.receiver && !entry.receiver->alive)
                    continue;
            } else {
                return; // stopping, and every write is done
            }
            ++m_running;
        }
        if (context) {
            entry.job(*context);
        } else if (entry.receiver && entry.receiver->failed) {
            const QString error = openError();
            post(entry.receiver, [receiver = entry.receiver, error] { receiver->failed(error); });
        }
        QMutexLocker lock(&m_mutex);
        --m_running;
    }
}

} // namespace atelier
