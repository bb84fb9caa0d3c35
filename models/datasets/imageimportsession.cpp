#include "datasets/imageimportsession.h"

#include "catalog/database.h"
#include "core/compactjson.h"
#include "core/workspace.h"
#include "datasets/archivereader.h"
#include "datasets/datasetcontext.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QScopeGuard>

#include <cmath>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

constexpr int kBatch = 256;
// Coordinates that overshoot the image by less than this (pixels) are float noise from a
// normalised format (YOLO's 6 decimals); they are clamped without a warning.
constexpr double kNoise = 0.01;

/// Appends the bytes of \a value (a key's field; every field has a fixed size or a length).
template <typename T> void appendRaw(QByteArray &key, T value)
{
    key.append(reinterpret_cast<const char *>(&value), sizeof value);
}

void appendText(QByteArray &key, const QString &text)
{
    appendRaw(key, qint32(text.size()));
    key.append(reinterpret_cast<const char *>(text.utf16()), text.size() * 2);
}

/// What makes two annotations of one image the same, as bytes (no number formatting: a COCO
/// file has 100,000 of them). \a parts: the polygon's parts when the caller has them already;
/// \a form: the annotation's form when made (its attributes text, a polygon's key).
QByteArray geometryKey(const Annotation &a, const QList<QPolygonF> *parts = nullptr,
                       const geometrytext::ShapeForm *form = nullptr)
{
    QByteArray key;
    key.reserve(128);
    appendRaw(key, qint32(a.kind));
    appendText(key, a.label);
    appendText(key, a.author);
    // Equal up to 1/100 pixel: exports round-trip through text. (-0 is 0.)
    auto add = [&](double v) { appendRaw(key, std::round(v * 100) + 0.0); };
    switch (a.kind) {
    case AnnotationKind::Box: {
        const QRectF r = a.rect();
        add(r.x());
        add(r.y());
        add(r.width());
        add(r.height());
        break;
    }
    case AnnotationKind::Polygon:
        if (parts)
            key += geometrytext::polygonKey(*parts);
        else if (form && !form->pointsKey.isNull())
            key += form->pointsKey;
        else
            key += geometrytext::polygonKey(a.geometry);
        break;
    case AnnotationKind::Mask:
        // Annotation::mask and the catalog hold a mask as its compressed counts, one string
        // per mask: that text is the key, without decoding the runs. One made without its
        // geometry (COCO's plain masks) has that text in its form.
        if (a.geometry.isUndefined() && form && form->isMade()) {
            appendRaw(key, qint32(-2));
            key += form->geometry;
        } else if (a.geometry.toObject().value(u"counts"_s).isString()) {
            appendRaw(key, qint32(-2));
            key += compactJson(a.geometry);
        } else if (auto rle = a.maskRle()) {
            appendRaw(key, qint32(rle->width));
            appendRaw(key, qint32(rle->height));
            appendRaw(key, qint32(rle->counts.size()));
            key.append(reinterpret_cast<const char *>(rle->counts.constData()),
                       rle->counts.size() * qsizetype(sizeof(rle->counts.front())));
        } else {
            appendRaw(key, qint32(-1));
        }
        break;
    case AnnotationKind::Span:
        add(double(a.spanStart()));
        add(double(a.spanEnd()));
        break;
    case AnnotationKind::Pair:
        if (auto s = a.score())
            add(*s);
        break;
    case AnnotationKind::Tag:
        break;
    }
    // Two instances that differ only in what the format says of them (COCO ids, iscrowd,
    // VOC difficult, labelme group_id) are both kept.
    // A made form's text is compactJson(a.attributes), "{}" when empty, or the attributes
    // themselves when the annotation was made without them (see restoreGeometry).
    if (form && form->isMade()) {
        if (form->attributes != "{}")
            key += form->attributes;
    } else if (!a.attributes.isEmpty()) {
        key += compactJson(a.attributes);
    }
    return key;
}

} // namespace

