#include "runs/metricsstore.h"

#include "catalog/database.h"

#include <QJsonValue>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

// SQLite turns a bound NaN into NULL, which metrics.value refuses (NOT NULL). A NaN is stored as
// the text 'NaN' instead (a REAL column keeps text that is not a number as text), and read back
// through nullif(value, 'NaN'), which makes it NULL again: aggregates skip it, and a NULL read
// is a NaN.
// Infinities are ordinary REAL values to SQLite.
constexpr auto kNanText = "NaN";

QVariant storedValue(double value)
{
    return std::isnan(value) ? QVariant(QString::fromLatin1(kNanText)) : QVariant(value);
}

double readValue(const Query &row, int column)
{
    return row.isNull(column) ? std::numeric_limits<double>::quiet_NaN() : row.real(column);
}

} // namespace

QJsonValue metricJsonValue(double value)
{
    // Protocol Buffers' JSON mapping, which MLflow's REST API also uses: JSON has no NaN.
    if (std::isnan(value))
        return u"NaN"_s;
    if (std::isinf(value))
        return value > 0 ? u"Infinity"_s : u"-Infinity"_s;
    return value;
}

std::optional<double> metricFromJson(const QJsonValue &value)
{
    if (value.isDouble())
        return value.toDouble();
    const QString text = value.toString();
    if (text == u"NaN"_s)
        return std::numeric_limits<double>::quiet_NaN();
    if (text == u"Infinity"_s)
        return std::numeric_limits<double>::infinity();
    if (text == u"-Infinity"_s)
        return -std::numeric_limits<double>::infinity();
    return std::nullopt;
}

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
                .bind(5, storedValue(point.value))
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
    Query q = m_db.query("SELECT key, step, nullif(value, 'NaN'), ts FROM metrics "
                         "WHERE run_id = ?1 "
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
        point.value = readValue(row, 2);
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

Result<QList<MetricSummary>> MetricsStore::summaries(const QString &runId, const QString &taskId)
{
    // The last point: the newest by time, the latest written among equal times.
    // min and max skip NaN (NULL through the value expression) but not ±inf.
    Query q = m_db.query(
        "SELECT m.key, count(*), min(nullif(m.value, 'NaN')), max(nullif(m.value, 'NaN')), "
        "(SELECT nullif(l.value, 'NaN') FROM metrics l WHERE l.run_id = ?1 AND l.key = m.key "
        " AND (?2 IS NULL OR l.task_id = ?2) ORDER BY l.ts DESC, l.rowid DESC LIMIT 1), "
        "(SELECT step FROM metrics l WHERE l.run_id = ?1 AND l.key = m.key "
        " AND (?2 IS NULL OR l.task_id = ?2) ORDER BY l.ts DESC, l.rowid DESC LIMIT 1), "
        "sum(m.value = 'NaN' OR abs(m.value) = 9e999) "
        "FROM metrics m WHERE m.run_id = ?1 AND (?2 IS NULL OR m.task_id = ?2) "
        "GROUP BY m.key ORDER BY m.key;");
    q.bind(1, runId).bind(2, taskId.isEmpty() ? QVariant() : QVariant(taskId));
    QList<MetricSummary> summaries;
    Status read = q.forEach([&](const Query &row) {
        MetricSummary summary;
        summary.key = row.text(0);
        summary.count = row.int64(1);
        summary.min = readValue(row, 2);
        summary.max = readValue(row, 3);
        summary.last = readValue(row, 4);
        if (!row.isNull(5))
            summary.lastStep = row.int64(5);
        summary.nonFinite = row.int64(6);
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
