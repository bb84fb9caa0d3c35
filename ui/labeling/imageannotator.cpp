#include "labeling/imageannotator.h"

#include "common/background.h"
#include "datasets/annotationstore.h"
#include "datasets/datasetcatalog.h"
#include "datasets/datasetitemsmodel.h"
#include "datasets/datasetitemstore.h"
#include "datasets/imageannotationcommands.h"
#include "datasets/imageannotationdocument.h"
#include "labeling/annotationcanvas.h"
#include "labeling/labelpicker.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QImageReader>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

constexpr int kDecodedKept = 4;

QToolButton *toolButton(QWidget *parent, const QString &text, const QString &tip,
                        const QString &name)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(name);
    button->setText(text);
    button->setToolTip(tip);
    button->setAutoRaise(true);
    button->setFocusPolicy(Qt::NoFocus);
    return button;
}

QString statusText(ItemStatus status)
{
    switch (status) {
    case ItemStatus::Unlabeled:
        return ImageAnnotator::tr("unlabeled");
    case ItemStatus::Labeled:
        return ImageAnnotator::tr("labeled");
    case ItemStatus::Reviewed:
        return ImageAnnotator::tr("reviewed");
    case ItemStatus::Rejected:
        return ImageAnnotator::tr("rejected");
    }
    return {};
}

} // namespace

