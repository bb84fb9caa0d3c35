// Text import: a 1M-line JSONL (short English and Chinese sentences with a label) imported into
// a fresh workspace's catalog, beside the floor of reading the same file: `wc -l` and a raw
// QFile read that counts lines. Goal: the import >= 100k lines/s. Also printed: the parse
// alone, the de-duplication hashes alone, and a bare loop of SQLite inserts of the same rows
// (the database's own floor). The import runs first, in a process that has done little yet;
// it trims the heap itself before a large file, as it does in the long-lived application.
// Usage: bench_text [LINES] (default 1,000,000).

#include "catalog/database.h"
#include "core/workspace.h"
#include "datasets/datasetcatalog.h"
#include "datasets/datasetcontext.h"
#include "datasets/formatregistry.h"
#include "datasets/textbulkwriter.h"
#include "datasets/textcodec.h"
#include "datasets/textnormalize.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <numeric>

using namespace Qt::StringLiterals;
using namespace atelier;

namespace {

/// CPU time of this process in ms: on a shared machine the wall time also counts waiting for a
/// core, so both are printed.
double cpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

void print(const char *what, qint64 lines, double ms, double cpu, double floorMs, const char *goal)
{
    std::printf("%-40s wall %7.0f ms  cpu %7.0f ms  %9.0f lines/s (cpu %9.0f)  ratio %.1fx the "
                "floor%s\n",
                what, ms, cpu, double(lines) / (ms / 1000.0), double(lines) / (cpu / 1000.0),
                ms / floorMs, goal);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const qint64 lines = argc > 1 ? QByteArray(argv[1]).toLongLong() : 1000000;
    QTemporaryDir dir;
    const QString file = dir.filePath(u"lines.jsonl"_s);
    {
        QFile out(file);
        if (!out.open(QIODevice::WriteOnly))
            return 1;
        const char *labels[] = {"sports", "technology", "weather"};
        QByteArray buffer;
        for (qint64 i = 0; i < lines; ++i) {
            const QString text =
                i % 2 ? u"第%1句：北京今天的天气很好，适合跑步 %2"_s.arg(i).arg(i % 97)
                      : u"Sentence %1: the match in Roma ended %2 to 1"_s.arg(i).arg(i % 7);
            buffer += QJsonDocument(QJsonObject{{u"id"_s, i + 1},
                                                {u"text"_s, text},
                                                {u"label"_s, QString::fromLatin1(labels[i % 3])}})
                          .toJson(QJsonDocument::Compact);
            buffer += '\n';
            if (buffer.size() > (1 << 20)) {
                out.write(buffer);
                buffer.clear();
            }
        }
        out.write(buffer);
    }
    std::printf("file: %lld lines, %.1f MiB\n", lines, double(QFile(file).size()) / (1 << 20));

    QElapsedTimer timer;
    timer.start();
    QProcess wc;
    wc.start(u"wc"_s, {u"-l"_s, file});
    wc.waitForFinished(-1);
    const double wcMs = double(timer.nsecsElapsed()) / 1e6;
    std::printf("%-44s %9.0f ms  (%s)\n", "anchor  wc -l", wcMs,
                wc.readAllStandardOutput().trimmed().split(' ').first().constData());

    timer.restart();
    QFile raw(file);
    if (!raw.open(QIODevice::ReadOnly))
        return 1;
    const QByteArray data = raw.readAll();
    const qint64 counted = data.count('\n');
    const double rawMs = double(timer.nsecsElapsed()) / 1e6;
    std::printf("%-44s %9.0f ms  (%lld lines)\n", "anchor  raw read + count lines", rawMs, counted);
    const double floorMs = std::max(wcMs, rawMs);

    auto ws = Workspace::create(dir.filePath(u"ws"_s), {});
    if (!ws) {
        std::fprintf(stderr, "%s\n", qPrintable(ws.error().message));
        return 1;
    }
    DatasetContext context(ws->catalog(), ws->root());
    ImportOptions options;
    options.format = u"jsonl"_s;
    options.task = DatasetTask::TextClassification;
    timer.restart();
    double cpu0 = cpuMs();
    auto report = importDataset(context, u"bench"_s, file, options);
    const double importMs = double(timer.nsecsElapsed()) / 1e6;
    if (!report) {
        std::fprintf(stderr, "%s\n", qPrintable(report.error().message));
        return 1;
    }
    print("import into the catalog (items + labels)", report->imported, importMs, cpuMs() - cpu0,
          floorMs, "   (goal >= 100000 lines/s)");
    std::printf("imported %lld, duplicates %lld, annotations %lld\n", report->imported,
                report->duplicates, report->annotations);

    timer.restart();
    cpu0 = cpuMs();
    qint64 records = 0;
    QList<TextProblem> problems;
    (void)TextCodec::read(
        u"jsonl"_s, data, {},
        [&](TextRecord &&) {
            ++records;
            return true;
        },
        problems);
    const double parseMs = double(timer.nsecsElapsed()) / 1e6;
    print("parse (UTF-8 check, JSON, records)", records, parseMs, cpuMs() - cpu0, floorMs, "");

    // The database floor: the same rows (keys computed beforehand) inserted by a bare loop of
    // prepared statements into another fresh catalog, with the pragmas the import uses.
    auto ws2 = Workspace::create(dir.filePath(u"ws2"_s), {});
    if (!ws2)
        return 1;
    DatasetContext context2(ws2->catalog(), ws2->root());
    auto ds = DatasetCatalog(context2).createDataset(u"raw"_s, DatasetTask::TextClassification);
    if (!ds || !DatasetCatalog(context2).ensureLabel(ds->id, u"sports"_s))
        return 1;
    QStringList texts;
    QStringList keys;
    texts.reserve(records);
    keys.reserve(records);
    (void)TextCodec::read(
        u"jsonl"_s, data, {},
        [&](TextRecord &&r) {
            keys.append(textDedupKey(r.text));
            texts.append(std::move(r.text));
            return true;
        },
        problems);
    // The import's own per-line work outside SQLite, measured alone: the de-duplication key
    // (NFC, blank check, SHA-256) and its in-memory index.
    timer.restart();
    cpu0 = cpuMs();
    QHash<QByteArray, qint64> seen;
    for (qsizetype i = 0; i < texts.size(); ++i)
        seen.insert(textDedupHash(texts.at(i)), i);
    print("  of which: dedup keys + their hash", texts.size(), double(timer.nsecsElapsed()) / 1e6,
          cpuMs() - cpu0, floorMs, "");
    Database &db = ws2->catalog();
    (void)db.execScript("PRAGMA cache_size = -262144; PRAGMA ignore_check_constraints = ON; "
                        "PRAGMA foreign_keys = OFF;");
    const QString now = u"2026-11-23T00:00:00.000Z"_s;
    timer.restart();
    cpu0 = cpuMs();
    Status inserted = db.transaction([&]() -> Status {
        for (qsizetype i = 0; i < texts.size(); ++i) {
            Query item = db.query("INSERT INTO dataset_items (id, dataset_id, text, source_name, "
                                  "dedup_key, position, status, updated_at) VALUES (?1, ?2, ?3, "
                                  "?4, ?5, ?6, 'labeled', ?7);");
            item.bind(1, i + 1).bind(2, ds->id).bind(3, texts.at(i)).bind(4, u"x"_s);
            item.bind(5, keys.at(i)).bind(6, i + 1).bind(7, now);
            if (auto ok = item.exec(); !ok)
                return ok;
            Query tag = db.query("INSERT INTO annotations (item_id, author, kind, label, geometry, "
                                 "state, source, created_at, updated_at) VALUES (?1, 'bench', "
                                 "'tag', 'sports', 'null', 'accepted', 'manual', ?2, ?2);");
            tag.bind(1, i + 1).bind(2, now);
            if (auto ok = tag.exec(); !ok)
                return ok;
        }
        // The keys last, in key order, as the import writes them.
        QList<qsizetype> order(texts.size());
        std::iota(order.begin(), order.end(), 0);
        std::sort(order.begin(), order.end(),
                  [&](qsizetype a, qsizetype b) { return keys.at(a) < keys.at(b); });
        for (const qsizetype i : std::as_const(order)) {
            Query key = db.query("INSERT INTO dataset_item_keys (dataset_id, dedup_key, item_id) "
                                 "VALUES (?1, ?2, ?3);");
            key.bind(1, ds->id).bind(2, keys.at(i)).bind(3, i + 1);
            if (auto ok = key.exec(); !ok)
                return ok;
        }
        return {};
    });
    if (!inserted) {
        std::fprintf(stderr, "%s\n", qPrintable(inserted.error().message));
        return 1;
    }
    print("anchor  raw SQLite inserts, same rows", texts.size(), double(timer.nsecsElapsed()) / 1e6,
          cpuMs() - cpu0, floorMs, "   (the database's own floor)");
    return 0;
}
