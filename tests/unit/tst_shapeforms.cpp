// Shape forms (issue #14's COCO speed work): an import makes each box, polygon or mask's stored
// texts, extent and key on its reading thread (geometrytext::shapeForm, or polygonForm straight
// from COCO's flat coordinates, leaving the geometry undefined), and the store then only
// compares the extent with the image. What is stored and every refusal's message must be
// exactly what the store makes of the plain annotation; a re-import must still find the
// annotations already there.
#include "core/compactjson.h"
#include "core/workspace.h"
#include "datasets/annotationgeometry.h"
#include "datasets/annotationstore.h"
#include "datasets/datasetcatalog.h"
#include "datasets/datasetcontext.h"
#include "datasets/datasetitemstore.h"
#include "datasets/imageimportsession.h"
#include "datasets/maskrle.h"

#include <QDir>
#include <QImage>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace atelier;
using namespace atelier::geometrytext;

namespace {

constexpr int kWidth = 40;
constexpr int kHeight = 30;

MaskRle mask(int width, int height)
{
    MaskRle rle;
    rle.width = width;
    rle.height = height;
    rle.counts = {3, 5, quint32(width * height - 8)};
    return rle;
}

QList<QPolygonF> polygonsOf(const QList<QList<double>> &flats)
{
    QList<QPolygonF> parts;
    for (const QList<double> &flat : flats) {
        QPolygonF points;
        for (qsizetype i = 0; i + 1 < flat.size(); i += 2)
            points.append(QPointF(flat[i], flat[i + 1]));
        parts.append(points);
    }
    return parts;
}

/// The annotation a reader makes without its geometry, and its form.
std::pair<Annotation, ShapeForm> unmade(const QString &label, const QList<QList<double>> &flats,
                                        const QJsonObject &attributes = {})
{
    Annotation a;
    a.kind = AnnotationKind::Polygon;
    a.label = label;
    a.attributes = attributes;
    a.geometry = QJsonValue(QJsonValue::Undefined);
    return {a, polygonForm(flats, compactJson(attributes)).value_or(ShapeForm())};
}

} // namespace

