#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <atomic>
#include <functional>

namespace atelier {

/// An archive entry that was not unpacked, and why.
struct ArchiveRefusal
{
    QString entry;
    QString reason;
};

/// What unpacking did.
struct ArchiveContents
{
    int files = 0;
    qint64 bytes = 0;
    QList<ArchiveRefusal> refused; ///< links, `..` or absolute paths, encrypted or damaged entries
};

/// Unpacks zip (stored / deflate) and tar (plain or gzip) archives safely, on zlib alone:
/// entries naming absolute paths, `..`, links or devices are refused and reported, never
/// written; the unpacked size is capped (checked on the bytes written, not on the headers).
class ArchiveReader final
{
    Q_DECLARE_TR_FUNCTIONS(ArchiveReader)

public:
    enum class Kind { None, Zip, Tar, TarGz };

    /// The archive kind from the file's first bytes (None: not an archive we read).
    static Kind detect(const QString &file);
    /// Unpacks \a archive into the existing folder \a dest. Fails (Invalid) when the archive
    /// is damaged or unpacks past \a maxBytes, Cancelled when \a cancel becomes true; what was
    /// written stays in \a dest (a temporary folder of the caller).
    static Result<ArchiveContents> extract(const QString &archive, const QString &dest,
                                           qint64 maxBytes,
                                           const std::atomic_bool *cancel = nullptr);
    /// The entry name made safe ('/'-separated, relative, no `.`/`..`), or empty when refused.
    static QString safeEntryPath(const QString &name);
};

} // namespace atelier
