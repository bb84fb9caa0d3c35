// YOLO import: images/ with labels/<stem>.txt ("class cx cy w h" normalised; segmentation:
// "class x1 y1 x2 y2 …"), class names in data.yaml (Ultralytics), classes.txt or obj.names;
// images/train, images/val (or train/images, …) give the items' splits.
#include "datasets/datasetcatalog.h"
#include "datasets/datasetcontext.h"
#include "datasets/imageformats.h"
#include "datasets/imageimportsession.h"
#include "datasets/imageprobe.h"
#include "datasets/yolooutline.h"
#include "datasets/yoloyaml.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

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
    QString text = QString::fromUtf8(f.readAll());
    if (text.startsWith(QChar(0xfeff))) // a BOM (Windows editors) is not part of a class name
        text.remove(0, 1);
    return text;
}

/// The class list and where the import found it.
struct YoloClasses
{
    QMap<int, QString> names; ///< class index → name; empty: classes are named by number
    QString namesFile;        ///< the file the names came from
    YoloYaml yaml;            ///< the data.yaml read, when there is one
    QString yamlFile;
};

/// Finds the class names: data.yaml (Ultralytics) first, then classes.txt, obj.names, *.names;
/// the shallowest file wins. Problems of the YAML file and disagreements are warned about.
YoloClasses findClasses(const QString &root, ImageImportSession &session)
{
    auto rank = [](const QString &file) {
        static const QStringList order{u"data.yaml"_s, u"dataset.yaml"_s, u"classes.txt"_s,
                                       u"obj.names"_s};
        const QString name = QFileInfo(file).fileName();
        const qsizetype at = order.indexOf(name);
        if (at >= 0)
            return int(at);
        return name.endsWith(u".yaml"_s) || name.endsWith(u".yml"_s) ? 10 : 11;
    };
    QDirIterator it(root, {u"classes.txt"_s, u"*.names"_s, u"*.yaml"_s, u"*.yml"_s},
                    QDir::Files | QDir::NoSymLinks, QDirIterator::Subdirectories);
    QStringList files;
    while (it.hasNext())
        files.append(it.next());
    std::sort(files.begin(), files.end(), [&](const QString &a, const QString &b) {
        return std::tuple(a.count(u'/'), rank(a), a) < std::tuple(b.count(u'/'), rank(b), b);
    });
    YoloClasses classes;
    QMap<int, QString> listed; // from classes.txt / *.names
    QString listedFile;
    for (const QString &f : files) {
        const bool yaml = rank(f) == 0 || rank(f) == 1 || rank(f) == 10;
        if (yaml && classes.yamlFile.isEmpty()) {
            YoloYaml y = YoloYaml::parse(readAll(f));
            if (!y.hasNames && y.splits.isEmpty() && y.problems.isEmpty())
                continue; // another YAML file (hyperparameters, …)
            classes.yaml = y;
            classes.yamlFile = f;
        } else if (!yaml && listedFile.isEmpty()) {
            int index = 0;
            for (const QString &line : readAll(f).split(u'\n')) {
                if (!line.trimmed().isEmpty())
                    listed.insert(index++, line.trimmed());
            }
            if (!listed.isEmpty())
                listedFile = f;
        }
    }
    for (const QString &problem : classes.yaml.problems)
        session.warn(classes.yamlFile, problem);
    if (classes.yaml.hasNames) {
        classes.names = classes.yaml.names;
        classes.namesFile = classes.yamlFile;
        if (!listedFile.isEmpty() && listed != classes.names) {
            session.warn(listedFile,
                         YoloFormat::tr("its class names differ from those of %1; %1's are used")
                             .arg(session.display(classes.yamlFile)));
        }
    } else if (!listedFile.isEmpty()) {
        classes.names = listed;
        classes.namesFile = listedFile;
    }
    return classes;
}

/// Which split each image is in, from data.yaml's train / val / test folders or image lists;
/// a folder named for several splits says nothing (Atelier's own "train: images, val: images").
class SplitMap
{
public:
    SplitMap(const YoloClasses &classes, const QString &root) : m_root(root)
    {
        if (classes.yamlFile.isEmpty() || classes.yaml.splits.isEmpty())
            return;
        const QDir yamlDir = QFileInfo(classes.yamlFile).absoluteDir();
        QStringList bases;
        if (!classes.yaml.path.isEmpty())
            bases.append(QDir::isAbsolutePath(classes.yaml.path)
                             ? classes.yaml.path
                             : yamlDir.filePath(classes.yaml.path));
        bases.append(yamlDir.absolutePath());
        for (const QString &base : bases) {
            if (read(classes.yaml, QDir(base)))
                break;
        }
    }

