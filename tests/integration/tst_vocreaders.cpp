// Pascal VOC and PNG mask folders against the real peers: the input is a VOC 2012 devkit
// folder written by PIL and ElementTree following the devkit layout (make_devkit.py: XML with
// difficult / truncated / occluded / pose / parts, ImageSets lists, palette PNG masks, the
// VOC2012 folder linked into the chosen folder), and Atelier's exports are read back by
// torchvision's VOCDetection / VOCSegmentation and PIL (read_voc.py), run as /usr/bin/python3.
#include "core/workspace.h"
#include "datasets/datasetcatalog.h"
#include "datasets/datasetcontext.h"
#include "datasets/datasetitemstore.h"
#include "datasets/datasetversionstore.h"
#include "datasets/formatregistry.h"
#include "datasets/indexedmasks.h"
#include "datasets/vocdevkit.h"
#include "datasets/vocxml.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace atelier;

namespace {

const QString kPython = u"/usr/bin/python3"_s;

QString script(const QString &name)
{
    return QString::fromUtf8(ATELIER_SOURCE_DIR) + u"/tests/data/datasets/voc/"_s + name;
}

/// Runs a script of tests/data/datasets/voc with /usr/bin/python3; its stdout, or a failure.
Result<QByteArray> python(const QString &name, const QStringList &arguments)
{
    QProcess process;
    process.start(kPython, QStringList{script(name)} + arguments);
    if (!process.waitForFinished(180000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        return makeError(ErrorCode::Internal, QString::fromUtf8(process.readAllStandardError()));
    }
    return process.readAllStandardOutput();
}

QJsonValue json(const QByteArray &data)
{
    const QJsonDocument doc = QJsonDocument::fromJson(data);
    return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
}

QString describe(const QList<ImportProblem> &problems)
{
    QStringList lines;
    for (const ImportProblem &p : problems)
        lines.append(p.file + u": "_s + p.reason);
    return lines.join(u"\n"_s);
}

bool mentions(const QList<ImportProblem> &problems, const QString &file, const QString &reason)
{
    for (const ImportProblem &p : problems) {
        if (p.file.endsWith(file) && p.reason.contains(reason))
            return true;
    }
    return false;
}

const SnapshotItem *itemNamed(const DatasetSnapshot &snap, const QString &stem)
{
    for (const SnapshotItem &s : snap.items) {
        if (QFileInfo(s.item.sourceName).completeBaseName() == stem)
            return &s;
    }
    return nullptr;
}

QString splitOf(const DatasetSnapshot &snap, const QString &stem)
{
    const SnapshotItem *s = itemNamed(snap, stem);
    return s ? s->item.split : u"<no item "_s + stem + u'>';
}

} // namespace

class TestVocReaders final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::optional<Workspace> m_ws;
    std::unique_ptr<DatasetContext> m_context;
    std::unique_ptr<DatasetCatalog> m_catalog;
    std::unique_ptr<DatasetItemStore> m_itemStore;
    std::unique_ptr<DatasetVersionStore> m_versionStore;
    QString m_devkit; ///< make_devkit.py's output; import m_devkit/data
    int m_counter = 0;

    QString freshDir() { return m_dir.filePath(u"out-"_s + QString::number(++m_counter)); }
    Result<ImportReport> import(const QString &name, const QString &path, const QString &format,
                                std::optional<DatasetTask> task)
    {
        ImportOptions options;
        options.format = format;
        options.task = task;
        return importDataset(*m_context, name, path, options);
    }
    Result<ExportReport> exportTo(const QString &name, const QString &out, const QString &format)
    {
        ExportOptions options;
        options.format = format;
        return exportDataset(*m_context, name, out, options);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QProcess probe;
        probe.start(kPython, {u"-c"_s, u"import torchvision, PIL, numpy"_s});
        QVERIFY2(probe.waitForFinished(120000) && probe.exitCode() == 0,
                 "/usr/bin/python3 with torchvision, PIL and numpy is needed (Debian: "
                 "python3-torchvision python3-pil python3-numpy; scripts/install-deps)");
        m_devkit = m_dir.filePath(u"devkit"_s);
        auto made = python(u"make_devkit.py"_s, {m_devkit});
        QVERIFY2(made, qPrintable(made ? QString() : made.error().message));
    }
    void init()
    {
        auto ws = Workspace::create(freshDir(), {});
        QVERIFY2(ws, qPrintable(ws ? QString() : ws.error().message));
        m_ws.emplace(std::move(ws.value()));
        m_context = std::make_unique<DatasetContext>(m_ws->catalog(), m_ws->root());
        m_catalog = std::make_unique<DatasetCatalog>(*m_context);
        m_itemStore = std::make_unique<DatasetItemStore>(*m_context);
        m_versionStore = std::make_unique<DatasetVersionStore>(*m_context);
        m_context->setAuthor(u"tester"_s);
    }
    void cleanup()
    {
        m_versionStore.reset();
        m_itemStore.reset();
        m_catalog.reset();
        m_context.reset();
        m_ws.reset();
    }

