#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace atelier {

/// The end of a log file: why a process ended is in its last lines. Only the last
/// \a maxBytes are read, so a large log costs nothing.
namespace LogTail {

/// The non-empty lines at the end of \a path, trimmed, oldest first; none when it is unreadable.
QList<QByteArray> lines(const QString &path, qint64 maxBytes = 64 * 1024);

/// The last non-empty line of \a path, trimmed; empty when there is none.
QString lastLine(const QString &path, qint64 maxBytes = 64 * 1024);

} // namespace LogTail

} // namespace atelier