ImageAnnotator::ImageAnnotator(DatasetStoreWorker *worker, QWidget *parent)
    : QWidget(parent), m_worker(worker), m_receiver(worker->receiver(this))
{
    setObjectName(u"imageAnnotator"_s);
    m_document = new ImageAnnotationDocument(this);
    m_document->setWorker(worker);
    m_document->setAuthor(worker->author());

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    auto *bar = new QWidget(this);
    bar->setObjectName(u"annotatorBar"_s);
    buildToolbar(bar);
    layout->addWidget(bar);

    auto *splitter = new QSplitter(this);
    splitter->setChildrenCollapsible(false);
    m_canvas = new AnnotationCanvas(splitter);
    m_canvas->setDocument(m_document);
    auto *side = new QWidget(splitter);
    side->setObjectName(u"annotatorSide"_s);
    side->setMinimumWidth(220);
    side->setMaximumWidth(340);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(12, 12, 12, 12);
    m_picker = new LabelPicker(side);
    sideLayout->addWidget(m_picker, 1);

    m_reviewPanel = new QWidget(side);
    m_reviewPanel->setObjectName(u"reviewPanel"_s);
    auto *reviewLayout = new QVBoxLayout(m_reviewPanel);
    reviewLayout->setContentsMargins(0, 8, 0, 0);
    auto *reviewTitle = new QLabel(tr("Review"), m_reviewPanel);
    reviewTitle->setObjectName(u"sectionTitle"_s);
    m_reviewStatus = new QLabel(m_reviewPanel);
    m_reviewStatus->setWordWrap(true);
    m_comment = new QLineEdit(m_reviewPanel);
    m_comment->setObjectName(u"reviewComment"_s);
    m_comment->setPlaceholderText(tr("Comment (required to reject)"));
    auto *verdicts = new QHBoxLayout;
    auto *acceptButton = new QPushButton(tr("Accept"), m_reviewPanel);
    acceptButton->setObjectName(u"acceptButton"_s);
    acceptButton->setToolTip(tr("Accept this image's labels and go to the next (Ctrl+Return)"));
    auto *rejectButton = new QPushButton(tr("Reject"), m_reviewPanel);
    rejectButton->setObjectName(u"rejectButton"_s);
    rejectButton->setToolTip(tr("Send this image back with the comment (Ctrl+Backspace)"));
    verdicts->addWidget(acceptButton);
    verdicts->addWidget(rejectButton);
    reviewLayout->addWidget(reviewTitle);
    reviewLayout->addWidget(m_reviewStatus);
    reviewLayout->addWidget(m_comment);
    reviewLayout->addLayout(verdicts);
    sideLayout->addWidget(m_reviewPanel);
    m_reviewPanel->setVisible(false);

    auto *help = new QLabel(tr("<b>V</b> select · <b>R</b> box · <b>P</b> polygon<br>"
                               "<b>B</b> brush · <b>E</b> eraser · <b>[</b> <b>]</b> size<br>"
                               "<b>1–9</b> label · <b>A</b>/<b>D</b> previous/next<br>"
                               "Wheel zoom · Space+drag pan · <b>F</b> fit<br>"
                               "Double-click an edge: add a vertex<br>"
                               "Alt+click a vertex: delete it"),
                            side);
    help->setObjectName(u"annotatorHelp"_s);
    help->setWordWrap(true);
    sideLayout->addWidget(help);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 0);
    layout->addWidget(splitter, 1);

    auto *status = new QWidget(this);
    status->setObjectName(u"annotatorStatus"_s);
    auto *statusLayout = new QHBoxLayout(status);
    statusLayout->setContentsMargins(12, 4, 12, 4);
    m_info = new QLabel(status);
    m_saveState = new QLabel(tr("All changes saved"), status);
    m_saveState->setObjectName(u"saveState"_s);
    m_cursor = new QLabel(status);
    m_zoom = new QLabel(status);
    m_brushInfo = new QLabel(status);
    m_brushInfo->setObjectName(u"brushInfo"_s);
    m_brushInfo->setVisible(false);
    statusLayout->addWidget(m_info, 1);
    statusLayout->addWidget(m_brushInfo);
    statusLayout->addSpacing(16);
    statusLayout->addWidget(m_cursor);
    statusLayout->addSpacing(16);
    statusLayout->addWidget(m_zoom);
    statusLayout->addSpacing(16);
    statusLayout->addWidget(m_saveState);
    layout->addWidget(status);

    connect(acceptButton, &QPushButton::clicked, this, [this] { accept(m_comment->text()); });
    connect(rejectButton, &QPushButton::clicked, this, [this] { reject(m_comment->text()); });
    connect(m_picker, &LabelPicker::labelChosen, this, &ImageAnnotator::chooseLabel);
    connect(m_picker, &LabelPicker::tagToggled, this, &ImageAnnotator::setTag);
    connect(m_picker, &LabelPicker::addLabelRequested, this, [this](const QString &name) {
        const qint64 datasetId = m_dataset.id;
        writeInBackground(
            m_worker, m_receiver,
            [datasetId, name](DatasetContext &context) {
                auto added = DatasetCatalog(context).addLabel(datasetId, name);
                return added ? QString() : added.error().message;
            },
            [this, name](const QString &error) {
                if (!error.isEmpty()) {
                    m_saveState->setText(error);
                    return;
                }
                m_picker->setCurrentLabel(name);
                m_canvas->setCurrentLabel(name);
                reloadLabels();
            });
    });
    connect(m_canvas, &AnnotationCanvas::zoomChanged, this,
            [this](double scale) { m_zoom->setText(tr("%1%").arg(qRound(scale * 100))); });
    connect(m_canvas, &AnnotationCanvas::cursorMoved, this, [this](const QPointF &p) {
        m_cursor->setText(tr("x %1  y %2").arg(qRound(p.x())).arg(qRound(p.y())));
    });
    connect(m_canvas, &AnnotationCanvas::message, this,
            [this](const QString &text) { m_saveState->setText(text); });
    connect(m_canvas, &AnnotationCanvas::toolChanged, this, [this](AnnotationCanvas::Tool tool) {
        m_selectTool->setChecked(tool == AnnotationCanvas::Tool::Select);
        m_boxTool->setChecked(tool == AnnotationCanvas::Tool::Box);
        m_polygonTool->setChecked(tool == AnnotationCanvas::Tool::Polygon);
        m_brushTool->setChecked(tool == AnnotationCanvas::Tool::Brush);
        m_eraserTool->setChecked(tool == AnnotationCanvas::Tool::Eraser);
        updateBrushInfo();
    });
    connect(m_canvas, &AnnotationCanvas::brushSizeChanged, this, &ImageAnnotator::updateBrushInfo);
    connect(m_canvas, &AnnotationCanvas::selectionChanged, this, [this] {
        const QList<qint64> selected = m_canvas->selection();
        if (selected.size() == 1) {
            if (const ImageShape *shape = m_document->shape(selected.first()))
                m_picker->setCurrentLabel(shape->label);
        }
    });
    connect(m_document, &ImageAnnotationDocument::saved, this, [this](int pending) {
        if (pending == 0)
            m_saveState->setText(tr("All changes saved"));
    });
    connect(m_document, &ImageAnnotationDocument::saveFailed, this,
            [this](const QString &error) { m_saveState->setText(tr("Not saved: %1").arg(error)); });
    connect(m_document, &ImageAnnotationDocument::itemStatusChanged, this,
            [this](qint64 itemId, ItemStatus status, const QString &comment) {
                if (m_items)
                    m_items->updateItemStatus(itemId, status, comment);
                if (itemId == m_document->item().id) {
                    m_reviewStatus->setText(
                        comment.isEmpty()
                            ? tr("Status: %1").arg(statusText(status))
                            : tr("Status: %1 — “%2”").arg(statusText(status), comment));
                }
                Q_EMIT itemStatusChanged(itemId, status);
            });
    auto changed = [this] {
        if (m_document->pendingWrites() > 0)
            m_saveState->setText(tr("Saving…"));
        updateCounts();
    };
    connect(m_document, &ImageAnnotationDocument::shapeInserted, this, changed);
    connect(m_document, &ImageAnnotationDocument::shapeRemoved, this, changed);
    connect(m_document, &ImageAnnotationDocument::shapeChanged, this, changed);
    connect(m_document, &ImageAnnotationDocument::reset, this, changed);
    buildShortcuts();
}

