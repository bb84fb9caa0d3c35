// COCO import beside Python's json.load of the same file, in one run: a generated COCO file of
// 100,000 annotations on 1,000 PNGs (70 % polygons of 12 points, two of them in two parts,
// 20 % compressed RLE masks, 10 % crowd masks in the uncompressed list form), imported as
// segmentation with importDataset (parse, labels, images hashed and stored, annotations checked
// and written) in a child process, and `json.load` in /usr/bin/python3 (the anchor: reading the
// same text into objects, nothing checked or stored). Each child reports its own wall time, CPU
// time and peak memory (ru_maxrss). Goal: import ≤ 3× json.load's time and ≤ 3× its memory.
// Run it on an idle machine: under load the wall times say more about the neighbours. Leave a
// minute between runs where TMPDIR is ext4 without a journal: there, for 60 s after a file is
// deleted, making a new one skips the inodes just freed one by one, and the thread that copies
// the images then takes several times as long.
#include "core/workspace.h"
#include "datasets/datasetcontext.h"
#include "datasets/formatregistry.h"
#include "datasets/maskrle.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPolygonF>
#include <QProcess>
#include <QTemporaryDir>

#include <cmath>
#include <cstdio>
#include <sys/resource.h>

using namespace Qt::StringLiterals;
using namespace atelier;

namespace {

constexpr int kImages = 1000;
constexpr int kPerImage = 100;
constexpr int kWidth = 320;
constexpr int kHeight = 240;

double peakMiB()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss / 1024.0; // KiB on Linux
}

/// A rectangular mask as COCO's column-major runs.
MaskRle rectangle(int x, int y, int w, int h)
{
    MaskRle rle;
    rle.width = kWidth;
    rle.height = kHeight;
    quint32 zeros = quint32(x * kHeight + y);
    for (int c = 0; c < w; ++c) {
        rle.counts.append(zeros);
        rle.counts.append(quint32(h));
        zeros = quint32(kHeight - h);
    }
    rle.counts.append(quint32(kHeight - (y + h) + (kWidth - x - w) * kHeight));
    return rle;
}

QByteArray number(double v)
{
    return QByteArray::number(v, 'g', 6);
}

/// Writes the COCO file (compact, as exporters write it) and the images; returns its size.
qint64 generate(const QString &dir)
{
    QDir().mkpath(dir + u"/images"_s);
    QImage image(kWidth, kHeight, QImage::Format_RGB32);
    for (int i = 0; i < kImages; ++i) {
        image.fill(QColor::fromRgb(i % 256, (i / 256) * 40, 128));
        image.setPixel(i % kWidth, 0, qRgb(255, 255, 255)); // every image differs
        image.save(dir + u"/images/img%1.png"_s.arg(i, 5, 10, QChar(u'0')));
    }
    QFile f(dir + u"/instances.json"_s);
    if (!f.open(QIODevice::WriteOnly))
        return -1;
    QByteArray out = "{\"info\":{},\"licenses\":[],\"categories\":[";
    for (int c = 0; c < 20; ++c) {
        out += (c ? "," : "") + "{\"id\":"_ba + QByteArray::number(c * 3 + 1) +
               ",\"name\":\"class" + QByteArray::number(c) + "\",\"supercategory\":\"thing\"}";
    }
    out += "],\"images\":[";
    for (int i = 0; i < kImages; ++i) {
        out += (i ? "," : "") + "{\"id\":"_ba + QByteArray::number(1000 + i) +
               ",\"file_name\":\"img" + QByteArray::number(i).rightJustified(5, '0') +
               ".png\",\"width\":320,\"height\":240,\"license\":1}";
    }
    out += "],\"annotations\":[";
    f.write(out);
    out.clear();
    qint64 id = 0;
    for (int i = 0; i < kImages; ++i) {
        for (int k = 0; k < kPerImage; ++k) {
            ++id;
            const int x = (k * 37) % (kWidth - 40);
            const int y = (k * 23 + i) % (kHeight - 30);
            const int w = 10 + k % 30;
            const int h = 8 + k % 22;
            QByteArray seg;
            double area = 0;
            QRectF box(x, y, w, h); // the shape's extent, as COCO's bbox
            const int kind = k % 10;
            if (kind < 7) {
                QPolygonF points;
                auto ring = [&](double cx, double cy, double r) {
                    QByteArray part = "[";
                    for (int p = 0; p < 12; ++p) {
                        const double a = p * 3.14159265 / 6;
                        const QByteArray px = number(cx + r * std::cos(a));
                        const QByteArray py = number(cy + r * std::sin(a));
                        points.append(QPointF(px.toDouble(), py.toDouble()));
                        part += (p ? "," : "") + px + ',' + py;
                    }
                    return part + ']';
                };
                const double r = qMin(w, h) / 2.0;
                seg = '[' + ring(x + r, y + r, r);
                if (k % 50 == 0)
                    seg += ',' + ring(x + r + 10, y + r, r / 2);
                seg += ']';
                area = 3.0 * r * r;
                box = points.boundingRect();
            } else {
                const MaskRle rle = rectangle(x, y, w, h);
                area = double(rle.area());
                if (kind < 9) {
                    // The compressed alphabet (48–111) holds the backslash: escaped in JSON.
                    seg = "{\"size\":[240,320],\"counts\":\"" +
                          rle.toCompressedString().replace("\\", "\\\\") + "\"}";
                } else {
                    seg = "{\"size\":[240,320],\"counts\":[";
                    for (qsizetype c = 0; c < rle.counts.size(); ++c)
                        seg += (c ? "," : "") + QByteArray::number(rle.counts[c]);
                    seg += "]}";
                }
            }
            out += (id > 1 ? "," : "") + "{\"id\":"_ba + QByteArray::number(id) +
                   ",\"image_id\":" + QByteArray::number(1000 + i) +
                   ",\"category_id\":" + QByteArray::number((k % 20) * 3 + 1) +
                   ",\"iscrowd\":" + (kind == 9 ? "1" : "0") + ",\"area\":" + number(area) +
                   ",\"bbox\":[" + number(box.x()) + ',' + number(box.y()) + ',' +
                   number(box.width()) + ',' + number(box.height()) + "],\"segmentation\":" + seg +
                   '}';
        }
        f.write(out);
        out.clear();
    }
    f.write("]}\n");
    return f.size();
}

