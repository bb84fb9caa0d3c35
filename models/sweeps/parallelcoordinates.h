#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace atelier {

/// What a parallel-coordinates chart of a sweep draws, made from a study summary (the
/// driver's "trials", "best", "importances", "direction"): one axis per swept parameter, then
/// the objective; one line per completed trial through its positions on the axes (0 at the
/// bottom, 1 at the top). Numbers are spread over their range; texts and booleans are
/// categories spaced evenly in the order they first appear.
struct ParallelCoordinates
{
    Q_DECLARE_TR_FUNCTIONS(ParallelCoordinates)

public:
    struct Axis
    {
        QString key; ///< "node.param", or the objective's title for the last axis
        bool categorical = false;
        double low = 0; ///< numbers: the range shown
        double high = 0;
        QStringList categories; ///< categorical: bottom to top
        double importance = -1; ///< share from get_param_importances; -1 when not known
    };
    struct Line
    {
        int trial = -1;
        double value = 0;        ///< the objective
        QList<double> positions; ///< one per axis, 0..1
        double quality = 0;      ///< 0 the worst trial, 1 the best (for colour)
    };

    QList<Axis> axes;
    QList<Line> lines;
    int bestTrial = -1; ///< -1 when no trial completed

    static ParallelCoordinates fromSummary(const QJsonObject &summary);
    /// The text of \a axis at \a position (0..1): a number or the nearest category.
    QString label(int axis, double position) const;
};

} // namespace atelier
