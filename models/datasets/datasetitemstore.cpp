#include "datasets/datasetitemstore.h"

#include "catalog/database.h"
#include "datasets/datasetcatalog.h"
#include "datasets/datasetcontext.h"
#include "datasets/datasetrows.h"
#include "datasets/imageprobe.h"
#include "datasets/textnormalize.h"
#include "storage/objectstore.h"

#include <QFileInfo>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace atelier {

using namespace datasetrows;

DatasetItemStore::DatasetItemStore(DatasetContext &context)
    : m_ctx(context), m_db(context.db()), m_catalog(context)
{
}

// --- items --------------------------------------------------------------------------------

namespace {

struct ItemSql
{
    QByteArray where;
    QVariantList binds;
    QByteArray order;
};

ItemSql itemSql(qint64 datasetId, const ItemQuery &query)
{
    ItemSql sql;
    sql.where = "dataset_id = ?";
    sql.binds.append(datasetId);
    if (query.status) {
        sql.where += " AND status = ?";
        sql.binds.append(toString(*query.status));
    }
    if (!query.label.isEmpty()) {
        sql.where += " AND EXISTS (SELECT 1 FROM annotations a WHERE a.item_id = dataset_items.id "
                     "AND a.label = ? AND a.state != 'rejected')";
        sql.binds.append(query.label);
    }
    if (!query.annotator.isEmpty()) {
        sql.where += query.withoutAnnotator ? " AND NOT EXISTS" : " AND EXISTS";
        sql.where += " (SELECT 1 FROM annotations a WHERE a.item_id = dataset_items.id AND "
                     "a.author = ?)";
        sql.binds.append(query.annotator);
    }
    if (!query.search.isEmpty()) {
        QString pattern = query.search;
        pattern.replace(u"\\"_s, u"\\\\"_s).replace(u"%"_s, u"\\%"_s).replace(u"_"_s, u"\\_"_s);
        pattern = u'%' + pattern + u'%';
        sql.where += " AND (source_name LIKE ? ESCAPE '\\' OR coalesce(text, '') LIKE ? ESCAPE "
                     "'\\' OR coalesce(text_b, '') LIKE ? ESCAPE '\\')";
        sql.binds.append(pattern);
        sql.binds.append(pattern);
        sql.binds.append(pattern);
    }
    const QByteArray dir = query.descending ? " DESC" : "";
    switch (query.sort) {
    case ItemQuery::Sort::Position:
        sql.order = "position" + dir;
        break;
    case ItemQuery::Sort::SourceName:
        sql.order = "source_name COLLATE NOCASE" + dir + ", position" + dir;
        break;
    case ItemQuery::Sort::UpdatedAt:
        sql.order = "updated_at" + dir + ", position" + dir;
        break;
    case ItemQuery::Sort::Status:
        sql.order = "status" + dir + ", position" + dir;
        break;
    }
    return sql;
}

} // namespace

Result<QList<DatasetItem>> DatasetItemStore::items(qint64 datasetId, const ItemQuery &query)
{
    const ItemSql sql = itemSql(datasetId, query);
    QByteArray text = "SELECT " + QByteArray(kItemColumns) + " FROM dataset_items WHERE " +
                      sql.where + " ORDER BY " + sql.order + " LIMIT ? OFFSET ?;";
    Query q = m_db.query(text.constData());
    int i = 1;
    for (const QVariant &v : sql.binds)
        q.bind(i++, v);
    q.bind(i++, query.limit > 0 ? query.limit : qint64(-1));
    q.bind(i++, qMax<qint64>(0, query.offset));
    QList<DatasetItem> list;
    Status read = q.forEach([&](const Query &row) { list.append(itemFrom(row)); });
    if (!read)
        return read.error();
    return list;
}

Result<qint64> DatasetItemStore::countItems(qint64 datasetId, const ItemQuery &query)
{
    const ItemSql sql = itemSql(datasetId, query);
    QByteArray text = "SELECT count(*) FROM dataset_items WHERE " + sql.where + ";";
    Query q = m_db.query(text.constData());
    int i = 1;
    for (const QVariant &v : sql.binds)
        q.bind(i++, v);
    auto row = q.next();
    if (!row)
        return row.error();
    const qint64 n = q.int64(0);
    if (auto done = q.exec(); !done)
        return done.error();
    return n;
}

