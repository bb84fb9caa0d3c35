// Benchmark of the Slurm connector (not a test), on the cluster of scripts/slurm-up (reads
// $ATELIER_SLURM_ENV). Beside each figure, its anchor measured in the same run: `sbatch` from
// the shell against the same controller.
//
//   latency      submit-to-complete of one trivial job, 10 in a row (median): the connector
//                (default options: polls every second) beside `sbatch --wait --wrap true`
//   throughput   200 trivial jobs submitted at once: submissions/s through slurmrestd (until
//                every job id is known) beside a shell loop of `sbatch --wrap true`
#include "slurm/slurmclient.h"
#include "slurm/slurmconnector.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace atelier;
using namespace Qt::StringLiterals;

namespace {

QMap<QString, QString> g_env;

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

PoolRecord pool()
{
    PoolRecord p;
    p.name = u"bench"_s;
    p.kind = u"slurm"_s;
    p.slurm.url = g_env.value(u"ATELIER_SLURM_URL"_s);
    p.slurm.auth = u"token-file"_s;
    p.slurm.tokenFile = g_env.value(u"ATELIER_SLURM_TOKEN_FILE"_s);
    p.slurm.user = g_env.value(u"ATELIER_SLURM_USER"_s);
    p.slurm.partition = g_env.value(u"ATELIER_SLURM_PARTITION"_s);
    p.slurm.staging = g_env.value(u"ATELIER_SLURM_STAGING"_s);
    p.capacity = SlurmClient(p.slurm).check().capacity;
    return p;
}

TaskLaunch trivial(const QString &dir, int i)
{
    TaskLaunch t;
    t.key = u"bench/j%1"_s.arg(i);
    t.name = u"j%1"_s.arg(i);
    t.argv = {u"true"_s};
    t.workingDirectory = dir;
    t.stdoutPath = dir + u"/j%1.out"_s.arg(i);
    t.stderrPath = dir + u"/j%1.err"_s.arg(i);
    t.resources.memoryMb = 16;
    return t;
}

/// Runs a shell command line (bench-only, fixed text) and returns its wall time in ms.
double shellMs(const QString &script)
{
    QElapsedTimer clock;
    clock.start();
    QProcess bash;
    bash.start(u"bash"_s, {u"-c"_s, script});
    bash.waitForFinished(600000);
    if (bash.exitCode() != 0)
        std::fprintf(stderr, "bench_slurm: %s failed: %s\n", qPrintable(script),
                     bash.readAllStandardError().constData());
    return double(clock.nsecsElapsed()) / 1e6;
}

/// Waits until the controller has no job left pending or running.
void drain()
{
    for (int i = 0; i < 1200; ++i) {
        QProcess squeue;
        squeue.start(u"squeue"_s, {u"-h"_s, u"-t"_s, u"PENDING,RUNNING,COMPLETING"_s});
        squeue.waitForFinished();
        if (squeue.readAllStandardOutput().trimmed().isEmpty())
            return;
        QThread::msleep(100);
    }
}

bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (!done() && clock.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    return done();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    qRegisterMetaType<atelier::TaskOutcome>();
    QFile envFile(qEnvironmentVariable("ATELIER_SLURM_ENV"));
    if (!envFile.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "bench_slurm: set ATELIER_SLURM_ENV (scripts/slurm-up writes it)\n");
        return 1;
    }
    for (const QByteArray &line : envFile.readAll().split('\n')) {
        const qsizetype eq = line.indexOf('=');
        if (eq > 0)
            g_env.insert(QString::fromUtf8(line.left(eq)), QString::fromUtf8(line.mid(eq + 1)));
    }
    qputenv("SLURM_CONF", g_env.value(u"SLURM_CONF"_s).toUtf8());
    const QString dir = QDir(g_env.value(u"ATELIER_SLURM_STAGING"_s)).filePath(u"bench"_s);
    QDir(dir).removeRecursively();
    QDir().mkpath(dir);
    const QString quotedDir = SlurmClient::shellQuote(dir);
    const PoolRecord p = pool();
    if (!p.capacity) {
        std::fprintf(stderr, "bench_slurm: the cluster does not answer\n");
        return 1;
    }
    drain();

