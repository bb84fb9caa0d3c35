#include "runs/runcomparison.h"

#include "runs/rundetail.h"

#include <QRegularExpression>
#include <QSet>

#include <cmath>

using namespace Qt::StringLiterals;

namespace atelier {

Result<RunComparison> RunComparison::load(const QString &workspaceRoot, const QStringList &runIds)
{
    RunComparison comparison;
    QSet<QString> allParams;
    QSet<QString> allMetrics;
    for (const QString &id : runIds) {
        auto detail = RunDetail::load(workspaceRoot, id);
        if (!detail)
            return detail.error();
        comparison.runs.append(id);
        comparison.labels.append(
            (detail->run.runName.isEmpty() ? detail->run.pipelineName : detail->run.runName) +
            u" · "_s + id.right(4));
        QHash<QString, QString> params;
        for (auto it = detail->params.begin(); it != detail->params.end(); ++it) {
            params.insert(it.key(), it.value());
            allParams.insert(it.key());
        }
        comparison.params.append(params);
        QHash<QString, double> metrics;
        for (const MetricSummary &summary : detail->summaries) {
            if (summary.key.startsWith(u"sys/"_s))
                continue;
            metrics.insert(summary.key, summary.last);
            allMetrics.insert(summary.key);
        }
        comparison.metrics.append(metrics);
    }
    for (const QString &key : std::as_const(allParams)) {
        QSet<QString> values;
        for (const auto &params : std::as_const(comparison.params))
            values.insert(params.value(key, u"\u2014"_s));
        if (values.size() > 1 || comparison.runs.size() == 1)
            comparison.paramKeys.append(key);
    }
    comparison.paramKeys.sort();
    comparison.metricKeys = QStringList(allMetrics.cbegin(), allMetrics.cend());
    comparison.metricKeys.sort();
    return comparison;
}

bool RunComparison::lowerIsBetter(const QString &metricKey)
{
    static const QRegularExpression lower(
        u"(loss|error|err$|mse|rmse|mae|mape|perplexity|latency|_time|duration)"_s,
        QRegularExpression::CaseInsensitiveOption);
    return lower.match(metricKey).hasMatch();
}

std::optional<int> RunComparison::best(const QString &metricKey) const
{
    std::optional<int> best;
    const bool lower = lowerIsBetter(metricKey);
    QSet<double> values;
    // A NaN or infinite value (a diverged run) is never the best, and NaN compares false with
    // everything, so it would otherwise win by being first.
    for (const auto &run : metrics) {
        if (run.contains(metricKey) && std::isfinite(run.value(metricKey)))
            values.insert(run.value(metricKey));
    }
    if (values.size() < 2)
        return std::nullopt; // nothing to choose between
    for (int i = 0; i < metrics.size(); ++i) {
        const auto it = metrics[i].constFind(metricKey);
        if (it == metrics[i].cend() || !std::isfinite(*it))
            continue;
        if (!best ||
            (lower ? *it < metrics[*best].value(metricKey) : *it > metrics[*best].value(metricKey)))
            best = i;
    }
    return best;
}

} // namespace atelier
