// COCO polygon annotations whose other members are plain (the import's fast path writes their
// attributes text straight from the raw members, with no QJsonObject) are stored byte for byte
// as compactJson writes the object QJsonDocument reads of them: numbers in every spelling,
// strings, literals, keys out of order; members that are not plain (escapes, non-ASCII, nested
// values, a key given twice, Atelier's own "attributes") take the general path, with the same
// result. A polygon moved onto the image gets its attributes back from that text, and the
// duplicate keys still match: a repeated annotation is kept once, and an image given twice
// finds its annotations already there. The import also stores each image file on a thread of
// its own (ImageImportSession::storeImage): refusals keep their messages. Masks, compressed
// or not, take the same fast path, with the "rle" form the general path adds.
#include "catalog/database.h"
#include "core/compactjson.h"
#include "core/workspace.h"
#include "datasets/datasetcatalog.h"
#include "datasets/datasetcontext.h"
#include "datasets/datasetitemstore.h"
#include "datasets/formatregistry.h"
#include "datasets/maskrle.h"
#include "storage/objectstore.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <thread>

using namespace Qt::StringLiterals;
using namespace atelier;

namespace {

/// The members each annotation has besides its references and polygon (the image is 32×24).
const QList<QByteArray> kMembers{
    R"("id": 1, "iscrowd": 0, "area": 12.5)",
    R"("area": 1.0, "id": 2, "Zeta": -0, "alpha": 1e2, "beta": 0.1, "gamma": 1.5e-7)",
    R"("id": 3, "note": "plain text, with: [brackets] {and} 'quotes'", "ok": true)",
    R"("id": 4, "none": null, "no": false, "big": 12345678901234567890, "neg": -3.25E+2)",
    R"("id": 5, "area": 2.0000000000000004, "tiny": 5e-324, "x": 0.30000000000000004)",
    R"("id": 6, "bbox": [1, 2, 3, 4], "score": 0.75)",
    R"("id": 7, "bbox": [ ], "n": 7)",
    // Not plain: the general path.
    R"("id": 8, "note": "say \"hi\"\n")",
    R"("id": 9, "note": "café", "esc": "caf\u00e9")",
    R"("id": 10, "extra": {"k": [1, 2]}, "tags": ["a", "b"])",
    R"("id": 11, "dup": 1, "dup": 2)",
    R"("id": 12, "attributes": {"occluded": true, "author": "bob"})",
    R"("id": 13, "num": 1., "bbox": [1, 2, 3, "x"])",
};

/// A distinct triangle per annotation, inside the image unless \a outside.
QByteArray triangle(int n, bool outside = false)
{
    const int x = n % 20, y = n % 14;
    const int far = outside ? 40 : x + 8;
    return "[[" + QByteArray::number(x) + ',' + QByteArray::number(y) + ',' +
           QByteArray::number(far) + ',' + QByteArray::number(y) + ',' + QByteArray::number(x) +
           ',' + QByteArray::number(y + 6) + "]]";
}

QByteArray annotationText(int n, qint64 imageId, const QByteArray &members, bool outside = false)
{
    return "{" + members + ", \"image_id\": " + QByteArray::number(imageId) +
           ", \"category_id\": 5, \"segmentation\": " + triangle(n, outside) + "}";
}

/// The attributes text the general path stores for an annotation: QJsonDocument's object
/// less the references and shape, with Atelier's author and source taken out of its own.
QString expectedAttributes(const QByteArray &text)
{
    const QJsonObject given = QJsonDocument::fromJson(text).object();
    QJsonObject expected = given;
    for (const QString &key :
         {u"image_id"_s, u"category_id"_s, u"segmentation"_s, u"bbox"_s, u"attributes"_s})
        expected.remove(key);
    QJsonObject own = given.value(u"attributes"_s).toObject();
    own.remove(u"author"_s);
    own.remove(u"source"_s);
    if (!own.isEmpty())
        expected.insert(u"attributes"_s, own);
    const QJsonValue segmentation = given.value(u"segmentation"_s);
    if (segmentation.isObject()) { // a mask: the form its counts came in
        expected.insert(u"rle"_s, segmentation.toObject().value(u"counts"_s).isString()
                                      ? u"compressed"_s
                                      : u"uncompressed"_s);
    }
    return QString::fromUtf8(compactJson(expected));
}

} // namespace

