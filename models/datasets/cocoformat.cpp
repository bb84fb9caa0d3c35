// COCO object detection / instance segmentation: one JSON with images, annotations (bbox,
// polygon segmentation) and categories.
#include "datasets/datasetstore.h"
#include "datasets/imageexportwriter.h"
#include "datasets/imageformats.h"
#include "datasets/imageimportsession.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>

#include <cmath>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

class CocoFormat
{
    Q_DECLARE_TR_FUNCTIONS(CocoFormat)
};

bool isCoco(const QJsonObject &o)
{
    return o.value(u"images"_s).isArray() && o.value(u"annotations"_s).isArray();
}

std::optional<qint64> integerId(const QJsonValue &v)
{
    if (!v.isDouble())
        return std::nullopt;
    const double d = v.toDouble();
    if (d != std::floor(d))
        return std::nullopt;
    return qint64(d);
}

QString findImage(const QString &jsonDir, const QString &root, const QString &name)
{
    const QStringList candidates{
        QDir(jsonDir).filePath(name),
        QDir(jsonDir).filePath(u"images/"_s + name),
        QDir(jsonDir).filePath(u"../images/"_s + name),
        QDir(jsonDir).filePath(u"../"_s + name),
        QDir(root).filePath(name),
        QDir(root).filePath(u"images/"_s + name),
        QDir(jsonDir).filePath(u"images/"_s + QFileInfo(name).fileName()),
    };
    for (const QString &c : candidates) {
        if (QFileInfo(c).isFile())
            return QDir::cleanPath(c);
    }
    return QDir::cleanPath(candidates.first());
}

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

} // namespace

