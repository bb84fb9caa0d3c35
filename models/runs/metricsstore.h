#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace atelier {

class Database;

/// One reported value (NaN and ±inf included): `{"key": "loss", "value": 0.31, "step": 120, "ts":
/// 1763800000.5}`.
struct MetricPoint
{
    QString key;
    std::optional<qint64> step;
    double value = 0;
    double ts = 0; ///< seconds since the epoch, UTC

    bool operator==(const MetricPoint &) const = default;
};

/// A metric's figures over a run, for tables.
struct MetricSummary
{
    QString key;
    qint64 count = 0;
    double last = 0;
    double min = 0;
    double max = 0;
    std::optional<qint64> lastStep;
    qint64 nonFinite = 0; ///< NaN or infinite points; min and max are of the others (NaN: none)
    /// Set when the figures are those of another run, reused by a cached task of this one.
    QString fromRunId;
};

/// \a value for JSON, which has no NaN or infinity: those become the strings "NaN",
/// "Infinity" and "-Infinity" (Protocol Buffers' JSON mapping, as in MLflow's REST API).
QJsonValue metricJsonValue(double value);
/// The reverse of metricJsonValue(): a number, or one of those strings; none otherwise.
std::optional<double> metricFromJson(const QJsonValue &value);

/// How far a task's metrics file has been read.
struct MetricSource
{
    QString path;
    qint64 offset = 0;
    qint64 points = 0;
    qint64 malformed = 0;
};

/// Metrics in the catalog (table `metrics`): appended in batches through one prepared
/// statement, read back by run and key.
class MetricsStore final
{
    Q_DECLARE_TR_FUNCTIONS(MetricsStore)

public:
    explicit MetricsStore(Database &db) : m_db(db) {}

    /// Appends \a points in one transaction (or inside the caller's).
    Status append(const QString &runId, const QString &taskId, const QList<MetricPoint> &points);
    /// Points of a run in time order; of one key and one task when given.
    Result<QList<MetricPoint>> points(const QString &runId, const QString &key = {},
                                      const QString &taskId = {});
    /// Keys reported in a run, sorted.
    Result<QStringList> keys(const QString &runId);
    /// Last, min, max and count per key; of one task when given.
    Result<QList<MetricSummary>> summaries(const QString &runId, const QString &taskId = {});

    Result<MetricSource> source(const QString &runId, const QString &taskId);
    Status saveSource(const QString &runId, const QString &taskId, const MetricSource &source);
    /// Malformed lines over all of a run's metrics files.
    Result<qint64> malformed(const QString &runId);

private:
    Database &m_db;
};

} // namespace atelier
