#include "runs/metricsparser.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

using namespace Qt::StringLiterals;

namespace atelier {

bool MetricsParser::parseLine(const QByteArray &line, double defaultTs, MetricPoint &point)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return false;
    const QJsonObject object = doc.object();
    const QJsonValue key = object.value(u"key"_s);
    const QJsonValue value = object.value(u"value"_s);
    if (!key.isString() || key.toString().isEmpty() || !value.isDouble() ||
        !std::isfinite(value.toDouble()))
        return false;
    point.key = key.toString();
    point.value = value.toDouble();
    point.step.reset();
    const QJsonValue step = object.value(u"step"_s);
    if (step.isDouble()) {
        const double s = step.toDouble();
        if (s != std::floor(s) || std::abs(s) > 9e15)
            return false;
        point.step = qint64(s);
    } else if (!step.isUndefined() && !step.isNull()) {
        return false;
    }
    const QJsonValue ts = object.value(u"ts"_s);
    if (ts.isDouble() && std::isfinite(ts.toDouble()))
        point.ts = ts.toDouble();
    else if (ts.isUndefined() || ts.isNull())
        point.ts = defaultTs;
    else
        return false;
    return true;
}

QList<MetricPoint> MetricsParser::feed(const QByteArray &bytes, double defaultTs)
{
    m_pending += bytes;
    QList<MetricPoint> points;
    qsizetype start = 0;
    for (;;) {
        const qsizetype end = m_pending.indexOf('\n', start);
        if (end < 0)
            break;
        const QByteArray line = m_pending.mid(start, end - start).trimmed();
        m_consumed += end + 1 - start;
        start = end + 1;
        if (line.isEmpty())
            continue;
        MetricPoint point;
        if (parseLine(line, defaultTs, point))
            points.append(point);
        else
            ++m_malformed;
    }
    m_pending.remove(0, start);
    return points;
}

QList<MetricPoint> MetricsParser::finish(double defaultTs)
{
    if (m_pending.trimmed().isEmpty())
        return {};
    QList<MetricPoint> points = feed("\n", defaultTs);
    m_consumed -= 1; // the newline was ours, not the file's
    return points;
}

} // namespace atelier
