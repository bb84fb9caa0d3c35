#include "pipeline/scheduleservice.h"

#include "core/workspace.h"
#include "pipeline/cron.h"
#include "pipeline/pipelinestore.h"
#include "pipeline/scheduleplanner.h"
#include "runs/runstore.h"

namespace atelier {

QStringList ScheduledLaunch::arguments(const QString &workspaceRoot) const
{
    return {QStringLiteral("pipeline"), QStringLiteral("run"), pipeline,
            QStringLiteral("--workspace"), workspaceRoot, QStringLiteral("--logical-date"),
            logicalDate.toUTC().toString(Qt::ISODate)};
}

ScheduleService::ScheduleService(QString workspaceRoot) : m_root(std::move(workspaceRoot)) {}

Result<QList<ScheduledLaunch>> ScheduleService::due(const QDateTime &now)
{
    m_warnings.clear();
    auto workspace = Workspace::open(m_root);
    if (!workspace)
        return workspace.error();
    RunStore runs(workspace->catalog());
    if (auto reaped = runs.reapOrphans(); !reaped)
        return reaped.error();

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
        QList<QDateTime> &handed = m_handedOut[slug];
        handed.removeIf([&](const QDateTime &slot) {
            return history->lastLogicalDate.isValid() && slot <= history->lastLogicalDate;
        });
        if (!handed.isEmpty()) {
            history->lastLogicalDate = *std::max_element(handed.cbegin(), handed.cend());
            history->activeRuns += int(handed.size());
        }
        for (const QDateTime &slot :
             SchedulePlanner::dueSlots(*doc->schedule, cron.value(), history.value(), now)) {
            launches.append({slug, slot});
            handed.append(slot);
        }
    }
    return launches;
}

} // namespace atelier
