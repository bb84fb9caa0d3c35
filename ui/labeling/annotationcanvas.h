#pragma once

#include "datasets/imageannotationdocument.h"
#include "datasets/maskstroke.h"
#include "labeling/maskoverlay.h"
#include "labeling/spatialgrid.h"

#include <QHash>
#include <QImage>
#include <QPointer>
#include <QSet>
#include <QStaticText>
#include <QWidget>

#include <optional>

namespace atelier {

/// The image being labeled with its boxes, polygons and masks: zoom (wheel) and pan (middle
/// button, or Space + drag); tools to select, move and resize shapes, draw boxes and polygons,
/// add, move and delete polygon vertices, and paint or erase mask pixels with a round brush.
/// Masks are drawn as a translucent overlay in their label's colour (crowd regions hatched),
/// decoded once per mask and kept until the mask changes. Shapes live in the document in image
/// pixels; every gesture pushes one undo command on release. Drawing stays cheap with thousands of
/// shapes: the image and the resting shapes are cached layers, a spatial grid answers hit tests,
/// and a frame during a drag repaints only what moves over those layers.
class AnnotationCanvas final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AnnotationCanvas)

public:
    enum class Tool { Select, Box, Polygon, Brush, Eraser };
    Q_ENUM(Tool)

    explicit AnnotationCanvas(QWidget *parent = nullptr);

    void setDocument(ImageAnnotationDocument *document);
    ImageAnnotationDocument *document() const { return m_document; }
    /// The decoded image, with smaller copies (½, ¼, …) made off the GUI thread by mipLevels();
    /// a null image shows \a message instead ("Loading…").
    void setImage(const QImage &image, const QList<QImage> &levels = {},
                  const QString &message = {});
    /// Halved copies of \a image down to about 512 px (call it on a worker thread).
    static QList<QImage> mipLevels(const QImage &image);
    bool hasImage() const { return !m_image.isNull(); }

    void setTool(Tool tool);
    Tool tool() const { return m_tool; }
    /// The label of shapes drawn next.
    void setCurrentLabel(const QString &label) { m_label = label; }
    QString currentLabel() const { return m_label; }
    void setLabelColors(const QHash<QString, QColor> &colors);
    /// A label's colour: the one set, else one from a fixed palette by name.
    QColor labelColor(const QString &label) const;
    /// The brush's and eraser's diameter in image pixels (1–500).
    void setBrushSize(int pixels);
    int brushSize() const { return m_brushSize; }
    /// A read-only canvas selects and zooms but changes nothing (review of others' work).
    void setReadOnly(bool readOnly) { m_readOnly = readOnly; }

    QList<qint64> selection() const;
    void setSelection(const QList<qint64> &ids);
    void selectAll();
    /// Deletes the selected shapes (one command), or the active polygon vertex.
    void deleteSelection();
    /// Gives the selected shapes \a label (one command).
    void relabelSelection(const QString &label);
    /// Moves the selected shapes by \a delta image pixels (one command).
    void nudgeSelection(const QPointF &delta);
    /// Ends the polygon being drawn (at least three points); false when there is none.
    bool finishPolygon();
    void cancelDrawing();
    int draftPointCount() const { return int(m_draft.size()); }

    double zoom() const { return m_scale; }
    void setZoom(double scale, const QPointF &anchor = QPointF(-1, -1));
    void zoomBy(double factor, const QPointF &anchor = QPointF(-1, -1));
    void fitToView();
    QPointF toImage(const QPointF &widget) const;
    QPointF toWidget(const QPointF &image) const;
    /// The shape a click at \a imagePos picks (selected first, then the smallest), or 0.
    qint64 shapeAt(const QPointF &imagePos) const;
    /// Shapes drawn in the last frame (those in view) and how long it took (for benchmarks).
    int lastFrameShapes() const { return m_lastFrameShapes; }

