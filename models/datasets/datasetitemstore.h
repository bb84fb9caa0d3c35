#pragma once

#include "core/result.h"
#include "datasets/datasetcatalog.h"
#include "datasets/datasettypes.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace atelier {

class Database;
class DatasetContext;
class Query;

/// What adding an item did: a new item, or the existing one with the same content.
struct AddedItem
{
    DatasetItem item;       ///< the new item, or the one already holding this content
    bool duplicate = false; ///< nothing was added: \a item already had this content
};

/// An image file probed and stored in objects/ by DatasetItemStore::storeImage, not yet an item.
struct StoredImage
{
    QString hash; ///< its object in objects/
    qint64 size = 0;
    int width = 0;
    int height = 0;
};

/// The items of datasets: pages of them filtered and sorted, images stored in objects/ by
/// content hash, texts de-duplicated on their normalised form, status, split, attributes and
/// review. Blocking; made on a DatasetContext.
class DatasetItemStore
{
    // Its messages were DatasetStore's before the split: the same translation context.
    Q_DECLARE_TR_FUNCTIONS(DatasetStore)

public:
    /// Over \a context, which must outlive it (as for every section store).
    explicit DatasetItemStore(DatasetContext &context);
    Q_DISABLE_COPY_MOVE(DatasetItemStore)

    /// One page of items (query.offset, query.limit) filtered and sorted as \a query says.
    Result<QList<DatasetItem>> items(qint64 datasetId, const ItemQuery &query = {});
    /// How many items match \a query (offset and limit ignored).
    Result<qint64> countItems(qint64 datasetId, const ItemQuery &query = {});
    /// Items per status (every status present, 0 when none).
    Result<QMap<ItemStatus, qint64>> statusCounts(qint64 datasetId);
    Result<DatasetItem> item(qint64 itemId);
    /// The 0-based row of \a itemId in the list \a query gives (offset/limit ignored), or
    /// NotFound when it is filtered out.
    Result<qint64> rowOf(qint64 datasetId, qint64 itemId, const ItemQuery &query = {});

    /// Adds the image \a file (probed, then stored in objects/ by content hash) to an image
    /// dataset; Invalid when its header declares more than maxImagePixels(). Content already in the
    /// dataset is not added again: duplicate is set. \a sourceName defaults to the file name.
    Result<AddedItem> addImage(qint64 datasetId, const QString &file,
                               const QString &sourceName = {});
    /// addImage's first half, which touches no catalog: probes \a file, refuses it when its
    /// header declares more than \a maxPixels, and stores it in \a objectsDir (syncing it
    /// later: see ObjectStore::Sync). Thread-safe, so that an import stores its images on a
    /// thread of its own; an object stored so but never added (a stopped import) is a stray
    /// that the workspace check reports.
    static Result<StoredImage> storeImage(const QString &objectsDir, const QString &file,
                                          qint64 maxPixels, bool deferSync);
    /// addImage's second half: the item of an image storeImage() stored (its objects/ file
    /// synced before the transaction commits), or the existing one with that content.
    Result<AddedItem> addStoredImage(qint64 datasetId, const StoredImage &image,
                                     const QString &sourceName);
    /// Adds a text (and for pairs the second text) to a text dataset; texts whose normalised
    /// form is already in the dataset are duplicates.
    Result<AddedItem> addText(qint64 datasetId, const QString &text, const QString &textB = {},
                              const QString &sourceName = {});
    /// The item with \a dedupKey in the dataset, if any.
    Result<std::optional<DatasetItem>> findItem(qint64 datasetId, const QString &dedupKey);
    /// Removes the item and its annotations (its image stays in objects/).
    Status removeItem(qint64 itemId);
    Status setItemStatus(qint64 itemId, ItemStatus status);
    /// Sets the item's split ("train", "val", …; empty for none).
    Status setItemSplit(qint64 itemId, const QString &split);
    /// Merges \a attributes into the item's (a key with a null value removes it).
    Status mergeItemAttributes(qint64 itemId, const QJsonObject &attributes);
    /// Records a review: \a verdict is Reviewed (approved) or Rejected, with \a comment.
    Status review(qint64 itemId, ItemStatus verdict, const QString &comment,
                  const QString &reviewer = {});

private:
    Result<AddedItem> insertItem(qint64 datasetId, DatasetItem item);
    /// Invalid when the dataset does not hold images.
    Status checkImageDataset(qint64 datasetId);
    Result<AddedItem> insertImage(qint64 datasetId, const StoredImage &image,
                                  const QString &sourceName);

    DatasetContext &m_ctx;
    Database &m_db;
    DatasetCatalog m_catalog; // the labels and datasets the items belong to
};

} // namespace atelier
