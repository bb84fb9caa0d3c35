#include "launch/poolconnections.h"

#include "core/workspace.h"
#include "pipeline/pipelinedocument.h"
#include "health/poolhealth.h"
#include "pools/poolstore.h"

using namespace Qt::StringLiterals;

namespace atelier {

PoolConnections::PoolConnections(Workspace &workspace, QObject *parent)
    : QObject(parent), m_workspace(workspace)
{
}

PoolConnections::~PoolConnections() = default;

QStringList PoolConnections::poolsOf(const PipelineDocument &document, const QString &runPool)
{
    QStringList names{runPool.isEmpty() ? u"local"_s : runPool};
    for (const NodeSpec &node : document.nodes) {
        if (!node.pool.isEmpty() && !names.contains(node.pool))
            names.append(node.pool);
    }
    return names;
}

QString PoolConnections::stateText(const QString &pool, const QString &state, const QString &reason)
{
    return reason.isEmpty() ? tr("pool %1 is %2").arg(pool, state)
                            : tr("pool %1 is %2: %3").arg(pool, state, reason);
}

Status PoolConnections::open(const QStringList &poolNames, bool trustLastCheck)
{
    m_connectors.clear();
    PoolStore pools(m_workspace.catalog());
    for (const QString &name : poolNames) {
        auto record = pools.find(name);
        if (!record)
            return record.error();
        if (record->kind == u"local"_s)
            continue;
        if (!(trustLastCheck && record->capacity)) {
            const PoolHealthResult health = PoolHealth::checkAndSave(pools, record.value());
            if (health.state != u"online"_s)
                return makeError(ErrorCode::Conflict, tr("Pool %1 is %2: %3; nothing was run.")
                                                          .arg(name, health.state, health.reason));
            record = pools.find(name);
            if (!record)
                return record.error();
        }
        auto connector = PoolHealth::connectorFor(record.value());
        if (!connector)
            return connector.error();
        Connector *raw = connector.value().get();
        connect(raw, &Connector::poolStateChanged, this,
                [this, name](const QString &state, const QString &reason) {
                    PoolStore store(m_workspace.catalog());
                    (void)store.saveCheck(name, state, reason, std::nullopt);
                    Q_EMIT poolStateChanged(name, state, reason);
                });
        m_connectors.push_back(connector.value());
    }
    return {};
}

} // namespace atelier
