#include "shell/schedulerunner.h"

#include "common/background.h"
#include "launch/runlauncher.h"
#include "pipeline/scheduleservice.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimer>

namespace atelier {

ScheduleRunner::ScheduleRunner(QObject *parent) : QObject(parent), m_timer(new QTimer(this))
{
    m_timer->setInterval(30000);
    connect(m_timer, &QTimer::timeout, this, &ScheduleRunner::tick);
}

ScheduleRunner::~ScheduleRunner() = default;

void ScheduleRunner::setWorkspace(const QString &workspaceRoot)
{
    if (workspaceRoot == m_root)
        return;
    m_root = workspaceRoot;
    m_service =
        workspaceRoot.isEmpty() ? nullptr : std::make_shared<ScheduleService>(workspaceRoot);
    if (m_service) {
        m_timer->start();
        tick();
    } else {
        m_timer->stop();
    }
}

void ScheduleRunner::tick()
{
    if (m_busy || !m_service)
        return;
    m_busy = true;
    const std::shared_ptr<ScheduleService> service = m_service;
    const QString root = m_root;
    runInBackground(
        this, [service] { return service->due(QDateTime::currentDateTimeUtc()); },
        [this, service, root](const Result<QList<ScheduledLaunch>> &launches) {
            m_busy = false;
            if (!launches || service != m_service)
                return;
            for (const ScheduledStart &start : RunLauncher::startScheduled(
                     *service, launches.value(), QCoreApplication::applicationFilePath(), root)) {
                const ScheduledLaunch &launch = start.launch;
                Q_EMIT launched(
                    launch.pipeline,
                    start.pid > 0
                        ? tr("Scheduled run of %1 for %2 started.")
                              .arg(launch.pipeline, launch.logicalDate.toString(Qt::ISODate))
                        : tr("Could not start the scheduled run of %1.").arg(launch.pipeline));
            }
        });
}

} // namespace atelier
