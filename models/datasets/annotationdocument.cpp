#include "datasets/annotationdocument.h"

#include "datasets/datasetitemstore.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QThread>

#include <optional>

namespace atelier {

AnnotationDocument::AnnotationDocument(QObject *parent)
    : QObject(parent), m_catalogIds(std::make_shared<IdMap>())
{
}

AnnotationDocument::~AnnotationDocument()
{
    if (m_worker)
        m_worker->retire(m_receiver);
}

void AnnotationDocument::setWorker(DatasetStoreWorker *worker)
{
    if (m_worker)
        m_worker->retire(m_receiver);
    m_worker = worker;
    m_receiver = worker ? worker->receiver(this) : nullptr;
}

void AnnotationDocument::beginLoad(const DatasetItem &item)
{
    m_undo.clear();
    m_item = item;
    // A new map for the new item: writes still queued for the previous one keep theirs.
    m_catalogIds = std::make_shared<IdMap>();
}

void AnnotationDocument::queueWrite(std::function<Status(DatasetContext &, IdMap &)> work)
{
    if (!m_worker || m_item.id == 0)
        return;
    ++m_pendingWrites;
    const qint64 itemId = m_item.id;
    m_worker->write(
        m_receiver,
        [work = std::move(work), ids = m_catalogIds, itemId](DatasetContext &context) {
            const Status status = work(context, *ids);
            auto item = DatasetItemStore(context).item(itemId);
            std::optional<DatasetItem> written;
            if (item)
                written = item.value();
            return std::pair{written, status ? QString() : status.error().message};
        },
        [this](const std::pair<std::optional<DatasetItem>, QString> &answer) {
            const auto &[written, error] = answer;
            --m_pendingWrites;
            if (!error.isEmpty())
                Q_EMIT saveFailed(error);
            if (written)
                itemWritten(*written);
            Q_EMIT saved(m_pendingWrites);
        });
}

void AnnotationDocument::review(ItemStatus verdict, const QString &comment)
{
    const QString reviewer = m_author;
    queueWrite([verdict, comment, reviewer, itemId = m_item.id](DatasetContext &context, IdMap &) {
        return DatasetItemStore(context).review(itemId, verdict, comment, reviewer);
    });
}

bool AnnotationDocument::waitForSaved(int msecs)
{
    QDeadlineTimer deadline(msecs);
    while (m_pendingWrites > 0) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        QThread::usleep(200);
    }
    return true;
}

} // namespace atelier
