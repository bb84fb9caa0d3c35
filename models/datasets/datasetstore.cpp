#include "datasets/datasetstore.h"

#include "catalog/database.h"
#include "datasets/maskrle.h"
#include "core/appsettings.h"
#include "core/compactjson.h"
#include "storage/objectstore.h"
#include "versioning/gitrepository.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>
#include <QScopeGuard>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

constexpr const char *kItemColumns =
    "id, dataset_id, object_hash, text, text_b, source_name, width, height, status, "
    "review_comment, reviewer, dedup_key, position, updated_at, split, attributes";
constexpr const char *kAnnotationColumns =
    "id, item_id, author, kind, label, geometry, state, source, created_at, updated_at, "
    "attributes";
constexpr int kPage = 500;

// Distinct, readable on light and dark backgrounds; label n takes colour n % size.
constexpr std::array kPalette = {"#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4",
                                 "#42d4f4", "#f032e6", "#bfef45", "#469990", "#9a6324",
                                 "#800000", "#808000", "#000075", "#fabed4", "#dcbeff"};

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

QJsonValue parseGeometry(const QString &text)
{
    const QJsonDocument doc = QJsonDocument::fromJson((u"["_s + text + u"]"_s).toUtf8());
    return doc.array().isEmpty() ? QJsonValue() : doc.array().first();
}

/// The stored text of a geometry, as UTF-8.
QByteArray geometryJson(const QJsonValue &value)
{
    return compactJson(value);
}

/// The stored text of an annotation's attributes, as UTF-8.
QByteArray attributesJson(const QJsonObject &attributes)
{
    return compactJson(attributes);
}

enum class PolygonCheck { Ok, Malformed, Outside };

/// A polygon's geometry checked in one walk, without making its points (an import checks
/// 100,000s): every part has at least three [x, y] points of numbers (Malformed first), and
/// with \a w > 0 each lies in the image give or take \a slack (the first that does not in
/// \a outside).
PolygonCheck checkPolygon(const QJsonValue &geometry, double w, double h, double slack,
                          QPointF &outside)
{
    const QJsonArray g = geometry.toArray();
    if (g.isEmpty())
        return PolygonCheck::Malformed;
    // One part: [[x, y], …]; several: [[[x, y], …], …] (as Annotation::parts reads it).
    const bool multi = g.first().toArray().first().isArray();
    bool beyond = false;
    auto ring = [&](const QJsonArray &points) {
        if (points.size() < 3)
            return false;
        for (const QJsonValueConstRef p : points) {
            const QJsonArray xy = p.toArray();
            if (xy.size() != 2 || !xy[0].isDouble() || !xy[1].isDouble())
                return false;
            const double x = xy[0].toDouble();
            const double y = xy[1].toDouble();
            if (!beyond && w > 0 && (x < -slack || y < -slack || x > w + slack || y > h + slack)) {
                beyond = true;
                outside = QPointF(x, y);
            }
        }
        return true;
    };
    if (!multi) {
        if (!ring(g))
            return PolygonCheck::Malformed;
    } else {
        for (const QJsonValueConstRef part : g) {
            if (!ring(part.toArray()))
                return PolygonCheck::Malformed;
        }
    }
    return beyond ? PolygonCheck::Outside : PolygonCheck::Ok;
}

/// Rows in one INSERT of a bulk import: fewer statements (each one opens, journals and halts)
/// without a statement text too long to keep prepared.
constexpr int kInsertChunk = 64;

/// The INSERT of \a rows annotation rows of one item (1 ≤ rows ≤ kInsertChunk): ?1 their
/// time, ?2 their item, then eight parameters a row (id, author, kind, label, geometry,
/// state, source, attributes). The texts are made once: Database keeps each one prepared.
const char *insertRowsSql(int rows)
{
    static const std::array<QByteArray, kInsertChunk + 1> texts = [] {
        std::array<QByteArray, kInsertChunk + 1> made;
        for (int n = 1; n <= kInsertChunk; ++n) {
            QByteArray sql = "INSERT INTO annotations (id, item_id, author, kind, label, "
                             "geometry, state, source, created_at, updated_at, attributes) "
                             "VALUES ";
            for (int r = 0; r < n; ++r) {
                auto p = [&](int k) { return "?" + QByteArray::number(3 + r * 8 + k); };
                sql += (r ? "," : "") + ("(" + p(0)) + ", ?2, " + p(1) + ", " + p(2) + ", " + p(3) +
                       ", " + p(4) + ", " + p(5) + ", " + p(6) + ", ?1, ?1, " + p(7) + ")";
            }
            made[n] = sql + ';';
        }
        return made;
    }();
    return texts[rows].constData();
}

QString geometryText(const QJsonValue &value)
{
    return QString::fromUtf8(geometryJson(value));
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

QString jsonLine(const QJsonObject &object)
{
    return QString::fromUtf8(compactJson(object));
}

qint64 codePoints(const QString &text)
{
    qint64 n = 0;
    for (auto it = text.cbegin(); it != text.cend(); ++it) {
        if (!(it->isLowSurrogate() && it != text.cbegin() && (it - 1)->isHighSurrogate()))
            ++n;
    }
    return n;
}

QJsonObject itemJson(const DatasetItem &item)
{
    QJsonObject o{{u"id"_s, item.id},
                  {u"key"_s, item.dedupKey},
                  {u"source"_s, item.sourceName},
                  {u"status"_s, toString(item.status)}};
    if (!item.objectHash.isEmpty()) {
        o.insert(u"hash"_s, item.objectHash);
        o.insert(u"width"_s, item.width);
        o.insert(u"height"_s, item.height);
    } else {
        o.insert(u"text"_s, item.text);
        if (!item.textB.isEmpty())
            o.insert(u"text_b"_s, item.textB);
    }
    if (!item.reviewer.isEmpty())
        o.insert(u"reviewer"_s, item.reviewer);
    if (!item.reviewComment.isEmpty())
        o.insert(u"review_comment"_s, item.reviewComment);
    if (!item.split.isEmpty())
        o.insert(u"split"_s, item.split);
    if (!item.attributes.isEmpty())
        o.insert(u"attributes"_s, item.attributes);
    return o;
}

DatasetItem itemFromJson(const QJsonObject &o, qint64 datasetId, qint64 position)
{
    DatasetItem item;
    item.id = o.value(u"id"_s).toInteger();
    item.datasetId = datasetId;
    item.dedupKey = o.value(u"key"_s).toString();
    item.sourceName = o.value(u"source"_s).toString();
    item.status =
        itemStatusFromString(o.value(u"status"_s).toString()).value_or(ItemStatus::Unlabeled);
    item.objectHash = o.value(u"hash"_s).toString();
    item.width = o.value(u"width"_s).toInt();
    item.height = o.value(u"height"_s).toInt();
    item.text = o.value(u"text"_s).toString();
    item.textB = o.value(u"text_b"_s).toString();
    item.reviewer = o.value(u"reviewer"_s).toString();
    item.reviewComment = o.value(u"review_comment"_s).toString();
    item.split = o.value(u"split"_s).toString();
    item.attributes = o.value(u"attributes"_s).toObject();
    item.position = position;
    return item;
}

QJsonObject annotationJson(const Annotation &a)
{
    QJsonObject o{{u"item"_s, a.itemId},
            {u"author"_s, a.author},
            {u"kind"_s, toString(a.kind)},
            {u"label"_s, a.label},
            {u"geometry"_s, a.geometry},
            {u"state"_s, toString(a.state)},
            {u"source"_s, a.source},
            {u"created_at"_s, a.createdAt.toString(Qt::ISODateWithMs)},
            {u"updated_at"_s, a.updatedAt.toString(Qt::ISODateWithMs)}};
    if (!a.attributes.isEmpty())
        o.insert(u"attributes"_s, a.attributes);
    return o;
}

Annotation annotationFromJson(const QJsonObject &o)
{
    Annotation a;
    a.itemId = o.value(u"item"_s).toInteger();
    a.author = o.value(u"author"_s).toString();
    a.kind = annotationKindFromString(o.value(u"kind"_s).toString()).value_or(AnnotationKind::Tag);
    a.label = o.value(u"label"_s).toString();
    a.geometry = o.value(u"geometry"_s);
    a.state = annotationStateFromString(o.value(u"state"_s).toString())
                  .value_or(AnnotationState::Accepted);
    a.source = o.value(u"source"_s).toString(u"manual"_s);
    a.createdAt = parseTime(o.value(u"created_at"_s).toString());
    a.updatedAt = parseTime(o.value(u"updated_at"_s).toString());
    a.attributes = o.value(u"attributes"_s).toObject();
    return a;
}

} // namespace

DatasetStore::DatasetStore(Database &db, QString workspaceRoot)
    : m_db(db), m_root(std::move(workspaceRoot)), m_author(AppSettings().annotatorName())
{
}

QString DatasetStore::objectsDir() const
{
    return QDir(m_root).filePath(u"objects"_s);
}

