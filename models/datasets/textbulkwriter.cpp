#include "datasets/textbulkwriter.h"

#include "catalog/database.h"
#include "core/compactjson.h"
#include "datasets/textcodec.h"
#include "datasets/textnormalize.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cstring>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

QString geometryText(const Annotation &a)
{
    return a.geometry.isUndefined() ? u"null"_s : QString::fromUtf8(compactJson(a.geometry));
}

bool isBlank(const QString &text) // what normalizeText() leaves empty
{
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.isSpace(); });
}

/// The catalog spelling of an enum as UTF-8, converted once per process.
template <typename Enum, int Count> const QByteArray &spelled(Enum value)
{
    static const std::array<QByteArray, Count> table = [] {
        std::array<QByteArray, Count> t;
        for (int i = 0; i < Count; ++i)
            t[std::size_t(i)] = toString(Enum(i)).toUtf8();
        return t;
    }();
    return table[std::size_t(value)];
}

} // namespace

TextBulkWriter::Key TextBulkWriter::Key::fromHash(QByteArrayView sha256)
{
    Key key;
    std::memcpy(key.words.data(), sha256.data(), std::min<qsizetype>(sha256.size(), 32));
    return key;
}

QByteArray TextBulkWriter::Key::hex() const
{
    return QByteArray::fromRawData(reinterpret_cast<const char *>(words.data()), 32).toHex();
}

QByteArrayView TextBulkWriter::Prepared::field(qsizetype i) const
{
    return QByteArrayView(utf8).sliced(cuts.at(i), cuts.at(i + 1) - cuts.at(i));
}

TextBulkWriter::TextBulkWriter(DatasetContext &context, DatasetInfo dataset)
    : m_ctx(context), m_catalog(context), m_items(context), m_dataset(std::move(dataset))
{
}

