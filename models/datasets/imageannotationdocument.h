#pragma once

#include "core/result.h"
#include "datasets/annotationdocument.h"
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

/// The annotations of one image item being labeled: shapes in z-order, each change written
/// behind as it is made (AnnotationDocument). Commands (imageannotationcommands.h) call the
/// primitive edits below by id.
class ImageAnnotationDocument final : public AnnotationDocument
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImageAnnotationDocument)

public:
    explicit ImageAnnotationDocument(QObject *parent = nullptr);

    /// Shows \a item with \a annotations (catalog records; rejected ones are left out) and
    /// clears the undo stack.
    void load(const DatasetItem &item, const QList<Annotation> &annotations);
    /// An empty document (no item).
    void clear();
    QSize imageSize() const { return {m_item.width, m_item.height}; }

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

    /// Sets the item's status (for example back to labeled), written at once.
    void setStatus(ItemStatus status);

Q_SIGNALS:
    void reset();
    void shapeInserted(qint64 id);
    void shapeRemoved(qint64 id);
    void shapeChanged(qint64 id);
    /// The item's status after a change (labeled when the first shape was drawn, …).
    void itemStatusChanged(qint64 itemId, ItemStatus status, const QString &comment);

private:
    void itemWritten(const DatasetItem &item) override;

    QHash<qint64, ImageShape> m_shapes;
    QList<qint64> m_order;
    qint64 m_lastId = 0;
};

} // namespace atelier
