// YOLO and labelme keep what they carry (issue #14): class ids and order, unused classes,
// splits, coordinates that stay inside the image, YOLO-seg, labelme's shape types, group_id,
// flags and descriptions. The exports are read by the real peers: labelme's own LabelFile,
// and a script that checks the Ultralytics layout with python3-yaml; labelme test input is
// written by labelme's own LabelFile().save.
#include "core/workspace.h"
#include "datasets/annotationstore.h"
#include "datasets/datasetcatalog.h"
#include "datasets/datasetcontext.h"
#include "datasets/datasetitemstore.h"
#include "datasets/datasetversionstore.h"
#include "datasets/formatregistry.h"
#include "datasets/yoloyaml.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineF>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace atelier;

namespace {

QString golden(const QString &relative)
{
    return QString::fromUtf8(ATELIER_SOURCE_DIR) + u"/tests/data/datasets/images/"_s + relative;
}

QString describe(const QList<ImportProblem> &problems)
{
    QStringList lines;
    for (const ImportProblem &p : problems)
        lines.append(p.file + u": "_s + p.reason);
    return lines.join(u"\n"_s);
}

bool mentions(const QList<ImportProblem> &problems, const QString &reason)
{
    for (const ImportProblem &p : problems) {
        if (p.reason.contains(reason))
            return true;
    }
    return false;
}

/// Runs /usr/bin/python3 with \a arguments (an argv list); its stdout, or an error text in
/// \a error.
QByteArray python(const QStringList &arguments, QString &error)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s); // labelme imports qtpy
    process.setProcessEnvironment(env);
    process.start(u"/usr/bin/python3"_s, arguments);
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        error = u"python3 "_s + arguments.join(u' ') + u" failed: "_s +
                QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
        return {};
    }
    return process.readAllStandardOutput();
}

QJsonValue pythonJson(const QStringList &arguments, QString &error)
{
    const QByteArray out = python(arguments, error);
    if (!error.isEmpty())
        return {};
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(out, &parse);
    if (doc.isNull())
        error = u"not JSON: "_s + QString::fromUtf8(out);
    return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
}

/// The task an import reports, -1 when none.
int taskOf(const ImportReport &report)
{
    return report.task ? int(*report.task) : -1;
}

QStringList labelNames(const QList<DatasetLabel> &labels)
{
    QStringList names;
    for (const DatasetLabel &l : labels)
        names.append(l.name);
    return names;
}

/// A shape as labelme's reader gave it, in a form to compare: points rounded to 1e-6, our own
/// atelier_author left out.
QString canonicalShape(QJsonObject shape)
{
    QJsonArray points;
    for (const QJsonValue &p : shape.value(u"points"_s).toArray()) {
        const QJsonArray xy = p.toArray();
        points.append(QJsonArray{std::round(xy[0].toDouble() * 1e6) / 1e6,
                                 std::round(xy[1].toDouble() * 1e6) / 1e6});
    }
    shape.insert(u"points"_s, points);
    QJsonObject other = shape.value(u"other_data"_s).toObject();
    other.remove(u"atelier_author"_s);
    shape.insert(u"other_data"_s, other);
    return QString::fromUtf8(QJsonDocument(shape).toJson(QJsonDocument::Compact));
}

/// What labelme's reader read of each file: file → (flags, otherData, sorted shapes).
QMap<QString, QStringList> labelmeView(const QJsonArray &files, const QStringList &dropTypes = {})
{
    QMap<QString, QStringList> view;
    for (const QJsonValue &v : files) {
        const QJsonObject f = v.toObject();
        QStringList lines;
        lines.append(u"flags "_s + QString::fromUtf8(QJsonDocument(f.value(u"flags"_s).toObject())
                                                         .toJson(QJsonDocument::Compact)));
        lines.append(
            u"other "_s +
            QString::fromUtf8(
                QJsonDocument(f.value(u"otherData"_s).toObject()).toJson(QJsonDocument::Compact)));
        lines.append(u"image "_s + f.value(u"imagePath"_s).toString());
        QStringList shapes;
        for (const QJsonValue &s : f.value(u"shapes"_s).toArray()) {
            if (!dropTypes.contains(s.toObject().value(u"shape_type"_s).toString()))
                shapes.append(canonicalShape(s.toObject()));
        }
        shapes.sort();
        view.insert(f.value(u"file"_s).toString(), lines + shapes);
    }
    return view;
}

QStringList jsonFiles(const QString &folder)
{
    QStringList files;
    QDirIterator it(folder, {u"*.json"_s}, QDir::Files);
    while (it.hasNext())
        files.append(it.next());
    files.sort();
    return files;
}

