#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace atelier {

class Workspace;

/// The data sources a session binds read-only as input0…input4 (issue #18):
///  - `dataset:NAME[@VERSION]`: the items as files plus the annotations, exported in the
///    dataset's native format (classification: folder; detection and segmentation: coco;
///    text: jsonl) through the datasets' own export code;
///  - `model:NAME[:V|@ALIAS]`: the version's files, linked from the object store;
///  - `run:RUN/NODE[/PORT]`: the task's outputs folder (or one port of it);
///  - `path:DIR`: a folder of this machine.
/// Blocking (exports, disk): the command line or a worker thread.
class SessionSources final
{
    Q_DECLARE_TR_FUNCTIONS(SessionSources)

public:
    /// Checks the form of \a source without touching the catalog.
    static Status check(const QString &source);
    /// The folder to bind for \a source: a dataset or a model is written into \a staging (made
    /// empty first); a run's output or a path is used where it is.
    static Result<QString> prepare(Workspace &workspace, const QString &source,
                                   const QString &staging);
    /// What can be bound now, by kind, as SOURCE texts: each dataset (current and each version),
    /// each model (newest, each version, each alias), each task output of the newest runs.
    struct Available
    {
        QStringList datasets;
        QStringList models;
        QStringList runs;
    };
    static Result<Available> available(Workspace &workspace, int runs = 20);
    /// The export format a dataset of \a media / \a task is bound in.
    static QString nativeFormat(const QString &task);
};

} // namespace atelier
