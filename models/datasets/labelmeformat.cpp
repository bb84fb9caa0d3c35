// labelme import: one JSON per image beside it ({"imagePath", "shapes": [{"label", "points",
// "shape_type", "group_id", "flags", "description"}], "flags", "imageData", "imageWidth",
// "imageHeight"}). Every field is kept: what the annotation cannot hold goes to its attributes
// (the item's for the file's own fields), so that the export writes the shape back as it was.
#include "datasets/datasetcontext.h"
#include "datasets/imageformats.h"
#include "datasets/imageimportsession.h"
#include "datasets/labelmeshapes.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

class LabelmeFormat
{
    Q_DECLARE_TR_FUNCTIONS(LabelmeFormat)
};

QStringList jsonFilesIn(const QString &path)
{
    QStringList files;
    if (QFileInfo(path).isDir()) {
        QDirIterator it(path, {u"*.json"_s}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            files.append(it.next());
        files.sort();
    } else if (QFileInfo(path).isFile()) {
        files.append(path);
    }
    return files;
}

/// What labelme says of a shape beyond label, points and type: group_id, flags, description
/// and any other key, under their own names (empty and null ones left out: labelme reads a
/// missing key as null / {} / "").
QJsonObject shapeAttributes(const QJsonObject &shape)
{
    QJsonObject attributes;
    for (auto it = shape.begin(); it != shape.end(); ++it) {
        if (labelme::shapeKeys().contains(it.key()) || it.value().isNull())
            continue;
        if (it.key() == u"flags"_s && it.value().toObject().isEmpty())
            continue;
        if (it.key() == u"description"_s && it.value().toString().isEmpty())
            continue;
        attributes.insert(it.key(), it.value());
    }
    return attributes;
}

/// Shapes the dataset cannot hold, counted by type and reported once per type.
class Skipped
{
public:
    void add(const QString &type, const QString &file)
    {
        ++m_count[type];
        if (!m_first.contains(type))
            m_first.insert(type, file);
    }
    void report(ImageImportSession &session, DatasetTask task) const
    {
        for (auto it = m_count.cbegin(); it != m_count.cend(); ++it) {
            session.warn(m_first.value(it.key()),
                         LabelmeFormat::tr("%1 %2 shape(s) skipped: a %3 dataset holds %4 (this "
                                           "file has the first)")
                             .arg(it.value())
                             .arg(it.key(), toString(task),
                                  task == DatasetTask::Segmentation
                                      ? LabelmeFormat::tr("polygons and masks only")
                                      : LabelmeFormat::tr("boxes only")));
        }
    }

private:
    QMap<QString, qint64> m_count;
    QMap<QString, QString> m_first;
};

} // namespace

