#pragma once

#include "runs/metricsstore.h"

#include <QByteArray>
#include <QList>

namespace atelier {

/// Turns the bytes of a growing metrics.jsonl into points. Only whole lines are parsed; a
/// partial last line waits for the rest. A line that is not a metric object is counted as
/// malformed and skipped, never fatal. A value may be NaN or infinite: written by Python's
/// json.dumps (bare NaN, Infinity, -Infinity) or as the strings "NaN", "Infinity", "-Infinity".
class MetricsParser final
{
public:
    /// \a defaultTs stamps points that carry no "ts".
    QList<MetricPoint> feed(const QByteArray &bytes, double defaultTs);
    /// The file is complete: a last line without its newline is parsed too.
    QList<MetricPoint> finish(double defaultTs);

    qint64 malformed() const { return m_malformed; }
    /// Bytes of whole lines handled so far (where to resume reading).
    qint64 consumed() const { return m_consumed; }
    /// Parses one line; false when it is not a metric.
    static bool parseLine(const QByteArray &line, double defaultTs, MetricPoint &point);

private:
    QByteArray m_pending;
    qint64 m_malformed = 0;
    qint64 m_consumed = 0;
};

} // namespace atelier
