#include "storage/objectstore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryFile>

#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <linux/fs.h> // FICLONE
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

constexpr qint64 ChunkSize = 1 << 20;
constexpr int HashLength = 64;

struct Digest
{
    QString hash;
    qint64 size = 0;
};

QString shown(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

/// Refuses what cannot be stored or hashed: a missing path, a folder, a device or a pipe.
std::optional<Error> checkRegularFile(const QString &file)
{
    const QFileInfo info(file);
    if (!info.exists()) {
        return makeError(ErrorCode::NotFound,
                         ObjectStore::tr("Cannot read %1: the file does not exist. Check the path "
                                         "and try again.")
                             .arg(shown(file)));
    }
    if (info.isDir()) {
        return makeError(ErrorCode::Invalid,
                         ObjectStore::tr("Cannot store %1: it is a folder, not a file. Choose a "
                                         "file instead.")
                             .arg(shown(file)));
    }
    if (!info.isFile()) {
        return makeError(ErrorCode::Invalid,
                         ObjectStore::tr("Cannot store %1: it is not a regular file. Choose a "
                                         "regular file instead.")
                             .arg(shown(file)));
    }
    return std::nullopt;
}

Error openError(const QString &file, const QFile &f)
{
    return makeError(ErrorCode::Io, ObjectStore::tr("Cannot read %1: %2. Check that you have "
                                                    "permission to read it.")
                                        .arg(shown(file), f.errorString()));
}

Error readError(const QString &file, const QFile &f)
{
    return makeError(ErrorCode::Io,
                     ObjectStore::tr("Reading %1 failed: %2. Check the disk and try again.")
                         .arg(shown(file), f.errorString()));
}

Error writeError(const QString &target, const QString &reason)
{
    return makeError(ErrorCode::Io, ObjectStore::tr("Cannot write %1: %2. Check the free space and "
                                                    "permissions of the workspace.")
                                        .arg(shown(target), reason));
}

Result<Digest> digestOf(const QString &file)
{
    if (auto refused = checkRegularFile(file))
        return *refused;
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return openError(file, f);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QByteArray buffer(ChunkSize, Qt::Uninitialized);
    qint64 total = 0;
    for (;;) {
        const qint64 n = f.read(buffer.data(), buffer.size());
        if (n < 0)
            return readError(file, f);
        if (n == 0)
            break;
        hash.addData(QByteArrayView(buffer.constData(), n));
        total += n;
    }
    return Digest{QString::fromLatin1(hash.result().toHex()), total};
}

bool sameFile(const struct stat &a, const struct stat &b)
{
    return a.st_dev == b.st_dev && a.st_ino == b.st_ino && a.st_size == b.st_size &&
           a.st_mtim.tv_sec == b.st_mtim.tv_sec && a.st_mtim.tv_nsec == b.st_mtim.tv_nsec;
}

/// Moves \a from to \a to unless \a to exists; returns 0 or an errno (EEXIST when it exists).
int placeNoReplace(const QByteArray &from, const QByteArray &to)
{
#ifdef RENAME_NOREPLACE
    if (::renameat2(AT_FDCWD, from.constData(), AT_FDCWD, to.constData(), RENAME_NOREPLACE) == 0)
        return 0;
    if (errno != EINVAL && errno != ENOSYS)
        return errno;
#endif
    if (::link(from.constData(), to.constData()) == 0) {
        ::unlink(from.constData());
        return 0;
    }
    if (errno == EEXIST)
        return EEXIST;
    // This filesystem has neither: a plain rename. Losing the race would only replace an object
    // with identical content.
    if (::access(to.constData(), F_OK) == 0)
        return EEXIST;
    if (::rename(from.constData(), to.constData()) == 0)
        return 0;
    return errno;
}

/// Copies \a size bytes from \a in to \a out inside the kernel (copy_file_range); false when
/// this filesystem or kernel cannot, or the file ended early (then copy another way).
bool kernelCopy(int in, int out, qint64 size)
{
    loff_t inOffset = 0;
    loff_t outOffset = 0;
    while (inOffset < size) {
        const ssize_t n =
            ::copy_file_range(in, &inOffset, out, &outOffset, size_t(size - inOffset), 0);
        if (n <= 0)
            return false;
    }
    return true;
}

void syncFolder(const QString &folder)
{
    const int fd = ::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY);
    if (fd < 0)
        return;
    ::fsync(fd);
    ::close(fd);
}

} // namespace

