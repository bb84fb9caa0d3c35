#include "core/workspace.h"
#include "datasets/annotationstore.h"
#include "datasets/datasetcatalog.h"
#include "datasets/datasetcontext.h"
#include "datasets/datasetitemsmodel.h"
#include "datasets/datasetitemstore.h"
#include "datasets/datasetstoreworker.h"
#include "datasets/imageannotationcommands.h"
#include "datasets/imageannotationdocument.h"
#include "labeling/annotationcanvas.h"
#include "labeling/datasetspage.h"
#include "labeling/imageannotator.h"
#include "labeling/imagebrowser.h"
#include "labeling/labelpicker.h"

#include <QApplication>
#include <QDir>
#include <QImage>
#include <QMouseEvent>
#include <QPainter>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <memory>

using namespace Qt::StringLiterals;
using namespace atelier;

// A real workspace and catalog; the annotator writes through its worker thread, and every
// check of what was saved reads the catalog again through a connection of its own.
class TestImageAnnotator : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_root;
    DatasetInfo m_boxes;
    DatasetInfo m_polygons;
    DatasetInfo m_tags;
    QList<qint64> m_boxItems;

    struct Session
    {
        std::unique_ptr<DatasetStoreWorker> worker;
        std::unique_ptr<DatasetItemsModel> model;
        std::unique_ptr<ImageAnnotator> annotator;
    };

    QString makeImage(int index, int width = 400, int height = 300)
    {
        QImage image(width, height, QImage::Format_RGB32);
        image.fill(QColor::fromHsv((index * 47) % 360, 120, 220));
        QPainter painter(&image);
        painter.setBrush(Qt::black);
        painter.drawEllipse(QPoint(50 + index * 13, 60), 30, 20);
        painter.end();
        const QString path = m_tmp.filePath(u"img%1.png"_s.arg(index));
        image.save(path);
        return path;
    }

    // What the catalog holds now, read through a new connection.
    QList<Annotation> saved(qint64 itemId)
    {
        auto workspace = Workspace::open(m_root);
        if (!workspace)
            return {};
        DatasetContext context(workspace->catalog(), workspace->root());
        AnnotationFilter filter;
        filter.state = AnnotationState::Accepted;
        return AnnotationStore(context).annotations(itemId, filter).value_or({});
    }

    DatasetItem savedItem(qint64 itemId)
    {
        auto workspace = Workspace::open(m_root);
        DatasetContext context(workspace->catalog(), workspace->root());
        return DatasetItemStore(context).item(itemId).value_or(DatasetItem{});
    }

    Session open(const DatasetInfo &dataset, int row = 0)
    {
        Session s;
        s.worker = std::make_unique<DatasetStoreWorker>(m_root, u"alice"_s);
        s.model = std::make_unique<DatasetItemsModel>(s.worker.get());
        QSignalSpy counted(s.model.get(), &DatasetItemsModel::countChanged);
        s.model->setDataset(dataset.id, QDir(m_root).filePath(u"objects"_s));
        counted.wait(10000);
        s.annotator = std::make_unique<ImageAnnotator>(s.worker.get());
        s.annotator->setDataset(dataset, QDir(m_root).filePath(u"objects"_s), s.model.get());
        s.annotator->resize(1100, 760);
        s.annotator->show();
        QApplication::setActiveWindow(s.annotator.get());
        QSignalSpy opened(s.annotator.get(), &ImageAnnotator::itemOpened);
        s.annotator->openRow(row);
        opened.wait(10000);
        for (int i = 0; i < 500 && s.annotator->labelPicker()->labels().isEmpty(); ++i)
            QTest::qWait(10);
        return s;
    }

    static void mouse(QWidget *widget, QEvent::Type type, const QPointF &at,
                      Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        const Qt::MouseButton button = type == QEvent::MouseMove ? Qt::NoButton : Qt::LeftButton;
        const Qt::MouseButtons buttons =
            type == QEvent::MouseButtonRelease ? Qt::NoButton : Qt::MouseButtons(Qt::LeftButton);
        QMouseEvent event(type, at, widget->mapToGlobal(at), button, buttons, modifiers);
        QApplication::sendEvent(widget, &event);
    }

    static void drag(AnnotationCanvas *canvas, const QPointF &fromImage, const QPointF &toImage,
                     Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        const QPointF from = canvas->toWidget(fromImage);
        const QPointF to = canvas->toWidget(toImage);
        mouse(canvas, QEvent::MouseButtonPress, from, modifiers);
        for (int step = 1; step <= 4; ++step)
            mouse(canvas, QEvent::MouseMove, from + (to - from) * step / 4.0, modifiers);
        mouse(canvas, QEvent::MouseButtonRelease, to, modifiers);
    }

    static void click(AnnotationCanvas *canvas, const QPointF &image,
                      Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        const QPointF at = canvas->toWidget(image);
        mouse(canvas, QEvent::MouseButtonPress, at, modifiers);
        mouse(canvas, QEvent::MouseButtonRelease, at, modifiers);
    }

    static bool near(const QRectF &a, const QRectF &b, double tolerance = 1.5)
    {
        return std::abs(a.x() - b.x()) <= tolerance && std::abs(a.y() - b.y()) <= tolerance &&
               std::abs(a.width() - b.width()) <= tolerance &&
               std::abs(a.height() - b.height()) <= tolerance;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_root = m_tmp.filePath(u"ws"_s);
        auto workspace = Workspace::create(m_root, {});
        QVERIFY(workspace);
        DatasetContext context(workspace->catalog(), workspace->root());
        DatasetCatalog catalog(context);
        DatasetItemStore itemStore(context);
        auto boxes = catalog.createDataset(u"boxes"_s, DatasetTask::Detection);
        QVERIFY(boxes);
        QVERIFY(catalog.addLabel(boxes->id, u"cat"_s));
        QVERIFY(catalog.addLabel(boxes->id, u"dog"_s));
        for (int i = 0; i < 3; ++i) {
            auto added = itemStore.addImage(boxes->id, makeImage(i));
            QVERIFY2(added, qPrintable(added ? QString() : added.error().message));
            m_boxItems.append(added->item.id);
        }
        auto polygons = catalog.createDataset(u"polygons"_s, DatasetTask::Segmentation);
        QVERIFY(polygons);
        QVERIFY(catalog.addLabel(polygons->id, u"road"_s));
        QVERIFY(itemStore.addImage(polygons->id, makeImage(10)));
        auto tags = catalog.createDataset(u"tags"_s, DatasetTask::Classification);
        QVERIFY(tags);
        QVERIFY(catalog.addLabel(tags->id, u"cat"_s));
        QVERIFY(catalog.addLabel(tags->id, u"dog"_s));
        QVERIFY(itemStore.addImage(tags->id, makeImage(20)));
        m_boxes = catalog.dataset(boxes->id).value();
        m_polygons = catalog.dataset(polygons->id).value();
        m_tags = catalog.dataset(tags->id).value();
    }

    void drawMoveResizeBox()
    {
        Session s = open(m_boxes);
        AnnotationCanvas *canvas = s.annotator->canvas();
        ImageAnnotationDocument *doc = s.annotator->document();
        QCOMPARE(doc->item().id, m_boxItems[0]);
        QVERIFY(canvas->hasImage());
        QVERIFY(canvas->tool() == AnnotationCanvas::Tool::Box); // detection starts drawing
        canvas->setCurrentLabel(u"cat"_s);

        drag(canvas, QPointF(50, 50), QPointF(150, 120));
        QCOMPARE(doc->shapeCount(), 1);
        QCOMPARE(doc->undoStack()->count(), 1); // one gesture, one step
        const qint64 id = doc->shapeIds().first();
        QVERIFY(near(doc->shape(id)->rect, QRectF(50, 50, 100, 70)));
        QVERIFY(doc->waitForSaved());
        QList<Annotation> stored = saved(m_boxItems[0]);
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored.first().author, u"alice"_s);
        QCOMPARE(stored.first().label, u"cat"_s);
        QVERIFY(near(stored.first().rect(), QRectF(50, 50, 100, 70)));
        QVERIFY(savedItem(m_boxItems[0]).status == ItemStatus::Labeled);

        // Move it: select tool, drag from its middle.
        canvas->setTool(AnnotationCanvas::Tool::Select);
        drag(canvas, QPointF(100, 85), QPointF(130, 105));
        QCOMPARE(doc->undoStack()->count(), 2);
        QVERIFY(near(doc->shape(id)->rect, QRectF(80, 70, 100, 70)));
        QVERIFY(doc->waitForSaved());
        QVERIFY(near(saved(m_boxItems[0]).first().rect(), QRectF(80, 70, 100, 70)));

        // Resize: the bottom-right handle of the selected box.
        QCOMPARE(canvas->selection(), QList<qint64>{id});
        drag(canvas, QPointF(180, 140), QPointF(200, 160));
        QCOMPARE(doc->undoStack()->count(), 3);
        QVERIFY(near(doc->shape(id)->rect, QRectF(80, 70, 120, 90)));
        QVERIFY(doc->waitForSaved());
        QVERIFY(near(saved(m_boxItems[0]).first().rect(), QRectF(80, 70, 120, 90)));

        // A box dragged past the edge stays inside the image (the catalog would refuse it).
        drag(canvas, QPointF(140, 115), QPointF(900, 900));
        const QRectF clamped = doc->shape(id)->rect;
        QVERIFY(QRectF(0, 0, 400, 300).contains(clamped));
        QCOMPARE(clamped.size(), QSizeF(120, 90));

        // Undo all the way: the catalog follows each step.
        doc->undoStack()->undo(); // clamp move
        doc->undoStack()->undo(); // resize
        QVERIFY(doc->waitForSaved());
        QVERIFY(near(saved(m_boxItems[0]).first().rect(), QRectF(80, 70, 100, 70)));
        doc->undoStack()->undo(); // move
        doc->undoStack()->undo(); // draw
        QVERIFY(doc->waitForSaved());
        QCOMPARE(doc->shapeCount(), 0);
        QVERIFY(saved(m_boxItems[0]).isEmpty());
        QVERIFY(savedItem(m_boxItems[0]).status == ItemStatus::Unlabeled);
        // Redo the draw and the move: the shape keeps its document id through undo/redo.
        doc->undoStack()->redo();
        doc->undoStack()->redo();
        QVERIFY(doc->waitForSaved());
        QCOMPARE(doc->shapeIds(), QList<qint64>{id});
        QVERIFY(near(saved(m_boxItems[0]).first().rect(), QRectF(80, 70, 100, 70)));

        // Delete the selection; undo brings it back.
        canvas->setSelection({id});
        QTest::keyClick(canvas, Qt::Key_Delete);
        QCOMPARE(doc->shapeCount(), 0);
        QVERIFY(doc->waitForSaved());
        QVERIFY(saved(m_boxItems[0]).isEmpty());
        doc->undoStack()->undo();
        QVERIFY(doc->waitForSaved());
        QCOMPARE(saved(m_boxItems[0]).size(), 1);
    }

    void tinyDragIsNotABox()
    {
        Session s = open(m_boxes, 2);
        AnnotationCanvas *canvas = s.annotator->canvas();
        canvas->setTool(AnnotationCanvas::Tool::Box);
        drag(canvas, QPointF(10, 10), QPointF(10.2, 10.2));
        QCOMPARE(s.annotator->document()->shapeCount(), 0);
        QCOMPARE(s.annotator->document()->undoStack()->count(), 0);
    }

    void polygonVertices()
    {
        Session s = open(m_polygons);
        AnnotationCanvas *canvas = s.annotator->canvas();
        ImageAnnotationDocument *doc = s.annotator->document();
        QVERIFY(canvas->tool() == AnnotationCanvas::Tool::Polygon);
        const QList<QPointF> points = {{50, 50}, {200, 50}, {200, 200}, {50, 200}};
        for (const QPointF &p : points)
            click(canvas, p);
        QCOMPARE(canvas->draftPointCount(), 4);
        QTest::keyClick(canvas, Qt::Key_Return);
        QCOMPARE(doc->shapeCount(), 1);
        const qint64 id = doc->shapeIds().first();
        QCOMPARE(doc->shape(id)->polygon.size(), 4);
        QVERIFY(doc->waitForSaved());
        QCOMPARE(saved(doc->item().id).first().points().size(), 4);

        canvas->setTool(AnnotationCanvas::Tool::Select);
        click(canvas, QPointF(120, 120));
        QCOMPARE(canvas->selection(), QList<qint64>{id});
        // Add a vertex: double-click the top edge.
        const QPointF edge = canvas->toWidget(QPointF(125, 50));
        mouse(canvas, QEvent::MouseButtonPress, edge);
        mouse(canvas, QEvent::MouseButtonRelease, edge);
        QMouseEvent dbl(QEvent::MouseButtonDblClick, edge, canvas->mapToGlobal(edge),
                        Qt::LeftButton, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(canvas, &dbl);
        mouse(canvas, QEvent::MouseButtonRelease, edge);
        QCOMPARE(doc->shape(id)->polygon.size(), 5);
        QCOMPARE(doc->shape(id)->polygon[1], QPointF(125, 50));
        // Move that vertex.
        drag(canvas, QPointF(125, 50), QPointF(125, 20));
        QCOMPARE(doc->shape(id)->polygon[1], QPointF(125, 20));
        QVERIFY(doc->waitForSaved());
        QCOMPARE(saved(doc->item().id).first().points().value(1), QPointF(125, 20));
        // Delete it again with Alt+click.
        click(canvas, QPointF(125, 20), Qt::AltModifier);
        QCOMPARE(doc->shape(id)->polygon.size(), 4);
        QVERIFY(doc->waitForSaved());
        QCOMPARE(saved(doc->item().id).first().points().size(), 4);
        // Three commands for three gestures; undo and redo go through each.
        QCOMPARE(doc->undoStack()->count(), 4);
        doc->undoStack()->undo();
        QCOMPARE(doc->shape(id)->polygon.size(), 5);
        doc->undoStack()->undo();
        QCOMPARE(doc->shape(id)->polygon[1], QPointF(125, 50));
        doc->undoStack()->undo();
        QCOMPARE(doc->shape(id)->polygon.size(), 4);
        doc->undoStack()->redo();
        doc->undoStack()->redo();
        doc->undoStack()->redo();
        QVERIFY(doc->waitForSaved());
        QCOMPARE(saved(doc->item().id).first().points(), doc->shape(id)->polygon);
        // A polygon never drops under three points.
        canvas->setSelection({id});
        click(canvas, QPointF(50, 50), Qt::AltModifier);
        click(canvas, QPointF(200, 50), Qt::AltModifier);
        QCOMPARE(doc->shape(id)->polygon.size(), 3);
    }

    void commandsRoundTrip()
    {
        Session s = open(m_boxes, 1);
        ImageAnnotationDocument *doc = s.annotator->document();
        const qint64 item = doc->item().id;
        QUndoStack *stack = doc->undoStack();
        ImageShape a;
        a.id = doc->newShapeId();
        a.label = u"cat"_s;
        a.rect = QRectF(10, 10, 40, 40);
        a.author = u"alice"_s;
        ImageShape b = a;
        b.id = doc->newShapeId();
        b.rect = QRectF(100, 100, 30, 30);
        auto rects = [&] {
            QList<QRectF> list;
            for (const Annotation &x : saved(item))
                list.append(x.rect());
            std::sort(list.begin(), list.end(),
                      [](const QRectF &l, const QRectF &r) { return l.x() < r.x(); });
            return list;
        };
        // Add: redo → undo → redo.
        stack->push(new AddShapesCommand(doc, {a, b}));
        QVERIFY(doc->waitForSaved());
        QCOMPARE(rects().size(), 2);
        stack->undo();
        QVERIFY(doc->waitForSaved());
        QCOMPARE(rects().size(), 0);
        stack->redo();
        QVERIFY(doc->waitForSaved());
        QCOMPARE(rects().size(), 2);
        // Change (label and geometry): redo → undo → redo.
        ImageShape moved = a;
        moved.rect = QRectF(20, 20, 40, 40);
        moved.label = u"dog"_s;
        stack->push(new ChangeShapesCommand(doc, {a}, {moved}, u"Move"_s));
        QVERIFY(doc->waitForSaved());
        QCOMPARE(rects().first(), QRectF(20, 20, 40, 40));
        stack->undo();
        QVERIFY(doc->waitForSaved());
        QCOMPARE(rects().first(), QRectF(10, 10, 40, 40));
        stack->redo();
        QVERIFY(doc->waitForSaved());
        QCOMPARE(rects().first(), QRectF(20, 20, 40, 40));
        // Remove, keeping the z-order on undo.
        const QList<qint64> order = doc->shapeIds();
        stack->push(new RemoveShapesCommand(doc, {a.id}));
        QVERIFY(doc->waitForSaved());
        QCOMPARE(rects().size(), 1);
        stack->undo();
        QCOMPARE(doc->shapeIds(), order);
        QVERIFY(doc->waitForSaved());
        QCOMPARE(rects().size(), 2);
        stack->redo();
        QVERIFY(doc->waitForSaved());
        QCOMPARE(rects().size(), 1);
        // A change that changes nothing leaves no step.
        const int count = stack->count();
        stack->push(new ChangeShapesCommand(doc, {b}, {b}, u"Nothing"_s));
        QCOMPARE(stack->count(), count);
    }

    void copyFromPrevious()
    {
        // Row 1 has one box (commandsRoundTrip); row 2 gets copies.
        Session s = open(m_boxes, 2);
        ImageAnnotationDocument *doc = s.annotator->document();
        const int before = doc->shapeCount();
        const int previous = int(saved(m_boxItems[1]).size());
        QVERIFY(previous > 0);
        s.annotator->copyFromPrevious();
        QTRY_COMPARE(doc->shapeCount(), before + previous);
        QVERIFY(doc->waitForSaved());
        QCOMPARE(int(saved(m_boxItems[2]).size()), before + previous);
        doc->undoStack()->undo(); // one step
        QCOMPARE(doc->shapeCount(), before);
    }

    void hotkeys()
    {
        Session s = open(m_boxes);
        ImageAnnotator *annotator = s.annotator.get();
        AnnotationCanvas *canvas = annotator->canvas();
        QVERIFY(QTest::qWaitForWindowActive(annotator));
        canvas->setFocus();
        QTest::keyClick(canvas, Qt::Key_2);
        QCOMPARE(canvas->currentLabel(), u"dog"_s);
        QCOMPARE(annotator->labelPicker()->currentLabel(), u"dog"_s);
        QTest::keyClick(canvas, Qt::Key_V);
        QVERIFY(canvas->tool() == AnnotationCanvas::Tool::Select);
        QTest::keyClick(canvas, Qt::Key_R);
        QVERIFY(canvas->tool() == AnnotationCanvas::Tool::Box);
        QTest::keyClick(canvas, Qt::Key_P);
        QVERIFY(canvas->tool() == AnnotationCanvas::Tool::Polygon);
        // A key on a selected box relabels it.
        ImageAnnotationDocument *doc = annotator->document();
        QVERIFY(doc->shapeCount() > 0);
        canvas->setSelection({doc->shapeIds().first()});
        QTest::keyClick(canvas, Qt::Key_2);
        QCOMPARE(doc->shape(doc->shapeIds().first())->label, u"dog"_s);
        QTest::keyClick(canvas, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(doc->shape(doc->shapeIds().first())->label, u"cat"_s);
        // D next, A previous.
        QSignalSpy opened(annotator, &ImageAnnotator::itemOpened);
        QTest::keyClick(canvas, Qt::Key_D);
        QVERIFY(opened.wait(5000));
        QCOMPARE(annotator->currentRow(), 1);
        QCOMPARE(doc->item().id, m_boxItems[1]);
        QTest::keyClick(canvas, Qt::Key_A);
        QVERIFY(opened.wait(5000));
        QCOMPARE(annotator->currentRow(), 0);
        QCOMPARE(doc->item().id, m_boxItems[0]);
        // A key with no label does nothing.
        const QString label = canvas->currentLabel();
        QTest::keyClick(canvas, Qt::Key_9);
        QCOMPARE(canvas->currentLabel(), label);
    }

    void review()
    {
        Session s = open(m_boxes);
        ImageAnnotator *annotator = s.annotator.get();
        annotator->setReviewMode(true);
        QSignalSpy opened(annotator, &ImageAnnotator::itemOpened);
        annotator->accept(u"clean boxes"_s);
        QVERIFY(opened.wait(5000)); // went on to the next image
        QCOMPARE(annotator->currentRow(), 1);
        QVERIFY(annotator->document()->waitForSaved());
        DatasetItem first = savedItem(m_boxItems[0]);
        QVERIFY(first.status == ItemStatus::Reviewed);
        QCOMPARE(first.reviewComment, u"clean boxes"_s);
        QCOMPARE(first.reviewer, u"alice"_s);
        // Rejecting needs a comment.
        annotator->reject(u"  "_s);
        QCOMPARE(annotator->currentRow(), 1);
        QVERIFY(annotator->document()->waitForSaved());
        QVERIFY(savedItem(m_boxItems[1]).status != ItemStatus::Rejected);
        annotator->reject(u"the dog is missing"_s);
        QVERIFY(annotator->document()->waitForSaved());
        DatasetItem second = savedItem(m_boxItems[1]);
        QVERIFY(second.status == ItemStatus::Rejected);
        QCOMPARE(second.reviewComment, u"the dog is missing"_s);
        // The list's row follows without reading the page again.
        QTRY_VERIFY(ItemStatus(s.model->index(1).data(DatasetItemsModel::StatusRole).toInt()) ==
                    ItemStatus::Rejected);
    }

    void classificationTags()
    {
        Session s = open(m_tags);
        ImageAnnotator *annotator = s.annotator.get();
        ImageAnnotationDocument *doc = annotator->document();
        QVERIFY(annotator->labelPicker()->tagMode());
        annotator->chooseLabel(u"cat"_s);
        QCOMPARE(doc->tags(), QStringList{u"cat"_s});
        // Single label: dog replaces cat in one step.
        annotator->chooseLabel(u"dog"_s);
        QCOMPARE(doc->tags(), QStringList{u"dog"_s});
        QVERIFY(doc->waitForSaved());
        QList<Annotation> stored = saved(doc->item().id);
        QCOMPARE(stored.size(), 1);
        QVERIFY(stored.first().kind == AnnotationKind::Tag);
        QCOMPARE(stored.first().label, u"dog"_s);
        doc->undoStack()->undo();
        QCOMPARE(doc->tags(), QStringList{u"cat"_s});
        QVERIFY(doc->waitForSaved());
        QCOMPARE(saved(doc->item().id).first().label, u"cat"_s);
        // Toggling the tag off removes it.
        annotator->chooseLabel(u"cat"_s);
        QVERIFY(doc->tags().isEmpty());
    }

    void gridFindsShapesAmongThousands()
    {
        // The canvas alone, in memory: 2,000 boxes, a click picks the smallest under it.
        ImageAnnotationDocument doc;
        DatasetItem item;
        item.id = 1;
        item.width = 4000;
        item.height = 3000;
        QList<Annotation> annotations;
        for (int i = 0; i < 2000; ++i) {
            Annotation a = Annotation::box(u"x"_s, QRectF((i % 50) * 80, (i / 50) * 70, 60, 50));
            a.id = i + 1;
            annotations.append(a);
        }
        Annotation big = Annotation::box(u"x"_s, QRectF(0, 0, 4000, 3000));
        big.id = 5000;
        annotations.append(big);
        doc.load(item, annotations);
        AnnotationCanvas canvas;
        canvas.setDocument(&doc);
        canvas.resize(1200, 900);
        canvas.show();
        canvas.setZoom(1.0);                                // hit tolerance: 6 image pixels
        const qint64 hit = canvas.shapeAt(QPointF(85, 75)); // inside box 51 (row 1, column 1)
        QVERIFY(hit != 0);
        QCOMPARE(doc.shape(hit)->rect, QRectF(80, 70, 60, 50));
        QCOMPARE(doc.shape(canvas.shapeAt(QPointF(70, 60)))->rect, QRectF(0, 0, 4000, 3000));
    }
};

QTEST_MAIN(TestImageAnnotator)
#include "tst_imageannotator.moc"
