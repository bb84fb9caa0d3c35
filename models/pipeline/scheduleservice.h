#pragma once

#include "core/result.h"
#include "pipeline/launchoptions.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace atelier {

/// A scheduled run to start: which saved pipeline, for which cron slot.
struct ScheduledLaunch
{
    QString pipeline; ///< slug
    QDateTime logicalDate;

    /// The run it stands for: the pipeline at this logical date.
    LaunchOptions options() const;
    /// Arguments for `atelier` that run it: pipeline run SLUG --workspace W --logical-date T.
    QStringList arguments(const QString &workspaceRoot) const
    {
        return options().arguments(workspaceRoot);
    }
};

/// Finds the scheduled runs that are due in a workspace (the schedules of its saved
/// pipelines, their past runs in the catalog). Blocking: call it from a worker thread.
class ScheduleService final
{
    Q_DECLARE_TR_FUNCTIONS(ScheduleService)

public:
    explicit ScheduleService(QString workspaceRoot);

    /// The launches due at \a now. Marks runs whose process died as failed first. Remembers
    /// what it returned, so a slot is never handed out twice by this service.
    Result<QList<ScheduledLaunch>> due(const QDateTime &now);
    /// A launch that could not start: its slot may be handed out again.
    void forget(const ScheduledLaunch &launch);
    /// Problems met (a cron that does not parse…), one line each, from the last call.
    QStringList warnings() const { return m_warnings; }

private:
    QString m_root;
    QHash<QString, QDateTime> m_activatedAt;
    static constexpr qint64 kHandOutExpirySecs = 600;
    QHash<QString, QList<QPair<QDateTime, QDateTime>>> m_handedOut; // slot, when, per pipeline
    QStringList m_warnings;
};

} // namespace atelier
