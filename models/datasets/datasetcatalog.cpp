#include "datasets/datasetcatalog.h"

#include "catalog/database.h"
#include "core/compactjson.h"
#include "datasets/datasetcontext.h"
#include "datasets/datasetrows.h"

#include <QJsonDocument>
#include <QRegularExpression>

#include <array>

using namespace Qt::StringLiterals;

namespace atelier {

using namespace datasetrows;

namespace {

// Distinct, readable on light and dark backgrounds; label n takes colour n % size.
constexpr std::array kPalette = {"#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4",
                                 "#42d4f4", "#f032e6", "#bfef45", "#469990", "#9a6324",
                                 "#800000", "#808000", "#000075", "#fabed4", "#dcbeff"};

} // namespace

DatasetCatalog::DatasetCatalog(DatasetContext &context) : m_ctx(context), m_db(context.db()) {}

// --- datasets -----------------------------------------------------------------------------

Status DatasetCatalog::validateName(const QString &name)
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

Result<DatasetRef> DatasetCatalog::parseRef(const QString &reference)
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

Result<DatasetInfo> DatasetCatalog::createDataset(const QString &name, DatasetTask task,
                                                  const DatasetOptions &options,
                                                  const QString &description)
{
    if (auto ok = validateName(name); !ok)
        return ok.error();
    qint64 id = 0;
    Status made = m_ctx.write([&]() -> Status {
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
            .bind(4, QString::fromUtf8(compactJson(options.toJson())))
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

Result<DatasetInfo> DatasetCatalog::readDataset(qint64 id, bool counts)
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

Result<QList<DatasetInfo>> DatasetCatalog::datasets()
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

Result<DatasetInfo> DatasetCatalog::dataset(const QString &name)
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

Result<DatasetInfo> DatasetCatalog::dataset(qint64 id)
{
    return readDataset(id);
}

Status DatasetCatalog::setOptions(qint64 datasetId, const DatasetOptions &options)
{
    return m_ctx.write([&]() -> Status {
        Query q = m_db.query("UPDATE datasets SET options = ?2 WHERE id = ?1;");
        q.bind(1, datasetId).bind(2, QString::fromUtf8(compactJson(options.toJson())));
        return q.exec();
    });
}

Status DatasetCatalog::setDescription(qint64 datasetId, const QString &description)
{
    return m_ctx.write([&]() -> Status {
        Query q = m_db.query("UPDATE datasets SET description = ?2 WHERE id = ?1;");
        q.bind(1, datasetId).bind(2, description);
        return q.exec();
    });
}

std::optional<PendingImport> DatasetCatalog::pendingImportFrom(const Query &q, int column)
{
    if (q.isNull(column))
        return std::nullopt;
    return PendingImport::fromJson(QJsonDocument::fromJson(q.text(column).toUtf8()).object());
}

Status DatasetCatalog::beginImport(qint64 datasetId, const PendingImport &import)
{
    bool restore = false;
    Status begun = m_ctx.write([&]() -> Status {
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
        q.bind(1, datasetId).bind(2, QString::fromUtf8(compactJson(import.toJson())));
        return q.exec();
    });
    if (!begun || !restore)
        return begun;
    return restoreItemKeys(datasetId);
}

Status DatasetCatalog::finishImport(qint64 datasetId)
{
    return m_ctx.write([&]() -> Status {
        Query q = m_db.query("UPDATE datasets SET pending_import = NULL WHERE id = ?1;");
        q.bind(1, datasetId);
        return q.exec();
    });
}

Status DatasetCatalog::restoreItemKeys(qint64 datasetId)
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
        Status slice = m_ctx.write([&]() -> Status {
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

Status DatasetCatalog::removeDataset(const QString &name)
{
    auto info = dataset(name);
    if (!info)
        return info.error();
    return m_ctx.write([&]() -> Status {
        Query q = m_db.query("DELETE FROM datasets WHERE id = ?1;");
        q.bind(1, info->id);
        return q.exec();
    });
}

// --- labels -------------------------------------------------------------------------------

Result<QList<DatasetLabel>> DatasetCatalog::labels(qint64 datasetId)
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

Result<DatasetLabel> DatasetCatalog::addLabel(qint64 datasetId, const QString &name,
                                              const QString &color, const QString &hotkey)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > 100 || trimmed.contains(u'\n')) {
        return makeError(
            ErrorCode::Invalid,
            tr("\"%1\" is not a valid label: use 1 to 100 characters on one line.").arg(name));
    }
    DatasetLabel label;
    Status made = m_ctx.write([&]() -> Status {
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

Result<DatasetLabel> DatasetCatalog::ensureLabel(qint64 datasetId, const QString &name)
{
    Query q = m_db.query("SELECT id, name, color, hotkey, position, attributes FROM "
                         "dataset_labels WHERE dataset_id = ?1 AND name = ?2;");
    q.bind(1, datasetId).bind(2, name.trimmed());
    auto row = q.next();
    if (!row)
        return row.error();
    if (row.value()) {
        DatasetLabel label{q.int64(0), q.text(1),       q.text(2),
                           q.text(3),  int(q.int64(4)), attributesFrom(q.text(5))};
        if (auto done = q.exec(); !done)
            return done.error();
        return label;
    }
    return addLabel(datasetId, name);
}

Status DatasetCatalog::requireLabel(qint64 datasetId, const QString &name)
{
    if (m_ctx.ownTransaction() && m_ctx.knownLabels().contains(datasetId, name))
        return {};
    auto label = ensureLabel(datasetId, name);
    if (!label)
        return label.error();
    if (m_ctx.ownTransaction())
        m_ctx.knownLabels().insert(datasetId, name);
    return {};
}

Status DatasetCatalog::renameLabel(qint64 datasetId, const QString &from, const QString &to)
{
    const QString target = to.trimmed();
    if (target.isEmpty() || target.size() > 100 || target.contains(u'\n'))
        return makeError(
            ErrorCode::Invalid,
            tr("\"%1\" is not a valid label: use 1 to 100 characters on one line.").arg(to));
    if (from == target)
        return {};
    m_ctx.knownLabels().forget(datasetId);
    return m_ctx.write([&]() -> Status {
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

Status DatasetCatalog::setLabelColor(qint64 datasetId, const QString &name, const QString &color)
{
    return m_ctx.write([&]() -> Status {
        Query q =
            m_db.query("UPDATE dataset_labels SET color = ?3 WHERE dataset_id = ?1 AND name = ?2;");
        q.bind(1, datasetId).bind(2, name).bind(3, color);
        return q.exec();
    });
}

Status DatasetCatalog::setLabelAttributes(qint64 datasetId, const QString &name,
                                          const QJsonObject &attributes)
{
    return m_ctx.write([&]() -> Status {
        Query q = m_db.query(
            "UPDATE dataset_labels SET attributes = ?3 WHERE dataset_id = ?1 AND name = ?2;");
        q.bind(1, datasetId).bind(2, name).bind(3, attributesText(attributes));
        return q.exec();
    });
}

Status DatasetCatalog::setLabelHotkey(qint64 datasetId, const QString &name, const QString &hotkey)
{
    return m_ctx.write([&]() -> Status {
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

Status DatasetCatalog::moveLabel(qint64 datasetId, const QString &name, int position)
{
    return m_ctx.write([&]() -> Status {
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

Status DatasetCatalog::removeLabel(qint64 datasetId, const QString &name, bool removeAnnotations)
{
    m_ctx.knownLabels().forget(datasetId);
    return m_ctx.write([&]() -> Status {
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
            if (auto ok = refreshItemStatus(m_db, item); !ok)
                return ok;
        }
        return {};
    });
}

} // namespace atelier