    // 1. Latency, one job at a time.
    constexpr int kLatencyRuns = 10;
    QList<double> ours;
    QList<double> ours250;
    QList<double> anchor;
    for (int round = 0; round < 2; ++round) {
        SlurmConnector::Options options;
        if (round == 1)
            options.pollMs = 250;
        SlurmConnector connector(p, options);
        int ended = 0;
        QObject::connect(&connector, &Connector::taskFinished, &connector,
                         [&](const QString &, const TaskOutcome &) { ++ended; });
        for (int i = 0; i < kLatencyRuns; ++i) {
            QElapsedTimer clock;
            clock.start();
            connector.launch(trivial(dir, round * 100 + i));
            waitFor([&] { return ended == i + 1; }, 60000);
            (round == 0 ? ours : ours250).append(double(clock.nsecsElapsed()) / 1e6);
        }
    }
    for (int i = 0; i < kLatencyRuns; ++i)
        anchor.append(shellMs(
            u"sbatch --quiet --wait --mem=16 -o /dev/null -D %1 --wrap true"_s.arg(quotedDir)));
    const double oursMs = median(ours);
    const double ours250Ms = median(ours250);
    const double anchorMs = median(anchor);
    std::printf("== Slurm: submit-to-complete latency of a trivial job (median of %d)\n",
                kLatencyRuns);
    std::printf("anchor  sbatch --wait --wrap true          %7.0f ms\n", anchorMs);
    std::printf("atelier connector, polls every 1 s     %7.0f ms   ratio %.2fx (goal <= 1.5x)\n",
                oursMs, oursMs / anchorMs);
    std::printf("atelier connector, polls every 250 ms  %7.0f ms   ratio %.2fx\n", ours250Ms,
                ours250Ms / anchorMs);
    drain();

    // 2. Submissions/s: many jobs at once.
    constexpr int kJobs = 200;
    SlurmConnector::Options unpaced;
    unpaced.submitsPerSecond = 10000;
    unpaced.maxActiveJobs = 100000;
    double oursRate = 0;
    double pacedRate = 0;
    for (const bool paced : {false, true}) {
        SlurmConnector connector(p, paced ? SlurmConnector::Options{} : unpaced);
        int started = 0;
        int ended = 0;
        QObject::connect(&connector, &Connector::taskStarted, &connector,
                         [&](const QString &, const QString &) { ++started; });
        QObject::connect(&connector, &Connector::taskFinished, &connector,
                         [&](const QString &, const TaskOutcome &) { ++ended; });
        QElapsedTimer clock;
        clock.start();
        for (int i = 0; i < kJobs; ++i)
            connector.launch(trivial(dir, 1000 + (paced ? kJobs : 0) + i));
        waitFor([&] { return started == kJobs || ended == kJobs; }, 600000);
        const double seconds = double(clock.nsecsElapsed()) / 1e9;
        (paced ? pacedRate : oursRate) = kJobs / seconds;
        waitFor([&] { return ended == kJobs; }, 600000);
        drain();
    }
    const double anchorSeconds =
        shellMs(u"for i in $(seq %1); do sbatch --quiet --mem=16 -o /dev/null -D %2 --wrap true "
                u"|| exit 1; done"_s.arg(kJobs)
                    .arg(quotedDir)) /
        1000.0;
    const double anchorRate = kJobs / anchorSeconds;
    drain();
    std::printf("== Slurm: submissions/s, %d trivial jobs at once\n", kJobs);
    std::printf("anchor  shell loop of sbatch --wrap true   %7.1f jobs/s\n", anchorRate);
    std::printf("atelier connector via slurmrestd      %7.1f jobs/s   ratio %.2fx (goal >= 1x)\n",
                oursRate, oursRate / anchorRate);
    std::printf(
        "atelier connector, default pacing     %7.1f jobs/s   (<= 20/s and <= 64 jobs in the "
        "cluster: here the node's own pace)\n",
        pacedRate);
    QDir(dir).removeRecursively();
    return 0;
}