    void boxesAreOneBased()
    {
        // VOC's xmin = 1, xmax = W covers the whole width: edges 0 and W here, and back.
        QCOMPARE(vocToRect(1, 1, 40, 30), QRectF(0, 0, 40, 30));
        QCOMPARE(vocToRect(5, 6, 20, 25), QRectF(4, 5, 16, 20));
        const VocBox b = rectToVoc(QRectF(4, 5, 16, 20), 40, 30);
        QCOMPARE(QList<int>({b.xmin, b.ymin, b.xmax, b.ymax}), QList<int>({5, 6, 20, 25}));
        QVERIFY(!b.rounded);
        // Fractional edges round to the nearest pixel edge and say so; never outside the image.
        const VocBox r = rectToVoc(QRectF(-0.4, 10.6, 41, 5.2), 40, 30);
        QCOMPARE(QList<int>({r.xmin, r.ymin, r.xmax, r.ymax}), QList<int>({1, 12, 40, 16}));
        QVERIFY(r.rounded);
        // The palette is the devkit's: 1 dark red, 12 (dog) (64, 0, 128), 255 cream.
        QCOMPARE(vocPalette().value(1), qRgb(128, 0, 0));
        QCOMPARE(vocPalette().value(12), qRgb(64, 0, 128));
        QCOMPARE(vocPalette().value(255), qRgb(224, 224, 192));
    }

    void splitListsAndLinks()
    {
        // ImageSets lists as the devkit writes them, one image in two of them.
        const QString root = freshDir();
        QVERIFY(QDir().mkpath(root + u"/ImageSets/Main"_s));
        QVERIFY(QDir().mkpath(root + u"/Annotations"_s));
        auto list = [&](const QString &name, const QByteArray &text) {
            QFile f(root + u"/ImageSets/Main/"_s + name);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(text);
        };
        list(u"train.txt"_s, "a\nb\n");
        list(u"val.txt"_s, "b\nc\n");
        list(u"trainval.txt"_s, "a\nb\nc\nd\n");
        list(u"test.txt"_s, "e\n");
        list(u"dog_train.txt"_s, "z  1\n");
        const VocSplits splits = readVocSplits(root);
        QCOMPARE(splits.byStem.value(u"a"_s), u"train"_s);
        QCOMPARE(splits.byStem.value(u"b"_s), u"train"_s); // in train and val: the first wins
        QCOMPARE(splits.byStem.value(u"c"_s), u"val"_s);
        QCOMPARE(splits.byStem.value(u"d"_s), u"trainval"_s); // only in the union
        QCOMPARE(splits.byStem.value(u"e"_s), u"test"_s);
        QVERIFY(!splits.byStem.contains(u"z"_s)); // a per-class list is not a split
        QCOMPARE(splits.conflicts, QStringList{u"b (train, val)"_s});

        // Written back: trainval = train ∪ val; no split, or one that is no file name, → train.
        qint64 unsplit = 0;
        const auto files = vocSplitFiles({{u"a"_s, u"train"_s},
                                          {u"c"_s, u"val"_s},
                                          {u"f"_s, QString()},
                                          {u"g"_s, u"../../etc"_s}},
                                         unsplit);
        QCOMPARE(files.keys(), (QStringList{u"train"_s, u"trainval"_s, u"val"_s}));
        QCOMPARE(files.value(u"train"_s), QByteArray("a\nf\ng\n"));
        QCOMPARE(files.value(u"trainval"_s), QByteArray("a\nc\nf\ng\n"));
        QCOMPARE(unsplit, 2);

        // Only a linked VOC dataset is followed, never a linked part folder (JPEGImages -> ~).
        const QString chosen = freshDir();
        const QString elsewhere = freshDir();
        QVERIFY(QDir().mkpath(chosen + u"/VOCdevkit"_s));
        QVERIFY(QDir().mkpath(elsewhere + u"/photos"_s));
        QVERIFY(QFile::link(root, chosen + u"/VOCdevkit/VOC2012"_s));
        QVERIFY(QFile::link(elsewhere + u"/photos"_s, chosen + u"/JPEGImages"_s));
        QVERIFY(QFile::link(QDir::rootPath(), chosen + u"/everything"_s));
        QCOMPARE(linkedVocFolders(chosen), QStringList{chosen + u"/VOCdevkit/VOC2012"_s});
    }

