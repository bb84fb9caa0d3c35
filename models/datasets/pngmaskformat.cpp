// PNG mask folders: one indexed PNG per image as VOC's SegmentationClass/ (class index per
// pixel) and SegmentationObject/ (instance index per pixel), 255 = void, the images beside them
// (JPEGImages/ or images/), class names in labelmap.txt (CVAT) or labels.txt, splits in
// ImageSets/Segmentation/. What CVAT's "Segmentation mask" and the VOC devkit write.
#include "datasets/datasetcatalog.h"
#include "datasets/imageexportwriter.h"
#include "datasets/imageformats.h"
#include "datasets/imageimportsession.h"
#include "datasets/indexedmasks.h"
#include "datasets/vocdevkit.h"

#include <QDir>
#include <QFileInfo>
#include <QMap>

#include <climits>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

class PngMaskFormat
{
    Q_DECLARE_TR_FUNCTIONS(PngMaskFormat)
};

const QString kClassFolder = u"SegmentationClass"_s;
const QString kObjectFolder = u"SegmentationObject"_s;

/// The masks of one image: its VOC root, stem and the PNGs found.
struct MaskFiles
{
    QString root;
    QString stem;
    QString classPng;
    QString objectPng;
};

QString findImage(const QString &root, const QString &stem)
{
    for (const QString &folder : {u"JPEGImages"_s, u"images"_s, QString()}) {
        const QDir dir(QDir(root).filePath(folder));
        const QStringList found = dir.entryList({stem + u".*"_s}, QDir::Files, QDir::Name);
        for (const QString &name : found) {
            static const QStringList suffixes{u"jpg"_s, u"jpeg"_s, u"png"_s, u"bmp"_s,
                                              u"gif"_s, u"webp"_s, u"tif"_s, u"tiff"_s};
            if (QFileInfo(name).completeBaseName() == stem &&
                suffixes.contains(QFileInfo(name).suffix().toLower()))
                return dir.filePath(name);
        }
    }
    return QDir(root).filePath(u"JPEGImages/"_s + stem + u".jpg"_s);
}

} // namespace

Result<ImportReport> importPngMasks(DatasetContext &context, const DatasetInfo &dataset,
                                    const QString &path, const ImportOptions &options)
{
    ImageImportSession session(context, dataset, options, u"pngmask"_s);
    auto local = session.open(path);
    if (!local)
        return local.error();
    if (!QFileInfo(local.value()).isDir()) {
        return makeError(ErrorCode::Invalid,
                         PngMaskFormat::tr("%1 is not a folder: choose the folder that holds "
                                           "SegmentationClass/ or SegmentationObject/.")
                             .arg(QDir::toNativeSeparators(path)));
    }
    QStringList linked;
    if (QFileInfo(path).isDir()) // not an unpacked archive
        linked = linkedVocFolders(local.value());
    for (const QString &folder : linked)
        session.allowFolder(folder);
    QMap<QString, MaskFiles> byImage; // root/stem → its PNGs, in order
    for (const QString &png : filesUnder(local.value(), linked, {u"*.png"_s})) {
        const QString folder = QFileInfo(png).absoluteDir().dirName();
        if (folder != kClassFolder && folder != kObjectFolder)
            continue;
        if (!session.isInside(png)) {
            session.unreadable(png, PngMaskFormat::tr("refers to a file outside the imported "
                                                      "folder"));
            continue;
        }
        MaskFiles files;
        files.root = vocRootOf(png);
        files.stem = QFileInfo(png).completeBaseName();
        MaskFiles &entry = byImage[files.root + u'/' + files.stem];
        if (entry.root.isEmpty())
            entry = files;
        (folder == kClassFolder ? entry.classPng : entry.objectPng) = png;
    }
    if (byImage.isEmpty()) {
        return makeError(ErrorCode::Invalid,
                         PngMaskFormat::tr("No PNG in a SegmentationClass/ or SegmentationObject/ "
                                           "folder under %1.")
                             .arg(QDir::toNativeSeparators(path)));
    }
    QHash<QString, VocSplits> splitsByRoot;
    QHash<QString, QMap<int, QString>> namesByRoot;
    const QMap<int, QString> chosenNames = readLabelMap(session.root());
    QMap<QString, int> classIds;
    qint64 unknownColours = 0, classless = 0;
    QStringList conflicts;
    QList<ImageImportEntry> entries;
    for (const MaskFiles &files : std::as_const(byImage)) {
        if (!splitsByRoot.contains(files.root)) {
            splitsByRoot.insert(files.root, readVocSplits(files.root));
            conflicts += splitsByRoot[files.root].conflicts;
            const QMap<int, QString> own = readLabelMap(files.root);
            namesByRoot.insert(files.root, own.isEmpty() ? chosenNames : own);
        }
        const QMap<int, QString> &names = namesByRoot[files.root];
        const QString origin = files.classPng.isEmpty() ? files.objectPng : files.classPng;
        auto masks = readIndexedMasks(files.classPng, files.objectPng);
        if (!masks) {
            session.unreadable(origin, masks.error().message);
            continue;
        }
        unknownColours += masks->unknownColours;
        ImageImportEntry entry;
        entry.file = findImage(files.root, files.stem);
        entry.origin = origin;
        entry.split = splitsByRoot[files.root].byStem.value(files.stem);
        for (const IndexedMask &m : masks->masks) {
            QString label = u"object"_s; // an instance without a class PNG to name it
            if (m.classIndex > 0) {
                label = className(m.classIndex, names);
                classIds.insert(label, m.classIndex);
            } else {
                ++classless;
            }
            entry.annotations.append(Annotation::mask(label, m.rle));
        }
        if (masks->voidMask)
            entry.attributes.insert(u"void"_s, masks->voidMask->toJson());
        entries.append(entry);
    }
    const QMap<int, QString> fileNames =
        chosenNames.isEmpty() ? namesByRoot.value(byImage.first().root) : chosenNames;
    // The label file's classes first, in its order (unused ones too); then the annotations'.
    DatasetCatalog catalog(context);
    keepVocClasses(catalog, dataset, fileNames, {});
    auto report = session.run(entries);
    if (!report)
        return report;
    keepVocClasses(catalog, dataset, fileNames, classIds);
    auto note = [&](const QString &reason) {
        report->warnings.append({session.display(session.root()), reason});
    };
    if (!conflicts.isEmpty()) {
        note(PngMaskFormat::tr("%n image(s) are in several ImageSets lists; each was given the "
                               "first of train, val, test, others: %1",
                               nullptr, int(conflicts.size()))
                 .arg(conflicts.mid(0, 5).join(u"; "_s)));
    }
    if (classless > 0) {
        note(PngMaskFormat::tr("%n instance(s) have no SegmentationClass PNG to give their class; "
                               "labelled \"object\"",
                               nullptr, int(classless)));
    }
    if (unknownColours > 0) {
        note(PngMaskFormat::tr("%n mask pixel(s) have a colour outside VOC's palette; read as "
                               "background",
                               nullptr, int(std::min<qint64>(unknownColours, INT_MAX))));
    }
    return report;
}

