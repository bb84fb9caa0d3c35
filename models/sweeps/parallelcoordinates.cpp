#include "sweeps/parallelcoordinates.h"

#include <QJsonArray>

#include <cmath>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

QString categoryOf(const QJsonValue &value)
{
    if (value.isBool())
        return value.toBool() ? u"true"_s : u"false"_s;
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 6);
    return value.toString();
}

} // namespace

ParallelCoordinates ParallelCoordinates::fromSummary(const QJsonObject &summary)
{
    ParallelCoordinates chart;
    QList<QJsonObject> complete;
    QStringList keys;
    for (const QJsonValue &entry : summary.value(u"trials"_s).toArray()) {
        const QJsonObject trial = entry.toObject();
        if (trial.value(u"state"_s).toString() != u"complete"_s ||
            !trial.value(u"value"_s).isDouble())
            continue;
        complete.append(trial);
        for (const QString &key : trial.value(u"params"_s).toObject().keys()) {
            if (!keys.contains(key))
                keys.append(key);
        }
    }
    if (complete.isEmpty())
        return chart;
    // Most important parameters first (beside the objective reads best), else by name.
    const QJsonObject importances = summary.value(u"importances"_s).toObject();
    keys.sort();
    std::stable_sort(keys.begin(), keys.end(), [&importances](const QString &a, const QString &b) {
        return importances.value(a).toDouble(-1) > importances.value(b).toDouble(-1);
    });

    for (const QString &key : std::as_const(keys)) {
        Axis axis;
        axis.key = key;
        axis.importance = importances.value(key).toDouble(-1);
        bool first = true;
        for (const QJsonObject &trial : std::as_const(complete)) {
            const QJsonValue value = trial.value(u"params"_s).toObject().value(key);
            if (value.isUndefined())
                continue;
            if (!value.isDouble())
                axis.categorical = true;
        }
        for (const QJsonObject &trial : std::as_const(complete)) {
            const QJsonValue value = trial.value(u"params"_s).toObject().value(key);
            if (value.isUndefined())
                continue;
            if (axis.categorical) {
                if (const QString text = categoryOf(value); !axis.categories.contains(text))
                    axis.categories.append(text);
            } else {
                axis.low = first ? value.toDouble() : std::min(axis.low, value.toDouble());
                axis.high = first ? value.toDouble() : std::max(axis.high, value.toDouble());
                first = false;
            }
        }
        chart.axes.append(axis);
    }
    Axis objective;
    objective.key = tr("objective");
    objective.low = objective.high = complete.constFirst().value(u"value"_s).toDouble();
    for (const QJsonObject &trial : std::as_const(complete)) {
        objective.low = std::min(objective.low, trial.value(u"value"_s).toDouble());
        objective.high = std::max(objective.high, trial.value(u"value"_s).toDouble());
    }
    chart.axes.append(objective);

    const bool minimize = summary.value(u"direction"_s).toString() == u"minimize"_s;
    auto spread = [](const Axis &axis, double value) {
        return axis.high > axis.low ? (value - axis.low) / (axis.high - axis.low) : 0.5;
    };
    for (const QJsonObject &trial : std::as_const(complete)) {
        Line line;
        line.trial = trial.value(u"number"_s).toInt();
        line.value = trial.value(u"value"_s).toDouble();
        const QJsonObject params = trial.value(u"params"_s).toObject();
        for (const Axis &axis : std::as_const(chart.axes)) {
            if (&axis == &chart.axes.constLast()) {
                line.positions.append(spread(axis, line.value));
            } else if (axis.categorical) {
                const qsizetype at = axis.categories.indexOf(categoryOf(params.value(axis.key)));
                line.positions.append(axis.categories.size() > 1
                                          ? double(at) / double(axis.categories.size() - 1)
                                          : 0.5);
            } else {
                line.positions.append(spread(axis, params.value(axis.key).toDouble()));
            }
        }
        const double objectivePosition = line.positions.constLast();
        line.quality = minimize ? 1 - objectivePosition : objectivePosition;
        chart.lines.append(line);
    }
    chart.bestTrial = summary.value(u"best"_s).toObject().value(u"number"_s).toInt(-1);
    return chart;
}

QString ParallelCoordinates::label(int index, double position) const
{
    if (index < 0 || index >= axes.size())
        return {};
    const Axis &axis = axes[index];
    if (axis.categorical) {
        if (axis.categories.isEmpty())
            return {};
        const int at = int(std::lround(position * double(axis.categories.size() - 1)));
        return axis.categories.value(std::clamp(at, 0, int(axis.categories.size() - 1)));
    }
    return QString::number(axis.low + position * (axis.high - axis.low), 'g', 4);
}

} // namespace atelier
