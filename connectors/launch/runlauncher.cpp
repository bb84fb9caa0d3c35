#include "launch/runlauncher.h"

#include "core/workspace.h"
#include "launch/poolconnections.h"
#include "local/localconnector.h"
#include "pipeline/templatelibrary.h"
#include "runs/runstore.h"

#include <QProcess>

using namespace Qt::StringLiterals;

namespace atelier {

RunLauncher::RunLauncher(Workspace &workspace, QString atelierBinary, QObject *parent)
    : QObject(parent), m_workspace(workspace), m_binary(std::move(atelierBinary)),
      m_pools(new PoolConnections(workspace, this))
{
    connect(m_pools, &PoolConnections::poolStateChanged, this, &RunLauncher::poolStateChanged);
}

RunLauncher::~RunLauncher()
{
    // The executor uses the connectors and the library: it goes first.
    m_executor.reset();
}

Status RunLauncher::prepare(const LaunchOptions &options, bool planOnly)
{
    m_executor.reset();
    m_options = options;
    const PipelineStore store(m_workspace.root());
    auto located = store.locate(options.pipeline);
    if (!located)
        return located.error();
    m_pipeline = located.value();

    m_request = RunRequest();
    m_request.workspaceRoot = m_workspace.root();
    m_request.atelierBinary = m_binary;
    m_request.pipelineKey = m_pipeline.key;
    m_request.commitId = m_pipeline.uncommitted ? QString() : m_pipeline.commitId;
    m_request.document = m_pipeline.document;
    m_request.fromNode = options.fromNode;
    m_request.onlyNode = options.onlyNode;
    m_request.noCache = options.noCache;
    m_request.variables = options.variables;
    if (options.logicalDate.isValid())
        m_request.logicalDate = options.logicalDate.toUTC().toString(Qt::ISODate);
    m_request.pool = options.pool.isEmpty() ? u"local"_s : options.pool;
    if (!m_request.fromNode.isEmpty() && !m_request.onlyNode.isEmpty())
        return makeError(ErrorCode::Invalid, tr("--from and --only cannot be used together."));

    // Every pool the run uses (its own and the nodes') must exist and answer.
    if (Status opened =
            m_pools->open(PoolConnections::poolsOf(m_request.document, m_request.pool), planOnly);
        !opened)
        return opened;

    // Templates that could not be loaded (a refused link, a broken template.json) are told,
    // so "unknown template" never comes without its reason.
    m_library =
        std::make_unique<TemplateLibrary>(TemplateLibrary::forWorkspace(m_workspace.root()));
    for (const Error &problem : m_library->loadErrors())
        Q_EMIT warning(problem.message);
    if (!m_local)
        m_local = std::make_unique<LocalConnector>();
    m_executor = std::make_unique<RunExecutor>(m_workspace.catalog(), *m_library, *m_local);
    for (const auto &connector : m_pools->connectors())
        m_executor->addConnector(*connector);
    return {};
}

Result<QList<PlannedTask>> RunLauncher::plan()
{
    if (!m_executor)
        return makeError(ErrorCode::Internal, tr("The run was not prepared."));
    return m_executor->plan(m_request);
}

Result<QString> RunLauncher::start()
{
    if (!m_executor)
        return makeError(ErrorCode::Internal, tr("The run was not prepared."));
    auto started = m_executor->start(m_request);
    if (!started)
        return started;
    if (!m_options.experiment.isEmpty()) {
        RunStore runs(m_workspace.catalog());
        if (auto grouped = runs.setExperiment({started.value()}, m_options.experiment); !grouped)
            Q_EMIT warning(grouped.error().message);
    }
    return started;
}

Status RunLauncher::conclude()
{
    if (!m_executor)
        return makeError(ErrorCode::Internal, tr("The run was not prepared."));
    // What the catalog recorded is what counts: with the disk full the executor may know
    // "succeeded" while the catalog still says "running".
    RunStore runs(m_workspace.catalog());
    const QString state = m_executor->state();
    const QString runId = m_executor->runId();
    auto recorded = runs.run(runId);
    if (!recorded || recorded->state != state) {
        const QString why = !m_executor->catalogError().isEmpty() ? m_executor->catalogError()
                            : recorded ? tr("it says %1").arg(recorded->state)
                                       : recorded.error().message;
        return makeError(ErrorCode::Io,
                         tr("Run %1 finished as %2, but the catalog could not record it (%3). "
                            "Free disk space or fix the workspace, then check 'atelier runs "
                            "show %1'.")
                             .arg(runId, state, why));
    }
    if (!m_executor->catalogError().isEmpty())
        Q_EMIT warning(tr("Some task states of run %1 could not be recorded: %2")
                           .arg(runId, m_executor->catalogError()));
    if (m_request.document.schedule && m_request.document.schedule->keepLast > 0)
        (void)runs.pruneRunFolders(m_workspace.runsPath(), m_request.pipelineKey,
                                   m_request.document.schedule->keepLast);
    return {};
}

Result<qint64> RunLauncher::startDetached(const QString &atelierBinary,
                                          const QString &workspaceRoot,
                                          const LaunchOptions &options, const QString &logFile)
{
    QProcess process;
    process.setProgram(atelierBinary);
    process.setArguments(options.arguments(workspaceRoot));
    process.setWorkingDirectory(workspaceRoot);
    process.setStandardInputFile(QProcess::nullDevice());
    // What the process says before its run is recorded (a refusal) is kept to be shown.
    if (!logFile.isEmpty()) {
        process.setStandardOutputFile(logFile);
        process.setStandardErrorFile(logFile);
    }
    qint64 pid = 0;
    if (!process.startDetached(&pid))
        return makeError(ErrorCode::Io,
                         tr("Could not start %1: %2").arg(atelierBinary, process.errorString()));
    return pid;
}

QList<ScheduledStart> RunLauncher::startScheduled(ScheduleService &schedules,
                                                  const QList<ScheduledLaunch> &launches,
                                                  const QString &atelierBinary,
                                                  const QString &workspaceRoot)
{
    QList<ScheduledStart> starts;
    for (const ScheduledLaunch &launch : launches) {
        ScheduledStart start{launch, 0, {}};
        if (const Result<qint64> pid =
                startDetached(atelierBinary, workspaceRoot, launch.options());
            pid) {
            start.pid = pid.value();
        } else {
            schedules.forget(launch);
            start.error = pid.error().message;
        }
        starts.append(start);
    }
    return starts;
}

} // namespace atelier
