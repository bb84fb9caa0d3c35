#include "health/poolhealth.h"

#include "local/localconnector.h"
#include "local/localmachine.h"
#include "slurm/slurmclient.h"
#include "slurm/slurmconnector.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace atelier {

PoolHealthResult PoolHealth::check(const PoolRecord &pool)
{
    PoolHealthResult result;
    if (pool.kind == u"local"_s) {
        const MachineResources machine = LocalMachine::probe();
        PoolCapacity capacity;
        capacity.cpus = machine.cpus;
        capacity.memoryMb = machine.memoryBytes >> 20;
        for (const GpuInfo &gpu : machine.gpus)
            capacity.gpus.append(gpu.index);
        result.capacity = capacity;
        result.state = u"online"_s;
        return result;
    }
    if (pool.kind == u"slurm"_s) {
        SlurmClient client(pool.slurm);
        const SlurmCheck check = client.check();
        result.state = check.state;
        result.reason = check.reason;
        result.capacity = check.capacity;
        return result;
    }
    result.state = u"abnormal"_s;
    result.reason = tr("%1 pools are not supported by this version.").arg(pool.kind);
    return result;
}

PoolHealthResult PoolHealth::checkAndSave(PoolStore &store, const PoolRecord &pool)
{
    PoolHealthResult result = check(pool);
    (void)store.saveCheck(pool.name, result.state, result.reason, result.capacity);
    return result;
}

Status PoolHealth::addSlurm(PoolStore &store, const QString &name, const SlurmSettings &settings)
{
    if (settings.auth == u"token-file"_s) {
        if (auto token = SlurmClient::readTokenFile(settings.tokenFile); !token)
            return token.error();
    }
    if (!settings.staging.isEmpty() && !QFileInfo(settings.staging).isDir())
        return makeError(ErrorCode::NotFound,
                         tr("The staging folder %1 does not exist; create it where the cluster "
                            "sees it too.")
                             .arg(settings.staging));
    return store.addSlurm(name, settings);
}

Result<std::shared_ptr<Connector>> PoolHealth::connectorFor(const PoolRecord &pool)
{
    if (pool.kind == u"local"_s)
        return std::shared_ptr<Connector>(std::make_shared<LocalConnector>());
    if (pool.kind == u"slurm"_s) {
        if (!pool.capacity)
            return makeError(
                ErrorCode::Invalid,
                tr("Pool %1 has never been checked; run 'atelier pool check %1'.").arg(pool.name));
        SlurmConnector::Options options;
        // Tests and benchmarks shorten the silence after which tasks count as lost.
        bool ok = false;
        const int lostAfter = qEnvironmentVariableIntValue("ATELIER_SLURM_LOST_AFTER_MS", &ok);
        if (ok && lostAfter > 0)
            options.lostAfterMs = lostAfter;
        const int pollMs = qEnvironmentVariableIntValue("ATELIER_SLURM_POLL_MS", &ok);
        if (ok && pollMs > 0)
            options.pollMs = pollMs;
        return std::shared_ptr<Connector>(std::make_shared<SlurmConnector>(pool, options));
    }
    return makeError(ErrorCode::Unsupported,
                     tr("Pool %1 is a %2 pool; this version runs work on local and Slurm pools.")
                         .arg(pool.name, pool.kind));
}

} // namespace atelier
