#include "datasets/annotationstore.h"

#include "catalog/database.h"
#include "datasets/annotationgeometry.h"
#include "datasets/datasetcatalog.h"
#include "datasets/datasetcontext.h"
#include "datasets/datasetitemstore.h"
#include "datasets/datasetrows.h"
#include "datasets/maskrle.h"

#include <QJsonArray>

#include <array>
#include <cmath>

using namespace Qt::StringLiterals;

namespace atelier {

using namespace datasetrows;
using namespace geometrytext;

namespace {

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

} // namespace

AnnotationStore::AnnotationStore(DatasetContext &context)
    : m_ctx(context), m_db(context.db()), m_catalog(context), m_items(context)
{
}

// --- annotations --------------------------------------------------------------------------

Result<QList<Annotation>> AnnotationStore::annotations(qint64 itemId,
                                                       const AnnotationFilter &filter)
{
    auto all = annotations(QList<qint64>{itemId}, filter);
    if (!all)
        return all.error();
    return all->value(itemId);
}

Result<QHash<qint64, QList<Annotation>>>
AnnotationStore::annotations(const QList<qint64> &itemIds, const AnnotationFilter &filter)
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

Result<Annotation> AnnotationStore::annotation(qint64 annotationId)
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

Status AnnotationStore::checkAnnotation(const DatasetInfo &dataset, const DatasetItem &item,
                                        Annotation &a, qint64 replacing, const ShapeForm *form)
{
    if (a.author.trimmed().isEmpty())
        a.author = m_ctx.author();
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
    // A shape made and checked alone already (its form): only its place in the image is left.
    // Otherwise the geometry is read, restored first when it lives in the form alone.
    bool placed = false;
    if (form && form->wellFormed) {
        if (a.kind == AnnotationKind::Box || a.kind == AnnotationKind::Polygon)
            placed = w <= 0 || form->inside(w, h, slack);
        else if (a.kind == AnnotationKind::Mask)
            placed = item.width <= 0 || (form->right == w && form->bottom == h);
    }
    if (form && !placed)
        restoreGeometry(a, *form);
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
        if (placed)
            break;
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
        if (placed)
            break;
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
        if (placed) // the form holds the stored (compressed) text; the geometry stays as given
            break;
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
        return m_catalog.requireLabel(dataset.id, a.label);
    return {};
}

Result<Annotation> AnnotationStore::insertAnnotation(const DatasetInfo &dataset,
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

Result<AnnotationStore::InsertRun> AnnotationStore::startInserts()
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

Result<Annotation> AnnotationStore::addAnnotation(qint64 itemId, Annotation annotation)
{
    auto added = addAnnotations(itemId, {annotation});
    if (!added)
        return added.error();
    return added->first();
}

Result<QList<Annotation>> AnnotationStore::addAnnotations(qint64 itemId,
                                                          const QList<Annotation> &annotations)
{
    QList<Annotation> added;
    Status done = m_ctx.write([&]() -> Status {
        auto it = m_items.item(itemId);
        if (!it)
            return it.error();
        auto info = m_catalog.readDataset(it->datasetId, false);
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
        return added.isEmpty() ? Status{} : refreshItemStatus(m_db, itemId);
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

Status AnnotationStore::insertShapes(const DatasetInfo &dataset, const DatasetItem &item,
                                     const QList<Annotation> &annotations,
                                     const QList<ShapeForm> &forms, InsertRun &run,
                                     QList<Result<Annotation>> &results)
{
    // Boxes, polygons and masks are checked against the item alone, not against the other
    // annotations, so all are checked first and the accepted ones go in kInsertChunk rows a
    // statement, numbered in order as one by one would number them.
    QList<qsizetype> accepted;
    accepted.reserve(annotations.size());
    const bool formed = forms.size() == annotations.size();
    // The form of each accepted one that is used (made and well formed), or nullptr.
    QList<const ShapeForm *> used;
    used.reserve(annotations.size());
    for (qsizetype i = 0; i < annotations.size(); ++i) {
        Annotation a = annotations[i];
        const ShapeForm *form = formed && forms[i].isMade() ? &forms[i] : nullptr;
        if (auto ok = checkAnnotation(dataset, item, a, 0, form); !ok) {
            if (stopsAll(ok.error()))
                return ok.error();
            results.append(ok.error());
            continue;
        }
        accepted.append(results.size());
        used.append(form && form->wellFormed ? form : nullptr);
        results.append(std::move(a));
    }
    // The texts an image's annotations mostly share (author, source, the labels), each made
    // UTF-8 once rather than once a row. The rows share the strings themselves too, so a string
    // is looked up by its data (held here, so that the data is not reused meanwhile), not by
    // hashing its characters; a copy with data of its own is simply made UTF-8 again.
    QHash<std::pair<const void *, qsizetype>, std::pair<QString, QByteArray>> utf8;
    auto text = [&utf8](const QString &s) -> const QByteArray & {
        auto it = utf8.find({s.constData(), s.size()});
        if (it == utf8.end())
            it = utf8.insert({s.constData(), s.size()}, {s, s.toUtf8()});
        return it->second;
    };
    // Kinds and states are few: their UTF-8 by value.
    static_assert(int(AnnotationKind::Mask) < 8 && int(AnnotationState::Rejected) < 8);
    std::array<QByteArray, 8> kinds, states;
    auto spelled = [](std::array<QByteArray, 8> &made, auto value) -> const QByteArray & {
        QByteArray &bytes = made[std::size_t(value)];
        if (bytes.isNull())
            bytes = toString(value).toUtf8();
        return bytes;
    };
    for (qsizetype at = 0; at < accepted.size(); at += kInsertChunk) {
        const int rows = int(std::min<qsizetype>(kInsertChunk, accepted.size() - at));
        Query q = m_db.query(insertRowsSql(rows));
        q.bind(1, run.time).bindInt64(2, item.id);
        for (int r = 0; r < rows; ++r) {
            const Annotation &a = results[accepted[at + r]].value();
            const ShapeForm *form = used[at + r];
            const int p = 3 + r * 8;
            // Texts held here or by the forms until the statement is done go uncopied.
            q.bindInt64(p, run.lastId + 1 + r)
                .bindUtf8Held(p + 1, text(a.author))
                .bindUtf8Held(p + 2, spelled(kinds, a.kind))
                .bindUtf8Held(p + 3, text(a.label))
                .bindUtf8Held(p + 5, spelled(states, a.state))
                .bindUtf8Held(p + 6, text(a.source));
            if (form) {
                q.bindUtf8Held(p + 4, form->geometry).bindUtf8Held(p + 7, form->attributes);
            } else {
                q.bindUtf8(p + 4, geometryJson(a.geometry))
                    .bindUtf8(p + 7, attributesJson(a.attributes));
            }
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
            Annotation given = annotations[i];
            if (formed)
                restoreGeometry(given, forms[i]); // one made without it is read here
            auto made = insertAnnotation(dataset, item, given, run);
            if (!made && stopsAll(made.error()))
                return made.error();
            results[i] = std::move(made);
        }
    }
    return {};
}

Result<QList<Result<Annotation>>>
AnnotationStore::addAnnotationsLenient(qint64 itemId, const QList<Annotation> &annotations,
                                       const QList<ShapeForm> &forms)
{
    QList<Result<Annotation>> results;
    Status done = m_ctx.write([&]() -> Status {
        auto it = m_items.item(itemId);
        if (!it)
            return it.error();
        auto info = m_catalog.readDataset(it->datasetId, false);
        if (!info)
            return info.error();
        auto added = addAnnotationsLenient(info.value(), it.value(), annotations, forms);
        if (!added)
            return added.error();
        results = std::move(added.value());
        return {};
    });
    if (!done)
        return done.error();
    return results;
}

Result<QList<Result<Annotation>>>
AnnotationStore::addAnnotationsLenient(const DatasetInfo &dataset, const DatasetItem &item,
                                       const QList<Annotation> &annotations,
                                       const QList<ShapeForm> &forms)
{
    QList<Result<Annotation>> results;
    Status done = m_ctx.write([&]() -> Status {
        results.reserve(annotations.size());
        auto run = startInserts(); // the annotations added together share its time
        if (!run)
            return run.error();
        if (dataset.task == DatasetTask::Detection || dataset.task == DatasetTask::Segmentation) {
            if (auto ok = insertShapes(dataset, item, annotations, forms, run.value(), results);
                !ok)
                return ok;
            const bool added = std::any_of(results.cbegin(), results.cend(),
                                           [](const Result<Annotation> &r) { return r.ok(); });
            return added ? refreshItemStatus(m_db, item.id) : Status{};
        }
        bool added = false;
        for (const Annotation &a : annotations) {
            auto made = insertAnnotation(dataset, item, a, run.value());
            if (!made) {
                // The rules refused it: the others still go in. The catalog failing stops all.
                if (stopsAll(made.error()))
                    return made.error();
            }
            added = added || made.ok();
            results.append(std::move(made));
        }
        return added ? refreshItemStatus(m_db, item.id) : Status{};
    });
    if (!done)
        return done.error();
    return results;
}

Result<Annotation> AnnotationStore::updateAnnotation(const Annotation &annotation)
{
    Annotation a = annotation;
    Status done = m_ctx.write([&]() -> Status {
        auto old = this->annotation(annotation.id);
        if (!old)
            return old.error();
        auto it = m_items.item(old->itemId);
        if (!it)
            return it.error();
        auto info = m_catalog.readDataset(it->datasetId, false);
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
        return refreshItemStatus(m_db, it->id);
    });
    if (!done)
        return done.error();
    return a;
}

Status AnnotationStore::removeAnnotation(qint64 annotationId)
{
    return m_ctx.write([&]() -> Status {
        auto old = annotation(annotationId);
        if (!old)
            return old.error();
        Query q = m_db.query("DELETE FROM annotations WHERE id = ?1;");
        q.bind(1, annotationId);
        if (auto ok = q.exec(); !ok)
            return ok;
        return refreshItemStatus(m_db, old->itemId);
    });
}

Result<QList<Annotation>> AnnotationStore::setTags(qint64 itemId, const QStringList &labels,
                                                   const QString &author)
{
    const QString who = author.isEmpty() ? m_ctx.author() : author;
    QList<Annotation> result;
    Status done = m_ctx.write([&]() -> Status {
        auto it = m_items.item(itemId);
        if (!it)
            return it.error();
        auto info = m_catalog.readDataset(it->datasetId, false);
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
        return refreshItemStatus(m_db, itemId);
    });
    if (!done)
        return done.error();
    return result;
}

Result<Annotation> AnnotationStore::acceptSuggestion(qint64 annotationId, const QString &author)
{
    const QString who = author.isEmpty() ? m_ctx.author() : author;
    Annotation result;
    Status done = m_ctx.write([&]() -> Status {
        auto old = annotation(annotationId);
        if (!old)
            return old.error();
        auto it = m_items.item(old->itemId);
        if (!it)
            return it.error();
        auto info = m_catalog.readDataset(it->datasetId, false);
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

Status AnnotationStore::rejectSuggestion(qint64 annotationId, const QString &author)
{
    return m_ctx.write([&]() -> Status {
        auto old = annotation(annotationId);
        if (!old)
            return old.error();
        Query q = m_db.query("UPDATE annotations SET state = 'rejected', author = ?2, "
                             "updated_at = ?3 WHERE id = ?1;");
        q.bind(1, annotationId)
            .bind(2, author.isEmpty() ? m_ctx.author() : author)
            .bind(3, isoNow());
        if (auto ok = q.exec(); !ok)
            return ok;
        return refreshItemStatus(m_db, old->itemId);
    });
}

Result<QList<Annotation>> AnnotationStore::replaceSuggestions(qint64 itemId, const QString &source,
                                                              const QList<Annotation> &suggestions)
{
    QList<Annotation> added;
    Status done = m_ctx.write([&]() -> Status {
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

Result<QStringList> AnnotationStore::authors(qint64 datasetId)
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

Result<QList<LabelCount>> AnnotationStore::labelDistribution(qint64 datasetId)
{
    auto set = m_catalog.labels(datasetId);
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

} // namespace atelier
