#pragma once

// The VOC devkit's folder layout around the annotation files: where a VOC root is, the
// ImageSets split lists, and symbolically linked VOC folders inside an import folder.

#include "datasets/datasettypes.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace atelier {

/// The VOC root a file belongs to: the parent of its folder when that is one of VOC's parts
/// (Annotations, JPEGImages, SegmentationClass, SegmentationObject), else its folder.
QString vocRootOf(const QString &file);

/// Folders symbolically linked inside \a chosen (up to three levels down) that hold a VOC
/// dataset: a VOC root (a folder with Annotations/, JPEGImages/ or SegmentationClass/) or a
/// folder with one just below it (VOCdevkit/). Never a link to a part folder alone, to / or to
/// a folder that holds \a chosen. Their link paths, sorted; other links are not followed.
QStringList linkedVocFolders(const QString &chosen);

/// Files matching \a patterns under \a folder, recursively without following links, and under
/// each of \a linked; each file once (by its resolved path), sorted.
QStringList filesUnder(const QString &folder, const QStringList &linked,
                       const QStringList &patterns);

/// The splits the ImageSets lists of a VOC root give its images.
struct VocSplits
{
    QHash<QString, QString> byStem; ///< image stem → "train", "val", "test", "trainval", …
    /// Images in several lists (trainval aside): "stem (train, test)"; the first list wins.
    QStringList conflicts;
};

/// Reads \a root's ImageSets/Main and ImageSets/Segmentation lists (train.txt, val.txt, …; a
/// name with '_' is a per-class list and is not a split). trainval = train ∪ val: an image
/// listed in trainval and in train or val takes the narrower split; one only in trainval keeps
/// "trainval". An image in two lists takes the first of train, val, test, then the others by
/// name, and is named in conflicts.
VocSplits readVocSplits(const QString &root);

/// The split list files for items (stem → split, empty when unknown): split name → file text.
/// An item without a split, or with one that cannot be a file name, goes to train (what
/// VOCDetection reads by default; \a unsplit counts them); trainval lists train, val and
/// trainval.
QMap<QString, QByteArray> vocSplitFiles(const QList<std::pair<QString, QString>> &stems,
                                        qint64 &unsplit);

/// Attribute names an export has no place for, counted, to name them in its warnings.
class LeftOutFields
{
public:
    /// Counts the keys of \a attributes that are not in \a kept.
    void add(const QJsonObject &attributes, const QStringList &kept);
    bool isEmpty() const { return m_counts.isEmpty(); }
    /// "iscrowd (3), area (3)", the most frequent first.
    QString text() const;

private:
    QMap<QString, qint64> m_counts;
};

class DatasetCatalog;

/// Adds the classes \a names gives (index → name, a label file's), in index order and unused
/// ones too, and gives labels without an "id" attribute their class index: the one a mask used
/// (\a classIds: label → index), else the label file's.
void keepVocClasses(DatasetCatalog &catalog, const DatasetInfo &dataset,
                    const QMap<int, QString> &names, const QMap<QString, int> &classIds);

} // namespace atelier