Result<qint64> DatasetItemStore::rowOf(qint64 datasetId, qint64 itemId, const ItemQuery &query)
{
    const ItemSql sql = itemSql(datasetId, query);
    QByteArray text = "SELECT rn FROM (SELECT id, row_number() OVER (ORDER BY " + sql.order +
                      ") - 1 AS rn FROM dataset_items WHERE " + sql.where + ") WHERE id = ?;";
    Query q = m_db.query(text.constData());
    int i = 1;
    for (const QVariant &v : sql.binds)
        q.bind(i++, v);
    q.bind(i, itemId);
    auto row = q.next();
    if (!row)
        return row.error();
    if (!row.value())
        return makeError(ErrorCode::NotFound, tr("The item %1 is not in this list.").arg(itemId));
    const qint64 n = q.int64(0);
    if (auto done = q.exec(); !done)
        return done.error();
    return n;
}

Result<QMap<ItemStatus, qint64>> DatasetItemStore::statusCounts(qint64 datasetId)
{
    QMap<ItemStatus, qint64> counts{{ItemStatus::Unlabeled, 0},
                                    {ItemStatus::Labeled, 0},
                                    {ItemStatus::Reviewed, 0},
                                    {ItemStatus::Rejected, 0}};
    Query q = m_db.query(
        "SELECT status, count(*) FROM dataset_items WHERE dataset_id = ?1 GROUP BY status;");
    q.bind(1, datasetId);
    Status read = q.forEach([&](const Query &row) {
        if (auto s = itemStatusFromString(row.text(0)))
            counts[*s] = row.int64(1);
    });
    if (!read)
        return read.error();
    return counts;
}

Result<DatasetItem> DatasetItemStore::item(qint64 itemId)
{
    const QByteArray text =
        "SELECT " + QByteArray(kItemColumns) + " FROM dataset_items WHERE id = ?1;";
    Query q = m_db.query(text.constData());
    q.bind(1, itemId);
    auto row = q.next();
    if (!row)
        return row.error();
    if (!row.value())
        return makeError(ErrorCode::NotFound, tr("There is no item with id %1.").arg(itemId));
    DatasetItem item = itemFrom(q);
    if (auto done = q.exec(); !done)
        return done.error();
    return item;
}

Result<AddedItem> DatasetItemStore::insertItem(qint64 datasetId, DatasetItem item)
{
    AddedItem added;
    Status done = m_ctx.write([&]() -> Status {
        auto existing = findItem(datasetId, item.dedupKey);
        if (!existing)
            return existing.error();
        if (existing->has_value()) {
            added.item = *existing.value();
            added.duplicate = true;
            return {};
        }
        Query q = m_db.query(
            "INSERT INTO dataset_items (dataset_id, object_hash, text, text_b, source_name, "
            "width, height, dedup_key, split, attributes, position) VALUES (?1, ?2, ?3, ?4, ?5, "
            "?6, ?7, ?8, ?9, ?10, "
            "(SELECT coalesce(max(position), 0) + 1 FROM dataset_items WHERE dataset_id = ?1)) "
            "RETURNING id;");
        q.bind(1, datasetId)
            .bind(2, item.objectHash.isEmpty() ? QVariant() : QVariant(item.objectHash))
            .bind(3, item.objectHash.isEmpty() ? QVariant(item.text) : QVariant())
            .bind(4, item.textB.isEmpty() ? QVariant() : QVariant(item.textB))
            .bind(5, item.sourceName)
            .bind(6, item.width)
            .bind(7, item.height)
            .bind(8, item.dedupKey)
            .bind(9, item.split)
            .bind(10, attributesText(item.attributes));
        auto row = q.next();
        if (!row)
            return row.error();
        const qint64 id = q.int64(0);
        if (auto ok = q.exec(); !ok)
            return ok;
        Query key = m_db.query("INSERT INTO dataset_item_keys (dataset_id, dedup_key, item_id) "
                               "VALUES (?1, ?2, ?3);");
        key.bind(1, datasetId).bind(2, item.dedupKey).bind(3, id);
        if (auto ok = key.exec(); !ok)
            return ok;
        auto made = this->item(id);
        if (!made)
            return made.error();
        added.item = made.value();
        return {};
    });
    if (!done)
        return done.error();
    return added;
}

