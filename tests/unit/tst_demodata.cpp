#include "demo/demodata.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <atomic>

using namespace atelier;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kTimeLimitMs = 10000;
constexpr int kExpectedFiles = 240 + 60 + 1 + 1;

/// Paths of all files under \a root, relative to it, sorted.
QStringList filesUnder(const QString &root)
{
    QStringList files;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        files.append(QDir(root).relativeFilePath(it.next()));
    }
    files.sort();
    return files;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return file.readAll();
}

/// Spread between the largest and smallest channel: the backgrounds and distractors of the
/// detection images stay under 30, the shapes are above 90.
int chroma(QRgb pixel)
{
    const int r = qRed(pixel);
    const int g = qGreen(pixel);
    const int b = qBlue(pixel);
    return std::max({r, g, b}) - std::min({r, g, b});
}

bool coloured(QRgb pixel)
{
    return chroma(pixel) >= 60;
}

QString errorText(const Error &error)
{
    return u"code %1: %2"_s.arg(int(error.code)).arg(error.message);
}

} // namespace

class TestDemoData : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void summaryMatchesDisk();
    void progressCountsEveryFile();
    void finishesQuickly();
    void sameBytesEveryTime();
    void imagesDecodeAtTheirSize();
    void cocoIsConsistent();
    void boxesCoverTheShapes();
    void sentencesAreValid();
    void cancelledBeforeStart();
    void cancelledPartWay();
    void folderThatCannotBeCreatedIsIoError();
    void fileThatCannotBeWrittenIsIoError();

private:
    QJsonObject loadCoco() const;
    QList<QJsonObject> loadSentences() const;

    QTemporaryDir m_dir;
    DemoSummary m_summary;
    qint64 m_elapsedMs = 0;
    QList<std::pair<int, int>> m_progress;
};

void TestDemoData::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QElapsedTimer timer;
    timer.start();
    const auto result = DemoData::generate(m_dir.path(), [this](int done, int total) {
        m_progress.append({done, total});
    });
    m_elapsedMs = timer.elapsed();
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : errorText(result.error())));
    m_summary = result.value();
    qInfo("generated in %lld ms", static_cast<long long>(m_elapsedMs));
}

QJsonObject TestDemoData::loadCoco() const
{
    return QJsonDocument::fromJson(readAll(m_dir.filePath(u"images/detection/instances.json"_s)))
        .object();
}

QList<QJsonObject> TestDemoData::loadSentences() const
{
    QList<QJsonObject> sentences;
    const QByteArray bytes = readAll(m_dir.filePath(u"text/sentences.jsonl"_s));
    for (const QByteArray &line : bytes.split('\n')) {
        if (line.isEmpty()) {
            continue;
        }
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject()) {
            return {};
        }
        sentences.append(doc.object());
    }
    return sentences;
}

void TestDemoData::summaryMatchesDisk()
{
    QCOMPARE(m_summary.classificationImages, 240);
    QCOMPARE(m_summary.detectionImages, 60);
    QCOMPARE(m_summary.sentences, 200);

    int classified = 0;
    for (const QString &name : {u"circle"_s, u"square"_s, u"triangle"_s}) {
        const QDir dir(m_dir.filePath(u"images/classification/"_s + name));
        const QStringList pngs = dir.entryList({u"*.png"_s}, QDir::Files);
        QCOMPARE(pngs.size(), 80);
        QCOMPARE(dir.entryList(QDir::Files).size(), 80);
        classified += int(pngs.size());
    }
    QCOMPARE(classified, m_summary.classificationImages);

    const QDir detection(m_dir.filePath(u"images/detection"_s));
    QCOMPARE(int(detection.entryList({u"*.png"_s}, QDir::Files).size()), m_summary.detectionImages);

    const QJsonObject coco = loadCoco();
    QCOMPARE(int(coco.value(u"images"_s).toArray().size()), m_summary.detectionImages);
    QCOMPARE(int(coco.value(u"annotations"_s).toArray().size()), m_summary.boxes);
    QVERIFY(m_summary.boxes >= m_summary.detectionImages);

    const QByteArray text = readAll(m_dir.filePath(u"text/sentences.jsonl"_s));
    QVERIFY(text.endsWith('\n'));
    QCOMPARE(int(text.count('\n')), m_summary.sentences);
    int spans = 0;
    for (const QJsonObject &sentence : loadSentences()) {
        spans += int(sentence.value(u"spans"_s).toArray().size());
    }
    QCOMPARE(spans, m_summary.spans);
    QVERIFY(m_summary.spans >= m_summary.sentences);

    QCOMPARE(filesUnder(m_dir.path()).size(), kExpectedFiles);
}

