// COCO export: what the import kept comes back under COCO's names (issue #14): category ids,
// their order and supercategory from the label attributes, image ids and fields from the item
// attributes, file_name with its sub-folders from the source name, annotation ids, iscrowd and
// area from the annotation attributes; multi-part polygons as one annotation with several
// lists; masks as RLE in the form they came in. New labels, items and annotations get fresh
// ids that no kept id uses. Items with a split go to instances_<split>.json.
#include "datasets/imageexportwriter.h"
#include "datasets/imageformats.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QRegularExpression>
#include <QSet>

#include <cmath>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

class CocoFormat
{
    Q_DECLARE_TR_FUNCTIONS(CocoFormat)
};

double polygonArea(const QPolygonF &p)
{
    double a = 0;
    for (qsizetype i = 0; i < p.size(); ++i) {
        const QPointF &u = p[i];
        const QPointF &v = p[(i + 1) % p.size()];
        a += u.x() * v.y() - v.x() * u.y();
    }
    return std::abs(a) / 2;
}

std::optional<qint64> integerId(const QJsonValue &v)
{
    if (!v.isDouble() || v.toDouble() != std::floor(v.toDouble()) || v.toDouble() < 0)
        return std::nullopt;
    return qint64(v.toDouble());
}

/// Ids as the source gave them where they are unique, fresh ones (above every kept id)
/// for the rest: keys are Atelier's row ids.
class IdMap
{
public:
    /// Call for every key first, with the id the source gave (if any).
    void propose(qint64 key, const QJsonValue &given)
    {
        const auto id = integerId(given);
        if (id && !m_taken.contains(*id)) {
            m_taken.insert(*id);
            m_ids.insert(key, *id);
            m_next = qMax(m_next, *id + 1);
        }
    }
    qint64 id(qint64 key)
    {
        auto it = m_ids.constFind(key);
        if (it != m_ids.constEnd())
            return *it;
        const qint64 fresh = m_next++;
        m_ids.insert(key, fresh);
        return fresh;
    }

private:
    QHash<qint64, qint64> m_ids;
    QSet<qint64> m_taken;
    qint64 m_next = 1;
};

/// The image's path under images/: the source's file_name (sub-folders kept) when it is a
/// safe relative path not used yet, the writer's unique name otherwise.
QString imagePath(const ImageExportWriter &writer, const DatasetItem &item, QSet<QString> &taken)
{
    const QString source = item.sourceName;
    const bool safe = !source.isEmpty() && !source.startsWith(u'/') && !source.contains(u'\\') &&
                      !source.contains(u':') && !source.split(u'/').contains(u".."_s) &&
                      !source.startsWith(u"./"_s);
    QString name = safe ? source : writer.fileName(item);
    if (taken.contains(name.toLower()))
        name = writer.fileName(item);
    taken.insert(name.toLower());
    return name;
}

QJsonArray flatPoints(const QPolygonF &p)
{
    QJsonArray flat;
    for (const QPointF &pt : p) {
        flat.append(pt.x());
        flat.append(pt.y());
    }
    return flat;
}

QJsonArray boxJson(const QRectF &r)
{
    return QJsonArray{r.x(), r.y(), r.width(), r.height()};
}

/// segmentation, bbox and computed area of one annotation; false for a kind COCO cannot hold.
bool writeShape(const Annotation &a, QJsonObject &o, double &area)
{
    switch (a.kind) {
    case AnnotationKind::Polygon: {
        QJsonArray lists;
        QRectF bounds;
        area = 0;
        for (const QPolygonF &part : a.parts()) {
            lists.append(flatPoints(part));
            bounds = bounds.united(part.boundingRect());
            area += polygonArea(part);
        }
        o.insert(u"segmentation"_s, lists);
        o.insert(u"bbox"_s, boxJson(bounds));
        return true;
    }
    case AnnotationKind::Mask: {
        const auto rle = a.maskRle();
        if (!rle)
            return false;
        // The form it came in; crowd regions are uncompressed by COCO's convention.
        const QString form = a.attributes.value(u"rle"_s).toString();
        const bool uncompressed = form.isEmpty() ? a.attributes.value(u"iscrowd"_s).toInt() == 1
                                                 : form == u"uncompressed"_s;
        o.insert(u"segmentation"_s, uncompressed ? rle->toUncompressedJson() : rle->toJson());
        o.insert(u"bbox"_s, boxJson(rle->bounds()));
        area = double(rle->area());
        return true;
    }
    case AnnotationKind::Box: {
        const QRectF r = a.rect();
        o.insert(u"segmentation"_s, QJsonArray{});
        o.insert(u"bbox"_s, boxJson(r));
        area = r.width() * r.height();
        return true;
    }
    case AnnotationKind::Tag:
    case AnnotationKind::Span:
    case AnnotationKind::Pair:
        break;
    }
    return false;
}

