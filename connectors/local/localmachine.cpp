#include "local/localmachine.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QThread>

using namespace Qt::StringLiterals;

namespace atelier {

QList<GpuInfo> LocalMachine::parseGpuList(const QByteArray &csv)
{
    QList<GpuInfo> gpus;
    for (const QByteArray &line : csv.split('\n')) {
        const QList<QByteArray> fields = line.split(',');
        if (fields.size() < 3)
            continue;
        bool indexOk = false;
        bool memoryOk = false;
        GpuInfo gpu;
        gpu.index = fields[0].trimmed().toInt(&indexOk);
        gpu.name = QString::fromUtf8(fields[1].trimmed());
        gpu.memoryMiB = fields[2].trimmed().toLongLong(&memoryOk);
        if (indexOk && memoryOk && !gpu.name.isEmpty())
            gpus.append(gpu);
    }
    return gpus;
}

qint64 LocalMachine::parseMemTotal(const QByteArray &meminfo)
{
    for (const QByteArray &line : meminfo.split('\n')) {
        if (!line.startsWith("MemTotal:"))
            continue;
        const QList<QByteArray> parts = line.simplified().split(' ');
        if (parts.size() >= 2)
            return parts[1].toLongLong() * 1024; // reported in kB
    }
    return 0;
}

MachineResources LocalMachine::probe(int timeoutMs)
{
    MachineResources machine;
    machine.cpus = QThread::idealThreadCount();
    QFile meminfo(u"/proc/meminfo"_s);
    if (meminfo.open(QIODevice::ReadOnly))
        machine.memoryBytes = parseMemTotal(meminfo.readAll());

    const QString smi = QStandardPaths::findExecutable(u"nvidia-smi"_s);
    if (smi.isEmpty())
        return machine;
    QProcess process;
    process.start(smi,
                  {u"--query-gpu=index,name,memory.total"_s, u"--format=csv,noheader,nounits"_s});
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(1000);
        machine.gpuError = tr("nvidia-smi did not answer within %1 s.").arg(timeoutMs / 1000);
        return machine;
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        const QString detail = QString::fromLocal8Bit(process.readAllStandardError()).trimmed();
        machine.gpuError = tr("nvidia-smi failed (exit %1): %2")
                               .arg(process.exitCode())
                               .arg(detail.isEmpty() ? tr("no message") : detail);
        return machine;
    }
    machine.gpus = parseGpuList(process.readAllStandardOutput());
    return machine;
}

} // namespace atelier
