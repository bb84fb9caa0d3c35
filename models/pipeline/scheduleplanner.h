#pragma once

#include "pipeline/cron.h"
#include "pipeline/pipelinedocument.h"

#include <QDateTime>
#include <QList>

namespace atelier {

/// What the planner knows of a scheduled pipeline's past runs.
struct ScheduleHistory
{
    QDateTime lastLogicalDate; ///< the newest slot already started; invalid when none
    bool lastSucceeded = true; ///< how the run of that slot ended (depends_on_past)
    int activeRuns = 0;        ///< runs of the pipeline pending or running now
    QDateTime activatedAt;     ///< when the schedule was first seen (no start, no history)
};

/// Decides which cron slots of a schedule should start now: backfill when `catchup`,
/// otherwise the newest slot only; never more than `max_active_runs` at once; with
/// `depends_on_past`, one at a time and only after the previous slot succeeded.
class SchedulePlanner final
{
public:
    /// Slots to start now, oldest first.
    static QList<QDateTime> dueSlots(const ScheduleSpec &schedule, const CronExpression &cron,
                                     const ScheduleHistory &history, const QDateTime &now);
};

} // namespace atelier
