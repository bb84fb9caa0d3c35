#pragma once

#include <QDateTime>
#include <QMap>
#include <QString>
#include <QStringList>

namespace atelier {

/// What a run of a pipeline is asked for: the same whether the command line, the window or
/// the scheduler starts it, in this process (RunLauncher) or as its own `atelier` process.
struct LaunchOptions
{
    QString pipeline;                 ///< a saved pipeline's slug, or a pipeline file
    QString pool;                     ///< for nodes that name none; empty: local
    QMap<QString, QString> variables; ///< --set: overrides the pipeline's variables
    QString fromNode;                 ///< run this node and everything below it
    QString onlyNode;                 ///< run this node alone
    bool noCache = false;
    QDateTime logicalDate; ///< the schedule slot the run stands for; invalid: none
    QString experiment;    ///< put the run into this experiment; empty: none

    /// The `atelier` arguments that run these options in \a workspaceRoot as their own
    /// process: pipeline run NAME --workspace W [options].
    QStringList arguments(const QString &workspaceRoot) const;
};

} // namespace atelier