    void detectionKeepsEverything()
    {
        auto report = import(u"det"_s, m_devkit + u"/data"_s, u"voc"_s, DatasetTask::Detection);
        QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
        // The linked VOCdevkit/VOC2012 is read; its link to a file elsewhere is not.
        QCOMPARE(report->imported, 3);
        QCOMPARE(report->annotations, 4);
        QVERIFY2(mentions(report->unreadable, u"evil.jpg"_s, u"outside"_s),
                 qPrintable(describe(report->unreadable)));
        // The masks a detection dataset cannot take are counted, not dropped in silence.
        QVERIFY2(mentions(report->warnings, QString(), u"2 segmentation mask PNG"_s),
                 qPrintable(describe(report->warnings)));

        auto snap = m_versionStore->snapshot(u"det"_s);
        QVERIFY(snap);
        const SnapshotItem *first = itemNamed(snap.value(), u"2008_000001"_s);
        QVERIFY(first);
        QCOMPARE(first->item.split, u"train"_s);
        QCOMPARE(splitOf(snap.value(), u"2008_000002"_s), u"val"_s);
        QCOMPARE(splitOf(snap.value(), u"2008_000003"_s), u"train"_s);
        const QJsonObject voc = first->item.attributes.value(u"voc"_s).toObject();
        QCOMPARE(voc.value(u"owner"_s)[u"flickrid"_s].toString(), u"someone"_s);
        QCOMPARE(voc.value(u"source"_s)[u"database"_s].toString(), u"The VOC2008 Database"_s);
        QCOMPARE(voc.value(u"segmented"_s).toString(), u"1"_s);
        QCOMPARE(first->annotations.size(), 2);
        const Annotation &dog = first->annotations[0];
        QCOMPARE(dog.label, u"dog"_s);
        QCOMPARE(dog.rect(), QRectF(4, 5, 16, 20));
        QCOMPARE(dog.attributes.value(u"difficult"_s).toInt(), 1);
        QCOMPARE(dog.attributes.value(u"occluded"_s).toInt(), 1);
        // VOC's defaults (truncated 0, difficult 0, pose Unspecified) are not stored.
        QVERIFY(!dog.attributes.contains(u"truncated"_s));
        QCOMPARE(dog.attributes.value(u"pose"_s).toString(), u"Left"_s);
        const Annotation &person = first->annotations[1];
        QCOMPARE(person.attributes.value(u"truncated"_s).toInt(), 1);
        QVERIFY(!person.attributes.contains(u"difficult"_s));
        QCOMPARE(person.attributes.value(u"voc"_s)[u"part"_s][u"name"_s].toString(), u"head"_s);

        // The export loads in torchvision's VOCDetection as it is.
        const QString out = freshDir();
        auto exported = exportTo(u"det"_s, out, u"voc"_s);
        QVERIFY2(exported, qPrintable(exported ? QString() : exported.error().message));
        QVERIFY2(exported->warnings.isEmpty(), qPrintable(describe(exported->warnings)));
        auto read = python(u"read_voc.py"_s, {u"detection"_s, out});
        QVERIFY2(read, qPrintable(read ? QString() : read.error().message));
        const QJsonObject sets = json(read.value()).toObject();
        QCOMPARE(sets.value(u"train"_s).toArray().size(), 2);
        QCOMPARE(sets.value(u"val"_s).toArray().size(), 1);
        QCOMPARE(sets.value(u"trainval"_s).toArray().size(), 3);
        const QJsonObject train1 = sets.value(u"train"_s)[0].toObject();
        QCOMPARE(train1.value(u"filename"_s).toString(), u"2008_000001.jpg"_s);
        QCOMPARE(train1.value(u"owner"_s)[u"name"_s].toString(), u"Some One"_s);
        const QJsonArray objects = train1.value(u"objects"_s).toArray();
        QCOMPARE(objects.size(), 2);
        QCOMPARE(objects[0][u"name"_s].toString(), u"dog"_s);
        QCOMPARE(objects[0][u"bndbox"_s].toArray(), (QJsonArray{5, 6, 20, 25}));
        QCOMPARE(objects[0][u"difficult"_s].toInt(), 1);
        QCOMPARE(objects[0][u"pose"_s].toString(), u"Left"_s);
        QCOMPARE(objects[0][u"occluded"_s].toString(), u"1"_s);
        QCOMPARE(objects[1][u"bndbox"_s].toArray(), (QJsonArray{24, 3, 38, 28}));
        QCOMPARE(objects[1][u"truncated"_s].toInt(), 1);
        QCOMPARE(objects[1][u"part"_s][u"name"_s].toString(), u"head"_s);
        const QJsonObject val = sets.value(u"val"_s)[0].toObject();
        QCOMPARE(val.value(u"filename"_s).toString(), u"2008_000002.jpg"_s);
        QCOMPARE(val.value(u"objects"_s)[0][u"bndbox"_s].toArray(), (QJsonArray{1, 1, 40, 30}));

        // And Atelier reads its own export back to the same boxes, attributes and splits.
        auto again = import(u"det2"_s, out, u"voc"_s, DatasetTask::Detection);
        QVERIFY2(again, qPrintable(again ? QString() : again.error().message));
        QVERIFY2(again->warnings.isEmpty(), qPrintable(describe(again->warnings)));
        auto snap2 = m_versionStore->snapshot(u"det2"_s);
        const SnapshotItem *back = itemNamed(snap2.value(), u"2008_000001"_s);
        QVERIFY(back);
        QCOMPARE(back->item.split, u"train"_s);
        QCOMPARE(back->annotations[0].rect(), dog.rect());
        QCOMPARE(back->annotations[0].attributes, dog.attributes);
        QCOMPARE(back->annotations[1].attributes, person.attributes);
        QCOMPARE(splitOf(snap2.value(), u"2008_000002"_s), u"val"_s);
    }

