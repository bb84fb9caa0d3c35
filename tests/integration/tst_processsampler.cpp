// Samples real process groups (yes, sleep, sh) through ProcessSampler, and GPU use through a
// fake `nvidia-smi` script put first on PATH: no NVIDIA driver runs here, so the script prints
// the documented `--format=csv,noheader,nounits` output of the real tool.
#include "local/processsampler.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

#include <signal.h>
#include <sys/types.h>
#include <unistd.h>

using namespace atelier;
using namespace Qt::StringLiterals;

namespace {

constexpr int kReadyTimeoutMs = 10000;

bool writeScript(const QString &path, const QByteArray &text)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    file.write(text);
    file.close();
    return file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                               QFileDevice::ExeOwner);
}

} // namespace

class TestProcessSampler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void busyGroup();
    void idleGroup();
    void commandNameWithParentheses();
    void childThatLeftTheGroup();
    void groupOutlivesRoot();
    void vanishedRoot();
    void parseGpuUsage_data();
    void parseGpuUsage();
    void sampleGpusFromFakeSmi();
    void sampleGpusTimesOut();
    void sampleGpusWithoutSmi();
    void toMetrics();

private:
    /// Starts \a program in a new session and process group (pid == pgid), killed in cleanup().
    qint64 spawnGroup(const QString &program, const QStringList &arguments);

    std::vector<std::unique_ptr<QProcess>> m_processes;
    QList<qint64> m_extraGroups; ///< groups made by spawned processes themselves
    QByteArray m_path;
};

qint64 TestProcessSampler::spawnGroup(const QString &program, const QStringList &arguments)
{
    auto process = std::make_unique<QProcess>();
    process->setProgram(program);
    process->setArguments(arguments);
    process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process->setChildProcessModifier([] { ::setsid(); });
    process->start();
    if (!process->waitForStarted(5000))
        return 0;
    const qint64 pid = process->processId();
    m_processes.push_back(std::move(process));
    return pid;
}

void TestProcessSampler::init()
{
    m_path = qgetenv("PATH");
}

void TestProcessSampler::cleanup()
{
    qputenv("PATH", m_path);
    for (const qint64 group : std::as_const(m_extraGroups))
        ::kill(-static_cast<pid_t>(group), SIGKILL);
    m_extraGroups.clear();
    for (const auto &process : m_processes) {
        const auto pid = static_cast<pid_t>(process->processId());
        if (pid > 0) {
            ::kill(-pid, SIGKILL); // the whole group, even after its leader has gone
            ::kill(pid, SIGKILL);
        }
        process->waitForFinished(5000);
    }
    m_processes.clear();
}

void TestProcessSampler::busyGroup()
{
    const qint64 pid =
        spawnGroup(u"/bin/sh"_s, {u"-c"_s, u"yes > /dev/null & yes > /dev/null & wait"_s});
    QVERIFY(pid > 0);
    ProcessSampler warmup(pid);
    QTRY_VERIFY_WITH_TIMEOUT(warmup.sample().processes >= 3, kReadyTimeoutMs);
    QTest::qWait(1000);

    ProcessSampler sampler(pid);
    const ResourceSample first = sampler.sample();
    QCOMPARE(first.cpuPercent, 0.0); // documented: nothing to compare the first sample with
    QCOMPARE(first.processes, 3);    // sh and two yes
    QTest::qWait(500);
    const ResourceSample second = sampler.sample();
    QCOMPARE(second.processes, 3);
    QVERIFY(second.rssBytes > 0);
    // Two busy cores give ~200; other work on this 2-core machine may slow them down a lot (43
    // was seen while two builds ran beside the tests); an idle group reads ~0.
    QVERIFY2(second.cpuPercent > 25 && second.cpuPercent < 230,
             qPrintable(u"cpu %1%"_s.arg(second.cpuPercent)));
    QVERIFY(second.gpus.isEmpty());
}

void TestProcessSampler::idleGroup()
{
    const qint64 pid = spawnGroup(u"/bin/sh"_s, {u"-c"_s, u"sleep 30 & sleep 30 & wait"_s});
    QVERIFY(pid > 0);
    ProcessSampler sampler(pid);
    QTRY_COMPARE_WITH_TIMEOUT(sampler.sample().processes, 3, kReadyTimeoutMs);
    QTest::qWait(500);
    const ResourceSample sample = sampler.sample();
    QCOMPARE(sample.processes, 3);
    QVERIFY(sample.rssBytes > 0);
    QVERIFY2(sample.cpuPercent < 10, qPrintable(u"cpu %1%"_s.arg(sample.cpuPercent)));
}

