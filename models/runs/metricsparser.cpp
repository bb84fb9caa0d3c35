#include "runs/metricsparser.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <optional>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

// Python's json.dumps writes a NaN or infinite float as the bare tokens NaN, Infinity and
// -Infinity, which JSON (and QJsonDocument) refuses; a diverged loss is exactly such a value.
// Outside strings they become the strings metricJsonValue() writes, read back below.
QByteArray quoteNonFinite(const QByteArray &line)
{
    QByteArray out;
    out.reserve(line.size() + 8);
    bool inString = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const char c = line.at(i);
        if (inString) {
            out.append(c);
            if (c == '\\' && i + 1 < line.size())
                out.append(line.at(++i));
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"')
            inString = true;
        bool replaced = false;
        for (const char *token : {"-Infinity", "Infinity", "NaN"}) {
            const QByteArrayView view(token);
            if (QByteArrayView(line).sliced(i).startsWith(view)) {
                out.append('"').append(view).append('"');
                i += view.size() - 1;
                replaced = true;
                break;
            }
        }
        if (!replaced)
            out.append(c);
    }
    return out;
}

} // namespace

bool MetricsParser::parseLine(const QByteArray &line, double defaultTs, MetricPoint &point)
{
    QJsonParseError error;
    QJsonDocument doc = QJsonDocument::fromJson(line, &error);
    if (error.error != QJsonParseError::NoError)
        doc = QJsonDocument::fromJson(quoteNonFinite(line), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return false;
    const QJsonObject object = doc.object();
    const QJsonValue key = object.value(u"key"_s);
    const std::optional<double> value = metricFromJson(object.value(u"value"_s));
    if (!key.isString() || key.toString().isEmpty() || !value)
        return false;
    point.key = key.toString();
    point.value = *value; // NaN and ±inf included: the run diverged, and shows it
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
