// COCO polygons read without QJsonDocument (the import's fast path) give what QJsonDocument
// gives: each annotation of a file written in awkward but valid JSON (spaces and newlines,
// exponents, "-0", a key written with an escape, "segmentation" twice, a part too short) is
// imported, and its stored polygon is compared with the segmentation QJsonDocument reads from
// the same annotation text; annotations that are not valid JSON (a number "01", "+1", 1e400, a
// trailing comma) are refused as a whole, as QJsonDocument refuses them. The file follows the COCO
// data format's documented layout (images, annotations with segmentation as lists of
// x, y coordinates, categories).
#include "core/workspace.h"
#include "datasets/datasetcontext.h"
#include "datasets/datasetversionstore.h"
#include "datasets/formatregistry.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace atelier;

namespace {

/// Annotation texts by id, as written into the file (the image is 32×24).
const QList<QByteArray> kValid{
    R"({"id": 1, "image_id": 1, "category_id": 5, "segmentation": [[1, 2, 10, 2, 10, 12]]})",
    R"({"id":2,"image_id":1,"category_id":5,"segmentation":[ [ 1e1 , 1.5E+1 ,
        20 , 10.0, 2e1,2.25e-0 ] ] ,"iscrowd":0})",
    R"({"id": 3, "image_id": 1, "category_id": 5, "segmentation": [[-0, 0, 5, -0.0, 5, 5]]})",
    R"({"id": 4, "image_id": 1, "category_id": 5, "segm\u0065ntation": [[3, 3, 9, 3, 9, 9]]})",
    R"({"id": 5, "image_id": 1, "category_id": 5, "segmentation": [[1, 1, 4, 1, 4, 4]],
        "segmentation": [[2, 2, 6, 2, 6, 6]]})",
    R"({"id": 6, "image_id": 1, "category_id": 5,
        "segmentation": [[1, 1, 2, 2, 3], [4, 4, 8, 4, 8, 8, 4, 8]], "area": 16.5})",
    R"({"id": 7, "image_id": 1, "category_id": 5, "segmentation": [[0.1, 0.2, 31.999999999999996,
        0.30000000000000004, 12.345678901234567, 23.9]], "bbox": [0, 0, 32, 24]})",
    R"({"id": 8, "image_id": 1, "category_id": 5, "segmentation":
        [[1,1,6,1,6,6],[20,20,25,20,25,23]],
        "attributes": {"occluded": true}})",
    // Not JSON by its grammar, but QJsonDocument takes it: read as it reads it.
    R"({"id": 9, "image_id": 1, "category_id": 5, "segmentation": [[1., 2, 10, 2, 10, 12]]})",
};
const QList<QByteArray> kInvalid{
    R"({"id": 20, "image_id": 1, "category_id": 5, "segmentation": [[01, 2, 10, 2, 10, 12]]})",
    R"({"id": 22, "image_id": 1, "category_id": 5, "segmentation": [[+1, 2, 10, 2, 10, 12]]})",
    R"({"id": 23, "image_id": 1, "category_id": 5, "segmentation": [[1e400, 2, 10, 2, 10, 12]]})",
    R"({"id": 24, "image_id": 1, "category_id": 5, "segmentation": [[1, 2, 10, 2, 10, 12],]})",
};

/// The polygon parts QJsonDocument reads from an annotation's text (the reference).
QList<QPolygonF> referenceParts(const QByteArray &text)
{
    QList<QPolygonF> parts;
    const QJsonArray segmentation =
        QJsonDocument::fromJson(text).object().value(u"segmentation"_s).toArray();
    for (const QJsonValue &part : segmentation) {
        const QJsonArray flat = part.toArray();
        if (flat.size() < 6 || flat.size() % 2 != 0)
            continue; // skipped with a warning by the import
        QPolygonF points;
        for (qsizetype i = 0; i + 1 < flat.size(); i += 2)
            points.append(QPointF(flat[i].toDouble(), flat[i + 1].toDouble()));
        parts.append(points);
    }
    return parts;
}

} // namespace

class TestCocoPolygons final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void polygonsReadAsQJsonDocumentReadsThem()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QImage image(32, 24, QImage::Format_RGB32);
        image.fill(Qt::gray);
        QVERIFY(QDir().mkpath(dir.filePath(u"images"_s)));
        QVERIFY(image.save(dir.filePath(u"images/one.png"_s)));
        QByteArray json = R"({"images": [{"id": 1, "file_name": "one.png", "width": 32,
            "height": 24}], "categories": [{"id": 5, "name": "thing"}], "annotations": [)";
        const QList<QByteArray> all = kValid + kInvalid;
        for (qsizetype i = 0; i < all.size(); ++i)
            json += (i ? ",\n" : "") + all[i];
        json += "]}\n";
        QFile file(dir.filePath(u"instances.json"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(json);
        file.close();
        for (const QByteArray &text : kValid)
            QVERIFY2(QJsonDocument::fromJson(text).isObject(), text.constData());
        for (const QByteArray &text : kInvalid)
            QVERIFY2(!QJsonDocument::fromJson(text).isObject(), text.constData());

        auto ws = Workspace::create(dir.filePath(u"ws"_s), {});
        QVERIFY(ws);
        DatasetContext context(ws->catalog(), ws->root());
        ImportOptions options;
        options.format = u"coco"_s;
        options.task = DatasetTask::Segmentation;
        auto report = importDataset(context, u"p"_s, file.fileName(), options);
        QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
        QStringList warnings;
        for (const ImportProblem &w : report->warnings)
            warnings.append(w.reason);
        const QString said = warnings.join(u'\n');
        QCOMPARE(report->annotations, kValid.size());
        for (qsizetype i = 0; i < kInvalid.size(); ++i) {
            const QString refused =
                u"annotation %1 is not a valid JSON object"_s.arg(kValid.size() + i + 1);
            QVERIFY2(said.contains(refused), qPrintable(said));
        }
        QVERIFY2(said.contains(u"annotation id 6: a polygon needs an even number"_s),
                 qPrintable(said));

        auto snap = DatasetVersionStore(context).snapshot(u"p"_s);
        QVERIFY(snap);
        QCOMPARE(snap->items.size(), 1);
        QHash<int, Annotation> byId;
        for (const Annotation &a : snap->items.first().annotations)
            byId.insert(a.attributes.value(u"id"_s).toInt(), a);
        QCOMPARE(byId.size(), kValid.size());
        for (const QByteArray &text : kValid) {
            const QJsonObject given = QJsonDocument::fromJson(text).object();
            const int id = given.value(u"id"_s).toInt();
            QVERIFY2(byId.contains(id), qPrintable(QString::number(id)));
            const Annotation &a = byId.value(id);
            QVERIFY(a.kind == AnnotationKind::Polygon);
            QCOMPARE(a.parts(), referenceParts(text));
            // The other members are kept as COCO wrote them.
            QJsonObject expected = given;
            for (const QString &key :
                 {u"image_id"_s, u"category_id"_s, u"segmentation"_s, u"bbox"_s, u"attributes"_s})
                expected.remove(key);
            if (given.contains(u"attributes"_s))
                expected.insert(u"attributes"_s, given.value(u"attributes"_s));
            QCOMPARE(a.attributes, expected);
        }
        // "-0" is the integer 0 for QJsonDocument; the stored polygon says so too.
        QVERIFY(!std::signbit(byId.value(3).parts().first().first().x()));
    }
};

QTEST_GUILESS_MAIN(TestCocoPolygons)
#include "tst_cocopolygons.moc"
