// Pascal VOC: one XML per image (Annotations/), images in JPEGImages/, split lists in
// ImageSets/, and for segmentation indexed PNGs in SegmentationClass/ and SegmentationObject/.
// The export is the devkit's VOCdevkit/VOC2012 layout, which torchvision's VOCDetection and
// VOCSegmentation read as they are.
#include "datasets/datasetcatalog.h"
#include "datasets/imageexportwriter.h"
#include "datasets/imageformats.h"
#include "datasets/imageimportsession.h"
#include "datasets/indexedmasks.h"
#include "datasets/vocdevkit.h"
#include "datasets/vocxml.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QImageReader>
#include <QJsonArray>
#include <QPainter>
#include <QXmlStreamWriter>

#include <climits>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

class VocFormat
{
    Q_DECLARE_TR_FUNCTIONS(VocFormat)
};

const QString kExportRoot = u"VOCdevkit/VOC2012/"_s;

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

/// What the import met that the report sums up once instead of once per file.
struct VocCounts
{
    qint64 boxesAsPolygons = 0; ///< segmentation: objects without an instance mask
    qint64 masksWithoutObject = 0;
    qint64 unknownColours = 0;
    qint64 masksNotRead = 0; ///< detection: mask PNGs a detection dataset cannot take
    QStringList splitConflicts;
    QMap<QString, int> classIds; ///< label → class index seen in a class PNG
};

/// A mask PNG of the image, when there is one the import may read.
QString maskFile(const ImageImportSession &session, const QString &root, const QString &folder,
                 const QString &stem)
{
    const QString file = QDir(root).filePath(folder + u'/' + stem + u".png"_s);
    return QFileInfo(file).isFile() && session.isInside(file) ? file : QString();
}

/// The XML objects as annotations: boxes, or for a segmentation dataset (\a asPolygons set)
/// rectangle polygons of the objects \a skip does not mark (those that got a mask).
void objectEntries(ImageImportSession &session, const QString &xmlFile, const VocFile &voc,
                   ImageImportEntry &entry, const QList<bool> &skip, qint64 *asPolygons)
{
    for (qsizetype i = 0; i < voc.objects.size(); ++i) {
        const VocObject &o = voc.objects[i];
        if (skip.value(i))
            continue;
        if (o.name.isEmpty() || !o.box) {
            session.warn(xmlFile, VocFormat::tr("object %1 has no <name> or no numeric "
                                                "<bndbox> (xmin, ymin, xmax, ymax); skipped")
                                      .arg(i + 1));
            continue;
        }
        if (!o.box->isValid()) {
            session.warn(xmlFile, VocFormat::tr("object %1 (\"%2\") has xmax < xmin or "
                                                "ymax < ymin; skipped")
                                      .arg(i + 1)
                                      .arg(o.name));
            continue;
        }
        const QRectF r = *o.box;
        Annotation a =
            asPolygons ? Annotation::polygon(o.name, QPolygonF({r.topLeft(), r.topRight(),
                                                                r.bottomRight(), r.bottomLeft()}))
                       : Annotation::box(o.name, r);
        a.author = o.author;
        a.attributes = o.attributes;
        entry.annotations.append(a);
        if (asPolygons)
            ++*asPolygons;
    }
}

