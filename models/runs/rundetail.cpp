#include "runs/rundetail.h"

#include "catalog/database.h"
#include "core/workspace.h"
#include "pipeline/pipelinedocument.h"
#include "pipeline/pipelinestore.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace atelier {

Result<RunDetail> RunDetail::load(const QString &workspaceRoot, const QString &runId)
{
    auto workspace = Workspace::open(workspaceRoot);
    if (!workspace)
        return workspace.error();
    RunStore runs(workspace->catalog());
    RunDetail detail;
    auto run = runs.run(runId);
    if (!run)
        return run.error();
    detail.run = run.value();
    auto tasks = runs.tasks(runId);
    if (!tasks)
        return tasks.error();
    detail.tasks = tasks.value();

    // The pipeline as it ran (its snapshot in the run folder): variables and node params.
    {
        if (auto doc = RunSnapshot::pipelineOf(workspaceRoot, workspace->runsPath(), detail.run);
            doc) {
            for (auto it = doc->variables.begin(); it != doc->variables.end(); ++it)
                detail.params.insert(u"variables."_s + it.key(), it.value());
            for (const NodeSpec &node : doc->nodes) {
                if (!node.name.isEmpty())
                    detail.nodeNames.insert(node.id, node.name);
                for (auto it = node.params.begin(); it != node.params.end(); ++it)
                    detail.params.insert(
                        node.id + u'.' + it.key(),
                        it.value().isString()
                            ? it.value().toString()
                            : QString::fromUtf8(QJsonDocument(QJsonArray{it.value()})
                                                    .toJson(QJsonDocument::Compact))
                                  .mid(1)
                                  .chopped(1));
            }
        }
    }
    for (auto it = detail.run.variables.begin(); it != detail.run.variables.end(); ++it)
        detail.params.insert(u"variables."_s + it.key(), it.value().toString()); // --set wins
    Status params =
        workspace->catalog()
            .query("SELECT key, value FROM run_params WHERE run_id = ?1;")
            .bind(1, runId)
            .forEach([&](const Query &row) { detail.params.insert(row.text(0), row.text(1)); });
    if (!params)
        return params.error();

    MetricsStore metrics(workspace->catalog());
    auto summaries = metrics.summaries(runId);
    if (!summaries)
        return summaries.error();
    detail.summaries = summaries.value();
    // A cached task ran nothing here: it stands for the task whose outputs it reused, so the
    // metrics that task reported are shown for this run too, marked as coming from there.
    auto reused = runs.reusedTasks(runId);
    if (!reused)
        return reused.error();
    detail.reused = reused.value();
    QSet<QString> keys;
    for (const MetricSummary &summary : std::as_const(detail.summaries))
        keys.insert(summary.key);
    for (const ReusedTask &task : std::as_const(detail.reused)) {
        auto theirs = metrics.summaries(task.fromRunId, task.fromNodeId);
        if (!theirs)
            return theirs.error();
        for (MetricSummary summary : theirs.value()) {
            if (keys.contains(summary.key))
                continue;
            keys.insert(summary.key);
            summary.fromRunId = task.fromRunId;
            detail.summaries.append(summary);
        }
    }
    std::sort(detail.summaries.begin(), detail.summaries.end(),
              [](const MetricSummary &a, const MetricSummary &b) { return a.key < b.key; });
    detail.malformedLines = metrics.malformed(runId).value_or(0);

    Status models =
        workspace->catalog()
            .query("SELECT m.name, v.version FROM model_versions v JOIN models m ON "
                   "m.id = v.model_id WHERE v.run_id = ?1 ORDER BY m.name, v.version;")
            .bind(1, runId)
            .forEach([&](const Query &row) {
                detail.registeredModels.append(u"%1:%2"_s.arg(row.text(0)).arg(row.int64(1)));
            });
    if (!models)
        return models.error();

    for (const TaskRecord &task : std::as_const(detail.tasks)) {
        if (task.outputsDir.isEmpty() || !QFileInfo(task.outputsDir).isDir())
            continue;
        const QDir base(task.outputsDir);
        QDirIterator it(task.outputsDir, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext() && detail.artifacts.size() < 5000) {
            const QFileInfo file(it.next());
            detail.artifacts.append({task.nodeId, base.relativeFilePath(file.filePath()),
                                     file.filePath(), file.size()});
        }
    }
    return detail;
}

