#include "core/workspace.h"
#include "datasets/annotationstore.h"
#include "datasets/datasetcatalog.h"
#include "datasets/datasetcontext.h"
#include "datasets/datasetitemsmodel.h"
#include "datasets/datasetitemstore.h"
#include "datasets/datasetstoreworker.h"
#include "datasets/imageannotationdocument.h"
#include "datasets/maskrle.h"
#include "labeling/annotationcanvas.h"
#include "labeling/imageannotator.h"
#include "labeling/labelpicker.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QImage>
#include <QJsonObject>
#include <QListWidget>
#include <QPainter>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <cmath>
#include <memory>

using namespace Qt::StringLiterals;
using namespace atelier;

// Masks in the image annotator, in a real workspace: the overlay, the brush and the eraser
// driven by QTest mouse events on the canvas, each stroke one undo step and one catalog write.
// What was saved is read back through a connection of the test's own.
class TestMaskEditing : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_root;
    DatasetInfo m_dataset;
    qint64 m_maskItem = 0;  // a 400 × 300 image with one road mask (and a crowd mask)
    qint64 m_shapeItem = 0; // a polygon of two parts with COCO attributes
    qint64 m_bigItem = 0;   // 4000 × 3000
    const QColor m_road = QColor(0x00, 0x00, 0xff);
    const QColor m_image = QColor(0x80, 0x80, 0x80);
    // The road mask: x 40…139, y 50…109 (6000 pixels); the crowd: x 240…339, y 180…239.
    const QRect m_roadRect = QRect(40, 50, 100, 60);
    const QRect m_crowdRect = QRect(240, 180, 100, 60);

    struct Session
    {
        std::unique_ptr<DatasetStoreWorker> worker;
        std::unique_ptr<DatasetItemsModel> model;
        std::unique_ptr<ImageAnnotator> annotator;
    };

    QString makeImage(const QString &name, int width, int height)
    {
        QImage image(width, height, QImage::Format_RGB32);
        image.fill(m_image);
        const QString path = m_tmp.filePath(name);
        image.save(path);
        return path;
    }

    static MaskRle rectMask(const QRect &rect, int width, int height)
    {
        QImage pixels(width, height, QImage::Format_Grayscale8);
        pixels.fill(0);
        QPainter(&pixels).fillRect(rect, Qt::white);
        return MaskRle::fromImage(pixels);
    }

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

    QList<Annotation> savedMasks(qint64 itemId)
    {
        QList<Annotation> masks;
        for (const Annotation &a : saved(itemId)) {
            if (a.kind == AnnotationKind::Mask)
                masks.append(a);
        }
        return masks;
    }

    qint64 savedArea(qint64 itemId, const QString &label)
    {
        for (const Annotation &a : savedMasks(itemId)) {
            if (a.label == label && !a.attributes.value(u"iscrowd"_s).toInt())
                return a.maskRle() ? a.maskRle()->area() : -1;
        }
        return -1;
    }

    int rowOf(qint64 itemId, DatasetItemsModel *model)
    {
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->itemAt(row) && model->itemAt(row)->id == itemId)
                return row;
        }
        return -1;
    }

    Session open(qint64 itemId)
    {
        Session s;
        s.worker = std::make_unique<DatasetStoreWorker>(m_root, u"alice"_s);
        s.model = std::make_unique<DatasetItemsModel>(s.worker.get());
        QSignalSpy counted(s.model.get(), &DatasetItemsModel::countChanged);
        s.model->setDataset(m_dataset.id, QDir(m_root).filePath(u"objects"_s));
        counted.wait(10000);
        for (int i = 0; i < 500 && rowOf(itemId, s.model.get()) < 0; ++i)
            QTest::qWait(10);
        s.annotator = std::make_unique<ImageAnnotator>(s.worker.get());
        s.annotator->setDataset(m_dataset, QDir(m_root).filePath(u"objects"_s), s.model.get());
        s.annotator->resize(1100, 760);
        s.annotator->show();
        QApplication::setActiveWindow(s.annotator.get());
        QSignalSpy opened(s.annotator.get(), &ImageAnnotator::itemOpened);
        s.annotator->openRow(rowOf(itemId, s.model.get()));
        opened.wait(10000);
        for (int i = 0; i < 500 && s.annotator->labelPicker()->labels().isEmpty(); ++i)
            QTest::qWait(10);
        QTest::qWait(20); // the label colours reach the canvas
        return s;
    }

    // A stroke with QTest's mouse functions, from image point to image point in a few moves.
    static void stroke(AnnotationCanvas *canvas, const QPointF &fromImage, const QPointF &toImage)
    {
        const QPoint from = canvas->toWidget(fromImage).toPoint();
        const QPoint to = canvas->toWidget(toImage).toPoint();
        QTest::mousePress(canvas, Qt::LeftButton, Qt::NoModifier, from);
        for (int step = 1; step <= 5; ++step)
            QTest::mouseMove(canvas, from + (to - from) * step / 5);
        QTest::mouseRelease(canvas, Qt::LeftButton, Qt::NoModifier, to);
    }

    // The widget pixel over image point \a image.
    static QColor pixelAt(const QImage &grab, AnnotationCanvas *canvas, const QPointF &image)
    {
        return grab.pixelColor(canvas->toWidget(image).toPoint());
    }

    static bool near(const QColor &a, const QColor &b, int tolerance = 6)
    {
        return std::abs(a.red() - b.red()) <= tolerance &&
               std::abs(a.green() - b.green()) <= tolerance &&
               std::abs(a.blue() - b.blue()) <= tolerance;
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
        AnnotationStore annotationStore(context);
        auto dataset = catalog.createDataset(u"streets"_s, DatasetTask::Segmentation);
        QVERIFY(dataset);
        QVERIFY(catalog.addLabel(dataset->id, u"road"_s, m_road.name()));
        QVERIFY(catalog.addLabel(dataset->id, u"people"_s, u"#ff0000"_s));

        auto item = itemStore.addImage(dataset->id, makeImage(u"street.png"_s, 400, 300));
        QVERIFY2(item, qPrintable(item ? QString() : item.error().message));
        m_maskItem = item->item.id;
        Annotation road = Annotation::mask(u"road"_s, rectMask(m_roadRect, 400, 300));
        road.attributes = {{u"iscrowd"_s, 0}, {u"area"_s, 6000}, {u"id"_s, 11}};
        QVERIFY(annotationStore.addAnnotation(m_maskItem, road));
        Annotation crowd = Annotation::mask(u"people"_s, rectMask(m_crowdRect, 400, 300));
        crowd.attributes = {{u"iscrowd"_s, 1}, {u"id"_s, 12}};
        QVERIFY(annotationStore.addAnnotation(m_maskItem, crowd));

        auto shapes = itemStore.addImage(dataset->id, makeImage(u"parts.png"_s, 401, 300));
        QVERIFY(shapes);
        m_shapeItem = shapes->item.id;
        Annotation parts = Annotation::polygon(
            u"road"_s, QList<QPolygonF>{QPolygonF({{10, 10}, {60, 10}, {60, 60}}),
                                        QPolygonF({{100, 100}, {150, 100}, {150, 150}})});
        parts.attributes = {{u"iscrowd"_s, 0}, {u"id"_s, 7}, {u"area"_s, 2500}};
        QVERIFY(annotationStore.addAnnotation(m_shapeItem, parts));

        auto big = itemStore.addImage(dataset->id, makeImage(u"big.png"_s, 4000, 3000));
        QVERIFY(big);
        m_bigItem = big->item.id;
        Annotation large =
            Annotation::mask(u"road"_s, rectMask(QRect(0, 1000, 4000, 1200), 4000, 3000));
        QVERIFY(annotationStore.addAnnotation(m_bigItem, large));
        m_dataset = catalog.dataset(dataset->id).value();
    }

    void overlayDrawsMasks()
    {
        Session s = open(m_maskItem);
        AnnotationCanvas *canvas = s.annotator->canvas();
        ImageAnnotationDocument *doc = s.annotator->document();
        QCOMPARE(doc->shapes(AnnotationKind::Mask).size(), 2);
        QVERIFY(canvas->hasImage());
        QVERIFY(canvas->zoom() > 1.5); // 400 × 300 fitted into the canvas

        const QImage grab = canvas->grab().toImage();
        // Outside every mask: the image as it is.
        QVERIFY(near(pixelAt(grab, canvas, QPointF(200, 20)), m_image));
        // Inside the road mask: the image tinted with the label's blue (alpha 96 of 255).
        const QColor inside = pixelAt(grab, canvas, QPointF(90, 80));
        QVERIFY2(!near(inside, m_image, 20), qPrintable(inside.name()));
        const auto blend = [](int image, int label) { return image + (label - image) * 96 / 255; };
        QVERIFY2(near(inside, QColor(blend(0x80, 0), blend(0x80, 0), blend(0x80, 0xff))),
                 qPrintable(inside.name()));

        // The crowd mask is hatched: along a row inside it the colour changes, not so in the
        // road mask.
        QSet<QRgb> crowdColours, roadColours;
        for (int x = 0; x < 60; ++x) {
            crowdColours.insert(pixelAt(grab, canvas, QPointF(260 + x * 0.5, 200)).rgb());
            roadColours.insert(pixelAt(grab, canvas, QPointF(60 + x * 0.5, 80)).rgb());
        }
        QVERIFY(crowdColours.size() >= 2);
        QCOMPARE(roadColours.size(), 1);

        // A click on the mask selects it; the selected mask is drawn brighter.
        canvas->setTool(AnnotationCanvas::Tool::Select);
        QTest::mouseClick(canvas, Qt::LeftButton, Qt::NoModifier,
                          canvas->toWidget(QPointF(90, 80)).toPoint());
        QCOMPARE(canvas->selection().size(), 1);
        QCOMPARE(doc->shape(canvas->selection().first())->label, u"road"_s);
        const QColor selected = pixelAt(canvas->grab().toImage(), canvas, QPointF(90, 80));
        QVERIFY2(selected.blue() > inside.blue() + 20, qPrintable(selected.name()));
        // A click where no mask is selects nothing.
        QTest::mouseClick(canvas, Qt::LeftButton, Qt::NoModifier,
                          canvas->toWidget(QPointF(200, 20)).toPoint());
        QVERIFY(canvas->selection().isEmpty());

        // Zoomed in and panned, the overlay still sits on the mask's pixels.
        canvas->setZoom(6.0, canvas->toWidget(QPointF(140, 110)));
        const QImage zoomed = canvas->grab().toImage();
        QVERIFY(near(pixelAt(zoomed, canvas, QPointF(139.5, 109.5)),
                     QColor(blend(0x80, 0), blend(0x80, 0), blend(0x80, 0xff))));
        QVERIFY(near(pixelAt(zoomed, canvas, QPointF(140.5, 110.5)), m_image));

        // The picker counts masks per label, as it counts polygons.
        auto *list = s.annotator->labelPicker()->findChild<QListWidget *>();
        QVERIFY(list);
        QStringList texts;
        for (int i = 0; i < list->count(); ++i)
            texts.append(list->item(i)->text());
        QVERIFY2(texts.join(u'|').contains(u"road  ·  1"_s), qPrintable(texts.join(u'|')));
    }

    void brushAndEraser()
    {
        Session s = open(m_maskItem);
        AnnotationCanvas *canvas = s.annotator->canvas();
        ImageAnnotationDocument *doc = s.annotator->document();
        QUndoStack *stack = doc->undoStack();
        QCOMPARE(savedArea(m_maskItem, u"road"_s), 6000);

        // Select the road mask, then the brush (B) at 20 px.
        canvas->setTool(AnnotationCanvas::Tool::Select);
        QTest::mouseClick(canvas, Qt::LeftButton, Qt::NoModifier,
                          canvas->toWidget(QPointF(90, 80)).toPoint());
        const qint64 road = canvas->selection().value(0);
        QVERIFY(road);
        QTest::keyClick(canvas, Qt::Key_B);
        QCOMPARE(canvas->tool(), AnnotationCanvas::Tool::Brush);
        QCOMPARE(canvas->brushSize(), 20);
        // ] and [ change the size.
        QTest::keyClick(canvas, Qt::Key_BracketRight);
        QCOMPARE(canvas->brushSize(), 25);
        QTest::keyClick(canvas, Qt::Key_BracketLeft);
        QCOMPARE(canvas->brushSize(), 20);

        // A straight stroke of radius 10 where no mask is: the mask grows by the stroke's
        // capsule, 2rL + πr², whatever the widget's rounding of the positions.
        const QPointF from = canvas->toImage(canvas->toWidget(QPointF(60, 200)).toPoint());
        const QPointF to = canvas->toImage(canvas->toWidget(QPointF(200, 200)).toPoint());
        stroke(canvas, QPointF(60, 200), QPointF(200, 200));
        QCOMPARE(stack->count(), 1); // one stroke, one step
        const double length = std::hypot(to.x() - from.x(), to.y() - from.y());
        const double capsule = 2 * 10 * length + M_PI * 100;
        const qint64 grown = doc->shape(road)->mask.area();
        QVERIFY2(std::abs(grown - 6000 - capsule) < capsule * 0.03,
                 qPrintable(u"grew by %1, expected about %2"_s.arg(grown - 6000).arg(capsule)));
        QVERIFY(doc->waitForSaved());
        QCOMPARE(savedArea(m_maskItem, u"road"_s), grown);
        // The stroke kept what the format said and made COCO's area follow the pixels.
        Annotation stored;
        for (const Annotation &a : savedMasks(m_maskItem)) {
            if (a.label == u"road"_s)
                stored = a;
        }
        QCOMPARE(stored.attributes.value(u"id"_s).toInt(), 11);
        QCOMPARE(stored.attributes.value(u"iscrowd"_s).toInt(), 0);
        QCOMPARE(qint64(stored.attributes.value(u"area"_s).toDouble()), grown);

        // Undo restores the mask, in the document and in the catalog; redo brings it back.
        stack->undo();
        QCOMPARE(doc->shape(road)->mask.area(), 6000);
        QVERIFY(doc->waitForSaved());
        QCOMPARE(savedArea(m_maskItem, u"road"_s), 6000);
        stack->redo();
        QVERIFY(doc->waitForSaved());
        QCOMPARE(savedArea(m_maskItem, u"road"_s), grown);

        // The eraser (E) across the mask's middle takes a 20-row band of its 100 columns.
        QTest::keyClick(canvas, Qt::Key_E);
        QCOMPARE(canvas->tool(), AnnotationCanvas::Tool::Eraser);
        QCOMPARE(canvas->selection(), QList<qint64>{road});
        stroke(canvas, QPointF(20, 80), QPointF(160, 80));
        QCOMPARE(stack->count(), 2);
        const qint64 erased = grown - doc->shape(road)->mask.area();
        QVERIFY2(std::abs(erased - 2000) <= 100, qPrintable(QString::number(erased)));
        QVERIFY(doc->waitForSaved());
        QCOMPARE(savedArea(m_maskItem, u"road"_s), grown - erased);
        // The erased band shows the image again.
        const QImage grab = canvas->grab().toImage();
        QVERIFY(near(pixelAt(grab, canvas, QPointF(90.5, 80.5)), m_image));
        stack->undo();
        QVERIFY(doc->waitForSaved());
        QCOMPARE(savedArea(m_maskItem, u"road"_s), grown);

        // With the brush, picking another label (key 2: people) does not relabel the selected
        // mask: it drops the selection, and the next stroke paints a new mask of that label,
        // one step, one new annotation.
        canvas->setTool(AnnotationCanvas::Tool::Brush);
        QCOMPARE(canvas->selection(), QList<qint64>{road});
        QTest::keyClick(canvas, Qt::Key_2);
        QVERIFY(canvas->selection().isEmpty());
        QCOMPARE(doc->shape(road)->label, u"road"_s);
        const int before = stack->index();
        stroke(canvas, QPointF(300, 40), QPointF(360, 40));
        QCOMPARE(stack->index(), before + 1);
        QCOMPARE(canvas->selection().size(), 1);
        QCOMPARE(doc->shape(canvas->selection().first())->label, u"people"_s);
        QCOMPARE(doc->shapes(AnnotationKind::Mask).size(), 3);
        QVERIFY(doc->waitForSaved());
        QCOMPARE(savedMasks(m_maskItem).size(), 3);
        stack->undo();
        QVERIFY(doc->waitForSaved());
        QCOMPARE(savedMasks(m_maskItem).size(), 2);

        // The eraser with no mask selected says what to do and changes nothing.
        canvas->setSelection({});
        canvas->setTool(AnnotationCanvas::Tool::Eraser);
        QSignalSpy said(canvas, &AnnotationCanvas::message);
        stroke(canvas, QPointF(90, 80), QPointF(100, 80));
        QCOMPARE(said.size(), 1);
        QCOMPARE(stack->index(), before);
        QCOMPARE(stack->count(), before + 1);
    }

    void editsKeepPartsAndAttributes()
    {
        // Moving a polygon of two parts (one COCO instance) moves both and keeps its
        // attributes; before, the second part and the attributes were lost on the save.
        Session s = open(m_shapeItem);
        AnnotationCanvas *canvas = s.annotator->canvas();
        ImageAnnotationDocument *doc = s.annotator->document();
        QCOMPARE(doc->shapeCount(), 1);
        const qint64 id = doc->shapeIds().first();
        canvas->setSelection({id});
        canvas->nudgeSelection(QPointF(5, 0));
        QVERIFY(doc->waitForSaved());
        const QList<Annotation> stored = saved(m_shapeItem);
        QCOMPARE(stored.size(), 1);
        const QList<QPolygonF> parts = stored.first().parts();
        QCOMPARE(parts.size(), 2);
        QCOMPARE(parts[0].first(), QPointF(15, 10));
        QCOMPARE(parts[1].first(), QPointF(105, 100));
        QCOMPARE(stored.first().attributes.value(u"id"_s).toInt(), 7);
        QCOMPARE(stored.first().attributes.value(u"iscrowd"_s).toInt(), 0);
        // Relabelling keeps them too.
        canvas->relabelSelection(u"people"_s);
        QVERIFY(doc->waitForSaved());
        QCOMPARE(saved(m_shapeItem).first().attributes.value(u"id"_s).toInt(), 7);
        QCOMPARE(saved(m_shapeItem).first().parts().size(), 2);
    }

    void strokeOnALargeImage()
    {
        // A stroke on a 4000 × 3000 mask: the press starts from the pixels the overlay holds,
        // the release encodes only the columns the stroke touched and hands its pixels to the
        // overlay. Timed over the whole gesture; the bound is loose (a shared machine) but under
        // what encoding and decoding the whole mask took (tests/bench/bench_maskbrush).
        Session s = open(m_bigItem);
        AnnotationCanvas *canvas = s.annotator->canvas();
        ImageAnnotationDocument *doc = s.annotator->document();
        QCOMPARE(doc->shapes(AnnotationKind::Mask).size(), 1);
        const qint64 id = doc->shapeIds().first();
        canvas->setSelection({id});
        canvas->setTool(AnnotationCanvas::Tool::Brush);
        canvas->setBrushSize(200);
        QElapsedTimer timer;
        timer.start();
        stroke(canvas, QPointF(500, 500), QPointF(3500, 600));
        const qint64 ms = timer.elapsed();
        qInfo("4000 x 3000 stroke, press to release with its frames: %lld ms", ms);
        QCOMPARE(doc->undoStack()->count(), 1);
        const qint64 area = doc->shape(id)->mask.area();
        QVERIFY(area > 4000LL * 1200);
        QVERIFY(ms < 500);
        QVERIFY(doc->waitForSaved());
        QCOMPARE(savedArea(m_bigItem, u"road"_s), area);
    }
};

QTEST_MAIN(TestMaskEditing)
#include "tst_maskediting.moc"