Status DatasetItemStore::checkImageDataset(qint64 datasetId)
{
    auto holds = [](DatasetMedia media, const QString &name) -> Status {
        if (media == DatasetMedia::Image)
            return {};
        return makeError(
            ErrorCode::Invalid,
            tr("The dataset \"%1\" holds text; images cannot be added to it.").arg(name));
    };
    // Its media alone (an import asks once per image), not the whole dataset with its
    // pending-import mark.
    Query q = m_db.query("SELECT media, name FROM datasets WHERE id = ?1;");
    q.bind(1, datasetId);
    auto row = q.next();
    if (!row)
        return row.error();
    if (!row.value()) { // none (or one made meanwhile): readDataset says which, in its words
        auto info = m_catalog.readDataset(datasetId, false);
        return info ? holds(info->media, info->name) : Status(info.error());
    }
    const DatasetMedia media =
        datasetMediaFromString(q.text(0)).value_or(DatasetMedia::Image); // as readDataset
    const QString name = q.text(1);
    if (auto done = q.exec(); !done)
        return done.error();
    return holds(media, name);
}

Result<StoredImage> DatasetItemStore::storeImage(const QString &objectsDir, const QString &file,
                                                 qint64 maxPixels, bool deferSync)
{
    auto probe = ImageProbe::read(file);
    if (!probe)
        return probe.error();
    // Refused before anything decodes it: a pipeline task would fail on it much later.
    if (const qint64 pixels = qint64(probe->width) * probe->height; pixels > maxPixels) {
        const QLocale locale;
        return makeError(ErrorCode::Invalid,
                         tr("%1 is %2×%3 pixels (%4), more than the limit of %5 that guards "
                            "against decompression bombs; if the image is genuine, import it "
                            "with a higher limit (--max-image-pixels N)")
                             .arg(QFileInfo(file).fileName())
                             .arg(probe->width)
                             .arg(probe->height)
                             .arg(locale.toString(pixels), locale.toString(maxPixels)));
    }
    auto stored =
        ObjectStore(objectsDir)
            .put(file, deferSync ? ObjectStore::Sync::Deferred : ObjectStore::Sync::EachObject);
    if (!stored)
        return stored.error();
    return StoredImage{stored->hash, stored->size, probe->width, probe->height};
}

Result<AddedItem> DatasetItemStore::addImage(qint64 datasetId, const QString &file,
                                             const QString &sourceName)
{
    if (auto ok = checkImageDataset(datasetId); !ok)
        return ok.error();
    auto stored =
        storeImage(m_ctx.objectsDir(), file, m_ctx.maxImagePixels(), m_ctx.deferredObjectSync());
    if (!stored)
        return stored.error();
    return insertImage(datasetId, stored.value(),
                       sourceName.isEmpty() ? QFileInfo(file).fileName() : sourceName);
}

Result<AddedItem> DatasetItemStore::addStoredImage(qint64 datasetId, const StoredImage &image,
                                                   const QString &sourceName)
{
    if (auto ok = checkImageDataset(datasetId); !ok)
        return ok.error();
    return insertImage(datasetId, image, sourceName);
}

Result<AddedItem> DatasetItemStore::insertImage(qint64 datasetId, const StoredImage &image,
                                                const QString &sourceName)
{
    DatasetItem item;
    item.objectHash = image.hash;
    item.width = image.width;
    item.height = image.height;
    item.dedupKey = image.hash;
    item.sourceName = sourceName;
    AddedItem added;
    Status done = m_ctx.write([&]() -> Status {
        Query o = m_db.query("INSERT OR IGNORE INTO objects (hash, size) VALUES (?1, ?2);");
        o.bind(1, image.hash).bind(2, image.size);
        if (auto ok = o.exec(); !ok)
            return ok;
        auto inserted = insertItem(datasetId, item);
        if (!inserted)
            return inserted.error();
        added = inserted.value();
        return {};
    });
    if (!done)
        return done.error();
    return added;
}

