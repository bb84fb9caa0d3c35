#pragma once

#include "core/result.h"
#include "datasets/datasetstoreworker.h"
#include "datasets/datasettypes.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPolygonF>
#include <QRectF>
#include <QSize>
#include <QUndoStack>

#include <functional>
#include <memory>
#include <optional>

namespace atelier {

/// One annotation of an image as the annotator edits it: geometry parsed once, and an id of
/// the document's own that stays the same through undo and redo (the catalog gives a new id
/// each time an annotation is added again).
struct ImageShape
{
    qint64 id = 0; ///< the document's id
    AnnotationKind kind = AnnotationKind::Box;
    QString label;
    QRectF rect;       ///< Box, image pixels; Mask: the mask's bounds (kept by setMask)
    QPolygonF polygon; ///< Polygon, image pixels (its first part)
    /// The other parts of a polygon of several (one COCO instance); moved with the first.
    QList<QPolygonF> moreParts;
    MaskRle mask; ///< Mask: the pixels as COCO runs (set with setMask)
    AnnotationState state = AnnotationState::Accepted;
    QString author;
    QString source = QStringLiteral("manual");
    /// What the format said beyond label and shape (iscrowd, id, difficult, …): kept through
    /// every edit so that saving a moved or painted shape does not drop it.
    QJsonObject attributes;

    /// The area it covers in image pixels (null for tags).
    QRectF bounds() const;
    /// Sets the mask and its bounds; a COCO "area" carried in the attributes follows the
    /// new pixel count, so that it never contradicts the mask.
    void setMask(const MaskRle &rle);
    /// A crowd region (COCO iscrowd = 1): drawn hatched.
    bool isCrowd() const;
    /// Moved by \a delta image pixels (boxes and polygons with all their parts; a mask is
    /// edited with the brush, not moved, and stays).
    ImageShape translated(const QPointF &delta) const;
    /// The catalog annotation (id 0).
    Annotation toAnnotation() const;
    static ImageShape fromAnnotation(const Annotation &annotation);
    bool operator==(const ImageShape &other) const = default;
};

/// The annotations of one image item being labeled: shapes in z-order, an undo stack, and
/// every change written through the DatasetStoreWorker as it is made (a change is committed
/// to the catalog a few milliseconds later, off the GUI thread; nothing waits for a save
/// button). Commands (imageannotationcommands.h) call the primitive edits below by id.
class ImageAnnotationDocument final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImageAnnotationDocument)

public:
    explicit ImageAnnotationDocument(QObject *parent = nullptr);
    ~ImageAnnotationDocument() override;

    /// Where changes are written; null keeps them in memory (canvas tests).
    void setWorker(DatasetStoreWorker *worker);
    DatasetStoreWorker *worker() const { return m_worker; }
    /// The author of new shapes (the annotator name from settings).
    void setAuthor(const QString &author) { m_author = author; }
    QString author() const { return m_author; }

    /// Shows \a item with \a annotations (catalog records; rejected ones are left out) and
    /// clears the undo stack.
    void load(const DatasetItem &item, const QList<Annotation> &annotations);
    /// An empty document (no item).
    void clear();
    const DatasetItem &item() const { return m_item; }
    bool hasItem() const { return m_item.id != 0; }
    QSize imageSize() const { return {m_item.width, m_item.height}; }
    QUndoStack *undoStack() { return &m_undo; }

    /// Shape ids in z-order (last drawn on top).
    const QList<qint64> &shapeIds() const { return m_order; }
    int shapeCount() const { return int(m_order.size()); }
    const ImageShape *shape(qint64 id) const;
    int indexOf(qint64 id) const { return int(m_order.indexOf(id)); }
    /// Every shape of \a kind in z-order.
    QList<ImageShape> shapes(std::optional<AnnotationKind> kind = std::nullopt) const;
    /// Labels carried by tags (classification).
    QStringList tags() const;
    qint64 newShapeId() { return ++m_lastId; }
    /// \a rect / \a polygon kept inside the image.
    QRectF clamp(const QRectF &rect) const;
    QPolygonF clamp(const QPolygonF &polygon) const;

    // Primitive edits (used by the undo commands); each is written to the catalog at once.
    void insertShape(const ImageShape &shape, int index = -1);
    void removeShape(qint64 id);
    void replaceShape(const ImageShape &shape);

    /// Records a review of the item (not undoable): \a verdict Reviewed or Rejected.
    void review(ItemStatus verdict, const QString &comment);
    /// Sets the item's status (for example back to labeled), written at once.
    void setStatus(ItemStatus status);

    /// Writes queued and not yet acknowledged.
    int pendingWrites() const { return m_pendingWrites; }
    /// Blocks (processing events) until every change is committed (tests, benchmarks).
    bool waitForSaved(int msecs = 30000);

Q_SIGNALS:
    void reset();
    void shapeInserted(qint64 id);
    void shapeRemoved(qint64 id);
    void shapeChanged(qint64 id);
    /// A change reached the catalog (\a pending still on their way).
    void saved(int pending);
    /// A change was refused by the catalog; \a message says why.
    void saveFailed(const QString &message);
    /// The item's status after a change (labeled when the first shape was drawn, …).
    void itemStatusChanged(qint64 itemId, ItemStatus status, const QString &comment);

private:
    using IdMap = QHash<qint64, qint64>; // shape id → annotation id, used on the worker only
    void queueWrite(std::function<Status(DatasetStore &, IdMap &)> work);

    DatasetStoreWorker *m_worker = nullptr;
    DatasetStoreWorker::ReceiverPtr m_receiver;
    QString m_author;
    DatasetItem m_item;
    QHash<qint64, ImageShape> m_shapes;
    QList<qint64> m_order;
    qint64 m_lastId = 0;
    std::shared_ptr<IdMap> m_catalogIds;
    QUndoStack m_undo;
    int m_pendingWrites = 0;
};

} // namespace atelier
