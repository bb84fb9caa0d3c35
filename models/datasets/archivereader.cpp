#include "datasets/archivereader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStorageInfo>

#include <zlib.h>

#include <cstring>
#include <functional>
#include <limits>
#include <memory>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

constexpr qint64 kChunk = 256 * 1024;
constexpr int kMaxEntries = 200000;
/// Every entry counts at least this much toward the size cap (a file system block and more),
/// so an archive of many empty files cannot fill the disk with inodes below the cap.
constexpr qint64 kMinEntryBytes = 512;
// A compression bomb expands far beyond what images and annotation files do: past kRatioFloor
// bytes, an entry (zip) or the stream so far (tar.gz) may not unpack to more than kMaxRatio
// times its compressed size.
constexpr qint64 kMaxRatio = 100;
constexpr qint64 kRatioFloor = 4 * 1024 * 1024;
// Space left free on the disk the archive unpacks to, for the catalog and the objects.
constexpr qint64 kDiskReserve = 256 * 1024 * 1024;

bool hasControlCharacter(const QString &name)
{
    for (const QChar c : name) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return true;
    }
    return false;
}

quint16 le16(const char *p)
{
    return quint16(uchar(p[0]) | uchar(p[1]) << 8);
}

quint32 le32(const char *p)
{
    return quint32(uchar(p[0])) | quint32(uchar(p[1])) << 8 | quint32(uchar(p[2])) << 16 |
           quint32(uchar(p[3])) << 24;
}

quint64 le64(const char *p)
{
    return quint64(le32(p)) | quint64(le32(p + 4)) << 32;
}

/// Where the central directory is and how many entries it lists, from the end records: the
/// classic one, or the ZIP64 one that its locator points to when a field is saturated (more
/// than 65,535 entries, or offsets past 4 GiB).
struct CentralDirectory
{
    quint64 entries = 0;
    quint64 size = 0;
    quint64 offset = 0;
};

Result<CentralDirectory> findCentralDirectory(QFile &file)
{
    const qint64 size = file.size();
    const qint64 tailSize = qMin<qint64>(size, 65535 + 22 + 20);
    file.seek(size - tailSize);
    const QByteArray tail = file.read(tailSize);
    const qsizetype eocd = tail.lastIndexOf(QByteArrayLiteral("PK\x05\x06"));
    if (eocd < 0 || tail.size() - eocd < 22)
        return makeError(ErrorCode::Invalid,
                         ArchiveReader::tr("the zip file is damaged (no central directory)"));
    const char *e = tail.constData() + eocd;
    CentralDirectory cd{le16(e + 10), le32(e + 12), le32(e + 16)};
    const bool saturated =
        cd.entries == 0xffff || cd.size == 0xffffffffu || cd.offset == 0xffffffffu;
    if (!saturated)
        return cd;
    // The ZIP64 locator sits right before the classic record; it gives the ZIP64 record.
    if (eocd < 20 || le32(tail.constData() + eocd - 20) != 0x07064b50)
        return makeError(ErrorCode::Invalid, ArchiveReader::tr("the zip file is damaged (its "
                                                               "ZIP64 end record is missing)"));
    const quint64 recordAt = le64(tail.constData() + eocd - 20 + 8);
    char record[56];
    if (recordAt > quint64(size) || !file.seek(qint64(recordAt)) ||
        file.read(record, sizeof record) != qint64(sizeof record) || le32(record) != 0x06064b50)
        return makeError(ErrorCode::Invalid, ArchiveReader::tr("the zip file is damaged (its "
                                                               "ZIP64 end record is missing)"));
    return CentralDirectory{le64(record + 32), le64(record + 40), le64(record + 48)};
}

