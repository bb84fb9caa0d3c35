#pragma once

#include "pipeline/connector.h"
#include "pools/poolstore.h"

#include <QCoreApplication>

#include <memory>

namespace atelier {

/// What one health check found.
struct PoolHealthResult
{
    QString state;  ///< online or abnormal
    QString reason; ///< why abnormal
    std::optional<PoolCapacity> capacity;
};

/// Checks pools and makes their connectors, whatever their kind. Blocking (processes,
/// network): call it from a worker thread or the command line, never the GUI thread.
class PoolHealth final
{
    Q_DECLARE_TR_FUNCTIONS(PoolHealth)

public:
    /// Reads the pool's capacity and state now (local: this machine; slurm: slurmrestd).
    static PoolHealthResult check(const PoolRecord &pool);
    /// Checks the pool and records the outcome in \a store.
    static PoolHealthResult checkAndSave(PoolStore &store, const PoolRecord &pool);
    /// Records a new Slurm pool (state initializing) after checking what can be checked on
    /// this machine: that the token file can be read (auth "token-file") and that the
    /// staging folder, when given, exists. The cluster itself is not asked (check() does).
    static Status addSlurm(PoolStore &store, const QString &name, const SlurmSettings &settings);
    /// A connector for the pool, or why there is none.
    static Result<std::shared_ptr<Connector>> connectorFor(const PoolRecord &pool);
};

} // namespace atelier
