#include "sessions/sessionsources.h"

#include "core/workspace.h"
#include "datasets/datasetstore.h"
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
    DatasetStore store(workspace.catalog(), workspace.root());
    const Result<DatasetInfo> dataset = store.dataset(rest.section(u'@', 0, 0));
    if (!dataset)
        return dataset.error();
    ExportOptions options;
    options.format = nativeFormat(toString(dataset->task));
    const Result<ExportReport> exported = exportDataset(store, rest, staging, options);
    if (!exported)
        return exported.error();
    return staging;
}

} // namespace atelier
