// YOLO export in the Ultralytics layout: images/<split>/, labels/<split>/<stem>.txt, data.yaml
// (path, train, val, test, nc, names) and classes.txt. Class ids are the labels' own ("id"
// attribute, as imported), so the class list survives a round trip in its order.
#include "datasets/imageexportwriter.h"
#include "datasets/imageformats.h"
#include "datasets/yolooutline.h"
#include "datasets/yoloyaml.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

#include <cmath>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

class YoloExport
{
    Q_DECLARE_TR_FUNCTIONS(YoloExport)
};

constexpr qint64 kScale = 1000000; // YOLO's 6 decimals
constexpr int kMaxClassId = 65535; // beyond: not a class index (placeholders would explode)

QString decimal(qint64 millionths)
{
    return QString::number(double(millionths) / double(kScale), 'f', 6);
}

qint64 clampedMillionths(double pixels, double extent)
{
    return qRound64(qBound(0.0, pixels / extent, 1.0) * double(kScale));
}

/// The span [lo, hi] pixels of \a extent as millionths (L, R) with 0 ≤ L ≤ R ≤ 10⁶ and L + R
/// even, so that the centre (L + R) / 2 and the size R − L are exact in 6 decimals and a reader
/// computing centre ∓ size / 2 lands on L and R: never outside the image, each end within one
/// millionth of the extent of the true one (0.01 px for images up to 10,000 px).
std::pair<qint64, qint64> span(double lo, double hi, double extent)
{
    const double l = qBound(0.0, lo / extent, 1.0) * double(kScale);
    const double r = qBound(0.0, hi / extent, 1.0) * double(kScale);
    std::pair<qint64, qint64> best{0, kScale};
    double bestError = 1e18;
    for (qint64 L = qint64(std::floor(l)) - 1; L <= qint64(std::floor(l)) + 2; ++L) {
        for (qint64 R = qint64(std::floor(r)) - 1; R <= qint64(std::floor(r)) + 2; ++R) {
            if (L < 0 || R > kScale || L > R || (L + R) % 2 != 0)
                continue;
            const double error = std::max(std::abs(double(L) - l), std::abs(double(R) - r));
            if (error < bestError) {
                bestError = error;
                best = {L, R};
            }
        }
    }
    return best;
}

/// A split name safe as one folder name.
QString splitFolder(const QString &split)
{
    static const QRegularExpression unsafe(u"[^A-Za-z0-9_.-]"_s);
    QString s = split;
    s.replace(unsafe, u"_"_s);
    if (s.startsWith(u'.'))
        s.replace(0, 1, u'_');
    return s;
}

/// The data.yaml key Ultralytics reads a split under ("" for none).
QString yamlKey(const QString &split)
{
    const QString s = split.toLower();
    if (s == u"train"_s || s == u"training"_s)
        return u"train"_s;
    if (s == u"val"_s || s == u"valid"_s || s == u"validation"_s || s == u"dev"_s)
        return u"val"_s;
    if (s == u"test"_s || s == u"testing"_s)
        return u"test"_s;
    return {};
}

QString jsonText(const QJsonValue &value)
{
    const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.mid(1, array.size() - 2)); // without the brackets
}

/// Class id per label: the label's "id" attribute when it is a usable index not taken by an
/// earlier label, else the lowest free one.
QHash<QString, int> classIds(const QStringList &labels, const DatasetSnapshot &snapshot,
                             ExportReport &report)
{
    QHash<QString, QJsonObject> attributes;
    for (const DatasetLabel &l : snapshot.labels)
        attributes.insert(l.name, l.attributes);
    QHash<QString, int> ids;
    QSet<int> taken;
    for (const QString &label : labels) {
        const QJsonValue id = attributes.value(label).value(u"id"_s);
        if (id.isUndefined())
            continue;
        const double v = id.toDouble(-1);
        if (!id.isDouble() || v < 0 || v > kMaxClassId || v != std::floor(v) ||
            taken.contains(int(v))) {
            report.warnings.append(
                {u"data.yaml"_s, YoloExport::tr("the label \"%1\" has the class id %2, not a free "
                                                "class index; it gets the next free one")
                                     .arg(label, jsonText(id))});
            continue;
        }
        ids.insert(label, int(v));
        taken.insert(int(v));
    }
    int next = 0;
    for (const QString &label : labels) {
        if (ids.contains(label))
            continue;
        while (taken.contains(next))
            ++next;
        ids.insert(label, next);
        taken.insert(next);
    }
    return ids;
}

} // namespace