    void segmentationFromMasks()
    {
        // No --task: the masks make it a segmentation dataset, and the report says why.
        auto report = import(u"seg"_s, m_devkit + u"/data"_s, u"voc"_s, std::nullopt);
        QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
        QVERIFY(report->task);
        QCOMPARE(atelier::toString(*report->task), atelier::toString(DatasetTask::Segmentation));
        QVERIFY2(report->taskReason.contains(u"SegmentationClass"_s),
                 qPrintable(report->taskReason));
        // 2008_000001: two instance masks; the other two images' boxes become rectangles.
        QCOMPARE(report->annotations, 4);
        QVERIFY2(mentions(report->warnings, QString(), u"2 VOC box(es)"_s),
                 qPrintable(describe(report->warnings)));

        auto snap = m_versionStore->snapshot(u"seg"_s);
        QVERIFY(snap);
        const SnapshotItem *first = itemNamed(snap.value(), u"2008_000001"_s);
        QVERIFY(first);
        QCOMPARE(first->annotations.size(), 2);
        const Annotation &dog = first->annotations[0];
        QCOMPARE(atelier::toString(dog.kind), atelier::toString(AnnotationKind::Mask));
        QCOMPARE(dog.label, u"dog"_s);
        QCOMPARE(dog.maskRle()->area(), qint64(18 * 14));
        QCOMPARE(dog.attributes.value(u"difficult"_s).toInt(), 1);
        QCOMPARE(dog.attributes.value(u"bndbox"_s).toArray(), (QJsonArray{5, 6, 20, 25}));
        QCOMPARE(first->annotations[1].label, u"person"_s);
        QCOMPARE(first->annotations[1].maskRle()->area(), qint64(26 * 15));
        // Void (255) is kept as the item's "void" mask: the dog's one-pixel border.
        auto voidMask = MaskRle::fromJson(first->item.attributes.value(u"void"_s).toObject());
        QVERIFY(voidMask);
        QCOMPARE(voidMask->area(), qint64(20 * 16 - 18 * 14));
        // The class index the PNG used is the label's id.
        const auto labels = m_catalog->labels(snap->dataset.id);
        QVERIFY(labels);
        for (const DatasetLabel &l : labels.value()) {
            if (l.name == u"dog"_s)
                QCOMPARE(l.attributes.value(u"id"_s).toInt(), 12);
        }

        // Exported: the same PNGs, pixel for pixel, as palette images (PIL mode "P").
        const QString out = freshDir();
        auto exported = exportTo(u"seg"_s, out, u"voc"_s);
        QVERIFY2(exported, qPrintable(exported ? QString() : exported.error().message));
        const QString real = m_devkit + u"/real/VOC2012/"_s;
        const QString written = out + u"/VOCdevkit/VOC2012/"_s;
        for (const QString &folder : {u"SegmentationClass/"_s, u"SegmentationObject/"_s}) {
            auto png = python(u"read_voc.py"_s, {u"png"_s, written + folder + u"2008_000001.png"_s,
                                                 real + folder + u"2008_000001.png"_s});
            QVERIFY2(png, qPrintable(png ? QString() : png.error().message));
            const QJsonObject seen = json(png.value()).toObject();
            QCOMPARE(seen.value(u"mode"_s).toString(), u"P"_s);
            QVERIFY2(seen.value(u"equal"_s).toBool(), qPrintable(QString::fromUtf8(png.value())));
            // read_voc.py gives the first 16 colours and the 256th.
            const QJsonArray palette = seen.value(u"palette"_s).toArray();
            auto colour = [&](int at) {
                return QList<int>{palette[at].toInt(), palette[at + 1].toInt(),
                                  palette[at + 2].toInt()};
            };
            QCOMPARE(colour(3), (QList<int>{128, 0, 0}));
            QCOMPARE(colour(48), (QList<int>{224, 224, 192}));
        }
        auto seg = python(u"read_voc.py"_s, {u"segmentation"_s, out});
        QVERIFY2(seg, qPrintable(seg ? QString() : seg.error().message));
        // 2008_000001 and 2008_000003 (train; its box became a rectangle mask).
        const QJsonArray items = json(seg.value()).toArray();
        QCOMPARE(items.size(), 2);
        QCOMPARE(items[0][u"values"_s].toArray(), (QJsonArray{0, 12, 15, 255}));
        // The XML keeps the boxes VOC gave (they include the void border), not the masks'.
        auto det = python(u"read_voc.py"_s, {u"detection"_s, out});
        QVERIFY2(det, qPrintable(det ? QString() : det.error().message));
        const QJsonObject train1 = json(det.value())[u"train"_s][0].toObject();
        QCOMPARE(train1.value(u"objects"_s)[0][u"bndbox"_s].toArray(), (QJsonArray{5, 6, 20, 25}));
        QCOMPARE(train1.value(u"segmented"_s).toString(), u"1"_s);
    }