void TestProcessSampler::commandNameWithParentheses()
{
    // The kernel takes comm from the name the program was started by: "x) 1 2 (y" makes
    // /proc/<pid>/stat read "pid (x) 1 2 (y) S ppid pgrp ...", which misparses at the first ')'.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString strange = dir.filePath(u"x) 1 2 (y"_s);
    QVERIFY(QFile::link(u"/bin/sleep"_s, strange));
    const qint64 pid = spawnGroup(strange, {u"30"_s});
    QVERIFY(pid > 0);
    ProcessSampler sampler(pid);
    QTRY_COMPARE_WITH_TIMEOUT(sampler.sample().processes, 1, kReadyTimeoutMs);
}

void TestProcessSampler::childThatLeftTheGroup()
{
    // setsid(1) in a background job of a non-interactive sh does not fork: $! is the sleep,
    // now leader of its own group but still the shell's child.
    const qint64 pid =
        spawnGroup(u"/bin/sh"_s, {u"-c"_s, u"setsid sleep 30 & echo $!; sleep 30 & wait"_s});
    QVERIFY(pid > 0);
    QProcess *shell = m_processes.back().get();
    QTRY_VERIFY_WITH_TIMEOUT(shell->canReadLine(), kReadyTimeoutMs);
    bool ok = false;
    const qint64 escaped = shell->readLine().trimmed().toLongLong(&ok);
    QVERIFY(ok && escaped > 0);
    m_extraGroups.append(escaped);
    QTRY_COMPARE_WITH_TIMEOUT(::getpgid(static_cast<pid_t>(escaped)), static_cast<pid_t>(escaped),
                              kReadyTimeoutMs);

    ProcessSampler sampler(pid);
    QTRY_COMPARE_WITH_TIMEOUT(sampler.sample().processes, 3, kReadyTimeoutMs);
}

void TestProcessSampler::groupOutlivesRoot()
{
    const qint64 pid = spawnGroup(u"/bin/sh"_s, {u"-c"_s, u"sleep 30 & exit 0"_s});
    QVERIFY(pid > 0);
    QVERIFY(m_processes.back()->waitForFinished(kReadyTimeoutMs));
    // The leader is gone and reaped; its sleep still runs in the group it named.
    ProcessSampler sampler(pid);
    QTRY_COMPARE_WITH_TIMEOUT(sampler.sample().processes, 1, kReadyTimeoutMs);
    QVERIFY(sampler.sample().rssBytes > 0);
}

void TestProcessSampler::vanishedRoot()
{
    const qint64 pid = spawnGroup(u"/bin/true"_s, {});
    QVERIFY(pid > 0);
    QVERIFY(m_processes.back()->waitForFinished(kReadyTimeoutMs));
    ProcessSampler sampler(pid);
    for (int i = 0; i < 2; ++i) {
        const ResourceSample sample = sampler.sample();
        QCOMPARE(sample.processes, 0);
        QCOMPARE(sample.rssBytes, 0);
        QCOMPARE(sample.cpuPercent, 0.0);
    }
    QCOMPARE(ProcessSampler(0).sample().processes, 0);
    QCOMPARE(ProcessSampler(-1).sample().processes, 0);
}

void TestProcessSampler::parseGpuUsage_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QList<int>>("indices");
    QTest::addColumn<QList<double>>("utils");
    QTest::addColumn<QList<qint64>>("memories");

    QTest::newRow("two gpus") << QByteArray("0, 45, 2048\n1, 0, 5\n") << QList<int>{0, 1}
                              << QList<double>{45, 0} << QList<qint64>{2048, 5};
    QTest::newRow("crlf, blank lines") << QByteArray("\r\n3, 100, 81000\r\n\r\n") << QList<int>{3}
                                       << QList<double>{100} << QList<qint64>{81000};
    QTest::newRow("not reported") << QByteArray("0, [N/A], 10\n1, [Not Supported], [N/A]\n")
                                  << QList<int>{0, 1} << QList<double>{-1, -1}
                                  << QList<qint64>{10, -1};
    QTest::newRow("garbage") << QByteArray("NVIDIA-SMI has failed\nx, 1, 2\n0, 1\n") << QList<int>{}
                             << QList<double>{} << QList<qint64>{};
    QTest::newRow("empty") << QByteArray() << QList<int>{} << QList<double>{} << QList<qint64>{};
}

