#include "labeling/thumbnailcache.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QImageReader>
#include <QImageWriter>
#include <QSaveFile>
#include <QStandardPaths>
#include <QThread>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

// A decode worker for each core but one, at least two: the GUI thread keeps its core.
int workerCount()
{
    return qMax(2, QThread::idealThreadCount() - 1);
}

QString safeHash(const QString &hash, const QString &path)
{
    // Content hashes are hex; anything else (no hash) is keyed by the path instead.
    bool hex = !hash.isEmpty() && hash.size() <= 128;
    for (const QChar c : hash) {
        if (!c.isLetterOrNumber()) {
            hex = false;
            break;
        }
    }
    if (hex)
        return hash;
    return QString::fromLatin1(
        QCryptographicHash::hash(path.toUtf8(), QCryptographicHash::Sha256).toHex());
}

/// Makes the thumbnail folder readable by its owner only (mode 0700): thumbnails show the
/// user's images. Parents are made as usual.
bool makePrivateDir(const QString &dir)
{
    const QFileInfo info(dir);
    if (info.isDir())
        return true;
    if (!QDir().mkpath(info.absolutePath()))
        return false;
    return QDir().mkdir(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner) ||
           QFileInfo(dir).isDir();
}

} // namespace

ThumbnailCache::ThumbnailCache(QObject *parent) : QObject(parent)
{
    m_pool.setMaxThreadCount(workerCount());
    m_pool.setExpiryTimeout(5000);
    m_memory.setMaxCost(96 * 1024); // 96 MiB of pixels
    m_diskDir = defaultDiskCacheDir();
}

ThumbnailCache::~ThumbnailCache()
{
    {
        QMutexLocker lock(&m_mutex);
        m_stopping = true;
        m_queue.clear();
    }
    m_pool.waitForDone();
}

QString ThumbnailCache::defaultDiskCacheDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) +
           u"/atelier/thumbs"_s;
}

void ThumbnailCache::setDiskCacheDir(const QString &dir)
{
    QMutexLocker lock(&m_mutex);
    m_diskDir = dir;
}

QString ThumbnailCache::diskCacheDir() const
{
    QMutexLocker lock(&m_mutex);
    return m_diskDir;
}

void ThumbnailCache::setMemoryLimit(qint64 bytes)
{
    m_memory.setMaxCost(qMax<qint64>(1, bytes / 1024));
}

qint64 ThumbnailCache::memoryLimit() const
{
    return m_memory.maxCost() * 1024;
}

qint64 ThumbnailCache::memoryUsed() const
{
    return m_memory.totalCost() * 1024;
}

QString ThumbnailCache::key(const QString &hash, int size)
{
    return hash + u'-' + QString::number(size);
}

QString ThumbnailCache::diskCachePath(const QString &dir, const QString &hash, int size)
{
    return dir + u'/' + hash + u'-' + QString::number(size) + u".jpg"_s;
}

QImage ThumbnailCache::cached(const QString &hash, int size) const
{
    if (const QImage *image = m_memory.object(key(hash, size)))
        return *image;
    return {};
}

QImage ThumbnailCache::thumbnail(const QString &hash, const QString &path, int size)
{
    if (const QImage *image = m_memory.object(key(hash, size)))
        return *image;
    request(hash, path, size);
    return {};
}

void ThumbnailCache::request(const QString &hash, const QString &path, int size)
{
    if (size <= 0 || path.isEmpty())
        return;
    const QString k = key(hash, size);
    if (m_memory.contains(k) || m_failed.contains(k))
        return;
    {
        QMutexLocker lock(&m_mutex);
        if (m_queued.contains(k)) {
            // Already waiting: move it to the front, it is wanted again now.
            for (auto it = m_queue.begin(); it != m_queue.end(); ++it) {
                if (it->hash == hash && it->size == size) {
                    Request again = *it;
                    m_queue.erase(it);
                    m_queue.push_front(again);
                    break;
                }
            }
            return;
        }
        m_queue.push_front({hash, path, size});
        m_queued.insert(k);
        while (int(m_queue.size()) > m_maxPending) {
            m_queued.remove(key(m_queue.back().hash, m_queue.back().size));
            m_queue.pop_back();
        }
    }
    startWorkers();
}