Result<ImportReport> importCoco(DatasetStore &store, const DatasetInfo &dataset,
                                const QString &path, const ImportOptions &options)
{
    ImageImportSession session(store, dataset, options, u"coco"_s);
    auto local = session.open(path);
    if (!local)
        return local.error();
    QStringList jsonFiles;
    if (QFileInfo(local.value()).isDir()) {
        QDirIterator it(local.value(), {u"*.json"_s}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            jsonFiles.append(it.next());
        jsonFiles.sort();
    } else {
        jsonFiles.append(local.value());
    }
    QList<ImageImportEntry> entries;
    int cocoFiles = 0;
    for (const QString &jsonFile : jsonFiles) {
        QFile f(jsonFile);
        if (!f.open(QIODevice::ReadOnly)) {
            session.unreadable(jsonFile, f.errorString());
            continue;
        }
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &error);
        if (!doc.isObject() || !isCoco(doc.object())) {
            const QString why = doc.isNull()
                                    ? CocoFormat::tr("not valid JSON: %1 at byte %2")
                                          .arg(error.errorString())
                                          .arg(error.offset)
                                    : CocoFormat::tr("no \"images\" and \"annotations\" arrays: "
                                                     "not a COCO file");
            if (jsonFiles.size() == 1) {
                return makeError(ErrorCode::Invalid,
                                 CocoFormat::tr("%1: %2").arg(session.display(jsonFile), why));
            }
            session.unreadable(jsonFile, why);
            continue;
        }
        ++cocoFiles;
        const QJsonObject coco = doc.object();
        const QString jsonDir = QFileInfo(jsonFile).absolutePath();
        QHash<qint64, QString> categories;
        for (const QJsonValue &c : coco.value(u"categories"_s).toArray()) {
            const auto id = integerId(c.toObject().value(u"id"_s));
            const QString name = c.toObject().value(u"name"_s).toString().trimmed();
            if (!id || name.isEmpty()) {
                session.warn(jsonFile, CocoFormat::tr("a category without an integer id or a "
                                                      "name was skipped"));
                continue;
            }
            categories.insert(*id, name);
        }
        QHash<qint64, qsizetype> imageIndex;
        const qsizetype firstEntry = entries.size();
        int n = 0;
        for (const QJsonValue &v : coco.value(u"images"_s).toArray()) {
            ++n;
            const QJsonObject image = v.toObject();
            const auto id = integerId(image.value(u"id"_s));
            const QString name = image.value(u"file_name"_s).toString();
            if (!id || name.isEmpty()) {
                session.warn(jsonFile, CocoFormat::tr("image entry %1 has no integer \"id\" or "
                                                      "no \"file_name\"; skipped")
                                           .arg(n));
                continue;
            }
            if (imageIndex.contains(*id)) {
                session.warn(jsonFile,
                             CocoFormat::tr("image id %1 is listed twice; the second (%2) was "
                                            "skipped")
                                 .arg(*id)
                                 .arg(name));
                continue;
            }
            ImageImportEntry entry;
            entry.file = findImage(jsonDir, session.root(), name);
            entry.origin = jsonFile;
            imageIndex.insert(*id, entries.size());
            entries.append(entry);
        }
        const bool polygons = dataset.task == DatasetTask::Segmentation;
        n = 0;
        for (const QJsonValue &v : coco.value(u"annotations"_s).toArray()) {
            ++n;
            const QJsonObject a = v.toObject();
            const QString ref = a.contains(u"id"_s)
                                    ? CocoFormat::tr("annotation id %1")
                                          .arg(a.value(u"id"_s).toVariant().toString())
                                    : CocoFormat::tr("annotation %1").arg(n);
            const auto imageId = integerId(a.value(u"image_id"_s));
            if (!imageId || !imageIndex.contains(*imageId)) {
                session.warn(jsonFile,
                             CocoFormat::tr("%1: image id %2 is not in \"images\"; "
                                            "skipped")
                                 .arg(ref, a.value(u"image_id"_s).toVariant().toString()));
                continue;
            }
            const auto categoryId = integerId(a.value(u"category_id"_s));
            if (!categoryId || !categories.contains(*categoryId)) {
                session.warn(jsonFile,
                             CocoFormat::tr("%1: category id %2 is not in \"categories\"; skipped")
                                 .arg(ref, a.value(u"category_id"_s).toVariant().toString()));
                continue;
            }
            const QString label = categories.value(*categoryId);
            const QJsonObject attributes = a.value(u"attributes"_s).toObject();
            QList<Annotation> made;
            if (polygons && a.value(u"segmentation"_s).isArray() &&
                !a.value(u"segmentation"_s).toArray().isEmpty()) {
                for (const QJsonValue &part : a.value(u"segmentation"_s).toArray()) {
                    const QJsonArray flat = part.toArray();
                    if (flat.size() < 6 || flat.size() % 2 != 0) {
                        session.warn(jsonFile, CocoFormat::tr("%1: a polygon needs an even "
                                                              "number (≥ 6) of coordinates; "
                                                              "skipped")
                                                   .arg(ref));
                        continue;
                    }
                    QPolygonF points;
                    for (qsizetype i = 0; i + 1 < flat.size(); i += 2)
                        points.append(QPointF(flat[i].toDouble(), flat[i + 1].toDouble()));
                    made.append(Annotation::polygon(label, points));
                }
            } else if (polygons && a.value(u"segmentation"_s).isObject()) {
                session.warn(jsonFile,
                             CocoFormat::tr("%1: RLE masks are not supported; skipped").arg(ref));
                continue;
            } else {
                const QJsonArray b = a.value(u"bbox"_s).toArray();
                bool numbers = b.size() == 4;
                for (const QJsonValue &x : b)
                    numbers = numbers && x.isDouble();
                if (!numbers) {
                    session.warn(jsonFile,
                                 CocoFormat::tr("%1: \"bbox\" must be [x, y, width, height]; "
                                                "skipped")
                                     .arg(ref));
                    continue;
                }
                const QRectF r(b[0].toDouble(), b[1].toDouble(), b[2].toDouble(), b[3].toDouble());
                if (polygons) {
                    made.append(
                        Annotation::polygon(label, QPolygonF{r.topLeft(), r.topRight(),
                                                             r.bottomRight(), r.bottomLeft()}));
                } else {
                    made.append(Annotation::box(label, r));
                }
            }
            for (Annotation &m : made) {
                m.author = attributes.value(u"author"_s).toString();
                m.source = attributes.value(u"source"_s).toString();
                entries[imageIndex.value(*imageId)].annotations.append(m);
            }
        }
        Q_UNUSED(firstEntry);
    }
    if (cocoFiles == 0) {
        return makeError(ErrorCode::Invalid,
                         CocoFormat::tr("No COCO annotation file (JSON with \"images\" and "
                                        "\"annotations\") in %1.")
                             .arg(QDir::toNativeSeparators(path)));
    }
    return session.run(entries);
}

