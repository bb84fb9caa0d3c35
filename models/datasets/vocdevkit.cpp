#include "datasets/vocdevkit.h"

#include "datasets/datasetcatalog.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

const QStringList &partFolders()
{
    static const QStringList parts{u"Annotations"_s, u"JPEGImages"_s, u"SegmentationClass"_s,
                                   u"SegmentationObject"_s, u"ImageSets"_s};
    return parts;
}

bool isVocRoot(const QString &folder, int levels)
{
    const QDir dir(folder);
    for (const QString &part : {u"Annotations"_s, u"JPEGImages"_s, u"SegmentationClass"_s}) {
        if (QFileInfo(dir.filePath(part)).isDir())
            return true;
    }
    if (levels == 0)
        return false;
    const QStringList subs = dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &sub : subs) {
        if (isVocRoot(dir.filePath(sub), levels - 1))
            return true;
    }
    return false;
}

void addSplit(QHash<QString, QStringList> &lists, const QString &file, const QString &split)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return;
    for (const QByteArray &raw : f.readAll().split('\n')) {
        // One image stem a line (a name may hold spaces; per-class lists are not read here).
        const QString stem = QString::fromUtf8(raw).trimmed();
        if (!stem.isEmpty() && !lists[stem].contains(split))
            lists[stem].append(split);
    }
}

int rank(const QString &split)
{
    static const QStringList order{u"train"_s, u"val"_s, u"test"_s};
    const int i = int(order.indexOf(split));
    return i >= 0 ? i : int(order.size());
}

} // namespace

QString vocRootOf(const QString &file)
{
    QDir dir = QFileInfo(file).absoluteDir();
    if (partFolders().contains(dir.dirName(), Qt::CaseInsensitive))
        return QDir::cleanPath(dir.absoluteFilePath(u".."_s));
    return dir.absolutePath();
}

QStringList linkedVocFolders(const QString &chosen)
{
    QStringList found;
    const QString base = QDir(chosen).absolutePath();
    const QString canonicalBase = QFileInfo(base).canonicalFilePath();
    QDirIterator it(base, QDir::Dirs | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QFileInfo info = it.fileInfo();
        const int depth = int(QDir(base).relativeFilePath(path).count(u'/')) + 1;
        if (!info.isSymLink() || depth > 3)
            continue;
        // Only a VOC dataset (VOC2012/, or VOCdevkit/ holding it) is followed: its whole folder
        // becomes readable to the import, so never a link to a part alone (JPEGImages -> ~),
        // to the root or to a folder holding the chosen one.
        const QString target = info.canonicalFilePath();
        if (target.isEmpty() || target == u"/"_s || canonicalBase.startsWith(target + u'/') ||
            target == canonicalBase)
            continue;
        if (isVocRoot(target, 1))
            found.append(path);
    }
    found.sort();
    return found;
}

QStringList filesUnder(const QString &folder, const QStringList &linked,
                       const QStringList &patterns)
{
    QStringList files;
    QSet<QString> seen;
    auto scan = [&](const QString &dir) {
        QDirIterator it(dir, patterns, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            const QString canonical = it.fileInfo().canonicalFilePath();
            if (canonical.isEmpty() || seen.contains(canonical))
                continue;
            seen.insert(canonical);
            files.append(file);
        }
    };
    scan(folder);
    for (const QString &dir : linked)
        scan(dir);
    files.sort();
    return files;
}

VocSplits readVocSplits(const QString &root)
{
    QHash<QString, QStringList> lists;
    for (const QString &sub : {u"ImageSets/Main"_s, u"ImageSets/Segmentation"_s}) {
        const QDir dir(QDir(root).filePath(sub));
        for (const QString &name : dir.entryList({u"*.txt"_s}, QDir::Files, QDir::Name)) {
            const QString split = QFileInfo(name).completeBaseName();
            if (split.contains(u'_'))
                continue; // "aeroplane_train.txt": a per-class list, derived from the XML
            addSplit(lists, dir.filePath(name), split);
        }
    }
    VocSplits splits;
    for (auto it = lists.cbegin(); it != lists.cend(); ++it) {
        QStringList names = it.value();
        if (names.size() > 1)
            names.removeAll(u"trainval"_s);
        std::sort(names.begin(), names.end(), [](const QString &a, const QString &b) {
            return rank(a) != rank(b) ? rank(a) < rank(b) : a < b;
        });
        splits.byStem.insert(it.key(), names.first());
        if (names.size() > 1)
            splits.conflicts.append(u"%1 (%2)"_s.arg(it.key(), names.join(u", "_s)));
    }
    splits.conflicts.sort();
    return splits;
}

QMap<QString, QByteArray> vocSplitFiles(const QList<std::pair<QString, QString>> &stems,
                                        qint64 &unsplit)
{
    QMap<QString, QByteArray> files;
    unsplit = 0;
    for (const auto &[stem, given] : stems) {
        QString split = given;
        // The split names a file: one that cannot (a path, a dot file) counts as unknown.
        static const QRegularExpression safe(u"^[A-Za-z0-9][A-Za-z0-9._-]*$"_s);
        if (!safe.match(split).hasMatch()) {
            split = u"train"_s;
            ++unsplit;
        }
        const QByteArray line = stem.toUtf8() + '\n';
        files[split] += line;
        if (split == u"train"_s || split == u"val"_s)
            files[u"trainval"_s] += line;
    }
    return files;
}

void LeftOutFields::add(const QJsonObject &attributes, const QStringList &kept)
{
    for (auto it = attributes.begin(); it != attributes.end(); ++it) {
        if (!kept.contains(it.key()))
            ++m_counts[it.key()];
    }
}

QString LeftOutFields::text() const
{
    QList<std::pair<QString, qint64>> sorted;
    for (auto it = m_counts.cbegin(); it != m_counts.cend(); ++it)
        sorted.append({it.key(), it.value()});
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const auto &a, const auto &b) { return a.second > b.second; });
    QStringList parts;
    for (const auto &[name, count] : sorted)
        parts.append(u"%1 (%2)"_s.arg(name).arg(count));
    return parts.join(u", "_s);
}

void keepVocClasses(DatasetCatalog &catalog, const DatasetInfo &dataset,
                    const QMap<int, QString> &names, const QMap<QString, int> &classIds)
{
    for (auto it = names.cbegin(); it != names.cend(); ++it) {
        // "class_7" at index 7 fills a gap in labelMapText: no class of its own.
        if (it.key() > 0 && !it.value().isEmpty() && it.value() != u"class_%1"_s.arg(it.key()))
            (void)catalog.ensureLabel(dataset.id, it.value());
    }
    auto labels = catalog.labels(dataset.id);
    if (!labels)
        return;
    for (const DatasetLabel &l : labels.value()) {
        int id = classIds.value(l.name, 0);
        for (auto it = names.cbegin(); it != names.cend() && id == 0; ++it)
            id = it.value() == l.name ? it.key() : 0;
        if (l.attributes.contains(u"id"_s) || id <= 0)
            continue;
        QJsonObject attributes = l.attributes;
        attributes.insert(u"id"_s, id);
        (void)catalog.setLabelAttributes(dataset.id, l.name, attributes);
    }
}

} // namespace atelier