    /// The split of \a image (absolute path); empty when none is known.
    QString split(const QString &image) const
    {
        const QString canonical = QFileInfo(image).canonicalFilePath();
        if (const auto it = m_files.constFind(canonical); it != m_files.cend())
            return *it;
        for (const auto &[folder, split] : m_folders) {
            if (canonical.startsWith(folder + u'/'))
                return split;
        }
        // No data.yaml: images/<split>/… (Ultralytics) or <split>/images/… (Roboflow).
        static const QStringList known{u"train"_s,      u"training"_s, u"val"_s,     u"valid"_s,
                                       u"validation"_s, u"test"_s,     u"testing"_s, u"dev"_s};
        const QStringList parts = QDir(m_root).relativeFilePath(image).split(u'/');
        const qsizetype at = parts.lastIndexOf(u"images"_s, parts.size() - 2);
        if (at >= 0 && at + 2 < parts.size())
            return parts[at + 1];
        if (at >= 1 && known.contains(parts[at - 1].toLower()))
            return parts[at - 1];
        return {};
    }

private:
    bool read(const YoloYaml &yaml, const QDir &base)
    {
        QHash<QString, QStringList> claims; // folder → splits naming it
        bool found = false;
        for (auto it = yaml.splits.cbegin(); it != yaml.splits.cend(); ++it) {
            for (const QString &entry : it.value()) {
                QFileInfo fi(base.filePath(entry));
                // Roboflow writes "../train/images" meaning train/images; Ultralytics reads
                // it that way when the path does not exist.
                if (!fi.exists() && entry.startsWith(u"../"_s))
                    fi = QFileInfo(base.filePath(entry.mid(3)));
                if (fi.isDir()) {
                    claims[fi.canonicalFilePath()].append(it.key());
                    found = true;
                } else if (fi.isFile() && fi.suffix() == u"txt"_s) {
                    // An image list: one path a line, relative to the list's folder.
                    for (const QString &line : readAll(fi.filePath()).split(u'\n')) {
                        const QString t = line.trimmed();
                        if (t.isEmpty())
                            continue;
                        const QString file =
                            QFileInfo(fi.absoluteDir().filePath(t)).canonicalFilePath();
                        if (!file.isEmpty())
                            m_files.insert(file, it.key());
                    }
                    found = true;
                }
            }
        }
        for (auto it = claims.cbegin(); it != claims.cend(); ++it) {
            if (it.value().size() == 1)
                m_folders.append({it.key(), it.value().first()});
        }
        // The deepest folder wins: "train: images" with "val: images/val".
        std::sort(m_folders.begin(), m_folders.end(),
                  [](const auto &a, const auto &b) { return a.first.size() > b.first.size(); });
        return found;
    }

    QString m_root;
    QHash<QString, QString> m_files;
    QList<std::pair<QString, QString>> m_folders;
};

QString labelFileFor(const QString &image, const QString &root)
{
    const QFileInfo fi(image);
    const QString stem = fi.completeBaseName() + u".txt"_s;
    const QString folder = fi.absolutePath() + u'/';
    QStringList candidates;
    // Ultralytics: the last "/images/" of the path becomes "/labels/".
    if (const qsizetype at = folder.lastIndexOf(u"/images/"_s); at >= 0)
        candidates.append(folder.left(at) + u"/labels/"_s + folder.mid(at + 8) + stem);
    candidates.append(folder + stem);
    candidates.append(QDir(root).filePath(u"labels/"_s + stem));
    for (const QString &c : candidates) {
        if (QFileInfo(c).isFile())
            return c;
    }
    return {};
}

/// One row of a label file.
struct Row
{
    int line = 0;
    int cls = -1;
    QList<double> numbers;
    bool box() const { return numbers.size() == 4; }
    bool polygon() const { return numbers.size() >= 6 && numbers.size() % 2 == 0; }
};