ObjectStore::ObjectStore(QString objectsDir) : m_root(QDir::cleanPath(std::move(objectsDir))) {}

Result<QString> ObjectStore::hashFile(const QString &file)
{
    Result<Digest> digest = digestOf(file);
    if (!digest)
        return digest.error();
    return std::move(digest.value().hash);
}

bool ObjectStore::isValidHash(const QString &hash)
{
    if (hash.size() != HashLength)
        return false;
    for (const QChar c : hash) {
        const char16_t u = c.unicode();
        if (!((u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'f')))
            return false;
    }
    return true;
}

QString ObjectStore::pathFor(const QString &hash) const
{
    // An invalid id gets no path, so it can never name a file outside the store.
    if (!isValidHash(hash))
        return {};
    return m_root + QLatin1Char('/') + hash.left(2) + QLatin1Char('/') + hash.mid(2);
}

bool ObjectStore::contains(const QString &hash) const
{
    return isValidHash(hash) && QFileInfo(pathFor(hash)).isFile();
}

Status ObjectStore::verify(const QString &hash) const
{
    if (!isValidHash(hash)) {
        return makeError(ErrorCode::Invalid, tr("“%1” is not a valid object id: expected 64 "
                                                "lower-case hexadecimal digits.")
                                                 .arg(hash));
    }
    const QString path = pathFor(hash);
    const QFileInfo info(path);
    if (!info.exists()) {
        return makeError(ErrorCode::NotFound, tr("object %1 is missing from %2; restore it from a "
                                                 "backup or re-import the file")
                                                  .arg(hash, shown(m_root)));
    }
    if (!info.isFile()) {
        return makeError(ErrorCode::Corrupt, tr("object %1 in %2 is not a regular file; remove "
                                                "%3 and re-import the file")
                                                 .arg(hash, shown(m_root), shown(path)));
    }
    Result<Digest> digest = digestOf(path);
    if (!digest)
        return digest.error();
    if (digest->hash != hash) {
        return makeError(ErrorCode::Corrupt, tr("object %1 in %2 is damaged (its content now "
                                                "hashes to %3); restore it from a backup or "
                                                "re-import the file")
                                                 .arg(hash, shown(m_root), digest->hash));
    }
    return {};
}

Result<StoredObject> ObjectStore::put(const QString &file) const
{
    return put(file, Sync::EachObject);
}

Status ObjectStore::syncAll() const
{
    const int fd = ::open(QFile::encodeName(m_root).constData(), O_RDONLY | O_DIRECTORY);
    if (fd < 0)
        return writeError(m_root, qt_error_string(errno));
    const int rc = ::syncfs(fd);
    const int err = errno;
    ::close(fd);
    if (rc != 0)
        return writeError(m_root, qt_error_string(err));
    return {};
}

Result<StoredObject> ObjectStore::put(const QString &file, Sync sync) const
{
    if (auto refused = checkRegularFile(file))
        return *refused;
    if (!QFileInfo(m_root).isDir()) {
        return makeError(ErrorCode::NotFound, tr("Cannot store %1: the object store %2 does not "
                                                 "exist. Reopen the workspace.")
                                                  .arg(shown(file), shown(m_root)));
    }

    const QByteArray source = QFile::encodeName(file);
    struct stat before = {};
    if (::stat(source.constData(), &before) != 0) {
        const int err = errno;
        return makeError(err == ENOENT ? ErrorCode::NotFound : ErrorCode::Io,
                         tr("Cannot read %1: %2. Check the path and try again.")
                             .arg(shown(file), qt_error_string(err)));
    }

    Result<Digest> digest = digestOf(file);
    if (!digest)
        return digest.error();
    StoredObject stored;
    stored.hash = digest->hash;
    stored.size = digest->size;

    const QString target = pathFor(stored.hash);
    const QString folder = m_root + QLatin1Char('/') + stored.hash.left(2);

    // Identical content is already stored; only a size mismatch can be seen without re-hashing.
    auto existing = [&]() -> std::optional<Result<StoredObject>> {
        const QFileInfo info(target);
        if (!info.exists())
            return std::nullopt;
        if (!info.isFile() || info.size() != stored.size) {
            return Result<StoredObject>(makeError(
                ErrorCode::Corrupt,
                tr("object %1 in %2 is damaged (it is not a %3-byte file like %4); run a store "
                   "check, then remove %5 and import the file again")
                    .arg(stored.hash, shown(m_root))
                    .arg(stored.size)
                    .arg(shown(file), shown(target))));
        }
        stored.duplicate = true;
        stored.cloned = false;
        return Result<StoredObject>(stored);
    };
    if (auto found = existing())
        return *found;

    if (!QDir().mkpath(folder))
        return writeError(folder, tr("the folder cannot be created"));
    const QByteArray finalName = QFile::encodeName(target);

    // A private copy next to the object, then moved into place. Never a hard link: a link
    // would make the object and the user's original one file, so re-saving the original in
    // place would damage the object, and writing into objects/ would change the original.
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly))
        return openError(file, in);
    QTemporaryFile out(folder + u"/.tmp-XXXXXX"_s);
    if (!out.open())
        return writeError(folder, out.errorString());

    // Copy-on-write (btrfs, XFS) shares the blocks until either side is written: no space and
    // no copying, yet a separate file. Else the kernel copies (copy_file_range: no trip
    // through this process). Either is what the file held when it was hashed while it is
    // still the same inode with the same size and modification time — the check a hard link
    // relied on before.
    bool cloned = false;