ImageAnnotator::~ImageAnnotator()
{
    m_worker->retire(m_receiver);
}

void ImageAnnotator::buildToolbar(QWidget *bar)
{
    // Two groups on one row; where the window is too narrow for both (1024 px), the tools
    // wrap to a second row (arrangeToolbar) instead of being clipped.
    auto *rows = new QVBoxLayout(bar);
    rows->setContentsMargins(12, 6, 12, 6);
    rows->setSpacing(2);
    m_barTop = new QHBoxLayout;
    m_barTop->setSpacing(4);
    m_barSecond = new QHBoxLayout;
    m_barSecond->setSpacing(4);
    rows->addLayout(m_barTop);
    rows->addLayout(m_barSecond);
    auto *nav = new QWidget(bar);
    auto *row = new QHBoxLayout(nav);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(4);
    auto *back = toolButton(bar, tr("‹ Images"),
                            tr("Back to the image grid (Alt+Left, or Esc twice)"), u"backButton"_s);
    connect(back, &QToolButton::clicked, this, &ImageAnnotator::backRequested);
    row->addWidget(back);
    row->addSpacing(8);
    m_title = new QLabel(bar);
    m_title->setObjectName(u"annotatorTitle"_s);
    row->addWidget(m_title);
    row->addSpacing(12);

    auto *previousButton = toolButton(bar, tr("◀"), tr("Previous image (A)"), u"previousButton"_s);
    m_position = new QLabel(bar);
    m_position->setObjectName(u"annotatorPosition"_s);
    auto *nextButton = toolButton(bar, tr("▶"), tr("Next image (D)"), u"nextButton"_s);
    connect(previousButton, &QToolButton::clicked, this, &ImageAnnotator::previous);
    connect(nextButton, &QToolButton::clicked, this, &ImageAnnotator::next);
    row->addWidget(previousButton);
    row->addWidget(m_position);
    row->addWidget(nextButton);
    m_toolGroup = new QWidget(bar);
    row = new QHBoxLayout(m_toolGroup);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(4);

    m_selectTool =
        toolButton(bar, tr("Select"), tr("Select, move and resize (V)"), u"selectTool"_s);
    m_boxTool = toolButton(bar, tr("Box"), tr("Draw boxes (R)"), u"boxTool"_s);
    m_polygonTool = toolButton(bar, tr("Polygon"),
                               tr("Draw polygons: click the points, Enter or a click on the "
                                  "first point closes (P)"),
                               u"polygonTool"_s);
    m_brushTool = toolButton(bar, tr("Brush"),
                             tr("Paint a mask: onto the selected mask, or a new one of the "
                                "current label ([ and ] change the size) (B)"),
                             u"brushTool"_s);
    m_eraserTool = toolButton(bar, tr("Eraser"),
                              tr("Erase pixels of the selected mask ([ and ] change the size) (E)"),
                              u"eraserTool"_s);
    for (QToolButton *tool : {m_selectTool, m_boxTool, m_polygonTool, m_brushTool, m_eraserTool}) {
        tool->setCheckable(true);
        row->addWidget(tool);
    }
    m_selectTool->setChecked(true);
    connect(m_selectTool, &QToolButton::clicked, this,
            [this] { m_canvas->setTool(AnnotationCanvas::Tool::Select); });
    connect(m_boxTool, &QToolButton::clicked, this,
            [this] { m_canvas->setTool(AnnotationCanvas::Tool::Box); });
    connect(m_polygonTool, &QToolButton::clicked, this,
            [this] { m_canvas->setTool(AnnotationCanvas::Tool::Polygon); });
    connect(m_brushTool, &QToolButton::clicked, this,
            [this] { setMaskTool(AnnotationCanvas::Tool::Brush); });
    connect(m_eraserTool, &QToolButton::clicked, this,
            [this] { setMaskTool(AnnotationCanvas::Tool::Eraser); });
    row->addSpacing(16);

    auto *undo = toolButton(bar, tr("Undo"), tr("Undo (Ctrl+Z)"), u"undoButton"_s);
    auto *redo = toolButton(bar, tr("Redo"), tr("Redo (Ctrl+Shift+Z)"), u"redoButton"_s);
    connect(undo, &QToolButton::clicked, m_document->undoStack(), &QUndoStack::undo);
    connect(redo, &QToolButton::clicked, m_document->undoStack(), &QUndoStack::redo);
    connect(m_document->undoStack(), &QUndoStack::canUndoChanged, undo, &QWidget::setEnabled);
    connect(m_document->undoStack(), &QUndoStack::canRedoChanged, redo, &QWidget::setEnabled);
    undo->setEnabled(false);
    redo->setEnabled(false);
    row->addWidget(undo);
    row->addWidget(redo);
    auto *copy = toolButton(bar, tr("Copy previous"),
                            tr("Add the previous image's shapes to this one (Ctrl+Shift+V)"),
                            u"copyPreviousButton"_s);
    connect(copy, &QToolButton::clicked, this, &ImageAnnotator::copyFromPrevious);
    row->addWidget(copy);
    auto *fit = toolButton(bar, tr("Fit"), tr("Fit the image to the window (F)"), u"fitButton"_s);
    connect(fit, &QToolButton::clicked, this, [this] { m_canvas->fitToView(); });
    row->addWidget(fit);
    m_reviewButton =
        toolButton(bar, tr("Review"), tr("Accept or reject each image"), u"reviewButton"_s);
    m_reviewButton->setCheckable(true);
    connect(m_reviewButton, &QToolButton::toggled, this, &ImageAnnotator::setReviewMode);
    m_barTop->addWidget(nav);
    m_barTop->addSpacing(16);
    m_barTop->addWidget(m_toolGroup);
    m_barTop->addStretch(1);
    m_barTop->addWidget(m_reviewButton);
}

