#pragma once

// RunExecutor's state, shared by the files it is split into (runexecutor.cpp: scheduling and
// task states; runexecutorlaunch.cpp: a task's command, cache key and container). Not a
// public header: only those files include it.

#include "pipeline/runexecutor.h"

#include "catalog/database.h"
#include "environments/environmentspec.h"
#include "pipeline/connector.h"
#include "pipeline/templatelibrary.h"
#include "runs/metricsparser.h"

#include <QDir>
#include <QHash>
#include <QSet>
#include <QTimer>

#include <deque>

namespace atelier {

struct RunExecutor::Private
{
    struct Task
    {
        NodeSpec node;
        TemplateSpec spec;
        TaskRecord record;
        bool selected = true;
        int unmet = 0;                     // selected upstream nodes not finished yet
        QList<int> downstream;             // distinct
        QList<QPair<QString, int>> inputs; // input port → upstream task index
        QList<QString> inputFromPort;      // parallel to inputs: the upstream's output port
        ResourceSpec need;
        QString pool;          // the pool it runs on
        QList<int> gpus;       // held while running
        bool prepared = false; // launch and cache key worked out (once per run)
        TaskLaunch launch;
        MetricsParser metrics; // what its metrics.jsonl held so far
        qint64 metricsOffset = 0;
        EnvironmentSpec environment; // node > pipeline > template; host when no image
    };

    /// One pool the run uses: its connector and what is free in it.
    struct Pool
    {
        Connector *connector = nullptr;
        PoolCapacity capacity;
        int freeCpus = 0;
        qint64 freeMemoryMb = 0;
        QList<int> freeGpus;
    };

    Database &db;
    RunStore store;
    const TemplateLibrary &library;
    Connector &connector; // the default pool
    QList<Connector *> connectors;
    QHash<QString, Pool> pools; // by name, the pools this run uses
    RunRequest request;
    RunRecord run;
    QList<Task> tasks;
    QHash<QString, int> index;
    std::deque<int> queue;
    QSet<int> running;
    int retriesWaiting = 0;
    bool stopping = false;
    bool finished = false;
    bool catalogWarned = false;
    QString catalogError; ///< the first failed catalog write
    QTimer stopPoll;
    QTimer metricsPoll;
    QMap<QString, QString> variables;
    QHash<QString, QString> templateHashes; // template folder → content hash

    Private(Database &database, const TemplateLibrary &lib, Connector &conn)
        : db(database), store(database), library(lib), connector(conn), connectors{&conn}
    {
    }

    QString runDir() const
    {
        return QDir(request.workspaceRoot).filePath(QStringLiteral("runs/") + run.id);
    }
    /// In the workspace, or in the pool's staging folder (then runs/<run>/<node> links to it).
    QString taskDir(const Task &task) const
    {
        const Connector *pool = pools.value(task.pool).connector;
        const QString root = pool ? pool->taskRoot() : QString();
        if (root.isEmpty())
            return QDir(runDir()).filePath(task.node.id);
        return QDir(root).filePath(run.id + u'/' + task.node.id);
    }
    Connector &connectorOf(const Task &task) { return *pools.value(task.pool).connector; }
    QString taskKey(const Task &task) const { return run.id + u'/' + task.node.id; }
};

} // namespace atelier