Result<ExportReport> exportCoco(const DatasetSnapshot &snapshot, const QString &outDir,
                                const ExportOptions &options)
{
    ImageExportWriter writer(snapshot, outDir, options);
    const QStringList labels = writer.labelNames();
    QJsonArray categories;
    for (qsizetype i = 0; i < labels.size(); ++i) {
        categories.append(QJsonObject{
            {u"id"_s, qint64(i + 1)}, {u"name"_s, labels[i]}, {u"supercategory"_s, u""_s}});
    }
    QJsonArray images;
    QJsonArray annotations;
    qint64 imageId = 0;
    qint64 annotationId = 0;
    for (const SnapshotItem &s : snapshot.items) {
        ++imageId;
        const QString name = writer.fileName(s.item);
        if (auto ok = writer.copyImage(s.item, u"images/"_s + name); !ok)
            return ok.error();
        images.append(QJsonObject{{u"id"_s, imageId},
                                  {u"file_name"_s, name},
                                  {u"width"_s, s.item.width},
                                  {u"height"_s, s.item.height}});
        for (const Annotation &a : writer.annotations(s)) {
            QJsonObject o{
                {u"id"_s, ++annotationId},
                {u"image_id"_s, imageId},
                {u"category_id"_s, qint64(labels.indexOf(a.label) + 1)},
                {u"iscrowd"_s, 0},
                {u"attributes"_s, QJsonObject{{u"author"_s, a.author}, {u"source"_s, a.source}}}};
            if (a.kind == AnnotationKind::Polygon) {
                const QPolygonF p = a.points();
                QJsonArray flat;
                for (const QPointF &pt : p) {
                    flat.append(pt.x());
                    flat.append(pt.y());
                }
                const QRectF r = p.boundingRect();
                o.insert(u"segmentation"_s, QJsonArray{flat});
                o.insert(u"bbox"_s, QJsonArray{r.x(), r.y(), r.width(), r.height()});
                o.insert(u"area"_s, polygonArea(p));
            } else if (a.kind == AnnotationKind::Box) {
                const QRectF r = a.rect();
                o.insert(u"bbox"_s, QJsonArray{r.x(), r.y(), r.width(), r.height()});
                o.insert(u"area"_s, r.width() * r.height());
                o.insert(u"segmentation"_s, QJsonArray{});
            } else {
                continue;
            }
            annotations.append(o);
            ++writer.report().annotations;
        }
        ++writer.report().items;
        if (!writer.step())
            return makeError(ErrorCode::Cancelled, CocoFormat::tr("Export cancelled."));
    }
    const QJsonObject coco{
        {u"info"_s, QJsonObject{{u"description"_s, snapshot.dataset.name},
                                {u"version"_s, QString::number(snapshot.version)},
                                {u"contributor"_s, u"Atelier"_s}}},
        {u"licenses"_s, QJsonArray{}},
        {u"images"_s, images},
        {u"annotations"_s, annotations},
        {u"categories"_s, categories}};
    if (auto ok = writer.writeFile(u"instances.json"_s,
                                   QJsonDocument(coco).toJson(QJsonDocument::Compact));
        !ok)
        return ok.error();
    return writer.report();
}

} // namespace atelier
