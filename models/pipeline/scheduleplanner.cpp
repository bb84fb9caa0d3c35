#include "pipeline/scheduleplanner.h"

namespace atelier {

QList<QDateTime> SchedulePlanner::dueSlots(const ScheduleSpec &schedule, const CronExpression &cron,
                                           const ScheduleHistory &history, const QDateTime &now)
{
    if (history.activeRuns >= schedule.maxActiveRuns)
        return {};
    if (schedule.dependsOnPast && (history.activeRuns > 0 || !history.lastSucceeded))
        return {};

    // Slots after the last one started; before any run, from the start (inclusive) or from
    // when the schedule was first seen.
    QDateTime from;
    if (history.lastLogicalDate.isValid())
        from = history.lastLogicalDate;
    else if (schedule.start.isValid())
        from = schedule.start.addSecs(-60);
    else
        from = history.activatedAt.isValid() ? history.activatedAt : now;
    if (schedule.start.isValid() && from < schedule.start.addSecs(-60))
        from = schedule.start.addSecs(-60);
    if (from >= now)
        return {};

    const int room = schedule.dependsOnPast ? 1 : schedule.maxActiveRuns - history.activeRuns;
    if (!schedule.catchup) {
        const QList<QDateTime> newest = cron.between(from, now, 1);
        return newest;
    }
    // Backfill oldest first; asking between() for everything could be huge, so walk forward.
    QList<QDateTime> due;
    QDateTime at = from;
    while (due.size() < room) {
        at = cron.nextAfter(at);
        if (!at.isValid() || at > now)
            break;
        due.append(at);
    }
    return due;
}

} // namespace atelier