    void pngMaskFolder()
    {
        // A CVAT-style mask folder: an RGBA PNG image, a palette class PNG, labelmap.txt with
        // classes of its own (one of them unused).
        const QString root = freshDir();
        QVERIFY(QDir().mkpath(root + u"/images"_s));
        QVERIFY(QDir().mkpath(root + u"/SegmentationClass"_s));
        QImage photo(24, 16, QImage::Format_ARGB32);
        photo.fill(qRgba(10, 200, 30, 128));
        QVERIFY(photo.save(root + u"/images/street.png"_s));
        QFile labelmap(root + u"/labelmap.txt"_s);
        QVERIFY(labelmap.open(QIODevice::WriteOnly));
        labelmap.write("# label:color_rgb:parts:actions\nbackground:0,0,0::\nroad:128,0,0::\n"
                       "car:0,128,0::\nbike:128,128,0::\n");
        labelmap.close();
        // The class PNG is written by PIL (the peer): road below, a car, a void border.
        QProcess pil;
        pil.start(kPython,
                  {u"-c"_s,
                   u"import numpy as np, sys\nfrom PIL import Image\n"
                   "a = np.zeros((16, 24), np.uint8); a[10:, :] = 1; a[2:6, 3:9] = 255; "
                   "a[3:5, 4:8] = 2\n"
                   "im = Image.fromarray(a, mode='P'); im.putpalette([0,0,0,128,0,0,0,128,0]+"
                   "[0]*(3*252)+[224,224,192]); im.save(sys.argv[1])"_s,
                   root + u"/SegmentationClass/street.png"_s});
        QVERIFY(pil.waitForFinished(60000) && pil.exitCode() == 0);

        auto report = import(u"masks"_s, root, u"pngmask"_s, std::nullopt);
        QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
        QVERIFY(report->task);
        QCOMPARE(atelier::toString(*report->task), atelier::toString(DatasetTask::Segmentation));
        QCOMPARE(report->imported, 1);
        QCOMPARE(report->annotations, 2);
        auto snap = m_versionStore->snapshot(u"masks"_s);
        QStringList labels;
        for (const DatasetLabel &l : snap->labels)
            labels.append(l.name + u'=' + QString::number(l.attributes.value(u"id"_s).toInt()));
        QCOMPARE(labels, (QStringList{u"road=1"_s, u"car=2"_s, u"bike=3"_s}));
        const SnapshotItem &item = snap->items.first();
        QCOMPARE(item.annotations[0].label, u"road"_s);
        QCOMPARE(item.annotations[0].maskRle()->area(), qint64(6 * 24));
        QCOMPARE(item.annotations[1].label, u"car"_s);
        QCOMPARE(item.annotations[1].maskRle()->area(), qint64(2 * 4));
        QCOMPARE(MaskRle::fromJson(item.item.attributes.value(u"void"_s).toObject())->area(),
                 qint64(4 * 6 - 2 * 4));

        // Back out as a mask folder: the same indices in a palette PNG.
        const QString out = freshDir();
        auto exported = exportTo(u"masks"_s, out, u"pngmask"_s);
        QVERIFY2(exported, qPrintable(exported ? QString() : exported.error().message));
        auto png = python(u"read_voc.py"_s, {u"png"_s, out + u"/SegmentationClass/street.png"_s,
                                             root + u"/SegmentationClass/street.png"_s});
        QVERIFY2(png, qPrintable(png ? QString() : png.error().message));
        QCOMPARE(json(png.value())[u"mode"_s].toString(), u"P"_s);
        QVERIFY2(json(png.value())[u"equal"_s].toBool(),
                 qPrintable(QString::fromUtf8(png.value())));
        QFile map(out + u"/labelmap.txt"_s);
        QVERIFY(map.open(QIODevice::ReadOnly));
        QVERIFY(map.readAll().contains("\nroad:128,0,0::\ncar:0,128,0::\nbike:128,128,0::\n"));

        // As VOC: the PNG image becomes street.jpg, said in the report, and VOCDetection and
        // VOCSegmentation load it.
        // A field from another format (COCO's image id) that VOC cannot hold is named.
        QVERIFY(m_itemStore->mergeItemAttributes(item.item.id, {{u"id"_s, 7}}));
        const QString voc = freshDir();
        auto asVoc = exportTo(u"masks"_s, voc, u"voc"_s);
        QVERIFY2(asVoc, qPrintable(asVoc ? QString() : asVoc.error().message));
        QVERIFY2(mentions(asVoc->warnings, QString(), u"1 PNG image(s) converted to JPEG"_s),
                 qPrintable(describe(asVoc->warnings)));
        QVERIFY(mentions(asVoc->warnings, QString(), u"listed in ImageSets/Main/train.txt"_s));
        QVERIFY(
            mentions(asVoc->warnings, QString(), u"VOC has no place for were left out: id (1)"_s));
        auto det = python(u"read_voc.py"_s, {u"detection"_s, voc});
        QVERIFY2(det, qPrintable(det ? QString() : det.error().message));
        const QJsonObject street = json(det.value())[u"train"_s][0].toObject();
        QCOMPARE(street.value(u"filename"_s).toString(), u"street.jpg"_s);
        QCOMPARE(street.value(u"size"_s).toArray(), (QJsonArray{24, 16}));
        QCOMPARE(street.value(u"objects"_s)[1][u"bndbox"_s].toArray(), (QJsonArray{5, 4, 8, 5}));
        auto seg = python(u"read_voc.py"_s, {u"segmentation"_s, voc});
        QVERIFY2(seg, qPrintable(seg ? QString() : seg.error().message));
        QCOMPARE(json(seg.value())[0][u"values"_s].toArray(), (QJsonArray{0, 1, 2, 255}));
    }
};

QTEST_GUILESS_MAIN(TestVocReaders)
#include "tst_vocreaders.moc"
