// Image import beside its floor, in one run: 10,000 generated 256×192 JPEGs (all different) in a
// folder per class, imported with `importDataset(folder)` — header probe, truncation check,
// SHA-256, a private copy into objects/ (a copy-on-write clone where the filesystem offers one,
// else a copy re-hashed as it is written), catalog rows in batches — beside `sha256sum` over
// the same files (the floor: reading and hashing every byte once). Files are in the page cache
// for both (a warm-up pass reads them first). Goal: import ≤ 3× the floor.
// Until issue #15 objects were hard links to the user's files; `cp -al` (what linking costs)
// and `cp --reflink=auto` (what copying costs) over the same files show the price of the copy.
#include "catalog/database.h"
#include "core/workspace.h"
#include "datasets/datasetcontext.h"
#include "datasets/formatregistry.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QImage>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <cstdio>
#include <ctime>
#include <sys/resource.h>

using namespace Qt::StringLiterals;
using namespace atelier;

namespace {

constexpr int kImages = 10000;

QStringList generate(const QString &dir)
{
    QStringList files;
    const QStringList classes{u"circle"_s, u"square"_s, u"triangle"_s, u"star"_s};
    for (const QString &c : classes)
        QDir().mkpath(QDir(dir).filePath(c));
    // Photo-like content (a gradient with noise) so that a file is ~15 KB, as small training
    // images are; every file differs.
    QImage image(256, 192, QImage::Format_RGB32);
    QRandomGenerator random(42);
    for (int i = 0; i < kImages; ++i) {
        const QColor base = QColor::fromHsv((i * 37) % 360, 120 + i % 100, 160);
        for (int y = 0; y < image.height(); ++y) {
            auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
            for (int x = 0; x < image.width(); ++x) {
                const int n = int(random.bounded(48)) - 24;
                line[x] =
                    qRgb(qBound(0, base.red() + x / 4 + n, 255),
                         qBound(0, base.green() + y / 4 + n, 255), qBound(0, base.blue() + n, 255));
            }
        }
        const QString file = QDir(dir).filePath(classes[i % classes.size()] +
                                                u"/img%1.jpg"_s.arg(i, 5, 10, QChar(u'0')));
        image.save(file, "JPEG", 85);
        files.append(file);
    }
    return files;
}

double processCpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

double childrenCpuMs()
{
    rusage u{};
    getrusage(RUSAGE_CHILDREN, &u);
    return (u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1e3 +
           (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e3;
}

double g_floorCpuMs = 0;

double sha256sumMs(const QStringList &files)
{
    const double cpu0 = childrenCpuMs();
    QElapsedTimer clock;
    clock.start();
    QProcess p;
    p.start(u"xargs"_s, {u"-0"_s, u"sha256sum"_s});
    p.waitForStarted();
    p.write(files.join(QChar(u'\0')).toUtf8());
    p.closeWriteChannel();
    p.setStandardOutputFile(QProcess::nullDevice());
    p.waitForFinished(-1);
    g_floorCpuMs = childrenCpuMs() - cpu0;
    return clock.nsecsElapsed() / 1e6;
}

/// Wall ms of `cp ARGS source target` (target removed first).
double cpMs(const QStringList &args, const QString &source, const QString &target)
{
    QDir(target).removeRecursively();
    QElapsedTimer clock;
    clock.start();
    QProcess::execute(u"cp"_s, args + QStringList{source, target});
    const double ms = clock.nsecsElapsed() / 1e6;
    QDir(target).removeRecursively();
    return ms;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    const QString source = dir.filePath(u"images"_s);
    std::printf("generating %d JPEGs…\n", kImages);
    const QStringList files = generate(source);
    qint64 bytes = 0;
    for (const QString &f : files)
        bytes += QFileInfo(f).size();

    sha256sumMs(files); // warm the page cache
    const double floorMs = sha256sumMs(files);

    auto ws = Workspace::create(dir.filePath(u"ws"_s), {});
    if (!ws) {
        std::fprintf(stderr, "%s\n", qPrintable(ws.error().message));
        return 1;
    }
    DatasetContext context(ws->catalog(), ws->root());
    ImportOptions options;
    options.format = u"folder"_s;
    options.task = DatasetTask::Classification;
    QElapsedTimer clock;
    clock.start();
    double cpu0 = processCpuMs();
    auto report = importDataset(context, u"bench"_s, source, options);
    const double importMs = clock.nsecsElapsed() / 1e6;
    const double importCpuMs = processCpuMs() - cpu0;
    if (!report || report->imported != kImages) {
        std::fprintf(stderr, "import failed: %s\n",
                     report ? "wrong count" : qPrintable(report.error().message));
        return 1;
    }
    // Re-import: every file is a duplicate (hash + lookup, nothing written).
    clock.restart();
    cpu0 = processCpuMs();
    auto again = importDataset(context, u"bench"_s, source, options);
    const double againMs = clock.nsecsElapsed() / 1e6;
    const double againCpuMs = processCpuMs() - cpu0;

    std::printf("files: %d JPEGs, %.1f MiB (load average shown by uptime matters: wall time "
                "on a busy machine; CPU time is the steadier figure)\n",
                kImages, bytes / 1048576.0);
    std::printf("%-44s %9s %9s %11s %11s\n", "", "wall ms", "cpu ms", "wall ratio", "cpu ratio");
    std::printf("%-44s %9.0f %9.0f %11s %11s\n", "anchor  sha256sum over the files (floor)",
                floorMs, g_floorCpuMs, "1.00x", "1.00x");
    std::printf("%-44s %9.0f %9.0f %10.2fx %10.2fx  (goal <= 3x)\n",
                "atelier import (probe, hash, copy, rows)", importMs, importCpuMs,
                importMs / floorMs, importCpuMs / g_floorCpuMs);
    const double linkMs = cpMs({u"-al"_s}, source, dir.filePath(u"links"_s));
    const double copyMs = cpMs({u"-a"_s, u"--reflink=auto"_s}, source, dir.filePath(u"copies"_s));
    std::printf("%-44s %9.0f %9s %10.2fx %11s  (how objects were stored before #15)\n",
                "anchor  cp -al: hard links to the files", linkMs, "", linkMs / floorMs, "");
    std::printf("%-44s %9.0f %9s %10.2fx %11s  (the price of private copies)\n",
                "anchor  cp --reflink=auto: copies", copyMs, "", copyMs / floorMs, "");
    std::printf("%-44s %9.0f %9.0f %10.2fx %10.2fx  (%lld duplicates)\n",
                "atelier re-import, all duplicates", againMs, againCpuMs, againMs / floorMs,
                againCpuMs / g_floorCpuMs,
                again ? static_cast<long long>(again->duplicates) : -1LL);
    return 0;
}
