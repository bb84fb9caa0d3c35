#pragma once

// Indexed PNG masks the way Pascal VOC stores segmentation: one palette PNG per image whose
// pixel values are indices (SegmentationClass: the class index, 0 = background; SegmentationObject:
// the instance index, 0 = none), 255 marking "void" (object borders and regions nobody labelled).
// Shared by the VOC format and the PNG mask folder format.

#include "core/result.h"
#include "datasets/datasettypes.h"
#include "datasets/maskrle.h"

#include <QCoreApplication>
#include <QImage>
#include <QList>
#include <QMap>
#include <QRgb>
#include <QStringList>

#include <optional>

namespace atelier {

/// The index VOC gives the pixels that are neither background nor an object.
constexpr int kVoidIndex = 255;

/// VOC's colour map (the devkit's labelcolormap: index 1 dark red, 2 dark green, …, 255 cream).
QList<QRgb> vocPalette();
/// VOC's classes by index: "background", "aeroplane", … "tvmonitor" (21 names).
QStringList vocClassNames();

/// One mask read from an indexed PNG.
struct IndexedMask
{
    int classIndex =
        0;            ///< from the class PNG (the most frequent class under an instance); 0 unknown
    int instance = 0; ///< from the object PNG (1-based); 0 for a whole class (no object PNG)
    MaskRle rle;
};

/// What one image's class and object PNGs hold.
struct IndexedMaskSet
{
    QList<IndexedMask> masks;        ///< by instance, else by class index
    std::optional<MaskRle> voidMask; ///< the pixels at 255, when there are any
    int unknownColours = 0;          ///< RGB pixels whose colour is not in the palette (read as 0)
};

/// Reads the masks of one image from its class PNG and/or object PNG (an empty path: absent).
/// Palette PNGs are read by index, greyscale ones by value, RGB ones through VOC's colours.
/// Refuses (Invalid, with why) an unreadable PNG or two PNGs of different sizes.
Result<IndexedMaskSet> readIndexedMasks(const QString &classPng, const QString &objectPng);

/// A width × height Format_Indexed8 image filled with 0, with VOC's palette.
QImage blankIndexImage(int width, int height);
/// Sets the pixels of \a rle (same size as \a image) to \a index.
void stampMask(QImage &image, const MaskRle &rle, int index);
/// The pixels an annotation covers: a mask as it is, a polygon filled (non-zero winding,
/// without anti-aliasing), anything else nullopt.
std::optional<MaskRle> coveredPixels(const Annotation &a, int width, int height);

/// One image's masks as VOC's two PNGs.
struct MaskPngs
{
    QByteArray classPng;  ///< class index per pixel
    QByteArray objectPng; ///< instance per pixel: the annotation's position in the list + 1
    int overflow = 0;     ///< annotations past instance 254, left out of the object PNG
};
/// Paints \a annotations (masks and polygons; later ones over earlier) and \a voidMask (255)
/// into indexed PNGs with VOC's palette; nullopt when nothing gives a pixel.
std::optional<MaskPngs> renderMaskPngs(int width, int height, const QList<Annotation> &annotations,
                                       const QMap<QString, int> &classIndex,
                                       const std::optional<MaskRle> &voidMask);
/// \a image as PNG bytes (an indexed image: a palette PNG, PIL's mode "P").
QByteArray encodePng(const QImage &image);
/// The name of class \a index: from \a names, else VOC's (1–20), else "class_N".
QString className(int index, const QMap<int, QString> &names);

/// Class index → name from a label file beside the masks: CVAT's labelmap.txt ("name:r,g,b::"
/// lines, the line order giving the index) or labels.txt / classes.txt (one name a line).
/// Empty when there is none.
QMap<int, QString> readLabelMap(const QString &folder);
/// CVAT's labelmap.txt for \a names (index → name; 0 is written as "background").
QByteArray labelMapText(const QMap<int, QString> &names);
/// Class indices for \a names (label-set order, \a labels giving their attributes): the "id" a
/// format gave a label when it is a whole number in 1…254 not taken before, the other names the
/// free indices from 1 in order.
QMap<QString, int> classIndices(const QList<DatasetLabel> &labels, const QStringList &names);

} // namespace atelier
