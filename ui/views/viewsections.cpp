#include "views/viewsections.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace atelier {

QString ViewSections::poolKind(const QString &kind)
{
    if (kind == u"local"_s)
        return tr("this workstation");
    if (kind == u"slurm"_s)
        return tr("Slurm cluster");
    if (kind == u"kubernetes"_s)
        return tr("Kubernetes namespace");
    return kind;
}

QString ViewSections::poolState(const QString &state)
{
    if (state == u"initializing"_s)
        return tr("initializing");
    if (state == u"online"_s)
        return tr("online");
    if (state == u"abnormal"_s)
        return tr("abnormal");
    if (state == u"unbinding"_s)
        return tr("unbinding");
    return state;
}

QList<PageSection> ViewSections::pipelines(const WorkspaceSnapshot &snapshot)
{
    return {{tr("Pipelines"), snapshot.pipelines}, {tr("Workspace history"), snapshot.history}};
}

QList<PageSection> ViewSections::datasets(const WorkspaceSnapshot &snapshot)
{
    return {{tr("Sample data ready to import"), snapshot.sampleData}};
}

QList<PageSection> ViewSections::pools(const WorkspaceSnapshot &snapshot)
{
    const QLocale locale;
    QList<ListedEntry> pools;
    QList<ListedEntry> checks;
    for (const PoolRow &pool : snapshot.pools) {
        QStringList detail{poolKind(pool.kind), poolState(pool.state)};
        if (pool.capacity)
            detail.append(tr("%n nodes", nullptr, pool.capacity->nodes) + u" × "_s +
                          tr("%1 CPUs, %2, %n GPUs", nullptr, int(pool.capacity->gpus.size()))
                              .arg(pool.capacity->cpus)
                              .arg(locale.formattedDataSize(pool.capacity->memoryMb << 20)));
        pools.append({pool.name, detail.join(u" · "_s), QString(), {}});

        // The date column has the time of the check; the reason in full: atelier pool list.
        QStringList check{pool.checkedAt.isValid() ? poolState(pool.state) : tr("never checked")};
        if (!pool.address.isEmpty())
            check.append(pool.address);
        if (!pool.reason.isEmpty()) // the whole reason: atelier pool list
            check.append(pool.reason.size() > 60 ? pool.reason.left(59) + u'…' : pool.reason);
        checks.append({pool.name, check.join(u" · "_s), QString(), pool.checkedAt});
    }

    const MachineResources &machine = snapshot.machine;
    QList<ListedEntry> local;
    local.append({tr("CPU cores"), locale.toString(machine.cpus), QString(), {}});
    local.append({tr("Memory"), locale.formattedDataSize(machine.memoryBytes), QString(), {}});
    for (const GpuInfo &gpu : machine.gpus)
        local.append(
            {tr("GPU %1").arg(gpu.index),
             tr("%1 · %2").arg(gpu.name, locale.formattedDataSize(gpu.memoryMiB * 1024 * 1024)),
             QString(),
             {}});
    if (machine.gpus.isEmpty())
        local.append(
            {tr("GPUs"),
             machine.gpuError.isEmpty() ? tr("none found (no NVIDIA driver)") : machine.gpuError,
             QString(),
             {}});
    // Images tasks may run in ("environment" of a node); podman's own error when it has none.
    QList<ListedEntry> images;
    for (const ImageInfo &image : snapshot.images) {
        for (const QString &name : image.names)
            images.append(
                {name,
                 tr("%1 · %2").arg(image.shortId(), locale.formattedDataSize(image.sizeBytes)),
                 QString(), image.created});
    }
    if (!snapshot.imagesError.isEmpty())
        images.append({tr("No images"), snapshot.imagesError, QString(), {}});
    return {{tr("Pools"), pools},
            {tr("Health checks (atelier pool check NAME)"), checks},
            {tr("This workstation (pool “local”)"), local},
            {tr("Images (atelier image list)"), images}};
}

} // namespace atelier
