// Image dataset formats on golden files (tests/data/datasets/images, made by make_golden.py):
// every importer with its malformed entries reported by file and reason, de-duplication,
// archives (.., absolute paths, links, size cap), round trips import → export → import for
// every format, export of an older version, and re-imports that never lose or double
// annotations.
#include "catalog/database.h"
#include "core/workspace.h"
#include "datasets/annotationstore.h"
#include "datasets/archivereader.h"
#include "datasets/datasetcatalog.h"
#include "datasets/datasetcontext.h"
#include "datasets/datasetitemstore.h"
#include "datasets/datasetversionstore.h"
#include "datasets/formatregistry.h"

#include <QBuffer>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <zlib.h>

#include <cmath>
#include <cstring>

using namespace Qt::StringLiterals;
using namespace atelier;

namespace {

QString golden(const QString &relative)
{
    return QString::fromUtf8(ATELIER_SOURCE_DIR) + u"/tests/data/datasets/images/"_s + relative;
}

bool mentions(const QList<ImportProblem> &problems, const QString &file, const QString &reason)
{
    for (const ImportProblem &p : problems) {
        if (p.file.endsWith(file) && p.reason.contains(reason))
            return true;
    }
    return false;
}

QString describe(const QList<ImportProblem> &problems)
{
    QStringList lines;
    for (const ImportProblem &p : problems)
        lines.append(p.file + u": "_s + p.reason);
    return lines.join(u"\n"_s);
}

/// Every accepted annotation of a dataset as "image-hash kind label geometry", sorted.
QStringList signature(DatasetContext &context, const QString &name, bool withAuthor = false)
{
    auto snap = DatasetVersionStore(context).snapshot(name);
    if (!snap)
        return {u"error: "_s + snap.error().message};
    QStringList lines;
    auto r = [](double v) { return QString::number(std::round(v * 100) / 100); };
    for (const SnapshotItem &s : snap->items) {
        for (const Annotation &a : s.annotations) {
            if (a.state != AnnotationState::Accepted)
                continue;
            QString g;
            if (a.kind == AnnotationKind::Box) {
                const QRectF b = a.rect();
                g = r(b.x()) + u',' + r(b.y()) + u',' + r(b.width()) + u',' + r(b.height());
            } else if (a.kind == AnnotationKind::Polygon) {
                for (const QPointF &p : a.points())
                    g += r(p.x()) + u',' + r(p.y()) + u';';
            }
            lines.append(s.item.objectHash.left(12) + u' ' + toString(a.kind) + u' ' + a.label +
                         u' ' + g + (withAuthor ? u' ' + a.author : QString()));
        }
    }
    lines.sort();
    return lines;
}

/// One ustar entry (header and padded data) of a regular file.
/// A ZIP64 archive of stored entries, as zip tools write it for more than 65,535 entries or
/// past 4 GiB: every size and offset saturated (0xffffffff) in the classic fields, the real
/// values in ZIP64 extra fields, and a ZIP64 end record found through its locator.
QByteArray zip64Archive(const QList<std::pair<QByteArray, QByteArray>> &entries)
{
    auto u16 = [](QByteArray &b, quint16 v) { b.append(char(v & 0xff)).append(char(v >> 8)); };
    auto u32 = [&](QByteArray &b, quint32 v) {
        u16(b, quint16(v & 0xffff));
        u16(b, quint16(v >> 16));
    };
    auto u64 = [&](QByteArray &b, quint64 v) {
        u32(b, quint32(v & 0xffffffffu));
        u32(b, quint32(v >> 32));
    };
    QByteArray archive;
    QByteArray central;
    for (const auto &[name, data] : entries) {
        const quint32 crc =
            quint32(crc32(crc32(0, nullptr, 0), reinterpret_cast<const Bytef *>(data.constData()),
                          uInt(data.size())));
        const quint64 offset = quint64(archive.size());
        QByteArray local;
        u32(local, 0x04034b50);
        u16(local, 45); // version needed: ZIP64
        u16(local, 0);  // flags
        u16(local, 0);  // stored
        u32(local, 0);  // time, date
        u32(local, crc);
        u32(local, 0xffffffffu);
        u32(local, 0xffffffffu);
        u16(local, quint16(name.size()));
        u16(local, 20);
        local += name;
        u16(local, 0x0001);
        u16(local, 16);
        u64(local, quint64(data.size())); // unpacked
        u64(local, quint64(data.size())); // packed
        archive += local + data;

        u32(central, 0x02014b50);
        u16(central, 3 << 8 | 45); // made by Unix
        u16(central, 45);
        u16(central, 0);
        u16(central, 0);
        u32(central, 0);
        u32(central, crc);
        u32(central, 0xffffffffu);
        u32(central, 0xffffffffu);
        u16(central, quint16(name.size()));
        u16(central, 28);
        u16(central, 0);              // comment
        u16(central, 0);              // disk
        u16(central, 0);              // internal attributes
        u32(central, 0100644u << 16); // a regular file
        u32(central, 0xffffffffu);    // local offset: in the extra field
        central += name;
        u16(central, 0x0001);
        u16(central, 24);
        u64(central, quint64(data.size()));
        u64(central, quint64(data.size()));
        u64(central, offset);
    }
    const quint64 centralAt = quint64(archive.size());
    archive += central;
    const quint64 recordAt = quint64(archive.size());
    u32(archive, 0x06064b50);
    u64(archive, 44);
    u16(archive, 45);
    u16(archive, 45);
    u32(archive, 0);
    u32(archive, 0);
    u64(archive, quint64(entries.size()));
    u64(archive, quint64(entries.size()));
    u64(archive, quint64(central.size()));
    u64(archive, centralAt);
    u32(archive, 0x07064b50); // locator
    u32(archive, 0);
    u64(archive, recordAt);
    u32(archive, 1);
    u32(archive, 0x06054b50); // the classic end record, saturated
    u16(archive, 0);
    u16(archive, 0);
    u16(archive, 0xffff);
    u16(archive, 0xffff);
    u32(archive, 0xffffffffu);
    u32(archive, 0xffffffffu);
    u16(archive, 0);
    return archive;
}

QByteArray tarEntry(const QByteArray &name, const QByteArray &data)
{
    QByteArray header(512, '\0');
    std::memcpy(header.data(), name.constData(), size_t(qMin<qsizetype>(name.size(), 100)));
    std::memcpy(header.data() + 100, "0000644", 7);
    std::memcpy(header.data() + 108, "0000000", 7);
    std::memcpy(header.data() + 116, "0000000", 7);
    const QByteArray size = QByteArray::number(data.size(), 8).rightJustified(11, '0');
    std::memcpy(header.data() + 124, size.constData(), 11);
    std::memcpy(header.data() + 136, "00000000000", 11);
    header[156] = '0';
    std::memcpy(header.data() + 257,
                "ustar\0"
                "00",
                8);
    std::memset(header.data() + 148, ' ', 8);
    unsigned sum = 0;
    for (char c : header)
        sum += static_cast<unsigned char>(c);
    const QByteArray check = QByteArray::number(sum, 8).rightJustified(6, '0');
    std::memcpy(header.data() + 148, check.constData(), 6);
    header[154] = '\0';
    QByteArray padded = data;
    padded.append(QByteArray((512 - data.size() % 512) % 512, '\0'));
    return header + padded;
}

} // namespace

