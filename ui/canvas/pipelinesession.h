#pragma once

#include "canvas/runcontroller.h"
#include "pipeline/pipelinedocument.h"
#include "pipeline/templatelibrary.h"
#include "runs/runstore.h"
#include "versioning/gitrepository.h"

#include <QObject>
#include <QStringList>

#include <optional>

namespace atelier {

class GraphModel;

/// The pipeline being edited, apart from the widgets that show it: the workspace, which saved
/// pipeline it is (its slug) among those there are, reading, saving and restoring its versions
/// on a worker, a run asked for before a save, and how much work is in flight. The Pipelines
/// view observes its signals; it holds no widget.
///
/// Answers of a workspace that has since been left are dropped.
class PipelineSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PipelineSession)

public:
    /// The pipelines of a workspace and its template library, as read on a worker.
    struct Listing
    {
        QStringList slugs;
        QStringList names; ///< display names, one per slug
        TemplateLibrary library;
    };
    /// A saved pipeline as in the working tree, with its latest run (if any) and its tasks.
    struct Opened
    {
        PipelineDocument doc;
        RunRecord latestRun;
        QList<TaskRecord> tasks;
    };
    /// A run asked for while there were unsaved edits: started once they are saved.
    struct PendingRun
    {
        RunController::Mode mode = RunController::Mode::All;
        QString node;
    };

    /// \a model is the document being edited (not owned; it outlives the session).
    explicit PipelineSession(GraphModel *model, QObject *parent = nullptr);

    /// Switches to \a workspaceRoot: no pipeline is current, none are known until listed.
    /// The same workspace again changes nothing. Returns true when it was another one.
    bool setWorkspace(const QString &workspaceRoot);
    QString workspaceRoot() const { return m_root; }
    /// The pipeline last used in this workspace (to open once listed), empty if none.
    QString rememberedSlug() const;

    /// The saved pipeline being edited; empty for a new one not saved yet.
    QString slug() const { return m_slug; }
    /// Makes \a slug the pipeline being edited (remembered as the last used when not empty).
    void setSlug(const QString &slug);
    /// Slugs of the saved pipelines, as last listed (and saved since).
    QStringList slugs() const { return m_slugs; }
    /// True when saving the document would overwrite another saved pipeline.
    bool isTaken(const QString &slug) const { return slug != m_slug && m_slugs.contains(slug); }

    /// Unsaved edits: changes since the last save, or a new pipeline never saved.
    bool isModified() const;
    /// True while work of the session (or counted with beginWork()) is in flight.
    bool isBusy() const { return m_busy > 0; }
    /// Counts work on behalf of the session's view (a read it does itself) as busy.
    void beginWork();
    void endWork();

    /// Reads the pipelines and templates of the workspace; emits listed().
    void list();
    /// Reads the saved pipeline \a slug and its latest run; emits opened() or failed().
    void open(const QString &slug);
    /// Saves the document as a new version with \a message; emits saved(), then runReady()
    /// when a run was pending, or failed() (which also drops the pending run).
    void save(const QString &message);
    /// Makes \a commitId the newest version of the current pipeline again; emits restored().
    void restore(const QString &commitId);

    /// Asks for a run once the edits are saved (see save()).
    void setPendingRun(const PendingRun &run) { m_pendingRun = run; }
    void dropPendingRun() { m_pendingRun.reset(); }
    std::optional<PendingRun> pendingRun() const { return m_pendingRun; }

    /// Who the versions are by: the annotator name of the settings.
    static GitSignature author();

Q_SIGNALS:
    void busyChanged(bool busy);
    void listed(const atelier::PipelineSession::Listing &listing);
    void opened(const QString &slug, const atelier::PipelineSession::Opened &opened);
    /// \a added: the slug was not among the saved pipelines before (new, or renamed);
    /// \a problems: what a run of the version saved would refuse.
    void saved(const QString &commitId, bool added, const QStringList &problems);
    /// A pending run can start now: its pipeline is saved.
    void runReady(const QString &slug, const atelier::PipelineSession::PendingRun &run);
    void restored(const QString &commitId, const QString &fromCommitId);
    /// Something went wrong; \a message says what and what to do.
    void failed(const QString &message);

private:
    void refuse(const QString &message);

    GraphModel *m_model;
    QString m_root;
    QString m_slug;
    QStringList m_slugs;
    int m_busy = 0;
    std::optional<PendingRun> m_pendingRun;
};

} // namespace atelier
