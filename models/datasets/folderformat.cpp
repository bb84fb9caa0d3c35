// Image classification as a folder per class, CSV (image,label) and JSONL (one image per line,
// with its tags, boxes or polygons).
#include "datasets/datasetcontext.h"
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
#include <QRegularExpression>

#include <cmath>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

class FolderFormat
{
    Q_DECLARE_TR_FUNCTIONS(FolderFormat)
};

/// Reads a text file whole; Invalid with the reason when it cannot.
Result<QString> readText(const QString &file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, FolderFormat::tr("cannot read %1: %2")
                                            .arg(QDir::toNativeSeparators(file), f.errorString()));
    QString text = QString::fromUtf8(f.readAll());
    if (text.startsWith(QChar(0xfeff)))
        text.remove(0, 1);
    return text;
}

QString resolveImage(const QString &baseDir, const QString &path)
{
    if (QDir::isAbsolutePath(path))
        return path;
    return QDir::cleanPath(QDir(baseDir).filePath(path));
}

Annotation annotationFromJsonl(const QJsonObject &o, DatasetTask task, QString &problem)
{
    Annotation a;
    const QString kind = o.value(u"kind"_s).toString();
    a.label = o.value(u"label"_s).toString();
    a.author = o.value(u"author"_s).toString();
    a.source = o.value(u"source"_s).toString();
    if (auto state = annotationStateFromString(o.value(u"state"_s).toString()))
        a.state = *state;
    if (o.contains(u"bbox"_s) || kind == u"box"_s) {
        const QJsonArray b = o.value(u"bbox"_s).toArray();
        if (b.size() != 4) {
            problem = FolderFormat::tr("a box needs \"bbox\": [x, y, width, height]");
            return a;
        }
        a = [&] {
            Annotation box = Annotation::box(
                a.label, {b[0].toDouble(), b[1].toDouble(), b[2].toDouble(), b[3].toDouble()});
            box.author = a.author;
            box.source = a.source;
            box.state = a.state;
            return box;
        }();
    } else if (o.contains(u"points"_s) || kind == u"polygon"_s) {
        // One part [[x, y], …] or several [[[x, y], …], …] (Annotation's own geometry).
        Annotation poly;
        poly.kind = AnnotationKind::Polygon;
        poly.label = a.label;
        poly.geometry = o.value(u"points"_s);
        QList<QPolygonF> parts = poly.parts();
        poly = Annotation::polygon(a.label, parts);
        poly.author = a.author;
        poly.source = a.source;
        poly.state = a.state;
        a = poly;
    } else if (o.contains(u"rle"_s) || kind == u"mask"_s) {
        const auto rle = MaskRle::fromJson(o.value(u"rle"_s).toObject());
        if (!rle) {
            problem = FolderFormat::tr("a mask needs \"rle\": {\"size\": [h, w], \"counts\": …}");
            return a;
        }
        Annotation mask = Annotation::mask(a.label, *rle);
        mask.author = a.author;
        mask.source = a.source;
        mask.state = a.state;
        a = mask;
    } else {
        a.kind = AnnotationKind::Tag;
    }
    a.attributes = o.value(u"attributes"_s).toObject();
    const bool fits = annotationKindOf(task) == a.kind ||
                      (task == DatasetTask::Segmentation && a.kind == AnnotationKind::Mask);
    if (!fits) {
        problem = FolderFormat::tr("a %1 annotation does not fit a %2 dataset")
                      .arg(toString(a.kind), toString(task));
    }
    return a;
}

QJsonObject annotationToJsonl(const Annotation &a)
{
    QJsonObject o{{u"label"_s, a.label}, {u"kind"_s, toString(a.kind)}};
    if (a.kind == AnnotationKind::Box) {
        const QRectF r = a.rect();
        o.insert(u"bbox"_s, QJsonArray{r.x(), r.y(), r.width(), r.height()});
    } else if (a.kind == AnnotationKind::Polygon) {
        o.insert(u"points"_s, a.geometry);
    } else if (a.kind == AnnotationKind::Mask) {
        o.insert(u"rle"_s, a.geometry);
    }
    if (!a.attributes.isEmpty())
        o.insert(u"attributes"_s, a.attributes);
    o.insert(u"author"_s, a.author);
    if (a.state != AnnotationState::Accepted)
        o.insert(u"state"_s, toString(a.state));
    if (!a.source.isEmpty() && a.source != u"manual"_s)
        o.insert(u"source"_s, a.source);
    return o;
}

} // namespace

