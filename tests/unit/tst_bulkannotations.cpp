// The bulk annotation path of image imports (issue #14's COCO speed work): the lenient
// AnnotationStore::addAnnotationsLenient, which refuses an invalid annotation alone and keeps the
// others; the label cache the DatasetContext holds for its own transaction (dropped when the
// transaction rolls back and when a label is removed); and ImageImportSession's per-image
// call, which must report exactly what adding the annotations one by one reported.
#include "core/workspace.h"
#include "datasets/annotationstore.h"
#include "datasets/datasetcatalog.h"
#include "datasets/datasetcontext.h"
#include "datasets/datasetitemstore.h"
#include "datasets/imageimportsession.h"
#include "datasets/maskrle.h"

#include <QDir>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace atelier;

namespace {

QStringList labelNames(DatasetContext &context, qint64 datasetId)
{
    QStringList names;
    const auto labels = DatasetCatalog(context).labels(datasetId);
    if (labels) {
        for (const DatasetLabel &l : labels.value())
            names.append(l.name);
    }
    return names;
}

MaskRle emptyMask(int width, int height)
{
    MaskRle rle;
    rle.width = width;
    rle.height = height;
    rle.counts = {quint32(width * height)};
    return rle;
}

} // namespace

class TestBulkAnnotations final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::optional<Workspace> m_ws;
    std::unique_ptr<DatasetContext> m_context;
    std::unique_ptr<DatasetCatalog> m_catalog;
    std::unique_ptr<DatasetItemStore> m_itemStore;
    std::unique_ptr<AnnotationStore> m_annotationStore;
    DatasetInfo m_dataset;
    QString m_image;
    qint64 m_item = 0;

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
        m_itemStore = std::make_unique<DatasetItemStore>(*m_context);
        m_annotationStore = std::make_unique<AnnotationStore>(*m_context);
        m_context->setAuthor(u"alice"_s);
        auto made = m_catalog->createDataset(u"shapes"_s, DatasetTask::Segmentation);
        QVERIFY(made);
        m_dataset = made.value();
        m_image = m_dir.filePath(u"in-%1/images/a.png"_s.arg(n));
        QDir().mkpath(QFileInfo(m_image).absolutePath());
        QImage image(40, 30, QImage::Format_RGB32);
        image.fill(qRgb(10, 20, 30 + n));
        QVERIFY(image.save(m_image));
        auto item = m_itemStore->addImage(m_dataset.id, m_image);
        QVERIFY(item);
        m_item = item->item.id;
    }
    void cleanup()
    {
        m_annotationStore.reset();
        m_itemStore.reset();
        m_catalog.reset();
        m_context.reset();
        m_ws.reset();
    }

    void lenientKeepsTheValidOnes()
    {
        const QList<Annotation> given{
            Annotation::polygon(u"cat"_s, QPolygonF{{1, 1}, {10, 1}, {10, 10}}),
            Annotation::mask(u"dog"_s, emptyMask(10, 10)), // not the image's size
            Annotation::box(u"fox"_s, QRectF(1, 1, 5, 5)), // boxes do not fit segmentation
            Annotation::mask(u"bird"_s, emptyMask(40, 30)),
        };
        auto results = m_annotationStore->addAnnotationsLenient(m_item, given);
        QVERIFY(results);
        QCOMPARE(results->size(), 4);
        QVERIFY(results->at(0));
        QCOMPARE(results->at(1).error().code, ErrorCode::Invalid);
        QVERIFY(results->at(1).error().message.contains(u"mask"_s));
        QCOMPARE(results->at(2).error().code, ErrorCode::Invalid);
        QVERIFY(results->at(3));
        QVERIFY(results->at(0)->id > 0);
        QVERIFY(results->at(3)->id > results->at(0)->id);
        QCOMPARE(results->at(0)->author, u"alice"_s);

        auto stored = m_annotationStore->annotations(m_item);
        QVERIFY(stored);
        QCOMPARE(stored->size(), 2);
        QCOMPARE(stored->at(0).id, results->at(0)->id);
        QCOMPARE(stored->at(1).label, u"bird"_s);
        // Labels are made on first use, in order; the refused annotations made none.
        QCOMPARE(labelNames(*m_context, m_dataset.id), (QStringList{u"cat"_s, u"bird"_s}));
        // The item became labeled by the accepted annotations (status refreshed once).
        QVERIFY(m_itemStore->item(m_item)->status == ItemStatus::Labeled);

        // The all-or-nothing form still refuses the whole list.
        auto strict = m_annotationStore->addAnnotations(m_item, given);
        QVERIFY(!strict);
        QCOMPARE(m_annotationStore->annotations(m_item)->size(), 2);

        QCOMPARE(m_annotationStore->addAnnotationsLenient(m_item + 1000, given).error().code,
                 ErrorCode::NotFound);
    }

    // Shapes go in 64 rows a statement: across the chunks' edges (150 annotations, every
    // seventh refused), each accepted one is numbered in order, stored as returned, with its
    // attributes, and the refused ones are refused alone.
    void chunkedInsertsKeepOrderAndRows()
    {
        QList<Annotation> given;
        for (int i = 0; i < 150; ++i) {
            Annotation a =
                i % 7 == 3
                    ? Annotation::mask(u"bad"_s, emptyMask(10, 10))
                    : Annotation::polygon(u"l%1"_s.arg(i % 5),
                                          QPolygonF{{1.0 + i / 10.0, 1}, {30, 2}, {20, 25.5}});
            a.attributes.insert(u"n"_s, i);
            given.append(a);
        }
        auto results = m_annotationStore->addAnnotationsLenient(m_item, given);
        QVERIFY(results);
        QCOMPARE(results->size(), given.size());
        qint64 last = 0;
        int accepted = 0;
        for (int i = 0; i < given.size(); ++i) {
            const Result<Annotation> &r = results->at(i);
            QCOMPARE(r.ok(), i % 7 != 3);
            if (!r.ok()) {
                QCOMPARE(r.error().code, ErrorCode::Invalid);
                continue;
            }
            ++accepted;
            QVERIFY(r->id > 0);
            if (last > 0)
                QCOMPARE(r->id, last + 1);
            last = r->id;
            QCOMPARE(r->attributes.value(u"n"_s).toInt(), i);
        }
        auto stored = m_annotationStore->annotations(m_item);
        QVERIFY(stored);
        QCOMPARE(stored->size(), accepted);
        QHash<qint64, Annotation> byId;
        for (const Annotation &a : stored.value())
            byId.insert(a.id, a);
        for (int i = 0; i < given.size(); ++i) {
            if (!results->at(i).ok())
                continue;
            const Annotation &made = results->at(i).value();
            QVERIFY(byId.contains(made.id));
            const Annotation &row = byId.value(made.id);
            QCOMPARE(row.label, given[i].label);
            QCOMPARE(row.parts(), given[i].parts());
            QCOMPARE(row.attributes, given[i].attributes);
            QCOMPARE(row.author, u"alice"_s);
            QCOMPARE(row.createdAt, made.createdAt);
        }
        QVERIFY(m_itemStore->item(m_item)->status == ItemStatus::Labeled);
    }

    void polygonNumbersSurviveExactly()
    {
        // The stored text of polygons is written without QJsonDocument: every double must
        // read back bit for bit (integers, shortest decimals, tiny and long fractions).
        const QList<QPolygonF> parts{
            QPolygonF{{0, 0}, {12, 0.1}, {12.5, 1e-5}, {0.30000000000000004, 29.999999999999}},
            QPolygonF{{1.0 / 3, 2.0 / 3}, {39.99999, 1e-4}, {20, 7.125e-3}}};
        const Annotation given = Annotation::polygon(u"cat"_s, parts);
        auto added = m_annotationStore->addAnnotationsLenient(m_item, {given});
        QVERIFY(added && added->at(0));
        auto stored = m_annotationStore->annotations(m_item);
        QVERIFY(stored);
        QCOMPARE(stored->size(), 1);
        QCOMPARE(stored->at(0).parts(), parts);
        QCOMPARE(stored->at(0).geometry, given.geometry);
    }

    void labelCacheFollowsTheTransaction()
    {
        const Annotation cat = Annotation::polygon(u"cat"_s, QPolygonF{{1, 1}, {9, 1}, {9, 9}});
        // A batch that fails: the label it made is rolled back, and must be made again later.
        Status failed = m_context->batch([&]() -> Status {
            if (auto added = m_annotationStore->addAnnotationsLenient(m_item, {cat}); !added)
                return added.error();
            return makeError(ErrorCode::Invalid, u"stop"_s);
        });
        QVERIFY(!failed);
        QVERIFY(labelNames(*m_context, m_dataset.id).isEmpty());
        auto again = m_annotationStore->addAnnotationsLenient(m_item, {cat});
        QVERIFY(again && again->at(0));
        QCOMPARE(labelNames(*m_context, m_dataset.id), QStringList{u"cat"_s});

        // A label removed inside the same batch is made again by its next use.
        Status ok = m_context->batch([&]() -> Status {
            if (auto s = m_catalog->removeLabel(m_dataset.id, u"cat"_s, true); !s)
                return s;
            auto added = m_annotationStore->addAnnotationsLenient(m_item, {cat});
            if (!added)
                return added.error();
            return added->at(0) ? Status{} : Status{added->at(0).error()};
        });
        QVERIFY2(ok, qPrintable(ok ? QString() : ok.error().message));
        QCOMPARE(labelNames(*m_context, m_dataset.id), QStringList{u"cat"_s});
        QCOMPARE(m_annotationStore->annotations(m_item)->size(), 1);
    }

    void sessionReportsAsOneByOne()
    {
        const Annotation cat = Annotation::polygon(u"cat"_s, QPolygonF{{1, 1}, {10, 1}, {10, 10}});
        const Annotation badMask = Annotation::mask(u"dog"_s, emptyMask(10, 10));
        const Annotation box = Annotation::box(u"fox"_s, QRectF(1, 1, 5, 5));
        Annotation bird = Annotation::polygon(u"bird"_s, QPolygonF{{2, 2}, {12, 2}, {12, 12}});
        bird.attributes.insert(u"iscrowd"_s, 0);
        Annotation birdTwin = bird; // differs only by what the format says: kept too
        birdTwin.attributes.insert(u"id"_s, 7);
        ImageImportEntry entry;
        entry.file = m_image;
        entry.annotations = {cat, badMask, cat, badMask, box, bird, birdTwin};

        auto import = [&]() -> Result<ImportReport> {
            ImageImportSession session(*m_context, m_dataset, ImportOptions{}, u"test"_s);
            if (auto opened = session.open(QFileInfo(m_image).absolutePath()); !opened)
                return opened.error();
            return session.run({entry});
        };
        auto first = import();
        QVERIFY(first);
        QCOMPARE(first->annotations, 3); // cat, bird, its twin
        QStringList reasons;
        for (const ImportProblem &w : first->warnings)
            reasons.append(w.reason);
        // The refused mask twice (its copy is refused again, in the file's order), the box,
        // then the copy of the added cat counted as identical.
        QCOMPARE(reasons.size(), 4);
        QVERIFY2(reasons[0].contains(u"\"dog\" annotation was skipped"_s), qPrintable(reasons[0]));
        QCOMPARE(reasons[1], reasons[0]);
        QVERIFY2(reasons[2].contains(u"\"fox\" annotation was skipped"_s), qPrintable(reasons[2]));
        QVERIFY2(reasons[3].startsWith(u"1 annotation"_s) && reasons[3].contains(u"identical"_s),
                 qPrintable(reasons[3]));
        QCOMPARE(labelNames(*m_context, m_dataset.id), (QStringList{u"cat"_s, u"bird"_s}));

        // The same file again: everything valid is already there, the refusals are repeated.
        auto second = import();
        QVERIFY(second);
        QCOMPARE(second->annotations, 0);
        QCOMPARE(second->duplicates, 1);
        reasons.clear();
        for (const ImportProblem &w : second->warnings)
            reasons.append(w.reason);
        QCOMPARE(reasons.size(), 4);
        QVERIFY2(reasons[3].startsWith(u"4 annotation"_s) && reasons[3].contains(u"already"_s),
                 qPrintable(reasons[3]));
        QCOMPARE(m_annotationStore->annotations(m_item)->size(), 3);
    }
};

QTEST_GUILESS_MAIN(TestBulkAnnotations)
#include "tst_bulkannotations.moc"
