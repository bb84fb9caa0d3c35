#include "runs/mlflowimport.h"

#include "catalog/database.h"
#include "runs/metricsstore.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>

#include <optional>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

// MLflow's FileStore (mlflow/store/tracking/file_store.py) keeps, under the store's folder:
//   <experiment_id>/meta.yaml                  name, experiment_id, lifecycle_stage, …
//   <experiment_id>/<run_id>/meta.yaml         run_id, run_name, status (1..5), start_time, …
//   <experiment_id>/<run_id>/metrics/<key>     lines "timestamp_ms value [step]"
//   <experiment_id>/<run_id>/params/<key>      the value, as the file's whole content
//   <experiment_id>/<run_id>/tags/<key>        the value, as the file's whole content
//   .trash/<experiment_id>/…                   deleted experiments
// Keys containing "/" are nested folders.

constexpr qint64 kMaxSmallFile = 1 << 20; // meta.yaml, a param or a tag: far above MLflow's limits
constexpr int kMaxDepth = 32;             // nested key folders

using Meta = QHash<QString, QString>;

QString unquote(const QString &raw)
{
    const QString value = raw.trimmed();
    if (value.size() >= 2 && value.front() == u'\'' && value.back() == u'\'')
        return value.mid(1, value.size() - 2).replace(u"''"_s, u"'"_s);
    if (value.size() >= 2 && value.front() == u'"' && value.back() == u'"')
        return value.mid(1, value.size() - 2);
    return value;
}

/// MLflow's meta.yaml is flat `key: value`; indented and list lines are not ours to read.
Meta parseMeta(const QByteArray &bytes)
{
    Meta meta;
    for (const QByteArray &rawLine : bytes.split('\n')) {
        const QString line = QString::fromUtf8(rawLine).remove(u'\r');
        if (line.isEmpty() || line.front().isSpace() || line.front() == u'-' ||
            line.front() == u'#')
            continue;
        const qsizetype colon = line.indexOf(u':');
        if (colon <= 0)
            continue;
        meta.insert(line.left(colon).trimmed(), unquote(line.mid(colon + 1)));
    }
    return meta;
}

/// A time in meta.yaml; MLflow writes `end_time: null` (or 0 in older stores) while a run has
/// not ended, so neither is a time.
std::optional<qint64> millis(const QString &text)
{
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    return ok && value > 0 ? std::optional<qint64>(value) : std::nullopt;
}

QString timeText(std::optional<qint64> ms)
{
    return ms ? QDateTime::fromMSecsSinceEpoch(*ms, Qt::UTC).toString(Qt::ISODateWithMs)
              : QString();
}

