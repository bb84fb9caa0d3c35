#include "datasets/datasetversionstore.h"

#include "catalog/database.h"
#include "core/compactjson.h"
#include "datasets/annotationstore.h"
#include "datasets/datasetcatalog.h"
#include "datasets/datasetcontext.h"
#include "datasets/datasetrows.h"
#include "versioning/gitrepository.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace atelier {

using namespace datasetrows;

namespace {

QString jsonLine(const QJsonObject &object)
{
    return QString::fromUtf8(compactJson(object));
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

DatasetVersionStore::DatasetVersionStore(DatasetContext &context)
    : m_ctx(context), m_db(context.db()), m_catalog(context), m_annotations(context)
{
}

// --- whole dataset, versions ---------------------------------------------------------------

Status DatasetVersionStore::forEachItem(
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
        auto notes = m_annotations.annotations(ids, filter);
        if (!notes)
            return notes.error();
        for (const DatasetItem &i : page) {
            if (!visit(i, notes->value(i.id)))
                return {};
        }
        after = page.last().position;
    }
}

Result<DatasetSnapshot> DatasetVersionStore::snapshot(const QString &name, int version)
{
    auto info = m_catalog.dataset(name);
    if (!info)
        return info.error();
    DatasetSnapshot snap;
    snap.objectsDir = m_ctx.objectsDir();
    if (version == 0) {
        snap.dataset = info.value();
        auto set = m_catalog.labels(info->id);
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
    auto repo = GitRepository::open(QDir(m_ctx.root()).filePath(u"repo"_s));
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

Result<DatasetVersion> DatasetVersionStore::createVersion(const QString &name,
                                                          const QString &message,
                                                          const QString &author)
{
    auto snap = snapshot(name, 0);
    if (!snap)
        return snap.error();
    const QString who = author.isEmpty() ? m_ctx.author() : author;
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

    auto repo = GitRepository::open(QDir(m_ctx.root()).filePath(u"repo"_s));
    if (!repo)
        return repo.error();
    const QString summary =
        message.trimmed().isEmpty()
            ? tr("Dataset %1: version %2").arg(name).arg(number)
            : tr("Dataset %1: version %2 — %3").arg(name).arg(number).arg(message.trimmed());
    auto commit = repo->commit(files, summary, GitSignature{who, who + u"@atelier.local"_s});
    if (!commit)
        return commit.error();
    Status recorded = m_ctx.write([&]() -> Status {
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

Result<QList<DatasetVersion>> DatasetVersionStore::versions(const QString &name)
{
    auto info = m_catalog.dataset(name);
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

Result<DatasetVersion> DatasetVersionStore::version(const QString &name, int number)
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