/// The rows of \a file; rows that are not numbers are warned about and left out.
QList<Row> readRows(const QString &file, ImageImportSession *session)
{
    static const QRegularExpression blanks(u"\\s+"_s);
    QList<Row> rows;
    int lineNo = 0;
    for (const QString &line : readAll(file).split(u'\n')) {
        ++lineNo;
        const QStringList parts = line.trimmed().split(blanks, Qt::SkipEmptyParts);
        if (parts.isEmpty())
            continue;
        Row row;
        row.line = lineNo;
        bool numeric = true;
        for (qsizetype i = 1; i < parts.size(); ++i) {
            bool ok = false;
            row.numbers.append(parts[i].toDouble(&ok));
            numeric = numeric && ok;
        }
        bool classOk = false;
        row.cls = parts[0].toInt(&classOk);
        if (!numeric || !classOk) {
            if (session)
                session->warn(file, YoloFormat::tr("line %1: not numbers; skipped").arg(lineNo));
            continue;
        }
        rows.append(row);
    }
    return rows;
}

/// Makes the label set follow the class list: one label per class in class-id order, unused
/// classes included, each remembering its class id (the "id" attribute the export writes).
void makeLabels(DatasetCatalog &catalog, const DatasetInfo &dataset,
                const QMap<int, QString> &names, ImageImportSession &session,
                const QString &namesFile)
{
    QHash<QString, int> first;
    for (auto it = names.cbegin(); it != names.cend(); ++it) {
        if (first.contains(it.value())) {
            session.warn(namesFile, YoloFormat::tr("classes %1 and %2 are both named \"%3\"; "
                                                   "they become one label")
                                        .arg(first.value(it.value()))
                                        .arg(it.key())
                                        .arg(it.value()));
            continue;
        }
        first.insert(it.value(), it.key());
        auto label = catalog.ensureLabel(dataset.id, it.value());
        if (!label) {
            session.warn(namesFile, label.error().message);
            continue;
        }
        if (label->attributes.contains(u"id"_s))
            continue; // a label the dataset had: its class id stays
        QJsonObject attributes = label->attributes;
        attributes.insert(u"id"_s, it.key());
        if (auto ok = catalog.setLabelAttributes(dataset.id, label->name, attributes); !ok)
            session.warn(namesFile, ok.error().message);
    }
}

/// Label files under a labels/ folder that no image uses are counted, not passed over.
void warnOrphans(const QString &root, const QSet<QString> &used, ImageImportSession &session)
{
    qint64 orphans = 0;
    QString first;
    QDirIterator it(root, {u"*.txt"_s}, QDir::Files | QDir::NoSymLinks,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = QFileInfo(it.next()).absoluteFilePath();
        if (used.contains(file) ||
            !QDir(root).relativeFilePath(file).split(u'/').contains(u"labels"_s))
            continue;
        if (orphans++ == 0)
            first = file;
    }
    if (orphans > 0)
        session.warn(first, YoloFormat::tr("%n label file(s) without an image of the same name "
                                           "(this is the first); not imported",
                                           nullptr, int(orphans)));
}

} // namespace