/// The 64-bit values of a central directory entry whose 32-bit fields are saturated, from its
/// ZIP64 extra field (0x0001): only the saturated ones are there, in this order.
bool readZip64Extra(const char *extra, qsizetype length, quint64 &unpacked, quint64 &packed,
                    quint64 &localOffset)
{
    if (unpacked != 0xffffffffu && packed != 0xffffffffu && localOffset != 0xffffffffu)
        return true; // nothing saturated: other extra fields are none of our business
    qsizetype at = 0;
    while (at + 4 <= length) {
        const quint16 id = le16(extra + at);
        const quint16 size = le16(extra + at + 2);
        if (at + 4 + size > length)
            return false;
        if (id == 0x0001) {
            const char *v = extra + at + 4;
            qsizetype used = 0;
            for (quint64 *field : {&unpacked, &packed, &localOffset}) {
                if (*field != 0xffffffffu)
                    continue;
                if (used + 8 > size)
                    return false;
                *field = le64(v + used);
                used += 8;
            }
            return true;
        }
        at += 4 + size;
    }
    return false;
}

/// What an archive may unpack to: the caller's cap and the free space where it unpacks.
struct UnpackBudget
{
    qint64 maxBytes = 0;
    qint64 freeBytes = 0;
    QString dest;

    UnpackBudget(qint64 max, const QString &folder) : maxBytes(max), dest(folder)
    {
        QStorageInfo disk(folder);
        const qint64 available = disk.isValid() ? disk.bytesAvailable() : -1;
        freeBytes = available < 0 ? std::numeric_limits<qint64>::max()
                                  : qMax<qint64>(0, available - kDiskReserve);
    }
};

/// Writes the bytes of one entry, counting them against the archive's budget.
class EntryWriter
{
public:
    EntryWriter(qint64 &total, const UnpackBudget &budget) : m_total(total), m_budget(budget) {}

    /// Refuses the entry once it writes more than kMaxRatio × what \a packed() returns: the
    /// compressed bytes behind the entry, or with \a wholeStream behind everything unpacked
    /// so far (a tar.gz is one compressed stream).
    void guardRatio(QString name, std::function<qint64()> packed, bool wholeStream = false)
    {
        m_name = std::move(name);
        m_packed = std::move(packed);
        m_wholeStream = wholeStream;
    }

    /// An empty string, or why the entry cannot be written (e.g. "a" unpacked before "a/b").
    QString open(const QString &path)
    {
        if (!QDir().mkpath(QFileInfo(path).absolutePath()))
            return ArchiveReader::tr("a file of the same name as its folder is already unpacked");
        if (QFileInfo(path).isDir())
            return ArchiveReader::tr("a folder of the same name is already unpacked");
        m_file.setFileName(path);
        if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return m_file.errorString();
        return {};
    }
    Status write(const char *data, qint64 size)
    {
        m_written += size;
        if (auto ok = charge(size); !ok)
            return ok;
        const qint64 unpacked = m_wholeStream ? m_total : m_written;
        if (m_packed && unpacked > kRatioFloor) {
            const qint64 packed = qMax<qint64>(1, m_packed());
            if (unpacked / packed > kMaxRatio)
                return makeError(ErrorCode::Invalid,
                                 ArchiveReader::tr("%1 expands more than %2:1 (%3 MB from %4 KB "
                                                   "so far); the archive is refused as a "
                                                   "compression bomb (unpack it yourself if you "
                                                   "trust it, and import the folder)")
                                     .arg(m_name)
                                     .arg(kMaxRatio)
                                     .arg(unpacked / (1024 * 1024))
                                     .arg(qMax<qint64>(1, packed / 1024)));
        }
        if (m_file.write(data, size) != size)
            return makeError(ErrorCode::Io, m_file.errorString());
        return {};
    }
    /// Closes the entry, charging it at least kMinEntryBytes.
    Status finish()
    {
        m_file.close();
        if (m_written < kMinEntryBytes) {
            if (auto ok = charge(kMinEntryBytes - m_written); !ok) {
                m_file.remove();
                return ok;
            }
        }
        return {};
    }
    void discard()
    {
        m_file.close();
        m_file.remove();
    }

private:
    Status charge(qint64 size)
    {
        m_total += size;
        if (m_total > m_budget.maxBytes) {
            return makeError(ErrorCode::Invalid,
                             ArchiveReader::tr("the archive unpacks to more than %1 MB; it is "
                                               "refused (raise the limit with --max-unpacked-mb "
                                               "only for a trusted archive)")
                                 .arg(m_budget.maxBytes / (1024 * 1024)));
        }
        if (m_total > m_budget.freeBytes) {
            return makeError(ErrorCode::Io,
                             ArchiveReader::tr("the archive unpacks to more than the %1 MB free "
                                               "on the disk of %2; free some space (or lower "
                                               "--max-unpacked-mb to refuse such archives at "
                                               "once)")
                                 .arg(m_budget.freeBytes / (1024 * 1024))
                                 .arg(QDir::toNativeSeparators(m_budget.dest)));
        }
        return {};
    }