QString expandRecordedParam(const QString &value, const QString &workspaceRoot,
                            const QMap<QString, QString> &params)
{
    if (!value.contains(u"{{"_s))
        return value;
    static const QRegularExpression braces(u"\\{\\{\\s*([A-Za-z0-9_.]+)\\s*\\}\\}"_s);
    QString out;
    qsizetype last = 0;
    for (auto it = braces.globalMatch(value); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        const QString name = match.captured(1);
        QString replacement = match.captured(0);
        if (name == u"workspace"_s && !workspaceRoot.isEmpty())
            replacement = QDir::toNativeSeparators(workspaceRoot);
        else if (name.startsWith(u"variables."_s) && params.contains(name))
            replacement = params.value(name);
        out += value.mid(last, match.capturedStart() - last);
        out += replacement;
        last = match.capturedEnd();
    }
    return out + value.mid(last);
}

Result<QList<MetricPoint>> runMetricPoints(Database &db, const QString &runId, const QString &key,
                                           QString *fromRunId)
{
    if (fromRunId)
        fromRunId->clear();
    MetricsStore metrics(db);
    auto points = metrics.points(runId, key);
    if (!points || !points->isEmpty())
        return points;
    auto reused = RunStore(db).reusedTasks(runId);
    if (!reused)
        return reused.error();
    for (const ReusedTask &task : std::as_const(reused.value())) {
        auto theirs = metrics.points(task.fromRunId, key, task.fromNodeId);
        if (!theirs)
            return theirs.error();
        if (!theirs->isEmpty()) {
            if (fromRunId)
                *fromRunId = task.fromRunId;
            return theirs;
        }
    }
    return points;
}

QString LogPage::stripAnsi(const QString &text)
{
    static const QRegularExpression escapes(
        u"\x1b(?:\\[[0-9;?]*[ -/]*[@-~]|\\][^\x07\x1b]*(?:\x07|\x1b\\\\)|[@-Z\\\\-_])"_s);
    QString clean = text;
    clean.remove(escapes);
    return clean;
}

QString RunDetail::taskLogPath(const QString &workspaceRoot, const QString &nodeId,
                               const QString &stream, QString *fromRunId) const
{
    for (const ReusedTask &task : reused) {
        if (task.nodeId != nodeId)
            continue;
        if (fromRunId)
            *fromRunId = task.fromRunId;
        return atelier::taskLogPath(workspaceRoot, task.fromRunId, task.fromNodeId, stream);
    }
    if (fromRunId)
        fromRunId->clear();
    return atelier::taskLogPath(workspaceRoot, run.id, nodeId, stream);
}

QString taskLogPath(const QString &workspaceRoot, const QString &runId, const QString &nodeId,
                    const QString &stream)
{
    return QDir(workspaceRoot).filePath(u"runs/%1/%2/%3"_s.arg(runId, nodeId, stream));
}

Result<PipelineDocument> RunSnapshot::pipelineOf(const QString &workspaceRoot,
                                                 const QString &runsPath, const RunRecord &run)
{
    auto doc = PipelineDocument::load(QDir(runsPath).filePath(run.id + u"/pipeline.json"_s));
    if (!doc && !run.commitId.isEmpty())
        doc = PipelineStore(workspaceRoot).load(run.pipeline, run.commitId);
    return doc;
}

Result<RunSnapshot> RunSnapshot::load(const QString &workspaceRoot, const QString &runId)
{
    auto workspace = Workspace::open(workspaceRoot);
    if (!workspace)
        return workspace.error();
    RunStore runs(workspace->catalog());
    auto run = runs.run(runId);
    if (!run)
        return run.error();
    RunSnapshot snapshot;
    snapshot.run = run.value();
    if (auto tasks = runs.tasks(runId))
        snapshot.tasks = tasks.value();
    auto doc = pipelineOf(workspaceRoot, workspace->runsPath(), snapshot.run);
    if (!doc)
        return makeError(
            doc.error().code,
            tr("The pipeline of run %1 cannot be shown: %2").arg(runId, doc.error().message));
    snapshot.document = doc.value();
    return snapshot;
}

Result<LogPage> LogPage::read(const QString &path, qint64 offset, qint64 maxBytes)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(file.exists() ? ErrorCode::Io : ErrorCode::NotFound,
                         tr("Cannot read %1: %2").arg(path, file.errorString()));
    LogPage page;
    page.fileSize = file.size();
    page.offset = offset < 0 ? std::max<qint64>(0, page.fileSize - maxBytes)
                             : std::min(offset, page.fileSize);
    file.seek(page.offset);
    QByteArray bytes = file.read(maxBytes);
    if (page.offset > 0) { // start at a whole line
        const qsizetype newline = bytes.indexOf('\n');
        if (newline >= 0) {
            bytes.remove(0, newline + 1);
            page.offset += newline + 1;
        }
    }
    page.text = stripAnsi(QString::fromUtf8(bytes));
    return page;
}

} // namespace atelier