void ImageAnnotator::arrangeToolbar()
{
    if (m_toolGroup == nullptr)
        return;
    QWidget *bar = m_toolGroup->parentWidget();
    const QMargins margins = bar->layout()->contentsMargins();
    int oneRow = margins.left() + margins.right() + 16 + 3 * m_barTop->spacing();
    for (int i = 0; i < m_barTop->count(); ++i) {
        if (QWidget *widget = m_barTop->itemAt(i)->widget(); widget && widget != m_toolGroup)
            oneRow += widget->sizeHint().width();
    }
    oneRow += m_toolGroup->sizeHint().width();
    const bool wrap = oneRow > bar->width();
    const bool wrapped = m_barSecond->indexOf(m_toolGroup) >= 0;
    if (wrap == wrapped)
        return;
    if (wrap) {
        m_barTop->removeWidget(m_toolGroup);
        m_barSecond->addWidget(m_toolGroup);
        m_barSecond->addStretch(1);
    } else {
        while (QLayoutItem *item = m_barSecond->takeAt(0))
            delete item; // the stretch, and the group's item (not the group)
        m_barTop->insertWidget(2, m_toolGroup);
    }
}

void ImageAnnotator::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    arrangeToolbar();
}

void ImageAnnotator::keyPressEvent(QKeyEvent *event)
{
    // Keys the canvas left alone: Esc with nothing to cancel or deselect goes back.
    if (event->key() == Qt::Key_Escape && event->modifiers() == Qt::NoModifier &&
        !qobject_cast<QLineEdit *>(QApplication::focusWidget())) {
        Q_EMIT backRequested();
        return;
    }
    QWidget::keyPressEvent(event);
}