void TestDemoData::progressCountsEveryFile()
{
    QCOMPARE(m_progress.size(), kExpectedFiles);
    for (int i = 0; i < m_progress.size(); ++i) {
        QCOMPARE(m_progress[i].first, i + 1);
        QCOMPARE(m_progress[i].second, kExpectedFiles);
    }
}

void TestDemoData::finishesQuickly()
{
    QVERIFY2(m_elapsedMs < kTimeLimitMs, qPrintable(u"took %1 ms"_s.arg(m_elapsedMs)));
}

void TestDemoData::sameBytesEveryTime()
{
    QTemporaryDir second;
    QVERIFY(second.isValid());
    QElapsedTimer timer;
    timer.start();
    const auto result = DemoData::generate(second.path());
    QVERIFY2(timer.elapsed() < kTimeLimitMs, qPrintable(u"took %1 ms"_s.arg(timer.elapsed())));
    QVERIFY(result.ok());
    QCOMPARE(result->boxes, m_summary.boxes);
    QCOMPARE(result->spans, m_summary.spans);

    const QStringList files = filesUnder(m_dir.path());
    QCOMPARE(filesUnder(second.path()), files);
    for (const QString &file : files) {
        const QByteArray first = readAll(m_dir.filePath(file));
        QVERIFY2(!first.isEmpty(), qPrintable(file));
        QVERIFY2(first == readAll(second.filePath(file)), qPrintable(file));
    }
}

void TestDemoData::imagesDecodeAtTheirSize()
{
    int checked = 0;
    QSet<QByteArray> distinct;
    for (const QString &file : filesUnder(m_dir.path())) {
        if (!file.endsWith(u".png"_s)) {
            continue;
        }
        const QSize expected =
            file.startsWith(u"images/detection/"_s) ? QSize(160, 120) : QSize(96, 96);
        QImageReader reader(m_dir.filePath(file));
        QCOMPARE(reader.format(), QByteArray("png"));
        const QImage image = reader.read();
        QVERIFY2(!image.isNull(), qPrintable(file + u": "_s + reader.errorString()));
        QCOMPARE(image.size(), expected);
        distinct.insert(readAll(m_dir.filePath(file)));
        ++checked;
    }
    QCOMPARE(checked, 300);
    QCOMPARE(distinct.size(), 300);
}

void TestDemoData::cocoIsConsistent()
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(
        readAll(m_dir.filePath(u"images/detection/instances.json"_s)), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QVERIFY(doc.isObject());
    const QJsonObject coco = doc.object();

    QHash<int, QString> categories;
    for (const QJsonValue &value : coco.value(u"categories"_s).toArray()) {
        const QJsonObject category = value.toObject();
        categories.insert(category.value(u"id"_s).toInt(), category.value(u"name"_s).toString());
    }
    const QHash<int, QString> expectedCategories = {
        {1, u"circle"_s}, {2, u"square"_s}, {3, u"triangle"_s}};
    QCOMPARE(categories, expectedCategories);

    const QDir detection(m_dir.filePath(u"images/detection"_s));
    QHash<int, QSize> images;
    for (const QJsonValue &value : coco.value(u"images"_s).toArray()) {
        const QJsonObject image = value.toObject();
        const int id = image.value(u"id"_s).toInt();
        QVERIFY(id > 0);
        QVERIFY2(!images.contains(id), "image ids must be unique");
        const QString fileName = image.value(u"file_name"_s).toString();
        QVERIFY2(QFileInfo(detection.filePath(fileName)).isFile(), qPrintable(fileName));
        const QSize size(image.value(u"width"_s).toInt(), image.value(u"height"_s).toInt());
        QCOMPARE(QImageReader(detection.filePath(fileName)).size(), size);
        images.insert(id, size);
    }
    QCOMPARE(images.size(), 60);

    QSet<int> annotationIds;
    QSet<int> imagesWithBoxes;
    for (const QJsonValue &value : coco.value(u"annotations"_s).toArray()) {
        const QJsonObject annotation = value.toObject();
        const int id = annotation.value(u"id"_s).toInt();
        QVERIFY(id > 0);
        QVERIFY2(!annotationIds.contains(id), "annotation ids must be unique");
        annotationIds.insert(id);
        const int imageId = annotation.value(u"image_id"_s).toInt();
        QVERIFY(images.contains(imageId));
        imagesWithBoxes.insert(imageId);
        QVERIFY(categories.contains(annotation.value(u"category_id"_s).toInt()));
        QCOMPARE(annotation.value(u"iscrowd"_s).toInt(-1), 0);

        const QJsonArray bbox = annotation.value(u"bbox"_s).toArray();
        QCOMPARE(bbox.size(), 4);
        const double x = bbox[0].toDouble(-1);
        const double y = bbox[1].toDouble(-1);
        const double w = bbox[2].toDouble(-1);
        const double h = bbox[3].toDouble(-1);
        const QSize size = images.value(imageId);
        QVERIFY(x >= 0 && y >= 0 && w > 0 && h > 0);
        QVERIFY(x + w <= size.width() && y + h <= size.height());
        const double area = annotation.value(u"area"_s).toDouble();
        QVERIFY2(area > 0.3 * w * h && area <= w * h, qPrintable(QString::number(area)));
    }
    QCOMPARE(annotationIds.size(), m_summary.boxes);
    QCOMPARE(imagesWithBoxes.size(), images.size());
}