QStringList readCsvRecord(const QString &text, qsizetype &pos)
{
    QStringList fields;
    QString field;
    bool quoted = false;
    bool any = false;
    while (pos < text.size()) {
        const QChar c = text[pos++];
        any = true;
        if (quoted) {
            if (c == u'"') {
                if (pos < text.size() && text[pos] == u'"') {
                    field += u'"';
                    ++pos;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            fields.append(field);
            field.clear();
        } else if (c == u'\n' || c == u'\r') {
            if (c == u'\r' && pos < text.size() && text[pos] == u'\n')
                ++pos;
            break;
        } else {
            field += c;
        }
    }
    if (any)
        fields.append(field);
    return fields;
}

QString csvField(const QString &value)
{
    if (value.contains(u',') || value.contains(u'"') || value.contains(u'\n') ||
        value.contains(u'\r')) {
        QString q = value;
        q.replace(u"\""_s, u"\"\""_s);
        return u'"' + q + u'"';
    }
    return value;
}

QString pixelNumber(double value)
{
    const double rounded = std::round(value * 100) / 100;
    return QString::number(rounded, 'f', 2).remove(QRegularExpression(u"\\.?0+$"_s));
}

// --- folder per class ----------------------------------------------------------------------

Result<ImportReport> importImageFolder(DatasetContext &context, const DatasetInfo &dataset,
                                       const QString &path, const ImportOptions &options)
{
    ImageImportSession session(context, dataset, options, u"folder"_s);
    auto root = session.open(path);
    if (!root)
        return root.error();
    const bool archive = root.value() != QFileInfo(path).absoluteFilePath();
    if (!QFileInfo(root.value()).isDir())
        return makeError(ErrorCode::Invalid,
                         FolderFormat::tr("%1 is neither a folder nor a zip or tar archive.")
                             .arg(QDir::toNativeSeparators(path)));
    const QStringList files = ImageImportSession::imageFiles(root.value());
    // An archive often wraps everything in one folder: labels start below what all share.
    QString common;
    if (archive && !files.isEmpty()) {
        common = QFileInfo(files.first()).absolutePath();
        for (const QString &f : files) {
            while (!common.isEmpty() &&
                   !(QFileInfo(f).absolutePath() + u'/').startsWith(common + u'/'))
                common = QFileInfo(common).absolutePath();
        }
    } else {
        common = QFileInfo(root.value()).absoluteFilePath();
    }
    QList<ImageImportEntry> entries;
    for (const QString &f : files) {
        ImageImportEntry entry;
        entry.file = f;
        const QString parent = QFileInfo(f).absolutePath();
        if (parent != common && parent.startsWith(common + u'/'))
            entry.annotations.append(Annotation::tag(QFileInfo(parent).fileName()));
        entries.append(entry);
    }
    // Other files are reported, not silently left behind.
    QDirIterator all(root.value(), QDir::Files | QDir::NoSymLinks, QDirIterator::Subdirectories);
    QSet<QString> images(files.cbegin(), files.cend());
    while (all.hasNext()) {
        const QString f = all.next();
        if (!images.contains(f))
            session.unreadable(f, FolderFormat::tr("not an image file (by its name)"));
    }
    return session.run(entries);
}

Result<ExportReport> exportImageFolder(const DatasetSnapshot &snapshot, const QString &outDir,
                                       const ExportOptions &options)
{
    ImageExportWriter writer(snapshot, outDir, options);
    for (const SnapshotItem &s : snapshot.items) {
        QStringList labels;
        for (const Annotation &a : writer.annotations(s)) {
            if (!labels.contains(a.label))
                labels.append(a.label);
        }
        if (labels.isEmpty()) {
            if (auto ok = writer.copyImage(s.item, writer.fileName(s.item)); !ok)
                return ok.error();
        }
        for (const QString &label : labels) {
            QString folder = label;
            folder.replace(u'/', u'_').replace(u'\\', u'_');
            if (folder == u"."_s || folder == u".."_s)
                folder = u'_' + folder;
            if (auto ok = writer.copyImage(s.item, folder + u'/' + writer.fileName(s.item)); !ok)
                return ok.error();
            ++writer.report().annotations;
        }
        ++writer.report().items;
        if (!writer.step())
            return makeError(ErrorCode::Cancelled, FolderFormat::tr("Export cancelled."));
    }
    return writer.report();
}

// --- CSV -------------------------------------------------------------------------------------

Result<ImportReport> importImageCsv(DatasetContext &context, const DatasetInfo &dataset,
                                    const QString &path, const ImportOptions &options)
{
    ImageImportSession session(context, dataset, options, u"csv"_s);
    auto local = session.open(path);
    if (!local)
        return local.error();
    QString csvFile = local.value();
    if (QFileInfo(csvFile).isDir()) {
        const QStringList found = QDir(csvFile).entryList({u"*.csv"_s}, QDir::Files, QDir::Name);
        if (found.isEmpty())
            return makeError(
                ErrorCode::Invalid,
                FolderFormat::tr("%1 holds no .csv file.").arg(QDir::toNativeSeparators(path)));
        csvFile = QDir(csvFile).filePath(found.first());
    }
    auto text = readText(csvFile);
    if (!text)
        return text.error();
    qsizetype pos = 0;
    const QStringList header = readCsvRecord(text.value(), pos);
    qsizetype imageColumn = -1;
    qsizetype labelColumn = -1;
    for (qsizetype i = 0; i < header.size(); ++i) {
        const QString h = header[i].trimmed().toLower();
        if (imageColumn < 0 && (h == u"image"_s || h == u"path"_s || h == u"file"_s ||
                                h == u"filename"_s || h == u"file_name"_s || h == u"image_path"_s))
            imageColumn = i;
        else if (labelColumn < 0 &&
                 (h == u"label"_s || h == u"labels"_s || h == u"class"_s || h == u"category"_s))
            labelColumn = i;
    }
    if (imageColumn < 0)
        return makeError(ErrorCode::Invalid,
                         FolderFormat::tr("%1 has no image column: its header needs \"image\" "
                                          "(or path, file, filename) and \"label\".")
                             .arg(QFileInfo(csvFile).fileName()));
    const QString base = QFileInfo(csvFile).absolutePath();
    QList<ImageImportEntry> entries;
    int line = 1;
    while (pos < text->size()) {
        const QStringList row = readCsvRecord(text.value(), pos);
        ++line;
        if (row.isEmpty() || (row.size() == 1 && row.first().trimmed().isEmpty()))
            continue;
        if (row.size() <= imageColumn || row[imageColumn].trimmed().isEmpty()) {
            session.warn(csvFile, FolderFormat::tr("line %1 has no image; skipped").arg(line));
            continue;
        }
        ImageImportEntry entry;
        entry.file = resolveImage(base, row[imageColumn].trimmed());
        entry.origin = csvFile;
        if (labelColumn >= 0 && labelColumn < row.size()) {
            static const QRegularExpression separators(u"[;|]"_s);
            for (const QString &label : row[labelColumn].split(separators, Qt::SkipEmptyParts)) {
                if (!label.trimmed().isEmpty())
                    entry.annotations.append(Annotation::tag(label.trimmed()));
            }
        }
        entries.append(entry);
    }
    return session.run(entries);
}

Result<ExportReport> exportImageCsv(const DatasetSnapshot &snapshot, const QString &outDir,
                                    const ExportOptions &options)
{
    ImageExportWriter writer(snapshot, outDir, options);
    QString csv = u"image,label\n"_s;
    for (const SnapshotItem &s : snapshot.items) {
        const QString file = u"images/"_s + writer.fileName(s.item);
        if (auto ok = writer.copyImage(s.item, file); !ok)
            return ok.error();
        QStringList labels;
        for (const Annotation &a : writer.annotations(s)) {
            if (!labels.contains(a.label))
                labels.append(a.label);
        }
        writer.report().annotations += labels.size();
        csv += csvField(file) + u',' + csvField(labels.join(u';')) + u'\n';
        ++writer.report().items;
        if (!writer.step())
            return makeError(ErrorCode::Cancelled, FolderFormat::tr("Export cancelled."));
    }
    if (auto ok = writer.writeFile(u"labels.csv"_s, csv.toUtf8()); !ok)
        return ok.error();
    return writer.report();
}

// --- JSONL -----------------------------------------------------------------------------------

Result<ImportReport> importImageJsonl(DatasetContext &context, const DatasetInfo &dataset,
                                      const QString &path, const ImportOptions &options)
{
    ImageImportSession session(context, dataset, options, u"jsonl"_s);
    auto local = session.open(path);
    if (!local)
        return local.error();
    QString file = local.value();
    if (QFileInfo(file).isDir()) {
        const QStringList found =
            QDir(file).entryList({u"*.jsonl"_s, u"*.ndjson"_s}, QDir::Files, QDir::Name);
        if (found.isEmpty())
            return makeError(
                ErrorCode::Invalid,
                FolderFormat::tr("%1 holds no .jsonl file.").arg(QDir::toNativeSeparators(path)));
        file = QDir(file).filePath(found.first());
    }
    auto text = readText(file);
    if (!text)
        return text.error();
    const QString base = QFileInfo(file).absolutePath();
    QList<ImageImportEntry> entries;
    int line = 0;
    for (const QString &raw : text->split(u'\n')) {
        ++line;
        if (raw.trimmed().isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(raw.toUtf8(), &error);
        if (!doc.isObject()) {
            session.warn(file, FolderFormat::tr("line %1 is not a JSON object (%2); skipped")
                                   .arg(line)
                                   .arg(error.errorString()));
            continue;
        }
        const QJsonObject o = doc.object();
        QString image = o.value(u"image"_s).toString();
        if (image.isEmpty())
            image = o.value(u"path"_s).toString(o.value(u"file"_s).toString());
        if (image.isEmpty()) {
            session.warn(file, FolderFormat::tr("line %1 has no \"image\"; skipped").arg(line));
            continue;
        }
        ImageImportEntry entry;
        entry.file = resolveImage(base, image);
        entry.origin = file;
        entry.split = o.value(u"split"_s).toString();
        entry.attributes = o.value(u"attributes"_s).toObject();
        if (auto status = itemStatusFromString(o.value(u"status"_s).toString());
            status && *status != ItemStatus::Unlabeled && *status != ItemStatus::Labeled)
            entry.status = status;
        QJsonArray notes = o.value(u"annotations"_s).toArray();
        if (o.contains(u"label"_s))
            notes.append(QJsonObject{{u"label"_s, o.value(u"label"_s)}});
        for (const QJsonValue &l : o.value(u"labels"_s).toArray())
            notes.append(QJsonObject{{u"label"_s, l}});
        for (const QJsonValue &b : o.value(u"boxes"_s).toArray())
            notes.append(b);
        for (const QJsonValue &p : o.value(u"polygons"_s).toArray())
            notes.append(p);
        for (const QJsonValue &n : notes) {
            QString problem;
            Annotation a = annotationFromJsonl(n.toObject(), dataset.task, problem);
            if (!problem.isEmpty()) {
                session.warn(file, FolderFormat::tr("line %1: %2; skipped").arg(line).arg(problem));
                continue;
            }
            entry.annotations.append(a);
        }
        entries.append(entry);
    }
    return session.run(entries);
}

std::optional<TaskChoice> inferImageJsonlTask(const QString &path)
{
    // The richest kind any line carries: masks or polygons, then boxes, then tags.
    QString file = path;
    if (QFileInfo(path).isDir()) {
        const QStringList found =
            QDir(path).entryList({u"*.jsonl"_s, u"*.ndjson"_s}, QDir::Files, QDir::Name);
        if (found.isEmpty())
            return std::nullopt;
        file = QDir(path).filePath(found.first());
    }
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly))
        return std::nullopt;
    qint64 shapes = 0, boxes = 0, lines = 0;
    while (!in.atEnd()) {
        const QByteArray raw = in.readLine();
        const QJsonObject o = QJsonDocument::fromJson(raw).object();
        if (o.isEmpty())
            continue;
        ++lines;
        QJsonArray notes = o.value(u"annotations"_s).toArray();
        for (const QJsonValue &v : o.value(u"polygons"_s).toArray())
            notes.append(v);
        for (const QJsonValue &v : o.value(u"boxes"_s).toArray())
            notes.append(v);
        bool shape = false, box = false;
        for (const QJsonValue &n : notes) {
            const QJsonObject a = n.toObject();
            shape = shape || a.contains(u"points"_s) || a.contains(u"rle"_s);
            box = box || a.contains(u"bbox"_s);
        }
        shapes += shape;
        boxes += box;
    }
    if (shapes > 0)
        return TaskChoice{DatasetTask::Segmentation,
                          FolderFormat::tr("polygons or masks on %1 of %2 images").arg(shapes).arg(lines)};
    if (boxes > 0)
        return TaskChoice{DatasetTask::Detection,
                          FolderFormat::tr("boxes on %1 of %2 images").arg(boxes).arg(lines)};
    return std::nullopt;
}

Result<ExportReport> exportImageJsonl(const DatasetSnapshot &snapshot, const QString &outDir,
                                      const ExportOptions &options)
{
    ImageExportWriter writer(snapshot, outDir, options);
    QByteArray out;
    for (const SnapshotItem &s : snapshot.items) {
        const QString file = u"images/"_s + writer.fileName(s.item);
        if (auto ok = writer.copyImage(s.item, file); !ok)
            return ok.error();
        QJsonArray notes;
        for (const Annotation &a : writer.annotations(s))
            notes.append(annotationToJsonl(a));
        writer.report().annotations += notes.size();
        QJsonObject line{{u"image"_s, file},
                         {u"width"_s, s.item.width},
                         {u"height"_s, s.item.height},
                         {u"status"_s, toString(s.item.status)},
                         {u"annotations"_s, notes}};
        if (!s.item.split.isEmpty())
            line.insert(u"split"_s, s.item.split);
        if (!s.item.attributes.isEmpty())
            line.insert(u"attributes"_s, s.item.attributes);
        out += QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
        ++writer.report().items;
        if (!writer.step())
            return makeError(ErrorCode::Cancelled, FolderFormat::tr("Export cancelled."));
    }
    if (auto ok = writer.writeFile(u"annotations.jsonl"_s, out); !ok)
        return ok.error();
    return writer.report();
}

} // namespace atelier
