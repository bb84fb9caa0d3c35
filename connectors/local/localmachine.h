#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace atelier {

/// One GPU as the driver reports it.
struct GpuInfo
{
    int index = 0;
    QString name;
    qint64 memoryMiB = 0;
};

/// What this workstation offers the `local` pool.
struct MachineResources
{
    int cpus = 0;
    qint64 memoryBytes = 0;
    QList<GpuInfo> gpus;
    /// Why GPUs could not be listed (empty when nvidia-smi is absent: no NVIDIA driver).
    QString gpuError;
};

/// Probes the local machine: cores, memory, and NVIDIA GPUs through `nvidia-smi`.
/// Blocking (runs a process): call it from a worker thread.
class LocalMachine final
{
    Q_DECLARE_TR_FUNCTIONS(LocalMachine)

public:
    static MachineResources probe(int timeoutMs = 5000);
    /// Parses `nvidia-smi --query-gpu=index,name,memory.total --format=csv,noheader,nounits`.
    static QList<GpuInfo> parseGpuList(const QByteArray &csv);
    /// Total memory from the text of /proc/meminfo, in bytes; 0 when absent.
    static qint64 parseMemTotal(const QByteArray &meminfo);
};

} // namespace atelier