Result<AddedItem> DatasetItemStore::addText(qint64 datasetId, const QString &text,
                                            const QString &textB, const QString &sourceName)
{
    auto info = m_catalog.readDataset(datasetId, false);
    if (!info)
        return info.error();
    if (info->media != DatasetMedia::Text)
        return makeError(
            ErrorCode::Invalid,
            tr("The dataset \"%1\" holds images; text cannot be added to it.").arg(info->name));
    if (normalizeText(text).isEmpty())
        return makeError(ErrorCode::Invalid, tr("the text is empty"));
    if (info->task == DatasetTask::Pairs && normalizeText(textB).isEmpty())
        return makeError(ErrorCode::Invalid,
                         tr("a text pair needs its second text (text_b); it is empty"));
    if (info->task != DatasetTask::Pairs && !textB.isEmpty())
        return makeError(ErrorCode::Invalid,
                         tr("only text-pair datasets take a second text (text_b)"));
    DatasetItem item;
    item.text = text;
    item.textB = textB;
    item.sourceName = sourceName;
    item.dedupKey = textDedupKey(text, textB);
    return insertItem(datasetId, item);
}

Result<std::optional<DatasetItem>> DatasetItemStore::findItem(qint64 datasetId,
                                                              const QString &dedupKey)
{
    const QByteArray text = "SELECT " + QByteArray(kItemColumns) +
                            " FROM dataset_items WHERE id = (SELECT item_id FROM "
                            "dataset_item_keys WHERE dataset_id = ?1 AND dedup_key = ?2);";
    Query q = m_db.query(text.constData());
    q.bind(1, datasetId).bind(2, dedupKey);
    auto row = q.next();
    if (!row)
        return row.error();
    std::optional<DatasetItem> found;
    if (row.value())
        found = itemFrom(q);
    if (auto done = q.exec(); !done)
        return done.error();
    return found;
}

Status DatasetItemStore::removeItem(qint64 itemId)
{
    return m_ctx.write([&]() -> Status {
        Query q = m_db.query("DELETE FROM dataset_items WHERE id = ?1;");
        q.bind(1, itemId);
        return q.exec();
    });
}

Status DatasetItemStore::setItemStatus(qint64 itemId, ItemStatus status)
{
    return m_ctx.write([&]() -> Status {
        Query q =
            m_db.query("UPDATE dataset_items SET status = ?2, updated_at = ?3 WHERE id = ?1;");
        q.bind(1, itemId).bind(2, toString(status)).bind(3, isoNow());
        return q.exec();
    });
}

Status DatasetItemStore::setItemSplit(qint64 itemId, const QString &split)
{
    return m_ctx.write([&]() -> Status {
        Query q = m_db.query("UPDATE dataset_items SET split = ?2, updated_at = ?3 WHERE id = ?1;");
        q.bind(1, itemId).bind(2, split.trimmed()).bind(3, isoNow());
        return q.exec();
    });
}

Status DatasetItemStore::mergeItemAttributes(qint64 itemId, const QJsonObject &attributes)
{
    return m_ctx.write([&]() -> Status {
        auto existing = item(itemId);
        if (!existing)
            return existing.error();
        QJsonObject merged = existing->attributes;
        for (auto it = attributes.begin(); it != attributes.end(); ++it) {
            if (it->isNull())
                merged.remove(it.key());
            else
                merged.insert(it.key(), it.value());
        }
        Query q =
            m_db.query("UPDATE dataset_items SET attributes = ?2, updated_at = ?3 WHERE id = ?1;");
        q.bind(1, itemId).bind(2, attributesText(merged)).bind(3, isoNow());
        return q.exec();
    });
}

Status DatasetItemStore::review(qint64 itemId, ItemStatus verdict, const QString &comment,
                                const QString &reviewer)
{
    if (verdict != ItemStatus::Reviewed && verdict != ItemStatus::Rejected)
        return makeError(ErrorCode::Invalid,
                         tr("A review approves (reviewed) or rejects an item."));
    return m_ctx.write([&]() -> Status {
        auto existing = item(itemId);
        if (!existing)
            return existing.error();
        Query q = m_db.query("UPDATE dataset_items SET status = ?2, review_comment = ?3, "
                             "reviewer = ?4, updated_at = ?5 WHERE id = ?1;");
        q.bind(1, itemId)
            .bind(2, toString(verdict))
            .bind(3, comment)
            .bind(4, reviewer.isEmpty() ? m_ctx.author() : reviewer)
            .bind(5, isoNow());
        return q.exec();
    });
}

} // namespace atelier
