#include "launch/sweeplauncher.h"

#include "core/workspace.h"
#include "launch/poolconnections.h"
#include "local/localconnector.h"
#include "pipeline/templatelibrary.h"
#include "runs/runstore.h"
#include "sweeps/sweeprunner.h"
#include "sweeps/sweepstore.h"

using namespace Qt::StringLiterals;

namespace atelier {

SweepLauncher::SweepLauncher(Workspace &workspace, QString atelierBinary, QObject *parent)
    : QObject(parent), m_workspace(workspace), m_binary(std::move(atelierBinary))
{
}

SweepLauncher::~SweepLauncher() = default; // the runner, declared last, goes first

Status SweepLauncher::prepare(const SweepConfig &config)
{
    m_config = config;
    auto located = PipelineStore(m_workspace.root()).locate(config.pipeline);
    if (!located)
        return located.error();
    m_pipeline = located.value();
    // Trials run on every pool a single run could use: each must exist and answer now.
    m_pools = new PoolConnections(m_workspace, this);
    connect(m_pools, &PoolConnections::poolStateChanged, this, &SweepLauncher::poolStateChanged);
    if (Status opened = m_pools->open(PoolConnections::poolsOf(m_pipeline.document, config.pool));
        !opened)
        return opened;
    m_library =
        std::make_unique<TemplateLibrary>(TemplateLibrary::forWorkspace(m_workspace.root()));
    (void)RunStore(m_workspace.catalog()).reapOrphans(); // a dead sweep's trial is not active
    m_local = std::make_unique<LocalConnector>();
    m_runner = std::make_unique<SweepRunner>(m_workspace.catalog(), *m_library, *m_local);
    for (const auto &remote : m_pools->connectors())
        m_runner->addConnector(*remote);
    return {};
}

Status SweepLauncher::start()
{
    if (!m_runner)
        return makeError(ErrorCode::Internal, tr("The sweep was not prepared."));
    Status started = m_runner->start(m_workspace.root(), m_config, m_pipeline, m_binary);
    if (!started)
        (void)SweepStore(m_workspace.root())
            .saveStatus(m_config.name, SweepStatus{u"failed"_s, 0, started.error().message, {}});
    return started;
}

} // namespace atelier
