#pragma once

#include "datasets/datasetstoreworker.h"
#include "datasets/datasettypes.h"

#include <QAbstractListModel>
#include <QHash>
#include <QSet>

#include <optional>

namespace atelier {

/// The items of one dataset as a list model for a virtualised view: rowCount is the number of
/// items the query matches (one COUNT), and rows are read a page at a time, on the worker
/// thread, when a view first asks for them. Pages far from the screen are forgotten (bounded
/// LRU), so memory does not grow with the dataset. A row not read yet answers
/// LoadedRole = false and an empty display; dataChanged follows when its page arrives.
class DatasetItemsModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DatasetItemsModel)

public:
    enum Role {
        ItemIdRole = Qt::UserRole + 1,
        ObjectHashRole,
        ImagePathRole,
        StatusRole, ///< ItemStatus as int
        SourceNameRole,
        WidthRole,
        HeightRole,
        TextRole,
        LoadedRole,
        ReviewCommentRole,
    };

    explicit DatasetItemsModel(DatasetStoreWorker *worker, QObject *parent = nullptr);
    ~DatasetItemsModel() override;

    /// Shows dataset \a datasetId; \a objectsDir is where image files lie (objects/ab/cdef…).
    void setDataset(qint64 datasetId, const QString &objectsDir);
    qint64 datasetId() const { return m_datasetId; }
    /// Filter and order (offset and limit are the model's business).
    void setQuery(const ItemQuery &query);
    ItemQuery query() const { return m_query; }
    /// Counts again and reads the pages on screen again (after an import, a review).
    void refresh();

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// The item at \a row when its page is in memory.
    std::optional<DatasetItem> itemAt(int row) const;
    /// Asks for the pages holding rows \a first … \a last (what a view is about to show).
    void prefetch(int first, int last) const;
    /// Updates the row of \a itemId when it is in memory (a status changed in the annotator).
    void updateItemStatus(qint64 itemId, ItemStatus status, const QString &comment = {});

    void setPageSize(int rows) { m_pageSize = qMax(1, rows); }
    int pageSize() const { return m_pageSize; }
    /// At most this many pages stay in memory.
    void setMaxPages(int pages) { m_maxPages = qMax(2, pages); }
    int loadedPageCount() const { return int(m_pages.size()); }
    /// Rows held in memory now.
    qint64 loadedRowCount() const;
    /// Page reads asked of the worker so far (for tests and benchmarks).
    int pageRequests() const { return m_pageRequests; }
    /// True until the count is known, and while pages are being read.
    bool isLoading() const { return m_counting || !m_pending.isEmpty(); }
    /// The absolute path of an image object.
    static QString objectPath(const QString &objectsDir, const QString &hash);

Q_SIGNALS:
    void countChanged(qint64 count);
    void pageLoaded(int page);
    void loadFailed(const QString &message);

private:
    struct Page
    {
        QList<DatasetItem> items;
        quint64 lastUse = 0;
    };
    const DatasetItem *rowItem(int row) const;
    void requestPage(int page) const;
    void pageArrived(quint64 generation, int page, const QList<DatasetItem> &items);
    void evict() const;
    void recount();

    DatasetStoreWorker *m_worker;
    DatasetStoreWorker::ReceiverPtr m_receiver;
    qint64 m_datasetId = 0;
    QString m_objectsDir;
    ItemQuery m_query;
    qint64 m_count = 0;
    bool m_counting = false;
    quint64 m_generation = 0;
    int m_pageSize = 120;
    int m_maxPages = 40;
    mutable QHash<int, Page> m_pages;
    mutable QSet<int> m_pending;
    mutable quint64 m_useClock = 0;
    mutable int m_pageRequests = 0;
};

} // namespace atelier
