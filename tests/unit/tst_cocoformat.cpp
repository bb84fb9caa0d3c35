// COCO import and export lose nothing the catalog can hold (issue #14). The fixture
// (tests/data/datasets/images/coco-lossless, written by its make.py with PIL and numpy, RLE
// strings in pycocotools' codec) has category ids 7/3/90/42 with supercategories and one unused,
// image ids 101.. with file names in sub-folders, a multi-part polygon, crowd RLE in the list
// form and an RLE in the compressed string form, two annotations alike but for their ids. It
// goes through `atelier dataset import` / `export`, and tests/tools/coco_check.py (a checker
// written from the COCO data format, run by /usr/bin/python3) checks the export and compares
// it field by field with the input.
#include "core/workspace.h"
#include "datasets/annotationstore.h"
#include "datasets/datasetcatalog.h"
#include "datasets/datasetcontext.h"
#include "datasets/datasetversionstore.h"
#include "datasets/formatregistry.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace atelier;

namespace {

QString source(const QString &relative)
{
    return QString::fromUtf8(ATELIER_SOURCE_DIR) + u'/' + relative;
}

QString fixture()
{
    return source(u"tests/data/datasets/images/coco-lossless"_s);
}

struct Outcome
{
    int exitCode = -1;
    QString out;
    QString err;
    QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
};

Outcome run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    Outcome outcome;
    if (!process.waitForStarted(10000) || !process.waitForFinished(240000)) {
        process.kill();
        process.waitForFinished();
        outcome.err = u"did not finish"_s;
        return outcome;
    }
    outcome.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    outcome.out = QString::fromUtf8(process.readAllStandardOutput());
    outcome.err = QString::fromUtf8(process.readAllStandardError());
    return outcome;
}

Outcome atelierCli(const QStringList &arguments)
{
    return run(QString::fromUtf8(ATELIER_BINARY), arguments);
}

/// The COCO checker on an export, compared with \a expect when given.
Outcome cocoCheck(const QString &exportDir, const QString &expect = {})
{
    QStringList arguments{source(u"tests/tools/coco_check.py"_s), exportDir};
    if (!expect.isEmpty())
        arguments << u"--expect"_s << expect;
    return run(u"/usr/bin/python3"_s, arguments);
}

QString describe(const QList<ImportProblem> &problems)
{
    QStringList lines;
    for (const ImportProblem &p : problems)
        lines.append(p.file + u": "_s + p.reason);
    return lines.join(u'\n');
}

QString warningsText(const QJsonObject &report)
{
    QStringList lines;
    for (const QJsonValue &w : report.value(u"warnings"_s).toArray())
        lines.append(w.toObject().value(u"reason"_s).toString());
    return lines.join(u'\n');
}

QJsonObject readJson(const QString &file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

bool writeJson(const QString &file, const QJsonObject &json)
{
    QDir().mkpath(QFileInfo(file).absolutePath());
    QFile f(file);
    return f.open(QIODevice::WriteOnly) && f.write(QJsonDocument(json).toJson()) > 0;
}

} // namespace

