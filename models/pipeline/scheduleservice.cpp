#include "pipeline/scheduleservice.h"

#include "core/leftovers.h"
#include "core/workspace.h"
#include "pipeline/cron.h"
#include "pipeline/pipelinestore.h"
#include "pipeline/scheduleplanner.h"
#include "runs/runstore.h"

namespace atelier {

void ScheduleService::forget(const ScheduledLaunch &launch)
{
    m_handedOut[launch.pipeline].removeIf([&](const QPair<QDateTime, QDateTime> &entry) {
        return entry.first == launch.logicalDate;
    });
}

LaunchOptions ScheduledLaunch::options() const
{
    LaunchOptions options;
    options.pipeline = pipeline;
    options.logicalDate = logicalDate;
    return options;
}

ScheduleService::ScheduleService(QString workspaceRoot) : m_root(std::move(workspaceRoot)) {}

Result<QList<ScheduledLaunch>> ScheduleService::due(const QDateTime &now)
{
    m_warnings.clear();
    auto workspace = Workspace::open(m_root);
    if (!workspace)
        return workspace.error();
    if (auto reaped = Leftovers::reap(workspace->catalog()); !reaped)
        return reaped.error();
    RunStore runs(workspace->catalog());

    QList<ScheduledLaunch> launches;
    const PipelineStore store(m_root);
    for (const QString &slug : store.list()) {
        auto doc = store.load(slug);
        if (!doc || !doc->schedule)
            continue;
        auto cron = CronExpression::parse(doc->schedule->cron);
        if (!cron) {
            m_warnings.append(tr("%1: %2").arg(slug, cron.error().message));
            continue;
        }
        auto history = runs.scheduleHistory(slug);
        if (!history)
            return history.error();
        if (!m_activatedAt.contains(slug))
            m_activatedAt.insert(slug, now);
        history->activatedAt = m_activatedAt.value(slug);
        // Slots handed out but not yet recorded by their run count as started and active.
        // A launch that never recorded its run (it was refused, or could not start) stops
        // counting after kHandOutExpirySecs, so one failure cannot block a schedule for good.
        QList<QPair<QDateTime, QDateTime>> &handed = m_handedOut[slug]; // slot, handed out at
        handed.removeIf([&](const QPair<QDateTime, QDateTime> &entry) {
            return (history->lastLogicalDate.isValid() &&
                    entry.first <= history->lastLogicalDate) ||
                   entry.second.secsTo(now) > kHandOutExpirySecs;
        });
        for (const auto &[slot, at] : std::as_const(handed)) {
            if (!history->lastLogicalDate.isValid() || slot > history->lastLogicalDate)
                history->lastLogicalDate = slot;
            history->activeRuns += 1;
        }
        for (const QDateTime &slot :
             SchedulePlanner::dueSlots(*doc->schedule, cron.value(), history.value(), now)) {
            launches.append({slug, slot});
            handed.append({slot, now});
        }
    }
    return launches;
}

} // namespace atelier
