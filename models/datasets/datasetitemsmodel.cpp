#include "datasets/datasetitemsmodel.h"

#include "datasets/datasetitemstore.h"

namespace atelier {

DatasetItemsModel::DatasetItemsModel(DatasetStoreWorker *worker, QObject *parent)
    : QAbstractListModel(parent), m_worker(worker), m_receiver(worker->receiver(this))
{
}

DatasetItemsModel::~DatasetItemsModel()
{
    m_worker->retire(m_receiver);
}

QString DatasetItemsModel::objectPath(const QString &objectsDir, const QString &hash)
{
    if (hash.size() < 5)
        return {};
    return objectsDir + u'/' + hash.left(2) + u'/' + hash.mid(2);
}

void DatasetItemsModel::setDataset(qint64 datasetId, const QString &objectsDir)
{
    m_datasetId = datasetId;
    m_objectsDir = objectsDir;
    setQuery(ItemQuery{});
}

void DatasetItemsModel::setQuery(const ItemQuery &query)
{
    beginResetModel();
    m_query = query;
    m_count = 0;
    m_pages.clear();
    m_pending.clear();
    endResetModel();
    recount();
}

void DatasetItemsModel::refresh()
{
    recount();
}

void DatasetItemsModel::recount()
{
    ++m_generation;
    m_pending.clear();
    m_counting = true;
    const quint64 generation = m_generation;
    const qint64 datasetId = m_datasetId;
    const ItemQuery query = m_query;
    m_worker->read(
        m_receiver,
        [datasetId, query](DatasetContext &context) {
            return DatasetItemStore(context).countItems(datasetId, query);
        },
        [this, generation](const Result<qint64> &count) {
            const qint64 n = count ? count.value() : 0;
            const QString error = count ? QString() : count.error().message;
            if (generation != m_generation)
                return;
            m_counting = false;
            if (!error.isEmpty())
                Q_EMIT loadFailed(error);
            if (n != m_count) {
                beginResetModel();
                m_count = n;
                m_pages.clear();
                endResetModel();
            } else {
                // Same rows: the pages in memory are read again and replaced as they come.
                QList<int> pages = m_pages.keys();
                for (int page : pages)
                    requestPage(page);
            }
            Q_EMIT countChanged(n);
        });
}

int DatasetItemsModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return int(qMin<qint64>(m_count, std::numeric_limits<int>::max()));
}

const DatasetItem *DatasetItemsModel::rowItem(int row) const
{
    if (row < 0 || row >= m_count)
        return nullptr;
    const int page = row / m_pageSize;
    auto it = m_pages.find(page);
    if (it == m_pages.end()) {
        requestPage(page);
        return nullptr;
    }
    it->lastUse = ++m_useClock;
    const int offset = row % m_pageSize;
    return offset < it->items.size() ? &it->items[offset] : nullptr;
}

void DatasetItemsModel::requestPage(int page) const
{
    if (m_pending.contains(page) || m_datasetId == 0)
        return;
    m_pending.insert(page);
    ++m_pageRequests;
    ItemQuery query = m_query;
    query.offset = qint64(page) * m_pageSize;
    query.limit = m_pageSize;
    const quint64 generation = m_generation;
    const qint64 datasetId = m_datasetId;
    m_worker->read(
        m_receiver,
        [datasetId, query](DatasetContext &context) {
            return DatasetItemStore(context).items(datasetId, query);
        },
        // requestPage() is const (rowItem() reads rows lazily); the page arriving changes the
        // model.
        [self = const_cast<DatasetItemsModel *>(this), generation,
         page](const Result<QList<DatasetItem>> &items) {
            if (!items)
                Q_EMIT self->loadFailed(items.error().message);
            self->pageArrived(generation, page, items ? items.value() : QList<DatasetItem>());
        });
}

void DatasetItemsModel::pageArrived(quint64 generation, int page, const QList<DatasetItem> &items)
{
    if (generation != m_generation)
        return;
    m_pending.remove(page);
    m_pages.insert(page, Page{items, ++m_useClock});
    evict();
    const int first = page * m_pageSize;
    const int last = int(qMin<qint64>(m_count, qint64(first) + m_pageSize)) - 1;
    if (last >= first)
        Q_EMIT dataChanged(index(first), index(last));
    Q_EMIT pageLoaded(page);
}

void DatasetItemsModel::evict() const
{
    while (m_pages.size() > m_maxPages) {
        auto oldest = m_pages.begin();
        for (auto it = m_pages.begin(); it != m_pages.end(); ++it) {
            if (it->lastUse < oldest->lastUse)
                oldest = it;
        }
        m_pages.erase(oldest);
    }
}

void DatasetItemsModel::prefetch(int first, int last) const
{
    if (m_count <= 0)
        return;
    first = qBound(0, first, rowCount() - 1);
    last = qBound(0, last, rowCount() - 1);
    for (int page = first / m_pageSize; page <= last / m_pageSize; ++page) {
        auto it = m_pages.find(page);
        if (it == m_pages.end())
            requestPage(page);
        else
            it->lastUse = ++m_useClock;
    }
}

qint64 DatasetItemsModel::loadedRowCount() const
{
    qint64 rows = 0;
    for (const Page &page : std::as_const(m_pages))
        rows += page.items.size();
    return rows;
}

std::optional<DatasetItem> DatasetItemsModel::itemAt(int row) const
{
    if (const DatasetItem *item = rowItem(row))
        return *item;
    return std::nullopt;
}

void DatasetItemsModel::updateItemStatus(qint64 itemId, ItemStatus status, const QString &comment)
{
    for (auto it = m_pages.begin(); it != m_pages.end(); ++it) {
        for (int i = 0; i < it->items.size(); ++i) {
            DatasetItem &item = it->items[i];
            if (item.id != itemId)
                continue;
            item.status = status;
            item.reviewComment = comment;
            const QModelIndex changed = index(it.key() * m_pageSize + i);
            Q_EMIT dataChanged(changed, changed);
            return;
        }
    }
}

QVariant DatasetItemsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DatasetItem *item = rowItem(index.row());
    if (role == LoadedRole)
        return item != nullptr;
    if (!item)
        return {};
    switch (role) {
    case Qt::DisplayRole:
    case SourceNameRole:
        return item->sourceName;
    case Qt::ToolTipRole:
        return item->width > 0 ? QStringLiteral("%1\n%2 × %3")
                                     .arg(item->sourceName)
                                     .arg(item->width)
                                     .arg(item->height)
                               : item->sourceName;
    case ItemIdRole:
        return item->id;
    case ObjectHashRole:
        return item->objectHash;
    case ImagePathRole:
        return objectPath(m_objectsDir, item->objectHash);
    case StatusRole:
        return int(item->status);
    case WidthRole:
        return item->width;
    case HeightRole:
        return item->height;
    case TextRole:
        return item->text;
    case ReviewCommentRole:
        return item->reviewComment;
    default:
        return {};
    }
}

QHash<int, QByteArray> DatasetItemsModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(ItemIdRole, "itemId");
    names.insert(ObjectHashRole, "objectHash");
    names.insert(ImagePathRole, "imagePath");
    names.insert(StatusRole, "status");
    names.insert(SourceNameRole, "sourceName");
    names.insert(WidthRole, "width");
    names.insert(HeightRole, "height");
    names.insert(TextRole, "text");
    names.insert(LoadedRole, "loaded");
    names.insert(ReviewCommentRole, "reviewComment");
    return names;
}

} // namespace atelier
