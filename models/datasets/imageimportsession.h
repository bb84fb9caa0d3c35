#pragma once

#include "core/result.h"
#include "datasets/annotationgeometry.h"
#include "datasets/annotationstore.h"
#include "datasets/datasetitemstore.h"
#include "datasets/datasettypes.h"
#include "datasets/formatregistry.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QTemporaryDir>

#include <functional>
#include <memory>
#include <optional>

namespace atelier {

/// One image to import with the annotations a format gave it.
struct ImageImportEntry
{
    QString file;                     ///< absolute path of the image
    QList<Annotation> annotations;    ///< in image pixels; author empty: the import's author
    std::optional<ItemStatus> status; ///< set after the annotations when given
    QString origin;                   ///< the annotation file, for messages (default: file)
    QString split;          ///< the item's split ("train", "val", …) when the format says
    QJsonObject attributes; ///< merged into the item's attributes
    QString sourceName; ///< the name the format gives the image, with its folders (default: file)
    /// Made by ImageImportSession::prepare(), one per annotation (empty until then): each
    /// annotation's duplicate key and its form for the store. A format may make forms itself
    /// (the others empty): an annotation whose geometry is undefined has it in its form.
    QList<QByteArray> keys;
    QList<geometrytext::ShapeForm> forms;
    /// What ImageImportSession::storeImage() said of \a file, when a format called it ahead;
    /// run() calls it for the entries without.
    std::optional<Result<StoredImage>> image;
};

/// The common part of every image import: unpacking archives, adding images (probe, hash,
/// de-duplication), clipping boxes and polygons to the image, merging annotations without
/// doubling those already there, committing in batches, progress, cancel and the report.
class ImageImportSession final
{
    Q_DECLARE_TR_FUNCTIONS(ImageImportSession)

public:
    ImageImportSession(DatasetContext &context, const DatasetInfo &dataset,
                       const ImportOptions &options, QString format);
    Q_DISABLE_COPY_MOVE(ImageImportSession)
    ~ImageImportSession();

    /// \a path itself, or for a zip / tar archive the folder it was unpacked into (refused
    /// entries are reported as unreadable).
    Result<QString> open(const QString &path);
    /// The folder names are reported relative to (the import folder, or the unpacked archive).
    QString root() const { return m_root; }
    /// The canonical folder every imported image must lie in: the unpacked archive, the folder
    /// the user chose, or for an annotation file given directly its folder (its parent when that
    /// folder is named "annotations", as in COCO's annotations/ beside images/ and VOC's
    /// Annotations/ beside JPEGImages/). Images elsewhere, reached through "..", an absolute
    /// path or a symbolic link, are refused as unreadable.
    QString containmentRoot() const { return m_containRoot; }
    /// Also accepts images under \a folder (one the import itself wrote, e.g. embedded data).
    void allowFolder(const QString &folder);
    /// True when \a file, resolved through links, lies inside containmentRoot() or an allowed
    /// folder.
    bool isInside(const QString &file) const;
    /// \a file relative to root() ('/'-separated), or prefixed with the archive's name.
    QString display(const QString &file) const;

    void unreadable(const QString &file, const QString &reason);
    void warn(const QString &file, const QString &reason);
    /// Image files under \a folder (by extension), sorted, recursively.
    static QStringList imageFiles(const QString &folder);
    /// Gives \a entry's annotations the import's author and source where they have none and
    /// makes their keys and forms (ImageImportEntry::keys, forms), unless made already. It
    /// reads only the options and the store's author, so a format may call it on the thread
    /// that reads its files; run() calls it for the entries that come unprepared.
    void prepare(ImageImportEntry &entry) const;
    /// Checks that the image \a file exists and lies inside the import, probes it and stores
    /// it in objects/, or says why it is unreadable (an Io or Internal error stops the
    /// import). It touches no catalog and reads only the session's folders and options, so a
    /// format may call it on a thread of its own for the images ahead, taking the copy, hash
    /// and probe off the thread that stores (ImageImportEntry::image). An image stored ahead
    /// and never added (the import stopped) is a stray object, as after a killed import.
    Result<StoredImage> storeImage(const QString &file) const;
    /// True when the user asked to stop.
    bool cancelled() const;

    /// Adds every entry, in batches of one transaction each. Returns the report (also when
    /// cancelled: what was committed stays).
    Result<ImportReport> run(const QList<ImageImportEntry> &entries);
    /// The same with the entries made one at a time by \a entryAt (0 ≤ index < count, each
    /// index once, in order), so that a big import never holds every annotation at once.
    /// Each entry, once stored, goes to \a spent when given (a format that makes its entries
    /// on another thread hands them back to be freed there), else it is destroyed here.
    Result<ImportReport> run(qint64 count,
                             const std::function<ImageImportEntry(qint64 index)> &entryAt,
                             const std::function<void(ImageImportEntry &&)> &spent = {});

private:
    /// Fails only when the catalog does (the import stops); refusals become warnings.
    Status annotate(const DatasetItem &item, const ImageImportEntry &entry,
                    const QList<Annotation> &existing);

    DatasetContext &m_ctx; // the import settings and the batches
    DatasetItemStore m_items;
    AnnotationStore m_annotations;
    DatasetInfo m_dataset;
    ImportOptions m_options;
    QString m_objectsDir; // read by storeImage() on another thread
    QString m_format;
    QString m_root;
    QString m_containRoot;
    QStringList m_allowed;
    QString m_archiveName;
    std::unique_ptr<QTemporaryDir> m_unpacked;
    ImportReport m_report;
    qint64 m_identical = 0;      ///< annotations given twice for one image, kept once
    qint64 m_alreadyPresent = 0; ///< annotations the item already had (a repeated import)
};

} // namespace atelier