    qint64 &m_total;
    const UnpackBudget &m_budget;
    QString m_name;
    std::function<qint64()> m_packed;
    bool m_wholeStream = false;
    qint64 m_written = 0;
    QFile m_file;
};

bool cancelled(const std::atomic_bool *cancel)
{
    return cancel && cancel->load();
}

Result<ArchiveContents> extractZip(const QString &archive, const QString &dest,
                                   const UnpackBudget &budget, const std::atomic_bool *cancel)
{
    QFile file(archive);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io,
                         ArchiveReader::tr("cannot read %1: %2")
                             .arg(QDir::toNativeSeparators(archive), file.errorString()));
    const qint64 size = file.size();
    auto directory = findCentralDirectory(file);
    if (!directory)
        return directory.error();
    const quint64 entries = directory->entries;
    if (directory->offset > quint64(size) || directory->size > quint64(size) - directory->offset)
        return makeError(ErrorCode::Invalid,
                         ArchiveReader::tr("the zip file is damaged (central directory outside "
                                           "the file)"));
    // 200k entries take ~20 MB of central directory; more is refused before it is read.
    if (entries > quint64(kMaxEntries) * 2 || directory->size > (quint64(256) << 20))
        return makeError(ErrorCode::Invalid, ArchiveReader::tr("too many entries"));
    file.seek(qint64(directory->offset));
    const QByteArray cd = file.read(qint64(directory->size));
    ArchiveContents contents;
    qint64 total = 0;
    qsizetype at = 0;
    for (quint64 i = 0; i < entries; ++i) {
        if (cancelled(cancel))
            return makeError(ErrorCode::Cancelled, ArchiveReader::tr("cancelled"));
        if (at + 46 > cd.size() || le32(cd.constData() + at) != 0x02014b50)
            return makeError(ErrorCode::Invalid,
                             ArchiveReader::tr("the zip file is damaged (entry %1)").arg(i + 1));
        const char *h = cd.constData() + at;
        const quint16 flags = le16(h + 8);
        const quint16 method = le16(h + 10);
        const quint32 crc = le32(h + 16);
        quint64 packed = le32(h + 20);
        quint64 unpacked = le32(h + 24);
        const quint16 nameLen = le16(h + 28);
        const quint16 extraLen = le16(h + 30);
        const quint16 commentLen = le16(h + 32);
        const quint32 external = le32(h + 38);
        quint64 localOffset = le32(h + 42);
        if (at + 46 + nameLen + extraLen > cd.size() ||
            !readZip64Extra(h + 46 + nameLen, extraLen, unpacked, packed, localOffset))
            return makeError(ErrorCode::Invalid,
                             ArchiveReader::tr("the zip file is damaged (entry %1)").arg(i + 1));
        const QString name = QString::fromUtf8(h + 46, nameLen);
        at += 46 + nameLen + extraLen + commentLen;
        if (hasControlCharacter(name)) {
            contents.refused.append(
                {name, ArchiveReader::tr("the name contains control characters")});
            continue;
        }
        if (name.endsWith(u'/'))
            continue; // a folder
        const quint32 mode = external >> 16;
        if ((mode & 0170000) == 0120000) {
            contents.refused.append({name, ArchiveReader::tr("links are not unpacked")});
            continue;
        }
        if (mode != 0 && (mode & 0170000) != 0100000 && (mode & 0170000) != 0) {
            contents.refused.append({name, ArchiveReader::tr("not a regular file")});
            continue;
        }
        const QString safe = ArchiveReader::safeEntryPath(name);
        if (safe.isEmpty()) {
            contents.refused.append(
                {name, ArchiveReader::tr("the path is absolute or leaves the archive (..)")});
            continue;
        }
        if (flags & 1) {
            contents.refused.append({name, ArchiveReader::tr("encrypted entries are not read")});
            continue;
        }
        if (method != 0 && method != 8) {
            contents.refused.append(
                {name, ArchiveReader::tr("compression method %1 is not supported").arg(method)});
            continue;
        }
        char local[30];
        if (packed > quint64(size) || localOffset > quint64(size) ||
            !file.seek(qint64(localOffset)) || file.read(local, 30) != 30 ||
            le32(local) != 0x04034b50) {
            contents.refused.append({name, ArchiveReader::tr("damaged entry header")});
            continue;
        }
        if (!file.seek(qint64(localOffset) + 30 + le16(local + 26) + le16(local + 28))) {
            contents.refused.append({name, ArchiveReader::tr("damaged entry header")});
            continue;
        }
        EntryWriter out(total, budget);
        out.guardRatio(name, [packed] { return qint64(packed); });
        if (const QString why = out.open(QDir(dest).filePath(safe)); !why.isEmpty()) {
            contents.refused.append({name, why});
            continue;
        }
        uLong sum = crc32(0, nullptr, 0);
        qint64 left = qint64(packed);
        QString damage;
        if (method == 0) {
            while (left > 0) {
                const QByteArray chunk = file.read(qMin(left, kChunk));
                if (chunk.isEmpty()) {
                    damage = ArchiveReader::tr("the entry is cut off");
                    break;
                }
                left -= chunk.size();
                sum = crc32(sum, reinterpret_cast<const Bytef *>(chunk.constData()),
                            uInt(chunk.size()));
                if (auto ok = out.write(chunk.constData(), chunk.size()); !ok) {
                    out.discard();
                    return ok.error();
                }
            }
        } else {
            z_stream z;
            std::memset(&z, 0, sizeof z);
            if (inflateInit2(&z, -MAX_WBITS) != Z_OK)
                return makeError(ErrorCode::Internal, ArchiveReader::tr("zlib failed to start"));
            std::unique_ptr<z_stream, int (*)(z_stream *)> guard(&z, inflateEnd);
            QByteArray outBuf(int(kChunk), Qt::Uninitialized);
            QByteArray in;
            int rc = Z_OK;
            while (rc != Z_STREAM_END) {
                if (z.avail_in == 0 && left > 0) {
                    in = file.read(qMin(left, kChunk));
                    if (in.isEmpty()) {
                        damage = ArchiveReader::tr("the entry is cut off");
                        break;
                    }
                    left -= in.size();
                    z.next_in = reinterpret_cast<Bytef *>(in.data());
                    z.avail_in = uInt(in.size());
                }
                z.next_out = reinterpret_cast<Bytef *>(outBuf.data());
                z.avail_out = uInt(outBuf.size());
                rc = inflate(&z, Z_NO_FLUSH);
                if (rc == Z_BUF_ERROR && z.avail_in == 0 && left == 0) {
                    damage = ArchiveReader::tr("the entry is cut off");
                    break;
                }
                if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR) {
                    damage = ArchiveReader::tr("the compressed data is damaged");
                    break;
                }
                const qint64 produced = outBuf.size() - z.avail_out;
                sum =
                    crc32(sum, reinterpret_cast<const Bytef *>(outBuf.constData()), uInt(produced));
                if (auto ok = out.write(outBuf.constData(), produced); !ok) {
                    out.discard();
                    return ok.error();
                }
            }
        }
        if (damage.isEmpty() && sum != crc)
            damage = ArchiveReader::tr("checksum mismatch");
        if (!damage.isEmpty()) {
            out.discard();
            contents.refused.append({name, damage});
            continue;
        }
        if (auto ok = out.finish(); !ok)
            return ok.error();
        ++contents.files;
        if (contents.files > kMaxEntries)
            return makeError(ErrorCode::Invalid, ArchiveReader::tr("too many entries"));
    }
    contents.bytes = total;
    return contents;
}