void TestProcessSampler::parseGpuUsage()
{
    QFETCH(QByteArray, csv);
    QFETCH(QList<int>, indices);
    QFETCH(QList<double>, utils);
    QFETCH(QList<qint64>, memories);

    const QList<GpuUsage> gpus = ProcessSampler::parseGpuUsage(csv);
    QCOMPARE(gpus.size(), indices.size());
    for (qsizetype i = 0; i < gpus.size(); ++i) {
        QCOMPARE(gpus[i].index, indices[i]);
        QCOMPARE(gpus[i].utilPercent, utils[i]);
        QCOMPARE(gpus[i].memoryUsedMiB, memories[i]);
    }
}

void TestProcessSampler::sampleGpusFromFakeSmi()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // Answers only the exact query ProcessSampler documents; anything else fails like a
    // real nvidia-smi given a bad option.
    QVERIFY(writeScript(dir.filePath(u"nvidia-smi"_s),
                        "#!/bin/sh\n"
                        "[ \"$#\" = 2 ] || exit 2\n"
                        "[ \"$1\" = --query-gpu=index,utilization.gpu,memory.used ] || exit 2\n"
                        "[ \"$2\" = --format=csv,noheader,nounits ] || exit 2\n"
                        "echo '0, 37, 1024'\n"
                        "echo '1, 0, 3'\n"
                        "echo '2, [N/A], 512'\n"
                        "echo '3, 99, 80000'\n"));
    qputenv("PATH", QFile::encodeName(dir.path()) + ':' + m_path);

    const QList<GpuUsage> gpus = ProcessSampler::sampleGpus({3, 0});
    QCOMPARE(gpus.size(), 2);
    QCOMPARE(gpus[0].index, 3);
    QCOMPARE(gpus[0].utilPercent, 99.0);
    QCOMPARE(gpus[0].memoryUsedMiB, 80000);
    QCOMPARE(gpus[1].index, 0);
    QCOMPARE(gpus[1].utilPercent, 37.0);
    QCOMPARE(gpus[1].memoryUsedMiB, 1024);

    QCOMPARE(ProcessSampler::sampleGpus({2}).value(0).utilPercent, -1.0);
    QVERIFY(ProcessSampler::sampleGpus({7}).isEmpty()); // not on this machine
    QVERIFY(ProcessSampler::sampleGpus({}).isEmpty());
}

void TestProcessSampler::sampleGpusTimesOut()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeScript(dir.filePath(u"nvidia-smi"_s), "#!/bin/sh\nexec sleep 30\n"));
    qputenv("PATH", QFile::encodeName(dir.path()) + ':' + m_path);
    QElapsedTimer clock;
    clock.start();
    QVERIFY(ProcessSampler::sampleGpus({0}, 300).isEmpty());
    QVERIFY2(clock.elapsed() < 5000, qPrintable(u"%1 ms"_s.arg(clock.elapsed())));
}

void TestProcessSampler::sampleGpusWithoutSmi()
{
    QTemporaryDir dir; // an empty folder: nothing to find on PATH
    QVERIFY(dir.isValid());
    qputenv("PATH", QFile::encodeName(dir.path()));
    QVERIFY(ProcessSampler::sampleGpus({0, 1}).isEmpty());
}

void TestProcessSampler::toMetrics()
{
    ResourceSample sample;
    sample.cpuPercent = 150.5;
    sample.rssBytes = 3 * 1024 * 1024;
    sample.processes = 4;
    sample.gpus = {GpuUsage{0, 37, 1024}, GpuUsage{3, 99, 80000}, GpuUsage{5, -1, -1}};

    const QList<QPair<QString, double>> expected{
        {u"sys/cpu_percent"_s, 150.5},      {u"sys/memory_mb"_s, 3.0},
        {u"sys/processes"_s, 4.0},          {u"sys/gpu0/util_percent"_s, 37.0},
        {u"sys/gpu0/memory_mb"_s, 1024.0},  {u"sys/gpu3/util_percent"_s, 99.0},
        {u"sys/gpu3/memory_mb"_s, 80000.0},
    };
    QCOMPARE(ProcessSampler::toMetrics(sample), expected);
    QCOMPARE(ProcessSampler::toMetrics(ResourceSample{}).size(), 3);
}

QTEST_GUILESS_MAIN(TestProcessSampler)
#include "tst_processsampler.moc"
