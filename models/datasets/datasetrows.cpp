#include "datasets/datasetrows.h"

#include "catalog/database.h"
#include "core/compactjson.h"
#include "datasets/annotationgeometry.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace atelier::datasetrows {

using geometrytext::parseGeometry;

QDateTime parseTime(const QString &text)
{
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(text, Qt::ISODate);
    return t;
}

QString isoNow()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QJsonObject attributesFrom(const QString &text)
{
    if (text.isEmpty() || text == u"{}"_s)
        return {};
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

QString attributesText(const QJsonObject &attributes)
{
    return QString::fromUtf8(compactJson(attributes));
}

DatasetItem itemFrom(const Query &q)
{
    DatasetItem item;
    item.id = q.int64(0);
    item.datasetId = q.int64(1);
    item.objectHash = q.text(2);
    item.text = q.text(3);
    item.textB = q.text(4);
    item.sourceName = q.text(5);
    item.width = int(q.int64(6));
    item.height = int(q.int64(7));
    item.status = itemStatusFromString(q.text(8)).value_or(ItemStatus::Unlabeled);
    item.reviewComment = q.text(9);
    item.reviewer = q.text(10);
    item.dedupKey = q.text(11);
    item.position = q.int64(12);
    item.updatedAt = parseTime(q.text(13));
    item.split = q.text(14);
    item.attributes = attributesFrom(q.text(15));
    return item;
}

/// The stored text of an annotation's attributes, as UTF-8.
QByteArray attributesJson(const QJsonObject &attributes)
{
    return compactJson(attributes);
}

Annotation annotationFrom(const Query &q)
{
    Annotation a;
    a.id = q.int64(0);
    a.itemId = q.int64(1);
    a.author = q.text(2);
    a.kind = annotationKindFromString(q.text(3)).value_or(AnnotationKind::Tag);
    a.label = q.text(4);
    a.geometry = parseGeometry(q.text(5));
    a.state = annotationStateFromString(q.text(6)).value_or(AnnotationState::Accepted);
    a.source = q.text(7);
    a.createdAt = parseTime(q.text(8));
    a.updatedAt = parseTime(q.text(9));
    a.attributes = attributesFrom(q.text(10));
    return a;
}

QString idsJson(const QList<qint64> &ids)
{
    QJsonArray array;
    for (qint64 id : ids)
        array.append(id);
    return QString::fromUtf8(compactJson(array));
}

Status refreshItemStatus(Database &db, qint64 itemId)
{
    Query q = db.query(
        "UPDATE dataset_items SET status = CASE "
        " WHEN status = 'unlabeled' AND EXISTS (SELECT 1 FROM annotations a WHERE a.item_id = "
        "?1 AND a.state = 'accepted') THEN 'labeled' "
        " WHEN status = 'labeled' AND NOT EXISTS (SELECT 1 FROM annotations a WHERE a.item_id = "
        "?1 AND a.state = 'accepted') THEN 'unlabeled' "
        " ELSE status END, updated_at = ?2 WHERE id = ?1;");
    q.bind(1, itemId).bind(2, isoNow());
    return q.exec();
}

} // namespace atelier::datasetrows