void TestDemoData::boxesCoverTheShapes()
{
    const QJsonObject coco = loadCoco();
    QHash<int, QImage> images;
    const QDir detection(m_dir.filePath(u"images/detection"_s));
    for (const QJsonValue &value : coco.value(u"images"_s).toArray()) {
        const QJsonObject image = value.toObject();
        images.insert(image.value(u"id"_s).toInt(),
                      QImage(detection.filePath(image.value(u"file_name"_s).toString())));
    }
    QHash<int, QList<QRect>> boxes;
    for (const QJsonValue &value : coco.value(u"annotations"_s).toArray()) {
        const QJsonObject annotation = value.toObject();
        const QJsonArray bbox = annotation.value(u"bbox"_s).toArray();
        boxes[annotation.value(u"image_id"_s).toInt()].append(
            QRect(bbox[0].toInt(), bbox[1].toInt(), bbox[2].toInt(), bbox[3].toInt()));
    }
    QCOMPARE(boxes.size(), images.size());

    for (auto it = images.cbegin(); it != images.cend(); ++it) {
        const QImage &image = it.value();
        QVERIFY(!image.isNull());
        const QList<QRect> imageBoxes = boxes.value(it.key());
        for (const QRect &box : imageBoxes) {
            const QString where = u"image %1 box %2,%3 %4x%5"_s.arg(it.key())
                                      .arg(box.x())
                                      .arg(box.y())
                                      .arg(box.width())
                                      .arg(box.height());
            // Mostly shape: a triangle fills half its box, a circle 79 %, a square all of it.
            int inside = 0;
            for (int y = box.top(); y <= box.bottom(); ++y) {
                for (int x = box.left(); x <= box.right(); ++x) {
                    inside += coloured(image.pixel(x, y)) ? 1 : 0;
                }
            }
            QVERIFY2(inside >= 0.35 * box.width() * box.height(), qPrintable(where));
            // Tight: the shape reaches within 3 px of every edge.
            const int band = 3;
            auto touches = [&image](const QRect &strip) {
                for (int y = strip.top(); y <= strip.bottom(); ++y) {
                    for (int x = strip.left(); x <= strip.right(); ++x) {
                        if (coloured(image.pixel(x, y))) {
                            return true;
                        }
                    }
                }
                return false;
            };
            QVERIFY2(touches(QRect(box.left(), box.top(), box.width(), band)), qPrintable(where));
            QVERIFY2(touches(QRect(box.left(), box.bottom() - band + 1, box.width(), band)),
                     qPrintable(where));
            QVERIFY2(touches(QRect(box.left(), box.top(), band, box.height())), qPrintable(where));
            QVERIFY2(touches(QRect(box.right() - band + 1, box.top(), band, box.height())),
                     qPrintable(where));
        }
        // No shape goes unboxed: outside the boxes (and a pixel of antialiasing) no colour.
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                const bool boxed =
                    std::any_of(imageBoxes.cbegin(), imageBoxes.cend(), [x, y](const QRect &box) {
                        return box.adjusted(-1, -1, 1, 1).contains(x, y);
                    });
                if (!boxed) {
                    QVERIFY2(!coloured(image.pixel(x, y)),
                             qPrintable(u"image %1 pixel %2,%3"_s.arg(it.key()).arg(x).arg(y)));
                }
            }
        }
    }
}

