#pragma once

#include "core/result.h"

#include <QObject>
#include <QStringList>

#include <memory>
#include <vector>

namespace atelier {

class Connector;
struct PipelineDocument;
class Workspace;

/// The connectors of the remote pools a run uses, checked before the run starts: each named
/// pool must exist, and a remote one must answer its health check now (so its capacity is
/// current and a dead cluster refuses the run at once). The local pool needs no connector
/// here: the run's executor brings its own. State changes the connectors see later are
/// recorded in the catalog and signalled.
class PoolConnections final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PoolConnections)

public:
    explicit PoolConnections(Workspace &workspace, QObject *parent = nullptr);
    ~PoolConnections() override;

    /// Checks \a poolNames and makes the connectors of the remote ones. With
    /// \a trustLastCheck (a dry run) a pool with a recorded capacity is not asked again.
    /// Blocking (processes, network): never on the GUI thread.
    Status open(const QStringList &poolNames, bool trustLastCheck = false);
    /// The connectors made by open(), to add to an executor.
    const std::vector<std::shared_ptr<Connector>> &connectors() const { return m_connectors; }

    /// \a document's pools: \a runPool (empty: local) first, then those its nodes name.
    static QStringList poolsOf(const PipelineDocument &document, const QString &runPool);

    /// "pool NAME is STATE: REASON", for telling a poolStateChanged() to the user.
    static QString stateText(const QString &pool, const QString &state, const QString &reason);

Q_SIGNALS:
    /// A connector saw \a pool change state while the run went on (already recorded).
    void poolStateChanged(const QString &pool, const QString &state, const QString &reason);

private:
    Workspace &m_workspace;
    std::vector<std::shared_ptr<Connector>> m_connectors;
};

} // namespace atelier
