#include "core/logtail.h"

#include <QFile>

namespace atelier::LogTail {

QList<QByteArray> lines(const QString &path, qint64 maxBytes)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    if (file.size() > maxBytes && !file.seek(file.size() - maxBytes))
        return {};
    QList<QByteArray> kept;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (QByteArray trimmed = line.trimmed(); !trimmed.isEmpty())
            kept.append(std::move(trimmed));
    }
    return kept;
}

QString lastLine(const QString &path, qint64 maxBytes)
{
    const QList<QByteArray> all = lines(path, maxBytes);
    return all.isEmpty() ? QString() : QString::fromUtf8(all.constLast());
}

} // namespace atelier::LogTail
