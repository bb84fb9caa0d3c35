#include "datasets/textbulkwriter.h"

#include "catalog/database.h"
#include "datasets/textcodec.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

QString geometryText(const Annotation &a)
{
    switch (a.kind) {
    case AnnotationKind::Span:
        if (!a.geometry.toObject().contains(u"score"_s))
            return u"{\"end\":%1,\"start\":%2}"_s.arg(a.spanEnd()).arg(a.spanStart());
        break;
    case AnnotationKind::Tag:
        if (a.geometry.isNull() || a.geometry.isUndefined())
            return u"null"_s;
        break;
    default:
        break;
    }
    if (a.geometry.isUndefined())
        return u"null"_s;
    const QByteArray json = QJsonDocument(QJsonArray{a.geometry}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(json.mid(1, json.size() - 2));
}

} // namespace

Status TextBulkWriter::loadKeys()
{
    Database &db = m_store.database();
    Query last = db.query("SELECT coalesce(max(id), 0) FROM dataset_items;");
    auto row = last.next();
    if (!row)
        return row.error();
    m_lastId = last.int64(0);
    if (auto done = last.exec(); !done)
        return done;
    Query keys = db.query("SELECT dedup_key, id FROM dataset_items WHERE dataset_id = ?1;");
    keys.bind(1, m_dataset.id);
    return keys.forEach([&](const Query &q) { m_keys.insert(q.text(0), q.int64(1)); });
}

TextBulkWriter::TextBulkWriter(DatasetStore &store, DatasetInfo dataset)
    : m_store(store), m_dataset(std::move(dataset))
{
}

Status TextBulkWriter::ensureLabel(const QString &label)
{
    if (m_labels.contains(label))
        return {};
    auto made = m_store.ensureLabel(m_dataset.id, label);
    if (!made)
        return made.error();
    m_labels.insert(label);
    return {};
}

Status TextBulkWriter::insertAnnotations(qint64 itemId, const QList<Annotation> &kept)
{
    Database &db = m_store.database();
    for (const Annotation &a : std::as_const(kept)) {
        if (!a.label.isEmpty()) {
            if (auto ok = ensureLabel(a.label); !ok)
                return ok;
        }
        Query q = db.query("INSERT INTO annotations (item_id, author, kind, label, geometry, "
                           "state, source, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, "
                           "?6, ?7, ?8, ?8);");
        // Typed binds: no QVariant per value, the row's constants converted once.
        q.bindInt64(1, itemId)
            .bindUtf8(2, a.author.toUtf8())
            .bindUtf8(3, toString(a.kind).toUtf8())
            .bindUtf8(4, a.label.toUtf8())
            .bindUtf8(5, geometryText(a).toUtf8())
            .bindUtf8(6, toString(a.state).toUtf8())
            .bindUtf8(7, a.source.toUtf8())
            .bindUtf8(8, m_nowUtf8);
        if (auto done = q.exec(); !done)
            return done;
    }
    return {};
}