QString tarField(const char *block, int offset, int length)
{
    const char *start = block + offset;
    int n = 0;
    while (n < length && start[n] != '\0')
        ++n;
    return QString::fromUtf8(start, n);
}

qint64 tarNumber(const char *block, int offset, int length)
{
    if (uchar(block[offset]) & 0x80) { // base-256 for large sizes
        qint64 v = 0;
        for (int i = 1; i < length; ++i)
            v = (v << 8) | uchar(block[offset + i]);
        return v;
    }
    bool ok = false;
    const qint64 v = tarField(block, offset, length).trimmed().toLongLong(&ok, 8);
    return ok ? v : -1;
}

Result<ArchiveContents> extractTar(const QString &archive, const QString &dest,
                                   const UnpackBudget &budget, const std::atomic_bool *cancel)
{
    // gzread reads gzip and plain files alike.
    gzFile gz = gzopen(QFile::encodeName(archive).constData(), "rb");
    if (!gz)
        return makeError(
            ErrorCode::Io,
            ArchiveReader::tr("cannot read %1").arg(QDir::toNativeSeparators(archive)));
    std::unique_ptr<gzFile_s, int (*)(gzFile)> guard(gz, gzclose);
    gzbuffer(gz, 256 * 1024);
    ArchiveContents contents;
    qint64 total = 0;
    QString longName;
    QString paxPath;
    char block[512];
    QByteArray buffer(int(kChunk), Qt::Uninitialized);
    auto readExactly = [&](char *to, qint64 n) {
        qint64 done = 0;
        while (done < n) {
            const int got = gzread(gz, to + done, unsigned(qMin<qint64>(n - done, INT_MAX)));
            if (got <= 0)
                return false;
            done += got;
        }
        return true;
    };
    auto skip = [&](qint64 n) {
        while (n > 0) {
            const qint64 step = qMin<qint64>(n, buffer.size());
            if (!readExactly(buffer.data(), step))
                return false;
            n -= step;
        }
        return true;
    };
    for (;;) {
        if (cancelled(cancel))
            return makeError(ErrorCode::Cancelled, ArchiveReader::tr("cancelled"));
        if (!readExactly(block, 512)) {
            if (contents.files == 0 && contents.refused.isEmpty())
                return makeError(ErrorCode::Invalid,
                                 ArchiveReader::tr("not a tar archive, or it is cut off"));
            break; // archives cut after their last entry still give what they have
        }
        bool zero = true;
        for (char c : block)
            zero = zero && c == 0;
        if (zero)
            break;
        if (std::memcmp(block + 257, "ustar", 5) != 0 && tarNumber(block, 148, 8) < 0)
            return makeError(ErrorCode::Invalid,
                             ArchiveReader::tr("the tar archive is damaged (bad header)"));
        const qint64 size = tarNumber(block, 124, 12);
        if (size < 0)
            return makeError(ErrorCode::Invalid,
                             ArchiveReader::tr("the tar archive is damaged (bad size)"));
        const qint64 padded = (size + 511) / 512 * 512;
        const char type = block[156];
        QString name = tarField(block, 0, 100);
        const QString prefix = tarField(block, 345, 155);
        if (std::memcmp(block + 257, "ustar", 5) == 0 && !prefix.isEmpty())
            name = prefix + u'/' + name;
        if (!longName.isEmpty()) {
            name = longName;
            longName.clear();
        }
        if (!paxPath.isEmpty()) {
            name = paxPath;
            paxPath.clear();
        }
        if (type == 'L' || type == 'x') {
            if (size > 1024 * 1024)
                return makeError(ErrorCode::Invalid,
                                 ArchiveReader::tr("the tar archive is damaged (huge header)"));
            QByteArray data(int(padded), '\0');
            if (!readExactly(data.data(), padded))
                return makeError(ErrorCode::Invalid,
                                 ArchiveReader::tr("the tar archive is cut off"));
            data.truncate(int(size));
            if (type == 'L') {
                longName = QString::fromUtf8(data.constData());
            } else {
                for (const QByteArray &record : data.split('\n')) {
                    const qsizetype space = record.indexOf(' ');
                    const QByteArray kv = record.mid(space + 1);
                    if (kv.startsWith("path="))
                        paxPath = QString::fromUtf8(kv.mid(5));
                }
            }
            continue;
        }
        if (type == 'g' || type == '5') { // global header, folder
            if (!skip(padded))
                return makeError(ErrorCode::Invalid,
                                 ArchiveReader::tr("the tar archive is cut off"));
            continue;
        }
        QString refusal;
        const QString safe = ArchiveReader::safeEntryPath(name);
        if (hasControlCharacter(name))
            refusal = ArchiveReader::tr("the name contains control characters");
        else if (type == '1' || type == '2')
            refusal = ArchiveReader::tr("links are not unpacked");
        else if (type != '0' && type != '\0' && type != '7')
            refusal = ArchiveReader::tr("not a regular file");
        else if (safe.isEmpty())
            refusal = ArchiveReader::tr("the path is absolute or leaves the archive (..)");
        if (!refusal.isEmpty()) {
            contents.refused.append({name, refusal});
            if (contents.refused.size() > kMaxEntries)
                return makeError(ErrorCode::Invalid, ArchiveReader::tr("too many entries"));
            if (!skip(padded))
                return makeError(ErrorCode::Invalid,
                                 ArchiveReader::tr("the tar archive is cut off"));
            continue;
        }
        EntryWriter out(total, budget);
        // gzip's ratio over the stream so far (a plain tar reads 1:1).
        out.guardRatio(name, [gz] { return qint64(gzoffset(gz)); }, /*wholeStream=*/true);
        if (const QString why = out.open(QDir(dest).filePath(safe)); !why.isEmpty()) {
            contents.refused.append({name, why});
            if (!skip(padded))
                return makeError(ErrorCode::Invalid,
                                 ArchiveReader::tr("the tar archive is cut off"));
            continue;
        }
        qint64 left = size;
        while (left > 0) {
            const qint64 step = qMin<qint64>(left, buffer.size());
            if (!readExactly(buffer.data(), step)) {
                out.discard();
                contents.refused.append({name, ArchiveReader::tr("the entry is cut off")});
                contents.bytes = total;
                return contents;
            }
            if (auto ok = out.write(buffer.constData(), step); !ok) {
                out.discard();
                return ok.error();
            }
            left -= step;
        }
        if (auto ok = out.finish(); !ok)
            return ok.error();
        if (!skip(padded - size))
            break;
        if (++contents.files > kMaxEntries)
            return makeError(ErrorCode::Invalid, ArchiveReader::tr("too many entries"));
    }
    contents.bytes = total;
    return contents;
}

} // namespace

