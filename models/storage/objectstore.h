#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

namespace atelier {

/// What storing a file produced.
struct StoredObject
{
    QString hash;           ///< SHA-256 of the content, 64 lower-case hex digits
    qint64 size = 0;        ///< bytes
    bool duplicate = false; ///< the content was already in the store; nothing was written
    bool cloned = false;    ///< stored as a copy-on-write clone (btrfs, XFS) rather than a copy
};

/// A file found in the store's folders (ObjectStore::files()).
struct StoreFile
{
    QString path; ///< absolute
    /// The object id its place names (`ab/cdef…` → `abcdef…`); empty for anything else, such
    /// as a temporary file left by an interrupted import.
    QString hash;
    qint64 size = 0;
    QDateTime modified;
};

/// Content-addressed file store: `objects/ab/cdef…` holds the file whose SHA-256 is `abcdef…`.
class ObjectStore final
{
    Q_DECLARE_TR_FUNCTIONS(ObjectStore)

public:
    /// A store rooted at \a objectsDir (the workspace's `objects/`), which must exist.
    explicit ObjectStore(QString objectsDir);

    /// Streams \a file through SHA-256; lower-case hex.
    static Result<QString> hashFile(const QString &file);
    /// True when \a hash is 64 lower-case hex digits.
    static bool isValidHash(const QString &hash);

    /// Stores a private, read-only (0444) copy of \a file: a copy-on-write clone where the
    /// filesystem offers one (ioctl FICLONE: btrfs, XFS), a plain copy otherwise. Never a hard
    /// link: re-saving the original must not change the object, and nothing written under
    /// objects/ may reach the user's file. Identical content is stored once (`duplicate` is
    /// then true). Never leaves a partial object.
    Result<StoredObject> put(const QString &file) const;
    /// When a new object reaches the disk: at once (each put syncs its folder), or when the
    /// caller calls syncAll() — for imports of many files, which sync once per batch.
    enum class Sync { EachObject, Deferred };
    Result<StoredObject> put(const QString &file, Sync sync) const;
    /// Flushes everything written to the store's filesystem (syncfs); for Sync::Deferred.
    Status syncAll() const;
    /// Where the object with \a hash lives (whether or not it exists).
    QString pathFor(const QString &hash) const;
    bool contains(const QString &hash) const;
    /// Re-hashes the object: NotFound when missing, Corrupt when its content no longer matches.
    Status verify(const QString &hash) const;
    /// Every file under the store (objects and leftovers), for the store check.
    Result<QList<StoreFile>> files() const;

private:
    QString m_root;
};

} // namespace atelier