class TestCocoPlainMembers final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void attributesStoredAsTheGeneralPathStoresThem()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(QDir().mkpath(dir.filePath(u"images"_s)));
        QImage image(32, 24, QImage::Format_RGB32);
        image.fill(Qt::gray);
        QVERIFY(image.save(dir.filePath(u"images/one.png"_s)));
        QVERIFY(image.save(dir.filePath(u"images/again.png"_s))); // the same content
        image.fill(Qt::red);
        QVERIFY(image.save(dir.filePath(u"images/two.png"_s)));

        QList<QByteArray> onOne; // image 1's annotations as written
        for (qsizetype i = 0; i < kMembers.size(); ++i)
            onOne.append(annotationText(int(i), 1, kMembers[i]));
        // Moved onto the image: its attributes come back from the text for the new form.
        onOne.append(annotationText(30, 1, R"("id": 30, "area": 4.5, "kind": "edge")", true));
        // Given twice: kept once; differing in an attribute only: both kept.
        onOne.append(annotationText(31, 1, R"("id": 31, "area": 3)"));
        onOne.append(annotationText(31, 1, R"("id": 31, "area": 3)"));
        onOne.append(annotationText(31, 1, R"("id": 32, "area": 3)"));
        QList<QByteArray> all = onOne;
        for (const QByteArray &text : std::as_const(onOne)) // again.png: all already there
            all.append(QByteArray(text).replace("\"image_id\": 1", "\"image_id\": 2"));
        all.append(annotationText(40, 3, R"("id": 40, "area": 9)"));
        // Masks, both forms, plain or not (an "rle" of its own is replaced by the form's).
        MaskRle box;
        box.width = 32;
        box.height = 24;
        box.counts = {24 * 3 + 2, 5, 19, 5, 24 * 32 - 24 * 3 - 2 - 5 - 19 - 5};
        QVERIFY(box.isValid());
        const QByteArray compressed = box.toCompressedString().replace("\\", "\\\\");
        const QList<QByteArray> masks{
            R"({"id": 50, "image_id": 3, "category_id": 5, "iscrowd": 1, "area": 768,
                "segmentation": {"size": [24, 32], "counts": [0, 768]}})",
            "{\"id\": 51, \"image_id\": 3, \"category_id\": 5, \"segmentation\": {\"size\": [24, "
            "32], \"counts\": \"" +
                compressed + "\"}, \"area\": 10, \"bbox\": [3, 2, 2, 5]}",
            R"({"id": 52, "rle": "mine", "image_id": 3, "category_id": 5,
                "segmentation": {"counts": [10, 758], "size": [24, 32]}})",
            R"({"id": 53, "note": "café", "image_id": 3, "category_id": 5,
                "segmentation": {"size": [24, 32], "counts": [20, 748]}})",
        };
        all += masks;

        QByteArray json = R"({"images": [{"id": 1, "file_name": "one.png"},
            {"id": 2, "file_name": "again.png"}, {"id": 3, "file_name": "two.png"},
            {"id": 4, "file_name": "missing.png"}],
            "categories": [{"id": 5, "name": "thing"}], "annotations": [)";
        for (qsizetype i = 0; i < all.size(); ++i)
            json += (i ? ",\n" : "") + all[i];
        json += "]}\n";
        QFile file(dir.filePath(u"instances.json"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(json);
        file.close();

        auto ws = Workspace::create(dir.filePath(u"ws"_s), {});
        QVERIFY(ws);
        DatasetContext context(ws->catalog(), ws->root());
        ImportOptions options;
        options.format = u"coco"_s;
        options.task = DatasetTask::Segmentation;
        auto report = importDataset(context, u"p"_s, file.fileName(), options);
        QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
        QStringList said;
        for (const ImportProblem &w : report->warnings)
            said.append(w.reason);
        const QString warnings = said.join(u'\n');
        QVERIFY2(warnings.contains(u"1 annotation(s) identical to another"_s),
                 qPrintable(warnings));
        QVERIFY2(warnings.contains(u"%1 annotation(s) already in the dataset"_s.arg(onOne.size())),
                 qPrintable(warnings));
        QVERIFY2(warnings.contains(u"polygon goes outside the 32×24 image"_s),
                 qPrintable(warnings));
        QCOMPARE(report->imported, 2);
        QCOMPARE(report->duplicates, 1);
        QCOMPARE(report->unreadable.size(), 1);
        QCOMPARE(report->unreadable.first().reason, u"the image file is missing"_s);
        QCOMPARE(report->annotations, onOne.size() - 1 + 1 + 4);

        QStringList expected;
        for (qsizetype i = 0; i < onOne.size(); ++i) {
            if (i != onOne.size() - 2) // the copy kept once
                expected.append(expectedAttributes(onOne[i]));
        }
        expected.append(expectedAttributes(annotationText(40, 3, R"("id": 40, "area": 9)")));
        for (const QByteArray &mask : masks)
            expected.append(expectedAttributes(mask));
        QStringList stored;
        Query q = ws->catalog().query("SELECT attributes FROM annotations ORDER BY id;");
        QVERIFY(q.forEach([&](const Query &row) { stored.append(row.text(0)); }));
        QCOMPARE(stored, expected);
        // The moved polygon's attributes are all there, not left in a dropped form.
        QVERIFY(stored.contains(u"{\"area\":4.5,\"id\":30,\"kind\":\"edge\"}"_s));
    }

    // A mask's RLE object read from its text (no QJsonObject; its geometry written as text)
    // is stored as Annotation::mask stores the mask QJsonDocument reads: compressed counts
    // with a backslash, spaces anywhere, size as 24.0, members in either order. Anything else
    // (an extra member, an escape other than the backslash's, counts that do not cover the
    // image) goes the general way and is kept or refused as before. The duplicate keys made
    // from the text match those of the rows read back: an image given twice adds nothing.
    void maskGeometryStoredAsAnnotationMaskStoresIt()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(QDir().mkpath(dir.filePath(u"images"_s)));
        QImage image(32, 24, QImage::Format_RGB32);
        image.fill(Qt::gray);
        QVERIFY(image.save(dir.filePath(u"images/one.png"_s)));
        QVERIFY(image.save(dir.filePath(u"images/again.png"_s))); // the same content
        // A mask whose compressed counts hold a backslash, and one whose do not.
        MaskRle slashed, plain;
        for (int start = 0; start < 600 && (slashed.counts.isEmpty() || plain.counts.isEmpty());
             ++start) {
            MaskRle m;
            m.width = 32;
            m.height = 24;
            m.counts = {quint32(start), 37, quint32(24 * 32 - start - 37)};
            QVERIFY(m.isValid());
            (m.toCompressedString().contains('\\') ? slashed : plain) = m;
        }
        QVERIFY(!slashed.counts.isEmpty() && !plain.counts.isEmpty());
        auto escaped = [](const MaskRle &m) {
            return "\"" + m.toCompressedString().replace("\\", "\\\\") + "\"";
        };
        const QList<QByteArray> segmentations{
            "{\"size\": [24, 32], \"counts\": " + escaped(slashed) + "}",
            "{\"counts\":" + escaped(plain) + ",\"size\":[24,32]}",
            "{ \"size\" : [ 24.0 , 32 ] , \"counts\" : [ 5 , 700 , 63 ] }",
            R"({"size": [24, 32], "counts": [0, 768]})",
            // The general way: an extra member, a \u escape, a \/ escape.
            R"({"size": [24, 32], "counts": [1, 767], "x": 1})",
            "{\"size\": [24, 32], \"counts\": \"\\u00" +
                QByteArray::number(uchar(plain.toCompressedString()[0]), 16) +
                escaped(plain).mid(2) + "}",
            R"({"size": [24, 32], "counts": [2, 766]})",
        };
        // Refused on both ways alike: counts not covering the image, a size of 0.
        const QList<QByteArray> refused{
            R"({"size": [24, 32], "counts": [5, 700]})",
            R"({"size": [0, 32], "counts": []})",
        };
        QList<QByteArray> annotations;
        for (const int imageId : {1, 2}) {
            int id = 0; // the same annotations on the same image: already there
            for (const QByteArray &s : segmentations + refused) {
                annotations.append("{\"id\": " + QByteArray::number(++id) +
                                   ", \"image_id\": " + QByteArray::number(imageId) +
                                   ", \"category_id\": 5, \"segmentation\": " + s + "}");
            }
        }
        QByteArray json = R"({"images": [{"id": 1, "file_name": "one.png"},
            {"id": 2, "file_name": "again.png"}],
            "categories": [{"id": 5, "name": "thing"}], "annotations": [)";
        json += annotations.join(",\n") + "]}\n";
        QFile file(dir.filePath(u"instances.json"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(json);
        file.close();

        auto ws = Workspace::create(dir.filePath(u"ws"_s), {});
        QVERIFY(ws);
        DatasetContext context(ws->catalog(), ws->root());
        ImportOptions options;
        options.format = u"coco"_s;
        auto report = importDataset(context, u"m"_s, file.fileName(), options);
        QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
        QVERIFY(report->task == DatasetTask::Segmentation);
        QStringList said;
        for (const ImportProblem &w : report->warnings)
            said.append(w.reason);
        const QString warnings = said.join(u'\n');
        QCOMPARE(report->annotations, segmentations.size());
        QVERIFY2(warnings.contains(
                     u"%1 annotation(s) already in the dataset"_s.arg(segmentations.size())),
                 qPrintable(warnings));
        QCOMPARE(warnings.count(u"RLE segmentation is malformed"_s), 2 * refused.size());

        QStringList expected;
        for (const QByteArray &s : segmentations) {
            const auto rle = MaskRle::fromJson(QJsonDocument::fromJson(s).object());
            QVERIFY2(rle, s.constData());
            expected.append(
                QString::fromUtf8(compactJson(Annotation::mask(u"thing"_s, *rle).geometry)));
        }
        QStringList stored;
        Query q = ws->catalog().query(
            "SELECT geometry FROM annotations WHERE kind = 'mask' ORDER BY id;");
        QVERIFY(q.forEach([&](const Query &row) { stored.append(row.text(0)); }));
        QCOMPARE(stored, expected);
        QVERIFY(stored.first().contains(u"\\\\"_s)); // the backslash, escaped
    }

    // The image half of addImage that touches no catalog runs on another thread: its object
    // is in objects/ before any row names it; the rows are added by addStoredImage.
    void imagesStoredOnAnotherThread()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QImage image(20, 10, QImage::Format_RGB32);
        image.fill(Qt::blue);
        const QString png = dir.filePath(u"a.png"_s);
        QVERIFY(image.save(png));
        auto ws = Workspace::create(dir.filePath(u"ws"_s), {});
        QVERIFY(ws);
        DatasetContext context(ws->catalog(), ws->root());
        DatasetCatalog catalog(context);
        auto dataset = catalog.createDataset(u"i"_s, DatasetTask::Detection);
        QVERIFY(dataset);
        std::optional<Result<StoredImage>> stored;
        std::optional<Result<StoredImage>> tooBig;
        const QString objects = context.objectsDir();
        std::thread worker([&] {
            stored = DatasetItemStore::storeImage(objects, png, 1000, true);
            tooBig = DatasetItemStore::storeImage(objects, png, 199, true);
        });
        worker.join();
        QVERIFY(stored && stored->ok());
        QCOMPARE(stored->value().width, 20);
        QCOMPARE(stored->value().height, 10);
        QVERIFY(ObjectStore(objects).contains(stored->value().hash));
        QVERIFY(tooBig && !tooBig->ok());
        QVERIFY2(tooBig->error().message.contains(u"more than the limit of 199"_s),
                 qPrintable(tooBig->error().message));
        DatasetItemStore items(context);
        QCOMPARE(items.countItems(dataset->id).value(), 0); // no row yet
        auto added = items.addStoredImage(dataset->id, stored->value(), u"a.png"_s);
        QVERIFY(added && !added->duplicate);
        QCOMPARE(added->item.objectHash, stored->value().hash);
        QCOMPARE(added->item.width, 20);
        auto again = items.addImage(dataset->id, png);
        QVERIFY(again && again->duplicate);
        QCOMPARE(again->item.id, added->item.id);
        // The rows' half checks the dataset as addImage does.
        auto texts = catalog.createDataset(u"t"_s, DatasetTask::TextClassification);
        QVERIFY(texts);
        auto refused = items.addStoredImage(texts->id, stored->value(), u"a.png"_s);
        QVERIFY(!refused);
        QCOMPARE(refused.error().message,
                 u"The dataset \"t\" holds text; images cannot be added to it."_s);
        auto none = items.addStoredImage(texts->id + 100, stored->value(), u"a.png"_s);
        QVERIFY(!none);
        QCOMPARE(none.error().code, ErrorCode::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestCocoPlainMembers)
#include "tst_cocoplainmembers.moc"