void ThumbnailCache::startWorkers()
{
    QMutexLocker lock(&m_mutex);
    const int wanted = qMin(int(m_queue.size()), m_pool.maxThreadCount()) - m_running;
    for (int i = 0; i < wanted; ++i) {
        ++m_running;
        m_pool.start([this] { work(); });
    }
}

void ThumbnailCache::work()
{
    for (;;) {
        Request request;
        QString diskDir;
        {
            QMutexLocker lock(&m_mutex);
            if (m_stopping || m_queue.empty()) {
                --m_running;
                return;
            }
            request = m_queue.front();
            m_queue.pop_front();
            diskDir = m_diskDir;
        }
        QImage image;
        QString error;
        bool fromDisk = false;
        QString diskFile;
        if (!diskDir.isEmpty()) {
            diskFile = diskCachePath(diskDir, safeHash(request.hash, request.path), request.size);
            QImageReader cachedReader(diskFile, "jpg");
            if (cachedReader.canRead()) {
                image = cachedReader.read();
                fromDisk = !image.isNull();
            }
        }
        if (image.isNull()) {
            image = decodeScaled(request.path, request.size, &error);
            if (!image.isNull() && !diskFile.isEmpty() && makePrivateDir(diskDir)) {
                QSaveFile out(diskFile);
                if (out.open(QIODevice::WriteOnly)) {
                    QImageWriter writer(&out, "jpg");
                    writer.setQuality(85);
                    if (writer.write(image.convertToFormat(QImage::Format_RGB32)))
                        out.commit();
                    else
                        out.cancelWriting();
                }
            }
        }
        if (!image.isNull() && image.format() != QImage::Format_RGB32 &&
            image.format() != QImage::Format_ARGB32_Premultiplied)
            image =
                image.convertToFormat(image.hasAlphaChannel() ? QImage::Format_ARGB32_Premultiplied
                                                              : QImage::Format_RGB32);
        QMetaObject::invokeMethod(
            this,
            [this, request, image, error, fromDisk] { finished(request, image, error, fromDisk); },
            Qt::QueuedConnection);
    }
}

void ThumbnailCache::finished(const Request &request, const QImage &image, const QString &error,
                              bool fromDisk)
{
    const QString k = key(request.hash, request.size);
    {
        QMutexLocker lock(&m_mutex);
        m_queued.remove(k);
    }
    if (image.isNull()) {
        m_failed.insert(k);
        Q_EMIT thumbnailFailed(request.hash, request.size, error);
        return;
    }
    if (fromDisk)
        ++m_diskHits;
    else
        ++m_originalDecodes;
    m_memory.insert(k, new QImage(image), qMax<qsizetype>(1, image.sizeInBytes() / 1024));
    Q_EMIT thumbnailReady(request.hash, request.size);
}

void ThumbnailCache::clearPending()
{
    QMutexLocker lock(&m_mutex);
    for (const Request &request : m_queue)
        m_queued.remove(key(request.hash, request.size));
    m_queue.clear();
}

int ThumbnailCache::pendingCount() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_queue.size());
}

bool ThumbnailCache::isBusy() const
{
    QMutexLocker lock(&m_mutex);
    return !m_queued.isEmpty();
}

bool ThumbnailCache::waitForIdle(int msecs)
{
    QDeadlineTimer deadline(msecs);
    while (isBusy()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        QThread::usleep(200);
    }
    return true;
}

void ThumbnailCache::clearMemory()
{
    m_memory.clear();
    m_failed.clear();
}

QImage ThumbnailCache::decodeScaled(const QString &path, int size, QString *error)
{
    QImageReader reader(path);
    reader.setAutoTransform(true);
    const QSize full = reader.size();
    if (full.isValid() && (full.width() > size || full.height() > size))
        reader.setScaledSize(full.scaled(size, size, Qt::KeepAspectRatio));
    QImage image = reader.read();
    if (image.isNull()) {
        if (error)
            *error = reader.errorString();
        return {};
    }
    // Formats that cannot scale while reading (or did not know their size) are scaled now.
    if (image.width() > size || image.height() > size)
        image = image.scaled(size, size, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    return image;
}

} // namespace atelier
