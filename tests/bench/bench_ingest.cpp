// Metrics ingestion into the catalog, beside its ceiling and its naive anchor, in one run:
//  - atelier: MetricsStore::append of 200k points in one batch (what the executor does);
//  - ceiling: a raw sqlite3 prepared INSERT loop in one transaction, same table and index;
//  - naive:   one autocommitted INSERT per point (measured on fewer points, per point).
#include "catalog/database.h"
#include "core/workspace.h"
#include "runs/metricsstore.h"
#include "runs/runstore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <sqlite3.h>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace atelier;

namespace {

double rawInsert(const QString &dbPath, int count, bool oneTransaction)
{
    sqlite3 *db = nullptr;
    sqlite3_open(dbPath.toUtf8().constData(), &db);
    sqlite3_exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;", nullptr, nullptr,
                 nullptr);
    sqlite3_stmt *stmt = nullptr;
    sqlite3_prepare_v2(db,
                       "INSERT INTO metrics (run_id, task_id, key, step, value, ts) "
                       "VALUES ('raw', 't', 'loss', ?1, ?2, ?3);",
                       -1, &stmt, nullptr);
    QElapsedTimer clock;
    clock.start();
    if (oneTransaction)
        sqlite3_exec(db, "BEGIN;", nullptr, nullptr, nullptr);
    for (int i = 0; i < count; ++i) {
        sqlite3_bind_int64(stmt, 1, i);
        sqlite3_bind_double(stmt, 2, 1.0 / (i + 1));
        sqlite3_bind_double(stmt, 3, 1000.0 + i);
        sqlite3_step(stmt);
        sqlite3_reset(stmt);
    }
    if (oneTransaction)
        sqlite3_exec(db, "COMMIT;", nullptr, nullptr, nullptr);
    const double seconds = clock.nsecsElapsed() / 1e9;
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return count / seconds;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir tmp;
    auto workspace = Workspace::create(tmp.filePath(u"ws"_s), {});
    if (!workspace) {
        std::fprintf(stderr, "%s\n", qPrintable(workspace.error().message));
        return 1;
    }
    RunStore runs(workspace->catalog());
    for (const QString &id : {u"bench"_s, u"raw"_s}) {
        RunRecord run;
        run.id = id;
        run.pipeline = u"p"_s;
        run.pipelineName = u"P"_s;
        run.state = u"running"_s;
        run.pool = u"local"_s;
        (void)runs.insertRun(run);
    }
    const int count = 200000;
    QList<MetricPoint> points;
    points.reserve(count);
    for (int i = 0; i < count; ++i)
        points.append({u"loss"_s, i, 1.0 / (i + 1), 1000.0 + i});

    MetricsStore store(workspace->catalog());
    QElapsedTimer clock;
    clock.start();
    // The executor hands over what a poll read: batches of a few thousand points.
    for (qsizetype at = 0; at < points.size(); at += 5000) {
        if (Status ok = store.append(u"bench"_s, u"t"_s, points.mid(at, 5000)); !ok) {
            std::fprintf(stderr, "%s\n", qPrintable(ok.error().message));
            return 1;
        }
    }
    const double ours = count / (clock.nsecsElapsed() / 1e9);
    const QString dbPath = workspace->catalogPath();
    const double ceiling = rawInsert(dbPath, count, true);
    const double naive = rawInsert(dbPath, 2000, false);

    std::printf("== Metrics ingestion (%d points, catalog on this disk)\n", count);
    std::printf("atelier MetricsStore::append (5k batches) %10.0f points/s (goal >= 200000)\n",
                ours);
    std::printf("ceiling raw sqlite3 prepared, one txn     %10.0f points/s   atelier/ceiling %.2f\n",
                ceiling, ours / ceiling);
    std::printf("naive   one autocommit per point          %10.0f points/s   atelier/naive %.0fx\n",
                naive, ours / naive);
    return 0;
}