void ImageAnnotator::buildShortcuts()
{
    auto shortcut = [this](const QKeySequence &keys, auto function) {
        auto *s = new QShortcut(keys, this);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        connect(s, &QShortcut::activated, this, function);
        return s;
    };
    shortcut(QKeySequence::Back, [this] { Q_EMIT backRequested(); });
    shortcut(QKeySequence(Qt::Key_D), [this] { next(); });
    shortcut(QKeySequence(Qt::Key_A), [this] { previous(); });
    shortcut(QKeySequence(Qt::Key_V),
             [this] { m_canvas->setTool(AnnotationCanvas::Tool::Select); });
    shortcut(QKeySequence(Qt::Key_R), [this] { m_canvas->setTool(AnnotationCanvas::Tool::Box); });
    shortcut(QKeySequence(Qt::Key_P),
             [this] { m_canvas->setTool(AnnotationCanvas::Tool::Polygon); });
    shortcut(QKeySequence(Qt::Key_B), [this] { setMaskTool(AnnotationCanvas::Tool::Brush); });
    shortcut(QKeySequence(Qt::Key_E), [this] { setMaskTool(AnnotationCanvas::Tool::Eraser); });
    // About a quarter smaller or larger a press, and at least a pixel.
    shortcut(QKeySequence(Qt::Key_BracketLeft), [this] {
        const int size = m_canvas->brushSize();
        m_canvas->setBrushSize(qMin(size - 1, qRound(size / 1.25)));
    });
    shortcut(QKeySequence(Qt::Key_BracketRight), [this] {
        const int size = m_canvas->brushSize();
        m_canvas->setBrushSize(qMax(size + 1, qRound(size * 1.25)));
    });
    shortcut(QKeySequence::Undo, [this] { m_document->undoStack()->undo(); });
    shortcut(QKeySequence::Redo, [this] { m_document->undoStack()->redo(); });
    shortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z),
             [this] { m_document->undoStack()->redo(); });
    shortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V), [this] { copyFromPrevious(); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), [this] {
        if (m_reviewMode)
            accept(m_comment->text());
    });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_Backspace), [this] {
        if (m_reviewMode)
            reject(m_comment->text());
    });
    for (int key = 1; key <= 9; ++key) {
        shortcut(QKeySequence(Qt::Key(Qt::Key_0 + key)), [this, key] {
            const QString label = m_picker->labelForKey(QString::number(key));
            if (!label.isEmpty())
                chooseLabel(label);
        });
    }
}

void ImageAnnotator::setDataset(const DatasetInfo &dataset, const QString &objectsDir,
                                DatasetItemsModel *items)
{
    if (m_items)
        disconnect(m_items, nullptr, this, nullptr);
    m_dataset = dataset;
    m_objectsDir = objectsDir;
    m_items = items;
    m_row = -1;
    m_wantedRow = -1;
    m_decoded.clear();
    m_decodedOrder.clear();
    m_document->clear();
    m_canvas->setImage({}, {}, tr("Pick an image in the grid."));
    m_title->setText(m_title->fontMetrics().elidedText(dataset.name, Qt::ElideMiddle, 160));
    m_title->setToolTip(dataset.name);
    const bool tags = dataset.task == DatasetTask::Classification;
    m_picker->setTagMode(tags);
    m_boxTool->setVisible(!tags);
    m_polygonTool->setVisible(!tags);
    const bool masks = dataset.task == DatasetTask::Segmentation;
    m_brushTool->setVisible(masks);
    m_eraserTool->setVisible(masks);
    m_canvas->setTool(dataset.task == DatasetTask::Segmentation ? AnnotationCanvas::Tool::Polygon
                      : dataset.task == DatasetTask::Detection  ? AnnotationCanvas::Tool::Box
                                                                : AnnotationCanvas::Tool::Select);
    if (items) {
        connect(items, &DatasetItemsModel::pageLoaded, this, [this] {
            if (m_wantedRow >= 0)
                openRow(m_wantedRow);
        });
    }
    reloadLabels();
    arrangeToolbar(); // the tools shown depend on the task
}

