// YOLO: images/ with labels/<stem>.txt ("class cx cy w h" normalised; segmentation:
// "class x1 y1 x2 y2 …"), class names in classes.txt, obj.names or data.yaml.
#include "datasets/datasetstore.h"
#include "datasets/imageexportwriter.h"
#include "datasets/imageformats.h"
#include "datasets/imageimportsession.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

class YoloFormat
{
    Q_DECLARE_TR_FUNCTIONS(YoloFormat)
};

QString readAll(const QString &file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll());
}

QString unquote(QString s)
{
    s = s.trimmed();
    if (s.size() >= 2 && (s.startsWith(u'"') || s.startsWith(u'\'')) && s.endsWith(s[0]))
        s = s.mid(1, s.size() - 2);
    return s;
}

/// Class names from data.yaml's "names:" — a flow list, a block list or an index map.
QStringList yamlNames(const QString &yaml)
{
    QStringList names;
    const QStringList lines = yaml.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = lines[i];
        if (!line.startsWith(u"names:"_s))
            continue;
        const QString rest = line.mid(6).trimmed();
        if (rest.startsWith(u'[')) {
            QString flow = rest;
            while (!flow.contains(u']') && i + 1 < lines.size())
                flow += lines[++i];
            flow = flow.mid(1, flow.indexOf(u']') - 1);
            for (const QString &n : flow.split(u','))
                if (!unquote(n).isEmpty())
                    names.append(unquote(n));
            return names;
        }
        QMap<int, QString> byIndex;
        for (++i; i < lines.size(); ++i) {
            const QString item = lines[i];
            if (!item.startsWith(u' ') && !item.startsWith(u'\t') && !item.startsWith(u'-'))
                break;
            const QString t = item.trimmed();
            if (t.startsWith(u'-')) {
                names.append(unquote(t.mid(1)));
            } else if (const qsizetype colon = t.indexOf(u':'); colon > 0) {
                bool ok = false;
                const int index = t.left(colon).toInt(&ok);
                if (ok)
                    byIndex.insert(index, unquote(t.mid(colon + 1)));
            }
        }
        if (!byIndex.isEmpty()) {
            for (auto it = byIndex.cbegin(); it != byIndex.cend(); ++it) {
                while (names.size() < it.key())
                    names.append(QString::number(names.size()));
                names.append(it.value());
            }
        }
        return names;
    }
    return names;
}

QStringList classNames(const QString &root, QString &foundIn)
{
    QDirIterator it(root,
                    {u"classes.txt"_s, u"obj.names"_s, u"*.names"_s, u"data.yaml"_s,
                     u"dataset.yaml"_s, u"*.yaml"_s},
                    QDir::Files, QDirIterator::Subdirectories);
    QStringList files;
    while (it.hasNext())
        files.append(it.next());
    std::sort(files.begin(), files.end(), [](const QString &a, const QString &b) {
        return std::pair(a.count(u'/'), a) < std::pair(b.count(u'/'), b);
    });
    for (const QString &f : files) {
        QStringList names;
        if (f.endsWith(u".yaml"_s)) {
            names = yamlNames(readAll(f));
        } else {
            for (const QString &line : readAll(f).split(u'\n')) {
                if (!line.trimmed().isEmpty())
                    names.append(line.trimmed());
            }
        }
        if (!names.isEmpty()) {
            foundIn = f;
            return names;
        }
    }
    return {};
}

QString labelFileFor(const QString &image, const QString &root)
{
    const QFileInfo fi(image);
    const QString stem = fi.completeBaseName() + u".txt"_s;
    QString parallel = fi.absolutePath();
    const qsizetype at = parallel.lastIndexOf(u"/images"_s);
    QStringList candidates;
    if (at >= 0)
        candidates.append(parallel.left(at) + u"/labels"_s + parallel.mid(at + 7) + u'/' + stem);
    candidates.append(QDir(fi.absolutePath()).filePath(stem));
    candidates.append(QDir(root).filePath(u"labels/"_s + stem));
    for (const QString &c : candidates) {
        if (QFileInfo(c).isFile())
            return c;
    }
    return {};
}

} // namespace

