#include "datasets/formatdetect.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

const QStringList kImages{u"*.jpg"_s, u"*.jpeg"_s, u"*.png"_s, u"*.bmp"_s,
                          u"*.gif"_s, u"*.webp"_s, u"*.tif"_s, u"*.tiff"_s};

QByteArray head(const QString &file, qint64 bytes = 64 * 1024)
{
    QFile f(file);
    return f.open(QIODevice::ReadOnly) ? f.read(bytes) : QByteArray();
}

// A COCO file names its images, annotations and categories at the top level; a labelme file
// has its shapes and the image they are on.
bool isCoco(const QByteArray &json)
{
    return json.contains("\"images\"") && json.contains("\"categories\"");
}

bool isLabelme(const QByteArray &json)
{
    return json.contains("\"shapes\"") && json.contains("\"imagePath\"");
}

std::optional<FormatGuess> detectFile(const QFileInfo &file)
{
    const QString suffix = file.suffix().toLower();
    if (suffix == u"json"_s) {
        const QByteArray json = head(file.filePath());
        if (isCoco(json))
            return FormatGuess{u"coco"_s, FormatGuess::tr("a COCO annotation file (images, "
                                                          "annotations and categories)")};
        if (isLabelme(json))
            return FormatGuess{u"labelme"_s, FormatGuess::tr("a labelme file (shapes)")};
        return std::nullopt;
    }
    if (suffix == u"yaml"_s || suffix == u"yml"_s)
        return FormatGuess{u"yolo"_s, FormatGuess::tr("a YOLO data.yaml")};
    for (const char *text : {"jsonl", "csv", "tsv", "conll", "txt"}) {
        if (suffix == QLatin1StringView(text))
            return FormatGuess{suffix, FormatGuess::tr("a .%1 file").arg(suffix)};
    }
    return std::nullopt;
}

std::optional<FormatGuess> detectFolder(const QDir &dir)
{
    const auto has = [&dir](const QString &name) { return dir.exists(name); };
    if (has(u"Annotations"_s) &&
        !QDir(dir.filePath(u"Annotations"_s)).entryList({u"*.xml"_s}, QDir::Files).isEmpty())
        return FormatGuess{u"voc"_s, FormatGuess::tr("Annotations/ holds Pascal VOC XML files")};
    if (has(u"labels"_s) || has(u"data.yaml"_s) || has(u"classes.txt"_s))
        return FormatGuess{u"yolo"_s,
                           FormatGuess::tr("labels/, data.yaml or classes.txt, as YOLO has")};
    if (has(u"SegmentationClass"_s) || has(u"SegmentationObject"_s))
        return FormatGuess{u"pngmask"_s, FormatGuess::tr("PNG mask folders (SegmentationClass/ "
                                                         "or SegmentationObject/)")};
    // COCO keeps its JSON at the top or in annotations/; labelme one JSON beside each image.
    QStringList jsons = dir.entryList({u"*.json"_s}, QDir::Files, QDir::Name);
    for (const QString &name : std::as_const(jsons)) {
        if (isCoco(head(dir.filePath(name))))
            return FormatGuess{u"coco"_s,
                               FormatGuess::tr("%1 is a COCO annotation file").arg(name)};
    }
    const QDir annotations(dir.filePath(u"annotations"_s));
    for (const QString &name : annotations.entryList({u"*.json"_s}, QDir::Files, QDir::Name)) {
        if (isCoco(head(annotations.filePath(name))))
            return FormatGuess{
                u"coco"_s, FormatGuess::tr("annotations/%1 is a COCO annotation file").arg(name)};
    }
    if (!jsons.isEmpty() && isLabelme(head(dir.filePath(jsons.constFirst()))))
        return FormatGuess{u"labelme"_s,
                           FormatGuess::tr("labelme JSON files (shapes) beside the images")};
    // A folder of class sub-folders of images.
    const QStringList classes = dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    int withImages = 0;
    for (const QString &name : classes) {
        if (!QDir(dir.filePath(name)).entryList(kImages, QDir::Files).isEmpty())
            ++withImages;
    }
    if (withImages > 0)
        return FormatGuess{u"folder"_s, FormatGuess::tr("%n sub-folder(s) of images, one per class",
                                                        nullptr, withImages)};
    if (!dir.entryList(kImages, QDir::Files).isEmpty())
        return FormatGuess{u"folder"_s, FormatGuess::tr("images without annotation files")};
    return std::nullopt;
}

} // namespace

std::optional<FormatGuess> FormatGuess::detect(const QString &path)
{
    const QFileInfo info(path);
    if (info.isDir())
        return detectFolder(QDir(path));
    if (info.isFile())
        return detectFile(info);
    return std::nullopt;
}

} // namespace atelier
