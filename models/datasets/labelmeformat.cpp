// labelme: one JSON per image beside it ({"imagePath", "shapes": [{"label", "points",
// "shape_type"}], "imageData", "imageWidth", "imageHeight"}).
#include "datasets/datasetstore.h"
#include "datasets/imageexportwriter.h"
#include "datasets/imageformats.h"
#include "datasets/imageimportsession.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

class LabelmeFormat
{
    Q_DECLARE_TR_FUNCTIONS(LabelmeFormat)
};

} // namespace

Result<ImportReport> importLabelme(DatasetStore &store, const DatasetInfo &dataset,
                                   const QString &path, const ImportOptions &options)
{
    ImageImportSession session(store, dataset, options, u"labelme"_s);
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
    if (jsonFiles.isEmpty())
        return makeError(
            ErrorCode::Invalid,
            LabelmeFormat::tr("No labelme .json file in %1.").arg(QDir::toNativeSeparators(path)));
    QTemporaryDir embedded; // images that exist only as imageData
    if (embedded.isValid())
        session.allowFolder(embedded.path());
    const bool polygons = dataset.task == DatasetTask::Segmentation;
    QList<ImageImportEntry> entries;
    for (const QString &jsonFile : jsonFiles) {
        QFile f(jsonFile);
        if (!f.open(QIODevice::ReadOnly)) {
            session.unreadable(jsonFile, f.errorString());
            continue;
        }
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &error);
        const QJsonObject o = doc.object();
        if (!doc.isObject() || !o.value(u"shapes"_s).isArray()) {
            session.unreadable(jsonFile, doc.isNull()
                                             ? LabelmeFormat::tr("not valid JSON: %1 at byte %2")
                                                   .arg(error.errorString())
                                                   .arg(error.offset)
                                             : LabelmeFormat::tr("no \"shapes\": not a labelme "
                                                                 "file"));
            continue;
        }
        ImageImportEntry entry;
        entry.origin = jsonFile;
        const QString imagePath = o.value(u"imagePath"_s).toString();
        const QString dir = QFileInfo(jsonFile).absolutePath();
        QString file =
            imagePath.isEmpty() ? QString() : QDir::cleanPath(QDir(dir).filePath(imagePath));
        // An imagePath outside the imported folder is never read; embedded data is used then.
        if ((file.isEmpty() || !QFileInfo(file).isFile() || !session.isInside(file)) &&
            o.value(u"imageData"_s).isString() && embedded.isValid()) {
            const QByteArray bytes =
                QByteArray::fromBase64(o.value(u"imageData"_s).toString().toLatin1());
            QString name = QFileInfo(imagePath).fileName();
            if (name.isEmpty())
                name = QFileInfo(jsonFile).completeBaseName() + u".png"_s;
            file = QDir(embedded.path()).filePath(QString::number(entries.size()) + u'-' + name);
            QFile out(file);
            if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size()) {
                session.unreadable(jsonFile, LabelmeFormat::tr("cannot unpack its imageData"));
                continue;
            }
        }
        if (file.isEmpty()) {
            session.unreadable(jsonFile, LabelmeFormat::tr("no \"imagePath\" and no "
                                                           "\"imageData\""));
            continue;
        }
        entry.file = file;
        int n = 0;
        for (const QJsonValue &v : o.value(u"shapes"_s).toArray()) {
            ++n;
            const QJsonObject shape = v.toObject();
            const QString label = shape.value(u"label"_s).toString().trimmed();
            const QString type = shape.value(u"shape_type"_s).toString(u"polygon"_s);
            QPolygonF points;
            for (const QJsonValue &p : shape.value(u"points"_s).toArray()) {
                const QJsonArray xy = p.toArray();
                if (xy.size() >= 2)
                    points.append(QPointF(xy[0].toDouble(), xy[1].toDouble()));
            }
            if (label.isEmpty()) {
                session.warn(jsonFile, LabelmeFormat::tr("shape %1 has no label; skipped").arg(n));
                continue;
            }
            Annotation a;
            if (type == u"rectangle"_s && points.size() == 2) {
                const QRectF r = QRectF(points[0], points[1]).normalized();
                a = polygons
                        ? Annotation::polygon(label, QPolygonF{r.topLeft(), r.topRight(),
                                                               r.bottomRight(), r.bottomLeft()})
                        : Annotation::box(label, r);
            } else if (type == u"polygon"_s && points.size() >= 3) {
                if (polygons) {
                    a = Annotation::polygon(label, points);
                } else {
                    a = Annotation::box(label, points.boundingRect());
                    session.warn(jsonFile, LabelmeFormat::tr("shape %1 (\"%2\"): a polygon in a "
                                                             "detection dataset becomes its "
                                                             "bounding box")
                                               .arg(n)
                                               .arg(label));
                }
            } else {
                session.warn(jsonFile, LabelmeFormat::tr("shape %1 (\"%2\"): a %3 with %4 points "
                                                         "is not supported; skipped")
                                           .arg(n)
                                           .arg(label, type)
                                           .arg(points.size()));
                continue;
            }
            a.author = shape.value(u"atelier_author"_s).toString();
            entry.annotations.append(a);
        }
        entries.append(entry);
    }
    return session.run(entries);
}

Result<ExportReport> exportLabelme(const DatasetSnapshot &snapshot, const QString &outDir,
                                   const ExportOptions &options)
{
    ImageExportWriter writer(snapshot, outDir, options);
    for (const SnapshotItem &s : snapshot.items) {
        const QString name = writer.fileName(s.item);
        if (auto ok = writer.copyImage(s.item, name); !ok)
            return ok.error();
        QJsonArray shapes;
        for (const Annotation &a : writer.annotations(s)) {
            QJsonArray points;
            QString type;
            if (a.kind == AnnotationKind::Box) {
                const QRectF r = a.rect();
                points = {QJsonArray{r.left(), r.top()}, QJsonArray{r.right(), r.bottom()}};
                type = u"rectangle"_s;
            } else if (a.kind == AnnotationKind::Polygon) {
                points = a.geometry.toArray();
                type = u"polygon"_s;
            } else {
                continue;
            }
            shapes.append(QJsonObject{{u"label"_s, a.label},
                                      {u"points"_s, points},
                                      {u"group_id"_s, QJsonValue::Null},
                                      {u"shape_type"_s, type},
                                      {u"flags"_s, QJsonObject{}},
                                      {u"atelier_author"_s, a.author}});
            ++writer.report().annotations;
        }
        const QJsonObject json{{u"version"_s, u"5.2.1"_s},
                               {u"flags"_s, QJsonObject{}},
                               {u"shapes"_s, shapes},
                               {u"imagePath"_s, name},
                               {u"imageData"_s, QJsonValue::Null},
                               {u"imageHeight"_s, s.item.height},
                               {u"imageWidth"_s, s.item.width}};
        if (auto ok = writer.writeFile(QFileInfo(name).completeBaseName() + u".json"_s,
                                       QJsonDocument(json).toJson(QJsonDocument::Indented));
            !ok)
            return ok.error();
        ++writer.report().items;
        if (!writer.step())
            return makeError(ErrorCode::Cancelled, LabelmeFormat::tr("Export cancelled."));
    }
    return writer.report();
}

} // namespace atelier
