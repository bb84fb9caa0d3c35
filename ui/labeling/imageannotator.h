#pragma once

#include "datasets/datasetstoreworker.h"
#include "datasets/datasettypes.h"
#include "labeling/annotationcanvas.h"

#include <QHash>
#include <QImage>
#include <QWidget>

#include <optional>

class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;
class QWidget;

namespace atelier {

class DatasetItemsModel;
class ImageAnnotationDocument;
class LabelPicker;

/// Labels the images of a dataset one after the other: the canvas with its tools (select V,
/// box R, polygon P, and in a segmentation dataset the mask brush B and eraser E), the label picker
/// (keys 1–9), next / previous (D / A), copy the shapes of the previous image, undo / redo, and
/// review (accept or reject with a comment). Images are decoded on worker threads (the next one
/// ahead of time); every change is saved as made.
class ImageAnnotator final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImageAnnotator)

public:
    ImageAnnotator(DatasetStoreWorker *worker, QWidget *parent = nullptr);
    ~ImageAnnotator() override;

    /// The dataset and the list it walks through (the browser's, with its filter and order).
    void setDataset(const DatasetInfo &dataset, const QString &objectsDir,
                    DatasetItemsModel *items);
    /// Opens row \a row of the list (read when it is not in memory yet).
    void openRow(int row);
    int currentRow() const { return m_row; }
    qint64 currentItemId() const;
    void next();
    void previous();
    /// Adds the previous image's boxes and polygons to this one (one undo step).
    void copyFromPrevious();
    void setReviewMode(bool on);
    bool reviewMode() const { return m_reviewMode; }
    /// Review verdicts: the item's status becomes reviewed / rejected with \a comment.
    void accept(const QString &comment = {});
    void reject(const QString &comment);
    /// Picks label \a label (shapes), or toggles it as a tag (classification).
    void chooseLabel(const QString &label);
    /// True while an image or its annotations are being read.
    bool isLoading() const { return m_loading; }

    AnnotationCanvas *canvas() const { return m_canvas; }
    ImageAnnotationDocument *document() const { return m_document; }
    LabelPicker *labelPicker() const { return m_picker; }

Q_SIGNALS:
    void backRequested();
    /// The item at \a row is shown with its annotations.
    void itemOpened(qint64 itemId, int row);
    void labelsChanged();
    void itemStatusChanged(qint64 itemId, ItemStatus status);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    struct Decoded
    {
        QImage image;
        QList<QImage> levels;
        QString error;
    };
    void buildToolbar(QWidget *bar);
    /// The tools on the first row where they fit, else on a second one.
    void arrangeToolbar();
    void buildShortcuts();
    void reloadLabels();
    void load(const DatasetItem &item);
    void decode(const DatasetItem &item, bool prefetchOnly);
    void maybeShow();
    void updateInfo();
    void updateCounts();
    void setTag(const QString &label, bool on);
    void setMaskTool(AnnotationCanvas::Tool tool);
    void updateBrushInfo();
    QString imagePath(const DatasetItem &item) const;

    DatasetStoreWorker *m_worker;
    DatasetStoreWorker::ReceiverPtr m_receiver;
    DatasetInfo m_dataset;
    QString m_objectsDir;
    DatasetItemsModel *m_items = nullptr;
    ImageAnnotationDocument *m_document = nullptr;
    AnnotationCanvas *m_canvas = nullptr;
    LabelPicker *m_picker = nullptr;

    QLabel *m_title = nullptr;
    QLabel *m_position = nullptr;
    QLabel *m_info = nullptr;
    QLabel *m_saveState = nullptr;
    QLabel *m_zoom = nullptr;
    QLabel *m_cursor = nullptr;
    QHBoxLayout *m_barTop = nullptr;
    QHBoxLayout *m_barSecond = nullptr;
    QWidget *m_toolGroup = nullptr;
    QToolButton *m_selectTool = nullptr;
    QToolButton *m_boxTool = nullptr;
    QToolButton *m_polygonTool = nullptr;
    QToolButton *m_brushTool = nullptr;
    QToolButton *m_eraserTool = nullptr;
    QLabel *m_brushInfo = nullptr;
    QToolButton *m_reviewButton = nullptr;
    QWidget *m_reviewPanel = nullptr;
    QLabel *m_reviewStatus = nullptr;
    QLineEdit *m_comment = nullptr;

    int m_row = -1;
    int m_wantedRow = -1; // waiting for its page
    quint64 m_token = 0;
    bool m_loading = false;
    bool m_reviewMode = false;
    DatasetItem m_pendingItem;
    std::optional<QList<Annotation>> m_pendingAnnotations;
    std::optional<Decoded> m_pendingImage;
    QHash<qint64, Decoded> m_decoded; // a few images around the current one
    QList<qint64> m_decodedOrder;
    QHash<qint64, bool> m_decoding;
};

} // namespace atelier