void ImageAnnotator::setMaskTool(AnnotationCanvas::Tool tool)
{
    // Only a segmentation dataset takes masks; elsewhere the catalog would refuse each stroke.
    if (m_dataset.task != DatasetTask::Segmentation) {
        m_saveState->setText(tr("Masks belong to segmentation datasets; this one is not."));
        return;
    }
    m_canvas->setTool(tool);
}

void ImageAnnotator::updateBrushInfo()
{
    const AnnotationCanvas::Tool tool = m_canvas->tool();
    const bool painting =
        tool == AnnotationCanvas::Tool::Brush || tool == AnnotationCanvas::Tool::Eraser;
    m_brushInfo->setVisible(painting);
    m_brushInfo->setText(tool == AnnotationCanvas::Tool::Eraser
                             ? tr("Eraser %1 px").arg(m_canvas->brushSize())
                             : tr("Brush %1 px").arg(m_canvas->brushSize()));
}

void ImageAnnotator::reloadLabels()
{
    const qint64 datasetId = m_dataset.id;
    readInBackground(
        m_worker, m_receiver,
        [datasetId](DatasetContext &context) {
            auto labels = DatasetCatalog(context).labels(datasetId);
            return labels ? labels.value() : QList<DatasetLabel>();
        },
        [this](const QList<DatasetLabel> &list) {
            m_picker->setLabels(list);
            m_canvas->setLabelColors(m_picker->colors());
            if (m_canvas->currentLabel().isEmpty() && !list.isEmpty())
                m_canvas->setCurrentLabel(m_picker->currentLabel());
            updateCounts();
            Q_EMIT labelsChanged();
        });
}

qint64 ImageAnnotator::currentItemId() const
{
    return m_document->item().id;
}

QString ImageAnnotator::imagePath(const DatasetItem &item) const
{
    return DatasetItemsModel::objectPath(m_objectsDir, item.objectHash);
}

void ImageAnnotator::openRow(int row)
{
    if (!m_items || row < 0 || row >= m_items->rowCount())
        return;
    const std::optional<DatasetItem> item = m_items->itemAt(row);
    if (!item) {
        m_wantedRow = row; // its page is being read
        m_items->prefetch(row, row);
        m_loading = true;
        return;
    }
    m_wantedRow = -1;
    m_row = row;
    load(*item);
    // The neighbours are decoded ahead of time and their pages read.
    m_items->prefetch(qMax(0, row - 1), row + 2);
    for (int neighbour : {row + 1, row - 1}) {
        if (const std::optional<DatasetItem> other = m_items->itemAt(neighbour))
            decode(*other, true);
    }
}

void ImageAnnotator::next()
{
    if (m_items && m_row + 1 < m_items->rowCount())
        openRow(m_row + 1);
}

void ImageAnnotator::previous()
{
    if (m_row > 0)
        openRow(m_row - 1);
}

void ImageAnnotator::load(const DatasetItem &item)
{
    const quint64 token = ++m_token;
    m_loading = true;
    m_pendingItem = item;
    m_pendingAnnotations.reset();
    m_pendingImage.reset();
    m_comment->clear();
    m_position->setText(tr("%1 / %2")
                            .arg(QLocale().toString(m_row + 1))
                            .arg(QLocale().toString(m_items ? m_items->rowCount() : 0)));
    if (auto it = m_decoded.constFind(item.id); it != m_decoded.cend())
        m_pendingImage = it.value();
    else
        decode(item, false);
    const qint64 itemId = item.id;
    readInBackground(
        m_worker, m_receiver,
        [itemId](DatasetContext &context) {
            auto annotations = AnnotationStore(context).annotations(itemId);
            auto fresh = DatasetItemStore(context).item(itemId);
            const QList<Annotation> list = annotations ? annotations.value() : QList<Annotation>();
            const std::optional<DatasetItem> item =
                fresh ? std::optional<DatasetItem>(fresh.value()) : std::nullopt;
            return std::pair{list, item};
        },
        [this, token](const std::pair<QList<Annotation>, std::optional<DatasetItem>> &answer) {
            const auto &[list, fresh] = answer;
            if (token != m_token)
                return;
            if (fresh)
                m_pendingItem = *fresh; // the status may have changed since the page
            m_pendingAnnotations = list;
            maybeShow();
        });
    maybeShow();
}