void TestDemoData::sentencesAreValid()
{
    const QList<QJsonObject> sentences = loadSentences();
    QCOMPARE(sentences.size(), 200);

    const QSet<QString> classes = {u"sports"_s, u"technology"_s, u"weather"_s};
    const QSet<QString> entityLabels = {u"PER"_s, u"ORG"_s, u"LOC"_s};
    QSet<int> ids;
    QSet<QString> texts;
    QHash<QString, int> perLanguage;
    QHash<QString, int> perClass;
    QSet<QString> seenEntityLabels;
    QSet<QString> zhEntities;
    for (const QJsonObject &sentence : sentences) {
        const int id = sentence.value(u"id"_s).toInt();
        QVERIFY(id > 0);
        QVERIFY(!ids.contains(id));
        ids.insert(id);

        const QString text = sentence.value(u"text"_s).toString();
        QVERIFY(!text.isEmpty());
        QVERIFY2(!texts.contains(text), qPrintable(text));
        texts.insert(text);

        const QString lang = sentence.value(u"lang"_s).toString();
        QVERIFY2(lang == u"en"_s || lang == u"zh"_s, qPrintable(lang));
        ++perLanguage[lang];
        const QString label = sentence.value(u"label"_s).toString();
        QVERIFY2(classes.contains(label), qPrintable(label));
        ++perClass[label];

        const QList<uint> codePoints = text.toUcs4();
        QVERIFY(sentence.value(u"spans"_s).isArray());
        int previousEnd = 0;
        for (const QJsonValue &value : sentence.value(u"spans"_s).toArray()) {
            const QJsonObject span = value.toObject();
            const int start = span.value(u"start"_s).toInt(-1);
            const int end = span.value(u"end"_s).toInt(-1);
            QVERIFY2(start >= previousEnd && end > start && end <= codePoints.size(),
                     qPrintable(text));
            previousEnd = end;
            const QString entity = QString::fromUcs4(
                reinterpret_cast<const char32_t *>(codePoints.constData()) + start, end - start);
            QVERIFY2(!entity.isEmpty() && entity.trimmed() == entity, qPrintable(text));
            QVERIFY(!entity.endsWith(u'.') && !entity.endsWith(u'。'));
            const QString entityLabel = span.value(u"label"_s).toString();
            QVERIFY(entityLabels.contains(entityLabel));
            seenEntityLabels.insert(entityLabel);
            if (lang == u"zh"_s) {
                zhEntities.insert(entity);
            }
        }
    }
    QCOMPARE(perLanguage.value(u"en"_s), 100);
    QCOMPARE(perLanguage.value(u"zh"_s), 100);
    for (const QString &label : classes) {
        QVERIFY2(perClass.value(label) >= 60, qPrintable(label));
    }
    QCOMPARE(seenEntityLabels, entityLabels);
    QVERIFY(zhEntities.contains(u"北京"_s) || zhEntities.contains(u"上海"_s));
}

void TestDemoData::cancelledBeforeStart()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::atomic_bool cancel = true;
    const auto result = DemoData::generate(dir.path(), {}, &cancel);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::Cancelled);
    QVERIFY(!result.error().message.isEmpty());
    QVERIFY(filesUnder(dir.path()).isEmpty());
}

void TestDemoData::cancelledPartWay()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    std::atomic_bool cancel = false;
    int calls = 0;
    const auto result = DemoData::generate(
        dir.path(),
        [&cancel, &calls](int done, int) {
            ++calls;
            if (done == 5) {
                cancel = true;
            }
        },
        &cancel);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::Cancelled);
    QCOMPARE(calls, 5);
    QCOMPARE(filesUnder(dir.path()).size(), 5);
}

void TestDemoData::folderThatCannotBeCreatedIsIoError()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile blocker(dir.filePath(u"blocker"_s));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();

    const auto result = DemoData::generate(dir.filePath(u"blocker/demo"_s));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::Io);
    QVERIFY2(result.error().message.contains(u"blocker"_s), qPrintable(result.error().message));
    QVERIFY(!result.error().message.contains(u'\n'));
}

void TestDemoData::fileThatCannotBeWrittenIsIoError()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // A folder where the first image should go.
    QVERIFY(QDir(dir.path()).mkpath(u"images/classification/circle/0001.png"_s));

    const auto result = DemoData::generate(dir.path());
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::Io);
    QVERIFY2(result.error().message.contains(u"0001.png"_s), qPrintable(result.error().message));
}

QTEST_GUILESS_MAIN(TestDemoData)

#include "tst_demodata.moc"