Result<AddedItem> TextBulkWriter::add(const QString &text, const QString &textB,
                                      const QString &sourceName, QList<Annotation> annotations,
                                      QStringList *warnings, qint64 *annotationsAdded)
{
    Database &db = m_store.database();
    if (annotationsAdded)
        *annotationsAdded = 0;
    if (text.trimmed().isEmpty()) // what normalizeText() would leave empty
        return makeError(ErrorCode::Invalid, tr("the text is empty"));
    if (m_dataset.task == DatasetTask::Pairs && textB.trimmed().isEmpty())
        return makeError(ErrorCode::Invalid,
                         tr("a text pair needs its second text (text_b); it is empty"));
    if (m_lastId < 0) {
        if (auto ok = loadKeys(); !ok)
            return ok.error();
    }
    if (m_position < 0) {
        Query q = db.query("SELECT coalesce(max(position), 0) FROM dataset_items WHERE "
                           "dataset_id = ?1;");
        q.bind(1, m_dataset.id);
        auto row = q.next();
        if (!row)
            return row.error();
        m_position = q.int64(0);
        if (auto done = q.exec(); !done)
            return done.error();
    }
    if (m_now.isEmpty() || ++m_sinceNow >= 4096) {
        m_now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
        m_nowUtf8 = m_now.toUtf8();
        m_sinceNow = 0;
    }

    // Check the annotations first: the item's status depends on them.
    const qint64 length = TextCodec::codePointCount(text);
    QList<Annotation> kept;
    for (Annotation &a : annotations) {
        a.label = a.label.trimmed();
        if (a.author.trimmed().isEmpty())
            a.author = m_store.author();
        if (a.source.isEmpty())
            a.source = u"manual"_s;
        std::optional<QString> problem;
        if (a.kind != annotationKindOf(m_dataset.task)) {
            problem = tr("a %1 annotation does not fit a %2 dataset")
                          .arg(toString(a.kind), toString(m_dataset.task));
        } else if (a.label.isEmpty() && !(a.kind == AnnotationKind::Pair && a.score())) {
            problem = tr("the annotation has no label");
        } else if (a.kind == AnnotationKind::Span) {
            const qint64 s = a.spanStart();
            const qint64 e = a.spanEnd();
            if (s < 0 || e <= s || e > length) {
                problem = tr("the span [%1, %2) is not inside the text (%3 characters)")
                              .arg(s)
                              .arg(e)
                              .arg(length);
            } else if (!m_dataset.options.overlappingSpans) {
                for (const Annotation &o : std::as_const(kept)) {
                    if (o.author == a.author && o.spanStart() < e && s < o.spanEnd()) {
                        problem = tr("the span [%1, %2) overlaps \"%3\" [%4, %5); this dataset "
                                     "does not allow overlapping spans")
                                      .arg(s)
                                      .arg(e)
                                      .arg(o.label)
                                      .arg(o.spanStart())
                                      .arg(o.spanEnd());
                        break;
                    }
                }
            }
        } else if (a.kind == AnnotationKind::Pair) {
            const auto score = a.score();
            if (score && (*score < 0.0 || *score > 1.0))
                problem = tr("a pair score must lie between 0 and 1");
            else if (m_dataset.options.pairScore && !score)
                problem = tr("this dataset scores pairs from 0 to 1; the score is missing");
        } else if (a.kind == AnnotationKind::Tag && !m_dataset.options.multiLabel &&
                   a.state == AnnotationState::Accepted) {
            for (const Annotation &o : std::as_const(kept)) {
                if (o.author == a.author && o.state == AnnotationState::Accepted)
                    problem = tr("this dataset takes one label per item; \"%1\" was left out")
                                  .arg(a.label);
            }
        }
        if (problem) {
            if (warnings)
                warnings->append(*problem);
            continue;
        }
        kept.append(a);
    }
    const bool labeled = std::any_of(kept.cbegin(), kept.cend(), [](const Annotation &a) {
        return a.state == AnnotationState::Accepted;
    });

    const QString key = DatasetStore::textDedupKey(text, textB);
    AddedItem added;
    if (const auto found = m_keys.constFind(key); found != m_keys.cend()) {
        auto existing = m_store.item(found.value());
        if (!existing)
            return existing.error();
        added.item = existing.value();
        added.duplicate = true;
        // Another annotator's work on the same text joins the item (never twice per author).
        if (kept.isEmpty())
            return added;
        QSet<QString> authors;
        for (const Annotation &a : std::as_const(kept))
            authors.insert(a.author);
        for (const QString &author : std::as_const(authors)) {
            Query q = db.query("SELECT 1 FROM annotations WHERE item_id = ?1 AND author = ?2 "
                               "LIMIT 1;");
            q.bind(1, added.item.id).bind(2, author);
            auto row = q.next();
            if (!row)
                return row.error();
            const bool has = row.value();
            if (auto done = q.exec(); !done)
                return done.error();
            if (has)
                return added;
        }
        if (auto ok = insertAnnotations(added.item.id, kept); !ok)
            return ok.error();
        if (labeled) {
            Query u = db.query("UPDATE dataset_items SET status = 'labeled', updated_at = ?2 "
                               "WHERE id = ?1 AND status = 'unlabeled';");
            u.bind(1, added.item.id).bind(2, m_now);
            if (auto done = u.exec(); !done)
                return done.error();
        }
        if (annotationsAdded)
            *annotationsAdded = kept.size();
        return added;
    }
    // Ids are numbered here, not returned by SQLite: this runs inside the write transaction.
    added.item.id = m_lastId + 1;
    Query insert =
        db.query("INSERT INTO dataset_items (id, dataset_id, text, text_b, source_name, dedup_key, "
                 "position, status, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9);");
    insert.bindInt64(1, added.item.id)
        .bindInt64(2, m_dataset.id)
        .bindUtf8(3, text.toUtf8())
        .bindUtf8(5, sourceName.toUtf8())
        .bindUtf8(6, key.toLatin1())
        .bindInt64(7, m_position + 1)
        .bindUtf8(8, labeled ? "labeled" : "unlabeled")
        .bindUtf8(9, m_nowUtf8);
    if (!textB.isEmpty())
        insert.bindUtf8(4, textB.toUtf8()); // else NULL, as every parameter starts
    if (auto done = insert.exec(); !done)
        return done.error();
    m_lastId = added.item.id;
    m_keys.insert(key, added.item.id);
    ++m_position;
    added.item.datasetId = m_dataset.id;
    added.item.text = text;
    added.item.textB = textB;
    added.item.sourceName = sourceName;
    added.item.dedupKey = key;
    added.item.position = m_position;
    added.item.status = labeled ? ItemStatus::Labeled : ItemStatus::Unlabeled;

    if (auto ok = insertAnnotations(added.item.id, kept); !ok)
        return ok.error();
    if (annotationsAdded)
        *annotationsAdded = kept.size();
    return added;
}

} // namespace atelier