struct CocoFile
{
    QJsonArray images;
    QJsonArray annotations;
};

} // namespace

Result<ExportReport> exportCoco(const DatasetSnapshot &snapshot, const QString &outDir,
                                const ExportOptions &options)
{
    ImageExportWriter writer(snapshot, outDir, options);
    const QStringList labels = writer.labelNames();
    QHash<QString, QJsonObject> labelAttributes;
    for (const DatasetLabel &l : snapshot.labels)
        labelAttributes.insert(l.name, l.attributes);

    // Kept ids first, so that the fresh ones never collide with one given later in the list.
    IdMap categoryIds;
    IdMap imageIds;
    IdMap annotationIds;
    for (qsizetype i = 0; i < labels.size(); ++i)
        categoryIds.propose(i, labelAttributes.value(labels[i]).value(u"id"_s));
    // Annotations are keyed by their place in the export (a version's rows carry no row id).
    qint64 place = 0;
    for (const SnapshotItem &s : snapshot.items) {
        imageIds.propose(s.item.id, s.item.attributes.value(u"id"_s));
        for (const Annotation &a : writer.annotations(s))
            annotationIds.propose(place++, a.attributes.value(u"id"_s));
    }
    place = 0;

    QJsonArray categories;
    QHash<QString, qint64> categoryOf;
    for (qsizetype i = 0; i < labels.size(); ++i) {
        QJsonObject c = labelAttributes.value(labels[i]);
        c.insert(u"id"_s, categoryIds.id(i));
        c.insert(u"name"_s, labels[i]);
        if (!c.contains(u"supercategory"_s))
            c.insert(u"supercategory"_s, u""_s);
        categories.append(c);
        categoryOf.insert(labels[i], categoryIds.id(i));
    }

    QMap<QString, CocoFile> files; // by split ("" → instances.json)
    QSet<QString> takenNames;
    QHash<QString, qint64> skipped; // kinds COCO cannot hold, counted
    for (const SnapshotItem &s : snapshot.items) {
        const QString name = imagePath(writer, s.item, takenNames);
        if (auto ok = writer.copyImage(s.item, u"images/"_s + name); !ok)
            return ok.error();
        const qint64 imageId = imageIds.id(s.item.id);
        QJsonObject image = s.item.attributes;
        image.insert(u"id"_s, imageId);
        image.insert(u"file_name"_s, name);
        image.insert(u"width"_s, s.item.width);
        image.insert(u"height"_s, s.item.height);
        CocoFile &file = files[s.item.split];
        file.images.append(image);
        for (const Annotation &a : writer.annotations(s)) {
            const qint64 key = place++;
            QJsonObject o = a.attributes;
            o.remove(u"rle"_s);
            double area = 0;
            if (!writeShape(a, o, area)) {
                ++skipped[toString(a.kind)];
                continue;
            }
            o.insert(u"id"_s, annotationIds.id(key));
            o.insert(u"image_id"_s, imageId);
            o.insert(u"category_id"_s, categoryOf.value(a.label));
            if (!o.value(u"area"_s).isDouble())
                o.insert(u"area"_s, area);
            if (!o.contains(u"iscrowd"_s))
                o.insert(u"iscrowd"_s, 0);
            QJsonObject extra = o.value(u"attributes"_s).toObject();
            extra.insert(u"author"_s, a.author);
            extra.insert(u"source"_s, a.source);
            o.insert(u"attributes"_s, extra);
            file.annotations.append(o);
            ++writer.report().annotations;
        }
        ++writer.report().items;
        if (!writer.step())
            return makeError(ErrorCode::Cancelled, CocoFormat::tr("Export cancelled."));
    }
    for (auto it = skipped.cbegin(); it != skipped.cend(); ++it) {
        writer.report().warnings.append(
            {u"instances.json"_s, CocoFormat::tr("%n %1 annotation(s) not written: COCO has no "
                                                 "place for them",
                                                 nullptr, int(it.value()))
                                      .arg(it.key())});
    }
    if (files.isEmpty())
        files.insert(QString(), CocoFile{});
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        QString split = it.key();
        split.replace(QRegularExpression(u"[^A-Za-z0-9_-]"_s), u"_"_s);
        const QString fileName =
            split.isEmpty() ? u"instances.json"_s : u"instances_%1.json"_s.arg(split);
        const QJsonObject coco{
            {u"info"_s, QJsonObject{{u"description"_s, snapshot.dataset.name},
                                    {u"version"_s, QString::number(snapshot.version)},
                                    {u"contributor"_s, u"Atelier"_s}}},
            {u"licenses"_s, QJsonArray{}},
            {u"images"_s, it->images},
            {u"annotations"_s, it->annotations},
            {u"categories"_s, categories}};
        if (auto ok =
                writer.writeFile(fileName, QJsonDocument(coco).toJson(QJsonDocument::Compact));
            !ok)
            return ok.error();
    }
    return writer.report();
}

} // namespace atelier