Status DatasetStore::write(const std::function<Status()> &work)
{
    if (m_db.inTransaction())
        return work();
    m_ownTransaction = true;
    const auto forget = qScopeGuard([this] {
        m_ownTransaction = false;
        m_knownLabels.clear();
    });
    return m_db.transaction(work);
}

Status DatasetStore::batch(const std::function<Status()> &work)
{
    return write(work);
}

Status DatasetStore::slices(const std::function<Result<bool>()> &step,
                            const std::function<Status()> &begin)
{
    const bool joined = m_db.inTransaction();
    WriteSlices timing;
    for (bool more = true; more;) {
        Status slice = write([&]() -> Status {
            if (begin) {
                if (auto ok = begin(); !ok)
                    return ok;
            }
            do {
                auto next = step();
                if (!next)
                    return next.error();
                more = next.value();
            } while (more && (joined || !timing.due()));
            return {};
        });
        if (!slice)
            return slice;
        if (more)
            timing.yield();
    }
    return {};
}

Status DatasetStore::commitIfDue(WriteSlices &timing)
{
    if (!m_ownTransaction || !m_db.inTransaction() || !timing.due())
        return {};
    if (auto commit = m_db.execScript("COMMIT;"); !commit)
        return commit;
    timing.yield();
    // Should this fail (the catalog busy past its limit), batch() reports it when its COMMIT
    // finds no transaction: what was committed so far stays, as with slices().
    return m_db.execScript("BEGIN IMMEDIATE;");
}

Status DatasetStore::syncObjects() const
{
    return ObjectStore(objectsDir()).syncAll();
}

// --- datasets -----------------------------------------------------------------------------

Status DatasetStore::validateName(const QString &name)
{
    static const QRegularExpression pattern(u"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"_s);
    if (!pattern.match(name).hasMatch()) {
        return makeError(ErrorCode::Invalid,
                         tr("\"%1\" is not a valid dataset name: use 1 to 64 letters, digits, "
                            "'.', '_' or '-', starting with a letter or digit.")
                             .arg(name));
    }
    return {};
}

Result<DatasetRef> DatasetStore::parseRef(const QString &reference)
{
    DatasetRef ref;
    const qsizetype at = reference.lastIndexOf(u'@');
    ref.name = at < 0 ? reference : reference.left(at);
    if (auto ok = validateName(ref.name); !ok)
        return ok.error();
    if (at >= 0) {
        QString number = reference.mid(at + 1);
        if (number.startsWith(u'v') || number.startsWith(u'V'))
            number.remove(0, 1);
        bool ok = false;
        ref.version = number.toInt(&ok);
        if (!ok || ref.version < 1) {
            return makeError(ErrorCode::Invalid,
                             tr("\"%1\" names no version: write NAME@N with N a version number "
                                "(1, 2, …).")
                                 .arg(reference));
        }
    }
    return ref;
}

Result<DatasetInfo> DatasetStore::createDataset(const QString &name, DatasetTask task,
                                                const DatasetOptions &options,
                                                const QString &description)
{
    if (auto ok = validateName(name); !ok)
        return ok.error();
    qint64 id = 0;
    Status made = write([&]() -> Status {
        Query exists = m_db.query("SELECT 1 FROM datasets WHERE name = ?1;");
        exists.bind(1, name);
        auto found = exists.next();
        if (!found)
            return found.error();
        if (found.value()) {
            return makeError(
                ErrorCode::Conflict,
                tr("A dataset named \"%1\" already exists; choose another name.").arg(name));
        }
        Query q = m_db.query("INSERT INTO datasets (name, media, task, options, description) "
                             "VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id;");
        q.bind(1, name)
            .bind(2, toString(mediaOf(task)))
            .bind(3, toString(task))
            .bind(4,
                  QString::fromUtf8(QJsonDocument(options.toJson()).toJson(QJsonDocument::Compact)))
            .bind(5, description);
        auto row = q.next();
        if (!row)
            return row.error();
        id = q.int64(0);
        return q.exec();
    });
    if (!made)
        return made.error();
    return readDataset(id);
}

Result<DatasetInfo> DatasetStore::readDataset(qint64 id, bool counts)
{
    if (!counts) { // the edits' path: no scan of the items
        Query q = m_db.query("SELECT id, name, media, task, options, description, created_at, "
                             "pending_import FROM datasets WHERE id = ?1;");
        q.bind(1, id);
        auto row = q.next();
        if (!row)
            return row.error();
        if (!row.value())
            return makeError(ErrorCode::NotFound, tr("There is no dataset with id %1.").arg(id));
        DatasetInfo info;
        info.id = q.int64(0);
        info.name = q.text(1);
        info.media = datasetMediaFromString(q.text(2)).value_or(DatasetMedia::Image);
        info.task = datasetTaskFromString(q.text(3)).value_or(DatasetTask::Classification);
        info.options =
            DatasetOptions::fromJson(QJsonDocument::fromJson(q.text(4).toUtf8()).object());
        info.description = q.text(5);
        info.createdAt = parseTime(q.text(6));
        info.pendingImport = pendingImportFrom(q, 7);
        if (auto done = q.exec(); !done)
            return done.error();
        return info;
    }
    Query q = m_db.query(
        "SELECT d.id, d.name, d.media, d.task, d.options, d.description, d.created_at, "
        "(SELECT count(*) FROM dataset_items i WHERE i.dataset_id = d.id), "
        "(SELECT count(*) FROM dataset_items i WHERE i.dataset_id = d.id "
        " AND i.status IN ('labeled', 'reviewed')), "
        "(SELECT coalesce(max(number), 0) FROM dataset_versions v WHERE v.dataset_id = d.id), "
        "d.pending_import FROM datasets d WHERE d.id = ?1;");
    q.bind(1, id);
    auto row = q.next();
    if (!row)
        return row.error();
    if (!row.value())
        return makeError(ErrorCode::NotFound, tr("There is no dataset with id %1.").arg(id));
    DatasetInfo info;
    info.id = q.int64(0);
    info.name = q.text(1);
    info.media = datasetMediaFromString(q.text(2)).value_or(DatasetMedia::Image);
    info.task = datasetTaskFromString(q.text(3)).value_or(DatasetTask::Classification);
    info.options = DatasetOptions::fromJson(QJsonDocument::fromJson(q.text(4).toUtf8()).object());
    info.description = q.text(5);
    info.createdAt = parseTime(q.text(6));
    info.itemCount = q.int64(7);
    info.labeledCount = q.int64(8);
    info.latestVersion = int(q.int64(9));
    info.pendingImport = pendingImportFrom(q, 10);
    if (auto done = q.exec(); !done)
        return done.error();
    return info;
}

Result<QList<DatasetInfo>> DatasetStore::datasets()
{
    QList<qint64> ids;
    Status listed =
        m_db.query("SELECT id FROM datasets ORDER BY name;").forEach([&](const Query &q) {
            ids.append(q.int64(0));
        });
    if (!listed)
        return listed.error();
    QList<DatasetInfo> list;
    for (qint64 id : ids) {
        auto info = readDataset(id);
        if (!info)
            return info.error();
        list.append(info.value());
    }
    return list;
}

Result<DatasetInfo> DatasetStore::dataset(const QString &name)
{
    Query q = m_db.query("SELECT id FROM datasets WHERE name = ?1;");
    q.bind(1, name);
    auto row = q.next();
    if (!row)
        return row.error();
    if (!row.value()) {
        return makeError(ErrorCode::NotFound,
                         tr("There is no dataset named \"%1\"; `atelier dataset list` shows "
                            "them.")
                             .arg(name));
    }
    const qint64 id = q.int64(0);
    if (auto done = q.exec(); !done)
        return done.error();
    return readDataset(id);
}

Result<DatasetInfo> DatasetStore::dataset(qint64 id)
{
    return readDataset(id);
}

Status DatasetStore::setOptions(qint64 datasetId, const DatasetOptions &options)
{
    return write([&]() -> Status {
        Query q = m_db.query("UPDATE datasets SET options = ?2 WHERE id = ?1;");
        q.bind(1, datasetId)
            .bind(2, QString::fromUtf8(
                         QJsonDocument(options.toJson()).toJson(QJsonDocument::Compact)));
        return q.exec();
    });
}

Status DatasetStore::setDescription(qint64 datasetId, const QString &description)
{
    return write([&]() -> Status {
        Query q = m_db.query("UPDATE datasets SET description = ?2 WHERE id = ?1;");
        q.bind(1, datasetId).bind(2, description);
        return q.exec();
    });
}

std::optional<PendingImport> DatasetStore::pendingImportFrom(const Query &q, int column)
{
    if (q.isNull(column))
        return std::nullopt;
    return PendingImport::fromJson(QJsonDocument::fromJson(q.text(column).toUtf8()).object());
}