Result<ImportReport> importYolo(DatasetStore &store, const DatasetInfo &dataset,
                                const QString &path, const ImportOptions &options)
{
    ImageImportSession session(store, dataset, options, u"yolo"_s);
    auto local = session.open(path);
    if (!local)
        return local.error();
    if (!QFileInfo(local.value()).isDir())
        return makeError(ErrorCode::Invalid,
                         YoloFormat::tr("Give the YOLO dataset's folder (images/, labels/, "
                                        "classes.txt) or an archive of it."));
    const QString root = local.value();
    QString namesFile;
    const QStringList names = classNames(root, namesFile);
    if (names.isEmpty())
        session.warn(root, YoloFormat::tr("no class names (classes.txt, obj.names or data.yaml "
                                          "names:); classes are named by their number"));
    const bool polygons = dataset.task == DatasetTask::Segmentation;
    static const QRegularExpression blanks(u"\\s+"_s);
    QList<ImageImportEntry> entries;
    for (const QString &image : ImageImportSession::imageFiles(root)) {
        ImageImportEntry entry;
        entry.file = image;
        const QString labelFile = labelFileFor(image, root);
        if (labelFile.isEmpty()) {
            entries.append(entry);
            continue;
        }
        entry.origin = labelFile;
        auto probe = DatasetStore::probeImage(image);
        if (!probe) { // reported by the session when it adds the image
            entries.append(entry);
            continue;
        }
        const double w = probe->width;
        const double h = probe->height;
        int lineNo = 0;
        for (const QString &line : readAll(labelFile).split(u'\n')) {
            ++lineNo;
            const QStringList parts = line.trimmed().split(blanks, Qt::SkipEmptyParts);
            if (parts.isEmpty())
                continue;
            QList<double> numbers;
            bool numeric = true;
            for (qsizetype i = 1; i < parts.size(); ++i) {
                bool ok = false;
                numbers.append(parts[i].toDouble(&ok));
                numeric = numeric && ok;
            }
            bool classOk = false;
            const int cls = parts[0].toInt(&classOk);
            if (!numeric || !classOk) {
                session.warn(labelFile,
                             YoloFormat::tr("line %1: not numbers; skipped").arg(lineNo));
                continue;
            }
            if (cls < 0 || (!names.isEmpty() && cls >= names.size())) {
                session.warn(labelFile, YoloFormat::tr("line %1: class %2 is not in %3 (%4 "
                                                       "classes); skipped")
                                            .arg(lineNo)
                                            .arg(cls)
                                            .arg(QFileInfo(namesFile).fileName())
                                            .arg(names.size()));
                continue;
            }
            const QString label = names.isEmpty() ? QString::number(cls) : names[cls];
            if (numbers.size() == 4) {
                const QRectF r((numbers[0] - numbers[2] / 2) * w, (numbers[1] - numbers[3] / 2) * h,
                               numbers[2] * w, numbers[3] * h);
                if (polygons) {
                    entry.annotations.append(
                        Annotation::polygon(label, QPolygonF{r.topLeft(), r.topRight(),
                                                             r.bottomRight(), r.bottomLeft()}));
                } else {
                    entry.annotations.append(Annotation::box(label, r));
                }
            } else if (numbers.size() >= 6 && numbers.size() % 2 == 0) {
                QPolygonF points;
                for (qsizetype i = 0; i + 1 < numbers.size(); i += 2)
                    points.append(QPointF(numbers[i] * w, numbers[i + 1] * h));
                if (polygons)
                    entry.annotations.append(Annotation::polygon(label, points));
                else
                    entry.annotations.append(Annotation::box(label, points.boundingRect()));
            } else {
                session.warn(labelFile, YoloFormat::tr("line %1: expected 5 numbers (class cx "
                                                       "cy w h) or a polygon, found %2; "
                                                       "skipped")
                                            .arg(lineNo)
                                            .arg(parts.size()));
            }
        }
        entries.append(entry);
    }
    return session.run(entries);
}

Result<ExportReport> exportYolo(const DatasetSnapshot &snapshot, const QString &outDir,
                                const ExportOptions &options)
{
    ImageExportWriter writer(snapshot, outDir, options);
    const QStringList labels = writer.labelNames();
    auto n = [](double v) { return QString::number(v, 'f', 6); };
    for (const SnapshotItem &s : snapshot.items) {
        const QString name = writer.fileName(s.item);
        if (auto ok = writer.copyImage(s.item, u"images/"_s + name); !ok)
            return ok.error();
        const double w = qMax(1, s.item.width);
        const double h = qMax(1, s.item.height);
        QString text;
        for (const Annotation &a : writer.annotations(s)) {
            const qsizetype cls = labels.indexOf(a.label);
            if (a.kind == AnnotationKind::Box) {
                const QRectF r = a.rect();
                text += QString::number(cls) + u' ' + n(r.center().x() / w) + u' ' +
                        n(r.center().y() / h) + u' ' + n(r.width() / w) + u' ' + n(r.height() / h) +
                        u'\n';
            } else if (a.kind == AnnotationKind::Polygon) {
                text += QString::number(cls);
                for (const QPointF &p : a.points())
                    text += u' ' + n(p.x() / w) + u' ' + n(p.y() / h);
                text += u'\n';
            } else {
                continue;
            }
            ++writer.report().annotations;
        }
        if (auto ok = writer.writeFile(
                u"labels/"_s + QFileInfo(name).completeBaseName() + u".txt"_s, text.toUtf8());
            !ok)
            return ok.error();
        ++writer.report().items;
        if (!writer.step())
            return makeError(ErrorCode::Cancelled, YoloFormat::tr("Export cancelled."));
    }
    QString classes = labels.join(u'\n');
    if (!classes.isEmpty())
        classes += u'\n';
    if (auto ok = writer.writeFile(u"classes.txt"_s, classes.toUtf8()); !ok)
        return ok.error();
    QString yaml = u"path: .\ntrain: images\nval: images\nnames:\n"_s;
    for (qsizetype i = 0; i < labels.size(); ++i) {
        QString quoted = labels[i];
        quoted.replace(u"'"_s, u"''"_s);
        yaml += u"  "_s + QString::number(i) + u": '"_s + quoted + u"'\n"_s;
    }
    if (auto ok = writer.writeFile(u"data.yaml"_s, yaml.toUtf8()); !ok)
        return ok.error();
    return writer.report();
}

} // namespace atelier
