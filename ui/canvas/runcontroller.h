#pragma once

#include "pipeline/launchoptions.h"
#include "runs/runstore.h"

#include <QObject>
#include <QSet>
#include <QString>

class QTimer;

namespace atelier {

/// Starts a run of a saved pipeline the way the scheduler does, through
/// RunLauncher::startDetached as its own `atelier pipeline run NAME --workspace W
/// [--from N | --only N]` process (the run outlives
/// the window and a crashing task never takes the window down), then follows its task states
/// by polling the catalog on a worker thread. Stop asks the run to stop through the catalog,
/// as `atelier runs stop` does.
class RunController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunController)

public:
    enum class Mode { All, From, Only };

    explicit RunController(QObject *parent = nullptr);
    ~RunController() override;

    void setWorkspace(const QString &workspaceRoot);
    /// The `atelier` executable runs are started with (the running application by default).
    void setAtelierBinary(const QString &path) { m_binary = path; }
    QString atelierBinary() const;

    /// Starts a run of the saved pipeline \a slug; \a node for From and Only. Refused (with
    /// failed()) while a run started here is still active.
    void start(const QString &slug, Mode mode, const QString &node = {});
    /// Follows an existing run (to show a running one again); no process is started.
    void follow(const QString &runId);
    /// Asks the followed run to stop.
    void stop();

    bool isActive() const { return m_active; }
    QString runId() const { return m_runId; }
    const RunRecord &run() const { return m_run; }
    const QList<TaskRecord> &tasks() const { return m_tasks; }
    /// The argv a start of \a slug would use (for tests and the status line).
    QStringList arguments(const QString &slug, Mode mode, const QString &node) const;

Q_SIGNALS:
    /// The run was found in the catalog.
    void runStarted(const QString &runId);
    /// New states read from the catalog.
    void updated(const atelier::RunRecord &run, const QList<atelier::TaskRecord> &tasks);
    /// The run ended (succeeded, failed or stopped).
    void finished(const atelier::RunRecord &run);
    /// The run could not start, or its process died before it was recorded.
    void failed(const QString &message);

private:
    void poll();
    static LaunchOptions options(const QString &slug, Mode mode, const QString &node);
    void startProcess(const QString &slug, const LaunchOptions &launch, const QSet<QString> &known);

    QString m_root;
    QString m_binary;
    QString m_slug;
    QString m_runId;
    QString m_logFile;
    qint64 m_pid = 0;
    QSet<QString> m_knownRuns; ///< runs that existed before the launch
    RunRecord m_run;
    QList<TaskRecord> m_tasks;
    QTimer *m_timer = nullptr;
    bool m_active = false;
    bool m_polling = false;
    int m_missedPolls = 0;
};

} // namespace atelier
