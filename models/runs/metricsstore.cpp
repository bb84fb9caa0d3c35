#include "runs/metricsstore.h"

#include "catalog/database.h"

namespace atelier {

Status MetricsStore::append(const QString &runId, const QString &taskId,
                            const QList<MetricPoint> &points)
{
    if (points.isEmpty())
        return {};
    auto write = [&]() -> Status {
        for (const MetricPoint &point : points) {
            Query q = m_db.query("INSERT INTO metrics (run_id, task_id, key, step, value, ts) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6);");
            q.bind(1, runId)
                .bind(2, taskId)
                .bind(3, point.key)
                .bind(4, point.step ? QVariant(*point.step) : QVariant())
                .bind(5, point.value)
                .bind(6, point.ts);
            if (Status done = q.exec(); !done)
                return done;
        }
        return {};
    };
    return m_db.inTransaction() ? write() : m_db.transaction(write);
}

Result<QList<MetricPoint>> MetricsStore::points(const QString &runId, const QString &key,
                                                const QString &taskId)
{
    Query q = m_db.query("SELECT key, step, value, ts FROM metrics WHERE run_id = ?1 "
                         "AND (?2 IS NULL OR key = ?2) AND (?3 IS NULL OR task_id = ?3) "
                         "ORDER BY ts, rowid;");
    q.bind(1, runId)
        .bind(2, key.isEmpty() ? QVariant() : QVariant(key))
        .bind(3, taskId.isEmpty() ? QVariant() : QVariant(taskId));
    QList<MetricPoint> points;
    Status read = q.forEach([&](const Query &row) {
        MetricPoint point;
        point.key = row.text(0);
        if (!row.isNull(1))
            point.step = row.int64(1);
        point.value = row.real(2);
        point.ts = row.real(3);
        points.append(point);
    });
    if (!read)
        return read.error();
    return points;
}

Result<QStringList> MetricsStore::keys(const QString &runId)
{
    QStringList keys;
    Status read = m_db.query("SELECT DISTINCT key FROM metrics WHERE run_id = ?1 ORDER BY key;")
                      .bind(1, runId)
                      .forEach([&](const Query &row) { keys.append(row.text(0)); });
    if (!read)
        return read.error();
    return keys;
}

Result<QList<MetricSummary>> MetricsStore::summaries(const QString &runId)
{
    // The last point: the newest by time, the latest written among equal times.
    Query q = m_db.query("SELECT m.key, count(*), min(m.value), max(m.value), "
                         "(SELECT value FROM metrics l WHERE l.run_id = ?1 AND l.key = m.key "
                         " ORDER BY l.ts DESC, l.rowid DESC LIMIT 1), "
                         "(SELECT step FROM metrics l WHERE l.run_id = ?1 AND l.key = m.key "
                         " ORDER BY l.ts DESC, l.rowid DESC LIMIT 1) "
                         "FROM metrics m WHERE m.run_id = ?1 GROUP BY m.key ORDER BY m.key;");
    q.bind(1, runId);
    QList<MetricSummary> summaries;
    Status read = q.forEach([&](const Query &row) {
        MetricSummary summary;
        summary.key = row.text(0);
        summary.count = row.int64(1);
        summary.min = row.real(2);
        summary.max = row.real(3);
        summary.last = row.real(4);
        if (!row.isNull(5))
            summary.lastStep = row.int64(5);
        summaries.append(summary);
    });
    if (!read)
        return read.error();
    return summaries;
}

Result<MetricSource> MetricsStore::source(const QString &runId, const QString &taskId)
{
    Query q = m_db.query("SELECT path, offset, points, malformed FROM metric_sources "
                         "WHERE run_id = ?1 AND task_id = ?2;");
    q.bind(1, runId).bind(2, taskId);
    auto row = q.next();
    if (!row)
        return row.error();
    MetricSource source;
    if (row.value()) {
        source.path = q.text(0);
        source.offset = q.int64(1);
        source.points = q.int64(2);
        source.malformed = q.int64(3);
    }
    return source;
}

Status MetricsStore::saveSource(const QString &runId, const QString &taskId,
                                const MetricSource &source)
{
    Query q = m_db.query("INSERT INTO metric_sources (run_id, task_id, path, offset, points, "
                         "malformed) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
                         "ON CONFLICT (run_id, task_id) DO UPDATE SET path = excluded.path, "
                         "offset = excluded.offset, points = excluded.points, "
                         "malformed = excluded.malformed;");
    q.bind(1, runId)
        .bind(2, taskId)
        .bind(3, source.path)
        .bind(4, source.offset)
        .bind(5, source.points)
        .bind(6, source.malformed);
    return q.exec();
}

Result<qint64> MetricsStore::malformed(const QString &runId)
{
    Query q =
        m_db.query("SELECT coalesce(sum(malformed), 0) FROM metric_sources WHERE run_id = ?1;");
    q.bind(1, runId);
    auto row = q.next();
    if (!row)
        return row.error();
    return q.int64(0);
}

} // namespace atelier