QVariant nullable(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

struct KeyValue
{
    QString key;
    QString value;
};

struct RunData
{
    QString id;
    QString runName;
    QString state;
    QString message;
    std::optional<qint64> start;
    std::optional<qint64> end;
    QList<KeyValue> params;
    QList<KeyValue> tags;
    QList<MetricPoint> points;
    bool replaces = false; ///< an earlier import of this run, still going then, is replaced
};

class Importer
{
public:
    Importer(Database &db, const QString &root) : m_db(db), m_root(root) {}

    Status run();
    MlflowImportReport report;

private:
    void problem(const QString &path, int line, const QString &reason)
    {
        report.problems.append({m_root.relativeFilePath(path), line, reason});
    }
    /// Entries of \a dir; symbolic links are reported and left out, never followed.
    QFileInfoList list(const QString &dir, bool hidden);
    bool hasMeta(const QString &dir) const;
    std::optional<QByteArray> readSmall(const QString &path);
    std::optional<Meta> readMeta(const QString &dir);
    /// Files under \a dir as key → path, the key being the path below \a dir.
    void collectKeys(const QString &dir, const QString &prefix, int depth, QList<KeyValue> &files);
    QList<KeyValue> readValues(const QString &dir);
    QList<MetricPoint> readMetrics(const QString &dir);

    void importExperiment(const QFileInfo &folder);
    void importRun(const QFileInfo &folder, qint64 experimentId, const QString &experimentName);
    std::optional<qint64> experimentRow(const QString &name, const QString &externalId,
                                        const QString &path);
    Status write(const RunData &run, qint64 experimentId, const QString &experimentName);

    Database &m_db;
    QDir m_root;
};

QFileInfoList Importer::list(const QString &dir, bool hidden)
{
    QDir::Filters filters = QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System;
    if (hidden)
        filters |= QDir::Hidden;
    QFileInfoList entries;
    const QFileInfoList all = QDir(dir).entryInfoList(filters, QDir::Name);
    for (const QFileInfo &info : all) {
        if (info.isSymLink()) {
            problem(info.filePath(), 0,
                    MlflowImport::tr("a symbolic link; links are not followed"));
            continue;
        }
        entries.append(info);
    }
    return entries;
}

bool Importer::hasMeta(const QString &dir) const
{
    const QFileInfo meta(QDir(dir).filePath(u"meta.yaml"_s));
    return meta.isFile() && !meta.isSymLink();
}

std::optional<QByteArray> Importer::readSmall(const QString &path)
{
    QFile file(path);
    if (file.size() > kMaxSmallFile) {
        problem(path, 0, MlflowImport::tr("larger than %1 bytes; skipped").arg(kMaxSmallFile));
        return std::nullopt;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        problem(path, 0, MlflowImport::tr("cannot be read: %1").arg(file.errorString()));
        return std::nullopt;
    }
    return file.readAll();
}

std::optional<Meta> Importer::readMeta(const QString &dir)
{
    const QString path = QDir(dir).filePath(u"meta.yaml"_s);
    auto bytes = readSmall(path);
    if (!bytes)
        return std::nullopt;
    return parseMeta(*bytes);
}

void Importer::collectKeys(const QString &dir, const QString &prefix, int depth,
                           QList<KeyValue> &files)
{
    if (depth > kMaxDepth) {
        problem(dir, 0, MlflowImport::tr("nested too deep; skipped"));
        return;
    }
    for (const QFileInfo &info : list(dir, true)) {
        const QString key = prefix.isEmpty() ? info.fileName() : prefix + u'/' + info.fileName();
        if (info.isDir())
            collectKeys(info.filePath(), key, depth + 1, files);
        else if (info.isFile())
            files.append({key, info.filePath()});
    }
}

QList<KeyValue> Importer::readValues(const QString &dir)
{
    QList<KeyValue> files;
    if (QFileInfo(dir).isDir())
        collectKeys(dir, {}, 0, files);
    QList<KeyValue> values;
    for (const KeyValue &file : std::as_const(files)) {
        if (auto bytes = readSmall(file.value))
            values.append({file.key, QString::fromUtf8(*bytes)});
    }
    return values;
}

QList<MetricPoint> Importer::readMetrics(const QString &dir)
{
    QList<KeyValue> files;
    if (QFileInfo(dir).isDir())
        collectKeys(dir, {}, 0, files);
    QList<MetricPoint> points;
    for (const KeyValue &metric : std::as_const(files)) {
        QFile file(metric.value);
        if (!file.open(QIODevice::ReadOnly)) {
            problem(metric.value, 0,
                    MlflowImport::tr("cannot be read: %1").arg(file.errorString()));
            continue;
        }
        int lineNumber = 0;
        while (!file.atEnd()) {
            ++lineNumber;
            const QString line = QString::fromUtf8(file.readLine()).trimmed();
            if (line.isEmpty())
                continue;
            const QStringList fields = line.split(u' ', Qt::SkipEmptyParts);
            bool tsOk = false;
            bool valueOk = false;
            bool stepOk = true;
            MetricPoint point;
            point.key = metric.key;
            if (fields.size() == 2 || fields.size() == 3) {
                const qint64 ms = fields.at(0).toLongLong(&tsOk);
                point.ts = double(ms) / 1000.0;
                point.value = fields.at(1).toDouble(&valueOk);
                // MLflow reads a line without a step as step 0.
                point.step = fields.size() == 3 ? fields.at(2).toLongLong(&stepOk) : 0;
            }
            if (!tsOk || !valueOk || !stepOk) {
                problem(metric.value, lineNumber,
                        MlflowImport::tr("not \"timestamp value step\"; line skipped"));
                continue;
            }
            // NaN and ±inf (MLflow writes "nan", "inf", "-inf") are kept: a diverged run
            // must look diverged.
            points.append(point);
        }
    }
    return points;
}

std::optional<qint64> Importer::experimentRow(const QString &name, const QString &externalId,
                                              const QString &path)
{
    auto find = [&]() -> Result<std::optional<qint64>> {
        Query q = m_db.query("SELECT id FROM experiments WHERE name = ?1;");
        q.bind(1, name);
        auto row = q.next();
        if (!row)
            return row.error();
        return row.value() ? std::optional<qint64>(q.int64(0)) : std::nullopt;
    };
    auto found = find();
    if (found && !found.value()) {
        Status made = m_db.query("INSERT INTO experiments (name, source, external_id) "
                                 "VALUES (?1, 'mlflow', ?2);")
                          .bind(1, name)
                          .bind(2, externalId)
                          .exec();
        if (!made) {
            problem(path, 0, made.error().message);
            return std::nullopt;
        }
        found = find();
    }
    if (!found || !found.value()) {
        problem(path, 0,
                found ? MlflowImport::tr("the experiment could not be recorded")
                      : found.error().message);
        return std::nullopt;
    }
    return *found.value();
}

Status Importer::run()
{
    const QFileInfo rootInfo(m_root.path());
    if (!rootInfo.isDir())
        return makeError(ErrorCode::NotFound,
                         MlflowImport::tr("%1 does not exist or is not a folder.")
                             .arg(QDir::toNativeSeparators(m_root.path())));

    QFileInfoList experiments;
    QFileInfoList trashed;
    for (const QFileInfo &info : list(m_root.path(), true)) {
        if (!info.isDir())
            continue;
        if (info.fileName() == u".trash"_s) {
            for (const QFileInfo &deleted : list(info.filePath(), true)) {
                if (deleted.isDir() && hasMeta(deleted.filePath()))
                    trashed.append(deleted);
            }
        } else if (hasMeta(info.filePath())) {
            experiments.append(info);
        } else if (!info.fileName().startsWith(u'.') && info.fileName() != u"models"_s) {
            // "models" is MLflow's model registry, which has no runs.
            problem(info.filePath(), 0,
                    MlflowImport::tr("no meta.yaml; not an experiment folder, skipped"));
        }
    }
    if (experiments.isEmpty() && trashed.isEmpty()) {
        return makeError(ErrorCode::NotFound,
                         MlflowImport::tr("%1 is not an MLflow file store (no experiment folders "
                                          "with meta.yaml). Give the mlruns folder itself.")
                             .arg(QDir::toNativeSeparators(m_root.path())));
    }
    report.experimentsDeleted = int(trashed.size());
    for (const QFileInfo &experiment : std::as_const(experiments))
        importExperiment(experiment);
    return {};
}

void Importer::importExperiment(const QFileInfo &folder)
{
    const auto meta = readMeta(folder.filePath());
    if (!meta)
        return;
    if (meta->value(u"lifecycle_stage"_s) == u"deleted"_s) {
        ++report.experimentsDeleted;
        return;
    }
    const QString name = meta->value(u"name"_s);
    if (name.isEmpty()) {
        problem(QDir(folder.filePath()).filePath(u"meta.yaml"_s), 0,
                MlflowImport::tr("the experiment has no name; skipped"));
        return;
    }
    const QString externalId = meta->value(u"experiment_id"_s, folder.fileName());
    const auto row = experimentRow(name, externalId, folder.filePath());
    if (!row)
        return;
    ++report.experiments;
    // Experiment tags, logged datasets and traces are kept beside the runs.
    static const QSet<QString> notRuns = {u"tags"_s, u"datasets"_s, u"traces"_s};
    for (const QFileInfo &info : list(folder.filePath(), false)) {
        if (!info.isDir() || notRuns.contains(info.fileName()))
            continue;
        if (!hasMeta(info.filePath())) {
            problem(info.filePath(), 0,
                    MlflowImport::tr("no meta.yaml; not a run folder, skipped"));
            continue;
        }
        importRun(info, *row, name);
    }
}

void Importer::importRun(const QFileInfo &folder, qint64 experimentId,
                         const QString &experimentName)
{
    const QDir dir(folder.filePath());
    const QString metaPath = dir.filePath(u"meta.yaml"_s);
    const auto meta = readMeta(folder.filePath());
    if (!meta) {
        ++report.runsFailed;
        return;
    }
    const QString runId = meta->value(u"run_id"_s, meta->value(u"run_uuid"_s));
    if (runId.isEmpty() || runId != folder.fileName()) {
        problem(metaPath, 0,
                runId.isEmpty()
                    ? MlflowImport::tr("no run_id; the run was skipped")
                    : MlflowImport::tr("run_id %1 does not match the run's folder; the run was "
                                       "skipped")
                          .arg(runId));
        ++report.runsFailed;
        return;
    }
    if (meta->value(u"lifecycle_stage"_s) == u"deleted"_s) {
        ++report.runsDeleted;
        return;
    }

    RunData run;
    run.id = u"mlflow-"_s + runId;
    Query known = m_db.query("SELECT state FROM runs WHERE id = ?1;");
    known.bind(1, run.id);
    auto exists = known.next();
    if (!exists) {
        problem(folder.filePath(), 0, exists.error().message);
        ++report.runsFailed;
        return;
    }
    // A run that was still going at the last import is read again and replaces the old copy;
    // an ended one cannot change any more.
    if (exists.value()) {
        const QString state = known.text(0);
        if (state != u"running"_s && state != u"pending"_s) {
            ++report.runsAlreadyImported;
            return;
        }
        run.replaces = true;
    }

    // RunStatus in mlflow/entities/run_status.py; older stores may hold the name.
    const QString status = meta->value(u"status"_s).toUpper();
    if (status == u"3"_s || status == u"FINISHED"_s) {
        run.state = u"succeeded"_s;
    } else if (status == u"4"_s || status == u"FAILED"_s) {
        run.state = u"failed"_s;
    } else if (status == u"5"_s || status == u"KILLED"_s) {
        run.state = u"stopped"_s;
    } else if (status == u"1"_s || status == u"RUNNING"_s) {
        // Kept as MLflow had it; Atelier does not follow it (no runner of ours, so it is
        // never reaped), and its duration stays unknown rather than counting up to now.
        run.state = u"running"_s;
        run.message = MlflowImport::tr("running in MLflow when imported; import the store again "
                                       "to bring it up to date");
    } else if (status == u"2"_s || status == u"SCHEDULED"_s) {
        run.state = u"pending"_s;
        run.message = MlflowImport::tr("scheduled in MLflow when imported; import the store again "
                                       "to bring it up to date");
    } else {
        problem(metaPath, 0,
                MlflowImport::tr("unknown run status \"%1\"; the run was skipped").arg(status));
        ++report.runsFailed;
        return;
    }
    run.start = millis(meta->value(u"start_time"_s));
    run.end = millis(meta->value(u"end_time"_s));
    run.params = readValues(dir.filePath(u"params"_s));
    run.tags = readValues(dir.filePath(u"tags"_s));
    run.runName = meta->value(u"run_name"_s);
    if (run.runName.isEmpty()) {
        for (const KeyValue &tag : std::as_const(run.tags)) {
            if (tag.key == u"mlflow.runName"_s)
                run.runName = tag.value;
        }
    }
    run.points = readMetrics(dir.filePath(u"metrics"_s));

    if (Status written = write(run, experimentId, experimentName); !written) {
        problem(folder.filePath(), 0,
                MlflowImport::tr("the run could not be written: %1").arg(written.error().message));
        ++report.runsFailed;
        return;
    }
    ++(run.replaces ? report.runsUpdated : report.runsImported);
    report.params += int(run.params.size());
    report.tags += int(run.tags.size());
    report.metricPoints += run.points.size();
}

Status Importer::write(const RunData &run, qint64 experimentId, const QString &experimentName)
{
    return m_db.transaction([&]() -> Status {
        if (run.replaces) {
            // The row itself stays (models registered from it keep their lineage); what it
            // holds is written anew.
            for (const char *sql : {"DELETE FROM run_params WHERE run_id = ?1;",
                                    "DELETE FROM run_tags WHERE run_id = ?1;",
                                    "DELETE FROM metrics WHERE run_id = ?1;"}) {
                if (Status removed = m_db.query(sql).bind(1, run.id).exec(); !removed)
                    return removed;
            }
        }
        const QString created = timeText(run.start ? run.start : run.end);
        Status inserted =
            m_db.query("INSERT INTO runs (id, pipeline, pipeline_name, state, pool, created_at, "
                       "started_at, finished_at, message, experiment_id, run_name, source) "
                       "VALUES (?1, ?2, ?3, ?4, 'mlflow', ?5, ?6, ?7, ?8, ?9, ?10, 'mlflow') "
                       "ON CONFLICT (id) DO UPDATE SET state = excluded.state, "
                       "created_at = excluded.created_at, started_at = excluded.started_at, "
                       "finished_at = excluded.finished_at, message = excluded.message, "
                       "experiment_id = excluded.experiment_id, run_name = excluded.run_name;")
                .bind(1, run.id)
                .bind(2, u"mlflow:"_s + experimentName)
                .bind(3, experimentName)
                .bind(4, run.state)
                .bind(5, created.isEmpty()
                             ? QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)
                             : created)
                .bind(6, nullable(timeText(run.start)))
                .bind(7, nullable(timeText(run.end)))
                .bind(8, nullable(run.message))
                .bind(9, experimentId)
                .bind(10, nullable(run.runName))
                .exec();
        if (!inserted)
            return inserted;
        for (const KeyValue &param : run.params) {
            Status done =
                m_db.query("INSERT INTO run_params (run_id, key, value) VALUES (?1, ?2, ?3);")
                    .bind(1, run.id)
                    .bind(2, param.key)
                    .bind(3, param.value)
                    .exec();
            if (!done)
                return done;
        }
        for (const KeyValue &tag : run.tags) {
            Status done =
                m_db.query("INSERT INTO run_tags (run_id, key, value) VALUES (?1, ?2, ?3);")
                    .bind(1, run.id)
                    .bind(2, tag.key)
                    .bind(3, tag.value)
                    .exec();
            if (!done)
                return done;
        }
        return MetricsStore(m_db).append(run.id, QString(), run.points);
    });
}

} // namespace

Result<MlflowImportReport> MlflowImport::importStore(Database &db, const QString &mlrunsDir)
{
    Importer importer(db, mlrunsDir);
    if (Status done = importer.run(); !done)
        return done.error();
    return importer.report;
}

} // namespace atelier