/// A segmentation dataset's annotations of one VOC image: instance masks (class from the
/// class PNG, name and attributes from the XML object of the same number, as the devkit pairs
/// them), else one mask per class; objects without a mask become rectangle polygons.
void segmentationEntry(ImageImportSession &session, const QString &xmlFile, const VocFile &voc,
                       const QMap<int, QString> &names, ImageImportEntry &entry, VocCounts &counts)
{
    const QString root = vocRootOf(xmlFile);
    const QString stem = QFileInfo(xmlFile).completeBaseName();
    const QString classPng = maskFile(session, root, u"SegmentationClass"_s, stem);
    const QString objectPng = maskFile(session, root, u"SegmentationObject"_s, stem);
    QList<bool> matched(voc.objects.size(), false);
    if (!classPng.isEmpty() || !objectPng.isEmpty()) {
        auto masks = readIndexedMasks(classPng, objectPng);
        if (!masks) {
            session.warn(classPng.isEmpty() ? objectPng : classPng, masks.error().message);
        } else {
            counts.unknownColours += masks->unknownColours;
            for (const IndexedMask &m : masks->masks) {
                const qsizetype i = m.instance - 1;
                QString label = className(m.classIndex, names);
                QJsonObject attributes;
                if (m.instance > 0 && i < voc.objects.size() && !voc.objects[i].name.isEmpty()) {
                    const VocObject &o = voc.objects[i];
                    label = o.name;
                    attributes = o.attributes;
                    if (o.box) {
                        const VocBox b = rectToVoc(*o.box, 0, 0);
                        attributes.insert(u"bndbox"_s, QJsonArray{b.xmin, b.ymin, b.xmax, b.ymax});
                    }
                    matched[i] = true;
                } else if (m.instance > 0) {
                    ++counts.masksWithoutObject;
                }
                if (m.classIndex > 0)
                    counts.classIds.insert(label, m.classIndex);
                Annotation a = Annotation::mask(label, m.rle);
                a.attributes = attributes;
                if (m.instance > 0 && i < voc.objects.size())
                    a.author = voc.objects[i].author;
                entry.annotations.append(a);
            }
            if (masks->voidMask)
                entry.attributes.insert(u"void"_s, masks->voidMask->toJson());
        }
    }
    objectEntries(session, xmlFile, voc, entry, matched, &counts.boxesAsPolygons);
}

} // namespace

Result<ImportReport> importVoc(DatasetContext &context, const DatasetInfo &dataset,
                               const QString &path, const ImportOptions &options)
{
    ImageImportSession session(context, dataset, options, u"voc"_s);
    auto local = session.open(path);
    if (!local)
        return local.error();
    QStringList xmlFiles;
    if (QFileInfo(local.value()).isDir()) {
        // A VOCdevkit/VOC2012 linked into the chosen folder is followed, and its images are
        // accepted where the link leads; links elsewhere still count as outside (isInside).
        QStringList linked;
        if (QFileInfo(path).isDir()) // not an unpacked archive: those hold no links
            linked = linkedVocFolders(local.value());
        for (const QString &folder : linked)
            session.allowFolder(folder);
        xmlFiles = filesUnder(local.value(), linked, {u"*.xml"_s});
    } else {
        xmlFiles.append(local.value());
    }
    if (xmlFiles.isEmpty())
        return makeError(
            ErrorCode::Invalid,
            VocFormat::tr("No VOC .xml file in %1.").arg(QDir::toNativeSeparators(path)));
    const bool segmentation = dataset.task == DatasetTask::Segmentation;
    QHash<QString, VocSplits> splitsByRoot;
    QMap<int, QString> names = readLabelMap(session.root());
    VocCounts counts;
    QList<ImageImportEntry> entries;
    for (const QString &xmlFile : xmlFiles) {
        auto voc = parseVocXml(xmlFile);
        if (!voc) {
            session.unreadable(xmlFile, voc.error().message);
            continue;
        }
        if (voc->filename.isEmpty() && voc->path.isEmpty()) {
            session.unreadable(xmlFile, VocFormat::tr("no <filename>: which image it describes "
                                                      "is unknown"));
            continue;
        }
        const QString root = vocRootOf(xmlFile);
        if (!splitsByRoot.contains(root)) {
            splitsByRoot.insert(root, readVocSplits(root));
            counts.splitConflicts += splitsByRoot[root].conflicts;
            if (names.isEmpty())
                names = readLabelMap(root);
        }
        ImageImportEntry entry;
        entry.file = findImage(xmlFile, session.root(), voc.value());
        entry.origin = xmlFile;
        entry.split = splitsByRoot[root].byStem.value(QFileInfo(xmlFile).completeBaseName());
        if (!voc->other.isEmpty())
            entry.attributes.insert(u"voc"_s, voc->other);
        if (segmentation) {
            // Counted only for images the session will take (refused ones are reported so).
            VocCounts mine;
            segmentationEntry(session, xmlFile, voc.value(), names, entry, mine);
            if (QFileInfo(entry.file).isFile() && session.isInside(entry.file)) {
                counts.boxesAsPolygons += mine.boxesAsPolygons;
                counts.masksWithoutObject += mine.masksWithoutObject;
                counts.unknownColours += mine.unknownColours;
                counts.classIds.insert(mine.classIds);
            }
        } else
            objectEntries(session, xmlFile, voc.value(), entry, {}, nullptr);
        if (!segmentation) {
            const QString stem = QFileInfo(xmlFile).completeBaseName();
            for (const QString &folder : {u"SegmentationClass"_s, u"SegmentationObject"_s})
                counts.masksNotRead += maskFile(session, root, folder, stem).isEmpty() ? 0 : 1;
        }
        entries.append(entry);
    }
    // The label file's classes first, in its order (unused ones too); then the annotations'.
    DatasetCatalog catalog(context);
    keepVocClasses(catalog, dataset, names, {});
    auto report = session.run(entries);
    if (!report)
        return report;
    keepVocClasses(catalog, dataset, names, counts.classIds);
    auto note = [&](const QString &reason) {
        report->warnings.append({session.display(session.root()), reason});
    };
    if (!counts.splitConflicts.isEmpty()) {
        note(VocFormat::tr("%n image(s) are in several ImageSets lists; each was given the "
                           "first of train, val, test, others: %1",
                           nullptr, int(counts.splitConflicts.size()))
                 .arg(counts.splitConflicts.mid(0, 5).join(u"; "_s)));
    }
    if (counts.boxesAsPolygons > 0) {
        note(VocFormat::tr("%n VOC box(es) without an instance mask in SegmentationObject were "
                           "kept as rectangle polygons",
                           nullptr, int(counts.boxesAsPolygons)));
    }
    if (counts.masksWithoutObject > 0) {
        note(VocFormat::tr("%n instance mask(s) have no <object> of their number in the XML; "
                           "named after their class",
                           nullptr, int(counts.masksWithoutObject)));
    }
    if (counts.masksNotRead > 0) {
        note(VocFormat::tr("%n segmentation mask PNG(s) not imported: a detection dataset holds "
                           "boxes (import into a segmentation dataset, --task segmentation)",
                           nullptr, int(counts.masksNotRead)));
    }
    if (counts.unknownColours > 0) {
        note(VocFormat::tr("%n mask pixel(s) have a colour outside VOC's palette; read as "
                           "background",
                           nullptr, int(std::min<qint64>(counts.unknownColours, INT_MAX))));
    }
    return report;
}

