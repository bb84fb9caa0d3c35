#include "datasets/imageformats.h"

#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

class ImageFormats
{
    Q_DECLARE_TR_FUNCTIONS(ImageFormats)
};

/// A CSV or JSONL file that names image files (rather than carrying text).
bool namesImages(const QString &path)
{
    QFile f(path);
    if (!QFileInfo(path).isFile() || !f.open(QIODevice::ReadOnly))
        return QFileInfo(path).isDir(); // an archive's folder or a folder of images
    const QString head = QString::fromUtf8(f.read(4096)).section(u'\n', 0, 1).toLower();
    return head.contains(u"\"image\""_s) || head.startsWith(u"image,"_s) ||
           head.startsWith(u"path,"_s) || head.startsWith(u"file,"_s) ||
           head.startsWith(u"filename,"_s) || head.contains(u".png"_s) || head.contains(u".jpg"_s);
}

} // namespace

void registerImageFormats(FormatRegistry &registry)
{
    using T = DatasetTask;
    registry.add({u"folder"_s,
                  DatasetMedia::Image,
                  {T::Classification},
                  ImageFormats::tr("a folder (or zip / tar archive) of images, one sub-folder "
                                   "per class"),
                  importImageFolder,
                  exportImageFolder,
                  {},
                  {}});
    registry.add({u"csv"_s,
                  DatasetMedia::Image,
                  {T::Classification},
                  ImageFormats::tr("CSV with columns image,label (labels joined by ';')"),
                  importImageCsv,
                  exportImageCsv,
                  namesImages,
                  {}});
    registry.add({u"jsonl"_s,
                  DatasetMedia::Image,
                  {T::Classification, T::Detection, T::Segmentation},
                  ImageFormats::tr("JSON lines: {\"image\", \"annotations\": [{\"label\", "
                                   "\"bbox\" | \"points\"}]}"),
                  importImageJsonl,
                  exportImageJsonl,
                  namesImages,
                  inferImageJsonlTask});
    registry.add({u"coco"_s,
                  DatasetMedia::Image,
                  {T::Detection, T::Segmentation},
                  ImageFormats::tr("COCO JSON (boxes, polygons, RLE masks, categories) with its "
                                   "images"),
                  importCoco,
                  exportCoco,
                  {},
                  inferCocoTask});
    registry.add({u"voc"_s,
                  DatasetMedia::Image,
                  {T::Detection, T::Segmentation},
                  ImageFormats::tr("Pascal VOC: Annotations/*.xml, JPEGImages/, ImageSets/ "
                                   "splits, SegmentationClass/ and SegmentationObject/ masks"),
                  importVoc,
                  exportVoc,
                  {},
                  inferVocTask});
    registry.add({u"pngmask"_s,
                  DatasetMedia::Image,
                  {T::Segmentation},
                  ImageFormats::tr("PNG mask folders: indexed PNGs in SegmentationClass/ and "
                                   "SegmentationObject/ (255 = void) beside the images"),
                  importPngMasks,
                  exportPngMasks,
                  {},
                  {}});
    registry.add({u"yolo"_s,
                  DatasetMedia::Image,
                  {T::Detection, T::Segmentation},
                  ImageFormats::tr("YOLO: images/, labels/*.txt and classes.txt or data.yaml"),
                  importYolo,
                  exportYolo,
                  {},
                  inferYoloTask});
    registry.add({u"labelme"_s,
                  DatasetMedia::Image,
                  {T::Segmentation, T::Detection},
                  ImageFormats::tr("labelme: one JSON per image (polygons, rectangles, circles)"),
                  importLabelme,
                  exportLabelme,
                  {},
                  inferLabelmeTask});
}

} // namespace atelier