ImageImportSession::ImageImportSession(DatasetContext &context, const DatasetInfo &dataset,
                                       const ImportOptions &options, QString format)
    : m_ctx(context), m_items(context), m_annotations(context), m_dataset(dataset),
      m_options(options), m_objectsDir(context.objectsDir()), m_format(std::move(format))
{
    m_report.dataset = dataset.name;
}

ImageImportSession::~ImageImportSession() = default;

Result<QString> ImageImportSession::open(const QString &path)
{
    const QFileInfo info(path);
    if (info.isFile() && ArchiveReader::detect(path) != ArchiveReader::Kind::None) {
        // Inside the workspace (its disk, its free space), never in $TMPDIR; a killed import's
        // folder is removed when the workspace is next opened.
        m_unpacked = Workspace::makeScratchFolder(m_ctx.root());
        if (!m_unpacked)
            return makeError(
                ErrorCode::Io,
                tr("Cannot make a folder in %1 to unpack %2.")
                    .arg(QDir::toNativeSeparators(m_ctx.root() + u"/scratch"_s), info.fileName()));
        if (m_options.progress)
            m_options.progress(0, 0, tr("Unpacking %1").arg(info.fileName()));
        auto contents = ArchiveReader::extract(path, m_unpacked->path(), m_options.maxUnpackedBytes,
                                               m_options.cancel);
        if (!contents) {
            return makeError(contents.error().code,
                             tr("%1: %2").arg(info.fileName(), contents.error().message));
        }
        m_archiveName = info.fileName();
        m_root = m_unpacked->path();
        m_containRoot = QFileInfo(m_root).canonicalFilePath();
        for (const ArchiveRefusal &r : contents->refused)
            m_report.unreadable.append({m_archiveName + u':' + r.entry, r.reason});
        return m_root;
    }
    m_root = info.isDir() ? info.absoluteFilePath() : info.absolutePath();
    if (info.isDir()) {
        m_containRoot = info.canonicalFilePath();
    } else {
        QDir folder(QFileInfo(info.canonicalFilePath()).absolutePath());
        if (folder.dirName().compare(u"annotations"_s, Qt::CaseInsensitive) == 0)
            folder.cdUp();
        m_containRoot = folder.absolutePath();
    }
    return info.absoluteFilePath();
}

void ImageImportSession::allowFolder(const QString &folder)
{
    const QString canonical = QFileInfo(folder).canonicalFilePath();
    if (!canonical.isEmpty())
        m_allowed.append(canonical);
}

bool ImageImportSession::isInside(const QString &file) const
{
    const QString canonical = QFileInfo(file).canonicalFilePath();
    if (canonical.isEmpty())
        return false;
    auto under = [&](const QString &folder) {
        if (folder.isEmpty())
            return false;
        if (folder == u"/"_s)
            return true;
        return canonical.startsWith(folder + u'/');
    };
    if (under(m_containRoot))
        return true;
    for (const QString &folder : m_allowed) {
        if (under(folder))
            return true;
    }
    return false;
}

QString ImageImportSession::display(const QString &file) const
{
    const QString rel = QDir(m_root).relativeFilePath(QFileInfo(file).absoluteFilePath());
    return m_archiveName.isEmpty() ? rel : m_archiveName + u':' + rel;
}

void ImageImportSession::unreadable(const QString &file, const QString &reason)
{
    m_report.unreadable.append({display(file), reason});
}

void ImageImportSession::warn(const QString &file, const QString &reason)
{
    m_report.warnings.append({display(file), reason});
}