Status DatasetStore::beginImport(qint64 datasetId, const PendingImport &import)
{
    bool restore = false;
    Status begun = write([&]() -> Status {
        auto info = readDataset(datasetId, false);
        if (!info)
            return info.error();
        if (info->importing()) {
            const PendingImport &other = *info->pendingImport;
            return makeError(
                ErrorCode::Conflict,
                tr("Another import into \"%1\" is running (%2, process %3 on %4, "
                   "since %5); wait for it to finish.")
                    .arg(info->name, other.source)
                    .arg(other.pid)
                    .arg(other.host, other.startedAt.toLocalTime().toString(Qt::ISODate)));
        }
        restore = info->incomplete();
        Query q = m_db.query("UPDATE datasets SET pending_import = ?2 WHERE id = ?1;");
        q.bind(1, datasetId)
            .bind(2,
                  QString::fromUtf8(QJsonDocument(import.toJson()).toJson(QJsonDocument::Compact)));
        return q.exec();
    });
    if (!begun || !restore)
        return begun;
    return restoreItemKeys(datasetId);
}

Status DatasetStore::finishImport(qint64 datasetId)
{
    return write([&]() -> Status {
        Query q = m_db.query("UPDATE datasets SET pending_import = NULL WHERE id = ?1;");
        q.bind(1, datasetId);
        return q.exec();
    });
}

Status DatasetStore::restoreItemKeys(qint64 datasetId)
{
    // A bulk text import writes its items' de-duplication keys after its last item: one that
    // was killed before left items without keys, which a new import would add again. Their
    // keys are put back in slices of ids, each a short transaction.
    Query range = m_db.query("SELECT coalesce(min(id), 0), coalesce(max(id), 0) FROM "
                             "dataset_items WHERE dataset_id = ?1;");
    range.bind(1, datasetId);
    auto row = range.next();
    if (!row)
        return row.error();
    const qint64 first = range.int64(0);
    const qint64 last = range.int64(1);
    if (auto done = range.exec(); !done)
        return done;
    constexpr qint64 kSlice = 20000;
    for (qint64 from = first; first > 0 && from <= last; from += kSlice) {
        Status slice = write([&]() -> Status {
            Query q = m_db.query(
                "INSERT OR IGNORE INTO dataset_item_keys (dataset_id, dedup_key, item_id) "
                "SELECT dataset_id, dedup_key, id FROM dataset_items "
                "WHERE dataset_id = ?1 AND id >= ?2 AND id < ?3 ORDER BY dedup_key;");
            q.bindInt64(1, datasetId).bindInt64(2, from).bindInt64(3, from + kSlice);
            return q.exec();
        });
        if (!slice)
            return slice;
    }
    return {};
}

Status DatasetStore::removeDataset(const QString &name)
{
    auto info = dataset(name);
    if (!info)
        return info.error();
    return write([&]() -> Status {
        Query q = m_db.query("DELETE FROM datasets WHERE id = ?1;");
        q.bind(1, info->id);
        return q.exec();
    });
}

// --- labels -------------------------------------------------------------------------------

Result<QList<DatasetLabel>> DatasetStore::labels(qint64 datasetId)
{
    QList<DatasetLabel> list;
    Query q = m_db.query("SELECT id, name, color, hotkey, position, attributes FROM "
                         "dataset_labels WHERE dataset_id = ?1 ORDER BY position, id;");
    q.bind(1, datasetId);
    Status read = q.forEach([&](const Query &row) {
        list.append({row.int64(0), row.text(1), row.text(2), row.text(3), int(row.int64(4)),
                     attributesFrom(row.text(5))});
    });
    if (!read)
        return read.error();
    return list;
}

Result<DatasetLabel> DatasetStore::addLabel(qint64 datasetId, const QString &name,
                                            const QString &color, const QString &hotkey)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > 100 || trimmed.contains(u'\n')) {
        return makeError(
            ErrorCode::Invalid,
            tr("\"%1\" is not a valid label: use 1 to 100 characters on one line.").arg(name));
    }
    DatasetLabel label;
    Status made = write([&]() -> Status {
        auto existing = labels(datasetId);
        if (!existing)
            return existing.error();
        for (const DatasetLabel &l : existing.value()) {
            if (l.name == trimmed) {
                return makeError(ErrorCode::Conflict,
                                 tr("The label \"%1\" is already in the label set.").arg(trimmed));
            }
            if (!hotkey.isEmpty() && l.hotkey == hotkey) {
                return makeError(
                    ErrorCode::Conflict,
                    tr("The hotkey %1 is already used by the label \"%2\".").arg(hotkey, l.name));
            }
        }
        label.name = trimmed;
        label.position = int(existing->size());
        label.color =
            color.isEmpty()
                ? QString::fromLatin1(kPalette[std::size_t(label.position) % kPalette.size()])
                : color;
        label.hotkey = hotkey;
        Query q = m_db.query("INSERT INTO dataset_labels (dataset_id, name, color, hotkey, "
                             "position) VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id;");
        q.bind(1, datasetId)
            .bind(2, label.name)
            .bind(3, label.color)
            .bind(4, label.hotkey)
            .bind(5, label.position);
        auto row = q.next();
        if (!row)
            return row.error();
        label.id = q.int64(0);
        return q.exec();
    });
    if (!made)
        return made.error();
    return label;
}

Result<DatasetLabel> DatasetStore::ensureLabel(qint64 datasetId, const QString &name)
{
    Query q = m_db.query("SELECT id, name, color, hotkey, position, attributes FROM "
                         "dataset_labels WHERE dataset_id = ?1 AND name = ?2;");
    q.bind(1, datasetId).bind(2, name.trimmed());
    auto row = q.next();
    if (!row)
        return row.error();
    if (row.value()) {
        DatasetLabel label{q.int64(0), q.text(1), q.text(2), q.text(3), int(q.int64(4)),
                           attributesFrom(q.text(5))};
        if (auto done = q.exec(); !done)
            return done.error();
        return label;
    }
    return addLabel(datasetId, name);
}

Status DatasetStore::requireLabel(qint64 datasetId, const QString &name)
{
    if (m_ownTransaction && m_knownLabels.value(datasetId).contains(name))
        return {};
    auto label = ensureLabel(datasetId, name);
    if (!label)
        return label.error();
    if (m_ownTransaction)
        m_knownLabels[datasetId].insert(name);
    return {};
}

Status DatasetStore::renameLabel(qint64 datasetId, const QString &from, const QString &to)
{
    const QString target = to.trimmed();
    if (target.isEmpty() || target.size() > 100 || target.contains(u'\n'))
        return makeError(
            ErrorCode::Invalid,
            tr("\"%1\" is not a valid label: use 1 to 100 characters on one line.").arg(to));
    if (from == target)
        return {};
    m_knownLabels.remove(datasetId);
    return write([&]() -> Status {
        Query clash =
            m_db.query("SELECT 1 FROM dataset_labels WHERE dataset_id = ?1 AND name = ?2;");
        clash.bind(1, datasetId).bind(2, target);
        auto found = clash.next();
        if (!found)
            return found.error();
        if (found.value()) {
            (void)clash.exec();
            return makeError(ErrorCode::Conflict,
                             tr("The label \"%1\" is already in the label set.").arg(target));
        }
        Query q =
            m_db.query("UPDATE dataset_labels SET name = ?3 WHERE dataset_id = ?1 AND name = ?2;");
        q.bind(1, datasetId).bind(2, from).bind(3, target);
        if (auto ok = q.exec(); !ok)
            return ok;
        Query a = m_db.query("UPDATE annotations SET label = ?3, updated_at = ?4 WHERE label = "
                             "?2 AND item_id IN (SELECT id FROM dataset_items WHERE dataset_id "
                             "= ?1);");
        a.bind(1, datasetId).bind(2, from).bind(3, target).bind(4, isoNow());
        return a.exec();
    });
}

Status DatasetStore::setLabelColor(qint64 datasetId, const QString &name, const QString &color)
{
    return write([&]() -> Status {
        Query q =
            m_db.query("UPDATE dataset_labels SET color = ?3 WHERE dataset_id = ?1 AND name = ?2;");
        q.bind(1, datasetId).bind(2, name).bind(3, color);
        return q.exec();
    });
}

Status DatasetStore::setLabelAttributes(qint64 datasetId, const QString &name,
                                        const QJsonObject &attributes)
{
    return write([&]() -> Status {
        Query q = m_db.query(
            "UPDATE dataset_labels SET attributes = ?3 WHERE dataset_id = ?1 AND name = ?2;");
        q.bind(1, datasetId).bind(2, name).bind(3, attributesText(attributes));
        return q.exec();
    });
}

