#pragma once

#include "core/result.h"
#include "datasets/datasettypes.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace atelier {

class Database;
class Query;

/// How the dataset stores read and write catalog rows: the column lists and the converters
/// between rows and DatasetItem / Annotation. Internal to models/datasets.
namespace datasetrows {

inline constexpr const char *kItemColumns =
    "id, dataset_id, object_hash, text, text_b, source_name, width, height, status, "
    "review_comment, reviewer, dedup_key, position, updated_at, split, attributes";
inline constexpr const char *kAnnotationColumns =
    "id, item_id, author, kind, label, geometry, state, source, created_at, updated_at, "
    "attributes";
/// Rows read at a time when a whole dataset is walked.
inline constexpr int kPage = 500;

/// A stored time: ISO 8601 with or without milliseconds.
QDateTime parseTime(const QString &text);
/// The time stored on an edit: now, UTC, ISO 8601 with milliseconds.
QString isoNow();
QJsonObject attributesFrom(const QString &text);
/// The stored text of attributes (compactJson).
QString attributesText(const QJsonObject &attributes);
/// The stored text of an annotation's attributes, as UTF-8.
QByteArray attributesJson(const QJsonObject &attributes);
/// A DatasetItem from a row selected with kItemColumns.
DatasetItem itemFrom(const Query &q);
/// An Annotation from a row selected with kAnnotationColumns.
Annotation annotationFrom(const Query &q);
/// The JSON array text of \a ids (bound to SQL as json_each's argument).
QString idsJson(const QList<qint64> &ids);
/// Sets the item's status from its annotations: unlabeled becomes labeled once an accepted
/// annotation exists, labeled goes back to unlabeled when none is left.
Status refreshItemStatus(Database &db, qint64 itemId);

} // namespace datasetrows
} // namespace atelier