class TestImageFormats final : public QObject
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
    int m_counter = 0;

    Result<ImportReport> import(const QString &name, const QString &path, const QString &format,
                                DatasetTask task, bool multiLabel = false)
    {
        ImportOptions options;
        options.format = format;
        options.task = task;
        options.datasetOptions.multiLabel = multiLabel;
        return importDataset(*m_context, name, path, options);
    }
    QString freshDir() { return m_dir.filePath(u"out-"_s + QString::number(++m_counter)); }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        auto ws = Workspace::create(freshDir(), {});
        QVERIFY2(ws, qPrintable(ws ? QString() : ws.error().message));
        m_ws.emplace(std::move(ws.value()));
        m_context = std::make_unique<DatasetContext>(m_ws->catalog(), m_ws->root());
        m_catalog = std::make_unique<DatasetCatalog>(*m_context);
        m_itemStore = std::make_unique<DatasetItemStore>(*m_context);
        m_annotationStore = std::make_unique<AnnotationStore>(*m_context);
        m_versionStore = std::make_unique<DatasetVersionStore>(*m_context);
        m_context->setAuthor(u"tester"_s);
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

    void folderPerClass()
    {
        std::atomic_bool cancel = false;
        qint64 lastDone = -1;
        qint64 lastTotal = -1;
        ImportOptions options;
        options.format = u"folder"_s;
        options.cancel = &cancel;
        options.progress = [&](qint64 done, qint64 total, const QString &) {
            lastDone = done;
            lastTotal = total;
        };
        auto report = importDataset(*m_context, u"pets"_s, golden(u"folder"_s), options);
        QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
        QCOMPARE(report->imported, 5);
        QCOMPARE(report->duplicates, 1);
        QCOMPARE(lastDone, lastTotal);
        QVERIFY(mentions(report->duplicateFiles, u"dog/cat1-again.png"_s, u"cat/cat1.png"_s));
        QVERIFY2(mentions(report->unreadable, u"notes.txt"_s, u"not an image"_s),
                 qPrintable(describe(report->unreadable)));
        QVERIFY(mentions(report->unreadable, u"cat/truncated.jpg"_s, u"image"_s));
        QVERIFY(mentions(report->unreadable, u"dog/broken.png"_s, u"not a readable image"_s));
        // Single label: the duplicate in another class folder cannot add a second label.
        QVERIFY(mentions(report->warnings, u"dog/cat1-again.png"_s, u"one label"_s));
        auto dist = m_annotationStore->labelDistribution(m_catalog->dataset(u"pets"_s)->id);
        QCOMPARE(dist->size(), 2);
        QCOMPARE(dist->at(0).label, u"cat"_s);
        QCOMPARE(dist->at(0).annotations, 2);
        QCOMPARE(dist->at(1).annotations, 2);
        ItemQuery unlabeled;
        unlabeled.status = ItemStatus::Unlabeled;
        QCOMPARE(m_itemStore->countItems(m_catalog->dataset(u"pets"_s)->id, unlabeled).value(), 1);

        // Multi-label: the same image in two class folders carries both labels.
        auto multi =
            import(u"multi"_s, golden(u"folder"_s), u"folder"_s, DatasetTask::Classification, true);
        QVERIFY(multi);
        QVERIFY(multi->warnings.isEmpty());
        QCOMPARE(multi->annotations, 5);

        // Cancelled before the first batch: nothing imported, the report says so.
        cancel = true;
        auto stopped = importDataset(*m_context, u"pets2"_s, golden(u"folder"_s), options);
        QVERIFY(stopped);
        QVERIFY(stopped->cancelled);
        QCOMPARE(stopped->imported, 0);
    }

    void coco()
    {
        auto report =
            import(u"c"_s, golden(u"coco/instances.json"_s), u"coco"_s, DatasetTask::Detection);
        QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
        QCOMPARE(report->imported, 3);
        QCOMPARE(report->annotations, 5);
        QVERIFY(mentions(report->unreadable, u"missing.png"_s, u"missing"_s));
        QVERIFY2(mentions(report->warnings, u"instances.json"_s, u"image id 99"_s),
                 qPrintable(describe(report->warnings)));
        QVERIFY(mentions(report->warnings, u"instances.json"_s, u"category id 42"_s));
        QVERIFY(mentions(report->warnings, u"instances.json"_s, u"no integer \"id\""_s));
        QVERIFY(mentions(report->warnings, u"instances.json"_s, u"listed twice"_s));
        QVERIFY(mentions(report->warnings, u"instances.json"_s, u"\"bbox\" must be"_s));
        const QStringList boxes = signature(*m_context, u"c"_s);
        QCOMPARE(boxes.size(), 5);
        QVERIFY(boxes.join(u'\n').contains(u"box person 30.5,10,12,30"_s));

        auto seg = import(u"s"_s, golden(u"coco"_s), u"coco"_s, DatasetTask::Segmentation);
        QVERIFY(seg);
        // Annotation 4's two polygons are one instance of two parts; the malformed RLE (its
        // runs do not cover the image) is skipped with a warning.
        QCOMPARE(seg->annotations, 4);
        QVERIFY(mentions(seg->warnings, u"instances.json"_s, u"RLE segmentation is malformed"_s));

        // A COCO file that is not JSON is refused as a whole, and leaves no empty dataset.
        QFile bad(m_dir.filePath(u"bad.json"_s));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("{\"images\": [");
        bad.close();
        auto refused = import(u"bad"_s, bad.fileName(), u"coco"_s, DatasetTask::Detection);
        QVERIFY(!refused);
        QVERIFY(refused.error().message.contains(u"not valid JSON"_s));
        QCOMPARE(m_catalog->dataset(u"bad"_s).error().code, ErrorCode::NotFound);
    }

    void voc()
    {
        auto report = import(u"v"_s, golden(u"voc"_s), u"voc"_s, DatasetTask::Detection);
        QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
        QCOMPARE(report->imported, 3);
        QCOMPARE(report->annotations, 4);
        QVERIFY(mentions(report->unreadable, u"broken.xml"_s, u"not valid XML"_s));
        QVERIFY(mentions(report->unreadable, u"ghost.jpg"_s, u"missing"_s));
        QVERIFY2(mentions(report->warnings, u"b.xml"_s, u"clipped"_s),
                 qPrintable(describe(report->warnings)));
        QVERIFY(mentions(report->warnings, u"b.xml"_s, u"lies outside"_s));
        QVERIFY(mentions(report->warnings, u"c.xml"_s, u"no <name>"_s));
        // VOC pixels are 1-based and inclusive: xmin = xmax = 5 is the one column at x 4…5,
        // and 80…130 on a 100-wide image is 79…100 here.
        QVERIFY(signature(*m_context, u"v"_s).join(u'\n').contains(u"box cat 4,4,1,26"_s));
        QVERIFY(signature(*m_context, u"v"_s).join(u'\n').contains(u"box dog 79,59,21,21"_s));
    }

    void yolo()
    {
        auto report = import(u"y"_s, golden(u"yolo"_s), u"yolo"_s, DatasetTask::Detection);
        QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
        QCOMPARE(report->imported, 3);
        QCOMPARE(report->annotations, 3);
        QVERIFY2(mentions(report->warnings, u"y2.txt"_s, u"line 1: expected 5 numbers"_s),
                 qPrintable(describe(report->warnings)));
        QVERIFY(mentions(report->warnings, u"y2.txt"_s, u"class 7"_s));
        QVERIFY(mentions(report->warnings, u"y2.txt"_s, u"not numbers"_s));
        // 0 0.5 0.5 0.2 0.4 on 100×50 → car [40, 15, 20, 20]
        QVERIFY(signature(*m_context, u"y"_s).join(u'\n').contains(u"box car 40,15,20,20"_s));
    }

    void labelme()
    {
        auto report = import(u"l"_s, golden(u"labelme"_s), u"labelme"_s, DatasetTask::Segmentation);
        QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
        QCOMPARE(report->imported, 2); // one of them only as imageData
        QCOMPARE(report->annotations, 4); // the circle is kept (an outline, shape_type circle)
        QVERIFY(mentions(report->unreadable, u"broken.json"_s, u"not valid JSON"_s));
        QVERIFY(!mentions(report->warnings, u"l1.json"_s, u"circle"_s));
    }

    void csvAndJsonl()
    {
        auto csv = import(u"csv"_s, golden(u"csv/labels.csv"_s), u"csv"_s,
                          DatasetTask::Classification, true);
        QVERIFY2(csv, qPrintable(csv ? QString() : csv.error().message));
        QCOMPARE(csv->imported, 3);
        QCOMPARE(csv->annotations, 3);
        QVERIFY(mentions(csv->unreadable, u"missing.png"_s, u"missing"_s));
        QVERIFY(mentions(csv->warnings, u"labels.csv"_s, u"line 6"_s));

        auto jsonl = import(u"jsonl"_s, golden(u"jsonl"_s), u"jsonl"_s, DatasetTask::Detection);
        QVERIFY(jsonl);
        QCOMPARE(jsonl->imported, 2);
        QCOMPARE(jsonl->annotations, 3);
        QVERIFY(mentions(jsonl->warnings, u"annotations.jsonl"_s, u"line 3"_s));
        QVERIFY(mentions(jsonl->warnings, u"annotations.jsonl"_s, u"line 4"_s));
        QVERIFY(signature(*m_context, u"jsonl"_s, true).join(u'\n').contains(u"ann"_s));
        ItemQuery reviewed;
        reviewed.status = ItemStatus::Reviewed;
        QCOMPARE(m_itemStore->countItems(m_catalog->dataset(u"jsonl"_s)->id, reviewed).value(), 1);
    }

    void archives()
    {
        auto evil = import(u"evil"_s, golden(u"archives/evil.zip"_s), u"folder"_s,
                           DatasetTask::Classification);
        QVERIFY2(evil, qPrintable(evil ? QString() : evil.error().message));
        QCOMPARE(evil->imported, 2);
        QVERIFY(mentions(evil->unreadable, u"evil.zip:../../x.png"_s, u".."_s));
        QVERIFY(mentions(evil->unreadable, u"evil.zip:/etc/abs.png"_s, u"absolute"_s));
        QVERIFY(mentions(evil->unreadable, u"evil.zip:shapes/link.png"_s, u"link"_s));
        // The wrapping folder "shapes" is not a label; cat and dog are.
        auto dist = m_annotationStore->labelDistribution(m_catalog->dataset(u"evil"_s)->id);
        QCOMPARE(dist->size(), 2);
        QCOMPARE(dist->at(0).label, u"cat"_s);

        auto tar = import(u"tar"_s, golden(u"archives/shapes.tar.gz"_s), u"folder"_s,
                          DatasetTask::Classification);
        QVERIFY(tar);
        QCOMPARE(tar->imported, 2);
        QVERIFY(mentions(tar->unreadable, u"../escape.png"_s, u".."_s));
        QVERIFY(mentions(tar->unreadable, u"shapes/cat/link.png"_s, u"link"_s));

        ImportOptions capped;
        capped.format = u"folder"_s;
        capped.maxUnpackedBytes = 1024 * 1024;
        auto bomb = importDataset(*m_context, u"bomb"_s, golden(u"archives/bomb.zip"_s), capped);
        QVERIFY(!bomb);
        QVERIFY(bomb.error().message.contains(u"more than 1 MB"_s));

        auto cocoZip =
            import(u"cz"_s, golden(u"archives/coco.zip"_s), u"coco"_s, DatasetTask::Detection);
        QVERIFY2(cocoZip, qPrintable(cocoZip ? QString() : cocoZip.error().message));
        QCOMPARE(cocoZip->imported, 1);
        QCOMPARE(cocoZip->annotations, 1);

        // Nothing is ever written outside the folder given.
        QTemporaryDir dest;
        auto contents =
            ArchiveReader::extract(golden(u"archives/evil.zip"_s), dest.path(), 1 << 20);
        QVERIFY(contents);
        QCOMPARE(contents->files, 2);
        QDirIterator it(dest.path(), QDir::Files | QDir::System, QDirIterator::Subdirectories);
        QStringList written;
        while (it.hasNext())
            written.append(QDir(dest.path()).relativeFilePath(it.next()));
        written.sort();
        QCOMPARE(written, (QStringList{u"shapes/cat/good.png"_s, u"shapes/dog/fine.png"_s}));
        QCOMPARE(ArchiveReader::safeEntryPath(u"a/../../b"_s), QString());
        QCOMPARE(ArchiveReader::safeEntryPath(u"C:\\x"_s), QString());
        QCOMPARE(ArchiveReader::safeEntryPath(u"./a//b"_s), u"a/b"_s);
    }

    // A COCO or labelme file that names an image outside the imported folder ("..", an
    // absolute path) has that entry refused and listed; nothing outside is ever stored.
    void referencesOutsideAreRefused()
    {
        const QString outside = u"refers to a file outside the imported folder"_s;
        auto coco = import(u"ec"_s, golden(u"escape/coco"_s), u"coco"_s, DatasetTask::Detection);
        QVERIFY2(coco, qPrintable(coco ? QString() : coco.error().message));
        QCOMPARE(coco->imported, 1);
        QCOMPARE(coco->annotations, 1);
        QVERIFY2(mentions(coco->unreadable, u"coco/images/img1.png"_s, outside),
                 qPrintable(describe(coco->unreadable)));
        int hostnames = 0;
        for (const ImportProblem &p : coco->unreadable)
            hostnames += p.file.endsWith(u"etc/hostname"_s) && p.reason.contains(outside);
        QCOMPARE(hostnames, 2);

        // The file given directly: the root is its folder.
        auto direct = import(u"ec2"_s, golden(u"escape/coco/instances.json"_s), u"coco"_s,
                             DatasetTask::Detection);
        QVERIFY(direct);
        QCOMPARE(direct->imported + direct->duplicates, 1);
        QVERIFY(mentions(direct->unreadable, u"coco/images/img1.png"_s, outside));

        auto labelme =
            import(u"el"_s, golden(u"escape/labelme"_s), u"labelme"_s, DatasetTask::Segmentation);
        QVERIFY2(labelme, qPrintable(labelme ? QString() : labelme.error().message));
        {
            // Nothing usable: the report lists every refusal, the new dataset is gone again.
            QVERIFY(!labelme->usable());
            QCOMPARE(m_catalog->dataset(u"el"_s).error().code, ErrorCode::NotFound);
            QCOMPARE(labelme->imported, 0);
            QVERIFY2(mentions(labelme->unreadable, u"labelme/l1.png"_s, outside),
                     qPrintable(describe(labelme->unreadable)));
            hostnames = 0;
            for (const ImportProblem &p : labelme->unreadable)
                hostnames += p.file.endsWith(u"etc/hostname"_s) && p.reason.contains(outside);
            QCOMPARE(hostnames, 2);
        }

        // The same from an archive: the root is the folder it was unpacked into.
        QTemporaryDir packed;
        QFile tar(packed.filePath(u"coco.tar"_s));
        QVERIFY(tar.open(QIODevice::WriteOnly));
        QFile image(golden(u"escape/coco/inside.png"_s));
        QVERIFY(image.open(QIODevice::ReadOnly));
        tar.write(tarEntry("set/images/inside.png", image.readAll()));
        tar.write(
            tarEntry("set/annotations/instances.json",
                     R"({"images": [{"id": 1, "file_name": "inside.png", "width": 64, "height": 48},
                {"id": 2, "file_name": "../../../../../../../../../../../../etc/hostname"},
                {"id": 3, "file_name": "/etc/hostname"}],
               "categories": [{"id": 1, "name": "car"}],
               "annotations": [{"id": 1, "image_id": 1, "category_id": 1,
                                "bbox": [1, 1, 10, 10]}]})"));
        tar.write(QByteArray(1024, '\0'));
        tar.close();
        auto fromTar = import(u"etar"_s, tar.fileName(), u"coco"_s, DatasetTask::Detection);
        QVERIFY2(fromTar, qPrintable(fromTar ? QString() : fromTar.error().message));
        QCOMPARE(fromTar->imported + fromTar->duplicates, 1);
        hostnames = 0;
        for (const ImportProblem &p : fromTar->unreadable)
            hostnames += p.file.endsWith(u"etc/hostname"_s) && p.reason.contains(outside);
        QVERIFY2(hostnames == 2, qPrintable(describe(fromTar->unreadable)));

        // A CSV naming an absolute path to a real image elsewhere.
        QTemporaryDir folder;
        QFile csv(folder.filePath(u"labels.csv"_s));
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write("image,label\n");
        csv.write(golden(u"coco/images/img3.png"_s).toUtf8() + ",car\n");
        csv.close();
        auto abs = import(u"ecsv"_s, csv.fileName(), u"csv"_s, DatasetTask::Classification);
        QVERIFY2(abs, qPrintable(abs ? QString() : abs.error().message));
        QCOMPARE(abs->imported, 0);
        QVERIFY2(mentions(abs->unreadable, u"img3.png"_s, outside),
                 qPrintable(describe(abs->unreadable)));
    }

    // Names with control characters and a file that a later entry needs as its folder are
    // refused entry by entry; empty entries still count toward the size cap.
    void archiveEntryNames()
    {
        QTemporaryDir dir;
        QFile tar(dir.filePath(u"names.tar"_s));
        QVERIFY(tar.open(QIODevice::WriteOnly));
        tar.write(tarEntry("a", "first"));
        tar.write(tarEntry("a/b", "second"));
        tar.write(tarEntry("bad\x01name", "third"));
        tar.write(tarEntry("ok.txt", "fine"));
        tar.write(QByteArray(1024, '\0'));
        tar.close();
        QTemporaryDir dest;
        auto contents = ArchiveReader::extract(tar.fileName(), dest.path(), 1 << 20);
        QVERIFY2(contents, qPrintable(contents ? QString() : contents.error().message));
        QCOMPARE(contents->files, 2);
        QList<ImportProblem> refused;
        for (const ArchiveRefusal &r : contents->refused)
            refused.append({r.entry, r.reason});
        QVERIFY(QFileInfo(dest.filePath(u"a"_s)).isFile());
        QVERIFY(QFileInfo(dest.filePath(u"ok.txt"_s)).isFile());
        QVERIFY2(mentions(refused, u"a/b"_s, u"already unpacked"_s), qPrintable(describe(refused)));
        QVERIFY(mentions(refused, u"name"_s, u"control characters"_s));
        QVERIFY(contents->bytes >= 2 * 512);
        QCOMPARE(ArchiveReader::safeEntryPath(u"a\nb"_s), QString());

        // 3000 empty files count as 1.5 MB: over a 1 MB cap.
        QFile many(dir.filePath(u"many.tar"_s));
        QVERIFY(many.open(QIODevice::WriteOnly));
        for (int i = 0; i < 3000; ++i)
            many.write(tarEntry("e" + QByteArray::number(i), QByteArray()));
        many.write(QByteArray(1024, '\0'));
        many.close();
        QTemporaryDir dest2;
        auto bomb = ArchiveReader::extract(many.fileName(), dest2.path(), 1 << 20);
        QVERIFY(!bomb);
        QVERIFY2(bomb.error().message.contains(u"more than 1 MB"_s),
                 qPrintable(bomb.error().message));
    }

    void zip64ArchiveUnpacks()
    {
        QTemporaryDir dir;
        QImage image(16, 16, QImage::Format_RGB32);
        image.fill(Qt::red);
        QByteArray png;
        QBuffer buffer(&png);
        QVERIFY(buffer.open(QIODevice::WriteOnly) && image.save(&buffer, "PNG"));
        QFile zip(dir.filePath(u"big.zip"_s));
        QVERIFY(zip.open(QIODevice::WriteOnly));
        const QByteArray archive = zip64Archive({{"red/a.png", png}, {"notes.txt", "hello"}});
        zip.write(archive);
        zip.close();
        QTemporaryDir dest;
        auto contents = ArchiveReader::extract(zip.fileName(), dest.path(), 1 << 20);
        QVERIFY2(contents, qPrintable(contents ? QString() : contents.error().message));
        QCOMPARE(contents->files, 2);
        QFile text(dest.filePath(u"notes.txt"_s));
        QVERIFY(text.open(QIODevice::ReadOnly));
        QCOMPARE(text.readAll(), QByteArray("hello"));
        QCOMPARE(QImage(dest.filePath(u"red/a.png"_s)).size(), QSize(16, 16));

        // Without its ZIP64 end record the archive is refused, saying why.
        QByteArray cut = archive;
        const qsizetype record = cut.lastIndexOf(QByteArrayLiteral("PK\x06\x06"));
        cut[record + 2] = 'X';
        QFile damaged(dir.filePath(u"damaged.zip"_s));
        QVERIFY(damaged.open(QIODevice::WriteOnly));
        damaged.write(cut);
        damaged.close();
        QTemporaryDir dest2;
        auto refused = ArchiveReader::extract(damaged.fileName(), dest2.path(), 1 << 20);
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(u"ZIP64"_s), qPrintable(refused.error().message));
    }

    void reimportKeepsEverything()
    {
        QVERIFY(import(u"d"_s, golden(u"coco"_s), u"coco"_s, DatasetTask::Detection));
        const QStringList before = signature(*m_context, u"d"_s);
        // The same file again: all duplicates, nothing doubled.
        auto again = import(u"d"_s, golden(u"coco"_s), u"coco"_s, DatasetTask::Detection);
        QVERIFY(again);
        QCOMPARE(again->imported, 0);
        QCOMPARE(again->duplicates, 3);
        QCOMPARE(again->annotations, 0);
        QCOMPARE(signature(*m_context, u"d"_s), before);
        // A broken source into the same dataset: refused or skipped, what is there stays.
        auto broken = import(u"d"_s, golden(u"voc"_s), u"voc"_s, DatasetTask::Detection);
        QVERIFY(broken);
        for (const QString &line : before)
            QVERIFY(signature(*m_context, u"d"_s).contains(line));
        // Another task is refused up front.
        QCOMPARE(import(u"d"_s, golden(u"folder"_s), u"folder"_s, DatasetTask::Classification)
                     .error()
                     .code,
                 ErrorCode::Conflict);
    }

    void roundTrip_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("sourceFormat");
        QTest::addColumn<QString>("format");
        QTest::addColumn<int>("task");
        QTest::addColumn<bool>("multi");
        QTest::addColumn<bool>("authors");
        using T = DatasetTask;
        QTest::newRow("folder") << u"folder"_s << u"folder"_s << u"folder"_s
                                << int(T::Classification) << true << false;
        QTest::newRow("csv") << u"csv/labels.csv"_s << u"csv"_s << u"csv"_s
                             << int(T::Classification) << true << false;
        QTest::newRow("jsonl classification")
            << u"folder"_s << u"folder"_s << u"jsonl"_s << int(T::Classification) << false << true;
        QTest::newRow("jsonl detection")
            << u"coco"_s << u"coco"_s << u"jsonl"_s << int(T::Detection) << false << true;
        QTest::newRow("coco detection")
            << u"coco"_s << u"coco"_s << u"coco"_s << int(T::Detection) << false << true;
        QTest::newRow("coco segmentation")
            << u"coco"_s << u"coco"_s << u"coco"_s << int(T::Segmentation) << false << true;
        QTest::newRow("voc") << u"voc"_s << u"voc"_s << u"voc"_s << int(T::Detection) << false
                             << true;
        QTest::newRow("yolo detection")
            << u"yolo"_s << u"yolo"_s << u"yolo"_s << int(T::Detection) << false << false;
        QTest::newRow("yolo segmentation")
            << u"coco"_s << u"coco"_s << u"yolo"_s << int(T::Segmentation) << false << false;
        QTest::newRow("labelme segmentation") << u"labelme"_s << u"labelme"_s << u"labelme"_s
                                              << int(T::Segmentation) << false << true;
        QTest::newRow("labelme detection")
            << u"voc"_s << u"voc"_s << u"labelme"_s << int(T::Detection) << false << true;
    }

    void roundTrip()
    {
        QFETCH(QString, source);
        QFETCH(QString, sourceFormat);
        QFETCH(QString, format);
        QFETCH(int, task);
        QFETCH(bool, multi);
        QFETCH(bool, authors);
        auto first = import(u"a"_s, golden(source), sourceFormat, DatasetTask(task), multi);
        QVERIFY2(first, qPrintable(first ? QString() : first.error().message));
        const QStringList original = signature(*m_context, u"a"_s, authors);
        QVERIFY(!original.isEmpty());

        const QString out = freshDir();
        ExportOptions options;
        options.format = format;
        auto exported = exportDataset(*m_context, u"a"_s, out, options);
        QVERIFY2(exported, qPrintable(exported ? QString() : exported.error().message));
        QCOMPARE(exported->items, m_catalog->dataset(u"a"_s)->itemCount);

        auto second = import(u"b"_s, out, format, DatasetTask(task), multi);
        QVERIFY2(second, qPrintable(second ? QString() : second.error().message));
        QVERIFY2(second->unreadable.isEmpty(), qPrintable(describe(second->unreadable)));
        QVERIFY2(second->warnings.isEmpty(), qPrintable(describe(second->warnings)));
        QCOMPARE(second->imported, m_catalog->dataset(u"a"_s)->itemCount);
        QCOMPARE(signature(*m_context, u"b"_s, authors), original);
    }

    // Atelier's own JSON lines keep everything the catalog holds: masks, parts, attributes,
    // splits; without --task the content picks segmentation.
    void jsonlKeepsMasksPartsAndAttributes()
    {
        const QString src = freshDir();
        QVERIFY(QDir().mkpath(src + u"/img"_s));
        QImage image(10, 8, QImage::Format_RGB32);
        image.fill(Qt::darkCyan);
        QVERIFY(image.save(src + u"/img/a.png"_s));
        QImage bits(10, 8, QImage::Format_Grayscale8);
        bits.fill(0);
        for (int y = 2; y < 5; ++y)
            bits.scanLine(y)[3] = 255;
        const MaskRle rle = MaskRle::fromImage(bits);
        const QJsonObject mask{{u"label"_s, u"crowd"_s},
                               {u"rle"_s, rle.toUncompressedJson()},
                               {u"attributes"_s, QJsonObject{{u"iscrowd"_s, 1}}}};
        const QJsonObject parts{
            {u"label"_s, u"car"_s},
            {u"points"_s, QJsonArray{QJsonArray{QJsonArray{0, 0}, QJsonArray{2, 0}, QJsonArray{2, 2}},
                                     QJsonArray{QJsonArray{5, 5}, QJsonArray{7, 5}, QJsonArray{7, 7}}}}};
        const QJsonObject line{{u"image"_s, u"img/a.png"_s},
                               {u"split"_s, u"val"_s},
                               {u"attributes"_s, QJsonObject{{u"id"_s, 7}}},
                               {u"annotations"_s, QJsonArray{mask, parts}}};
        QFile file(src + u"/a.jsonl"_s);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n');
        file.close();

        ImportOptions options;
        options.format = u"jsonl"_s;
        auto report = importDataset(*m_context, u"j"_s, src, options);
        QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
        QVERIFY(report->task == DatasetTask::Segmentation);
        QVERIFY2(report->taskReason.contains(u"1 of 1"_s), qPrintable(report->taskReason));
        QCOMPARE(report->annotations, 2);

        auto check = [](const DatasetSnapshot &snap, const QString &where) {
            QCOMPARE(snap.items.size(), 1);
            const SnapshotItem &item = snap.items.first();
            QVERIFY2(item.item.split == u"val"_s, qPrintable(where));
            QCOMPARE(item.item.attributes.value(u"id"_s).toInt(), 7);
            QCOMPARE(item.annotations.size(), 2);
            const Annotation &m = item.annotations[0];
            QVERIFY(m.kind == AnnotationKind::Mask);
            QCOMPARE(m.maskRle()->area(), 3);
            QCOMPARE(m.attributes.value(u"iscrowd"_s).toInt(), 1);
            QCOMPARE(item.annotations[1].parts().size(), 2);
        };
        auto first = m_versionStore->snapshot(u"j"_s);
        QVERIFY(first);
        check(first.value(), u"import"_s);

        const QString out = freshDir();
        ExportOptions exportOptions;
        exportOptions.format = u"jsonl"_s;
        auto exported = exportDataset(*m_context, u"j"_s, out, exportOptions);
        QVERIFY2(exported, qPrintable(exported ? QString() : exported.error().message));
        auto again = importDataset(*m_context, u"j2"_s, out, options);
        QVERIFY2(again, qPrintable(again ? QString() : again.error().message));
        QVERIFY2(again->warnings.isEmpty(), qPrintable(describe(again->warnings)));
        auto second = m_versionStore->snapshot(u"j2"_s);
        QVERIFY(second);
        check(second.value(), u"re-import"_s);
    }

    void exportOlderVersion()
    {
        QVERIFY(import(u"e"_s, golden(u"coco"_s), u"coco"_s, DatasetTask::Detection));
        const QStringList v1 = signature(*m_context, u"e"_s);
        QVERIFY(m_versionStore->createVersion(u"e"_s, u"v1"_s));
        // Edit after the version: remove one annotation, add one.
        auto snap = m_versionStore->snapshot(u"e"_s);
        QVERIFY(m_annotationStore->removeAnnotation(snap->items.first().annotations.first().id));
        QVERIFY(m_annotationStore->addAnnotation(snap->items.first().item.id,
                                                 Annotation::box(u"new"_s, {1, 1, 5, 5})));
        QVERIFY(signature(*m_context, u"e"_s) != v1);

        const QString out = freshDir();
        ExportOptions options;
        options.format = u"coco"_s;
        QVERIFY(exportDataset(*m_context, u"e@1"_s, out, options));
        QVERIFY(import(u"e1"_s, out, u"coco"_s, DatasetTask::Detection));
        QCOMPARE(signature(*m_context, u"e1"_s), v1);
        QCOMPARE(exportDataset(*m_context, u"e@7"_s, freshDir(), options).error().code,
                 ErrorCode::NotFound);
        options.format = u"folder"_s;
        QCOMPARE(exportDataset(*m_context, u"e"_s, freshDir(), options).error().code,
                 ErrorCode::Invalid);
    }
};

QTEST_GUILESS_MAIN(TestImageFormats)
#include "tst_imageformats.moc"
