#include "runs/runstore.h"

#include "catalog/database.h"

#include <QDir>
#include <QHash>
#include <QJsonDocument>
#include <QRandomGenerator>

#include <cerrno>
#include <csignal>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

QString timeText(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QVariant nullable(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

QDateTime timeFrom(const QString &text)
{
    return text.isEmpty() ? QDateTime() : QDateTime::fromString(text, Qt::ISODateWithMs);
}

QString jsonText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject jsonFrom(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

// The parent of a nested MLflow run is named by its tag mlflow.parentRunId, an MLflow run id;
// imported runs are "mlflow-<run id>" here (MlflowImport).
const char *const kRunColumns =
    "SELECT runs.id, pipeline, pipeline_name, commit_id, state, pool, variables, options, "
    "logical_date, runs.created_at, started_at, finished_at, message, run_name, runs.source, "
    "experiments.name, (SELECT 'mlflow-' || value FROM run_tags WHERE run_tags.run_id = runs.id "
    "AND run_tags.key = 'mlflow.parentRunId') "
    "FROM runs LEFT JOIN experiments ON experiments.id = runs.experiment_id ";

RunRecord runFrom(const Query &q)
{
    RunRecord run;
    run.id = q.text(0);
    run.pipeline = q.text(1);
    run.pipelineName = q.text(2);
    run.commitId = q.text(3);
    run.state = q.text(4);
    run.pool = q.text(5);
    run.variables = jsonFrom(q.text(6));
    run.options = jsonFrom(q.text(7));
    run.logicalDate = q.text(8);
    run.createdAt = timeFrom(q.text(9));
    run.startedAt = timeFrom(q.text(10));
    run.finishedAt = timeFrom(q.text(11));
    run.message = q.text(12);
    run.runName = q.text(13);
    run.source = q.text(14);
    run.experiment = q.text(15);
    run.parentRunId = q.text(16);
    return run;
}

const char *const kTaskColumns =
    "SELECT run_id, node_id, template, state, attempts, exit_code, pool, job_id, started_at, "
    "finished_at, message, cache_key, outputs_dir, pgid, pgid_started, image, image_id FROM tasks ";

TaskRecord taskFrom(const Query &q)
{
    TaskRecord task;
    task.runId = q.text(0);
    task.nodeId = q.text(1);
    task.templateRef = q.text(2);
    task.state = q.text(3);
    task.attempts = int(q.int64(4));
    if (!q.isNull(5))
        task.exitCode = int(q.int64(5));
    task.pool = q.text(6);
    task.jobId = q.text(7);
    task.startedAt = timeFrom(q.text(8));
    task.finishedAt = timeFrom(q.text(9));
    task.message = q.text(10);
    task.cacheKey = q.text(11);
    task.outputsDir = q.text(12);
    task.group = {q.isNull(13) ? 0 : q.int64(13), q.isNull(14) ? 0 : q.int64(14)};
    task.image = q.text(15);
    task.imageId = q.text(16);
    return task;
}

} // namespace

std::optional<qint64> RunRecord::durationMs(const QDateTime &now) const
{
    if (!startedAt.isValid())
        return std::nullopt;
    if (finishedAt.isValid()) {
        const qint64 ms = startedAt.msecsTo(finishedAt);
        return ms >= 0 ? std::optional<qint64>(ms) : std::nullopt;
    }
    // Only a run that Atelier itself follows is still going now; an imported one stopped
    // being followed at its import, so its end is unknown, not "now".
    const bool live = (state == u"running"_s || state == u"pending"_s) && source != u"mlflow"_s;
    if (!live)
        return std::nullopt;
    return std::max<qint64>(0, startedAt.msecsTo(now));
}

QString RunStore::newRunId()
{
    return QDateTime::currentDateTimeUtc().toString(u"yyyyMMdd-HHmmss"_s) + u'-' +
           QString::number(QRandomGenerator::global()->bounded(0x10000), 16)
               .rightJustified(4, u'0');
}

Status RunStore::insertRun(const RunRecord &run)
{
    Query q = m_db.query(
        "INSERT INTO runs (id, pipeline, pipeline_name, commit_id, state, pool, variables, "
        "options, logical_date, created_at, started_at, finished_at, message, runner_pid, "
        "runner_started) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15);");
    const ProcessIdentity runner = ProcessIdentity::current();
    q.bind(1, run.id)
        .bind(2, run.pipeline)
        .bind(3, run.pipelineName)
        .bind(4, nullable(run.commitId))
        .bind(5, run.state)
        .bind(6, run.pool)
        .bind(7, jsonText(run.variables))
        .bind(8, jsonText(run.options))
        .bind(9, nullable(run.logicalDate))
        .bind(10,
              timeText(run.createdAt.isValid() ? run.createdAt : QDateTime::currentDateTimeUtc()))
        .bind(11, nullable(timeText(run.startedAt)))
        .bind(12, nullable(timeText(run.finishedAt)))
        .bind(13, nullable(run.message))
        .bind(14, runner.pid)
        .bind(15, runner.startTicks > 0 ? QVariant(runner.startTicks) : QVariant());
    Status inserted = q.exec();
    if (!inserted && inserted.error().code == ErrorCode::Conflict && !run.logicalDate.isEmpty())
        return makeError(ErrorCode::Conflict,
                         tr("%1 already has a run for the slot %2; nothing was started.")
                             .arg(run.pipeline, run.logicalDate));
    return inserted;
}

Status RunStore::updateRun(const RunRecord &run)
{
    Query q = m_db.query("UPDATE runs SET state = ?2, started_at = ?3, finished_at = ?4, "
                         "message = ?5, commit_id = ?6 WHERE id = ?1;");
    q.bind(1, run.id)
        .bind(2, run.state)
        .bind(3, nullable(timeText(run.startedAt)))
        .bind(4, nullable(timeText(run.finishedAt)))
        .bind(5, nullable(run.message))
        .bind(6, nullable(run.commitId));
    return q.exec();
}

Status RunStore::saveTask(const TaskRecord &task)
{
    Query q = m_db.query(
        "INSERT INTO tasks (run_id, node_id, template, state, attempts, exit_code, pool, job_id, "
        "started_at, finished_at, message, cache_key, outputs_dir, pgid, pgid_started, image, "
        "image_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, "
        "?17) "
        "ON CONFLICT (run_id, node_id) DO UPDATE SET template = excluded.template, "
        "state = excluded.state, attempts = excluded.attempts, exit_code = excluded.exit_code, "
        "pool = excluded.pool, job_id = excluded.job_id, started_at = excluded.started_at, "
        "finished_at = excluded.finished_at, message = excluded.message, "
        "cache_key = excluded.cache_key, outputs_dir = excluded.outputs_dir, "
        "pgid = excluded.pgid, pgid_started = excluded.pgid_started, image = excluded.image, "
        "image_id = excluded.image_id;");
    q.bind(1, task.runId)
        .bind(2, task.nodeId)
        .bind(3, task.templateRef)
        .bind(4, task.state)
        .bind(5, task.attempts)
        .bind(6, task.exitCode ? QVariant(*task.exitCode) : QVariant())
        .bind(7, nullable(task.pool))
        .bind(8, nullable(task.jobId))
        .bind(9, nullable(timeText(task.startedAt)))
        .bind(10, nullable(timeText(task.finishedAt)))
        .bind(11, nullable(task.message))
        .bind(12, nullable(task.cacheKey))
        .bind(13, nullable(task.outputsDir))
        .bind(14, task.group.pid > 0 ? QVariant(task.group.pid) : QVariant())
        .bind(15, task.group.startTicks > 0 ? QVariant(task.group.startTicks) : QVariant())
        .bind(16, nullable(task.image))
        .bind(17, nullable(task.imageId));
    return q.exec();
}

Result<RunRecord> RunStore::run(const QString &id)
{
    const QByteArray sql = QByteArray(kRunColumns) + "WHERE runs.id = ?1;";
    Query q = m_db.query(sql.constData());
    q.bind(1, id);
    auto row = q.next();
    if (!row)
        return row.error();
    if (!row.value())
        return makeError(ErrorCode::NotFound,
                         tr("There is no run %1; 'atelier runs list' shows the runs.").arg(id));
    return runFrom(q);
}

Result<QList<RunRecord>> RunStore::runs(int limit, const QString &pipeline)
{
    const QByteArray sql = QByteArray(kRunColumns) +
                           "WHERE (?1 IS NULL OR pipeline = ?1) "
                           "ORDER BY runs.created_at DESC, runs.id DESC LIMIT ?2;";
    Query q = m_db.query(sql.constData());
    q.bind(1, nullable(pipeline)).bind(2, limit);
    QList<RunRecord> runs;
    if (Status read = q.forEach([&](const Query &row) { runs.append(runFrom(row)); }); !read)
        return read.error();
    return runs;
}

Result<QList<TaskRecord>> RunStore::tasks(const QString &runId)
{
    const QByteArray sql = QByteArray(kTaskColumns) + "WHERE run_id = ?1 ORDER BY rowid;";
    Query q = m_db.query(sql.constData());
    q.bind(1, runId);
    QList<TaskRecord> tasks;
    if (Status read = q.forEach([&](const Query &row) { tasks.append(taskFrom(row)); }); !read)
        return read.error();
    return tasks;
}

Result<std::optional<TaskRecord>> RunStore::latestSuccessful(const QString &pipeline,
                                                             const QString &nodeId)
{
    const QByteArray sql =
        "SELECT t.run_id, t.node_id, t.template, t.state, t.attempts, t.exit_code, t.pool, "
        "t.job_id, t.started_at, t.finished_at, t.message, t.cache_key, t.outputs_dir, t.pgid, "
        "t.pgid_started, t.image, t.image_id FROM tasks t JOIN runs r ON r.id = t.run_id "
        "WHERE r.pipeline = ?1 AND t.node_id = ?2 AND t.state IN ('succeeded', 'cached') "
        "ORDER BY r.created_at DESC LIMIT 1;";
    Query q = m_db.query(sql.constData());
    q.bind(1, pipeline).bind(2, nodeId);
    auto row = q.next();
    if (!row)
        return row.error();
    if (!row.value())
        return std::optional<TaskRecord>();
    return std::optional<TaskRecord>(taskFrom(q));
}

Result<QList<ReusedTask>> RunStore::reusedTasks(const QString &runId)
{
    // By the outputs folder, not the cache key: a later run with caching off may have taken
    // the key over, but the folder is still the one the succeeded task wrote.
    QList<ReusedTask> reused;
    Status read =
        m_db.query("SELECT t.node_id, s.run_id, s.node_id FROM tasks t "
                   "JOIN tasks s ON s.outputs_dir = t.outputs_dir AND s.state = 'succeeded' "
                   "AND s.run_id <> t.run_id "
                   "WHERE t.run_id = ?1 AND t.state = 'cached' ORDER BY t.node_id;")
            .bind(1, runId)
            .forEach([&](const Query &row) {
                if (reused.isEmpty() || reused.constLast().nodeId != row.text(0))
                    reused.append({row.text(0), row.text(1), row.text(2)});
            });
    if (!read)
        return read.error();
    return reused;
}

Result<QMap<QString, QString>> RunStore::params(const QString &runId)
{
    QMap<QString, QString> values;
    Status read = m_db.query("SELECT key, value FROM run_params WHERE run_id = ?1;")
                      .bind(1, runId)
                      .forEach([&](const Query &row) { values.insert(row.text(0), row.text(1)); });
    if (!read)
        return read.error();
    return values;
}

Result<QMap<QString, QString>> RunStore::tags(const QString &runId)
{
    QMap<QString, QString> values;
    Status read = m_db.query("SELECT key, value FROM run_tags WHERE run_id = ?1;")
                      .bind(1, runId)
                      .forEach([&](const Query &row) { values.insert(row.text(0), row.text(1)); });
    if (!read)
        return read.error();
    return values;
}

Result<QStringList> RunStore::children(const QString &runId)
{
    QStringList ids;
    Status read = m_db.query("SELECT run_id FROM run_tags WHERE key = 'mlflow.parentRunId' AND "
                             "'mlflow-' || value = ?1 ORDER BY run_id;")
                      .bind(1, runId)
                      .forEach([&](const Query &row) { ids.append(row.text(0)); });
    if (!read)
        return read.error();
    return ids;
}

QList<NestedRun> RunStore::nest(const QList<RunRecord> &runs)
{
    const qsizetype n = runs.size();
    QHash<QString, qsizetype> index;
    for (qsizetype i = 0; i < n; ++i)
        index.insert(runs.at(i).id, i);
    QList<QList<qsizetype>> children(n);
    QList<bool> nested(n, false);
    for (qsizetype i = 0; i < n; ++i) {
        const qsizetype parent = index.value(runs.at(i).parentRunId, -1);
        if (parent >= 0 && parent != i) {
            children[parent].append(i);
            nested[i] = true;
        }
    }
    QList<NestedRun> out;
    out.reserve(n);
    QList<bool> placed(n, false);
    // Depth-first without recursion: (run, depth) still to place, the next on top.
    QList<QPair<qsizetype, int>> stack;
    const auto place = [&](qsizetype root) {
        stack.append({root, 0});
        while (!stack.isEmpty()) {
            const auto [i, depth] = stack.takeLast();
            if (placed[i])
                continue; // a cycle closes here
            placed[i] = true;
            out.append({runs.at(i), depth});
            const QList<qsizetype> &kids = children.at(i);
            for (auto it = kids.crbegin(); it != kids.crend(); ++it)
                stack.append({*it, depth + 1});
        }
    };
    for (qsizetype i = 0; i < n; ++i) {
        if (!nested[i])
            place(i);
    }
    for (qsizetype i = 0; i < n; ++i) { // runs in a cycle of parents: none is a root
        if (!placed[i])
            place(i);
    }
    return out;
}

Result<int> RunStore::reapOrphans(int graceMs, const RemoteJobsEnder &endRemote)
{
    struct Active
    {
        QString id;
        ProcessIdentity runner;
    };
    QList<Active> active;
    Status read =
        m_db.query("SELECT id, runner_pid, runner_started FROM runs WHERE state IN "
                   "('pending', 'running') AND runner_pid IS NOT NULL;")
            .forEach([&](const Query &row) {
                active.append({row.text(0), {row.int64(1), row.isNull(2) ? 0 : row.int64(2)}});
            });
    if (!read)
        return read.error();
    int reaped = 0;
    for (const Active &run : std::as_const(active)) {
        const qint64 pid = run.runner.pid;
        if (run.runner.startTicks > 0) {
            if (run.runner.isAlive())
                continue;
        } else if (pid <= 0 || ::kill(pid_t(pid), 0) == 0 || errno != ESRCH) {
            continue; // recorded before start times were: alive (or not ours to judge)
        }
        // The groups first: a task marked lost must not be running any more.
        auto ended = endGroups(run.id, graceMs);
        if (!ended)
            return ended.error();
        if (endRemote) {
            auto jobs = remoteJobs(run.id, {});
            if (!jobs)
                return jobs.error();
            // A cluster that does not answer must not keep the workspace from opening: the
            // tasks are marked lost all the same, and `runs stop` tries their jobs again.
            if (!jobs->isEmpty())
                (void)endRemote(jobs.value());
        }
        const QString now = timeText(QDateTime::currentDateTimeUtc());
        const QString why =
            tr("the Atelier process running it (pid %1) ended unexpectedly").arg(pid);
        bool wasActive = false;
        Status marked = m_db.transaction([&]() -> Status {
            // Only while it is still pending or running: a runner that recorded its end and
            // exited after the read above keeps what it recorded (the soak lost a success so).
            Query runMarked = m_db.query("UPDATE runs SET state = 'failed', finished_at = ?2, "
                                         "message = ?3 WHERE id = ?1 AND state IN ('pending', "
                                         "'running') RETURNING id;");
            runMarked.bind(1, run.id).bind(2, now).bind(3, why);
            auto changed = runMarked.next();
            if (!changed)
                return changed.error();
            wasActive = changed.value();
            if (!wasActive)
                return {};
            // Started tasks end as lost (how they would have ended is unknown: no exit code);
            // the others never ran.
            Status started = m_db.query("UPDATE tasks SET state = 'lost', finished_at = ?2, "
                                        "message = ?3 WHERE run_id = ?1 AND (state = "
                                        "'running' OR (state = 'queued' AND started_at IS "
                                        "NOT NULL));")
                                 .bind(1, run.id)
                                 .bind(2, now)
                                 .bind(3, why)
                                 .exec();
            if (!started)
                return started;
            return m_db
                .query("UPDATE tasks SET state = 'stopped', finished_at = ?2, message = ?3 "
                       "WHERE run_id = ?1 AND state IN ('pending', 'queued', 'running');")
                .bind(1, run.id)
                .bind(2, now)
                .bind(3, why)
                .exec();
        });
        if (!marked)
            return marked.error();
        if (wasActive)
            ++reaped;
    }
    return reaped;
}

Result<int> RunStore::endGroups(const QString &runId, int graceMs)
{
    QList<ProcessIdentity> groups;
    Status read = m_db.query("SELECT pgid, pgid_started FROM tasks WHERE run_id = ?1 AND "
                             "pgid IS NOT NULL AND pgid_started IS NOT NULL;")
                      .bind(1, runId)
                      .forEach([&](const Query &row) {
                          groups.append({row.int64(0), row.int64(1)});
                      });
    if (!read)
        return read.error();
    int ended = 0;
    for (const ProcessIdentity &group : std::as_const(groups)) {
        if (!ProcessGroups::isAlive(group))
            continue; // ended, or its id now names another process's group
        if (!ProcessGroups::end(group, graceMs))
            return makeError(ErrorCode::Internal,
                             tr("The processes of run %1 (group %2) did not end, even after "
                                "SIGKILL.")
                                 .arg(runId)
                                 .arg(group.pid));
        ++ended;
    }
    return ended;
}

Result<std::optional<int>> RunStore::endLeftovers(const QString &runId, int graceMs,
                                                  const RemoteJobsEnder &endRemote)
{
    Query q = m_db.query("SELECT count(*) FROM tasks WHERE run_id = ?1 AND state = 'lost' AND "
                         "(pgid IS NOT NULL OR pool <> 'local');");
    q.bind(1, runId);
    auto row = q.next();
    if (!row)
        return row.error();
    if (!row.value() || q.int64(0) == 0)
        return std::optional<int>();
    auto ended = endGroups(runId, graceMs);
    if (!ended)
        return ended.error();
    int count = ended.value();
    if (endRemote) {
        auto jobs = remoteJobs(runId, u"lost"_s);
        if (!jobs)
            return jobs.error();
        if (!jobs->isEmpty()) {
            auto cancelled = endRemote(jobs.value());
            if (!cancelled)
                return cancelled.error();
            count += cancelled.value();
        }
    }
    return std::optional<int>(count);
}

Result<QList<RemoteJob>> RunStore::remoteJobs(const QString &runId, const QString &state)
{
    QList<RemoteJob> jobs;
    // Cluster jobs, and local tasks in containers (their containers outlive the group).
    Status read =
        m_db.query("SELECT node_id, pool, job_id, image_id FROM tasks WHERE run_id = ?1 AND "
                   "started_at IS NOT NULL AND ((pgid IS NULL AND ((job_id IS NOT NULL AND "
                   "job_id <> '') OR pool <> 'local')) OR (pool = 'local' AND image_id IS NOT "
                   "NULL AND image_id <> '')) AND (state = ?2 OR (?2 = '' AND state IN "
                   "('running', 'queued')));")
            .bind(1, runId)
            .bind(2, state)
            .forEach([&](const Query &row) {
                const bool container = row.text(1) == u"local"_s && !row.text(3).isEmpty();
                jobs.append({runId, row.text(0), row.text(1), container ? QString() : row.text(2),
                             container ? row.text(3) : QString()});
            });
    if (!read)
        return read.error();
    return jobs;
}

Result<ScheduleHistory> RunStore::scheduleHistory(const QString &pipeline)
{
    ScheduleHistory history;
    Query last = m_db.query("SELECT logical_date, state FROM runs WHERE pipeline = ?1 AND "
                            "logical_date IS NOT NULL ORDER BY logical_date DESC LIMIT 1;");
    last.bind(1, pipeline);
    auto row = last.next();
    if (!row)
        return row.error();
    if (row.value()) {
        history.lastLogicalDate = QDateTime::fromString(last.text(0), Qt::ISODate);
        history.lastSucceeded = last.text(1) == u"succeeded"_s;
    }
    Query active = m_db.query("SELECT count(*) FROM runs WHERE pipeline = ?1 AND state IN "
                              "('pending', 'running');");
    active.bind(1, pipeline);
    auto counted = active.next();
    if (!counted)
        return counted.error();
    history.activeRuns = int(active.int64(0));
    return history;
}

Result<int> RunStore::pruneRunFolders(const QString &runsDir, const QString &pipeline, int keep)
{
    if (keep <= 0)
        return 0;
    QStringList old;
    Query q = m_db.query("SELECT id FROM runs WHERE pipeline = ?1 AND state NOT IN ('pending', "
                         "'running') ORDER BY created_at DESC, id DESC LIMIT -1 OFFSET ?2;");
    q.bind(1, pipeline).bind(2, keep);
    if (Status read = q.forEach([&](const Query &row) { old.append(row.text(0)); }); !read)
        return read.error();
    int removed = 0;
    for (const QString &id : std::as_const(old)) {
        QDir folder(QDir(runsDir).filePath(id));
        if (folder.exists() && folder.removeRecursively())
            ++removed;
    }
    return removed;
}

Result<qint64> RunStore::setExperiment(const QStringList &runIds, const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > 100)
        return makeError(ErrorCode::Invalid,
                         tr("An experiment needs a name of 1 to 100 characters."));
    qint64 experiment = -1;
    Status done = m_db.transaction([&]() -> Status {
        for (const QString &id : runIds) {
            if (auto known = run(id); !known)
                return known.error();
        }
        Status made = m_db.query("INSERT INTO experiments (name) VALUES (?1) "
                                 "ON CONFLICT (name) DO NOTHING;")
                          .bind(1, trimmed)
                          .exec();
        if (!made)
            return made;
        Query find = m_db.query("SELECT id FROM experiments WHERE name = ?1;");
        find.bind(1, trimmed);
        auto row = find.next();
        if (!row)
            return row.error();
        experiment = find.int64(0);
        for (const QString &id : runIds) {
            Status moved = m_db.query("UPDATE runs SET experiment_id = ?2 WHERE id = ?1;")
                               .bind(1, id)
                               .bind(2, experiment)
                               .exec();
            if (!moved)
                return moved;
        }
        return {};
    });
    if (!done)
        return done.error();
    return experiment;
}

Status RunStore::requestStop(const QString &runId)
{
    auto existing = run(runId);
    if (!existing)
        return existing.error();
    if (existing->source == u"mlflow"_s)
        return makeError(ErrorCode::Conflict,
                         tr("Run %1 was imported from MLflow; Atelier does not run it, so it "
                            "cannot stop it. Stop it where it runs.")
                             .arg(runId));
    if (existing->state != u"running"_s && existing->state != u"pending"_s)
        return makeError(ErrorCode::Conflict,
                         tr("Run %1 is %2; only a pending or running run can be stopped.")
                             .arg(runId, existing->state));
    return m_db.query("UPDATE runs SET stop_requested = 1 WHERE id = ?1;").bind(1, runId).exec();
}

bool RunStore::stopRequested(const QString &runId)
{
    Query q = m_db.query("SELECT stop_requested FROM runs WHERE id = ?1;");
    q.bind(1, runId);
    auto row = q.next();
    return row && row.value() && q.int64(0) != 0;
}

Result<std::optional<QString>> RunStore::cachedOutputs(const QString &key)
{
    Query q = m_db.query("SELECT outputs_dir FROM task_cache WHERE key = ?1;");
    q.bind(1, key);
    auto row = q.next();
    if (!row)
        return row.error();
    if (!row.value())
        return std::optional<QString>();
    return std::optional<QString>(q.text(0));
}

Status RunStore::rememberOutputs(const QString &key, const QString &runId, const QString &nodeId,
                                 const QString &outputsDir)
{
    Query q = m_db.query("INSERT OR REPLACE INTO task_cache (key, run_id, node_id, outputs_dir, "
                         "created_at) VALUES (?1, ?2, ?3, ?4, ?5);");
    q.bind(1, key)
        .bind(2, runId)
        .bind(3, nodeId)
        .bind(4, outputsDir)
        .bind(5, timeText(QDateTime::currentDateTimeUtc()));
    return q.exec();
}

} // namespace atelier