TextBulkWriter::Prepared TextBulkWriter::prepare(const DatasetInfo &dataset,
                                                 const QString &defaultAuthor, const QString &text,
                                                 const QString &textB, const QString &sourceName,
                                                 QList<Annotation> annotations,
                                                 const QJsonObject &attributes)
{
    Prepared line;
    line.text = text;
    line.textB = textB;
    line.sourceName = sourceName;
    line.attributes = attributes;
    if (isBlank(text)) {
        line.error = tr("the text is empty");
        return line;
    }
    if (dataset.task == DatasetTask::Pairs && isBlank(textB)) {
        line.error = tr("a text pair needs its second text (text_b); it is empty");
        return line;
    }
    const qint64 length = TextCodec::codePointCount(text);
    for (Annotation &a : annotations) {
        a.label = a.label.trimmed();
        if (a.author.trimmed().isEmpty())
            a.author = defaultAuthor;
        if (a.source.isEmpty())
            a.source = u"manual"_s;
        std::optional<QString> problem;
        if (a.kind != annotationKindOf(dataset.task)) {
            problem = tr("a %1 annotation does not fit a %2 dataset")
                          .arg(toString(a.kind), toString(dataset.task));
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
            } else if (!dataset.options.overlappingSpans) {
                for (const Annotation &o : std::as_const(line.kept)) {
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
            else if (dataset.options.pairScore && !score)
                problem = tr("this dataset scores pairs from 0 to 1; the score is missing");
        } else if (a.kind == AnnotationKind::Tag && !dataset.options.multiLabel &&
                   a.state == AnnotationState::Accepted) {
            for (const Annotation &o : std::as_const(line.kept)) {
                if (o.author == a.author && o.state == AnnotationState::Accepted)
                    problem = tr("this dataset takes one label per item; \"%1\" was left out")
                                  .arg(a.label);
            }
        }
        if (problem) {
            line.warnings.append(*problem);
            continue;
        }
        line.kept.append(a);
    }
    line.labeled = std::any_of(line.kept.cbegin(), line.kept.cend(), [](const Annotation &a) {
        return a.state == AnnotationState::Accepted;
    });

    const QByteArray hash = textDedupHash(text, textB);
    line.key = Key::fromHash(hash);

    line.cuts.reserve(6 + 4 * line.kept.size());
    line.cuts.append(0);
    auto append = [&](QByteArrayView utf8) {
        line.utf8.append(utf8);
        line.cuts.append(line.utf8.size());
    };
    append(text.toUtf8());
    append(textB.toUtf8());
    append(sourceName.toUtf8());
    append(hash.toHex());
    append(compactJson(attributes));
    for (const Annotation &a : std::as_const(line.kept)) {
        append(a.author.toUtf8());
        append(a.label.toUtf8());
        append(geometryText(a).toUtf8());
        append(a.source.toUtf8());
    }
    return line;
}

Status TextBulkWriter::start()
{
    if (auto ok = resume(); !ok)
        return ok;
    Database &db = m_ctx.db();
    Query keys =
        db.query("SELECT dedup_key, item_id FROM dataset_item_keys WHERE dataset_id = ?1;");
    keys.bind(1, m_dataset.id);
    if (auto done = keys.forEach([&](const Query &q) {
            m_keys.insert(Key::fromHash(QByteArray::fromHex(q.blob(0))), q.int64(1));
        });
        !done)
        return done;
    m_started = true;
    return {};
}

Status TextBulkWriter::resume()
{
    Database &db = m_ctx.db();
    Query last = db.query("SELECT coalesce(max(id), 0) FROM dataset_items;");
    auto row = last.next();
    if (!row)
        return row.error();
    m_lastId = last.int64(0);
    if (auto done = last.exec(); !done)
        return done;
    Query position = db.query("SELECT coalesce(max(position), 0) FROM dataset_items WHERE "
                              "dataset_id = ?1;");
    position.bind(1, m_dataset.id);
    row = position.next();
    if (!row)
        return row.error();
    m_position = position.int64(0);
    return position.exec();
}

void TextBulkWriter::refreshNow()
{
    if (m_now.isEmpty() || ++m_sinceNow >= 4096) {
        m_now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toUtf8();
        m_sinceNow = 0;
    }
}

Status TextBulkWriter::ensureLabel(const QString &label)
{
    if (m_labels.contains(label))
        return {};
    auto made = m_catalog.ensureLabel(m_dataset.id, label);
    if (!made)
        return made.error();
    m_labels.insert(label);
    return {};
}

Status TextBulkWriter::insertAnnotations(qint64 itemId, const Prepared &line)
{
    if (!m_insertAnnotation)
        m_insertAnnotation.emplace(m_ctx.db().query(
            "INSERT INTO annotations (item_id, author, kind, label, geometry, state, source, "
            "created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8);"));
    Query &q = *m_insertAnnotation;
    for (qsizetype i = 0; i < line.kept.size(); ++i) {
        const Annotation &a = line.kept.at(i);
        if (!a.label.isEmpty()) {
            if (auto ok = ensureLabel(a.label); !ok)
                return ok;
        }
        const qsizetype f = 5 + 4 * i; // author, label, geometry, source
        q.bindInt64(1, itemId)
            .bindUtf8(2, line.field(f))
            .bindUtf8(3, spelled<AnnotationKind, 5>(a.kind))
            .bindUtf8(4, line.field(f + 1))
            .bindUtf8(5, line.field(f + 2))
            .bindUtf8(6, spelled<AnnotationState, 3>(a.state))
            .bindUtf8(7, line.field(f + 3))
            .bindUtf8(8, m_now);
        if (auto done = q.exec(); !done)
            return done;
    }
    return {};
}

Result<AddedItem> TextBulkWriter::add(const Prepared &line, qint64 *annotationsAdded)
{
    Database &db = m_ctx.db();
    if (annotationsAdded)
        *annotationsAdded = 0;
    if (!line.error.isEmpty())
        return makeError(ErrorCode::Invalid, line.error);
    if (!m_started) {
        if (auto ok = start(); !ok)
            return ok.error();
    }
    refreshNow();

    AddedItem added;
    if (const auto found = m_keys.constFind(line.key); found != m_keys.cend()) {
        auto existing = m_items.item(found.value());
        if (!existing)
            return existing.error();
        added.item = existing.value();
        added.duplicate = true;
        // Another annotator's work on the same text joins the item (never twice per author).
        if (line.kept.isEmpty())
            return added;
        QSet<QString> authors;
        for (const Annotation &a : std::as_const(line.kept))
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
        if (auto ok = insertAnnotations(added.item.id, line); !ok)
            return ok.error();
        if (line.labeled) {
            Query u = db.query("UPDATE dataset_items SET status = 'labeled', updated_at = ?2 "
                               "WHERE id = ?1 AND status = 'unlabeled';");
            u.bindInt64(1, added.item.id).bindUtf8(2, m_now);
            if (auto done = u.exec(); !done)
                return done.error();
        }
        if (annotationsAdded)
            *annotationsAdded = line.kept.size();
        return added;
    }
    // Ids are numbered here, not returned by SQLite: this runs inside the write transaction.
    added.item.id = m_lastId + 1;
    if (!m_insertItem)
        m_insertItem.emplace(db.query("INSERT INTO dataset_items (id, dataset_id, text, text_b, "
                                      "source_name, dedup_key, position, status, updated_at, "
                                      "attributes) "
                                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10);"));
    Query &insert = *m_insertItem;
    insert.bindInt64(1, added.item.id)
        .bindInt64(2, m_dataset.id)
        .bindUtf8(3, line.field(0))
        .bindUtf8(5, line.field(2))
        .bindUtf8(6, line.field(3))
        .bindInt64(7, m_position + 1)
        .bindUtf8(8, line.labeled ? "labeled" : "unlabeled")
        .bindUtf8(9, m_now)
        .bindUtf8(10, line.field(4));
    if (line.textB.isEmpty())
        insert.bind(4, QVariant()); // NULL
    else
        insert.bindUtf8(4, line.field(1));
    if (auto done = insert.exec(); !done)
        return done.error();
    m_lastId = added.item.id;
    m_keys.insert(line.key, added.item.id);
    m_newKeys.append({line.key, added.item.id});
    ++m_position;
    added.item.datasetId = m_dataset.id;
    added.item.text = line.text;
    added.item.textB = line.textB;
    added.item.sourceName = line.sourceName;
    added.item.dedupKey = QString::fromLatin1(line.field(3));
    added.item.position = m_position;
    added.item.status = line.labeled ? ItemStatus::Labeled : ItemStatus::Unlabeled;
    added.item.attributes = line.attributes;

    if (auto ok = insertAnnotations(added.item.id, line); !ok)
        return ok.error();
    if (annotationsAdded)
        *annotationsAdded = line.kept.size();
    return added;
}

void TextBulkWriter::reserve(qsizetype lines)
{
    m_keys.reserve(m_keys.size() + lines);
    m_newKeys.reserve(m_newKeys.size() + lines);
}

Status TextBulkWriter::finish()
{
    // Raw bytes compare as their hex does: the keys go in in the table's order.
    std::sort(m_newKeys.begin(), m_newKeys.end(), [](const auto &a, const auto &b) {
        return std::memcmp(a.first.words.data(), b.first.words.data(), 32) < 0;
    });
    qsizetype next = 0;
    Status written = m_ctx.slices([&]() -> Result<bool> {
        if (next == m_newKeys.size())
            return false;
        Query insert = m_ctx.db().query("INSERT INTO dataset_item_keys (dataset_id, "
                                        "dedup_key, item_id) VALUES (?1, ?2, ?3);");
        // Checking the clock per key would cost more than the key: a few hundred per step.
        for (const qsizetype end = std::min(next + 256, m_newKeys.size()); next < end; ++next) {
            const auto &[key, id] = m_newKeys.at(next);
            insert.bindInt64(1, m_dataset.id).bindUtf8(2, key.hex()).bindInt64(3, id);
            if (auto done = insert.exec(); !done)
                return done.error();
        }
        return next < m_newKeys.size();
    });
    if (!written)
        return written;
    m_newKeys.clear();
    return {};
}

} // namespace atelier
