#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QPair>
#include <QString>

namespace atelier {

/// What one NVIDIA GPU is doing now; a value the driver did not report is -1.
struct GpuUsage
{
    int index = 0;
    double utilPercent = -1;
    qint64 memoryUsedMiB = -1;
};

/// The resources one task's process tree uses at one moment.
struct ResourceSample
{
    double cpuPercent = 0; ///< percent of one core since the previous sample (2 busy cores: ~200)
    qint64 rssBytes = 0;   ///< resident memory, summed over the processes
    int processes = 0;     ///< live (non-zombie) processes of the tree
    QList<GpuUsage> gpus;  ///< filled by the caller from sampleGpus(); sample() leaves it empty
};

/// Samples CPU and memory of one task's process group from /proc (Linux), and GPU use through
/// `nvidia-smi`. One per task; not thread-safe; cheap enough to call every second.
class ProcessSampler final
{
public:
    /// \a rootPid is the task's process, the leader of its own process group (pid == pgid).
    explicit ProcessSampler(qint64 rootPid);

    /// Reads /proc: every process whose process group is rootPid's, and every descendant of
    /// those that changed group. CPU is the sum of utime+stime deltas since the previous sample
    /// over the wall time between them, in percent of one core. The first sample reports 0 CPU:
    /// there is nothing to compare with yet (a since-start average would hide the current load).
    /// Processes that vanish mid-scan are skipped; a vanished group gives an empty sample.
    ResourceSample sample();

    /// Utilisation and memory of the GPUs \a indices, in that order, from one call of
    /// `nvidia-smi --query-gpu=index,utilization.gpu,memory.used --format=csv,noheader,nounits`.
    /// Absent nvidia-smi, a failure or no answer within \a timeoutMs: an empty list, not an
    /// error (the machine simply has nothing to report). Blocking: runs a process.
    static QList<GpuUsage> sampleGpus(const QList<int> &indices, int timeoutMs = 2000);
    /// Parses the output of the query above; "[N/A]" / "[Not Supported]" values become -1.
    static QList<GpuUsage> parseGpuUsage(const QByteArray &csv);

    /// The metric points of \a sample: sys/cpu_percent, sys/memory_mb (MiB), sys/processes and,
    /// per GPU i, sys/gpu<i>/util_percent and sys/gpu<i>/memory_mb; unreported values are left out.
    static QList<QPair<QString, double>> toMetrics(const ResourceSample &sample);

private:
    struct ProcKey
    {
        qint64 pid = 0;
        qint64 startTime = 0; ///< clock ticks since boot; tells a reused pid apart
        friend bool operator==(const ProcKey &a, const ProcKey &b) = default;
        friend size_t qHash(const ProcKey &key, size_t seed = 0) noexcept
        {
            return qHashMulti(seed, key.pid, key.startTime);
        }
    };

    qint64 m_rootPid = 0;
    qint64 m_rootStartTime = -1; ///< -1 until the root was seen
    QHash<ProcKey, qint64> m_previousTicks;
    QElapsedTimer m_clock;
};

} // namespace atelier