Result<ImportReport> importYolo(DatasetContext &context, const DatasetInfo &dataset,
                                const QString &path, const ImportOptions &options)
{
    ImageImportSession session(context, dataset, options, u"yolo"_s);
    auto local = session.open(path);
    if (!local)
        return local.error();
    if (!QFileInfo(local.value()).isDir())
        return makeError(ErrorCode::Invalid,
                         YoloFormat::tr("Give the YOLO dataset's folder (images/, labels/, "
                                        "data.yaml or classes.txt) or an archive of it."));
    const QString root = local.value();
    const YoloClasses classes = findClasses(root, session);
    if (classes.names.isEmpty())
        session.warn(root, YoloFormat::tr("no class names (data.yaml names:, classes.txt or "
                                          "obj.names); classes are named by their number"));
    const SplitMap splits(classes, root);
    const bool segmentation = dataset.task == DatasetTask::Segmentation;
    QMap<int, QString> names = classes.names;
    qint64 boxesAsPolygons = 0;
    qint64 polygonsAsBoxes = 0;
    QList<ImageImportEntry> entries;
    QSet<QString> usedLabelFiles;
    for (const QString &image : ImageImportSession::imageFiles(root)) {
        ImageImportEntry entry;
        entry.file = image;
        entry.split = splits.split(image);
        const QString labelFile = labelFileFor(image, root);
        if (labelFile.isEmpty()) {
            entries.append(entry);
            continue;
        }
        entry.origin = labelFile;
        usedLabelFiles.insert(QFileInfo(labelFile).absoluteFilePath());
        auto probe = ImageProbe::read(image);
        if (!probe) { // reported by the session when it adds the image
            entries.append(entry);
            continue;
        }
        const double w = probe->width;
        const double h = probe->height;
        for (const Row &row : readRows(labelFile, &session)) {
            if (row.cls < 0 || (!classes.names.isEmpty() && !classes.names.contains(row.cls))) {
                session.warn(labelFile, YoloFormat::tr("line %1: class %2 is not in %3 (%4 "
                                                       "classes); skipped")
                                            .arg(row.line)
                                            .arg(row.cls)
                                            .arg(QFileInfo(classes.namesFile).fileName())
                                            .arg(classes.names.size()));
                continue;
            }
            if (classes.names.isEmpty())
                names.insert(row.cls, QString::number(row.cls));
            const QString label = names.value(row.cls);
            const QList<double> &n = row.numbers;
            if (row.box()) {
                const QRectF r((n[0] - n[2] / 2) * w, (n[1] - n[3] / 2) * h, n[2] * w, n[3] * h);
                if (segmentation) {
                    entry.annotations.append(
                        Annotation::polygon(label, QPolygonF{r.topLeft(), r.topRight(),
                                                             r.bottomRight(), r.bottomLeft()}));
                    ++boxesAsPolygons;
                } else {
                    entry.annotations.append(Annotation::box(label, r));
                }
            } else if (row.polygon()) {
                QPolygonF points;
                for (qsizetype i = 0; i + 1 < n.size(); i += 2)
                    points.append(QPointF(n[i] * w, n[i + 1] * h));
                if (segmentation) {
                    // One instance of several parts, as Atelier's export joins them.
                    entry.annotations.append(Annotation::polygon(label, yolo::splitParts(points)));
                } else {
                    entry.annotations.append(Annotation::box(label, points.boundingRect()));
                    ++polygonsAsBoxes;
                }
            } else {
                session.warn(labelFile, YoloFormat::tr("line %1: expected 5 numbers (class cx "
                                                       "cy w h) or a polygon, found %2; "
                                                       "skipped")
                                            .arg(row.line)
                                            .arg(n.size() + 1));
            }
        }
        entries.append(entry);
    }
    if (boxesAsPolygons > 0)
        session.warn(root, YoloFormat::tr("%n box row(s) became 4-point polygons: a segmentation "
                                          "dataset holds no boxes",
                                          nullptr, int(boxesAsPolygons)));
    if (polygonsAsBoxes > 0)
        session.warn(root, YoloFormat::tr("%n polygon row(s) became their bounding boxes: a "
                                          "detection dataset holds no polygons (import into a "
                                          "segmentation dataset to keep them)",
                                          nullptr, int(polygonsAsBoxes)));
    warnOrphans(root, usedLabelFiles, session);
    DatasetCatalog catalog(context);
    makeLabels(catalog, dataset, names, session, classes.namesFile);
    return session.run(entries);
}

std::optional<TaskChoice> inferYoloTask(const QString &path)
{
    if (!QFileInfo(path).isDir())
        return std::nullopt; // an archive: the format's default
    qint64 boxes = 0;
    qint64 polygons = 0;
    QDirIterator it(path, {u"*.txt"_s}, QDir::Files | QDir::NoSymLinks,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        if (QFileInfo(file).fileName() == u"classes.txt"_s)
            continue;
        for (const Row &row : readRows(file, nullptr)) {
            boxes += row.box() ? 1 : 0;
            polygons += row.polygon() ? 1 : 0;
        }
    }
    if (polygons > 0)
        return TaskChoice{DatasetTask::Segmentation,
                          YoloFormat::tr("polygon rows (YOLO-seg) in %1 of %2 label rows")
                              .arg(polygons)
                              .arg(polygons + boxes)};
    if (boxes > 0)
        return TaskChoice{DatasetTask::Detection,
                          YoloFormat::tr("box rows only (%1 label rows)").arg(boxes)};
    return std::nullopt;
}

} // namespace atelier
