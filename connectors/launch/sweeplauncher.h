#pragma once

#include "core/result.h"
#include "pipeline/pipelinestore.h"
#include "sweeps/sweepspec.h"

#include <QObject>

#include <memory>

namespace atelier {

class LocalConnector;
class PoolConnections;
class SweepRunner;
class TemplateLibrary;
class Workspace;

/// Starts or resumes a sweep as RunLauncher starts a run: locates the pipeline, checks every
/// pool a trial could use (each must exist and answer now), fails the trials a dead sweep
/// process left running, and makes the SweepRunner with the local connector and those pools'.
/// A start that is refused is recorded as the sweep's failed status. The caller watches the
/// runner's signals and spins the event loop. Lives on one thread; prepare() blocks while
/// remote pools are checked.
class SweepLauncher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SweepLauncher)

public:
    /// \a atelierBinary is what each trial's {atelier} runs.
    SweepLauncher(Workspace &workspace, QString atelierBinary, QObject *parent = nullptr);
    ~SweepLauncher() override;

    /// Locates \a config's pipeline, opens its pools and makes the runner. Refuses, recording
    /// nothing, an unknown pipeline or a pool that does not answer.
    Status prepare(const SweepConfig &config);
    const LocatedPipeline &pipeline() const { return m_pipeline; }
    /// The runner made by prepare(); null before.
    SweepRunner *runner() const { return m_runner.get(); }
    /// Starts the prepared sweep; a refusal is also recorded in the sweep's status.
    Status start();

Q_SIGNALS:
    /// A pool of a trial changed state while the sweep ran (already recorded in the catalog).
    void poolStateChanged(const QString &pool, const QString &state, const QString &reason);

private:
    Workspace &m_workspace;
    QString m_binary;
    SweepConfig m_config;
    LocatedPipeline m_pipeline;
    std::unique_ptr<TemplateLibrary> m_library;
    std::unique_ptr<LocalConnector> m_local;
    PoolConnections *m_pools = nullptr;
    std::unique_ptr<SweepRunner> m_runner;
};

} // namespace atelier
