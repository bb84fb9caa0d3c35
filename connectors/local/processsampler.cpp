#include "local/processsampler.h"

#include <QProcess>
#include <QSet>
#include <QStandardPaths>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

#include <utility>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

/// One line of /proc/<pid>/stat, the fields we use.
struct ProcStat
{
    qint64 pid = 0;
    qint64 ppid = 0;
    qint64 pgrp = 0;
    qint64 ticks = 0; ///< utime + stime
    qint64 startTime = 0;
    bool zombie = false;
};

/// Reads a small /proc file in full; empty when it is gone. /proc files report size 0, so read
/// until EOF rather than trusting a size; plain POSIX calls keep a scan of all pids cheap.
QByteArray readProcFile(const char *path)
{
    const int fd = ::open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return {};
    QByteArray data;
    char buffer[4096];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n > 0) {
            data.append(buffer, n);
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        break;
    }
    ::close(fd);
    return data;
}

/// Parses "pid (comm) state ppid pgrp ...". comm may hold spaces and parentheses, so the
/// fields after it start at the LAST ')'.
bool parseStat(const QByteArray &text, ProcStat *out)
{
    const qsizetype open = text.indexOf('(');
    const qsizetype close = text.lastIndexOf(')');
    if (open <= 0 || close < open)
        return false;
    bool ok = false;
    out->pid = text.left(open).trimmed().toLongLong(&ok);
    if (!ok)
        return false;
    // Token 0 is field 3 (state); field n is token n - 3.
    const QList<QByteArray> tokens = text.mid(close + 1).simplified().split(' ');
    if (tokens.size() < 20)
        return false;
    bool okPpid = false, okPgrp = false, okUtime = false, okStime = false, okStart = false;
    out->zombie = tokens[0] == "Z" || tokens[0] == "X";
    out->ppid = tokens[1].toLongLong(&okPpid);            // field 4
    out->pgrp = tokens[2].toLongLong(&okPgrp);            // field 5
    const qint64 utime = tokens[11].toLongLong(&okUtime); // field 14
    const qint64 stime = tokens[12].toLongLong(&okStime); // field 15
    out->startTime = tokens[19].toLongLong(&okStart);     // field 22
    out->ticks = utime + stime;
    return okPpid && okPgrp && okUtime && okStime && okStart;
}

/// Every process in /proc now; those that vanish while we read are simply missing.
QList<ProcStat> scanProcesses()
{
    QList<ProcStat> processes;
    DIR *dir = ::opendir("/proc");
    if (!dir)
        return processes;
    while (const dirent *entry = ::readdir(dir)) {
        char *end = nullptr;
        const long long pid = std::strtoll(entry->d_name, &end, 10);
        if (pid <= 0 || *end != '\0')
            continue; // not a process: "self", "meminfo", ...
        char path[64];
        std::snprintf(path, sizeof path, "/proc/%lld/stat", pid);
        ProcStat stat;
        if (parseStat(readProcFile(path), &stat))
            processes.append(stat);
    }
    ::closedir(dir);
    return processes;
}

/// Resident bytes of \a pid from /proc/<pid>/statm (second field, in pages); 0 when gone.
qint64 residentBytes(qint64 pid)
{
    static const qint64 pageSize = ::sysconf(_SC_PAGESIZE);
    char path[64];
    std::snprintf(path, sizeof path, "/proc/%lld/statm", static_cast<long long>(pid));
    const QList<QByteArray> fields = readProcFile(path).simplified().split(' ');
    if (fields.size() < 2)
        return 0;
    return fields[1].toLongLong() * pageSize;
}

/// "42", " 42 " → 42; "[N/A]", "[Not Supported]" → -1.
double parseNumber(const QByteArray &field)
{
    bool ok = false;
    const double value = field.trimmed().toDouble(&ok);
    return ok ? value : -1;
}

} // namespace

ProcessSampler::ProcessSampler(qint64 rootPid) : m_rootPid(rootPid) {}

