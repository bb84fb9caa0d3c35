#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace atelier {

/// Runs side by side: the params that differ between them against their final metrics.
struct RunComparison
{
    Q_DECLARE_TR_FUNCTIONS(RunComparison)

public:
    QStringList runs;       ///< run ids, in the order asked
    QStringList labels;     ///< what to call each run
    QStringList paramKeys;  ///< params whose values differ between the runs, sorted
    QStringList metricKeys; ///< final metrics reported by any run (resource samples left out)
    QList<QHash<QString, QString>> params; ///< per run
    QList<QHash<QString, double>> metrics; ///< per run: the last value of each key

    /// Reads the params (the run's pipeline snapshot, variables, imported params) and final
    /// metrics of \a runIds. Blocking: call it from a worker thread.
    static Result<RunComparison> load(const QString &workspaceRoot, const QStringList &runIds);
    /// Loss, error and the like are better low; everything else better high.
    static bool lowerIsBetter(const QString &metricKey);
    /// The index of the best run for \a metricKey; none when fewer than two different values.
    std::optional<int> best(const QString &metricKey) const;
};

} // namespace atelier