#ifdef FICLONE
    cloned = ::ioctl(out.handle(), FICLONE, in.handle()) == 0;
#endif
    const bool copied = cloned || kernelCopy(in.handle(), out.handle(), stored.size);
    if (copied) {
        struct stat after = {};
        if (::fstat(in.handle(), &after) != 0 || !sameFile(before, after)) {
            return makeError(ErrorCode::Conflict, tr("%1 changed while it was being stored; try "
                                                     "again when no program is writing to it.")
                                                      .arg(shown(file)));
        }
    } else {
        // No kernel copy here: copy through a buffer, re-hashing what is copied so a file
        // changed meanwhile is never stored under a wrong id.
        if (!in.seek(0) || !out.resize(0))
            return writeError(target, out.errorString());
        QCryptographicHash hash(QCryptographicHash::Sha256);
        QByteArray buffer(ChunkSize, Qt::Uninitialized);
        for (;;) {
            const qint64 n = in.read(buffer.data(), buffer.size());
            if (n < 0)
                return readError(file, in);
            if (n == 0)
                break;
            hash.addData(QByteArrayView(buffer.constData(), n));
            if (out.write(buffer.constData(), n) != n)
                return writeError(target, out.errorString());
        }
        if (!out.flush())
            return writeError(target, out.errorString());
        if (QString::fromLatin1(hash.result().toHex()) != stored.hash) {
            return makeError(ErrorCode::Conflict, tr("%1 changed while it was being stored; try "
                                                     "again when no program is writing to it.")
                                                      .arg(shown(file)));
        }
    }
    if (sync == Sync::EachObject && ::fsync(out.handle()) != 0)
        return writeError(target, qt_error_string(errno));
    // Objects are immutable: read-only, like git's.
    ::fchmod(out.handle(), S_IRUSR | S_IRGRP | S_IROTH);
    out.close();

    const int err = placeNoReplace(QFile::encodeName(out.fileName()), finalName);
    if (err == EEXIST) {
        if (auto found = existing())
            return *found;
        return writeError(target, qt_error_string(err));
    }
    if (err != 0)
        return writeError(target, qt_error_string(err));
    out.setAutoRemove(false);
    if (sync == Sync::EachObject)
        syncFolder(folder);
    stored.cloned = cloned;
    return stored;
}

Result<QList<StoreFile>> ObjectStore::files() const
{
    QList<StoreFile> found;
    if (!QFileInfo(m_root).isDir()) {
        return makeError(ErrorCode::NotFound, tr("The object store %1 does not exist. Reopen the "
                                                 "workspace.")
                                                  .arg(shown(m_root)));
    }
    QDirIterator it(m_root, QDir::Files | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo info = it.nextFileInfo();
        StoreFile entry;
        entry.path = info.absoluteFilePath();
        entry.size = info.size();
        entry.modified = info.lastModified();
        // Only objects/ab/cdef… names an object; a deeper or odd path does not.
        if (info.absolutePath() == m_root + QLatin1Char('/') + info.dir().dirName()) {
            const QString candidate = info.dir().dirName() + info.fileName();
            if (info.dir().dirName().size() == 2 && isValidHash(candidate))
                entry.hash = candidate;
        }
        found.append(entry);
    }
    return found;
}

} // namespace atelier