Q_SIGNALS:
    void selectionChanged();
    void zoomChanged(double scale);
    void cursorMoved(const QPointF &imagePos);
    void toolChanged(AnnotationCanvas::Tool tool);
    void brushSizeChanged(int pixels);
    /// A refusal the user should read ("Pick a label first").
    void message(const QString &text);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    static constexpr double kHandle = 5.0; ///< handle half-size in widget pixels

    enum class Drag { None, Pan, Move, Resize, Vertex, DrawBox, RubberBand, Paint };
    struct VertexRef
    {
        qint64 shape = 0;
        int index = -1;
    };

    void documentReset();
    void shapeInserted(qint64 id);
    void shapeRemoved(qint64 id);
    void shapeChanged(qint64 id);
    void invalidateShapes();
    /// Only \a imageArea of the shape layer is drawn again (the shapes over it, in z-order).
    void invalidateArea(const QRectF &imageArea);
    void repaintArea(const QRectF &imageArea);
    void invalidateAll();
    void ensureImageLayer();
    void ensureShapeLayer();
    void drawShape(QPainter &painter, const ImageShape &shape, bool highlight, bool withText) const;
    /// A mask drawn from its cached overlay; returns where its name tag goes (widget pixels).
    QRectF drawMask(QPainter &painter, const ImageShape &shape, bool highlight) const;
    /// The overlay of \a shape, decoded again only when its mask changed.
    const MaskOverlay *maskOverlay(const ImageShape &shape) const;
    void beginStroke(const QPointF &imagePos);
    void finishStroke();
    void drawHandles(QPainter &painter, const ImageShape &shape) const;
    double tolerance() const; // hit tolerance in image pixels
    int handleAt(const ImageShape &box, const QPointF &imagePos) const;
    /// The handle of the one selected box under \a p (image coordinates), -1 when none.
    int selectedBoxHandle(QPointF p) const;
    /// Starts resizing the selected box (a handle under \a p) or moving the selection (a
    /// selected shape under \a p); false when \a p is on neither.
    bool beginEditOfSelection(QPointF p);
    VertexRef vertexAt(const QPointF &imagePos) const;
    int edgeAt(const ImageShape &polygon, const QPointF &imagePos, QPointF *onEdge) const;
    bool hits(const ImageShape &shape, const QPointF &imagePos, double tolerance) const;
    QRectF resized(const QRectF &rect, int handle, const QPointF &imagePos) const;
    void commitDrag();
    void addShape(const ImageShape &shape);
    void setSelectionInternal(const QSet<qint64> &ids);
    QRectF imageRect() const;
    const QStaticText &labelText(const QString &label) const;

    QPointer<ImageAnnotationDocument> m_document;
    QImage m_image;
    QList<QImage> m_levels;
    QString m_message;
    Tool m_tool = Tool::Select;
    QString m_label;
    QHash<QString, QColor> m_colors;
    bool m_readOnly = false;

    // view
    double m_scale = 1.0;
    QPointF m_offset;
    bool m_fit = true;

    // caches
    SpatialGrid m_grid;
    QImage m_imageLayer;
    QImage m_shapeLayer;
    bool m_imageLayerValid = false;
    bool m_shapeLayerValid = false;
    QRectF m_dirty;               // image pixels of the shape layer to draw again
    QSet<qint64> m_layerExcludes; // shapes being dragged, drawn over the layer
    mutable QHash<QString, QStaticText> m_texts;
    mutable QHash<qint64, MaskOverlay> m_masks; // shape id → its overlay

    // interaction
    QSet<qint64> m_selected;
    qint64 m_hover = 0;
    VertexRef m_activeVertex;
    Drag m_drag = Drag::None;
    bool m_spaceDown = false;
    QPointF m_pressWidget;
    QPointF m_pressImage;
    QPointF m_lastWidget;
    QPointF m_cursorImage;
    int m_handle = -1;
    QList<ImageShape> m_before;          // shapes as they were at the press
    QHash<qint64, ImageShape> m_preview; // shapes as the drag makes them
    QRectF m_band;                       // box being drawn / rubber band, image pixels
    QPolygonF m_draft;                   // polygon being drawn
    bool m_dragStarted = false;
    int m_lastFrameShapes = 0;

    // mask painting: the stroke under way and the shape it paints (a new one has no place
    // in the document until the stroke ends)
    int m_brushSize = 20;
    std::optional<MaskStroke> m_stroke;
    ImageShape m_strokeShape;
    bool m_strokeNew = false;
    bool m_strokeErases = false;
    QPointF m_strokeLast;
};

} // namespace atelier
