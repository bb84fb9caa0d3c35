// Pascal VOC object detection: one XML per image (Annotations/), images in JPEGImages/.
#include "datasets/datasetstore.h"
#include "datasets/imageexportwriter.h"
#include "datasets/imageformats.h"
#include "datasets/imageimportsession.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

class VocFormat
{
    Q_DECLARE_TR_FUNCTIONS(VocFormat)
};

struct VocObject
{
    QString name;
    QString author;
    QMap<QString, QString> box; // xmin, ymin, xmax, ymax as written
};

struct VocFile
{
    QString filename;
    QString path;
    int width = 0;
    int height = 0;
    QList<VocObject> objects;
};

Result<VocFile> parseVoc(const QString &file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, f.errorString());
    QXmlStreamReader xml(&f);
    VocFile voc;
    QStringList stack;
    bool sawRoot = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const QString name = xml.name().toString();
            if (stack.isEmpty()) {
                if (name != u"annotation"_s)
                    return makeError(ErrorCode::Invalid,
                                     VocFormat::tr("not a VOC file (root element <%1>)").arg(name));
                sawRoot = true;
            }
            stack.append(name);
            if (name == u"object"_s && stack.size() == 2)
                voc.objects.append(VocObject{});
        } else if (xml.isEndElement()) {
            stack.removeLast();
        } else if (xml.isCharacters() && !xml.isWhitespace() && !stack.isEmpty()) {
            const QString text = xml.text().toString().trimmed();
            const QString path = stack.join(u'/');
            if (path == u"annotation/filename"_s)
                voc.filename = text;
            else if (path == u"annotation/path"_s)
                voc.path = text;
            else if (path == u"annotation/size/width"_s)
                voc.width = text.toInt();
            else if (path == u"annotation/size/height"_s)
                voc.height = text.toInt();
            else if (path == u"annotation/object/name"_s && !voc.objects.isEmpty())
                voc.objects.last().name = text;
            else if (path == u"annotation/object/author"_s && !voc.objects.isEmpty())
                voc.objects.last().author = text;
            else if (path.startsWith(u"annotation/object/bndbox/"_s) && !voc.objects.isEmpty())
                voc.objects.last().box.insert(stack.last(), text);
        }
    }
    if (xml.hasError()) {
        return makeError(ErrorCode::Invalid, VocFormat::tr("not valid XML: line %1: %2")
                                                 .arg(xml.lineNumber())
                                                 .arg(xml.errorString()));
    }
    if (!sawRoot)
        return makeError(ErrorCode::Invalid, VocFormat::tr("empty XML file"));
    return voc;
}

QString findImage(const QString &xmlFile, const QString &root, const VocFile &voc)
{
    const QString dir = QFileInfo(xmlFile).absolutePath();
    QString name = voc.filename;
    if (name.isEmpty())
        name = QFileInfo(voc.path).fileName();
    const QStringList candidates{
        QDir(dir).filePath(u"../JPEGImages/"_s + name), QDir(dir).filePath(name),
        QDir(root).filePath(u"JPEGImages/"_s + name),   QDir(root).filePath(name),
        QDir(root).filePath(u"images/"_s + name),       QDir(dir).filePath(u"../images/"_s + name),
    };
    for (const QString &c : candidates) {
        if (QFileInfo(c).isFile())
            return QDir::cleanPath(c);
    }
    return QDir::cleanPath(candidates.first());
}

} // namespace

