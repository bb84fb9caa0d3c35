#pragma once

#include "core/result.h"
#include "core/workspace.h"
#include "environments/environmentspec.h"
#include "local/localmachine.h"
#include "pipeline/connector.h"
#include "runs/runstore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

namespace atelier {

/// One pool row of the catalog.
struct PoolRow
{
    QString name;
    QString kind;
    QString state;
    QString reason;                       ///< why it is abnormal, from the last check
    std::optional<PoolCapacity> capacity; ///< from the last check
    QDateTime checkedAt;
    QString address; ///< a cluster's slurmrestd URL
};

/// One file or folder the views list, with a detail line.
struct ListedEntry
{
    QString name;
    QString detail;
    QString path;
    QDateTime modified;
};

/// Everything the views show of a workspace, read on a worker thread in one go so the GUI
/// thread never touches the disk.
struct WorkspaceSnapshot
{
    Q_DECLARE_TR_FUNCTIONS(WorkspaceSnapshot)

public:
    WorkspaceInfo info;
    QList<PoolRow> pools;
    QList<ListedEntry> pipelines;  ///< repo/pipelines/*.json
    QList<ListedEntry> history;    ///< commits of repo/, newest first
    QList<ListedEntry> sampleData; ///< the demo files ready to import
    QList<RunRecord> runs;         ///< runs of the catalog, newest first
    MachineResources machine;
    QList<ImageInfo> images; ///< podman's images, which nodes may run in (`atelier image list`)
    QString imagesError;     ///< why there is no list (podman missing or failing); empty: fine

    /// Opens (and migrates) the workspace at \a path and reads what the views show.
    /// Blocking: call it from a worker thread.
    static Result<WorkspaceSnapshot> load(const QString &path);
    /// A run state in the user's language.
    static QString runStateText(const QString &state);
};

} // namespace atelier