Result<ExportReport> exportPngMasks(const DatasetSnapshot &snapshot, const QString &outDir,
                                    const ExportOptions &options)
{
    ImageExportWriter writer(snapshot, outDir, options);
    const QStringList labelNames = writer.labelNames();
    const QMap<QString, int> classIndex = classIndices(snapshot.labels, labelNames);
    QList<std::pair<QString, QString>> stems;
    bool anySplit = false;
    qint64 overflow = 0, outlines = 0;
    LeftOutFields itemLeftOut, annotationLeftOut;
    for (const SnapshotItem &s : snapshot.items) {
        const QString name = writer.fileName(s.item);
        const QString stem = QFileInfo(name).completeBaseName();
        if (auto ok = writer.copyImage(s.item, u"JPEGImages/"_s + name); !ok)
            return ok.error();
        const QList<Annotation> annotations = writer.annotations(s);
        itemLeftOut.add(s.item.attributes, {u"void"_s});
        for (const Annotation &a : annotations) {
            outlines += a.kind == AnnotationKind::Polygon ? 1 : 0;
            annotationLeftOut.add(a.attributes, {});
        }
        std::optional<MaskRle> voidMask;
        if (s.item.attributes.contains(u"void"_s))
            voidMask = MaskRle::fromJson(s.item.attributes.value(u"void"_s).toObject());
        auto pngs = renderMaskPngs(s.item.width, s.item.height, annotations, classIndex, voidMask);
        if (!pngs) {
            // An image without masks keeps its (empty) PNGs, so that it comes back.
            const QByteArray blank = encodePng(blankIndexImage(s.item.width, s.item.height));
            pngs = MaskPngs{blank, blank, 0};
        }
        overflow += pngs->overflow;
        writer.report().annotations += annotations.size();
        if (auto ok = writer.writeFile(kClassFolder + u'/' + stem + u".png"_s, pngs->classPng); !ok)
            return ok.error();
        if (auto ok = writer.writeFile(kObjectFolder + u'/' + stem + u".png"_s, pngs->objectPng);
            !ok)
            return ok.error();
        stems.append({stem, s.item.split});
        anySplit = anySplit || !s.item.split.isEmpty();
        ++writer.report().items;
        if (!writer.step())
            return makeError(ErrorCode::Cancelled, PngMaskFormat::tr("Export cancelled."));
    }
    qint64 unsplit = 0;
    if (anySplit) {
        const auto files = vocSplitFiles(stems, unsplit);
        for (auto it = files.cbegin(); it != files.cend(); ++it) {
            if (auto ok = writer.writeFile(u"ImageSets/Segmentation/"_s + it.key() + u".txt"_s,
                                           it.value());
                !ok)
                return ok.error();
        }
    }
    QMap<int, QString> byIndex;
    for (auto it = classIndex.cbegin(); it != classIndex.cend(); ++it)
        byIndex.insert(it.value(), it.key());
    if (auto ok = writer.writeFile(u"labelmap.txt"_s, labelMapText(byIndex)); !ok)
        return ok.error();
    auto warn = [&](const QString &reason) { writer.report().warnings.append({{}, reason}); };
    if (outlines > 0) {
        warn(PngMaskFormat::tr("%n polygon(s) written as their pixels; a mask PNG keeps no "
                               "outline",
                               nullptr, int(outlines)));
    }
    if (!annotationLeftOut.isEmpty()) {
        warn(PngMaskFormat::tr("annotation fields a mask PNG has no place for were left out: %1")
                 .arg(annotationLeftOut.text()));
    }
    if (!itemLeftOut.isEmpty()) {
        warn(PngMaskFormat::tr("image fields a mask folder has no place for were left out: %1")
                 .arg(itemLeftOut.text()));
    }
    if (unsplit > 0) {
        warn(PngMaskFormat::tr("%n image(s) without a split were listed in "
                               "ImageSets/Segmentation/train.txt",
                               nullptr, int(unsplit)));
    }
    if (overflow > 0) {
        warn(PngMaskFormat::tr("%n instance(s) past the 254th of their image are left out of "
                               "SegmentationObject (SegmentationClass has them)",
                               nullptr, int(overflow)));
    }
    return writer.report();
}

} // namespace atelier