Result<ImportReport> importVoc(DatasetStore &store, const DatasetInfo &dataset, const QString &path,
                               const ImportOptions &options)
{
    ImageImportSession session(store, dataset, options, u"voc"_s);
    auto local = session.open(path);
    if (!local)
        return local.error();
    QStringList xmlFiles;
    if (QFileInfo(local.value()).isDir()) {
        QDirIterator it(local.value(), {u"*.xml"_s}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            xmlFiles.append(it.next());
        xmlFiles.sort();
    } else {
        xmlFiles.append(local.value());
    }
    if (xmlFiles.isEmpty())
        return makeError(
            ErrorCode::Invalid,
            VocFormat::tr("No VOC .xml file in %1.").arg(QDir::toNativeSeparators(path)));
    QList<ImageImportEntry> entries;
    for (const QString &xmlFile : xmlFiles) {
        auto voc = parseVoc(xmlFile);
        if (!voc) {
            session.unreadable(xmlFile, voc.error().message);
            continue;
        }
        if (voc->filename.isEmpty() && voc->path.isEmpty()) {
            session.unreadable(xmlFile, VocFormat::tr("no <filename>: which image it describes "
                                                      "is unknown"));
            continue;
        }
        ImageImportEntry entry;
        entry.file = findImage(xmlFile, session.root(), voc.value());
        entry.origin = xmlFile;
        int n = 0;
        for (const VocObject &o : voc->objects) {
            ++n;
            bool ok[4] = {false, false, false, false};
            const double x1 = o.box.value(u"xmin"_s).toDouble(&ok[0]);
            const double y1 = o.box.value(u"ymin"_s).toDouble(&ok[1]);
            const double x2 = o.box.value(u"xmax"_s).toDouble(&ok[2]);
            const double y2 = o.box.value(u"ymax"_s).toDouble(&ok[3]);
            if (o.name.isEmpty() || !ok[0] || !ok[1] || !ok[2] || !ok[3]) {
                session.warn(xmlFile, VocFormat::tr("object %1 has no <name> or no numeric "
                                                    "<bndbox> (xmin, ymin, xmax, ymax); skipped")
                                          .arg(n));
                continue;
            }
            if (x2 <= x1 || y2 <= y1) {
                session.warn(xmlFile, VocFormat::tr("object %1 (\"%2\") has xmax ≤ xmin or "
                                                    "ymax ≤ ymin; skipped")
                                          .arg(n)
                                          .arg(o.name));
                continue;
            }
            Annotation a = Annotation::box(o.name, QRectF(QPointF(x1, y1), QPointF(x2, y2)));
            a.author = o.author;
            entry.annotations.append(a);
        }
        entries.append(entry);
    }
    return session.run(entries);
}

Result<ExportReport> exportVoc(const DatasetSnapshot &snapshot, const QString &outDir,
                               const ExportOptions &options)
{
    ImageExportWriter writer(snapshot, outDir, options);
    for (const SnapshotItem &s : snapshot.items) {
        const QString name = writer.fileName(s.item);
        if (auto ok = writer.copyImage(s.item, u"JPEGImages/"_s + name); !ok)
            return ok.error();
        QByteArray data;
        QXmlStreamWriter xml(&data);
        xml.setAutoFormatting(true);
        xml.writeStartElement(u"annotation"_s);
        xml.writeTextElement(u"folder"_s, u"JPEGImages"_s);
        xml.writeTextElement(u"filename"_s, name);
        xml.writeStartElement(u"source"_s);
        xml.writeTextElement(u"database"_s, snapshot.dataset.name);
        xml.writeEndElement();
        xml.writeStartElement(u"size"_s);
        xml.writeTextElement(u"width"_s, QString::number(s.item.width));
        xml.writeTextElement(u"height"_s, QString::number(s.item.height));
        xml.writeTextElement(u"depth"_s, u"3"_s);
        xml.writeEndElement();
        xml.writeTextElement(u"segmented"_s, u"0"_s);
        for (const Annotation &a : writer.annotations(s)) {
            QRectF r = a.kind == AnnotationKind::Polygon ? a.points().boundingRect() : a.rect();
            if (r.isNull())
                continue;
            xml.writeStartElement(u"object"_s);
            xml.writeTextElement(u"name"_s, a.label);
            xml.writeTextElement(u"pose"_s, u"Unspecified"_s);
            xml.writeTextElement(u"truncated"_s, u"0"_s);
            xml.writeTextElement(u"difficult"_s, u"0"_s);
            xml.writeTextElement(u"author"_s, a.author);
            xml.writeStartElement(u"bndbox"_s);
            xml.writeTextElement(u"xmin"_s, pixelNumber(r.left()));
            xml.writeTextElement(u"ymin"_s, pixelNumber(r.top()));
            xml.writeTextElement(u"xmax"_s, pixelNumber(r.right()));
            xml.writeTextElement(u"ymax"_s, pixelNumber(r.bottom()));
            xml.writeEndElement();
            xml.writeEndElement();
            ++writer.report().annotations;
        }
        xml.writeEndElement();
        if (auto ok = writer.writeFile(
                u"Annotations/"_s + QFileInfo(name).completeBaseName() + u".xml"_s, data);
            !ok)
            return ok.error();
        ++writer.report().items;
        if (!writer.step())
            return makeError(ErrorCode::Cancelled, VocFormat::tr("Export cancelled."));
    }
    QString labels = writer.labelNames().join(u'\n');
    if (!labels.isEmpty())
        labels += u'\n';
    if (auto ok = writer.writeFile(u"labels.txt"_s, labels.toUtf8()); !ok)
        return ok.error();
    return writer.report();
}

} // namespace atelier