Status DatasetStore::setLabelHotkey(qint64 datasetId, const QString &name, const QString &hotkey)
{
    return write([&]() -> Status {
        if (!hotkey.isEmpty()) {
            Query used = m_db.query("SELECT name FROM dataset_labels WHERE dataset_id = ?1 AND "
                                    "hotkey = ?2 AND name != ?3;");
            used.bind(1, datasetId).bind(2, hotkey).bind(3, name);
            auto row = used.next();
            if (!row)
                return row.error();
            if (row.value()) {
                const QString other = used.text(0);
                (void)used.exec();
                return makeError(
                    ErrorCode::Conflict,
                    tr("The hotkey %1 is already used by the label \"%2\".").arg(hotkey, other));
            }
        }
        Query q = m_db.query(
            "UPDATE dataset_labels SET hotkey = ?3 WHERE dataset_id = ?1 AND name = ?2;");
        q.bind(1, datasetId).bind(2, name).bind(3, hotkey);
        return q.exec();
    });
}

Status DatasetStore::moveLabel(qint64 datasetId, const QString &name, int position)
{
    return write([&]() -> Status {
        auto list = labels(datasetId);
        if (!list)
            return list.error();
        qsizetype from = -1;
        for (qsizetype i = 0; i < list->size(); ++i) {
            if (list->at(i).name == name)
                from = i;
        }
        if (from < 0)
            return makeError(ErrorCode::NotFound,
                             tr("The label \"%1\" is not in the label set.").arg(name));
        const qsizetype to = std::clamp<qsizetype>(position, 0, list->size() - 1);
        list->move(from, to);
        for (qsizetype i = 0; i < list->size(); ++i) {
            Query q = m_db.query("UPDATE dataset_labels SET position = ?2 WHERE id = ?1;");
            q.bind(1, list->at(i).id).bind(2, qint64(i));
            if (auto ok = q.exec(); !ok)
                return ok;
        }
        return {};
    });
}

