// The dataset stores (DatasetCatalog, DatasetItemStore, AnnotationStore, DatasetVersionStore on
// one DatasetContext) over a real workspace: datasets, labels, image and text items with
// de-duplication, annotations per author with validation, suggestions accepted / rejected,
// item status and review, paging and filters, label distribution, and versions committed to
// the workspace's git repository and read back.
#include "catalog/database.h"
#include "core/workspace.h"
#include "datasets/annotationstore.h"
#include "datasets/datasetcatalog.h"
#include "datasets/datasetcontext.h"
#include "datasets/datasetitemstore.h"
#include "datasets/datasetversionstore.h"
#include "versioning/gitrepository.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace atelier;

namespace {

QString writeImage(const QString &path, int w, int h, QRgb colour, const char *format = "PNG")
{
    QImage image(w, h, QImage::Format_RGB32);
    image.fill(colour);
    QDir().mkpath(QFileInfo(path).absolutePath());
    if (!image.save(path, format))
        return {};
    return path;
}

} // namespace

class TestDatasetStore final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::optional<Workspace> m_ws;
    std::unique_ptr<DatasetContext> m_context;
    std::unique_ptr<DatasetCatalog> m_catalog;
    std::unique_ptr<DatasetItemStore> m_itemStore;
    std::unique_ptr<AnnotationStore> m_annotationStore;
    std::unique_ptr<DatasetVersionStore> m_versionStore;

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
        m_versionStore = std::make_unique<DatasetVersionStore>(*m_context);
        m_context->setAuthor(u"alice"_s);
    }
    void cleanup()
    {
        m_versionStore.reset();
        m_annotationStore.reset();
        m_itemStore.reset();
        m_catalog.reset();
        m_context.reset();
        m_ws.reset();
    }

    void createAndList()
    {
        auto made = m_catalog->createDataset(u"cats"_s, DatasetTask::Classification,
                                             DatasetOptions{true, false, false, {}});
        QVERIFY(made);
        QVERIFY(made->media == DatasetMedia::Image);
        QVERIFY(made->options.multiLabel);
        QCOMPARE(m_catalog->createDataset(u"cats"_s, DatasetTask::Detection).error().code,
                 ErrorCode::Conflict);
        QCOMPARE(m_catalog->createDataset(u"../x"_s, DatasetTask::Detection).error().code,
                 ErrorCode::Invalid);
        QVERIFY(m_catalog->createDataset(u"notes"_s, DatasetTask::Entities));
        auto all = m_catalog->datasets();
        QVERIFY(all);
        QCOMPARE(all->size(), 2);
        QCOMPARE(all->at(0).name, u"cats"_s);
        QVERIFY(all->at(1).media == DatasetMedia::Text);
        QVERIFY(m_catalog->removeDataset(u"notes"_s));
        QCOMPARE(m_catalog->dataset(u"notes"_s).error().code, ErrorCode::NotFound);
    }

    void parseRef()
    {
        QCOMPARE(DatasetCatalog::parseRef(u"shapes"_s)->version, 0);
        QCOMPARE(DatasetCatalog::parseRef(u"shapes@3"_s)->version, 3);
        QCOMPARE(DatasetCatalog::parseRef(u"shapes@v2"_s)->name, u"shapes"_s);
        QVERIFY(!DatasetCatalog::parseRef(u"shapes@x"_s));
        QVERIFY(!DatasetCatalog::parseRef(u"shapes@0"_s));
    }

    void labels()
    {
        auto ds = m_catalog->createDataset(u"d"_s, DatasetTask::Classification);
        QVERIFY(ds);
        QVERIFY(m_catalog->addLabel(ds->id, u"cat"_s, {}, u"1"_s));
        QVERIFY(m_catalog->addLabel(ds->id, u"dog"_s, u"#00ff00"_s));
        QCOMPARE(m_catalog->addLabel(ds->id, u"cat"_s).error().code, ErrorCode::Conflict);
        QCOMPARE(m_catalog->addLabel(ds->id, u"bird"_s, {}, u"1"_s).error().code,
                 ErrorCode::Conflict);
        QCOMPARE(m_catalog->setLabelHotkey(ds->id, u"dog"_s, u"1"_s).error().code,
                 ErrorCode::Conflict);
        QVERIFY(m_catalog->setLabelHotkey(ds->id, u"dog"_s, u"2"_s));
        QVERIFY(m_catalog->moveLabel(ds->id, u"dog"_s, 0));
        auto set = m_catalog->labels(ds->id);
        QCOMPARE(set->size(), 2);
        QCOMPARE(set->at(0).name, u"dog"_s);
        QCOMPARE(set->at(0).hotkey, u"2"_s);
        QVERIFY(!set->at(1).color.isEmpty());

        // Renaming a label renames its annotations; removing a used one needs consent.
        QString png = writeImage(m_dir.filePath(u"a.png"_s), 8, 8, 0xff0000);
        auto item = m_itemStore->addImage(ds->id, png);
        QVERIFY(item);
        QVERIFY(m_annotationStore->setTags(item->item.id, {u"cat"_s}));
        QVERIFY(m_catalog->renameLabel(ds->id, u"cat"_s, u"kitten"_s));
        auto notes = m_annotationStore->annotations(item->item.id);
        QCOMPARE(notes->size(), 1);
        QCOMPARE(notes->first().label, u"kitten"_s);
        QCOMPARE(m_catalog->removeLabel(ds->id, u"kitten"_s).error().code, ErrorCode::Conflict);
        QVERIFY(m_catalog->removeLabel(ds->id, u"kitten"_s, true));
        QCOMPARE(m_annotationStore->annotations(item->item.id)->size(), 0);
        QVERIFY(m_itemStore->item(item->item.id)->status == ItemStatus::Unlabeled);
    }

    void imagesDeduplicated()
    {
        auto ds = m_catalog->createDataset(u"d"_s, DatasetTask::Detection);
        const QString a = writeImage(m_dir.filePath(u"img/a.png"_s), 40, 30, 0xff0000);
        const QString b = writeImage(m_dir.filePath(u"img/b.jpg"_s), 20, 10, 0x00ff00, "JPEG");
        QFile::copy(a, m_dir.filePath(u"img/a-copy.png"_s));
        auto first = m_itemStore->addImage(ds->id, a, u"img/a.png"_s);
        QVERIFY2(first, qPrintable(first ? QString() : first.error().message));
        QVERIFY(!first->duplicate);
        QCOMPARE(first->item.width, 40);
        QCOMPARE(first->item.height, 30);
        QCOMPARE(first->item.sourceName, u"img/a.png"_s);
        QVERIFY(QFileInfo::exists(m_ws->objects().pathFor(first->item.objectHash)));
        auto again = m_itemStore->addImage(ds->id, m_dir.filePath(u"img/a-copy.png"_s));
        QVERIFY(again);
        QVERIFY(again->duplicate);
        QCOMPARE(again->item.id, first->item.id);
        auto second = m_itemStore->addImage(ds->id, b);
        QVERIFY(second);
        QCOMPARE(second->item.width, 20);
        QCOMPARE(m_itemStore->countItems(ds->id).value(), 2);

        // Not an image, a truncated one, text into an image dataset.
        QFile junk(m_dir.filePath(u"junk.png"_s));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("this is not a picture");
        junk.close();
        QCOMPARE(m_itemStore->addImage(ds->id, junk.fileName()).error().code, ErrorCode::Invalid);
        // A cut-off file: the header still gives the size, the missing end marker tells.
        const QString big = writeImage(m_dir.filePath(u"big.jpg"_s), 300, 200, 0x123456, "JPEG");
        QFile full(big);
        QVERIFY(full.open(QIODevice::ReadOnly));
        const QByteArray bytes = full.readAll();
        QFile cut(m_dir.filePath(u"cut.jpg"_s));
        QVERIFY(cut.open(QIODevice::WriteOnly));
        cut.write(bytes.left(bytes.size() * 8 / 10));
        cut.close();
        auto truncated = m_itemStore->addImage(ds->id, cut.fileName());
        QVERIFY(!truncated);
        QVERIFY2(truncated.error().message.contains(u"truncated"_s),
                 qPrintable(truncated.error().message));
        QCOMPARE(m_itemStore->addText(ds->id, u"hello"_s).error().code, ErrorCode::Invalid);
        QCOMPARE(m_itemStore->countItems(ds->id).value(), 2);
    }

    void textDeduplicated()
    {
        auto ds = m_catalog->createDataset(u"t"_s, DatasetTask::TextClassification);
        auto a = m_itemStore->addText(ds->id, u"Hello   world\r\n"_s);
        QVERIFY(a);
        QVERIFY(!a->duplicate);
        auto b = m_itemStore->addText(ds->id, u" Hello world"_s);
        QVERIFY(b);
        QVERIFY(b->duplicate);
        // NFC: "é" composed and decomposed are one text.
        QVERIFY(!m_itemStore->addText(ds->id, u"caf\u00e9"_s)->duplicate);
        QVERIFY(m_itemStore->addText(ds->id, u"cafe\u0301"_s)->duplicate);
        QCOMPARE(m_itemStore->addText(ds->id, u"  "_s).error().code, ErrorCode::Invalid);
        QCOMPARE(m_itemStore->addText(ds->id, u"a"_s, u"b"_s).error().code, ErrorCode::Invalid);

        auto pairs = m_catalog->createDataset(u"p"_s, DatasetTask::Pairs);
        QCOMPARE(m_itemStore->addText(pairs->id, u"a"_s).error().code, ErrorCode::Invalid);
        QVERIFY(!m_itemStore->addText(pairs->id, u"a"_s, u"b"_s)->duplicate);
        QVERIFY(!m_itemStore->addText(pairs->id, u"b"_s, u"a"_s)->duplicate);
        QVERIFY(m_itemStore->addText(pairs->id, u"a"_s, u" b"_s)->duplicate);
    }

    void annotationsValidated()
    {
        auto ds = m_catalog->createDataset(u"d"_s, DatasetTask::Detection);
        const QString a = writeImage(m_dir.filePath(u"a.png"_s), 100, 50, 0xff0000);
        const qint64 item = m_itemStore->addImage(ds->id, a)->item.id;
        auto box =
            m_annotationStore->addAnnotation(item, Annotation::box(u"car"_s, {10, 10, 20, 20}));
        QVERIFY(box);
        QCOMPARE(box->author, u"alice"_s);
        QCOMPARE(box->rect(), QRectF(10, 10, 20, 20));
        QVERIFY(m_itemStore->item(item)->status == ItemStatus::Labeled);
        QCOMPARE(m_catalog->labels(ds->id)->size(), 1); // label added with its first use
        QCOMPARE(m_annotationStore->addAnnotation(item, Annotation::box(u"car"_s, {90, 10, 20, 20}))
                     .error()
                     .code,
                 ErrorCode::Invalid);
        QCOMPARE(m_annotationStore->addAnnotation(item, Annotation::box(u"car"_s, {10, 10, 0, 20}))
                     .error()
                     .code,
                 ErrorCode::Invalid);
        QCOMPARE(m_annotationStore->addAnnotation(item, Annotation::tag(u"car"_s)).error().code,
                 ErrorCode::Invalid);
        Annotation moved = box.value();
        moved.geometry = Annotation::box(u"car"_s, {0, 0, 100, 50}).geometry;
        QVERIFY(m_annotationStore->updateAnnotation(moved));
        QCOMPARE(m_annotationStore->annotation(box->id)->rect(), QRectF(0, 0, 100, 50));
        QVERIFY(m_annotationStore->removeAnnotation(box->id));
        QVERIFY(m_itemStore->item(item)->status == ItemStatus::Unlabeled);

        auto seg = m_catalog->createDataset(u"s"_s, DatasetTask::Segmentation);
        const qint64 segItem = m_itemStore->addImage(seg->id, a)->item.id;
        QVERIFY(m_annotationStore->addAnnotation(
            segItem, Annotation::polygon(u"x"_s, QPolygonF{{0, 0}, {10, 0}, {10, 10}})));
        QVERIFY(!m_annotationStore->addAnnotation(
            segItem, Annotation::polygon(u"x"_s, QPolygonF{{0, 0}, {10, 0}})));
    }

    void spansAndPairs()
    {
        auto ds = m_catalog->createDataset(u"e"_s, DatasetTask::Entities);
        // "北京 is big 😀 ok": code points, not UTF-16 units.
        const qint64 item = m_itemStore->addText(ds->id, u"北京 is big 😀 ok"_s)->item.id;
        QVERIFY(m_annotationStore->addAnnotation(item, Annotation::span(u"LOC"_s, 0, 2)));
        QVERIFY(m_annotationStore->addAnnotation(item, Annotation::span(u"X"_s, 12, 14)));
        QVERIFY(!m_annotationStore->addAnnotation(item, Annotation::span(u"X"_s, 12, 15)));
        auto overlap = m_annotationStore->addAnnotation(item, Annotation::span(u"ORG"_s, 1, 3));
        QCOMPARE(overlap.error().code, ErrorCode::Conflict);
        // Another author may overlap: agreement needs both.
        Annotation bob = Annotation::span(u"ORG"_s, 1, 3);
        bob.author = u"bob"_s;
        QVERIFY(m_annotationStore->addAnnotation(item, bob));
        QVERIFY(m_catalog->setOptions(ds->id, DatasetOptions{false, true, false, {}}));
        QVERIFY(m_annotationStore->addAnnotation(item, Annotation::span(u"ORG"_s, 1, 3)));
        QCOMPARE(m_annotationStore->authors(ds->id).value(), (QStringList{u"alice"_s, u"bob"_s}));
        QCOMPARE(m_annotationStore->annotations(item, {u"bob"_s, std::nullopt})->size(), 1);

        auto pairs = m_catalog->createDataset(u"p"_s, DatasetTask::Pairs,
                                              DatasetOptions{false, false, true, {}});
        const qint64 p = m_itemStore->addText(pairs->id, u"a"_s, u"b"_s)->item.id;
        QCOMPARE(m_annotationStore->addAnnotation(p, Annotation::pair(u"similar"_s)).error().code,
                 ErrorCode::Invalid);
        QCOMPARE(m_annotationStore->addAnnotation(p, Annotation::pair({}, 1.5)).error().code,
                 ErrorCode::Invalid);
        auto scored = m_annotationStore->addAnnotation(p, Annotation::pair({}, 0.75));
        QVERIFY(scored);
        QCOMPARE(*m_annotationStore->annotation(scored->id)->score(), 0.75);
    }

    void tagsSingleAndMulti()
    {
        auto single = m_catalog->createDataset(u"s"_s, DatasetTask::TextClassification);
        const qint64 item = m_itemStore->addText(single->id, u"x"_s)->item.id;
        QVERIFY(m_annotationStore->setTags(item, {u"pos"_s}));
        QCOMPARE(m_annotationStore->setTags(item, {u"pos"_s, u"neg"_s}).error().code,
                 ErrorCode::Invalid);
        QCOMPARE(m_annotationStore->addAnnotation(item, Annotation::tag(u"neg"_s)).error().code,
                 ErrorCode::Conflict);
        QVERIFY(m_annotationStore->setTags(item, {u"neg"_s}));
        auto notes = m_annotationStore->annotations(item);
        QCOMPARE(notes->size(), 1);
        QCOMPARE(notes->first().label, u"neg"_s);

        auto multi = m_catalog->createDataset(u"m"_s, DatasetTask::TextClassification,
                                              DatasetOptions{true, false, false, {}});
        const qint64 m = m_itemStore->addText(multi->id, u"x"_s)->item.id;
        QCOMPARE(m_annotationStore->setTags(m, {u"a"_s, u"b"_s, u"a"_s})->size(), 2);
        QVERIFY(m_annotationStore->setTags(m, {}));
        QVERIFY(m_itemStore->item(m)->status == ItemStatus::Unlabeled);
    }

    void suggestions()
    {
        auto ds = m_catalog->createDataset(u"s"_s, DatasetTask::TextClassification);
        const qint64 item = m_itemStore->addText(ds->id, u"great film"_s)->item.id;
        const QString model = u"model:sentiment@3"_s;
        auto proposed = m_annotationStore->replaceSuggestions(
            item, model, {Annotation::tag(u"pos"_s), Annotation::tag(u"neg"_s)});
        QVERIFY(proposed);
        QCOMPARE(proposed->size(), 2);
        QVERIFY(proposed->first().state == AnnotationState::Suggested);
        QVERIFY(m_itemStore->item(item)->status == ItemStatus::Unlabeled);
        // Re-running the model replaces its pending suggestions.
        proposed = m_annotationStore->replaceSuggestions(item, model, {Annotation::tag(u"pos"_s)});
        QCOMPARE(m_annotationStore->annotations(item)->size(), 1);
        auto accepted = m_annotationStore->acceptSuggestion(proposed->first().id);
        QVERIFY(accepted);
        QVERIFY(accepted->state == AnnotationState::Accepted);
        QCOMPARE(accepted->author, u"alice"_s);
        QCOMPARE(accepted->source, model);
        QVERIFY(accepted->fromModel());
        QVERIFY(m_itemStore->item(item)->status == ItemStatus::Labeled);
        // Accepted ones are no longer suggestions: a re-run keeps them.
        proposed = m_annotationStore->replaceSuggestions(item, model, {Annotation::tag(u"neg"_s)});
        QCOMPARE(m_annotationStore->annotations(item)->size(), 2);
        QVERIFY(m_annotationStore->rejectSuggestion(proposed->first().id));
        QVERIFY(m_annotationStore->annotation(proposed->first().id)->state ==
                AnnotationState::Rejected);
        auto dist = m_annotationStore->labelDistribution(ds->id);
        QCOMPARE(dist->size(), 2);
        QCOMPARE(dist->at(0).label, u"pos"_s);
        QCOMPARE(dist->at(0).annotations, 1);
        QCOMPARE(dist->at(1).annotations, 0); // "neg" is only rejected
    }

    void pagingAndFilters()
    {
        auto ds = m_catalog->createDataset(u"t"_s, DatasetTask::TextClassification);
        for (int i = 0; i < 250; ++i)
            QVERIFY(m_itemStore->addText(ds->id, u"text number %1"_s.arg(i), {},
                                         u"s%1"_s.arg(i, 3, 10, QChar(u'0'))));
        ItemQuery page;
        page.offset = 100;
        page.limit = 50;
        auto items = m_itemStore->items(ds->id, page);
        QCOMPARE(items->size(), 50);
        QCOMPARE(items->first().text, u"text number 100"_s);
        const qint64 tagged = items->first().id;
        QVERIFY(m_annotationStore->setTags(tagged, {u"x"_s}));
        Annotation other = Annotation::tag(u"y"_s);
        other.author = u"bob"_s;
        QVERIFY(m_annotationStore->addAnnotation(items->at(1).id, other));
        QVERIFY(m_itemStore->review(items->at(2).id, ItemStatus::Rejected, u"typo"_s));
        QCOMPARE(m_itemStore->item(items->at(2).id)->reviewComment, u"typo"_s);
        QCOMPARE(m_itemStore->item(items->at(2).id)->reviewer, u"alice"_s);

        ItemQuery labeled;
        labeled.status = ItemStatus::Labeled;
        QCOMPARE(m_itemStore->countItems(ds->id, labeled).value(), 2);
        ItemQuery byLabel;
        byLabel.label = u"x"_s;
        QCOMPARE(m_itemStore->items(ds->id, byLabel)->first().id, tagged);
        ItemQuery byBob;
        byBob.annotator = u"bob"_s;
        QCOMPARE(m_itemStore->countItems(ds->id, byBob).value(), 1);
        byBob.withoutAnnotator = true;
        QCOMPARE(m_itemStore->countItems(ds->id, byBob).value(), 249);
        ItemQuery search;
        search.search = u"NUMBER 24"_s;
        QCOMPARE(m_itemStore->countItems(ds->id, search).value(), 11); // 24, 240…249
        search.search = u"100%"_s;
        QCOMPARE(m_itemStore->countItems(ds->id, search).value(), 0);
        ItemQuery desc;
        desc.sort = ItemQuery::Sort::SourceName;
        desc.descending = true;
        desc.limit = 1;
        QCOMPARE(m_itemStore->items(ds->id, desc)->first().sourceName, u"s249"_s);
        QCOMPARE(m_itemStore->rowOf(ds->id, tagged, desc).value(), 149);
        auto counts = m_itemStore->statusCounts(ds->id);
        QCOMPARE(counts->value(ItemStatus::Unlabeled), 247);
        QCOMPARE(counts->value(ItemStatus::Rejected), 1);
        int visited = 0;
        QVERIFY(m_versionStore->forEachItem(ds->id,
                                            [&](const DatasetItem &, const QList<Annotation> &) {
                                                ++visited;
                                                return true;
                                            }));
        QCOMPARE(visited, 250);
    }

    void versions()
    {
        auto ds = m_catalog->createDataset(u"v"_s, DatasetTask::Entities);
        const qint64 item = m_itemStore->addText(ds->id, u"Paris is nice"_s)->item.id;
        QVERIFY(m_annotationStore->addAnnotation(item, Annotation::span(u"LOC"_s, 0, 5)));
        auto v1 = m_versionStore->createVersion(u"v"_s, u"first cut"_s);
        QVERIFY2(v1, qPrintable(v1 ? QString() : v1.error().message));
        QCOMPARE(v1->number, 1);
        QCOMPARE(v1->counts.value(u"items"_s).toInt(), 1);
        QCOMPARE(v1->counts.value(u"annotations"_s).toInt(), 1);
        QCOMPARE(v1->counts.value(u"labels"_s).toObject().value(u"LOC"_s).toInt(), 1);
        QCOMPARE(v1->commitId.size(), 40);
        auto repo = m_ws->repository();
        QVERIFY(repo->readFile(v1->commitId, u"labels/v/annotations.jsonl"_s));

        // Later edits do not change version 1.
        auto notes = m_annotationStore->annotations(item);
        Annotation changed = notes->first();
        changed.label = u"CITY"_s;
        QVERIFY(m_annotationStore->updateAnnotation(changed));
        QVERIFY(m_itemStore->addText(ds->id, u"Second"_s));
        auto v2 = m_versionStore->createVersion(u"v"_s, u"more"_s);
        QCOMPARE(v2->number, 2);
        QCOMPARE(m_catalog->dataset(u"v"_s)->latestVersion, 2);

        auto old = m_versionStore->snapshot(u"v"_s, 1);
        QVERIFY2(old, qPrintable(old ? QString() : old.error().message));
        QCOMPARE(old->items.size(), 1);
        QCOMPARE(old->items.first().annotations.first().label, u"LOC"_s);
        QCOMPARE(old->items.first().annotations.first().author, u"alice"_s);
        QCOMPARE(old->items.first().annotations.first().spanEnd(), 5);
        auto now = m_versionStore->snapshot(u"v"_s, 0);
        QCOMPARE(now->items.size(), 2);
        QCOMPARE(now->items.first().annotations.first().label, u"CITY"_s);
        QCOMPARE(m_versionStore->snapshot(u"v"_s, 9).error().code, ErrorCode::NotFound);
        QCOMPARE(m_versionStore->versions(u"v"_s)->size(), 2);
    }

    void masksPartsAndAttributesSurviveVersions()
    {
        auto ds = m_catalog->createDataset(u"seg"_s, DatasetTask::Segmentation);
        QVERIFY(ds);
        const QString file = writeImage(m_dir.filePath(u"img/seg.png"_s), 8, 6, 0x336699);
        auto added = m_itemStore->addImage(ds->id, file, u"train/seg.png"_s);
        QVERIFY(added);
        const qint64 item = added->item.id;
        QVERIFY(m_itemStore->setItemSplit(item, u"train"_s));
        QVERIFY(m_itemStore->mergeItemAttributes(item, {{u"id"_s, 101}, {u"flags"_s, true}}));
        QVERIFY(m_itemStore->mergeItemAttributes(item, {{u"flags"_s, QJsonValue::Null}}));
        QVERIFY(m_catalog->addLabel(ds->id, u"unused"_s));
        QVERIFY(m_catalog->setLabelAttributes(ds->id, u"unused"_s,
                                              {{u"id"_s, 90}, {u"supercategory"_s, u"x"_s}}));

        // A crowd mask (2 set pixels in column 1) and a polygon of two parts.
        QImage pixels(8, 6, QImage::Format_Grayscale8);
        pixels.fill(0);
        pixels.scanLine(2)[1] = 255;
        pixels.scanLine(3)[1] = 255;
        Annotation mask = Annotation::mask(u"cat"_s, MaskRle::fromImage(pixels));
        mask.attributes = {{u"iscrowd"_s, 1}, {u"area"_s, 2}};
        QVERIFY(m_annotationStore->addAnnotation(item, mask));
        const QList<QPolygonF> parts{QPolygonF{{0, 0}, {2, 0}, {2, 2}},
                                     QPolygonF{{4, 4}, {6, 4}, {6, 5}, {4, 5}}};
        QVERIFY(m_annotationStore->addAnnotation(item, Annotation::polygon(u"cat"_s, parts)));
        // A mask of another size, a part of two points: refused.
        QVERIFY(!m_annotationStore->addAnnotation(
            item, Annotation::mask(u"cat"_s,
                                   MaskRle::fromImage(QImage(4, 4, QImage::Format_Grayscale8)))));
        QVERIFY(!m_annotationStore->addAnnotation(
            item, Annotation::polygon(u"cat"_s, {parts[0], QPolygonF{{1, 1}, {2, 2}}})));
        // A detection dataset still takes no masks.
        auto boxes = m_catalog->createDataset(u"boxes"_s, DatasetTask::Detection);
        const qint64 other = m_itemStore->addImage(boxes->id, file)->item.id;
        QCOMPARE(m_annotationStore->addAnnotation(other, mask).error().code, ErrorCode::Invalid);

        QVERIFY(m_versionStore->createVersion(u"seg"_s, u"v1"_s));
        for (int version : {0, 1}) {
            auto snap = m_versionStore->snapshot(u"seg"_s, version);
            QVERIFY(snap);
            const SnapshotItem &s = snap->items.first();
            QCOMPARE(s.item.split, u"train"_s);
            QCOMPARE(s.item.attributes, (QJsonObject{{u"id"_s, 101}}));
            QCOMPARE(s.annotations.size(), 2);
            const Annotation &m = s.annotations[0];
            QVERIFY(m.kind == AnnotationKind::Mask);
            QCOMPARE(m.attributes.value(u"iscrowd"_s).toInt(), 1);
            QCOMPARE(m.maskRle()->area(), 2);
            QCOMPARE(m.maskRle()->bounds(), QRectF(1, 2, 1, 2));
            QCOMPARE(s.annotations[1].parts().size(), 2);
            QCOMPARE(s.annotations[1].parts()[1], parts[1]);
            QCOMPARE(snap->labels.first().name, u"unused"_s);
            QCOMPARE(snap->labels.first().attributes.value(u"id"_s).toInt(), 90);
        }
    }

    void batchRollsBack()
    {
        auto ds = m_catalog->createDataset(u"b"_s, DatasetTask::TextClassification);
        Status failed = m_context->batch([&]() -> Status {
            if (auto a = m_itemStore->addText(ds->id, u"one"_s); !a)
                return a.error();
            return makeError(ErrorCode::Cancelled, u"stop"_s);
        });
        QVERIFY(!failed);
        QCOMPARE(m_itemStore->countItems(ds->id).value(), 0);
    }
};

QTEST_GUILESS_MAIN(TestDatasetStore)
#include "tst_datasetstore.moc"