/// CPU time of the process (RUSAGE_SELF) or of the calling thread alone (RUSAGE_THREAD).
double cpuMs(int who = RUSAGE_SELF)
{
    rusage u{};
    getrusage(who, &u);
    return (u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1e3 +
           (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e3;
}

/// The child that only parses \a json with QJsonDocument: prints "ms MiB".
int parseChild(const QString &json)
{
    QElapsedTimer clock;
    clock.start();
    QFile f(json);
    if (!f.open(QIODevice::ReadOnly))
        return 1;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll());
    std::printf("%.0f %.1f %lld\n", clock.nsecsElapsed() / 1e6, peakMiB(),
                static_cast<long long>(doc.object().value(u"annotations"_s).toArray().size()));
    return 0;
}

/// The child: imports \a json into the workspace \a ws, prints "ms MiB annotations".
int importChild(const QString &json, const QString &wsDir)
{
    auto ws = Workspace::open(wsDir);
    if (!ws) {
        std::fprintf(stderr, "%s\n", qPrintable(ws.error().message));
        return 1;
    }
    DatasetContext context(ws->catalog(), ws->root());
    ImportOptions options;
    options.format = u"coco"_s;
    const double baseMiB = peakMiB();
    QElapsedTimer clock;
    clock.start();
    const double cpu0 = cpuMs();
    const double mainCpu0 = cpuMs(RUSAGE_THREAD);
    auto report = importDataset(context, u"bench"_s, json, options);
    const double ms = clock.nsecsElapsed() / 1e6;
    const double cpu = cpuMs() - cpu0;
    const double mainCpu = cpuMs(RUSAGE_THREAD) - mainCpu0;
    if (!report) {
        std::fprintf(stderr, "import failed: %s\n", qPrintable(report.error().message));
        return 1;
    }
    // BENCH_COCO_REPORT: the whole report (to compare two builds on one file), else 3 lines.
    const bool whole = qEnvironmentVariableIsSet("BENCH_COCO_REPORT");
    for (const ImportProblem &w : report->warnings.mid(0, whole ? -1 : 3))
        std::fprintf(stderr, "warning: %s: %s\n", qPrintable(w.file), qPrintable(w.reason));
    for (const ImportProblem &w : whole ? report->unreadable : QList<ImportProblem>())
        std::fprintf(stderr, "unreadable: %s: %s\n", qPrintable(w.file), qPrintable(w.reason));
    for (const ImportProblem &w : whole ? report->duplicateFiles : QList<ImportProblem>())
        std::fprintf(stderr, "duplicate: %s: %s\n", qPrintable(w.file), qPrintable(w.reason));
    std::printf("%.0f %.1f %lld %d %.0f %.1f %.0f\n", ms, peakMiB(),
                static_cast<long long>(report->annotations),
                report->task == DatasetTask::Segmentation ? 1 : 0, cpu, baseMiB, mainCpu);
    return 0;
}

QStringList runChild(const QString &program, const QStringList &arguments)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p.start(program, arguments);
    p.waitForFinished(-1);
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed().split(u' ');
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() == 4 && args[1] == u"--import-child"_s)
        return importChild(args[2], args[3]);
    if (args.size() == 3 && args[1] == u"--parse-child"_s)
        return parseChild(args[2]);

    // BENCH_COCO_DIR keeps the generated files there (to profile the import child by hand).
    QTemporaryDir dir(qEnvironmentVariable("BENCH_COCO_DIR", QDir::tempPath()) +
                      u"/bench_coco-XXXXXX"_s);
    dir.setAutoRemove(!qEnvironmentVariableIsSet("BENCH_COCO_DIR"));
    std::printf("generating %d images and %d annotations…\n", kImages, kImages * kPerImage);
    const qint64 bytes = generate(dir.path());
    const QString json = dir.filePath(u"instances.json"_s);
    {
        QFile warm(json); // the page cache holds the file for both
        warm.open(QIODevice::ReadOnly);
        warm.readAll();
    }
    const QString script =
        u"import json, resource, sys, time\n"
        "t = time.perf_counter()\n"
        "with open(sys.argv[1]) as f:\n"
        "    d = json.load(f)\n"
        "ms = (time.perf_counter() - t) * 1000\n"
        "r = resource.getrusage(resource.RUSAGE_SELF)\n"
        "print('%.0f %.1f %d %.0f' % (ms, r.ru_maxrss / 1024, len(d['annotations']), "
        "(r.ru_utime + r.ru_stime) * 1000))\n"_s;
    const QStringList python = runChild(u"/usr/bin/python3"_s, {u"-c"_s, script, json});

    if (auto ws = Workspace::create(dir.filePath(u"ws"_s), {}); !ws) { // the child opens it
        std::fprintf(stderr, "%s\n", qPrintable(ws.error().message));
        return 1;
    }
    const QStringList atelier =
        runChild(app.applicationFilePath(), {u"--import-child"_s, json, dir.filePath(u"ws"_s)});
    const QStringList parse = runChild(app.applicationFilePath(), {u"--parse-child"_s, json});
    if (python.size() < 4 || atelier.size() < 7 || parse.size() < 3) {
        std::fprintf(stderr, "a child failed: python '%s', atelier '%s', parse '%s'\n",
                     qPrintable(python.join(u' ')), qPrintable(atelier.join(u' ')),
                     qPrintable(parse.join(u' ')));
        return 1;
    }
    const double pyMs = python[0].toDouble(), pyMiB = python[1].toDouble();
    const double pyCpu = python[3].toDouble();
    const double atMs = atelier[0].toDouble(), atMiB = atelier[1].toDouble();
    const double atCpu = atelier[4].toDouble();
    std::printf("file: %.1f MiB, %d images, %s annotations imported (segmentation inferred: %s); "
                "wall time depends on the machine's load, CPU time is steadier\n",
                bytes / 1048576.0, kImages, qPrintable(atelier[2]),
                atelier[3] == u"1"_s ? "yes" : "NO");
    // The import reads annotations on a second thread while it stores: its wall time is what
    // a user waits for, its CPU time what it costs; both are shown against the anchor's.
    std::printf("%-46s %9s %9s %9s %11s %11s %11s\n", "", "wall ms", "cpu ms", "peak MiB",
                "wall ratio", "cpu ratio", "mem ratio");
    std::printf("%-46s %9.0f %9.0f %9.1f %11s %11s %11s\n", "anchor  python3 json.load of the file",
                pyMs, pyCpu, pyMiB, "1.00x", "1.00x", "1.00x");
    std::printf("%-46s %9.0f %9.0f %9.1f %10.2fx %10.2fx %10.2fx  (goal: time <= 3x, memory "
                "<= 3x)\n",
                "atelier COCO import (parse, check, store)", atMs, atCpu, atMiB, atMs / pyMs,
                atCpu / pyCpu, atMiB / pyMiB);
    // On an idle machine the import's wall time is about its storing thread's CPU time: the
    // reading thread runs beside it.
    std::printf("%-46s %9s %9.0f %9s %11s %10.2fx\n", "  of which the thread that stores", "",
                atelier[6].toDouble(), "", "", atelier[6].toDouble() / pyCpu);
    std::printf("%-46s %9.0f %9s %9.1f\n", "  of which QJsonDocument parse alone (child)",
                parse[0].toDouble(), "", parse[1].toDouble());
    std::printf("atelier peak memory: %.2fx the file size (%.1f MiB before the import)\n",
                atMiB * 1048576.0 / bytes, atelier[5].toDouble());
    return 0;
}
