#pragma once

#include <QObject>
#include <QString>

#include <memory>

class QTimer;

namespace atelier {

class ScheduleService;

/// Starts the scheduled runs of the open workspace while the application runs: every 30 s a
/// worker looks at the schedules, and each due run starts as its own `atelier pipeline run`
/// process (a crashing task never takes the window down, and runs outlive the window).
class ScheduleRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScheduleRunner)

public:
    explicit ScheduleRunner(QObject *parent = nullptr);
    ~ScheduleRunner() override;

    /// Watches \a workspaceRoot from now on; an empty path stops watching.
    void setWorkspace(const QString &workspaceRoot);

Q_SIGNALS:
    /// A scheduled run was started (or could not be: \a message says why).
    void launched(const QString &pipeline, const QString &message);

private:
    void tick();

    QTimer *m_timer = nullptr;
    QString m_root;
    std::shared_ptr<ScheduleService> m_service;
    bool m_busy = false;
};

} // namespace atelier
