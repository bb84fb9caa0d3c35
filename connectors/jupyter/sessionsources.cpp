#include "jupyter/sessionsources.h"

#include "core/workspace.h"
#include "datasets/datasetcatalog.h"
#include "datasets/datasetcontext.h"
#include "datasets/datasetversionstore.h"
#include "datasets/formatregistry.h"
#include "registry/modelregistry.h"
#include "runs/runstore.h"
#include "serving/modelservices.h"

#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

const QStringList kKinds = {u"dataset"_s, u"model"_s, u"run"_s, u"path"_s};

Status emptyFolder(const QString &folder)
{
    QDir dir(folder);
    if ((dir.exists() && !dir.removeRecursively()) || !QDir().mkpath(folder))
        return makeError(
            ErrorCode::Io,
            SessionSources::tr("Cannot prepare %1.").arg(QDir::toNativeSeparators(folder)));
    return {};
}

} // namespace

Result<SessionSources::Available> SessionSources::available(Workspace &workspace, int runs)
{
    Available found;
    DatasetContext context(workspace.catalog(), workspace.root());
    const auto datasets = DatasetCatalog(context).datasets();
    if (!datasets)
        return datasets.error();
    for (const DatasetInfo &dataset : datasets.value()) {
        found.datasets << u"dataset:"_s + dataset.name;
        const auto versions = DatasetVersionStore(context).versions(dataset.name);
        if (!versions)
            return versions.error();
        for (const DatasetVersion &version : versions.value())
            found.datasets << u"dataset:%1@%2"_s.arg(dataset.name).arg(version.number);
    }
    const auto models = ModelRegistry(workspace.catalog(), workspace.root()).versions();
    if (!models)
        return models.error();
    QStringList named;
    for (const ModelVersionRecord &version : models.value()) {
        if (!named.contains(version.model)) { // newest first: the model's own name
            named << version.model;
            found.models << u"model:"_s + version.model;
        }
        found.models << u"model:%1:%2"_s.arg(version.model).arg(version.version);
        for (const QString &alias : version.aliases)
            found.models << u"model:%1@%2"_s.arg(version.model, alias);
    }
    RunStore runStore(workspace.catalog());
    const auto recent = runStore.runs(runs);
    if (!recent)
        return recent.error();
    for (const RunRecord &run : recent.value()) {
        const auto tasks = runStore.tasks(run.id);
        if (!tasks)
            return tasks.error();
        for (const TaskRecord &task : tasks.value())
            if (!task.outputsDir.isEmpty() && QFileInfo(task.outputsDir).isDir())
                found.runs << u"run:%1/%2"_s.arg(run.id, task.nodeId);
    }
    return found;
}

QString SessionSources::nativeFormat(const QString &task)
{
    if (task == u"classification"_s)
        return u"folder"_s;
    if (task == u"detection"_s || task == u"segmentation"_s)
        return u"coco"_s;
    return u"jsonl"_s; // every text task
}

Status SessionSources::check(const QString &source)
{
    const QString kind = source.section(u':', 0, 0);
    const QString rest = source.section(u':', 1);
    if (!source.contains(u':') || !kKinds.contains(kind) || rest.isEmpty())
        return makeError(ErrorCode::Invalid,
                         tr("'%1' is not a source: use dataset:NAME[@VERSION], "
                            "model:NAME[:V|@ALIAS], run:RUN/NODE[/PORT] or path:DIR.")
                             .arg(source));
    if (kind == u"run"_s && (rest.count(u'/') < 1 || rest.count(u'/') > 2))
        return makeError(
            ErrorCode::Invalid,
            tr("'%1': a run output is run:RUN/NODE or run:RUN/NODE/PORT.").arg(source));
    return {};
}

Result<QString> SessionSources::prepare(Workspace &workspace, const QString &source,
                                        const QString &staging)
{
    if (const Status ok = check(source); !ok)
        return ok.error();
    const QString kind = source.section(u':', 0, 0);
    const QString rest = source.section(u':', 1);
    if (kind == u"path"_s) {
        const QFileInfo info(rest);
        if (!info.isDir())
            return makeError(ErrorCode::NotFound,
                             tr("%1 is not a folder.").arg(QDir::toNativeSeparators(rest)));
        return info.canonicalFilePath();
    }
    if (kind == u"run"_s) {
        const QStringList parts = rest.split(u'/');
        RunStore runs(workspace.catalog());
        const auto tasks = runs.tasks(parts.at(0));
        if (!tasks)
            return tasks.error();
        for (const TaskRecord &task : tasks.value()) {
            if (task.nodeId != parts.at(1))
                continue;
            const QString folder =
                parts.size() == 3 ? QDir(task.outputsDir).filePath(parts.at(2)) : task.outputsDir;
            if (task.outputsDir.isEmpty() || !QFileInfo(folder).isDir())
                return makeError(ErrorCode::NotFound,
                                 tr("Task %1 of run %2 has no output folder %3 (state: %4).")
                                     .arg(parts.at(1), parts.at(0),
                                          QDir::toNativeSeparators(folder), task.state));
            return QFileInfo(folder).canonicalFilePath();
        }
        return makeError(ErrorCode::NotFound,
                         tr("Run %1 has no task %2.").arg(parts.at(0), parts.at(1)));
    }
    if (const Status ok = emptyFolder(staging); !ok)
        return ok.error();
    if (kind == u"model"_s) {
        const Result<ModelVersionRecord> version =
            ModelRegistry(workspace.catalog(), workspace.root()).resolve(rest);
        if (!version)
            return version.error();
        if (const Status ok = ModelServices::materialise(workspace, version->id, staging); !ok)
            return ok.error();
        return staging;
    }
    DatasetContext context(workspace.catalog(), workspace.root());
    const Result<DatasetInfo> dataset = DatasetCatalog(context).dataset(rest.section(u'@', 0, 0));
    if (!dataset)
        return dataset.error();
    ExportOptions options;
    options.format = nativeFormat(toString(dataset->task));
    const Result<ExportReport> exported = exportDataset(context, rest, staging, options);
    if (!exported)
        return exported.error();
    return staging;
}

} // namespace atelier
