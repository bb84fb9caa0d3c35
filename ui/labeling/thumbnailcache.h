#pragma once

#include <QCache>
#include <QHash>
#include <QImage>
#include <QMutex>
#include <QObject>
#include <QSet>
#include <QString>
#include <QThreadPool>

#include <deque>

namespace atelier {

/// Thumbnails of images, decoded on worker threads at the size shown (QImageReader reads a
/// JPEG at 1/2, 1/4 or 1/8 scale without decoding it whole), kept in a bounded in-memory LRU
/// and in a disk cache (`<XDG_CACHE_HOME>/atelier/thumbs/<hash>-<size>.jpg`). The newest
/// requests are served first and the oldest dropped when too many wait, so a fast scroll
/// decodes what is on screen, not what flew by.
class ThumbnailCache final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ThumbnailCache)

public:
    explicit ThumbnailCache(QObject *parent = nullptr);
    ~ThumbnailCache() override;

    /// The default disk cache folder: <GenericCacheLocation>/atelier/thumbs.
    static QString defaultDiskCacheDir();
    /// Where thumbnails are kept on disk; empty keeps them in memory only.
    void setDiskCacheDir(const QString &dir);
    QString diskCacheDir() const;
    /// Bounds the memory cache (bytes of decoded pixels); the least recently used go first.
    void setMemoryLimit(qint64 bytes);
    qint64 memoryLimit() const;
    qint64 memoryUsed() const;
    /// At most this many requests wait; past it the oldest are dropped.
    void setMaxPending(int count) { m_maxPending = count; }

    /// The thumbnail of \a path (content \a hash) fitting \a size × \a size when it is in memory;
    /// otherwise a null image, and a decode is queued (thumbnailReady follows).
    QImage thumbnail(const QString &hash, const QString &path, int size);
    /// The thumbnail when in memory, without queueing anything.
    QImage cached(const QString &hash, int size) const;
    /// Queues a decode unless it is in memory, queued or running.
    void request(const QString &hash, const QString &path, int size);
    /// Drops every queued request (running decodes finish).
    void clearPending();
    int pendingCount() const;
    /// True while decodes are queued or running.
    bool isBusy() const;
    /// Blocks until nothing is queued or running (tests and benchmarks only).
    bool waitForIdle(int msecs = 30000);
    /// Forgets every thumbnail held in memory (the disk cache stays).
    void clearMemory();

    /// How many decodes read the original file / the disk cache (for tests and benchmarks).
    int originalDecodes() const { return m_originalDecodes; }
    int diskHits() const { return m_diskHits; }

    /// Decodes \a path to fit \a size × \a size, asking the decoder to scale while it reads
    /// (JPEG: DCT scaling). Never upscales. Blocking: call it on a worker thread.
    static QImage decodeScaled(const QString &path, int size, QString *error = nullptr);
    /// The disk cache file of (\a hash, \a size) under \a dir.
    static QString diskCachePath(const QString &dir, const QString &hash, int size);

Q_SIGNALS:
    void thumbnailReady(const QString &hash, int size);
    void thumbnailFailed(const QString &hash, int size, const QString &reason);

private:
    struct Request
    {
        QString hash;
        QString path;
        int size = 0;
    };
    static QString key(const QString &hash, int size);
    void startWorkers();
    void work();
    void finished(const Request &request, const QImage &image, const QString &error, bool fromDisk);

    QThreadPool m_pool;
    mutable QMutex m_mutex;      // guards m_queue, m_queued, m_running, m_diskDir
    std::deque<Request> m_queue; // newest at the front
    QSet<QString> m_queued;      // keys queued or running
    int m_running = 0;
    int m_maxPending = 512;
    QString m_diskDir;
    bool m_stopping = false;

    // GUI-thread side
    QCache<QString, QImage> m_memory; // cost in KiB
    QSet<QString> m_failed;           // decodes that failed, not retried
    int m_originalDecodes = 0;
    int m_diskHits = 0;
};

} // namespace atelier