Result<ImportReport> importLabelme(DatasetContext &context, const DatasetInfo &dataset,
                                   const QString &path, const ImportOptions &options)
{
    ImageImportSession session(context, dataset, options, u"labelme"_s);
    auto local = session.open(path);
    if (!local)
        return local.error();
    const QStringList jsonFiles = jsonFilesIn(local.value());
    if (jsonFiles.isEmpty())
        return makeError(
            ErrorCode::Invalid,
            LabelmeFormat::tr("No labelme .json file in %1.").arg(QDir::toNativeSeparators(path)));
    QTemporaryDir embedded; // images that exist only as imageData
    if (embedded.isValid())
        session.allowFolder(embedded.path());
    const bool segmentation = dataset.task == DatasetTask::Segmentation;
    Skipped skipped;
    qint64 polygonsAsBoxes = 0;
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
        // The file's own fields (image flags, description, keys of newer labelme versions).
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (labelme::fileKeys().contains(it.key()) || it.value().isNull())
                continue;
            if (it.key() == u"flags"_s && it.value().toObject().isEmpty())
                continue;
            entry.attributes.insert(it.key(), it.value());
        }
        int n = 0;
        for (const QJsonValue &v : o.value(u"shapes"_s).toArray()) {
            ++n;
            const QJsonObject shape = v.toObject();
            const QString label = shape.value(u"label"_s).toString().trimmed();
            const QString type = shape.value(u"shape_type"_s).toString(u"polygon"_s);
            const QJsonArray rawPoints = shape.value(u"points"_s).toArray();
            const QPolygonF points = labelme::pointsFrom(rawPoints);
            if (label.isEmpty()) {
                session.warn(jsonFile, LabelmeFormat::tr("shape %1 has no label; skipped").arg(n));
                continue;
            }
            Annotation a;
            QJsonObject attributes = shapeAttributes(shape);
            if (type == u"rectangle"_s && points.size() == 2) {
                const QRectF r = QRectF(points[0], points[1]).normalized();
                if (segmentation) {
                    // Kept as a rectangle for the export: a 2-point rectangle again.
                    a = Annotation::polygon(label, QPolygonF{r.topLeft(), r.topRight(),
                                                             r.bottomRight(), r.bottomLeft()});
                    attributes.insert(u"shape_type"_s, type);
                } else {
                    a = Annotation::box(label, r);
                }
            } else if (type == u"polygon"_s && points.size() >= 3) {
                if (segmentation) {
                    a = Annotation::polygon(label, points);
                } else {
                    // The box for the detection dataset; the points for the labelme export.
                    a = Annotation::box(label, points.boundingRect());
                    attributes.insert(u"shape_type"_s, type);
                    attributes.insert(u"points"_s, rawPoints);
                    ++polygonsAsBoxes;
                }
            } else if (type == u"circle"_s && points.size() == 2 && points[0] != points[1]) {
                // An outline (segmentation) or its square (detection); the centre and edge
                // point stay in the attributes so that the export writes the circle again.
                a = segmentation
                        ? Annotation::polygon(label, labelme::circleOutline(points[0], points[1]))
                        : Annotation::box(label, labelme::circleBounds(points[0], points[1]));
                attributes.insert(u"shape_type"_s, type);
                attributes.insert(u"points"_s, rawPoints);
            } else if (type == u"rectangle"_s || type == u"polygon"_s || type == u"circle"_s) {
                session.warn(jsonFile, LabelmeFormat::tr("shape %1 (\"%2\"): a %3 with %4 points "
                                                         "is not valid; skipped")
                                           .arg(n)
                                           .arg(label, type)
                                           .arg(points.size()));
                continue;
            } else {
                skipped.add(type, jsonFile); // point, line, linestrip, mask, …
                continue;
            }
            a.attributes = attributes;
            a.author = shape.value(u"atelier_author"_s).toString();
            entry.annotations.append(a);
        }
        entries.append(entry);
    }
    skipped.report(session, dataset.task);
    if (polygonsAsBoxes > 0)
        session.warn(local.value(),
                     LabelmeFormat::tr("%n polygon(s) became their bounding boxes: a detection "
                                       "dataset holds no polygons (their points are kept for the "
                                       "labelme export; import into a segmentation dataset to "
                                       "keep them as polygons)",
                                       nullptr, int(polygonsAsBoxes)));
    return session.run(entries);
}

std::optional<TaskChoice> inferLabelmeTask(const QString &path)
{
    qint64 regions = 0; // polygons and circles
    qint64 rectangles = 0;
    qint64 shapes = 0;
    for (const QString &jsonFile : jsonFilesIn(path)) {
        QFile f(jsonFile);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QJsonArray list =
            QJsonDocument::fromJson(f.readAll()).object().value(u"shapes"_s).toArray();
        for (const QJsonValue &v : list) {
            const QString type = v.toObject().value(u"shape_type"_s).toString(u"polygon"_s);
            ++shapes;
            regions += type == u"polygon"_s || type == u"circle"_s ? 1 : 0;
            rectangles += type == u"rectangle"_s ? 1 : 0;
        }
    }
    if (regions > 0)
        return TaskChoice{DatasetTask::Segmentation,
                          LabelmeFormat::tr("polygons or circles in %1 of %2 labelme shapes")
                              .arg(regions)
                              .arg(shapes)};
    if (rectangles > 0)
        return TaskChoice{DatasetTask::Detection,
                          LabelmeFormat::tr("rectangles only (%1 of %2 labelme shapes)")
                              .arg(rectangles)
                              .arg(shapes)};
    return std::nullopt;
}

} // namespace atelier