QStringList ImageImportSession::imageFiles(const QString &folder)
{
    static const QStringList patterns{u"*.png"_s,  u"*.jpg"_s, u"*.jpeg"_s, u"*.bmp"_s,  u"*.gif"_s,
                                      u"*.webp"_s, u"*.tif"_s, u"*.tiff"_s, u"*.PNG"_s,  u"*.JPG"_s,
                                      u"*.JPEG"_s, u"*.BMP"_s, u"*.GIF"_s,  u"*.WEBP"_s, u"*.TIF"_s,
                                      u"*.TIFF"_s, u"*.pbm"_s, u"*.pgm"_s,  u"*.ppm"_s};
    QStringList files;
    QDirIterator it(folder, patterns, QDir::Files | QDir::NoSymLinks, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(it.next());
    files.sort();
    return files;
}

void ImageImportSession::prepare(ImageImportEntry &entry) const
{
    const qsizetype n = entry.annotations.size();
    if (entry.keys.size() == n)
        return; // prepared already (on the reader's thread)
    const QString author = m_options.author.isEmpty() ? m_ctx.author() : m_options.author;
    const QString source = u"import:"_s + m_format; // one string shared by every annotation
    entry.forms.resize(n); // a format may have made some itself (geometrytext::polygonForm)
    entry.keys.clear();
    entry.keys.reserve(n);
    for (qsizetype i = 0; i < n; ++i) {
        Annotation &a = entry.annotations[i];
        if (a.author.isEmpty())
            a.author = author;
        if (a.source.isEmpty() || a.source == u"manual"_s)
            a.source = source;
        if (!entry.forms[i].isMade())
            entry.forms[i] = geometrytext::shapeForm(a);
        entry.keys.append(geometryKey(a, nullptr, &entry.forms[i]));
    }
}

Result<StoredImage> ImageImportSession::storeImage(const QString &file) const
{
    if (!QFileInfo(file).isFile())
        return makeError(ErrorCode::Invalid, tr("the image file is missing"));
    if (!isInside(file))
        return makeError(ErrorCode::Invalid, tr("refers to a file outside the imported folder"));
    // Synced by run() before the batch that names it commits (DatasetContext::syncObjects),
    // also when stored ahead of run() on another thread.
    return DatasetItemStore::storeImage(m_objectsDir, file, m_options.maxImagePixels, true);
}

bool ImageImportSession::cancelled() const
{
    return m_options.cancel && m_options.cancel->load();
}

Status ImageImportSession::annotate(const DatasetItem &item, const ImageImportEntry &entry,
                                    const QList<Annotation> &existing)
{
    const QString origin = entry.origin.isEmpty() ? entry.file : entry.origin;
    QSet<QByteArray> present; // the item's annotations before this import touched it
    for (const Annotation &a : existing)
        present.insert(geometryKey(a));
    QList<Annotation> batch;              // the annotations to add, each shape once
    QList<geometrytext::ShapeForm> forms; // their forms (made by prepare(), or not)
    QHash<QByteArray, qsizetype> pending; // key → its index in batch + 1
    // Per annotation that reaches the store: its index in batch, or -1 - index for a copy of
    // an earlier one of this entry.
    QList<qsizetype> order;
    batch.reserve(entry.annotations.size());
    forms.reserve(entry.annotations.size());
    const QRectF bounds(0, 0, item.width, item.height);
    // prepare() gave each its author and source, its key and its form; a shape moved here
    // onto the image gets a new key, and the store makes its form.
    for (qsizetype n = 0; n < entry.annotations.size(); ++n) {
        Annotation a = entry.annotations[n];
        geometrytext::ShapeForm form = entry.forms[n];
        bool moved = false;                    // onto the image: a new key and form
        std::optional<QList<QPolygonF>> parts; // a polygon's, once read
        if (a.kind == AnnotationKind::Box && item.width > 0) {
            const QRectF r = a.rect();
            const QRectF clipped = r.intersected(bounds);
            const bool noise = r.left() > -kNoise && r.top() > -kNoise &&
                               r.right() < item.width + kNoise && r.bottom() < item.height + kNoise;
            if (!r.isValid() || clipped.width() < 0.5 || clipped.height() < 0.5) {
                warn(origin, tr("the \"%1\" box [%2, %3, %4, %5] lies outside the %6×%7 image; "
                                "skipped")
                                 .arg(a.label)
                                 .arg(r.x())
                                 .arg(r.y())
                                 .arg(r.width())
                                 .arg(r.height())
                                 .arg(item.width)
                                 .arg(item.height));
                continue;
            }
            moved = clipped != r;
            if (clipped != r && noise) {
                a.geometry = Annotation::box(a.label, clipped).geometry;
            } else if (clipped != r) {
                warn(origin, tr("the \"%1\" box [%2, %3, %4, %5] goes outside the %6×%7 image; "
                                "clipped to it")
                                 .arg(a.label)
                                 .arg(r.x())
                                 .arg(r.y())
                                 .arg(r.width())
                                 .arg(r.height())
                                 .arg(item.width)
                                 .arg(item.height));
                a.geometry = Annotation::box(a.label, clipped).geometry;
            }
        } else if (a.kind == AnnotationKind::Polygon && item.width > 0 &&
                   !(form.wellFormed && form.inside(item.width, item.height, 0))) {
            // Only a polygon not known to lie in the image is read point by point.
            geometrytext::restoreGeometry(a, form);
            parts = a.parts();
            bool beyondNoise = false;
            for (QPolygonF &points : *parts) {
                for (QPointF &p : points) {
                    const QPointF c(qBound(0.0, p.x(), double(item.width)),
                                    qBound(0.0, p.y(), double(item.height)));
                    moved = moved || c != p;
                    beyondNoise = beyondNoise || std::abs(c.x() - p.x()) >= kNoise ||
                                  std::abs(c.y() - p.y()) >= kNoise;
                    p = c;
                }
            }
            if (beyondNoise) {
                warn(origin, tr("a \"%1\" polygon goes outside the %2×%3 image; its points were "
                                "moved onto the edge")
                                 .arg(a.label)
                                 .arg(item.width)
                                 .arg(item.height));
            }
            if (moved)
                a.geometry = Annotation::polygon(a.label, *parts).geometry;
        }
        if (moved)
            form = {};
        const QByteArray key = moved ? geometryKey(a, parts ? &*parts : nullptr) : entry.keys[n];
        if (present.contains(key)) { // the same file imported again
            ++m_alreadyPresent;
            continue;
        }
        qsizetype &first = pending[key]; // one lookup: 0 when new
        if (first > 0) {
            order.append(-1 - (first - 1)); // the same annotation twice: its fate is the first's
            continue;
        }
        first = batch.size() + 1;
        order.append(batch.size());
        batch.append(std::move(a));
        forms.append(std::move(form));
    }
    // One call for the image's annotations: the store reads the item and the dataset once and
    // refreshes the item's status once; a refused annotation is skipped, the others kept.
    QList<Result<Annotation>> results;
    if (!batch.isEmpty()) {
        auto added = m_annotations.addAnnotationsLenient(m_dataset, item, batch, forms);
        if (!added) {
            const ErrorCode code = added.error().code;
            if (code == ErrorCode::Io || code == ErrorCode::Internal || code == ErrorCode::Corrupt)
                return added.error(); // the workspace itself failed: stop
            results = QList<Result<Annotation>>(batch.size(), added.error());
        } else {
            results = std::move(added.value());
        }
    }
    // The outcomes in the file's order, as if added one by one: a copy of an added annotation
    // is counted as identical, a copy of a refused one is refused again with the same reason.
    for (const qsizetype index : std::as_const(order)) {
        const qsizetype i = index < 0 ? -1 - index : index;
        const Result<Annotation> &made = results[i];
        if (!made) {
            warn(origin, tr("a \"%1\" annotation was skipped: %2")
                             .arg(batch[i].label, made.error().message));
        } else if (index < 0) {
            ++m_identical;
        } else {
            ++m_report.annotations;
        }
    }
    if (!entry.split.isEmpty() && entry.split != item.split) {
        if (auto ok = m_items.setItemSplit(item.id, entry.split); !ok)
            warn(origin, ok.error().message);
    }
    if (!entry.attributes.isEmpty()) {
        if (auto ok = m_items.mergeItemAttributes(item.id, entry.attributes); !ok)
            warn(origin, ok.error().message);
    }
    if (entry.status) {
        if (auto ok = m_items.setItemStatus(item.id, *entry.status); !ok)
            warn(origin, ok.error().message);
    }
    return {};
}

Result<ImportReport> ImageImportSession::run(const QList<ImageImportEntry> &entries)
{
    return run(entries.size(), [&](qint64 i) { return entries[i]; });
}

Result<ImportReport>
ImageImportSession::run(qint64 total, const std::function<ImageImportEntry(qint64 index)> &entryAt,
                        const std::function<void(ImageImportEntry &&)> &spent)
{
    QHash<QString, QString> firstName; // object hash → the first file that had it
    qint64 done = 0;
    m_ctx.setDeferredObjectSync(true);
    const qint64 pixelLimit = m_ctx.maxImagePixels();
    m_ctx.setMaxImagePixels(m_options.maxImagePixels);
    const auto restore = qScopeGuard([this, pixelLimit] {
        m_ctx.setDeferredObjectSync(false);
        m_ctx.setMaxImagePixels(pixelLimit);
    });
    WriteSlices timing;
    while (done < total) {
        if (cancelled()) {
            m_report.cancelled = true;
            break;
        }
        // A transaction ends after kBatch images or Database::WriteBudget, whichever comes
        // first, so that other processes can write to the catalog during a long import; the
        // dataset reads as importing until importDataset() clears its mark after the last.
        const qint64 end = qMin(total, done + kBatch);
        qint64 reached = done;
        Status batch = m_ctx.batch([&]() -> Status {
            for (qint64 i = done; i < end && (i == done || !timing.due()); ++i) {
                reached = i + 1;
                ImageImportEntry entry = entryAt(i);
                if (!entry.image) // when the format has not stored it on a thread of its own
                    entry.image = storeImage(entry.file);
                const Result<StoredImage> &stored = *entry.image;
                auto added =
                    stored ? m_items.addStoredImage(m_dataset.id, stored.value(),
                                                    entry.sourceName.isEmpty() ? display(entry.file)
                                                                               : entry.sourceName)
                           : Result<AddedItem>(stored.error());
                if (!added) {
                    if (added.error().code == ErrorCode::Io ||
                        added.error().code == ErrorCode::Internal)
                        return added.error(); // the workspace itself failed: stop
                    unreadable(entry.file, added.error().message);
                    continue;
                }
                QList<Annotation> existing;
                if (added->duplicate) {
                    ++m_report.duplicates;
                    const QString first =
                        firstName.value(added->item.objectHash, added->item.sourceName);
                    m_report.duplicateFiles.append(
                        {display(entry.file), tr("same content as %1").arg(first)});
                    auto notes = m_annotations.annotations(added->item.id);
                    if (notes)
                        existing = notes.value();
                } else {
                    ++m_report.imported;
                    firstName.insert(added->item.objectHash, display(entry.file));
                }
                prepare(entry); // when the format has not on its own thread
                if (auto ok = annotate(added->item, entry, existing); !ok)
                    return ok;
                if (spent)
                    spent(std::move(entry));
            }
            // The catalog never names an image that is not on the disk yet.
            return m_ctx.syncObjects();
        });
        if (!batch)
            return batch.error();
        done = reached;
        if (m_options.progress)
            m_options.progress(done, total, tr("Imported %1 of %2").arg(done).arg(total));
        if (done < total && !m_ctx.db().inTransaction())
            timing.yield();
    }
    if (m_identical > 0)
        warn(m_root, tr("%n annotation(s) identical to another on the same image (same label, "
                        "shape and attributes) were kept once",
                        nullptr, int(m_identical)));
    if (m_alreadyPresent > 0)
        warn(m_root, tr("%n annotation(s) already in the dataset were not added again", nullptr,
                        int(m_alreadyPresent)));
    return m_report;
}

} // namespace atelier