Result<ExportReport> exportYolo(const DatasetSnapshot &snapshot, const QString &outDir,
                                const ExportOptions &options)
{
    ImageExportWriter writer(snapshot, outDir, options);
    const QStringList labels = writer.labelNames();
    const QHash<QString, int> ids = classIds(labels, snapshot, writer.report());
    qint64 joined = 0;
    qint64 unsplit = 0;
    QMap<QString, qint64> notWritten;      // kind → count
    QMap<QString, QStringList> keyFolders; // data.yaml key → folders
    QMap<QString, qint64> unlisted;        // split without a key → images
    bool anySplit = false;
    for (const SnapshotItem &s : snapshot.items)
        anySplit = anySplit || !s.item.split.isEmpty();
    for (const SnapshotItem &s : snapshot.items) {
        const QString name = writer.fileName(s.item);
        QString sub;
        if (!s.item.split.isEmpty()) {
            sub = splitFolder(s.item.split) + u'/';
            const QString folder = u"images/"_s + sub.chopped(1);
            if (const QString key = yamlKey(s.item.split); key.isEmpty())
                ++unlisted[folder];
            else if (!keyFolders[key].contains(folder))
                keyFolders[key].append(folder);
        } else if (anySplit) {
            ++unsplit;
        }
        if (auto ok = writer.copyImage(s.item, u"images/"_s + sub + name); !ok)
            return ok.error();
        const double w = qMax(1, s.item.width);
        const double h = qMax(1, s.item.height);
        QString text;
        for (const Annotation &a : writer.annotations(s)) {
            const QString cls = QString::number(ids.value(a.label));
            if (a.kind == AnnotationKind::Box) {
                const QRectF r = a.rect();
                const auto [left, right] = span(r.left(), r.right(), w);
                const auto [top, bottom] = span(r.top(), r.bottom(), h);
                text += cls + u' ' + decimal((left + right) / 2) + u' ' +
                        decimal((top + bottom) / 2) + u' ' + decimal(right - left) + u' ' +
                        decimal(bottom - top) + u'\n';
            } else if (a.kind == AnnotationKind::Polygon) {
                const QList<QPolygonF> parts = a.parts();
                if (parts.size() > 1)
                    ++joined;
                text += cls;
                for (const QPointF &p : yolo::joinParts(parts))
                    text += u' ' + decimal(clampedMillionths(p.x(), w)) + u' ' +
                            decimal(clampedMillionths(p.y(), h));
                text += u'\n';
            } else {
                ++notWritten[a.kind == AnnotationKind::Mask ? YoloExport::tr("mask")
                                                            : YoloExport::tr("tag")];
                continue;
            }
            ++writer.report().annotations;
        }
        if (auto ok = writer.writeFile(
                u"labels/"_s + sub + QFileInfo(name).completeBaseName() + u".txt"_s, text.toUtf8());
            !ok)
            return ok.error();
        ++writer.report().items;
        if (!writer.step())
            return makeError(ErrorCode::Cancelled, YoloExport::tr("Export cancelled."));
    }
    for (auto it = notWritten.cbegin(); it != notWritten.cend(); ++it)
        writer.report().warnings.append(
            {u"labels"_s, YoloExport::tr("%1 %2 annotation(s) not written: YOLO label files hold "
                                         "boxes and polygons only")
                              .arg(it.value())
                              .arg(it.key())});
    if (joined > 0)
        writer.report().warnings.append(
            {u"labels"_s, YoloExport::tr("%n polygon(s) of several parts written as one outline "
                                         "joined by zero-width bridges (a YOLO-seg row holds one "
                                         "polygon)",
                                         nullptr, int(joined))});

    // The class list, gaps filled so that line N of classes.txt and names[N] are class N.
    QMap<int, QString> byId;
    for (const QString &label : labels)
        byId.insert(ids.value(label), label);
    const int count = byId.isEmpty() ? 0 : byId.lastKey() + 1;
    QStringList classes;
    QStringList placeholders;
    for (int i = 0; i < count; ++i) {
        if (!byId.contains(i))
            placeholders.append(QString::number(i));
        classes.append(byId.value(i, u"class_"_s + QString::number(i)));
    }
    if (!placeholders.isEmpty())
        writer.report().warnings.append(
            {u"data.yaml"_s, YoloExport::tr("no label has the class id(s) %1; written as "
                                            "placeholders class_N so that the ids stay")
                                 .arg(placeholders.join(u", "_s))});
    QString classesTxt = classes.join(u'\n');
    if (!classesTxt.isEmpty())
        classesTxt += u'\n';
    if (auto ok = writer.writeFile(u"classes.txt"_s, classesTxt.toUtf8()); !ok)
        return ok.error();

    // data.yaml: Ultralytics resolves a relative "path" against its own datasets folder, not
    // against the YAML file, so the folder is written absolute.
    // Ultralytics requires train: and val:; one stands in for the other when missing, and
    // without either every image (images/, read recursively) is both.
    const bool hasTrain = keyFolders.contains(u"train"_s);
    const bool hasVal = keyFolders.contains(u"val"_s);
    if (!hasTrain && !hasVal) {
        keyFolders[u"train"_s] = {u"images"_s};
        keyFolders[u"val"_s] = {u"images"_s};
    } else if (!hasVal) {
        keyFolders[u"val"_s] = keyFolders[u"train"_s];
    } else if (!hasTrain) {
        keyFolders[u"train"_s] = keyFolders[u"val"_s];
    }
    if (unsplit > 0 && (hasTrain || hasVal))
        writer.report().warnings.append(
            {u"images"_s, YoloExport::tr("%n image(s) without a split written to images/ and "
                                         "not listed in data.yaml",
                                         nullptr, int(unsplit))});
    for (auto it = unlisted.cbegin(); it != unlisted.cend(); ++it)
        writer.report().warnings.append(
            {it.key(), YoloExport::tr("%1 image(s) of a split Ultralytics does not know (only "
                                      "train, val, test); not listed in data.yaml")
                           .arg(it.value())});
    QString yaml = u"# Ultralytics YOLO dataset (https://docs.ultralytics.com/datasets/), written "
                   "by Atelier\npath: "_s +
                   YoloYaml::quoted(QDir(writer.outDir()).absolutePath()) + u'\n';
    for (const QString &key : {u"train"_s, u"val"_s, u"test"_s}) {
        const QStringList folders = keyFolders.value(key);
        if (folders.size() == 1)
            yaml += key + u": "_s + YoloYaml::quoted(folders.first()) + u'\n';
        else if (folders.size() > 1) {
            QStringList quoted;
            for (const QString &f : folders)
                quoted.append(YoloYaml::quoted(f));
            yaml += key + u": ["_s + quoted.join(u", "_s) + u"]\n"_s;
        }
    }
    yaml += u"nc: "_s + QString::number(classes.size()) + u"\nnames:\n"_s;
    for (qsizetype i = 0; i < classes.size(); ++i)
        yaml += u"  "_s + QString::number(i) + u": "_s + YoloYaml::quoted(classes[i]) + u'\n';
    if (auto ok = writer.writeFile(u"data.yaml"_s, yaml.toUtf8()); !ok)
        return ok.error();
    return writer.report();
}

} // namespace atelier
