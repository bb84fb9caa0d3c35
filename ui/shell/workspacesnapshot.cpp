#include "shell/workspacesnapshot.h"

#include "catalog/database.h"
#include "containers/podman.h"
#include "core/leftovers.h"
#include "pipeline/pipelinedocument.h"
#include "pools/poolstore.h"
#include "runs/runstore.h"
#include "versioning/gitrepository.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

int countFiles(const QString &dir, const QStringList &patterns)
{
    int count = 0;
    QDirIterator it(dir, patterns, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        ++count;
    }
    return count;
}

} // namespace

QString WorkspaceSnapshot::runStateText(const QString &state)
{
    if (state == u"pending"_s)
        return tr("pending");
    if (state == u"running"_s)
        return tr("running");
    if (state == u"succeeded"_s)
        return tr("succeeded");
    if (state == u"failed"_s)
        return tr("failed");
    if (state == u"stopped"_s)
        return tr("stopped");
    // Task states too (the run detail's timeline and log list).
    if (state == u"queued"_s)
        return tr("queued");
    if (state == u"skipped"_s)
        return tr("skipped");
    if (state == u"cached"_s)
        return tr("cached");
    if (state == u"lost"_s)
        return tr("lost");
    return state;
}

Result<WorkspaceSnapshot> WorkspaceSnapshot::load(const QString &path)
{
    auto workspace = Workspace::open(path);
    if (!workspace)
        return workspace.error();
    WorkspaceSnapshot snapshot;
    auto info = workspace->info();
    if (!info)
        return info.error();
    snapshot.info = info.value();

    auto pools = PoolStore(workspace->catalog()).list();
    if (!pools)
        return pools.error();
    for (const PoolRecord &pool : pools.value())
        snapshot.pools.append({pool.name, pool.kind, pool.state, pool.reason, pool.capacity,
                               pool.checkedAt, pool.slurm.displayUrl()});

    const QDir pipelines(QDir(workspace->repoPath()).filePath(u"pipelines"_s));
    for (const QFileInfo &file : pipelines.entryInfoList({u"*.json"_s}, QDir::Files, QDir::Name)) {
        auto doc = PipelineDocument::load(file.filePath());
        QString detail =
            doc ? tr("%n nodes", nullptr, int(doc->nodes.size())) : doc.error().message;
        if (doc && doc->schedule)
            detail += u" · "_s + tr("schedule %1").arg(doc->schedule->cron);
        snapshot.pipelines.append({doc ? doc->name : file.completeBaseName(), detail,
                                   file.filePath(), file.lastModified()});
    }

    if (auto repo = workspace->repository(); repo) {
        if (auto commits = repo->history({}, 50); commits) {
            for (const CommitInfo &commit : commits.value())
                snapshot.history.append({commit.summary,
                                         tr("%1 · %2").arg(commit.id.left(8), commit.authorName),
                                         commit.id, commit.time});
        }
    }

    const QString demo = workspace->demoPath();
    if (QFileInfo(demo).isDir()) {
        const QDir base(demo);
        const QString classification = base.filePath(u"images/classification"_s);
        const QString detection = base.filePath(u"images/detection"_s);
        const QString text = base.filePath(u"text/sentences.jsonl"_s);
        const int classes =
            int(QDir(classification).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size());
        snapshot.sampleData.append(
            {tr("Shapes — image classification"),
             tr("%n images", nullptr, countFiles(classification, {u"*.png"_s})) + u" · "_s +
                 tr("%n classes", nullptr, classes),
             classification, QFileInfo(classification).lastModified()});
        snapshot.sampleData.append({tr("Shapes — object detection (COCO)"),
                                    tr("%n images", nullptr, countFiles(detection, {u"*.png"_s})),
                                    detection, QFileInfo(detection).lastModified()});
        QFile sentences(text);
        int lines = 0;
        if (sentences.open(QIODevice::ReadOnly)) {
            while (!sentences.atEnd())
                lines += sentences.readLine().trimmed().isEmpty() ? 0 : 1;
        }
        snapshot.sampleData.append({tr("Sentences — text classification and entities"),
                                    tr("%n sentences, English and Chinese", nullptr, lines), text,
                                    QFileInfo(text).lastModified()});
    }

    // Off the GUI thread (MainWindow loads the snapshot with QtConcurrent): ending a killed
    // runner's groups may wait a few seconds.
    (void)Leftovers::reap(workspace->catalog());
    RunStore runStore(workspace->catalog());
    auto runs = runStore.runs(100);
    if (!runs)
        return runs.error();
    snapshot.runs = runs.value();

    snapshot.machine = LocalMachine::probe();
    if (auto images = Podman::listImages(); images)
        snapshot.images = images.value();
    else
        snapshot.imagesError = images.error().message;
    return snapshot;
}

} // namespace atelier