ArchiveReader::Kind ArchiveReader::detect(const QString &file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return Kind::None;
    const QByteArray head = f.read(512);
    if (head.startsWith("PK\x03\x04") || head.startsWith("PK\x05\x06"))
        return Kind::Zip;
    if (head.startsWith("\x1f\x8b"))
        return Kind::TarGz;
    if (head.size() >= 262 && head.mid(257, 5) == "ustar")
        return Kind::Tar;
    return Kind::None;
}

QString ArchiveReader::safeEntryPath(const QString &name)
{
    if (hasControlCharacter(name))
        return {};
    QString path = name;
    path.replace(u'\\', u'/');
    if (path.startsWith(u'/') || (path.size() >= 2 && path[1] == u':'))
        return {};
    QStringList parts;
    for (const QString &part : path.split(u'/', Qt::SkipEmptyParts)) {
        if (part == u"."_s)
            continue;
        if (part == u".."_s)
            return {};
        parts.append(part);
    }
    if (parts.isEmpty() || parts.first() == u".git"_s)
        return {};
    return parts.join(u'/');
}

Result<ArchiveContents> ArchiveReader::extract(const QString &archive, const QString &dest,
                                               qint64 maxBytes, const std::atomic_bool *cancel)
{
    const UnpackBudget budget(maxBytes, dest);
    switch (detect(archive)) {
    case Kind::Zip:
        return extractZip(archive, dest, budget, cancel);
    case Kind::Tar:
    case Kind::TarGz:
        return extractTar(archive, dest, budget, cancel);
    case Kind::None:
        break;
    }
    return makeError(ErrorCode::Invalid,
                     tr("%1 is not a zip or tar archive").arg(QDir::toNativeSeparators(archive)));
}

} // namespace atelier