class TestCocoFormat final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::optional<Workspace> m_ws;
    std::unique_ptr<DatasetContext> m_context;
    std::unique_ptr<DatasetCatalog> m_catalog;
    std::unique_ptr<AnnotationStore> m_annotationStore;
    std::unique_ptr<DatasetVersionStore> m_versionStore;
    int m_counter = 0;

    QString freshDir() { return m_dir.filePath(u"d-"_s + QString::number(++m_counter)); }

    Result<ImportReport> import(const QString &name, const QString &path,
                                std::optional<DatasetTask> task)
    {
        ImportOptions options;
        options.format = u"coco"_s;
        options.task = task;
        return importDataset(*m_context, name, path, options);
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        auto ws = Workspace::create(freshDir(), {});
        QVERIFY2(ws, qPrintable(ws ? QString() : ws.error().message));
        m_ws.emplace(std::move(ws.value()));
        m_context = std::make_unique<DatasetContext>(m_ws->catalog(), m_ws->root());
        m_catalog = std::make_unique<DatasetCatalog>(*m_context);
        m_annotationStore = std::make_unique<AnnotationStore>(*m_context);
        m_versionStore = std::make_unique<DatasetVersionStore>(*m_context);
        m_context->setAuthor(u"tester"_s);
    }
    void cleanup()
    {
        m_versionStore.reset();
        m_annotationStore.reset();
        m_catalog.reset();
        m_context.reset();
        m_ws.reset();
    }

    // Through the command line without --task: segmentation is inferred and said why, and the
    // export reads back field by field in the COCO checker.
    void roundTripThroughTheCli()
    {
        const QString ws = freshDir();
        const Outcome init = atelierCli({u"init"_s, ws});
        QVERIFY2(init.exitCode == 0, qPrintable(init.err));
        const Outcome imported =
            atelierCli({u"dataset"_s, u"import"_s, fixture(), u"--name"_s, u"coco"_s, u"--format"_s,
                        u"coco"_s, u"--workspace"_s, ws, u"--json"_s});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err + imported.out));
        const QJsonObject report = imported.json();
        QCOMPARE(report.value(u"task"_s).toString(), u"segmentation"_s);
        QCOMPARE(report.value(u"task_reason"_s).toString(),
                 u"polygons in 4 and masks in 2 of 6 annotations"_s);
        QCOMPARE(report.value(u"imported"_s).toInt(), 4);
        // 1005 and 1006 differ only in their ids: both are kept, none is "identical".
        QCOMPARE(report.value(u"annotations"_s).toInt(), 6);
        const QString warnings = warningsText(report);
        QVERIFY2(warnings.contains(u"\"licenses\" block is not kept (1 item)"_s),
                 qPrintable(warnings));
        QVERIFY2(warnings.contains(u"\"info\" block is not kept"_s), qPrintable(warnings));
        QVERIFY2(!warnings.contains(u"identical"_s), qPrintable(warnings));
        QCOMPARE(report.value(u"warnings"_s).toArray().size(), 2);

        const QString out = freshDir();
        const Outcome exported =
            atelierCli({u"dataset"_s, u"export"_s, u"coco"_s, u"--format"_s, u"coco"_s, u"--out"_s,
                        out, u"--workspace"_s, ws, u"--json"_s});
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.err + exported.out));
        // The split came from the file name and goes back into it.
        QVERIFY(QFile::exists(out + u"/instances_train.json"_s));
        QVERIFY(QFile::exists(out + u"/images/city/street.png"_s));
        const Outcome check = cocoCheck(out, fixture() + u"/annotations"_s);
        QVERIFY2(check.exitCode == 0, qPrintable(check.out + check.err));
        QVERIFY(check.out.contains(u"OK: 1 files, 4 images, 6 annotations"_s));
    }

    // The checker can fail: a broken RLE, a renumbered category, a split polygon are caught.
    void checkerFindsDamage()
    {
        QVERIFY(import(u"c"_s, fixture(), std::nullopt));
        const QString out = freshDir();
        ExportOptions options;
        options.format = u"coco"_s;
        QVERIFY(exportDataset(*m_context, u"c"_s, out, options));
        const QString file = out + u"/instances_train.json"_s;
        QCOMPARE(cocoCheck(out, fixture() + u"/annotations"_s).exitCode, 0);
        const QJsonObject good = readJson(file);

        QJsonObject coco = good;
        QJsonArray annotations = coco.value(u"annotations"_s).toArray();
        for (qsizetype i = 0; i < annotations.size(); ++i) {
            QJsonObject a = annotations[i].toObject();
            if (a.value(u"iscrowd"_s).toInt() == 1) {
                QJsonObject rle = a.value(u"segmentation"_s).toObject();
                QJsonArray counts = rle.value(u"counts"_s).toArray();
                counts.append(1);
                rle.insert(u"counts"_s, counts);
                a.insert(u"segmentation"_s, rle);
                annotations[i] = a;
            }
        }
        coco.insert(u"annotations"_s, annotations);
        QVERIFY(writeJson(file, coco));
        Outcome bad = cocoCheck(out);
        QCOMPARE(bad.exitCode, 1);
        QVERIFY2(bad.out.contains(u"RLE counts sum to 1201, not 1200"_s), qPrintable(bad.out));

        coco = good;
        QJsonArray categories = coco.value(u"categories"_s).toArray();
        QJsonObject first = categories[0].toObject();
        first.insert(u"id"_s, 1);
        categories[0] = first;
        coco.insert(u"categories"_s, categories);
        QVERIFY(writeJson(file, coco));
        bad = cocoCheck(out, fixture() + u"/annotations"_s);
        QCOMPARE(bad.exitCode, 1);
        QVERIFY2(bad.out.contains(u"categories"_s), qPrintable(bad.out));
    }

    // What the catalog keeps: labels in the categories' order (the unused one too) with id
    // and supercategory, items with their file_name, split and image fields, one instance of
    // several parts, masks with iscrowd / area / id and their RLE form.
    void catalogKeepsWhatCocoSays()
    {
        auto report = import(u"c"_s, fixture(), std::nullopt);
        QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
        QVERIFY(report->task == DatasetTask::Segmentation);
        auto info = m_catalog->dataset(u"c"_s);
        QVERIFY(info);
        auto labels = m_catalog->labels(info->id);
        QVERIFY(labels);
        QStringList names;
        for (const DatasetLabel &l : labels.value())
            names.append(l.name + u':' + QString::number(l.attributes.value(u"id"_s).toInt()) +
                         u':' + l.attributes.value(u"supercategory"_s).toString());
        QCOMPARE(names, (QStringList{u"person:7:human"_s, u"car:3:vehicle"_s,
                                     u"toothbrush:90:indoor"_s, u"dog:42:animal"_s}));

        auto snap = m_versionStore->snapshot(u"c"_s);
        QVERIFY(snap);
        QHash<QString, SnapshotItem> byName;
        for (const SnapshotItem &s : snap->items)
            byName.insert(s.item.sourceName, s);
        QCOMPARE(byName.size(), 4);
        QVERIFY2(byName.contains(u"city/street.png"_s), qPrintable(byName.keys().join(u", ")));
        const SnapshotItem street = byName.value(u"city/street.png"_s);
        QCOMPARE(street.item.split, u"train"_s);
        QCOMPARE(street.item.attributes.value(u"id"_s).toInt(), 101);
        QCOMPARE(street.item.attributes.value(u"coco_url"_s).toString(),
                 u"http://example.org/street.png"_s);
        QCOMPARE(street.annotations.size(), 2);
        for (const Annotation &a : street.annotations) {
            QCOMPARE(toString(a.kind), toString(AnnotationKind::Polygon));
            if (a.attributes.value(u"id"_s).toInt() == 1002)
                QCOMPARE(a.parts().size(), 2);
            else
                QCOMPARE(a.attributes.value(u"area"_s).toDouble(), 150.5);
        }
        const SnapshotItem park = byName.value(u"city/park.png"_s);
        QCOMPARE(park.annotations.size(), 2);
        for (const Annotation &a : park.annotations) {
            QCOMPARE(toString(a.kind), toString(AnnotationKind::Mask));
            const auto rle = a.maskRle();
            QVERIFY(rle);
            QCOMPARE(qint64(a.attributes.value(u"area"_s).toInt()), rle->area());
            if (a.attributes.value(u"iscrowd"_s).toInt() == 1) {
                QCOMPARE(a.attributes.value(u"rle"_s).toString(), u"uncompressed"_s);
                QCOMPARE(rle->bounds(), QRectF(5, 3, 10, 9));
            } else {
                QCOMPARE(a.attributes.value(u"rle"_s).toString(), u"compressed"_s);
                QCOMPARE(rle->bounds(), QRectF(21, 9, 17, 17));
            }
        }
        QVERIFY(byName.value(u"home/empty.png"_s).annotations.isEmpty());
    }

    // New labels, items and annotations get ids no kept one uses.
    void freshIdsForNewThings()
    {
        QVERIFY(import(u"c"_s, fixture(), std::nullopt));
        auto info = m_catalog->dataset(u"c"_s);
        auto snap = m_versionStore->snapshot(u"c"_s);
        QVERIFY(snap);
        qint64 kitchen = 0;
        for (const SnapshotItem &s : snap->items) {
            if (s.item.sourceName == u"home/kitchen.png"_s)
                kitchen = s.item.id;
        }
        QVERIFY(kitchen > 0);
        QVERIFY(m_annotationStore->addAnnotation(
            kitchen, Annotation::polygon(u"cat"_s, QPolygonF{{1, 1}, {6, 1}, {6, 5}})));
        const QString out = freshDir();
        ExportOptions options;
        options.format = u"coco"_s;
        QVERIFY(exportDataset(*m_context, u"c"_s, out, options));
        const Outcome check = cocoCheck(out);
        QVERIFY2(check.exitCode == 0, qPrintable(check.out + check.err));
        const QJsonObject coco = readJson(out + u"/instances_train.json"_s);
        const QJsonArray categories = coco.value(u"categories"_s).toArray();
        QCOMPARE(categories.size(), 5);
        QCOMPARE(categories.last().toObject().value(u"name"_s).toString(), u"cat"_s);
        QCOMPARE(categories.last().toObject().value(u"id"_s).toInt(), 91);
        bool found = false;
        for (const QJsonValue &v : coco.value(u"annotations"_s).toArray()) {
            if (v.toObject().value(u"category_id"_s).toInt() == 91) {
                found = true;
                QCOMPARE(v.toObject().value(u"id"_s).toInt(), 1007);
                QCOMPARE(v.toObject().value(u"image_id"_s).toInt(), 103);
                QCOMPARE(v.toObject().value(u"area"_s).toDouble(), 10.0);
            }
        }
        QVERIFY(found);
    }

    // --task detection keeps the boxes of polygons and masks and counts what it did not keep.
    void detectionCountsShapesItDoesNotKeep()
    {
        auto report = import(u"d"_s, fixture(), DatasetTask::Detection);
        QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
        QCOMPARE(report->annotations, 6);
        const QString w = describe(report->warnings);
        QVERIFY2(w.contains(u"4 polygon(s) not kept as shapes, only their boxes: use --task "
                            "segmentation"_s),
                 qPrintable(w));
        QVERIFY2(w.contains(u"2 RLE mask(s) not kept as shapes"_s), qPrintable(w));
        auto snap = m_versionStore->snapshot(u"d"_s);
        QVERIFY(snap);
        QStringList boxes;
        for (const SnapshotItem &s : snap->items) {
            for (const Annotation &a : s.annotations) {
                QCOMPARE(toString(a.kind), toString(AnnotationKind::Box));
                if (a.attributes.value(u"iscrowd"_s).toInt() == 1)
                    QCOMPARE(a.rect(), QRectF(5, 3, 10, 9));
            }
        }
    }

    // Boxes only: detection, and the reason says so. An archive is not looked in, and says so.
    void inferredTask()
    {
        const QString dir = freshDir();
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(QFile::copy(fixture() + u"/images/home/kitchen.png"_s, dir + u"/k.png"_s));
        const QJsonObject boxes{
            {u"images"_s,
             QJsonArray{QJsonObject{
                 {u"id"_s, 5}, {u"file_name"_s, u"k.png"_s}, {u"width"_s, 32}, {u"height"_s, 24}}}},
            {u"categories"_s, QJsonArray{QJsonObject{{u"id"_s, 1}, {u"name"_s, u"pan"_s}}}},
            {u"annotations"_s, QJsonArray{QJsonObject{{u"id"_s, 1},
                                                      {u"image_id"_s, 5},
                                                      {u"category_id"_s, 1},
                                                      {u"bbox"_s, QJsonArray{1, 2, 3, 4}},
                                                      {u"segmentation"_s, QJsonArray{}}}}}};
        QVERIFY(writeJson(dir + u"/boxes.json"_s, boxes));
        auto report = import(u"b"_s, dir + u"/boxes.json"_s, std::nullopt);
        QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
        QVERIFY(report->task == DatasetTask::Detection);
        QCOMPARE(report->taskReason, u"boxes only in 1 annotation(s)"_s);

        auto zipped =
            import(u"z"_s, source(u"tests/data/datasets/images/archives/coco.zip"_s), std::nullopt);
        QVERIFY2(zipped, qPrintable(zipped ? QString() : zipped.error().message));
        QVERIFY(zipped->task == DatasetTask::Detection);
        QVERIFY2(zipped->taskReason.contains(u"not looked in"_s), qPrintable(zipped->taskReason));
    }

    // Annotations truly alike (no id to tell them apart) are kept once, and counted.
    void identicalAnnotationsAreCounted()
    {
        const QString dir = freshDir();
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(QFile::copy(fixture() + u"/images/home/kitchen.png"_s, dir + u"/k.png"_s));
        const QJsonObject same{
            {u"image_id"_s, 5}, {u"category_id"_s, 1}, {u"bbox"_s, QJsonArray{1, 2, 3, 4}}};
        const QJsonObject coco{
            {u"images"_s, QJsonArray{QJsonObject{{u"id"_s, 5}, {u"file_name"_s, u"k.png"_s}}}},
            {u"categories"_s, QJsonArray{QJsonObject{{u"id"_s, 1}, {u"name"_s, u"pan"_s}}}},
            {u"annotations"_s, QJsonArray{same, same, same}}};
        QVERIFY(writeJson(dir + u"/same.json"_s, coco));
        auto report = import(u"s"_s, dir + u"/same.json"_s, DatasetTask::Detection);
        QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
        QCOMPARE(report->annotations, 1);
        QVERIFY2(describe(report->warnings).contains(u"2 annotation(s) identical"_s),
                 qPrintable(describe(report->warnings)));
    }

    // The import scans the file rather than parsing it whole: quotes, backslashes and brackets
    // inside strings do not mislead it; one broken annotation is skipped and named, not the
    // whole file; a truncated file is still refused with the parser's reason.
    void scannerReadsAwkwardText()
    {
        const QString dir = freshDir();
        QVERIFY(QDir().mkpath(dir));
        const QString awkward = u"a \"quoted\" [1] {x} \\ é.png"_s;
        QVERIFY(QFile::copy(fixture() + u"/images/home/kitchen.png"_s,
                            dir + u"/a \"quoted\" [1] {x} \\ é.png"_s));
        QFile file(dir + u"/awkward.json"_s);
        QVERIFY(QFile::copy(source(u"tests/data/datasets/images/coco-awkward.json"_s),
                            file.fileName()));
        QVERIFY(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
        auto report = import(u"w"_s, file.fileName(), DatasetTask::Detection);
        QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
        QCOMPARE(report->imported, 1);
        QCOMPARE(report->annotations, 2);
        QVERIFY2(describe(report->warnings).contains(u"annotation 2 is not a valid JSON object"_s),
                 qPrintable(describe(report->warnings)));
        auto snap = m_versionStore->snapshot(u"w"_s);
        QVERIFY(snap);
        QCOMPARE(snap->items.first().item.sourceName, awkward);
        QCOMPARE(snap->items.first().item.attributes.value(u"note"_s).toString(), u"]}[{\\"_s);
        QCOMPARE(snap->labels.first().name, u"pan \"big\" ]"_s);
        bool found = false;
        for (const Annotation &a : snap->items.first().annotations) {
            if (a.attributes.value(u"id"_s).toInt() == 1) {
                found = true;
                QCOMPARE(a.attributes.value(u"attributes"_s).toObject().value(u"text"_s).toString(),
                         u"} ] \" {"_s);
            }
        }
        QVERIFY(found);

        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("{\"images\": [{\"id\": 1, \"file_name\": \"x.png\"}], "
                   "\"annotations\": [{\"id\": 1");
        file.close();
        auto truncated = import(u"t"_s, file.fileName(), DatasetTask::Detection);
        QVERIFY(!truncated);
        QVERIFY2(truncated.error().message.contains(u"not valid JSON"_s),
                 qPrintable(truncated.error().message));
    }
};

QTEST_GUILESS_MAIN(TestCocoFormat)
#include "tst_cocoformat.moc"
