#pragma once

#include "canvas/pipelinesession.h"
#include "canvas/runcontroller.h"
#include "pipeline/graphmodel.h"
#include "pipeline/pipelinediff.h"
#include "pipeline/pipelinedocument.h"
#include "pipeline/templatelibrary.h"

#include <QMainWindow>
#include <QPointer>
#include <QStringList>

#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QStackedWidget;
class QTimer;
class QToolBar;
class QTreeWidget;

namespace atelier {

class CanvasScene;
class CanvasView;
class PropertiesPanel;
class QuickAddPopup;
class RunOverlay;
class TemplatePalette;
class VersionsPanel;

/// The Pipelines view: pick or make a pipeline, edit it on the canvas (palette on the left,
/// properties on the right), save versions, compare and restore them, run it (all, from a
/// node, one node) and watch its nodes change state, open a past run as it was, schedule it.
/// Every disk, git and catalog read runs on a worker thread.
///
/// A run uses the saved pipeline: when there are unsaved edits, Run first asks for a version
/// message and saves (cancelling the message cancels the run).
class PipelineEditor final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PipelineEditor)

public:
    explicit PipelineEditor(QWidget *parent = nullptr);
    ~PipelineEditor() override;

    /// Shows the pipelines of \a workspaceRoot (read on a worker) and opens the last one used,
    /// or the first. The same workspace again only refreshes the list and the templates.
    void setWorkspace(const QString &workspaceRoot, const QStringList &pools = {});
    /// The images the node properties offer as environments (WorkspaceSnapshot::images).
    void setImages(QStringList images);
    /// Opens the saved pipeline \a slug as in the working tree, with the states of its latest
    /// run. Unsaved edits of the pipeline shown are dropped: ask first (maybeDiscard()).
    void openPipeline(const QString &slug);
    /// A new, empty pipeline called \a name (saved on the first Save).
    Status newPipeline(const QString &name);
    /// Shows run \a runId read-only: the pipeline as it was at that run, with its final states.
    void openRun(const QString &runId);
    /// Leaves a read-only view (a past run, a comparison) for the pipeline being edited.
    void backToEditing();

    /// Saves the pipeline as a new version with \a message (on a worker); emits saved().
    void save(const QString &message);
    /// Runs the saved pipeline; From and Only use the selected node.
    void run(RunController::Mode mode);
    void stopRun();
    /// Makes \a commitId the newest version again (a new commit) and reloads the pipeline.
    void restoreVersion(const QString &commitId);
    /// Applies \a schedule (nothing: unscheduled) as one undoable change.
    void applySchedule(const std::optional<ScheduleSpec> &schedule);

    /// Asks what to do with unsaved edits; true when it is fine to drop them now.
    bool maybeDiscard();
    void setAtelierBinary(const QString &path);

    QString workspaceRoot() const { return m_session->workspaceRoot(); }
    QString currentSlug() const { return m_session->slug(); }
    QStringList pipelineSlugs() const { return m_session->slugs(); }
    bool isModified() const;
    bool isReadOnly() const;
    /// True while something is read or written on a worker (for screenshots and tests).
    bool isBusy() const;

    GraphModel *model() const { return m_model; }
    CanvasScene *scene() const { return m_scene; }
    CanvasView *view() const { return m_view; }
    GraphModel *viewerModel() const { return m_viewModel; }
    CanvasScene *viewerScene() const { return m_viewScene; }
    PropertiesPanel *propertiesPanel() const { return m_properties; }
    TemplatePalette *palette() const { return m_palette; }
    QuickAddPopup *quickAdd() const { return m_quickAdd; }
    VersionsPanel *versionsPanel() const { return m_versions; }
    RunOverlay *runOverlay() const { return m_overlay; }
    RunController *runController() const { return m_runs; }
    PipelineSession *session() const { return m_session; }
    QAction *action(const QString &name) const;

Q_SIGNALS:
    void workspaceShown(const QString &workspaceRoot);
    void pipelineOpened(const QString &slug);
    void runOpened(const QString &runId);
    void saved(const QString &commitId);
    void restored(const QString &commitId);
    void runFinished(const QString &runId, const QString &state);
    /// Something went wrong; \a message says what and what to do.
    void failed(const QString &message);
    void statusMessage(const QString &message);
    /// The pipeline shown has unsaved edits, or no longer has.
    void modifiedChanged(bool modified);
    /// A read-only view (a past run, a comparison) was opened or left.
    void readOnlyChanged(bool readOnly);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void buildActions();
    void buildDocks();
    void fitToolBar();
    void fitDocks();
    QWidget *buildCentre();
    void showListing(const PipelineSession::Listing &listing);
    void showOpened(const QString &slug, const PipelineSession::Opened &opened);
    void showSaved(const QString &commitId, bool added, const QStringList &problems);
    void showPipeline(const PipelineDocument &doc, const QString &slug);
    void loadRunList();
    void applyTasks(CanvasScene *scene, const QList<TaskRecord> &tasks);
    void selectionChanged(const QStringList &ids);
    void refreshProperties();
    void showQuickAdd(QPointF scenePos, const PortRef &dangling);
    void quickAddChosen(const QString &ref);
    void showDiff(const PipelineDocument &before, const PipelineDocument &after,
                  const QList<PipelineChange> &changes, const QString &title);
    void showViewer(const PipelineDocument &doc, const QString &banner);
    void updateActions();
    void updateTitle();
    void askSaveMessage(const QString &suggestion, bool thenRun);
    void editSchedule();
    void promptNewPipeline();
    void report(const QString &message);
    /// What a run would refuse in the pipeline being edited (the Checks); empty: runnable.
    QStringList runProblems() const;
    GraphModel *shownModel() const;
    CanvasScene *shownScene() const;

    QStringList m_pools;
    TemplateLibrary m_library;
    int m_lastGesture = -1;
    bool m_viewing = false;
    bool m_docksFitted = false;
    QString m_viewRun;    ///< run shown read-only, if any
    QString m_runRefusal; ///< why Run is off (the first problem of the Checks), if it is
    QPointF m_quickAddPos;
    std::optional<PortRef> m_quickAddDangling;

    GraphModel *m_model = nullptr;
    CanvasScene *m_scene = nullptr;
    CanvasView *m_view = nullptr;
    GraphModel *m_viewModel = nullptr;
    CanvasScene *m_viewScene = nullptr;
    CanvasView *m_viewView = nullptr;
    QStackedWidget *m_canvasStack = nullptr;
    QLabel *m_banner = nullptr;
    QToolBar *m_toolBar = nullptr;
    QComboBox *m_pipelines = nullptr;
    QLabel *m_modified = nullptr;
    TemplatePalette *m_palette = nullptr;
    PropertiesPanel *m_properties = nullptr;
    VersionsPanel *m_versions = nullptr;
    RunOverlay *m_overlay = nullptr;
    QTreeWidget *m_runList = nullptr;
    QTimer *m_propertiesTimer = nullptr;
    QuickAddPopup *m_quickAdd = nullptr;
    RunController *m_runs = nullptr;
    PipelineSession *m_session = nullptr;
    QHash<QString, QAction *> m_actions;
};

} // namespace atelier