std::optional<TaskChoice> inferVocTask(const QString &path)
{
    if (!QFileInfo(path).isDir())
        return std::nullopt;
    const QStringList linked = linkedVocFolders(path);
    qint64 masks = 0;
    for (const QString &png : filesUnder(path, linked, {u"*.png"_s})) {
        const QString folder = QFileInfo(png).absoluteDir().dirName();
        if (folder == u"SegmentationClass"_s || folder == u"SegmentationObject"_s)
            ++masks;
    }
    if (masks > 0) {
        return TaskChoice{DatasetTask::Segmentation,
                          VocFormat::tr("%n segmentation mask PNG(s) in SegmentationClass/ or "
                                        "SegmentationObject/",
                                        nullptr, int(masks))};
    }
    return TaskChoice{DatasetTask::Detection,
                      VocFormat::tr("boxes only: no SegmentationClass/ or SegmentationObject/ "
                                    "PNG")};
}

namespace {

/// Writes the item's image as JPEGImages/<stem>.jpg: a JPEG is copied as it is (renamed when
/// its suffix differs), anything else converted (alpha over white, quality 95), since
/// VOCDetection opens <stem>.jpg. \a converted counts conversions by source format.
Status writeJpeg(ImageExportWriter &writer, const DatasetSnapshot &snapshot,
                 const DatasetItem &item, const QString &target, QMap<QString, qint64> &converted,
                 qint64 &renamed)
{
    const QString source = snapshot.imagePath(item);
    QFile file(source);
    QByteArray head;
    if (file.open(QIODevice::ReadOnly))
        head = file.read(3);
    if (head == QByteArrayLiteral("\xff\xd8\xff")) {
        if (QFileInfo(writer.fileName(item)).suffix() != u"jpg"_s)
            ++renamed;
        return writer.copyImage(item, target);
    }
    QImageReader reader(source);
    const QString format = QString::fromLatin1(reader.format()).toUpper();
    const QImage image = reader.read();
    if (image.isNull()) {
        return makeError(ErrorCode::Io, VocFormat::tr("Cannot read the image of %1 to convert it "
                                                      "to JPEG: %2")
                                            .arg(item.sourceName, reader.errorString()));
    }
    QImage flat(image.size(), QImage::Format_RGB32);
    flat.fill(Qt::white);
    QPainter painter(&flat);
    painter.drawImage(0, 0, image);
    painter.end();
    QByteArray data;
    QBuffer buffer(&data);
    buffer.open(QIODevice::WriteOnly);
    flat.save(&buffer, "JPEG", 95);
    ++converted[format.isEmpty() ? u"?"_s : format];
    return writer.writeFile(target, data);
}

void writeObject(QXmlStreamWriter &xml, const Annotation &a, const VocBox &b)
{
    xml.writeStartElement(u"object"_s);
    xml.writeTextElement(u"name"_s, a.label);
    writeVocElement(xml, u"pose"_s, a.attributes.value(u"pose"_s).toString(u"Unspecified"_s));
    for (const QString &flag : {u"truncated"_s, u"occluded"_s, u"difficult"_s}) {
        if (a.attributes.contains(flag))
            writeVocElement(xml, flag, a.attributes.value(flag));
        else if (flag != u"occluded"_s)
            xml.writeTextElement(flag, u"0"_s);
    }
    xml.writeTextElement(u"author"_s, a.author);
    xml.writeStartElement(u"bndbox"_s);
    xml.writeTextElement(u"xmin"_s, QString::number(b.xmin));
    xml.writeTextElement(u"ymin"_s, QString::number(b.ymin));
    xml.writeTextElement(u"xmax"_s, QString::number(b.xmax));
    xml.writeTextElement(u"ymax"_s, QString::number(b.ymax));
    xml.writeEndElement();
    const QJsonObject other = a.attributes.value(u"voc"_s).toObject();
    for (auto it = other.begin(); it != other.end(); ++it)
        writeVocElement(xml, it.key(), it.value());
    xml.writeEndElement();
}

/// The box VOC gets for \a a: a box's own; a polygon's or mask's bounds, or the <bndbox> the
/// import kept when it still holds the shape (VOC's boxes include the void border).
std::optional<VocBox> vocBoxOf(const Annotation &a, int width, int height)
{
    QRectF r;
    if (a.kind == AnnotationKind::Box) {
        r = a.rect();
    } else if (a.kind == AnnotationKind::Polygon) {
        for (const QPolygonF &part : a.parts())
            r = r.united(part.boundingRect());
    } else if (a.kind == AnnotationKind::Mask) {
        if (auto rle = a.maskRle())
            r = rle->bounds();
    }
    if (r.isNull())
        return std::nullopt;
    const QJsonArray kept = a.attributes.value(u"bndbox"_s).toArray();
    if (a.kind != AnnotationKind::Box && kept.size() == 4) {
        const QRectF given = vocToRect(kept[0].toDouble(), kept[1].toDouble(), kept[2].toDouble(),
                                       kept[3].toDouble());
        if (given.contains(r))
            r = given;
    }
    return rectToVoc(r, width, height);
}

} // namespace