void ImageAnnotator::decode(const DatasetItem &item, bool prefetchOnly)
{
    if (m_decoded.contains(item.id) || m_decoding.contains(item.id))
        return;
    const QString path = imagePath(item);
    const qint64 itemId = item.id;
    m_decoding.insert(itemId, prefetchOnly);
    runInBackground(
        this,
        [path]() -> Decoded {
            Decoded decoded;
            QImageReader reader(path);
            reader.setAutoTransform(true);
            QImage image = reader.read();
            if (image.isNull()) {
                decoded.error = reader.errorString();
                return decoded;
            }
            decoded.image =
                image.convertToFormat(image.hasAlphaChannel() ? QImage::Format_ARGB32_Premultiplied
                                                              : QImage::Format_RGB32);
            decoded.levels = AnnotationCanvas::mipLevels(decoded.image);
            return decoded;
        },
        [this, itemId](const Decoded &decoded) {
            m_decoding.remove(itemId);
            m_decoded.insert(itemId, decoded);
            m_decodedOrder.removeOne(itemId);
            m_decodedOrder.append(itemId);
            while (m_decodedOrder.size() > kDecodedKept)
                m_decoded.remove(m_decodedOrder.takeFirst());
            if (m_pendingItem.id == itemId && !m_pendingImage) {
                m_pendingImage = decoded;
                maybeShow();
            }
        });
}

void ImageAnnotator::maybeShow()
{
    if (!m_pendingAnnotations) {
        if (!m_pendingImage)
            m_canvas->setImage({}, {}, tr("Loading %1…").arg(m_pendingItem.sourceName));
        return;
    }
    if (!m_pendingImage)
        return;
    m_loading = false;
    const Decoded decoded = *m_pendingImage;
    DatasetItem item = m_pendingItem;
    if (!decoded.image.isNull() && (item.width <= 0 || item.height <= 0)) {
        item.width = decoded.image.width();
        item.height = decoded.image.height();
    }
    m_document->load(item, *m_pendingAnnotations);
    m_canvas->setImage(decoded.image, decoded.levels,
                       decoded.error.isEmpty()
                           ? QString()
                           : tr("Cannot show %1: %2").arg(item.sourceName, decoded.error));
    m_picker->setCheckedTags(m_document->tags());
    m_reviewStatus->setText(
        item.reviewComment.isEmpty()
            ? tr("Status: %1").arg(statusText(item.status))
            : tr("Status: %1 — “%2”").arg(statusText(item.status), item.reviewComment));
    updateInfo();
    m_canvas->setFocus();
    Q_EMIT itemOpened(item.id, m_row);
}

void ImageAnnotator::updateInfo()
{
    const DatasetItem &item = m_document->item();
    m_info->setText(tr("%1 · %2 × %3 · %4")
                        .arg(item.sourceName)
                        .arg(item.width)
                        .arg(item.height)
                        .arg(statusText(item.status)));
}

void ImageAnnotator::updateCounts()
{
    QHash<QString, int> counts;
    for (qint64 id : m_document->shapeIds())
        ++counts[m_document->shape(id)->label];
    m_picker->setCounts(counts);
    if (m_picker->tagMode())
        m_picker->setCheckedTags(m_document->tags());
}

void ImageAnnotator::chooseLabel(const QString &label)
{
    if (m_picker->tagMode()) {
        setTag(label, !m_document->tags().contains(label));
        return;
    }
    m_picker->setCurrentLabel(label);
    m_canvas->setCurrentLabel(label);
    if (m_canvas->selection().isEmpty())
        return;
    const AnnotationCanvas::Tool tool = m_canvas->tool();
    if (tool == AnnotationCanvas::Tool::Brush || tool == AnnotationCanvas::Tool::Eraser) {
        // While painting, another label means another mask: the next stroke starts one of
        // that label, and the mask painted so far keeps its own.
        const QList<qint64> selected = m_canvas->selection();
        const ImageShape *only =
            selected.size() == 1 ? m_document->shape(selected.first()) : nullptr;
        if (only && only->label != label)
            m_canvas->setSelection({});
        return;
    }
    m_canvas->relabelSelection(label);
}