ResourceSample ProcessSampler::sample()
{
    ResourceSample result;
    if (m_rootPid <= 0)
        return result;

    const QList<ProcStat> all = scanProcesses();
    const qint64 elapsedMs = m_clock.isValid() ? m_clock.restart() : -1;
    if (!m_clock.isValid())
        m_clock.start();

    // The tree: the root itself, its process group, and every descendant of either, so that a
    // child that made its own group (setsid) still counts.
    QHash<qint64, qsizetype> byPid;
    QMultiHash<qint64, qsizetype> childrenOf;
    byPid.reserve(all.size());
    for (qsizetype i = 0; i < all.size(); ++i) {
        byPid.insert(all[i].pid, i);
        childrenOf.insert(all[i].ppid, i);
    }
    QList<qsizetype> pending;
    if (const auto root = byPid.constFind(m_rootPid); root != byPid.cend()) {
        const ProcStat &stat = all[*root];
        if (m_rootStartTime < 0)
            m_rootStartTime = stat.startTime;
        // Our root ended and its pid went to an unrelated process; the kernel never reuses a
        // pid while it names a live group, so nothing of our tree is left.
        if (stat.startTime != m_rootStartTime) {
            m_previousTicks.clear();
            return result;
        }
        pending.append(*root);
    }
    for (qsizetype i = 0; i < all.size(); ++i) {
        if (all[i].pgrp == m_rootPid && all[i].pid != m_rootPid)
            pending.append(i);
    }
    QSet<qsizetype> members;
    while (!pending.isEmpty()) {
        const qsizetype i = pending.takeLast();
        if (members.contains(i))
            continue;
        members.insert(i);
        for (auto it = childrenOf.constFind(all[i].pid);
             it != childrenOf.cend() && it.key() == all[i].pid; ++it)
            pending.append(it.value());
    }

    static const double ticksPerSecond = double(::sysconf(_SC_CLK_TCK));
    QHash<ProcKey, qint64> ticks;
    qint64 deltaTicks = 0;
    for (const qsizetype i : std::as_const(members)) {
        const ProcStat &stat = all[i];
        const ProcKey key{stat.pid, stat.startTime};
        ticks.insert(key, stat.ticks);
        // A process new since the previous sample started after it (or joined the tree), so
        // all of its time falls in this interval. Ticks of processes that ended in between are
        // lost: a sample is a rate, not an account.
        const qint64 before = m_previousTicks.value(key, 0);
        deltaTicks += qMax<qint64>(0, stat.ticks - before);
        if (stat.zombie)
            continue;
        ++result.processes;
        result.rssBytes += residentBytes(stat.pid);
    }
    if (elapsedMs > 0 && ticksPerSecond > 0)
        result.cpuPercent = 100.0 * (deltaTicks / ticksPerSecond) / (elapsedMs / 1000.0);
    m_previousTicks = std::move(ticks);
    return result;
}

QList<GpuUsage> ProcessSampler::parseGpuUsage(const QByteArray &csv)
{
    QList<GpuUsage> gpus;
    for (const QByteArray &line : csv.split('\n')) {
        const QList<QByteArray> fields = line.split(',');
        if (fields.size() < 3)
            continue;
        bool indexOk = false;
        GpuUsage gpu;
        gpu.index = fields[0].trimmed().toInt(&indexOk);
        if (!indexOk)
            continue;
        gpu.utilPercent = parseNumber(fields[1]);
        gpu.memoryUsedMiB = qint64(parseNumber(fields[2]));
        gpus.append(gpu);
    }
    return gpus;
}

QList<GpuUsage> ProcessSampler::sampleGpus(const QList<int> &indices, int timeoutMs)
{
    if (indices.isEmpty())
        return {};
    const QString smi = QStandardPaths::findExecutable(u"nvidia-smi"_s);
    if (smi.isEmpty())
        return {};
    QProcess process;
    process.start(smi, {u"--query-gpu=index,utilization.gpu,memory.used"_s,
                        u"--format=csv,noheader,nounits"_s});
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(1000);
        return {};
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return {};
    const QList<GpuUsage> all = parseGpuUsage(process.readAllStandardOutput());
    QList<GpuUsage> wanted;
    for (const int index : indices) {
        for (const GpuUsage &gpu : all) {
            if (gpu.index == index) {
                wanted.append(gpu);
                break;
            }
        }
    }
    return wanted;
}

QList<QPair<QString, double>> ProcessSampler::toMetrics(const ResourceSample &sample)
{
    constexpr double kMiB = 1024.0 * 1024.0;
    QList<QPair<QString, double>> points{
        {u"sys/cpu_percent"_s, sample.cpuPercent},
        {u"sys/memory_mb"_s, double(sample.rssBytes) / kMiB},
        {u"sys/processes"_s, double(sample.processes)},
    };
    for (const GpuUsage &gpu : sample.gpus) {
        if (gpu.utilPercent >= 0)
            points.append({u"sys/gpu%1/util_percent"_s.arg(gpu.index), gpu.utilPercent});
        if (gpu.memoryUsedMiB >= 0)
            points.append({u"sys/gpu%1/memory_mb"_s.arg(gpu.index), double(gpu.memoryUsedMiB)});
    }
    return points;
}

} // namespace atelier
