#pragma once

#include "core/result.h"
#include "pipeline/launchoptions.h"
#include "pipeline/pipelinestore.h"
#include "pipeline/runexecutor.h"
#include "pipeline/scheduleservice.h"

#include <QObject>

#include <memory>

namespace atelier {

class LocalConnector;
class PoolConnections;
class TemplateLibrary;
class Workspace;

/// A scheduled run and how its start went.
struct ScheduledStart
{
    ScheduledLaunch launch;
    qint64 pid = 0; ///< its runner's process id; 0 when it could not start
    QString error;  ///< why it could not start
};

/// Starts a run of a pipeline, for the command line, the window, the scheduler and sweeps
/// alike: locates the pipeline, resolves and checks every pool it uses, makes the
/// connectors and a RunExecutor, starts it, and once it has finished checks what the catalog
/// recorded and prunes old run folders as the pipeline's schedule asks. The caller watches
/// the executor's signals and spins the event loop. startDetached() instead starts the run
/// as its own `atelier pipeline run` process, which outlives the caller.
/// Lives on one thread; prepare() blocks while remote pools are checked.
class RunLauncher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunLauncher)

public:
    /// \a atelierBinary is what {atelier} in a task's command runs.
    RunLauncher(Workspace &workspace, QString atelierBinary, QObject *parent = nullptr);
    ~RunLauncher() override;

    /// Locates \a options' pipeline, checks its pools (with \a planOnly a pool with a
    /// recorded capacity is not asked again) and makes the executor. Warnings (templates
    /// that could not be loaded) come as warning() signals.
    Status prepare(const LaunchOptions &options, bool planOnly = false);

    const LocatedPipeline &pipeline() const { return m_pipeline; }
    const RunRequest &request() const { return m_request; }
    /// The executor made by prepare(); null before.
    RunExecutor *executor() const { return m_executor.get(); }

    /// What the run would do with each node; runs nothing.
    Result<QList<PlannedTask>> plan();
    /// Starts the prepared run and puts it into the options' experiment. Returns its id.
    Result<QString> start();
    /// After the executor's finished(): refuses when the catalog did not record the state the
    /// run ended in, warns when some task states were not recorded, and keeps only the
    /// newest run folders the pipeline's schedule asks for (keep_last).
    Status conclude();

    /// Starts \a options as its own `atelier` process (\a atelierBinary) in \a workspaceRoot,
    /// detached: the run outlives the caller. Its output goes to \a logFile (empty: where the
    /// caller's goes). Returns the process id.
    static Result<qint64> startDetached(const QString &atelierBinary, const QString &workspaceRoot,
                                        const LaunchOptions &options, const QString &logFile = {});
    /// Starts each of \a launches (what \a schedules found due) with startDetached(); a launch
    /// that could not start is handed back to \a schedules, so its slot is tried again at the
    /// next look. What the scheduler command and the window's schedule runner both do.
    static QList<ScheduledStart> startScheduled(ScheduleService &schedules,
                                                const QList<ScheduledLaunch> &launches,
                                                const QString &atelierBinary,
                                                const QString &workspaceRoot);

Q_SIGNALS:
    /// Something the user should hear of that does not stop the run.
    void warning(const QString &message);
    /// A pool of the run changed state while it ran (already recorded in the catalog).
    void poolStateChanged(const QString &pool, const QString &state, const QString &reason);

private:
    Workspace &m_workspace;
    QString m_binary;
    LaunchOptions m_options;
    LocatedPipeline m_pipeline;
    RunRequest m_request;
    std::unique_ptr<TemplateLibrary> m_library;
    std::unique_ptr<LocalConnector> m_local;
    PoolConnections *m_pools = nullptr;
    std::unique_ptr<RunExecutor> m_executor;
};

} // namespace atelier
