#include "datasets/imageexportwriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSet>

using namespace Qt::StringLiterals;

namespace atelier {

ImageExportWriter::ImageExportWriter(const DatasetSnapshot &snapshot, QString outDir,
                                     const ExportOptions &options)
    : m_snapshot(snapshot), m_out(std::move(outDir)), m_options(options)
{
    QSet<QString> taken;
    for (const SnapshotItem &s : snapshot.items) {
        QString base = QFileInfo(s.item.sourceName).fileName();
        base.replace(u'\\', u'_').replace(u':', u'_');
        if (base.isEmpty() || base.startsWith(u'.'))
            base = s.item.objectHash.left(16) + base;
        // Unique by stem: YOLO, VOC and labelme name their annotation files after it.
        QString name = base;
        const QFileInfo fi(base);
        const QString suffix = fi.suffix().isEmpty() ? QString() : u'.' + fi.suffix();
        for (int n = 1; taken.contains(QFileInfo(name).completeBaseName().toLower()); ++n) {
            name = fi.completeBaseName() + u'-' + s.item.objectHash.left(8) +
                   (n > 1 ? u'-' + QString::number(n) : QString()) + suffix;
        }
        taken.insert(QFileInfo(name).completeBaseName().toLower());
        m_names.insert(s.item.id, name);
    }
}

Status ImageExportWriter::copyImage(const DatasetItem &item, const QString &relativePath)
{
    const QString source = m_snapshot.imagePath(item);
    const QString target = QDir(m_out).filePath(relativePath);
    QDir().mkpath(QFileInfo(target).absolutePath());
    if (QFileInfo::exists(target))
        QFile::remove(target);
    if (!QFile::copy(source, target)) {
        return makeError(ErrorCode::Io, tr("Cannot copy the image of %1 (object %2) to %3.")
                                            .arg(item.sourceName, item.objectHash.left(12),
                                                 QDir::toNativeSeparators(target)));
    }
    QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup |
                                      QFile::ReadOther);
    return {};
}

QList<Annotation> ImageExportWriter::annotations(const SnapshotItem &item) const
{
    QList<Annotation> list;
    for (const Annotation &a : item.annotations) {
        if (a.state == AnnotationState::Rejected)
            continue;
        if (a.state == AnnotationState::Suggested && !m_options.includeSuggested)
            continue;
        if (!m_options.author.isEmpty() && a.author != m_options.author)
            continue;
        list.append(a);
    }
    return list;
}

Status ImageExportWriter::writeFile(const QString &relativePath, const QByteArray &data)
{
    const QString target = QDir(m_out).filePath(relativePath);
    QDir().mkpath(QFileInfo(target).absolutePath());
    QSaveFile file(target);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        return makeError(
            ErrorCode::Io,
            tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(target), file.errorString()));
    }
    if (!m_report.files.contains(relativePath))
        m_report.files.append(relativePath);
    return {};
}

bool ImageExportWriter::step()
{
    ++m_done;
    if (m_options.progress && (m_done % 64 == 0 || m_done == m_snapshot.items.size()))
        m_options.progress(m_done, m_snapshot.items.size());
    return !(m_options.cancel && m_options.cancel->load());
}

QStringList ImageExportWriter::labelNames() const
{
    QStringList names;
    for (const DatasetLabel &l : m_snapshot.labels)
        names.append(l.name);
    for (const SnapshotItem &s : m_snapshot.items) {
        for (const Annotation &a : annotations(s)) {
            if (!a.label.isEmpty() && !names.contains(a.label))
                names.append(a.label);
        }
    }
    return names;
}

} // namespace atelier