class TestShapeForms final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::optional<Workspace> m_ws;
    std::unique_ptr<DatasetContext> m_context;
    std::unique_ptr<DatasetCatalog> m_catalog;
    std::unique_ptr<DatasetItemStore> m_items;
    std::unique_ptr<AnnotationStore> m_annotations;
    DatasetInfo m_dataset;
    QString m_image;
    qint64 m_item = 0;

    /// The stored rows of \a itemId, without ids and times.
    QStringList stored(qint64 itemId)
    {
        QStringList rows;
        const auto list = m_annotations->annotations(itemId);
        if (!list)
            return {u"error: "_s + list.error().message};
        for (const Annotation &a : list.value()) {
            rows.append(u"%1|%2|%3|%4|%5"_s.arg(toString(a.kind), a.label, a.author,
                                                QString::fromUtf8(geometryJson(a.geometry)),
                                                QString::fromUtf8(compactJson(a.attributes))));
        }
        return rows;
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        static int n = 0;
        const QString root = m_dir.filePath(u"ws-"_s + QString::number(++n));
        auto ws = Workspace::create(root, {});
        QVERIFY2(ws, qPrintable(ws ? QString() : ws.error().message));
        m_ws.emplace(std::move(ws.value()));
        m_context = std::make_unique<DatasetContext>(m_ws->catalog(), m_ws->root());
        m_catalog = std::make_unique<DatasetCatalog>(*m_context);
        m_items = std::make_unique<DatasetItemStore>(*m_context);
        m_annotations = std::make_unique<AnnotationStore>(*m_context);
        m_context->setAuthor(u"alice"_s);
        auto made = m_catalog->createDataset(u"shapes"_s, DatasetTask::Segmentation);
        QVERIFY(made);
        m_dataset = made.value();
        m_image = m_dir.filePath(u"in-%1/images/a.png"_s.arg(n));
        QDir().mkpath(QFileInfo(m_image).absolutePath());
        QImage image(kWidth, kHeight, QImage::Format_RGB32);
        image.fill(qRgb(10, 20, 30 + n));
        QVERIFY(image.save(m_image));
        auto item = m_items->addImage(m_dataset.id, m_image);
        QVERIFY(item);
        m_item = item->item.id;
    }
    void cleanup()
    {
        m_annotations.reset();
        m_items.reset();
        m_catalog.reset();
        m_context.reset();
        m_ws.reset();
    }

    // polygonForm writes, from flat coordinates, what shapeForm makes of the geometry
    // Annotation::polygon builds: the same text, extent and key.
    void polygonFormMatchesTheGeometrysForm_data()
    {
        QTest::addColumn<QList<QList<double>>>("flats");
        QTest::newRow("one part") << QList<QList<double>>{{1, 2, 10.5, 2.25, 5, 8}};
        QTest::newRow("two parts, negative and fractional") << QList<QList<double>>{
            {-0.5, 0, 12, 1e-3, 7.125, 29.999, 3, 3}, {20, 20, 25, 21, 22.3333333333, 26}};
        QTest::newRow("large and tiny")
            << QList<QList<double>>{{1e15, 2, 0.1, 1e-7, 3, 123456.789}};
    }
    void polygonFormMatchesTheGeometrysForm()
    {
        QFETCH(QList<QList<double>>, flats);
        const QJsonObject attributes{{u"id"_s, 7}, {u"iscrowd"_s, 0}};
        Annotation a = Annotation::polygon(u"cat"_s, polygonsOf(flats));
        a.attributes = attributes;
        const ShapeForm plain = shapeForm(a);
        const auto direct = polygonForm(flats, compactJson(attributes));
        QVERIFY(direct);
        QVERIFY(plain.wellFormed);
        QVERIFY(direct->wellFormed);
        QCOMPARE(direct->geometry, plain.geometry);
        QCOMPARE(direct->geometry, geometryJson(a.geometry));
        QCOMPARE(direct->attributes, plain.attributes);
        QCOMPARE(direct->pointsKey, plain.pointsKey);
        QCOMPARE(direct->pointsKey, polygonKey(a.geometry));
        QCOMPARE(direct->pointsKey, polygonKey(polygonsOf(flats)));
        QCOMPARE(direct->left, plain.left);
        QCOMPARE(direct->top, plain.top);
        QCOMPARE(direct->right, plain.right);
        QCOMPARE(direct->bottom, plain.bottom);
        QRectF bounds;
        for (const QPolygonF &p : polygonsOf(flats))
            bounds = bounds.united(p.boundingRect());
        QCOMPARE(direct->left, bounds.left());
        QCOMPARE(direct->bottom, bounds.bottom());

        Annotation restored;
        restored.kind = AnnotationKind::Polygon;
        restored.geometry = QJsonValue(QJsonValue::Undefined);
        restoreGeometry(restored, *direct);
        QCOMPARE(restored.geometry, a.geometry);
    }

    // maskForm, for a mask just made of its runs, is shapeForm's without decoding it again.
    void maskFormMatchesShapeForm()
    {
        const MaskRle rle = mask(kWidth, kHeight);
        Annotation a = Annotation::mask(u"cow"_s, rle);
        a.attributes = QJsonObject{{u"rle"_s, u"compressed"_s}};
        const ShapeForm plain = shapeForm(a);
        const ShapeForm quick = maskForm(a, rle);
        QVERIFY(plain.wellFormed && quick.wellFormed);
        QCOMPARE(quick.geometry, plain.geometry);
        QCOMPARE(quick.attributes, plain.attributes);
        QCOMPARE(quick.right, plain.right);
        QCOMPARE(quick.bottom, plain.bottom);
        QCOMPARE(quick.right, double(kWidth));
    }

    // A malformed polygon's form says so and has no key of its points; an invalid mask's too.
    void malformedShapesAreSaid()
    {
        Annotation twoPoints = Annotation::polygon(u"cat"_s, QPolygonF{{1, 1}, {2, 2}});
        const ShapeForm form = shapeForm(twoPoints);
        QVERIFY(form.isMade());
        QVERIFY(!form.wellFormed);
        QVERIFY(form.pointsKey.isNull());

        Annotation bad = Annotation::mask(u"cat"_s, mask(kWidth, kHeight));
        bad.geometry = QJsonObject{{u"size"_s, QJsonArray{QJsonValue(kHeight), QJsonValue(kWidth)}},
                                   {u"counts"_s, u"!"_s}};
        QVERIFY(!shapeForm(bad).wellFormed);

        QVERIFY(!shapeForm(Annotation::tag(u"cat"_s)).isMade());
    }

    // With forms, the store keeps and refuses exactly what it does without them, with the same
    // messages, and stores the same texts; an annotation made without its geometry is stored
    // as the one with it, and refused with the same message when it lies outside the image.
    void theStoreTreatsFormsAsThePlainAnnotations()
    {
        const QJsonObject attributes{{u"iscrowd"_s, 0}};
        QList<Annotation> plain;
        plain.append(Annotation::box(u"cat"_s, QRectF(1, 1, 10, 10)));
        plain.append(Annotation::box(u"cat"_s, QRectF(35, 1, 10, 10))); // outside
        plain.append(Annotation::box(u"cat"_s, QRectF(1, 1, 0, 10)));   // no width
        plain.append(Annotation::polygon(u"dog"_s, QPolygonF{{1, 1}, {9, 1}, {5, 7}}));
        plain.append(Annotation::polygon(u"dog"_s, QPolygonF{{1, 1}, {50, 1}, {5, 7}})); // out
        plain.append(Annotation::polygon(u"dog"_s, QPolygonF{{1, 1}, {2, 2}}));          // two
        plain.append(Annotation::mask(u"cow"_s, mask(kWidth, kHeight)));
        plain.append(Annotation::mask(u"cow"_s, mask(kWidth + 1, kHeight))); // wrong size
        for (Annotation &a : plain)
            a.attributes = attributes;
        QList<ShapeForm> forms;
        for (const Annotation &a : plain)
            forms.append(shapeForm(a));

        const auto without = m_annotations->addAnnotationsLenient(m_item, plain);
        QVERIFY(without);
        const QStringList storedWithout = stored(m_item);
        QCOMPARE(storedWithout.size(), 2); // a polygon and a mask (boxes: detection only)

        QImage image(kWidth, kHeight, QImage::Format_RGB32); // a second item of the same size
        image.fill(qRgb(99, 1, 1));
        const QString file = m_dir.filePath(u"other-%1.png"_s.arg(m_item));
        QVERIFY(image.save(file));
        const auto other = m_items->addImage(m_dataset.id, file);
        QVERIFY(other);
        const qint64 item2 = other->item.id;
        QVERIFY(item2 != m_item);
        const auto with = m_annotations->addAnnotationsLenient(item2, plain, forms);
        QVERIFY(with);
        QCOMPARE(with->size(), without->size());
        for (qsizetype i = 0; i < with->size(); ++i) {
            QCOMPARE(with->at(i).ok(), without->at(i).ok());
            if (!with->at(i).ok())
                QCOMPARE(with->at(i).error().message, without->at(i).error().message);
        }
        QCOMPARE(stored(item2), storedWithout);

        // Made without their geometry: one inside (stored as the plain one), one outside.
        auto [inside, insideForm] = unmade(u"dog"_s, {{1, 1, 9, 1, 5, 7}}, attributes);
        auto [outside, outsideForm] = unmade(u"dog"_s, {{1, 1, 50, 1, 5, 7}}, attributes);
        QVERIFY(insideForm.isMade());
        const auto lazy = m_annotations->addAnnotationsLenient(m_item, {inside, outside},
                                                               {insideForm, outsideForm});
        QVERIFY(lazy);
        QVERIFY(lazy->at(0).ok());
        QVERIFY(!lazy->at(1).ok());
        QCOMPARE(lazy->at(1).error().message, without->at(4).error().message);
        QCOMPARE(stored(m_item).last(), storedWithout.at(0));

        // Boxes, in a detection dataset.
        auto detection = m_catalog->createDataset(u"boxes"_s, DatasetTask::Detection);
        QVERIFY(detection);
        const QList<Annotation> boxes{plain.mid(0, 3)};
        QList<ShapeForm> boxForms{forms.mid(0, 3)};
        QList<qint64> items;
        for (int n = 0; n < 2; ++n) {
            image.fill(qRgb(50, n, 1));
            const QString box = m_dir.filePath(u"box-%1-%2.png"_s.arg(m_item).arg(n));
            QVERIFY(image.save(box));
            auto added = m_items->addImage(detection->id, box);
            QVERIFY(added);
            items.append(added->item.id);
        }
        QVERIFY(items[0] != items[1]);
        const auto plainBoxes = m_annotations->addAnnotationsLenient(items[0], boxes);
        const auto formedBoxes = m_annotations->addAnnotationsLenient(items[1], boxes, boxForms);
        QVERIFY(plainBoxes && formedBoxes);
        QCOMPARE(stored(items[0]).size(), 1);
        QCOMPARE(stored(items[1]), stored(items[0]));
        for (qsizetype i = 0; i < boxes.size(); ++i) {
            QCOMPARE(formedBoxes->at(i).ok(), plainBoxes->at(i).ok());
            if (!formedBoxes->at(i).ok())
                QCOMPARE(formedBoxes->at(i).error().message, plainBoxes->at(i).error().message);
        }
    }

    // The session prepares an entry once (keys and forms, on whatever thread the format reads
    // on), and an annotation made without its geometry has the key of the one with it: a
    // second import of the same annotations adds nothing.
    void aReimportFindsAnnotationsMadeWithoutGeometry()
    {
        auto import = [&](bool unmadeGeometry) {
            ImportOptions options;
            ImageImportSession session(*m_context, m_dataset, options, u"coco"_s);
            if (auto opened = session.open(QFileInfo(m_image).absolutePath()); !opened)
                return std::optional<ImportReport>();
            ImageImportEntry entry;
            entry.file = m_image;
            const QList<QList<double>> flats{{1, 1, 9, 1, 5, 7}, {20, 20, 30, 20, 25, 28}};
            if (unmadeGeometry) {
                auto [a, form] = unmade(u"dog"_s, flats);
                entry.annotations.append(a);
                entry.forms.append(form);
            } else {
                entry.annotations.append(Annotation::polygon(u"dog"_s, polygonsOf(flats)));
            }
            session.prepare(entry);
            if (entry.keys.size() != 1 || entry.forms.size() != 1)
                return std::optional<ImportReport>();
            const QByteArray key = entry.keys.first();
            session.prepare(entry); // made once
            if (entry.keys.first() != key)
                return std::optional<ImportReport>();
            auto report = session.run({entry});
            return report ? std::optional<ImportReport>(report.value()) : std::nullopt;
        };
        const auto first = import(true);
        QVERIFY(first);
        QCOMPARE(first->annotations, 1);
        const auto stored1 = stored(m_item);
        QCOMPARE(stored1.size(), 1);
        QVERIFY(stored1.first().contains(u"[[[1,1],[9,1],[5,7]],[[20,20],[30,20],[25,28]]]"_s));

        const auto second = import(false); // the same polygon, with its geometry
        QVERIFY(second);
        QCOMPARE(second->annotations, 0);
        bool said = false;
        for (const ImportProblem &w : second->warnings)
            said = said || w.reason.contains(u"already in the dataset"_s);
        QVERIFY(said);
        const auto third = import(true); // and without it again
        QVERIFY(third);
        QCOMPARE(third->annotations, 0);
        QCOMPARE(stored(m_item), stored1);
    }
};

QTEST_GUILESS_MAIN(TestShapeForms)
#include "tst_shapeforms.moc"