void ImageAnnotator::setTag(const QString &label, bool on)
{
    if (!m_document->hasItem())
        return;
    const bool has = m_document->tags().contains(label);
    if (on == has)
        return;
    QUndoStack *stack = m_document->undoStack();
    if (!on) {
        QList<qint64> ids;
        for (const ImageShape &shape : m_document->shapes(AnnotationKind::Tag)) {
            if (shape.label == label)
                ids.append(shape.id);
        }
        stack->push(new RemoveShapesCommand(m_document, ids));
        return;
    }
    ImageShape tag;
    tag.id = m_document->newShapeId();
    tag.kind = AnnotationKind::Tag;
    tag.label = label;
    tag.author = m_document->author();
    if (m_dataset.options.multiLabel) {
        stack->push(new AddShapesCommand(m_document, {tag}));
        return;
    }
    // Single label: the new tag replaces the others, in one step.
    QList<qint64> others;
    for (const ImageShape &shape : m_document->shapes(AnnotationKind::Tag))
        others.append(shape.id);
    stack->beginMacro(tr("Set label %1").arg(label));
    if (!others.isEmpty())
        stack->push(new RemoveShapesCommand(m_document, others));
    stack->push(new AddShapesCommand(m_document, {tag}));
    stack->endMacro();
}

void ImageAnnotator::copyFromPrevious()
{
    if (!m_items || m_row <= 0 || !m_document->hasItem())
        return;
    const std::optional<DatasetItem> previousItem = m_items->itemAt(m_row - 1);
    if (!previousItem) {
        m_items->prefetch(m_row - 1, m_row - 1);
        m_saveState->setText(tr("The previous image is still being read; try again."));
        return;
    }
    const qint64 previousId = previousItem->id;
    const quint64 token = m_token;
    readInBackground(
        m_worker, m_receiver,
        [previousId](DatasetContext &context) {
            AnnotationFilter filter;
            filter.state = AnnotationState::Accepted;
            auto annotations = AnnotationStore(context).annotations(previousId, filter);
            return annotations ? annotations.value() : QList<Annotation>();
        },
        [this, token](const QList<Annotation> &list) {
            if (token != m_token)
                return;
            QList<ImageShape> shapes;
            for (const Annotation &annotation : list) {
                if (annotation.kind != AnnotationKind::Box &&
                    annotation.kind != AnnotationKind::Polygon)
                    continue;
                ImageShape shape = ImageShape::fromAnnotation(annotation);
                shape.id = m_document->newShapeId();
                shape.author = m_document->author();
                shape.source = u"manual"_s;
                // A copy is a new instance: the source format's id names the original only.
                shape.attributes.remove(u"id"_s);
                shape.rect = m_document->clamp(shape.rect);
                shape.polygon = m_document->clamp(shape.polygon);
                for (QPolygonF &part : shape.moreParts)
                    part = m_document->clamp(part);
                if (shape.kind == AnnotationKind::Box && shape.rect.isEmpty())
                    continue;
                shapes.append(shape);
            }
            if (shapes.isEmpty()) {
                m_saveState->setText(tr("The previous image has no shapes to copy."));
                return;
            }
            auto *command = new AddShapesCommand(m_document, shapes);
            command->setText(
                tr("Copy %n shape(s) from the previous image", nullptr, int(shapes.size())));
            m_document->undoStack()->push(command);
            QList<qint64> ids;
            for (const ImageShape &shape : shapes)
                ids.append(shape.id);
            m_canvas->setSelection(ids);
        });
}

void ImageAnnotator::setReviewMode(bool on)
{
    m_reviewMode = on;
    m_reviewPanel->setVisible(on);
    if (m_reviewButton->isChecked() != on)
        m_reviewButton->setChecked(on);
}

void ImageAnnotator::accept(const QString &comment)
{
    if (!m_document->hasItem())
        return;
    m_document->review(ItemStatus::Reviewed, comment);
    next();
}

void ImageAnnotator::reject(const QString &comment)
{
    if (!m_document->hasItem())
        return;
    if (comment.trimmed().isEmpty()) {
        m_saveState->setText(tr("Say what is wrong in the comment before rejecting."));
        m_comment->setFocus();
        return;
    }
    m_document->review(ItemStatus::Rejected, comment.trimmed());
    next();
}

} // namespace atelier