Status DatasetStore::removeLabel(qint64 datasetId, const QString &name, bool removeAnnotations)
{
    m_knownLabels.remove(datasetId);
    return write([&]() -> Status {
        Query used = m_db.query("SELECT count(*) FROM annotations a JOIN dataset_items i ON "
                                "i.id = a.item_id WHERE i.dataset_id = ?1 AND a.label = ?2;");
        used.bind(1, datasetId).bind(2, name);
        auto row = used.next();
        if (!row)
            return row.error();
        const qint64 count = used.int64(0);
        (void)used.exec();
        if (count > 0 && !removeAnnotations) {
            return makeError(ErrorCode::Conflict,
                             tr("The label \"%1\" is used by %n annotation(s); remove them "
                                "with the label or rename the label instead.",
                                nullptr, int(count))
                                 .arg(name));
        }
        QList<qint64> touched;
        if (count > 0) {
            Query items = m_db.query("SELECT DISTINCT a.item_id FROM annotations a JOIN "
                                     "dataset_items i ON i.id = a.item_id WHERE i.dataset_id = "
                                     "?1 AND a.label = ?2;");
            items.bind(1, datasetId).bind(2, name);
            if (auto ok = items.forEach([&](const Query &q) { touched.append(q.int64(0)); }); !ok)
                return ok;
            Query del = m_db.query("DELETE FROM annotations WHERE label = ?2 AND item_id IN "
                                   "(SELECT id FROM dataset_items WHERE dataset_id = ?1);");
            del.bind(1, datasetId).bind(2, name);
            if (auto ok = del.exec(); !ok)
                return ok;
        }
        Query q = m_db.query("DELETE FROM dataset_labels WHERE dataset_id = ?1 AND name = ?2;");
        q.bind(1, datasetId).bind(2, name);
        if (auto ok = q.exec(); !ok)
            return ok;
        for (qint64 item : touched) {
            if (auto ok = refreshStatus(item); !ok)
                return ok;
        }
        return {};
    });
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

Result<QList<DatasetItem>> DatasetStore::items(qint64 datasetId, const ItemQuery &query)
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

Result<qint64> DatasetStore::countItems(qint64 datasetId, const ItemQuery &query)
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

Result<qint64> DatasetStore::rowOf(qint64 datasetId, qint64 itemId, const ItemQuery &query)
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

Result<QMap<ItemStatus, qint64>> DatasetStore::statusCounts(qint64 datasetId)
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

Result<DatasetItem> DatasetStore::item(qint64 itemId)
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

Result<ImageProbe> DatasetStore::probeImage(const QString &file)
{
    QImageReader reader(file);
    reader.setDecideFormatFromContent(true);
    const QSize size = reader.size();
    if (!reader.canRead() || !size.isValid() || size.isEmpty()) {
        QString why = tr("the file does not exist");
        if (QFileInfo(file).isFile()) {
            why = reader.error() == QImageReader::UnknownError
                      ? tr("damaged, or not in a supported image format")
                      : reader.errorString();
        }
        return makeError(ErrorCode::Invalid, tr("not a readable image (%1)").arg(why));
    }
    ImageProbe probe{size.width(), size.height(), QString::fromLatin1(reader.format())};
    // The header alone does not show a cut-off file: PNG ends with IEND, JPEG with EOI.
    if (probe.format == u"png"_s || probe.format == u"jpeg"_s || probe.format == u"jpg"_s) {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            return makeError(ErrorCode::Io, tr("cannot read the file: %1").arg(f.errorString()));
        const qint64 tail = qMin<qint64>(f.size(), 64);
        f.seek(f.size() - tail);
        const QByteArray end = f.read(tail);
        const bool complete =
            probe.format == u"png"_s ? end.contains("IEND") : end.contains("\xff\xd9");
        if (!complete)
            return makeError(ErrorCode::Invalid,
                             tr("the image is truncated (its end marker is missing)"));
    }
    return probe;
}

Result<AddedItem> DatasetStore::insertItem(qint64 datasetId, DatasetItem item)
{
    AddedItem added;
    Status done = write([&]() -> Status {
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

Result<AddedItem> DatasetStore::addImage(qint64 datasetId, const QString &file,
                                         const QString &sourceName)
{
    auto info = readDataset(datasetId, false);
    if (!info)
        return info.error();
    if (info->media != DatasetMedia::Image)
        return makeError(
            ErrorCode::Invalid,
            tr("The dataset \"%1\" holds text; images cannot be added to it.").arg(info->name));
    auto probe = probeImage(file);
    if (!probe)
        return probe.error();
    // Refused before anything decodes it: a pipeline task would fail on it much later.
    if (const qint64 pixels = qint64(probe->width) * probe->height; pixels > m_maxImagePixels) {
        const QLocale locale;
        return makeError(ErrorCode::Invalid,
                         tr("%1 is %2×%3 pixels (%4), more than the limit of %5 that guards "
                            "against decompression bombs; if the image is genuine, import it "
                            "with a higher limit (--max-image-pixels N)")
                             .arg(QFileInfo(file).fileName())
                             .arg(probe->width)
                             .arg(probe->height)
                             .arg(locale.toString(pixels), locale.toString(m_maxImagePixels)));
    }
    auto stored =
        ObjectStore(objectsDir())
            .put(file, m_deferSync ? ObjectStore::Sync::Deferred : ObjectStore::Sync::EachObject);
    if (!stored)
        return stored.error();
    DatasetItem item;
    item.objectHash = stored->hash;
    item.width = probe->width;
    item.height = probe->height;
    item.dedupKey = stored->hash;
    item.sourceName = sourceName.isEmpty() ? QFileInfo(file).fileName() : sourceName;
    AddedItem added;
    Status done = write([&]() -> Status {
        Query o = m_db.query("INSERT OR IGNORE INTO objects (hash, size) VALUES (?1, ?2);");
        o.bind(1, stored->hash).bind(2, stored->size);
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

Result<AddedItem> DatasetStore::addText(qint64 datasetId, const QString &text, const QString &textB,
                                        const QString &sourceName)
{
    auto info = readDataset(datasetId, false);
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

QString DatasetStore::normalizeText(const QString &text)
{
    QString n = text.normalized(QString::NormalizationForm_C);
    // Most texts have single spaces and no blank at either end: no regular expression then
    // (it dominates a large import).
    bool previousBlank = true;
    bool simple = !n.isEmpty();
    for (const QChar c : std::as_const(n)) {
        const bool blank = c.isSpace() || c.unicode() == 0x180e;
        if (blank && (c.unicode() != u' ' || previousBlank)) {
            simple = false;
            break;
        }
        previousBlank = blank;
    }
    if (simple && !previousBlank)
        return n;
    static const QRegularExpression blanks(u"\\s+"_s);
    n.replace(blanks, u" "_s);
    return n.trimmed();
}

QByteArray DatasetStore::textDedupHash(const QString &text, const QString &textB)
{
    QByteArray data = normalizeText(text).toUtf8();
    if (!textB.isEmpty())
        data += '\x1f' + normalizeText(textB).toUtf8();
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256);
}

QString DatasetStore::textDedupKey(const QString &text, const QString &textB)
{
    return QString::fromLatin1(textDedupHash(text, textB).toHex());
}

Result<std::optional<DatasetItem>> DatasetStore::findItem(qint64 datasetId, const QString &dedupKey)
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

Status DatasetStore::removeItem(qint64 itemId)
{
    return write([&]() -> Status {
        Query q = m_db.query("DELETE FROM dataset_items WHERE id = ?1;");
        q.bind(1, itemId);
        return q.exec();
    });
}

Status DatasetStore::setItemStatus(qint64 itemId, ItemStatus status)
{
    return write([&]() -> Status {
        Query q =
            m_db.query("UPDATE dataset_items SET status = ?2, updated_at = ?3 WHERE id = ?1;");
        q.bind(1, itemId).bind(2, toString(status)).bind(3, isoNow());
        return q.exec();
    });
}

Status DatasetStore::setItemSplit(qint64 itemId, const QString &split)
{
    return write([&]() -> Status {
        Query q =
            m_db.query("UPDATE dataset_items SET split = ?2, updated_at = ?3 WHERE id = ?1;");
        q.bind(1, itemId).bind(2, split.trimmed()).bind(3, isoNow());
        return q.exec();
    });
}

Status DatasetStore::mergeItemAttributes(qint64 itemId, const QJsonObject &attributes)
{
    return write([&]() -> Status {
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
        Query q = m_db.query(
            "UPDATE dataset_items SET attributes = ?2, updated_at = ?3 WHERE id = ?1;");
        q.bind(1, itemId).bind(2, attributesText(merged)).bind(3, isoNow());
        return q.exec();
    });
}

Status DatasetStore::review(qint64 itemId, ItemStatus verdict, const QString &comment,
                            const QString &reviewer)
{
    if (verdict != ItemStatus::Reviewed && verdict != ItemStatus::Rejected)
        return makeError(ErrorCode::Invalid,
                         tr("A review approves (reviewed) or rejects an item."));
    return write([&]() -> Status {
        auto existing = item(itemId);
        if (!existing)
            return existing.error();
        Query q = m_db.query("UPDATE dataset_items SET status = ?2, review_comment = ?3, "
                             "reviewer = ?4, updated_at = ?5 WHERE id = ?1;");
        q.bind(1, itemId)
            .bind(2, toString(verdict))
            .bind(3, comment)
            .bind(4, reviewer.isEmpty() ? m_author : reviewer)
            .bind(5, isoNow());
        return q.exec();
    });
}

Status DatasetStore::touchItem(qint64 itemId)
{
    Query q = m_db.query("UPDATE dataset_items SET updated_at = ?2 WHERE id = ?1;");
    q.bind(1, itemId).bind(2, isoNow());
    return q.exec();
}

Status DatasetStore::refreshStatus(qint64 itemId)
{
    Query q = m_db.query(
        "UPDATE dataset_items SET status = CASE "
        " WHEN status = 'unlabeled' AND EXISTS (SELECT 1 FROM annotations a WHERE a.item_id = "
        "?1 AND a.state = 'accepted') THEN 'labeled' "
        " WHEN status = 'labeled' AND NOT EXISTS (SELECT 1 FROM annotations a WHERE a.item_id = "
        "?1 AND a.state = 'accepted') THEN 'unlabeled' "
        " ELSE status END, updated_at = ?2 WHERE id = ?1;");
    q.bind(1, itemId).bind(2, isoNow());
    return q.exec();
}

// --- annotations --------------------------------------------------------------------------

Result<QList<Annotation>> DatasetStore::annotations(qint64 itemId, const AnnotationFilter &filter)
{
    auto all = annotations(QList<qint64>{itemId}, filter);
    if (!all)
        return all.error();
    return all->value(itemId);
}

Result<QHash<qint64, QList<Annotation>>> DatasetStore::annotations(const QList<qint64> &itemIds,
                                                                   const AnnotationFilter &filter)
{
    QHash<qint64, QList<Annotation>> result;
    if (itemIds.isEmpty())
        return result;
    const QByteArray text =
        "SELECT " + QByteArray(kAnnotationColumns) +
        " FROM annotations WHERE item_id IN (SELECT value FROM json_each(?1)) AND (?2 = '' OR "
        "author = ?2) AND (?3 = '' OR state = ?3) ORDER BY item_id, id;";
    Query q = m_db.query(text.constData());
    q.bind(1, idsJson(itemIds))
        .bind(2, filter.author)
        .bind(3, filter.state ? toString(*filter.state) : QString());
    Status read = q.forEach([&](const Query &row) {
        Annotation a = annotationFrom(row);
        result[a.itemId].append(a);
    });
    if (!read)
        return read.error();
    return result;
}

Result<Annotation> DatasetStore::annotation(qint64 annotationId)
{
    const QByteArray text =
        "SELECT " + QByteArray(kAnnotationColumns) + " FROM annotations WHERE id = ?1;";
    Query q = m_db.query(text.constData());
    q.bind(1, annotationId);
    auto row = q.next();
    if (!row)
        return row.error();
    if (!row.value())
        return makeError(ErrorCode::NotFound,
                         tr("There is no annotation with id %1.").arg(annotationId));
    Annotation a = annotationFrom(q);
    if (auto done = q.exec(); !done)
        return done.error();
    return a;
}

Status DatasetStore::checkAnnotation(const DatasetInfo &dataset, const DatasetItem &item,
                                     Annotation &a, qint64 replacing)
{
    if (a.author.trimmed().isEmpty())
        a.author = m_author;
    if (a.source.isEmpty())
        a.source = u"manual"_s;
    a.itemId = item.id;
    const AnnotationKind expected = annotationKindOf(dataset.task);
    const bool fits = a.kind == expected ||
                      (dataset.task == DatasetTask::Segmentation && a.kind == AnnotationKind::Mask);
    if (!fits) {
        return makeError(
            ErrorCode::Invalid,
            tr("A %1 annotation does not fit the %2 dataset \"%3\" (it takes %4).")
                .arg(toString(a.kind), toString(dataset.task), dataset.name, toString(expected)));
    }
    a.label = a.label.trimmed();
    if (a.label.isEmpty() && !(a.kind == AnnotationKind::Pair && a.score()))
        return makeError(ErrorCode::Invalid, tr("The annotation has no label."));
    const double w = item.width;
    const double h = item.height;
    constexpr double slack = 0.5; // rounding of exported integer pixels
    switch (a.kind) {
    case AnnotationKind::Tag: {
        // A model's tag may carry its confidence: {"score": p, "probabilities": {label: p}}
        // (text-models: active-learning order). Anything else is dropped.
        QJsonObject kept;
        const QJsonObject g = a.geometry.toObject();
        if (g.value(u"score"_s).isDouble())
            kept.insert(u"score"_s, g.value(u"score"_s));
        if (g.value(u"probabilities"_s).isObject())
            kept.insert(u"probabilities"_s, g.value(u"probabilities"_s));
        a.geometry = kept.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(kept);
        break;
    }
    case AnnotationKind::Box: {
        const QJsonArray g = a.geometry.toArray();
        bool numbers = g.size() == 4;
        for (const QJsonValue &v : g)
            numbers = numbers && v.isDouble();
        const QRectF r = a.rect();
        if (!numbers || !(r.width() > 0) || !(r.height() > 0))
            return makeError(ErrorCode::Invalid,
                             tr("A box needs [x, y, width, height] with a positive width and "
                                "height."));
        if (w > 0 && (r.left() < -slack || r.top() < -slack || r.right() > w + slack ||
                      r.bottom() > h + slack)) {
            return makeError(ErrorCode::Invalid,
                             tr("The box [%1, %2, %3, %4] goes outside the %5×%6 image.")
                                 .arg(r.x())
                                 .arg(r.y())
                                 .arg(r.width())
                                 .arg(r.height())
                                 .arg(item.width)
                                 .arg(item.height));
        }
        break;
    }
    case AnnotationKind::Polygon: {
        QPointF outside;
        switch (checkPolygon(a.geometry, w, h, slack, outside)) {
        case PolygonCheck::Malformed:
            return makeError(ErrorCode::Invalid,
                             tr("A polygon needs at least three [x, y] points in each part."));
        case PolygonCheck::Outside:
            return makeError(ErrorCode::Invalid,
                             tr("The polygon point (%1, %2) lies outside the %3×%4 image.")
                                 .arg(outside.x())
                                 .arg(outside.y())
                                 .arg(item.width)
                                 .arg(item.height));
        case PolygonCheck::Ok:
            break;
        }
        break;
    }
    case AnnotationKind::Mask: {
        const auto rle = a.maskRle();
        if (!rle)
            return makeError(ErrorCode::Invalid,
                             tr("A mask needs {\"size\": [height, width], \"counts\": …} whose "
                                "runs cover the whole image."));
        if (item.width > 0 && (rle->width != item.width || rle->height != item.height))
            return makeError(ErrorCode::Invalid,
                             tr("The %1×%2 mask does not match the %3×%4 image.")
                                 .arg(rle->width)
                                 .arg(rle->height)
                                 .arg(item.width)
                                 .arg(item.height));
        a.geometry = rle->toJson(); // one stored form: the compressed counts
        break;
    }
    case AnnotationKind::Span: {
        const qint64 start = a.spanStart();
        const qint64 end = a.spanEnd();
        const qint64 length = codePoints(item.text);
        if (start < 0 || end <= start || end > length)
            return makeError(ErrorCode::Invalid,
                             tr("The span [%1, %2) is not inside the text (%3 characters).")
                                 .arg(start)
                                 .arg(end)
                                 .arg(length));
        {
            QJsonObject g{{u"start"_s, start}, {u"end"_s, end}};
            if (a.geometry.toObject().value(u"score"_s).isDouble()) // a model's confidence
                g.insert(u"score"_s, a.geometry.toObject().value(u"score"_s));
            a.geometry = g;
        }
        if (!dataset.options.overlappingSpans && a.state != AnnotationState::Rejected) {
            auto others = annotations(item.id, AnnotationFilter{a.author, std::nullopt});
            if (!others)
                return others.error();
            for (const Annotation &o : others.value()) {
                if (o.id == replacing || o.state == AnnotationState::Rejected)
                    continue;
                if (o.spanStart() < end && start < o.spanEnd())
                    return makeError(ErrorCode::Conflict,
                                     tr("The span [%1, %2) overlaps \"%3\" [%4, %5); this "
                                        "dataset does not allow overlapping spans.")
                                         .arg(start)
                                         .arg(end)
                                         .arg(o.label)
                                         .arg(o.spanStart())
                                         .arg(o.spanEnd()));
            }
        }
        break;
    }
    case AnnotationKind::Pair: {
        const auto score = a.score();
        if (a.geometry.isDouble() && (!score || *score < 0.0 || *score > 1.0))
            return makeError(ErrorCode::Invalid, tr("A pair score must lie between 0 and 1."));
        if (!a.geometry.isDouble() && !a.geometry.isNull() && !a.geometry.isUndefined())
            return makeError(ErrorCode::Invalid, tr("A pair score must be a number."));
        if (dataset.options.pairScore && !score)
            return makeError(ErrorCode::Invalid,
                             tr("This dataset scores pairs from 0 to 1; the score is missing."));
        if (!score)
            a.geometry = QJsonValue(QJsonValue::Null);
        break;
    }
    }
    if ((a.kind == AnnotationKind::Tag || a.kind == AnnotationKind::Pair) &&
        !dataset.options.multiLabel && a.state == AnnotationState::Accepted) {
        auto others = annotations(item.id, AnnotationFilter{a.author, AnnotationState::Accepted});
        if (!others)
            return others.error();
        for (const Annotation &o : others.value()) {
            if (o.id != replacing)
                return makeError(ErrorCode::Conflict,
                                 tr("This dataset takes one label per item and %1 already gave "
                                    "\"%2\"; change that label instead.")
                                     .arg(a.author, o.label));
        }
    }
    if (!a.label.isEmpty())
        return requireLabel(dataset.id, a.label);
    return {};
}

Result<Annotation> DatasetStore::insertAnnotation(const DatasetInfo &dataset,
                                                  const DatasetItem &item, Annotation a,
                                                  InsertRun &run)
{
    if (auto ok = checkAnnotation(dataset, item, a, 0); !ok)
        return ok.error();
    // No RETURNING: SQLite buffers its rows in a temporary table opened per statement, which
    // costs more than the insert itself in a bulk import.
    Query q = m_db.query("INSERT INTO annotations (id, item_id, author, kind, label, geometry, "
                         "state, source, created_at, updated_at, attributes) VALUES (?10, ?1, "
                         "?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?9);");
    q.bindInt64(1, item.id)
        .bind(2, a.author)
        .bind(3, toString(a.kind))
        .bind(4, a.label)
        .bindUtf8(5, geometryJson(a.geometry))
        .bind(6, toString(a.state))
        .bind(7, a.source)
        .bind(8, run.time)
        .bindUtf8(9, attributesJson(a.attributes))
        .bindInt64(10, run.lastId + 1);
    if (auto ok = q.exec(); !ok)
        return ok.error();
    a.id = ++run.lastId;
    a.createdAt = a.updatedAt = run.dateTime;
    return a; // the caller refreshes the item's status once, after its last insert
}

Result<DatasetStore::InsertRun> DatasetStore::startInserts()
{
    InsertRun run;
    run.time = isoNow();
    run.dateTime = parseTime(run.time);
    // The rows are numbered here, as SQLite would (the highest id + 1): reading each new id
    // back would cost a statement per row. The transaction keeps other writers out meanwhile.
    Query last = m_db.query("SELECT coalesce(max(id), 0) FROM annotations;");
    auto row = last.next();
    if (!row)
        return row.error();
    run.lastId = last.int64(0);
    if (auto done = last.exec(); !done)
        return done.error();
    return run;
}

Result<Annotation> DatasetStore::addAnnotation(qint64 itemId, Annotation annotation)
{
    auto added = addAnnotations(itemId, {annotation});
    if (!added)
        return added.error();
    return added->first();
}

Result<QList<Annotation>> DatasetStore::addAnnotations(qint64 itemId,
                                                       const QList<Annotation> &annotations)
{
    QList<Annotation> added;
    Status done = write([&]() -> Status {
        auto it = item(itemId);
        if (!it)
            return it.error();
        auto info = readDataset(it->datasetId, false);
        if (!info)
            return info.error();
        auto run = startInserts(); // the annotations added together share its time
        if (!run)
            return run.error();
        for (const Annotation &a : annotations) {
            auto made = insertAnnotation(info.value(), it.value(), a, run.value());
            if (!made)
                return made.error();
            added.append(made.value());
        }
        return added.isEmpty() ? Status{} : refreshStatus(itemId);
    });
    if (!done)
        return done.error();
    return added;
}

/// A refusal by the rules (the others go on) or the catalog failing (all stop).
static bool stopsAll(const Error &error)
{
    return error.code == ErrorCode::Io || error.code == ErrorCode::Internal ||
           error.code == ErrorCode::Corrupt;
}

Status DatasetStore::insertShapes(const DatasetInfo &dataset, const DatasetItem &item,
                                  const QList<Annotation> &annotations, InsertRun &run,
                                  QList<Result<Annotation>> &results)
{
    // Boxes, polygons and masks are checked against the item alone, not against the other
    // annotations, so all are checked first and the accepted ones go in kInsertChunk rows a
    // statement, numbered in order as one by one would number them.
    QList<qsizetype> accepted;
    accepted.reserve(annotations.size());
    for (const Annotation &given : annotations) {
        Annotation a = given;
        if (auto ok = checkAnnotation(dataset, item, a, 0); !ok) {
            if (stopsAll(ok.error()))
                return ok.error();
            results.append(ok.error());
            continue;
        }
        accepted.append(results.size());
        results.append(std::move(a));
    }
    for (qsizetype at = 0; at < accepted.size(); at += kInsertChunk) {
        const int rows = int(std::min<qsizetype>(kInsertChunk, accepted.size() - at));
        Query q = m_db.query(insertRowsSql(rows));
        q.bind(1, run.time).bindInt64(2, item.id);
        for (int r = 0; r < rows; ++r) {
            const Annotation &a = results[accepted[at + r]].value();
            const int p = 3 + r * 8;
            q.bindInt64(p, run.lastId + 1 + r)
                .bind(p + 1, a.author)
                .bind(p + 2, toString(a.kind))
                .bind(p + 3, a.label)
                .bindUtf8(p + 4, geometryJson(a.geometry))
                .bind(p + 5, toString(a.state))
                .bind(p + 6, a.source)
                .bindUtf8(p + 7, attributesJson(a.attributes));
        }
        if (q.exec()) {
            for (int r = 0; r < rows; ++r) {
                Annotation &a = results[accepted[at + r]].value();
                a.id = ++run.lastId;
                a.createdAt = a.updatedAt = run.dateTime;
            }
            continue;
        }
        // The statement failed as a whole and left nothing: its rows one by one, each with
        // its own outcome, as without the chunks.
        for (int r = 0; r < rows; ++r) {
            const qsizetype i = accepted[at + r];
            auto made = insertAnnotation(dataset, item, annotations[i], run);
            if (!made && stopsAll(made.error()))
                return made.error();
            results[i] = std::move(made);
        }
    }
    return {};
}

Result<QList<Result<Annotation>>>
DatasetStore::addAnnotationsLenient(qint64 itemId, const QList<Annotation> &annotations)
{
    QList<Result<Annotation>> results;
    Status done = write([&]() -> Status {
        auto it = item(itemId);
        if (!it)
            return it.error();
        auto info = readDataset(it->datasetId, false);
        if (!info)
            return info.error();
        results.reserve(annotations.size());
        auto run = startInserts(); // the annotations added together share its time
        if (!run)
            return run.error();
        if (info->task == DatasetTask::Detection || info->task == DatasetTask::Segmentation) {
            if (auto ok = insertShapes(info.value(), it.value(), annotations, run.value(), results);
                !ok)
                return ok;
            const bool added = std::any_of(results.cbegin(), results.cend(),
                                           [](const Result<Annotation> &r) { return r.ok(); });
            return added ? refreshStatus(itemId) : Status{};
        }
        bool added = false;
        for (const Annotation &a : annotations) {
            auto made = insertAnnotation(info.value(), it.value(), a, run.value());
            if (!made) {
                // The rules refused it: the others still go in. The catalog failing stops all.
                const ErrorCode code = made.error().code;
                if (code == ErrorCode::Io || code == ErrorCode::Internal ||
                    code == ErrorCode::Corrupt)
                    return made.error();
            }
            added = added || made.ok();
            results.append(std::move(made));
        }
        return added ? refreshStatus(itemId) : Status{};
    });
    if (!done)
        return done.error();
    return results;
}

Result<Annotation> DatasetStore::updateAnnotation(const Annotation &annotation)
{
    Annotation a = annotation;
    Status done = write([&]() -> Status {
        auto old = this->annotation(annotation.id);
        if (!old)
            return old.error();
        auto it = item(old->itemId);
        if (!it)
            return it.error();
        auto info = readDataset(it->datasetId, false);
        if (!info)
            return info.error();
        if (a.author.isEmpty())
            a.author = old->author;
        if (auto ok = checkAnnotation(info.value(), it.value(), a, a.id); !ok)
            return ok;
        const QString now = isoNow();
        Query q = m_db.query("UPDATE annotations SET author = ?2, label = ?3, geometry = ?4, "
                             "state = ?5, source = ?6, updated_at = ?7, attributes = ?8 "
                             "WHERE id = ?1;");
        q.bind(1, a.id)
            .bind(2, a.author)
            .bind(3, a.label)
            .bind(4, geometryText(a.geometry))
            .bind(5, toString(a.state))
            .bind(6, a.source)
            .bind(7, now)
            .bind(8, attributesText(a.attributes));
        if (auto ok = q.exec(); !ok)
            return ok;
        a.createdAt = old->createdAt;
        a.updatedAt = parseTime(now);
        return refreshStatus(it->id);
    });
    if (!done)
        return done.error();
    return a;
}

Status DatasetStore::removeAnnotation(qint64 annotationId)
{
    return write([&]() -> Status {
        auto old = annotation(annotationId);
        if (!old)
            return old.error();
        Query q = m_db.query("DELETE FROM annotations WHERE id = ?1;");
        q.bind(1, annotationId);
        if (auto ok = q.exec(); !ok)
            return ok;
        return refreshStatus(old->itemId);
    });
}

Result<QList<Annotation>> DatasetStore::setTags(qint64 itemId, const QStringList &labels,
                                                const QString &author)
{
    const QString who = author.isEmpty() ? m_author : author;
    QList<Annotation> result;
    Status done = write([&]() -> Status {
        auto it = item(itemId);
        if (!it)
            return it.error();
        auto info = readDataset(it->datasetId, false);
        if (!info)
            return info.error();
        QStringList unique;
        for (const QString &l : labels) {
            if (!unique.contains(l.trimmed()))
                unique.append(l.trimmed());
        }
        if (unique.size() > 1 && !info->options.multiLabel)
            return makeError(ErrorCode::Invalid,
                             tr("The dataset \"%1\" takes one label per item; %2 were given.")
                                 .arg(info->name)
                                 .arg(unique.size()));
        Query del = m_db.query("DELETE FROM annotations WHERE item_id = ?1 AND author = ?2 AND "
                               "state = 'accepted';");
        del.bind(1, itemId).bind(2, who);
        if (auto ok = del.exec(); !ok)
            return ok;
        auto run = startInserts();
        if (!run)
            return run.error();
        for (const QString &label : unique) {
            Annotation a =
                info->task == DatasetTask::Pairs ? Annotation::pair(label) : Annotation::tag(label);
            a.author = who;
            auto made = insertAnnotation(info.value(), it.value(), a, run.value());
            if (!made)
                return made.error();
            result.append(made.value());
        }
        return refreshStatus(itemId);
    });
    if (!done)
        return done.error();
    return result;
}

Result<Annotation> DatasetStore::acceptSuggestion(qint64 annotationId, const QString &author)
{
    const QString who = author.isEmpty() ? m_author : author;
    Annotation result;
    Status done = write([&]() -> Status {
        auto old = annotation(annotationId);
        if (!old)
            return old.error();
        auto it = item(old->itemId);
        if (!it)
            return it.error();
        auto info = readDataset(it->datasetId, false);
        if (!info)
            return info.error();
        // Single label: accepting a suggestion replaces the person's tag.
        if ((old->kind == AnnotationKind::Tag || old->kind == AnnotationKind::Pair) &&
            !info->options.multiLabel) {
            Query del = m_db.query("DELETE FROM annotations WHERE item_id = ?1 AND author = ?2 "
                                   "AND state = 'accepted' AND id != ?3;");
            del.bind(1, old->itemId).bind(2, who).bind(3, annotationId);
            if (auto ok = del.exec(); !ok)
                return ok;
        }
        Annotation a = old.value();
        a.state = AnnotationState::Accepted;
        a.author = who;
        auto updated = updateAnnotation(a);
        if (!updated)
            return updated.error();
        result = updated.value();
        return {};
    });
    if (!done)
        return done.error();
    return result;
}

Status DatasetStore::rejectSuggestion(qint64 annotationId, const QString &author)
{
    return write([&]() -> Status {
        auto old = annotation(annotationId);
        if (!old)
            return old.error();
        Query q = m_db.query("UPDATE annotations SET state = 'rejected', author = ?2, "
                             "updated_at = ?3 WHERE id = ?1;");
        q.bind(1, annotationId).bind(2, author.isEmpty() ? m_author : author).bind(3, isoNow());
        if (auto ok = q.exec(); !ok)
            return ok;
        return refreshStatus(old->itemId);
    });
}

Result<QList<Annotation>> DatasetStore::replaceSuggestions(qint64 itemId, const QString &source,
                                                           const QList<Annotation> &suggestions)
{
    QList<Annotation> added;
    Status done = write([&]() -> Status {
        Query del = m_db.query("DELETE FROM annotations WHERE item_id = ?1 AND source = ?2 AND "
                               "state = 'suggested';");
        del.bind(1, itemId).bind(2, source);
        if (auto ok = del.exec(); !ok)
            return ok;
        QList<Annotation> list = suggestions;
        for (Annotation &a : list) {
            a.state = AnnotationState::Suggested;
            a.source = source;
            if (a.author.isEmpty())
                a.author = source;
        }
        auto made = addAnnotations(itemId, list);
        if (!made)
            return made.error();
        added = made.value();
        return {};
    });
    if (!done)
        return done.error();
    return added;
}

Result<QStringList> DatasetStore::authors(qint64 datasetId)
{
    QStringList list;
    Query q = m_db.query("SELECT DISTINCT a.author FROM annotations a JOIN dataset_items i ON "
                         "i.id = a.item_id WHERE i.dataset_id = ?1 ORDER BY a.author;");
    q.bind(1, datasetId);
    Status read = q.forEach([&](const Query &row) { list.append(row.text(0)); });
    if (!read)
        return read.error();
    return list;
}

Result<QList<LabelCount>> DatasetStore::labelDistribution(qint64 datasetId)
{
    auto set = labels(datasetId);
    if (!set)
        return set.error();
    QList<LabelCount> list;
    for (const DatasetLabel &l : set.value())
        list.append({l.name, 0, 0});
    Query q = m_db.query("SELECT a.label, count(*), count(DISTINCT a.item_id) FROM annotations a "
                         "JOIN dataset_items i ON i.id = a.item_id WHERE i.dataset_id = ?1 AND "
                         "a.state = 'accepted' GROUP BY a.label ORDER BY a.label;");
    q.bind(1, datasetId);
    Status read = q.forEach([&](const Query &row) {
        const QString label = row.text(0);
        auto it = std::find_if(list.begin(), list.end(),
                               [&](const LabelCount &c) { return c.label == label; });
        if (it == list.end())
            list.append({label, row.int64(1), row.int64(2)});
        else {
            it->annotations = row.int64(1);
            it->items = row.int64(2);
        }
    });
    if (!read)
        return read.error();
    return list;
}

// --- whole dataset, versions ---------------------------------------------------------------

Status DatasetStore::forEachItem(
    qint64 datasetId,
    const std::function<bool(const DatasetItem &, const QList<Annotation> &)> &visit,
    const AnnotationFilter &filter)
{
    qint64 after = -1;
    for (;;) {
        QList<DatasetItem> page;
        const QByteArray text = "SELECT " + QByteArray(kItemColumns) +
                                " FROM dataset_items WHERE dataset_id = ?1 AND position > ?2 "
                                "ORDER BY position LIMIT ?3;";
        Query q = m_db.query(text.constData());
        q.bind(1, datasetId).bind(2, after).bind(3, kPage);
        if (auto ok = q.forEach([&](const Query &row) { page.append(itemFrom(row)); }); !ok)
            return ok;
        if (page.isEmpty())
            return {};
        QList<qint64> ids;
        for (const DatasetItem &i : page)
            ids.append(i.id);
        auto notes = annotations(ids, filter);
        if (!notes)
            return notes.error();
        for (const DatasetItem &i : page) {
            if (!visit(i, notes->value(i.id)))
                return {};
        }
        after = page.last().position;
    }
}

Result<DatasetSnapshot> DatasetStore::snapshot(const QString &name, int version)
{
    auto info = dataset(name);
    if (!info)
        return info.error();
    DatasetSnapshot snap;
    snap.objectsDir = objectsDir();
    if (version == 0) {
        snap.dataset = info.value();
        auto set = labels(info->id);
        if (!set)
            return set.error();
        snap.labels = set.value();
        Status read =
            forEachItem(info->id, [&](const DatasetItem &item, const QList<Annotation> &notes) {
                snap.items.append({item, notes});
                return true;
            });
        if (!read)
            return read.error();
        return snap;
    }
    auto record = this->version(name, version);
    if (!record)
        return record.error();
    auto repo = GitRepository::open(QDir(m_root).filePath(u"repo"_s));
    if (!repo)
        return repo.error();
    const QString dir = u"labels/"_s + name + u'/';
    auto read = [&](const QString &file) { return repo->readFile(record->commitId, dir + file); };
    auto meta = read(u"dataset.json"_s);
    auto labelsJson = read(u"labels.json"_s);
    auto itemsJsonl = read(u"items.jsonl"_s);
    auto notesJsonl = read(u"annotations.jsonl"_s);
    for (const auto *r : {&meta, &labelsJson, &itemsJsonl, &notesJsonl}) {
        if (!*r)
            return makeError(ErrorCode::Corrupt,
                             tr("Version %1 of \"%2\" cannot be read from repo/ (commit %3): %4")
                                 .arg(version)
                                 .arg(name, record->commitId, r->error().message));
    }
    const QJsonObject m = QJsonDocument::fromJson(meta.value()).object();
    snap.dataset = info.value();
    snap.dataset.task = datasetTaskFromString(m.value(u"task"_s).toString()).value_or(info->task);
    snap.dataset.media = mediaOf(snap.dataset.task);
    snap.dataset.options = DatasetOptions::fromJson(m.value(u"options"_s).toObject());
    snap.dataset.description = m.value(u"description"_s).toString();
    snap.version = version;
    snap.commitId = record->commitId;
    int position = 0;
    for (const QJsonValue &v : QJsonDocument::fromJson(labelsJson.value()).array()) {
        const QJsonObject o = v.toObject();
        snap.labels.append({0, o.value(u"name"_s).toString(), o.value(u"color"_s).toString(),
                            o.value(u"hotkey"_s).toString(), position++,
                            o.value(u"attributes"_s).toObject()});
    }
    QHash<qint64, qsizetype> index;
    qint64 itemPosition = 0;
    for (const QByteArray &line : itemsJsonl->split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        DatasetItem item = itemFromJson(o, info->id, ++itemPosition);
        index.insert(item.id, snap.items.size());
        snap.items.append({item, {}});
    }
    for (const QByteArray &line : notesJsonl->split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        Annotation a = annotationFromJson(QJsonDocument::fromJson(line).object());
        if (auto at = index.find(a.itemId); at != index.end())
            snap.items[*at].annotations.append(a);
    }
    snap.dataset.itemCount = snap.items.size();
    return snap;
}

Result<DatasetVersion> DatasetStore::createVersion(const QString &name, const QString &message,
                                                   const QString &author)
{
    auto snap = snapshot(name, 0);
    if (!snap)
        return snap.error();
    const QString who = author.isEmpty() ? m_author : author;
    const int number = snap->dataset.latestVersion + 1;

    QJsonObject labelCounts;
    qint64 accepted = 0;
    qint64 suggested = 0;
    qint64 labeled = 0;
    qint64 reviewed = 0;
    qint64 rejected = 0;
    QSet<QString> authors;
    QByteArray items;
    QByteArray notes;
    for (const DatasetLabel &l : snap->labels)
        labelCounts.insert(l.name, 0);
    for (const SnapshotItem &s : snap->items) {
        items += jsonLine(itemJson(s.item)).toUtf8() + '\n';
        labeled += s.item.status == ItemStatus::Labeled || s.item.status == ItemStatus::Reviewed;
        reviewed += s.item.status == ItemStatus::Reviewed;
        rejected += s.item.status == ItemStatus::Rejected;
        for (const Annotation &a : s.annotations) {
            notes += jsonLine(annotationJson(a)).toUtf8() + '\n';
            if (a.state == AnnotationState::Accepted) {
                ++accepted;
                labelCounts.insert(a.label, labelCounts.value(a.label).toInteger() + 1);
                authors.insert(a.author);
            } else if (a.state == AnnotationState::Suggested) {
                ++suggested;
            }
        }
    }
    QJsonArray labelArray;
    for (const DatasetLabel &l : snap->labels) {
        QJsonObject o{{u"name"_s, l.name}, {u"color"_s, l.color}, {u"hotkey"_s, l.hotkey}};
        if (!l.attributes.isEmpty())
            o.insert(u"attributes"_s, l.attributes);
        labelArray.append(o);
    }
    const QJsonObject counts{{u"items"_s, qint64(snap->items.size())},
                             {u"labeled"_s, labeled},
                             {u"reviewed"_s, reviewed},
                             {u"rejected"_s, rejected},
                             {u"annotations"_s, accepted},
                             {u"suggested"_s, suggested},
                             {u"authors"_s, qint64(authors.size())},
                             {u"labels"_s, labelCounts}};
    const QJsonObject meta{{u"format"_s, 1},
                           {u"name"_s, name},
                           {u"media"_s, toString(snap->dataset.media)},
                           {u"task"_s, toString(snap->dataset.task)},
                           {u"options"_s, snap->dataset.options.toJson()},
                           {u"description"_s, snap->dataset.description},
                           {u"version"_s, number},
                           {u"message"_s, message},
                           {u"counts"_s, counts}};
    const QString dir = u"labels/"_s + name + u'/';
    QMap<QString, QByteArray> files;
    files.insert(dir + u"dataset.json"_s, QJsonDocument(meta).toJson(QJsonDocument::Indented));
    files.insert(dir + u"labels.json"_s, QJsonDocument(labelArray).toJson(QJsonDocument::Indented));
    files.insert(dir + u"items.jsonl"_s, items);
    files.insert(dir + u"annotations.jsonl"_s, notes);

    auto repo = GitRepository::open(QDir(m_root).filePath(u"repo"_s));
    if (!repo)
        return repo.error();
    const QString summary =
        message.trimmed().isEmpty()
            ? tr("Dataset %1: version %2").arg(name).arg(number)
            : tr("Dataset %1: version %2 — %3").arg(name).arg(number).arg(message.trimmed());
    auto commit = repo->commit(files, summary, GitSignature{who, who + u"@atelier.local"_s});
    if (!commit)
        return commit.error();
    Status recorded = write([&]() -> Status {
        Query q = m_db.query("INSERT INTO dataset_versions (dataset_id, number, message, "
                             "commit_id, counts, created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6);");
        q.bind(1, snap->dataset.id)
            .bind(2, number)
            .bind(3, message)
            .bind(4, commit.value())
            .bind(5, jsonLine(counts))
            .bind(6, who);
        return q.exec();
    });
    if (!recorded)
        return recorded.error();
    return version(name, number);
}

Result<QList<DatasetVersion>> DatasetStore::versions(const QString &name)
{
    auto info = dataset(name);
    if (!info)
        return info.error();
    QList<DatasetVersion> list;
    Query q = m_db.query("SELECT number, message, commit_id, counts, created_by, created_at FROM "
                         "dataset_versions WHERE dataset_id = ?1 ORDER BY number;");
    q.bind(1, info->id);
    Status read = q.forEach([&](const Query &row) {
        DatasetVersion v;
        v.datasetId = info->id;
        v.dataset = name;
        v.number = int(row.int64(0));
        v.message = row.text(1);
        v.commitId = row.text(2);
        v.counts = QJsonDocument::fromJson(row.text(3).toUtf8()).object();
        v.createdBy = row.text(4);
        v.createdAt = parseTime(row.text(5));
        list.append(v);
    });
    if (!read)
        return read.error();
    return list;
}

Result<DatasetVersion> DatasetStore::version(const QString &name, int number)
{
    auto all = versions(name);
    if (!all)
        return all.error();
    for (const DatasetVersion &v : all.value()) {
        if (v.number == number)
            return v;
    }
    return makeError(ErrorCode::NotFound,
                     tr("The dataset \"%1\" has no version %2; `atelier dataset show %1` lists "
                        "its versions.")
                         .arg(name)
                         .arg(number));
}

} // namespace atelier