/// Label rows of a YOLO export: relative label file → its lines.
QMap<QString, QStringList> labelRows(const QString &folder)
{
    QMap<QString, QStringList> rows;
    QDirIterator it(folder + u"/labels"_s, {u"*.txt"_s}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        rows.insert(QDir(folder).relativeFilePath(file),
                    QString::fromUtf8(f.readAll()).split(u'\n', Qt::SkipEmptyParts));
    }
    return rows;
}

/// A YOLO decimal in millionths, exactly ("0.123456" → 123456).
qint64 millionths(const QString &value)
{
    const qsizetype dot = value.indexOf(u'.');
    const QString whole = dot < 0 ? value : value.left(dot);
    const QString fraction = dot < 0 ? QString() : value.mid(dot + 1);
    return whole.toLongLong() * 1000000 + fraction.leftJustified(6, u'0').left(6).toLongLong();
}

} // namespace

class TestYoloLabelme final : public QObject
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
                                std::optional<DatasetTask> task)
    {
        ImportOptions options;
        options.format = format;
        options.task = task;
        return importDataset(*m_context, name, path, options);
    }
    Result<ExportReport> exportTo(const QString &name, const QString &format, const QString &out)
    {
        ExportOptions options;
        options.format = format;
        return exportDataset(*m_context, name, out, options);
    }
    QString freshDir() { return m_dir.filePath(u"d-"_s + QString::number(++m_counter)); }
    QList<DatasetLabel> labels(const QString &dataset)
    {
        return m_catalog->labels(m_catalog->dataset(dataset)->id).value();
    }
    /// image file name → split
    QMap<QString, QString> splits(const QString &dataset)
    {
        QMap<QString, QString> map;
        const auto snapshot = m_versionStore->snapshot(dataset);
        for (const SnapshotItem &s : snapshot->items)
            map.insert(QFileInfo(s.item.sourceName).fileName(), s.item.split);
        return map;
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

    // --- the data.yaml reader -------------------------------------------------------------

    void yamlNames_data()
    {
        QTest::addColumn<QString>("yaml");
        QTest::addColumn<QStringList>("names");
        const QStringList abc{u"a"_s, u"b: two"_s, u"c"_s};
        QTest::newRow("flow list") << u"names: [a, 'b: two', \"c\"]\n"_s << abc;
        QTest::newRow("flow list over lines") << u"names: [a,\n  'b: two',\n  c]  # end\n"_s << abc;
        QTest::newRow("block list") << u"names:\n  - a\n  - 'b: two'\n  - c\n"_s << abc;
        QTest::newRow("block list, no indent") << u"names:\n- a\n- 'b: two'\n- c\nnc: 3\n"_s << abc;
        QTest::newRow("index map") << u"nc: 3\nnames:\n  0: a\n  1: 'b: two'\n  2: c\n"_s << abc;
        QTest::newRow("index map, unordered")
            << u"names:\n  2: c\n  0: a # first\n  1: \"b: two\"\n"_s << abc;
        QTest::newRow("flow map") << u"names: {0: a, 1: 'b: two', 2: c}\n"_s << abc;
        QTest::newRow("quote in a name") << u"names: ['it''s', \"say \\\"hi\\\"\"]\n"_s
                                         << QStringList{u"it's"_s, u"say \"hi\""_s};
        QTest::newRow("Windows line ends")
            << u"names:\r\n  - a\r\n  - 'b: two'\r\n  - c\r\n"_s << abc;
        QTest::newRow("download script ignored")
            << u"download: |\n  import x\n  x.get('names: [q]')\nnames: [a]\n"_s
            << QStringList{u"a"_s};
    }
    void yamlNames()
    {
        QFETCH(QString, yaml);
        QFETCH(QStringList, names);
        const YoloYaml parsed = YoloYaml::parse(yaml);
        QVERIFY2(parsed.problems.isEmpty(), qPrintable(parsed.problems.join(u'\n')));
        QVERIFY(parsed.hasNames);
        QCOMPARE(parsed.names.values(), names);
        QCOMPARE(parsed.names.keys().last(), int(names.size() - 1));
    }

    void yamlRefused_data()
    {
        QTest::addColumn<QString>("yaml");
        QTest::addColumn<QString>("problem");
        QTest::newRow("scalar") << u"names: cat\n"_s << u"neither a list nor an index map"_s;
        QTest::newRow("nested map") << u"names:\n  0:\n    en: cat\n"_s << u"index: name"_s;
        QTest::newRow("word keys") << u"names:\n  cat: 0\n"_s << u"index: name"_s;
        QTest::newRow("stray line") << u"names: [a]\n  - b\n"_s << u"indented lines"_s;
        QTest::newRow("not key value") << u"just text\nnames: [a]\n"_s << u"line 1"_s;
    }
    void yamlRefused()
    {
        QFETCH(QString, yaml);
        QFETCH(QString, problem);
        const YoloYaml parsed = YoloYaml::parse(yaml);
        QVERIFY2(parsed.problems.join(u'\n').contains(problem),
                 qPrintable(parsed.problems.join(u'\n')));
    }

    void yamlSplits()
    {
        const YoloYaml parsed = YoloYaml::parse(
            u"path: /data/x\ntrain: [images/a, images/b]\nval:\n  - images/v\ntest:\nnc: 2\n"
            "names: [p]\n"_s);
        QCOMPARE(parsed.path, u"/data/x"_s);
        QCOMPARE(parsed.splits.value(u"train"_s), (QStringList{u"images/a"_s, u"images/b"_s}));
        QCOMPARE(parsed.splits.value(u"val"_s), QStringList{u"images/v"_s});
        QVERIFY(!parsed.splits.contains(u"test"_s));
        QCOMPARE(parsed.nc.value_or(-1), 2);
        QVERIFY(parsed.problems.join(u'\n').contains(u"nc: 2 but names: lists 1"_s));
    }

    // --- YOLO -------------------------------------------------------------------------------

    // Classes keep data.yaml's order and ids (unused ones too), images their split; the export
    // writes them back in the Ultralytics layout, which the checker reads.
    void yoloClassesAndSplits()
    {
        auto report =
            import(u"u"_s, golden(u"yolo-ultralytics"_s), u"yolo"_s, DatasetTask::Detection);
        QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
        QVERIFY2(report->warnings.isEmpty(), qPrintable(describe(report->warnings)));
        QCOMPARE(report->annotations, 4);
        const QStringList classes{u"zebra"_s, u"apple"_s, u"unused: never drawn"_s, u"car"_s};
        QCOMPARE(labelNames(labels(u"u"_s)), classes);
        for (int i = 0; i < 4; ++i)
            QCOMPARE(labels(u"u"_s)[i].attributes.value(u"id"_s).toInt(-1), i);
        const QMap<QString, QString> expectedSplits{
            {u"t1.png"_s, u"train"_s}, {u"t2.png"_s, u"train"_s}, {u"v1.png"_s, u"val"_s}};
        QCOMPARE(splits(u"u"_s), expectedSplits);

        // A label made later, without a class id, gets the next free one.
        auto item = m_versionStore->snapshot(u"u"_s)->items.first().item;
        QVERIFY(
            m_annotationStore->addAnnotation(item.id, Annotation::box(u"late"_s, {1, 1, 10, 10})));

        const QString out = freshDir();
        auto exported = exportTo(u"u"_s, u"yolo"_s, out);
        QVERIFY2(exported, qPrintable(exported ? QString() : exported.error().message));
        QVERIFY2(exported->warnings.isEmpty(), qPrintable(describe(exported->warnings)));
        QString error;
        const QJsonObject layout =
            pythonJson({golden(u"check_yolo_layout.py"_s), out}, error).toObject();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(layout.value(u"names"_s).toVariant().toStringList(),
                 classes + QStringList{u"late"_s});
        const QJsonObject layoutSplits = layout.value(u"splits"_s).toObject();
        QCOMPARE(layoutSplits.value(u"train"_s).toVariant().toStringList(),
                 (QStringList{u"images/train/t1.png"_s, u"images/train/t2.png"_s}));
        QCOMPARE(layoutSplits.value(u"val"_s).toVariant().toStringList(),
                 QStringList{u"images/val/v1.png"_s});
        const auto rows = labelRows(out);
        QCOMPARE(rows.value(u"labels/train/t2.txt"_s),
                 QStringList{u"3 0.500000 0.500000 1.000000 1.000000"_s});
        QCOMPARE(rows.value(u"labels/val/v1.txt"_s).value(0).left(2), u"1 "_s);

        // And back: the same classes, ids and splits, nothing to warn about.
        auto again = import(u"u2"_s, out, u"yolo"_s, std::nullopt);
        QVERIFY2(again, qPrintable(again ? QString() : again.error().message));
        QVERIFY2(again->warnings.isEmpty(), qPrintable(describe(again->warnings)));
        QCOMPARE(taskOf(again.value()), int(DatasetTask::Detection));
        QCOMPARE(labelNames(labels(u"u2"_s)), classes + QStringList{u"late"_s});
        QCOMPARE(labels(u"u2"_s).last().attributes.value(u"id"_s).toInt(), 4);
        QCOMPARE(splits(u"u2"_s), expectedSplits);
    }

    // Class ids as the labels carry them: a gap keeps the ids (placeholders fill it), a taken
    // id is refused for the next free one; both are said in the report.
    void yoloClassIdGapsAndClashes()
    {
        QVERIFY(import(u"u"_s, golden(u"yolo-ultralytics"_s), u"yolo"_s, DatasetTask::Detection));
        const qint64 id = m_catalog->dataset(u"u"_s)->id;
        QVERIFY(m_catalog->setLabelAttributes(id, u"car"_s, QJsonObject{{u"id"_s, 7}}));
        QVERIFY(m_catalog->setLabelAttributes(id, u"apple"_s, QJsonObject{{u"id"_s, 0}}));
        const QString out = freshDir();
        auto exported = exportTo(u"u"_s, u"yolo"_s, out);
        QVERIFY2(exported, qPrintable(exported ? QString() : exported.error().message));
        QVERIFY2(mentions(exported->warnings, u"no label has the class id(s) 3, 4, 5, 6"_s),
                 qPrintable(describe(exported->warnings)));
        QVERIFY2(mentions(exported->warnings, u"\"apple\" has the class id 0"_s),
                 qPrintable(describe(exported->warnings)));
        QString error;
        const QJsonObject layout =
            pythonJson({golden(u"check_yolo_layout.py"_s), out}, error).toObject();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(layout.value(u"names"_s).toVariant().toStringList(),
                 (QStringList{u"zebra"_s, u"apple"_s, u"unused: never drawn"_s, u"class_3"_s,
                              u"class_4"_s, u"class_5"_s, u"class_6"_s, u"car"_s}));
        QCOMPARE(labelRows(out).value(u"labels/train/t2.txt"_s).value(0).left(2), u"7 "_s);
    }

    // Images without a split, or in a split Ultralytics does not know, are written in their
    // own folders and the report says they are not in data.yaml.
    void yoloSplitsUltralyticsCannotList()
    {
        QVERIFY(import(u"u"_s, golden(u"yolo-ultralytics"_s), u"yolo"_s, DatasetTask::Detection));
        const auto snapshot = m_versionStore->snapshot(u"u"_s);
        for (const SnapshotItem &s : snapshot->items) {
            if (s.item.sourceName.endsWith(u"t2.png"_s))
                QVERIFY(m_itemStore->setItemSplit(s.item.id, u"holdout"_s));
        }
        const QString png = m_dir.filePath(u"loose.png"_s);
        QImage image(20, 20, QImage::Format_RGB32);
        image.fill(Qt::yellow);
        QVERIFY(image.save(png));
        QVERIFY(m_itemStore->addImage(snapshot->dataset.id, png));

        const QString out = freshDir();
        auto exported = exportTo(u"u"_s, u"yolo"_s, out);
        QVERIFY2(exported, qPrintable(exported ? QString() : exported.error().message));
        QCOMPARE(exported->warnings.size(), 2);
        QVERIFY2(mentions(exported->warnings, u"1 image(s) without a split"_s),
                 qPrintable(describe(exported->warnings)));
        QVERIFY2(mentions(exported->warnings, u"Ultralytics does not know"_s),
                 qPrintable(describe(exported->warnings)));
        QVERIFY(QFile::exists(out + u"/images/holdout/t2.png"_s));
        QVERIFY(QFile::exists(out + u"/labels/holdout/t2.txt"_s));
        QVERIFY(QFile::exists(out + u"/images/loose.png"_s));
        QString error;
        const QJsonObject layout =
            pythonJson({golden(u"check_yolo_layout.py"_s), out}, error).toObject();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(layout.value(u"splits"_s).toObject().value(u"train"_s).toVariant().toStringList(),
                 QStringList{u"images/train/t1.png"_s});
        // And back: the folders give the splits again.
        QVERIFY(import(u"u2"_s, out, u"yolo"_s, DatasetTask::Detection));
        const QMap<QString, QString> expected{{u"t1.png"_s, u"train"_s},
                                              {u"t2.png"_s, u"holdout"_s},
                                              {u"v1.png"_s, u"val"_s},
                                              {u"loose.png"_s, QString()}};
        QCOMPARE(splits(u"u2"_s), expected);
    }

    // Roboflow's layout: train/images, valid/images and a data.yaml with "../train/images"
    // (read as Ultralytics does); a label file without its image is counted.
    void yoloRoboflowLayout()
    {
        const QString root = freshDir();
        auto write = [](const QString &file, const QByteArray &data) {
            QDir().mkpath(QFileInfo(file).absolutePath());
            QFile f(file);
            return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
        };
        QVERIFY(write(root + u"/data.yaml"_s,
                      "train: ../train/images\nval: ../valid/images\ntest: ../test/images\n\n"
                      "nc: 2\nnames: ['cat', 'dog']\n\nroboflow:\n  workspace: w\n"
                      "  version: 3\n"));
        const QList<std::pair<QString, Qt::GlobalColor>> images{
            {u"train/images/a.png"_s, Qt::red},
            {u"valid/images/b.png"_s, Qt::green},
            {u"test/images/c.png"_s, Qt::blue}};
        for (const auto &[file, colour] : images) {
            QImage image(40, 30, QImage::Format_RGB32);
            image.fill(colour);
            QDir().mkpath(QFileInfo(root + u'/' + file).absolutePath());
            QVERIFY(image.save(root + u'/' + file));
        }
        QVERIFY(write(root + u"/train/labels/a.txt"_s, "1 0.5 0.5 0.5 0.5\n"));
        QVERIFY(write(root + u"/valid/labels/b.txt"_s, "0 0.5 0.5 0.5 0.5\n"));
        QVERIFY(write(root + u"/valid/labels/gone.txt"_s, "0 0.5 0.5 0.5 0.5\n"));
        auto report = import(u"r"_s, root, u"yolo"_s, std::nullopt);
        QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
        QCOMPARE(report->warnings.size(), 1);
        QVERIFY2(report->warnings.first().file.endsWith(u"valid/labels/gone.txt"_s) &&
                     report->warnings.first().reason.contains(u"1 label file(s) without"_s),
                 qPrintable(describe(report->warnings)));
        const QMap<QString, QString> expected{
            {u"a.png"_s, u"train"_s}, {u"b.png"_s, u"val"_s}, {u"c.png"_s, u"test"_s}};
        QCOMPARE(splits(u"r"_s), expected);
        QCOMPARE(labelNames(labels(u"r"_s)), (QStringList{u"cat"_s, u"dog"_s}));
    }

    // Boxes touching every edge of an image: the 6 decimals never leave [0, 1] (the centre
    // and size are exact so that cx ∓ w/2 stays inside), and a re-import gives the same
    // pixels ± 0.01 without a single warning.
    void yoloEdges()
    {
        auto made = m_catalog->createDataset(u"e"_s, DatasetTask::Detection);
        QVERIFY(made);
        const QString png = m_dir.filePath(u"edges.png"_s);
        QImage image(1000, 700, QImage::Format_RGB32);
        image.fill(Qt::darkCyan);
        QVERIFY(image.save(png));
        auto added = m_itemStore->addImage(made->id, png);
        QVERIFY(added);
        const QList<QRectF> boxes{{0, 0, 246.9126, 100},          // left, top
                                  {753.0874, 600, 246.9126, 100}, // right, bottom
                                  {0, 0, 1000, 700},              // all four
                                  {333.3333, 0, 100.00005, 700},  // top and bottom
                                  {0, 123.4563, 1000, 246.9126}}; // left and right
        for (const QRectF &r : boxes)
            QVERIFY(
                m_annotationStore->addAnnotation(added->item.id, Annotation::box(u"edge"_s, r)));

        const QString out = freshDir();
        auto exported = exportTo(u"e"_s, u"yolo"_s, out);
        QVERIFY2(exported, qPrintable(exported ? QString() : exported.error().message));
        const QStringList rows = labelRows(out).value(u"labels/edges.txt"_s);
        QCOMPARE(rows.size(), boxes.size());
        for (const QString &row : rows) {
            const QStringList v = row.split(u' ');
            QCOMPARE(v.size(), 5);
            for (int axis = 0; axis < 2; ++axis) {
                const qint64 centre = millionths(v[1 + axis]);
                const qint64 size = millionths(v[3 + axis]);
                QVERIFY2(2 * centre - size >= 0 && 2 * centre + size <= 2000000,
                         qPrintable(u"leaves the image: "_s + row));
            }
        }
        QString error;
        python({golden(u"check_yolo_layout.py"_s), out}, error);
        QVERIFY2(error.isEmpty(), qPrintable(error));

        auto again = import(u"e2"_s, out, u"yolo"_s, DatasetTask::Detection);
        QVERIFY2(again, qPrintable(again ? QString() : again.error().message));
        QVERIFY2(again->warnings.isEmpty(), qPrintable(describe(again->warnings)));
        const QList<Annotation> back = m_versionStore->snapshot(u"e2"_s)->items.first().annotations;
        QCOMPARE(back.size(), boxes.size());
        for (const QRectF &r : boxes) {
            bool found = false;
            for (const Annotation &a : back) {
                const QRectF b = a.rect();
                found = found || (std::abs(b.left() - r.left()) <= 0.01 &&
                                  std::abs(b.top() - r.top()) <= 0.01 &&
                                  std::abs(b.right() - r.right()) <= 0.01 &&
                                  std::abs(b.bottom() - r.bottom()) <= 0.01);
            }
            QVERIFY2(found, qPrintable(u"not within 0.01 px after the round trip: %1 %2 %3 %4"_s
                                           .arg(r.left())
                                           .arg(r.top())
                                           .arg(r.width())
                                           .arg(r.height())));
        }
    }

    // A YOLO-seg folder without --task is segmentation, says why, and exports as YOLO-seg;
    // rows of the other kind are counted, never dropped silently.
    void yoloSegmentation()
    {
        auto report = import(u"s"_s, golden(u"yolo-seg"_s), u"yolo"_s, std::nullopt);
        QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
        QCOMPARE(taskOf(report.value()), int(DatasetTask::Segmentation));
        QVERIFY2(report->taskReason.contains(u"polygon rows"_s), qPrintable(report->taskReason));
        QCOMPARE(report->annotations, 3);
        QVERIFY2(mentions(report->warnings, u"1 box row(s) became 4-point polygons"_s),
                 qPrintable(describe(report->warnings)));
        QCOMPARE(labelNames(labels(u"s"_s)), (QStringList{u"road"_s, u"sign"_s, u"sky"_s}));
        QCOMPARE(labels(u"s"_s)[2].attributes.value(u"id"_s).toInt(), 2);

        const QString out = freshDir();
        auto exported = exportTo(u"s"_s, u"yolo"_s, out);
        QVERIFY2(exported, qPrintable(exported ? QString() : exported.error().message));
        QString error;
        const QJsonObject layout =
            pythonJson({golden(u"check_yolo_layout.py"_s), out}, error).toObject();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(layout.value(u"kinds"_s).toVariant().toStringList(), QStringList{u"polygon"_s});
        QCOMPARE(layout.value(u"rows"_s).toInt(), 3);
        QCOMPARE(layout.value(u"names"_s).toVariant().toStringList(),
                 (QStringList{u"road"_s, u"sign"_s, u"sky"_s}));
        QCOMPARE(labelRows(out).value(u"labels/s1.txt"_s).value(0),
                 u"1 0.100000 0.100000 0.400000 0.100000 0.400000 0.500000 0.100000 0.500000"_s);
        auto again = import(u"s2"_s, out, u"yolo"_s, std::nullopt);
        QVERIFY(again);
        QCOMPARE(taskOf(again.value()), int(DatasetTask::Segmentation));
        QVERIFY2(again->warnings.isEmpty(), qPrintable(describe(again->warnings)));

        // Into a detection dataset the polygons become boxes, and the report counts them.
        auto boxes = import(u"b"_s, golden(u"yolo-seg"_s), u"yolo"_s, DatasetTask::Detection);
        QVERIFY(boxes);
        QVERIFY2(mentions(boxes->warnings, u"2 polygon row(s) became their bounding boxes"_s),
                 qPrintable(describe(boxes->warnings)));
    }

    // One instance of several parts (COCO's multi-part segmentation) is one YOLO-seg row,
    // said in the export report, and comes back as its parts.
    void yoloMultiPart()
    {
        auto made = m_catalog->createDataset(u"m"_s, DatasetTask::Segmentation);
        QVERIFY(made);
        const QString png = m_dir.filePath(u"parts.png"_s);
        QImage image(200, 100, QImage::Format_RGB32);
        image.fill(Qt::darkRed);
        QVERIFY(image.save(png));
        auto added = m_itemStore->addImage(made->id, png);
        QVERIFY(added);
        const QList<QPolygonF> parts{QPolygonF{{10, 10}, {60, 10}, {60, 60}, {10, 60}},
                                     QPolygonF{{120, 20}, {190, 20}, {150, 90}},
                                     QPolygonF{{0, 95}, {200, 95}, {200, 100}, {0, 100}}};
        QVERIFY(m_annotationStore->addAnnotation(added->item.id,
                                                 Annotation::polygon(u"lake"_s, parts)));

        const QString out = freshDir();
        auto exported = exportTo(u"m"_s, u"yolo"_s, out);
        QVERIFY2(exported, qPrintable(exported ? QString() : exported.error().message));
        QVERIFY2(mentions(exported->warnings, u"1 polygon(s) of several parts"_s),
                 qPrintable(describe(exported->warnings)));
        QString error;
        const QJsonObject layout =
            pythonJson({golden(u"check_yolo_layout.py"_s), out}, error).toObject();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(layout.value(u"rows"_s).toInt(), 1);

        auto again = import(u"m2"_s, out, u"yolo"_s, std::nullopt);
        QVERIFY2(again, qPrintable(again ? QString() : again.error().message));
        QVERIFY2(again->warnings.isEmpty(), qPrintable(describe(again->warnings)));
        const auto snapshot = m_versionStore->snapshot(u"m2"_s);
        QCOMPARE(snapshot->items.size(), 1);
        QCOMPARE(snapshot->items.first().annotations.size(), 1);
        const QList<QPolygonF> back = snapshot->items.first().annotations.first().parts();
        QCOMPARE(back.size(), parts.size());
        for (qsizetype k = 0; k < parts.size(); ++k) {
            QCOMPARE(back[k].size(), parts[k].size());
            // Each further part starts at its point nearest the first part's first point.
            for (const QPointF &p : parts[k]) {
                bool found = false;
                for (const QPointF &q : back[k])
                    found = found || QLineF(p, q).length() < 0.01;
                QVERIFY2(found, qPrintable(u"part %1 lost a point"_s.arg(k)));
            }
        }
    }

    // A mask (COCO RLE) has no place in a YOLO or labelme 5 file: counted in the export
    // report, the polygons beside it written.
    void masksAreCountedOnExport()
    {
        auto made = m_catalog->createDataset(u"k"_s, DatasetTask::Segmentation);
        QVERIFY(made);
        const QString png = m_dir.filePath(u"masked.png"_s);
        QImage image(30, 20, QImage::Format_RGB32);
        image.fill(Qt::gray);
        QVERIFY(image.save(png));
        auto added = m_itemStore->addImage(made->id, png);
        QVERIFY(added);
        QImage pixels(30, 20, QImage::Format_Grayscale8);
        pixels.fill(0);
        for (int y = 5; y < 10; ++y)
            for (int x = 3; x < 12; ++x)
                pixels.setPixel(x, y, qRgb(255, 255, 255));
        QVERIFY(m_annotationStore->addAnnotation(
            added->item.id, Annotation::mask(u"blob"_s, MaskRle::fromImage(pixels))));
        QVERIFY(m_annotationStore->addAnnotation(
            added->item.id, Annotation::polygon(u"tri"_s, QPolygonF{{1, 1}, {20, 1}, {10, 15}})));
        for (const QString &format : {u"yolo"_s, u"labelme"_s}) {
            auto exported = exportTo(u"k"_s, format, freshDir());
            QVERIFY2(exported, qPrintable(exported ? QString() : exported.error().message));
            QCOMPARE(exported->annotations, 1);
            QVERIFY2(mentions(exported->warnings, u"1 mask annotation(s) not written"_s),
                     qPrintable(format + u": "_s + describe(exported->warnings)));
        }
    }

    // --- labelme ----------------------------------------------------------------------------

    // Files written by labelme itself come back from Atelier's export, read by labelme
    // itself, with every shape, type, group_id, flag and description; what the dataset
    // cannot hold (points, lines) is counted in the report.
    void labelmePeerRoundTrip_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("task"); // -1: inferred
        QTest::addColumn<int>("expectedTask");
        QTest::addColumn<QString>("reason");
        using T = DatasetTask;
        QTest::newRow("mixed, inferred")
            << u"mixed"_s << -1 << int(T::Segmentation) << u"polygons or circles in 3 of 8"_s;
        QTest::newRow("mixed into detection")
            << u"mixed"_s << int(T::Detection) << int(T::Detection) << QString();
        QTest::newRow("rectangles, inferred")
            << u"rectangles"_s << -1 << int(T::Detection) << u"rectangles only"_s;
    }
    void labelmePeerRoundTrip()
    {
        QFETCH(QString, kind);
        QFETCH(int, task);
        QFETCH(int, expectedTask);
        QFETCH(QString, reason);
        const QString source = freshDir();
        const QString peer = golden(u"labelme_peer.py"_s);
        QString error;
        python({peer, u"write"_s, source, kind}, error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QJsonArray original =
            pythonJson(QStringList{peer, u"read"_s} + jsonFiles(source), error).toArray();
        QVERIFY2(error.isEmpty(), qPrintable(error));

        auto report = import(u"l"_s, source, u"labelme"_s,
                             task < 0 ? std::nullopt : std::optional(DatasetTask(task)));
        QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
        QCOMPARE(taskOf(report.value()), int(DatasetTask(expectedTask)));
        QVERIFY2(report->taskReason.contains(reason), qPrintable(report->taskReason));
        QVERIFY2(report->unreadable.isEmpty(), qPrintable(describe(report->unreadable)));
        const bool mixed = kind == u"mixed"_s;
        const QStringList dropped{u"point"_s, u"line"_s, u"linestrip"_s};
        if (mixed) {
            for (const QString &type : dropped)
                QVERIFY2(mentions(report->warnings, u"1 "_s + type + u" shape(s) skipped"_s),
                         qPrintable(describe(report->warnings)));
            QCOMPARE(report->annotations, 5);
        }
        if (expectedTask == int(DatasetTask::Detection) && mixed)
            QVERIFY(mentions(report->warnings, u"2 polygon(s) became their bounding boxes"_s));

        // In the catalog: the labelme fields under their own names.
        const auto snapshot = m_versionStore->snapshot(u"l"_s);
        for (const SnapshotItem &s : snapshot->items) {
            if (s.item.sourceName != u"field.png"_s || !mixed)
                continue;
            QCOMPARE(s.item.attributes.value(u"flags"_s).toObject(),
                     (QJsonObject{{u"blurry"_s, true}, {u"night"_s, false}}));
            QCOMPARE(s.item.attributes.value(u"description"_s).toString(), u"taken at noon"_s);
            int grouped = 0;
            for (const Annotation &a : s.annotations) {
                grouped += a.attributes.value(u"group_id"_s).toInt() == 1 ? 1 : 0;
                if (a.label == u"dot"_s) {
                    QCOMPARE(a.attributes.value(u"shape_type"_s).toString(), u"circle"_s);
                    QCOMPARE(a.attributes.value(u"score"_s).toDouble(), 0.75);
                    QCOMPARE(a.attributes.value(u"group_id"_s).toInt(), 7);
                }
                if (a.label == u"stem"_s && expectedTask == int(DatasetTask::Detection))
                    QVERIFY(a.kind == AnnotationKind::Box);
                if (a.label == u"stem"_s && expectedTask == int(DatasetTask::Segmentation))
                    QCOMPARE(a.attributes.value(u"shape_type"_s).toString(), u"rectangle"_s);
            }
            QCOMPARE(grouped, 2);
        }

        const QString out = freshDir();
        auto exported = exportTo(u"l"_s, u"labelme"_s, out);
        QVERIFY2(exported, qPrintable(exported ? QString() : exported.error().message));
        QVERIFY2(exported->warnings.isEmpty(), qPrintable(describe(exported->warnings)));
        const QJsonArray written =
            pythonJson(QStringList{peer, u"read"_s} + jsonFiles(out), error).toArray();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const auto expected = labelmeView(original, dropped);
        const auto actual = labelmeView(written);
        QCOMPARE(actual.keys(), expected.keys());
        for (const QString &file : expected.keys())
            QCOMPARE(actual.value(file), expected.value(file));
    }

    // A shape edited in Atelier is written as what it is now, not as its old labelme type.
    void labelmeEditedShape()
    {
        const QString source = freshDir();
        const QString peer = golden(u"labelme_peer.py"_s);
        QString error;
        python({peer, u"write"_s, source, u"mixed"_s}, error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(import(u"l"_s, source, u"labelme"_s, DatasetTask::Segmentation));
        const auto snapshot = m_versionStore->snapshot(u"l"_s);
        for (const SnapshotItem &s : snapshot->items) {
            for (Annotation a : s.annotations) {
                if (a.label != u"dot"_s && a.label != u"stem"_s)
                    continue;
                QPolygonF moved = a.points();
                moved.translate(1, 1);
                a.geometry = Annotation::polygon(a.label, moved).geometry;
                QVERIFY(m_annotationStore->updateAnnotation(a));
            }
        }
        const QString out = freshDir();
        QVERIFY(exportTo(u"l"_s, u"labelme"_s, out));
        const QJsonArray written =
            pythonJson({peer, u"read"_s, out + u"/field.json"_s}, error).toArray();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QStringList types;
        for (const QJsonValue &s : written[0].toObject().value(u"shapes"_s).toArray()) {
            const QJsonObject shape = s.toObject();
            if (shape.value(u"label"_s) == u"dot"_s || shape.value(u"label"_s) == u"stem"_s)
                types.append(shape.value(u"shape_type"_s).toString() + u' ' +
                             QString::number(shape.value(u"points"_s).toArray().size()));
        }
        types.sort();
        // The moved rectangle is still a rectangle; the moved circle is its 32-point outline.
        QCOMPARE(types, (QStringList{u"polygon 32"_s, u"rectangle 2"_s}));
    }
};

QTEST_GUILESS_MAIN(TestYoloLabelme)
#include "tst_yololabelme.moc"