Result<ExportReport> exportVoc(const DatasetSnapshot &snapshot, const QString &outDir,
                               const ExportOptions &options)
{
    ImageExportWriter writer(snapshot, outDir, options);
    const bool segmentation = snapshot.dataset.task == DatasetTask::Segmentation;
    const QStringList labelNames = writer.labelNames();
    const QMap<QString, int> classIndex = classIndices(snapshot.labels, labelNames);
    QMap<QString, qint64> converted;
    qint64 renamed = 0, rounded = 0, overflow = 0, outlines = 0;
    QList<std::pair<QString, QString>> mainStems, segmentationStems;
    LeftOutFields itemLeftOut, annotationLeftOut;
    QStringList flattened;
    for (const SnapshotItem &s : snapshot.items) {
        const QString stem = QFileInfo(writer.fileName(s.item)).completeBaseName();
        const QString jpg = stem + u".jpg"_s;
        if (auto ok = writeJpeg(writer, snapshot, s.item, kExportRoot + u"JPEGImages/"_s + jpg,
                                converted, renamed);
            !ok)
            return ok.error();
        const QList<Annotation> annotations = writer.annotations(s);
        const QJsonObject voc = s.item.attributes.value(u"voc"_s).toObject();
        bool segmented = voc.value(u"segmented"_s).toString() == u"1"_s;
        if (segmentation) {
            std::optional<MaskRle> voidMask;
            if (s.item.attributes.contains(u"void"_s))
                voidMask = MaskRle::fromJson(s.item.attributes.value(u"void"_s).toObject());
            const auto pngs =
                renderMaskPngs(s.item.width, s.item.height, annotations, classIndex, voidMask);
            if (pngs) {
                for (const auto &[folder, data] :
                     {std::pair{u"SegmentationClass/"_s, pngs->classPng},
                      std::pair{u"SegmentationObject/"_s, pngs->objectPng}}) {
                    if (auto ok = writer.writeFile(kExportRoot + folder + stem + u".png"_s, data);
                        !ok)
                        return ok.error();
                }
                overflow += pngs->overflow;
                segmentationStems.append({stem, s.item.split});
                segmented = true;
            }
        }
        QByteArray data;
        QXmlStreamWriter xml(&data);
        xml.setAutoFormatting(true);
        xml.writeStartElement(u"annotation"_s);
        xml.writeTextElement(u"folder"_s, u"VOC2012"_s);
        xml.writeTextElement(u"filename"_s, jpg);
        writeVocElement(xml, u"source"_s,
                        voc.contains(u"source"_s)
                            ? voc.value(u"source"_s)
                            : QJsonObject{{u"database"_s, snapshot.dataset.name}});
        // What else the source's XML said (owner, …); its folder and path named the old place.
        for (auto it = voc.begin(); it != voc.end(); ++it) {
            static const QStringList rewritten{u"folder"_s, u"path"_s, u"source"_s, u"segmented"_s};
            if (!rewritten.contains(it.key()))
                writeVocElement(xml, it.key(), it.value());
        }
        xml.writeStartElement(u"size"_s);
        xml.writeTextElement(u"width"_s, QString::number(s.item.width));
        xml.writeTextElement(u"height"_s, QString::number(s.item.height));
        xml.writeTextElement(u"depth"_s, u"3"_s);
        xml.writeEndElement();
        xml.writeTextElement(u"segmented"_s, segmented ? u"1"_s : u"0"_s);
        itemLeftOut.add(s.item.attributes,
                        segmentation ? QStringList{u"voc"_s, u"void"_s} : QStringList{u"voc"_s});
        for (const Annotation &a : annotations) {
            annotationLeftOut.add(a.attributes, {u"difficult"_s, u"truncated"_s, u"occluded"_s,
                                                 u"pose"_s, u"voc"_s, u"bndbox"_s});
            const auto box = vocBoxOf(a, s.item.width, s.item.height);
            if (!box)
                continue;
            rounded += box->rounded ? 1 : 0;
            outlines += segmentation && a.kind == AnnotationKind::Polygon ? 1 : 0;
            writeObject(xml, a, *box);
            ++writer.report().annotations;
        }
        xml.writeEndElement();
        if (auto ok = writer.writeFile(kExportRoot + u"Annotations/"_s + stem + u".xml"_s, data);
            !ok)
            return ok.error();
        mainStems.append({stem, s.item.split});
        // VOC's JPEGImages/ is flat: a sub-folder the image came from is not kept.
        const QString folder = QFileInfo(s.item.sourceName).path();
        static const QStringList flatFolders{u"."_s, u"JPEGImages"_s, u"images"_s};
        if (!flatFolders.contains(QFileInfo(folder).fileName()) && !folder.isEmpty())
            flattened.append(s.item.sourceName);
        ++writer.report().items;
        if (!writer.step())
            return makeError(ErrorCode::Cancelled, VocFormat::tr("Export cancelled."));
    }
    qint64 unsplit = 0, unused = 0;
    for (const auto &[folder, stems] :
         {std::pair{u"Main"_s, &mainStems}, std::pair{u"Segmentation"_s, &segmentationStems}}) {
        if (stems->isEmpty())
            continue;
        auto files = vocSplitFiles(*stems, folder == u"Main"_s ? unsplit : unused);
        // Every list VOCDetection / VOCSegmentation may be asked for exists, empty or not.
        for (const QString &standard : {u"train"_s, u"val"_s, u"trainval"_s})
            files.insert(standard, files.value(standard));
        for (auto it = files.cbegin(); it != files.cend(); ++it) {
            if (auto ok = writer.writeFile(kExportRoot + u"ImageSets/"_s + folder + u'/' +
                                               it.key() + u".txt"_s,
                                           it.value());
                !ok)
                return ok.error();
        }
    }
    QString labels = labelNames.join(u'\n');
    if (!labels.isEmpty())
        labels += u'\n';
    if (auto ok = writer.writeFile(kExportRoot + u"labels.txt"_s, labels.toUtf8()); !ok)
        return ok.error();
    // The class indices (the masks' pixel values, the ids a format gave) for the next import.
    QMap<int, QString> byIndex;
    for (auto it = classIndex.cbegin(); it != classIndex.cend(); ++it)
        byIndex.insert(it.value(), it.key());
    if (auto ok = writer.writeFile(kExportRoot + u"labelmap.txt"_s, labelMapText(byIndex)); !ok)
        return ok.error();
    auto warn = [&](const QString &reason) {
        writer.report().warnings.append({kExportRoot, reason});
    };
    for (auto it = converted.cbegin(); it != converted.cend(); ++it) {
        warn(VocFormat::tr("%n %1 image(s) converted to JPEG (quality 95, transparency over "
                           "white) as JPEGImages/<name>.jpg, which VOC readers open",
                           nullptr, int(it.value()))
                 .arg(it.key()));
    }
    if (renamed > 0) {
        warn(VocFormat::tr("%n JPEG image(s) renamed to <name>.jpg (content unchanged)", nullptr,
                           int(renamed)));
    }
    if (rounded > 0) {
        warn(VocFormat::tr("%n box(es) had fractional pixel edges; rounded to whole pixels "
                           "(VOC counts pixels from 1)",
                           nullptr, int(rounded)));
    }
    if (outlines > 0) {
        warn(VocFormat::tr("%n polygon(s) written as their pixels (SegmentationObject) and "
                           "bounding box; VOC keeps no outline",
                           nullptr, int(outlines)));
    }
    if (!flattened.isEmpty()) {
        warn(VocFormat::tr("%n image(s) from sub-folders were put side by side in JPEGImages/; "
                           "their folders are not kept: %1",
                           nullptr, int(flattened.size()))
                 .arg(flattened.mid(0, 3).join(u", "_s)));
    }
    if (!annotationLeftOut.isEmpty()) {
        warn(VocFormat::tr("annotation fields VOC has no place for were left out: %1")
                 .arg(annotationLeftOut.text()));
    }
    if (!itemLeftOut.isEmpty()) {
        warn(VocFormat::tr("image fields VOC has no place for were left out: %1")
                 .arg(itemLeftOut.text()));
    }
    if (unsplit > 0) {
        warn(VocFormat::tr("%n image(s) without a split were listed in ImageSets/Main/train.txt",
                           nullptr, int(unsplit)));
    }
    if (overflow > 0) {
        warn(VocFormat::tr("%n instance(s) past the 254th of their image are left out of "
                           "SegmentationObject (in SegmentationClass and the XML they are)",
                           nullptr, int(overflow)));
    }
    return writer.report();
}

} // namespace atelier
