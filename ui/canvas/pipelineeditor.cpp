#include "canvas/pipelineeditor.h"

#include "canvas/canvasscene.h"
#include "canvas/canvasview.h"
#include "canvas/minimap.h"
#include "canvas/propertiespanel.h"
#include "canvas/quickaddpopup.h"
#include "canvas/runoverlay.h"
#include "canvas/scheduledialog.h"
#include "canvas/templatepalette.h"
#include "canvas/versionspanel.h"
#include "catalog/database.h"
#include "common/background.h"
#include "core/appsettings.h"
#include "core/workspace.h"
#include "pipeline/graphmodel.h"
#include "pipeline/pipelinestore.h"
#include "runs/rundetail.h"
#include "shell/workspacesnapshot.h"

#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QGraphicsSceneMouseEvent>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonDocument>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QResizeEvent>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QTreeWidget>
#include <QUndoStack>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

constexpr int kRecentRuns = 30;

bool offscreen()
{
    return QGuiApplication::platformName() == u"offscreen"_s;
}

} // namespace

PipelineEditor::PipelineEditor(QWidget *parent) : QMainWindow(parent)
{
    setObjectName(u"pipelineEditor"_s);
    setWindowFlags(Qt::Widget);
    setDockNestingEnabled(true);
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);
    // The side panels run the full height; the run details sit under the canvas only.
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);

    m_model = new GraphModel(TemplateLibrary(), this);
    m_scene = new CanvasScene(m_model, this);
    m_viewModel = new GraphModel(TemplateLibrary(), this);
    m_viewScene = new CanvasScene(m_viewModel, this);
    m_runs = new RunController(this);
    m_session = new PipelineSession(m_model, this);
    m_quickAdd = new QuickAddPopup(this);

    setCentralWidget(buildCentre());
    buildDocks();
    buildActions();

    connect(m_model, &GraphModel::modifiedChanged, this, [this](bool modified) {
        updateTitle();
        updateActions();
        Q_EMIT modifiedChanged(modified);
    });
    connect(m_model->undoStack(), &QUndoStack::indexChanged, this, &PipelineEditor::updateActions);
    // The panel follows the model (an undo changes what it shows), a little behind so a burst
    // of changes (a paste, a layout) refreshes it once.
    m_propertiesTimer = new QTimer(this);
    m_propertiesTimer->setSingleShot(true);
    m_propertiesTimer->setInterval(0);
    connect(m_propertiesTimer, &QTimer::timeout, this, &PipelineEditor::refreshProperties);
    auto later = [this] {
        if (!m_viewing)
            m_propertiesTimer->start();
    };
    connect(m_model, &GraphModel::nodeChanged, this, later);
    connect(m_model, &GraphModel::nodeAdded, this, later);
    connect(m_model, &GraphModel::nodeRemoved, this, later);
    connect(m_model, &GraphModel::edgeAdded, this, later);
    connect(m_model, &GraphModel::edgeRemoved, this, later);
    connect(m_model, &GraphModel::reset, this, later);
    connect(m_model, &GraphModel::pipelineChanged, this, [this, later](const QString &property) {
        if (property == u"name"_s)
            updateTitle();
        updateActions();
        later();
    });
    connect(m_properties, &PropertiesPanel::pipelineEdited, this,
            [this](const QString &field, const QJsonValue &value) {
                if (m_viewing)
                    return;
                if (const Status set = m_model->setValue(QString(), field, value); !set)
                    report(set.error().message);
            });
    connect(m_properties, &PropertiesPanel::scheduleRequested, this, &PipelineEditor::editSchedule);
    connect(m_scene, &CanvasScene::selectionChangedTo, this, &PipelineEditor::selectionChanged);
    connect(m_viewScene, &CanvasScene::selectionChangedTo, this, &PipelineEditor::selectionChanged);
    connect(m_scene, &CanvasScene::quickAddRequested, this, &PipelineEditor::showQuickAdd);
    connect(m_scene, &CanvasScene::linkRefused, this, &PipelineEditor::statusMessage);
    connect(m_scene, &CanvasScene::statusMessage, this, &PipelineEditor::statusMessage);
    connect(m_quickAdd, &QuickAddPopup::templateChosen, this, &PipelineEditor::quickAddChosen);

    connect(
        m_properties, &PropertiesPanel::paramEdited, this,
        [this](const QString &node, const QString &param, const QJsonValue &value, int gesture) {
            if (m_viewing)
                return;
            const bool continues = gesture == m_lastGesture;
            m_lastGesture = gesture;
            if (const Status set = m_model->setValue(node, u"params."_s + param, value, continues);
                !set)
                report(set.error().message);
        });
    connect(
        m_properties, &PropertiesPanel::settingEdited, this,
        [this](const QString &node, const QString &field, const QJsonValue &value, int gesture) {
            if (m_viewing)
                return;
            const bool continues = gesture == m_lastGesture;
            m_lastGesture = gesture;
            if (const Status set = m_model->setValue(node, field, value, continues); !set)
                report(set.error().message);
        });
    m_properties->setSweepSource([this] { return shownModel()->document().sweep; });
    m_properties->setChecker(
        [this](const QString &node, const QString &property, const QJsonValue &value) {
            return shownModel()->checkValue(node, property, value);
        });

    connect(m_palette, &TemplatePalette::templateActivated, this, [this](const QString &ref) {
        if (m_viewing)
            return;
        const QPointF centre = m_view->mapToScene(m_view->viewport()->rect().center());
        const Result<QString> id = m_model->addNode(ref, centre - QPointF(100, 40));
        if (!id)
            report(id.error().message);
        else
            m_scene->selectIds({id.value()});
    });

    connect(m_versions, &VersionsPanel::diffReady, this, &PipelineEditor::showDiff);
    connect(m_versions, &VersionsPanel::diffCleared, this, [this] {
        m_scene->clearDiffMarks();
        if (m_viewing && m_viewRun.isEmpty())
            backToEditing();
    });
    connect(m_versions, &VersionsPanel::failed, this, &PipelineEditor::report);
    connect(m_versions, &VersionsPanel::restoreRequested, this,
            [this](const QString &commit, const QString &summary) {
                const QString question =
                    isModified()
                        ? tr("Restore “%1”? It becomes the newest version, as a new commit; your "
                             "unsaved edits are dropped.")
                              .arg(summary)
                        : tr("Restore “%1”? It becomes the newest version, as a new commit; "
                             "the versions after it stay in the history.")
                              .arg(summary);
                if (QMessageBox::question(this, tr("Restore a version"), question) ==
                    QMessageBox::Yes)
                    restoreVersion(commit);
            });

    connect(m_runs, &RunController::runStarted, this, [this](const QString &runId) {
        m_scene->clearNodeStates();
        m_overlay->setRun(workspaceRoot(), runId);
        Q_EMIT statusMessage(tr("Run %1 started.").arg(runId));
        loadRunList();
        updateActions();
    });
    connect(m_runs, &RunController::updated, this,
            [this](const RunRecord &, const QList<TaskRecord> &tasks) {
                applyTasks(m_scene, tasks);
                m_overlay->refresh();
            });
    connect(m_runs, &RunController::finished, this, [this](const RunRecord &run) {
        Q_EMIT statusMessage(
            tr("Run %1 %2.").arg(run.id, WorkspaceSnapshot::runStateText(run.state)));
        updateActions();
        loadRunList();
        Q_EMIT runFinished(run.id, run.state);
    });
    connect(m_runs, &RunController::failed, this, [this](const QString &message) {
        updateActions();
        report(message);
    });

    connect(m_session, &PipelineSession::listed, this, &PipelineEditor::showListing);
    connect(m_session, &PipelineSession::opened, this, &PipelineEditor::showOpened);
    connect(m_session, &PipelineSession::saved, this, &PipelineEditor::showSaved);
    connect(m_session, &PipelineSession::runReady, this,
            [this](const QString &slug, const PipelineSession::PendingRun &run) {
                m_runs->start(slug, run.mode, run.node);
                updateActions();
            });
    connect(m_session, &PipelineSession::restored, this,
            [this](const QString &commitId, const QString &fromCommitId) {
                Q_EMIT statusMessage(
                    tr("Restored version %1 as %2.").arg(fromCommitId.left(8), commitId.left(8)));
                Q_EMIT restored(commitId);
            });
    connect(m_session, &PipelineSession::failed, this, &PipelineEditor::report);

    updateTitle();
    updateActions();
}

PipelineEditor::~PipelineEditor()
{
    // The scenes and the run controller are children destroyed after this object: their last
    // signals (a scene clearing its selection) must not reach a half-destroyed editor. The
    // models need nothing here: a GraphModel emits nothing, nor lets its undo stack emit,
    // while it is destroyed.
    m_scene->disconnect(this);
    m_viewScene->disconnect(this);
    m_runs->disconnect(this);
    m_session->disconnect(this);
}

QAction *PipelineEditor::action(const QString &name) const
{
    return m_actions.value(name);
}

void PipelineEditor::setAtelierBinary(const QString &path)
{
    m_runs->setAtelierBinary(path);
}

// --- Workspace and pipelines ------------------------------------------------------------------

void PipelineEditor::setImages(QStringList images)
{
    images.sort();
    m_properties->setImages(images);
}

void PipelineEditor::setWorkspace(const QString &workspaceRoot, const QStringList &pools)
{
    m_pools = pools;
    m_properties->setPools(pools);
    if (m_session->setWorkspace(workspaceRoot)) {
        m_runs->setWorkspace(workspaceRoot);
        m_model->setDocument(PipelineDocument());
        m_overlay->setRun(workspaceRoot, {});
        m_versions->setPipeline(workspaceRoot, {});
    }
    m_session->list();
}

void PipelineEditor::showListing(const PipelineSession::Listing &listing)
{
    for (const Error &problem : listing.library.loadErrors())
        Q_EMIT statusMessage(problem.message);
    m_library = listing.library;
    m_model->setLibrary(m_library);
    m_viewModel->setLibrary(m_library);
    const QList<TemplateSpec> latest = m_library.latest();
    m_palette->setTemplates(latest);
    m_quickAdd->setTemplates(latest);
    {
        const QSignalBlocker blocker(m_pipelines);
        m_pipelines->clear();
        for (int i = 0; i < listing.slugs.size(); ++i)
            m_pipelines->addItem(listing.names.value(i), listing.slugs[i]);
        if (currentSlug().isEmpty() && !m_model->document().name.isEmpty())
            m_pipelines->addItem(tr("%1 (not saved)").arg(m_model->document().name), QString());
        m_pipelines->setCurrentIndex(m_pipelines->findData(currentSlug()));
    }
    const bool editingSomething = !currentSlug().isEmpty() || !m_model->document().name.isEmpty();
    if (!editingSomething && !listing.slugs.isEmpty()) {
        const QString wanted = m_session->rememberedSlug();
        openPipeline(listing.slugs.contains(wanted) ? wanted : listing.slugs.constFirst());
    }
    updateTitle();
    updateActions();
    Q_EMIT workspaceShown(workspaceRoot());
}

void PipelineEditor::openPipeline(const QString &slug)
{
    m_session->open(slug);
}

void PipelineEditor::showOpened(const QString &slug, const PipelineSession::Opened &opened)
{
    showPipeline(opened.doc, slug);
    // The states of the latest run, so a reopened pipeline shows how it last went.
    if (!opened.latestRun.id.isEmpty()) {
        applyTasks(m_scene, opened.tasks);
        m_overlay->setRun(workspaceRoot(), opened.latestRun.id);
        if (opened.latestRun.state == u"running"_s || opened.latestRun.state == u"pending"_s) {
            if (!m_runs->isActive())
                m_runs->follow(opened.latestRun.id);
        }
    } else {
        m_overlay->setRun(workspaceRoot(), {});
    }
    Q_EMIT pipelineOpened(slug);
}

void PipelineEditor::showPipeline(const PipelineDocument &doc, const QString &slug)
{
    if (m_viewing)
        backToEditing();
    m_session->setSlug(slug);
    m_model->setDocument(doc);
    m_scene->clearNodeStates();
    m_scene->clearDiffMarks();
    refreshProperties();
    m_overlay->setNode({});
    m_versions->setPipeline(workspaceRoot(), slug);
    m_lastGesture = -1;
    {
        const QSignalBlocker blocker(m_pipelines);
        int index = m_pipelines->findData(slug);
        if (index < 0) {
            m_pipelines->addItem(slug.isEmpty() ? tr("%1 (not saved)").arg(doc.name) : doc.name,
                                 slug);
            index = m_pipelines->count() - 1;
        }
        m_pipelines->setCurrentIndex(index);
    }
    loadRunList();
    updateTitle();
    updateActions();
    m_view->openReadable();
}

Status PipelineEditor::newPipeline(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return makeError(ErrorCode::Invalid, tr("Give the pipeline a name."));
    const QString slug = PipelineDocument::slugFor(trimmed);
    if (m_session->slugs().contains(slug))
        return makeError(
            ErrorCode::Invalid,
            tr("There is already a pipeline saved as “%1”; choose another name.").arg(slug));
    PipelineDocument doc;
    doc.name = trimmed;
    showPipeline(doc, {});
    m_overlay->setRun(workspaceRoot(), {});
    Q_EMIT statusMessage(
        tr("New pipeline “%1”: drag templates from the palette, then Save.").arg(trimmed));
    return {};
}

void PipelineEditor::promptNewPipeline()
{
    if (workspaceRoot().isEmpty() || !maybeDiscard())
        return;
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("New pipeline"), tr("Name:"),
                                               QLineEdit::Normal, QString(), &ok);
    if (!ok)
        return;
    if (const Status made = newPipeline(name); !made)
        report(made.error().message);
}

bool PipelineEditor::isModified() const
{
    return m_session->isModified();
}

bool PipelineEditor::isReadOnly() const
{
    return m_viewing;
}

bool PipelineEditor::isBusy() const
{
    const auto redrawing = [](const CanvasView *view) {
        return view && view->minimap() && view->minimap()->isRefreshPending();
    };
    return m_session->isBusy() || m_versions->isLoading() || m_overlay->isBusy() ||
           redrawing(m_view) || redrawing(m_viewView);
}

bool PipelineEditor::maybeDiscard()
{
    if (!isModified())
        return true;
    if (offscreen())
        return false; // nobody to ask: keep the edits
    const auto answer = QMessageBox::question(
        this, tr("Unsaved changes"),
        tr("“%1” has changes that are not saved. Save them as a new version first?")
            .arg(m_model->document().name),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Discard)
        return true;
    if (answer == QMessageBox::Save)
        askSaveMessage({}, false);
    return false;
}

// --- Save, versions ---------------------------------------------------------------------------

void PipelineEditor::askSaveMessage(const QString &suggestion, bool thenRun)
{
    if (workspaceRoot().isEmpty() || m_viewing)
        return;
    if (!currentSlug().isEmpty() && !m_model->isModified() && !thenRun) {
        Q_EMIT statusMessage(tr("No changes to save."));
        return;
    }
    bool ok = false;
    if (m_model->document().name.trimmed().isEmpty()) {
        // Nodes were added before any pipeline was made: the first save names it.
        const QString name =
            QInputDialog::getText(this, tr("Save a version"), tr("Name of the new pipeline:"),
                                  QLineEdit::Normal, QString(), &ok);
        if (!ok || name.trimmed().isEmpty()) {
            m_session->dropPendingRun();
            return;
        }
        if (m_session->slugs().contains(PipelineDocument::slugFor(name.trimmed()))) {
            m_session->dropPendingRun();
            report(tr("There is already a pipeline saved as “%1”; choose another name.")
                       .arg(PipelineDocument::slugFor(name.trimmed())));
            return;
        }
        if (const Status set = m_model->setValue(QString(), u"name"_s, name.trimmed()); !set) {
            m_session->dropPendingRun();
            report(set.error().message);
            return;
        }
    }
    QString prompt =
        thenRun ? tr("The run uses the saved pipeline. Describe your changes to save them:")
                : tr("Describe the changes in this version:");
    if (const QStringList problems = runProblems(); !problems.isEmpty())
        prompt = tr("Note: a run would refuse this version until it is fixed:\n• %1\n\n%2")
                     .arg(problems.mid(0, 3).join(u"\n• "_s), prompt);
    const QString message = QInputDialog::getText(this, tr("Save a version"), prompt,
                                                  QLineEdit::Normal, suggestion, &ok);
    if (!ok) {
        m_session->dropPendingRun();
        return;
    }
    save(message);
}

void PipelineEditor::save(const QString &message)
{
    if (m_viewing)
        return;
    m_session->save(message);
}

void PipelineEditor::showSaved(const QString &commitId, bool added, const QStringList &problems)
{
    const QString slug = currentSlug();
    const QString name = m_model->document().name;
    if (added) {
        const QSignalBlocker blocker(m_pipelines);
        const int unsaved = m_pipelines->findData(QString());
        if (unsaved >= 0)
            m_pipelines->removeItem(unsaved);
        m_pipelines->addItem(name, slug);
        m_pipelines->setCurrentIndex(m_pipelines->count() - 1);
        m_versions->setPipeline(workspaceRoot(), slug);
    } else {
        m_pipelines->setItemText(m_pipelines->findData(slug), name);
        m_versions->reload();
    }
    updateTitle();
    updateActions();
    // Saved as asked, but not silently: what a run of it would refuse.
    Q_EMIT statusMessage(problems.isEmpty() ? tr("Saved version %1.").arg(commitId.left(8))
                                            : tr("Saved version %1, but a run would refuse it: %2")
                                                  .arg(commitId.left(8), problems.constFirst()));
    Q_EMIT saved(commitId);
}

void PipelineEditor::restoreVersion(const QString &commitId)
{
    m_session->restore(commitId);
}

void PipelineEditor::showDiff(const PipelineDocument &before, const PipelineDocument &after,
                              const QList<PipelineChange> &changes, const QString &title)
{
    QStringList added;
    QStringList removed;
    QStringList changed;
    for (const PipelineChange &change : changes) {
        if (change.subject != PipelineChange::Subject::Node)
            continue;
        switch (change.kind) {
        case PipelineChange::Kind::Added:
            added.append(change.id);
            break;
        case PipelineChange::Kind::Removed:
            removed.append(change.id);
            break;
        case PipelineChange::Kind::Changed:
            changed.append(change.id);
            break;
        }
    }
    if (after == m_model->document() && !m_viewing) {
        m_scene->setDiffMarks(added, removed, changed, before);
        Q_EMIT statusMessage(title);
        return;
    }
    m_viewRun.clear();
    showViewer(after, tr("<b>Comparing versions</b> — %1: %2 added, %3 removed, %4 changed "
                         "(read-only). <a href=\"back\">Back to editing</a>")
                          .arg(title.toHtmlEscaped())
                          .arg(added.size())
                          .arg(removed.size())
                          .arg(changed.size()));
    m_viewScene->setDiffMarks(added, removed, changed, before);
}

// --- Read-only views --------------------------------------------------------------------------

void PipelineEditor::showViewer(const PipelineDocument &doc, const QString &banner)
{
    m_viewing = true;
    m_viewModel->setDocument(doc);
    m_viewScene->clearNodeStates();
    m_viewScene->clearDiffMarks();
    m_banner->setText(banner);
    m_banner->setVisible(true);
    m_canvasStack->setCurrentWidget(m_viewView);
    m_properties->setReadOnly(true);
    refreshProperties();
    m_palette->setEnabled(false);
    updateActions();
    m_viewView->openReadable();
    Q_EMIT readOnlyChanged(true);
}

void PipelineEditor::backToEditing()
{
    if (!m_viewing)
        return;
    m_viewing = false;
    m_viewRun.clear();
    m_viewScene->clearDiffMarks();
    m_banner->setVisible(false);
    m_canvasStack->setCurrentWidget(m_view);
    m_properties->setReadOnly(false);
    m_palette->setEnabled(true);
    selectionChanged(m_scene->selectedNodeIds());
    // The overlay goes back to the latest run of the pipeline being edited.
    if (m_runs->isActive() || !m_runs->runId().isEmpty())
        m_overlay->setRun(workspaceRoot(), m_runs->runId());
    updateActions();
    Q_EMIT readOnlyChanged(false);
}

void PipelineEditor::openRun(const QString &runId)
{
    if (workspaceRoot().isEmpty() || runId.isEmpty())
        return;
    m_session->beginWork();
    using Snapshot = Result<RunSnapshot>;
    const QString root = workspaceRoot();
    runInBackground(
        this, std::bind_front(&RunSnapshot::load, root, runId),
        [this, root, runId](const Snapshot &snapshot) {
            m_session->endWork();
            if (root != workspaceRoot())
                return;
            if (!snapshot) {
                report(snapshot.error().message);
                return;
            }
            const QLocale locale;
            m_viewRun = runId;
            showViewer(
                snapshot->document,
                tr("<b>Run %1</b> of %2, %3 — the pipeline as it was%4 (read-only). "
                   "<a href=\"back\">Back to editing</a>")
                    .arg(runId.toHtmlEscaped(), snapshot->document.name.toHtmlEscaped(),
                         WorkspaceSnapshot::runStateText(snapshot->run.state).toHtmlEscaped(),
                         snapshot->run.commitId.isEmpty()
                             ? QString()
                             : tr(" at version %1").arg(snapshot->run.commitId.left(8))));
            applyTasks(m_viewScene, snapshot->tasks);
            m_overlay->setRun(workspaceRoot(), runId);
            m_overlay->setNode({});
            Q_EMIT runOpened(runId);
        });
}

void PipelineEditor::loadRunList()
{
    if (workspaceRoot().isEmpty() || currentSlug().isEmpty()) {
        m_runList->clear();
        return;
    }
    m_session->beginWork();
    using Runs = Result<QList<RunRecord>>;
    const QString slug = currentSlug();
    runInBackground(
        this,
        [root = workspaceRoot(), slug]() -> Runs {
            auto workspace = Workspace::open(root);
            if (!workspace)
                return workspace.error();
            return RunStore(workspace->catalog()).runs(kRecentRuns, slug);
        },
        [this, slug](const Runs &runs) {
            m_session->endWork();
            if (slug != currentSlug())
                return;
            m_runList->clear();
            if (!runs)
                return;
            const QLocale locale;
            const QDate today = QDate::currentDate();
            for (const RunRecord &run : runs.value()) {
                // Today's runs by their time alone: in a narrow panel a full date would be cut
                // before the part that tells them apart.
                const QDateTime started = run.createdAt.toLocalTime();
                const QString when = started.date() == today
                                         ? locale.toString(started.time(), QLocale::ShortFormat)
                                         : locale.toString(started, QLocale::ShortFormat);
                auto *item = new QTreeWidgetItem(
                    m_runList, {when, WorkspaceSnapshot::runStateText(run.state)});
                item->setData(0, Qt::UserRole, run.id);
                item->setToolTip(0, tr("Run %1, started %2%3")
                                        .arg(run.id, locale.toString(started, QLocale::LongFormat),
                                             run.commitId.isEmpty()
                                                 ? QString()
                                                 : tr(" at version %1").arg(run.commitId.left(8))));
            }
        });
}

// --- Running ----------------------------------------------------------------------------------

void PipelineEditor::run(RunController::Mode mode)
{
    if (workspaceRoot().isEmpty() || m_viewing)
        return;
    if (m_runs->isActive()) {
        report(tr("A run is going; wait for it or stop it first."));
        return;
    }
    QString node;
    if (mode != RunController::Mode::All) {
        const QStringList selected = m_scene->selectedNodeIds();
        if (selected.size() != 1) {
            report(tr("Select one node to run from, or to run alone."));
            return;
        }
        node = selected.constFirst();
    }
    if (m_model->nodes().isEmpty()) {
        report(tr("The pipeline has no nodes yet; drag templates from the palette first."));
        return;
    }
    if (isModified()) {
        m_session->setPendingRun({mode, node});
        askSaveMessage(tr("Changes before a run"), true);
        return;
    }
    m_runs->start(currentSlug(), mode, node);
    updateActions();
}

void PipelineEditor::stopRun()
{
    m_runs->stop();
    Q_EMIT statusMessage(tr("Asked the run to stop; running tasks get SIGTERM, then SIGKILL."));
}

void PipelineEditor::applyTasks(CanvasScene *scene, const QList<TaskRecord> &tasks)
{
    for (const TaskRecord &task : tasks) {
        if (scene->nodeItem(task.nodeId))
            scene->setNodeState(task.nodeId, task.state, task.startedAt, task.message);
    }
}

// --- Selection, properties, quick-add ---------------------------------------------------------

GraphModel *PipelineEditor::shownModel() const
{
    return m_viewing ? m_viewModel : m_model;
}

CanvasScene *PipelineEditor::shownScene() const
{
    return m_viewing ? m_viewScene : m_scene;
}

void PipelineEditor::selectionChanged(const QStringList &ids)
{
    if (sender() && sender() != shownScene())
        return;
    refreshProperties();
    m_overlay->setNode(ids.size() == 1 ? ids.constFirst() : QString());
    updateActions();
}

void PipelineEditor::refreshProperties()
{
    const QStringList ids = shownScene()->selectedNodeIds();
    const GraphModel *model = shownModel();
    if (ids.isEmpty() && (!currentSlug().isEmpty() || !model->document().name.isEmpty())) {
        QStringList problems;
        for (const ValidationIssue &issue : model->validate())
            problems.append(issue.toString());
        m_properties->setReadOnly(m_viewing);
        m_properties->showPipeline(model->document(), problems);
        return;
    }
    if (ids.isEmpty() && currentSlug().isEmpty() && model->document().name.isEmpty()) {
        m_properties->showMessage(
            workspaceRoot().isEmpty() ? QString()
            : m_session->slugs().isEmpty()
                ? tr("No pipeline yet.\n\nClick New to make one, then drag templates from the "
                     "palette onto the canvas.")
                : tr("Choose a pipeline above, or click New."));
        return;
    }
    if (ids.size() != 1) {
        m_properties->showHint(int(ids.size()));
        return;
    }
    const NodeSpec *node = model->node(ids.constFirst());
    if (!node) {
        m_properties->showHint(0);
        return;
    }
    const TemplateSpec *spec = model->templateOf(node->id);
    m_properties->setNode(*node, spec ? std::optional<TemplateSpec>(*spec) : std::nullopt,
                          spec ? QString()
                               : tr("Template %1 is not in this workspace's library; its "
                                    "parameters cannot be checked.")
                                     .arg(node->templateRef));
    m_properties->setReadOnly(m_viewing);
}

void PipelineEditor::showQuickAdd(QPointF scenePos, const PortRef &dangling)
{
    if (m_viewing)
        return;
    m_quickAddPos = scenePos;
    if (dangling.isValid()) {
        m_quickAddDangling = dangling;
        const QString type = m_model->portType(dangling);
        m_quickAdd->setAllowed(m_model->compatibleTemplates(dangling), true,
                               dangling.output ? tr("Templates that take a %1").arg(type)
                                               : tr("Templates that give a %1").arg(type));
    } else {
        m_quickAddDangling.reset();
        m_quickAdd->setAllowed({}, false);
    }
    const QPoint viewPos = m_view->mapFromScene(scenePos);
    m_quickAdd->popup(m_view->viewport()->mapToGlobal(viewPos));
}

void PipelineEditor::quickAddChosen(const QString &ref)
{
    const Result<QString> id =
        m_quickAddDangling ? m_model->addNodeConnected(ref, m_quickAddPos, *m_quickAddDangling)
                           : m_model->addNode(ref, m_quickAddPos);
    m_quickAddDangling.reset();
    if (!id) {
        report(id.error().message);
        return;
    }
    m_scene->selectIds({id.value()});
}

// --- Schedule ---------------------------------------------------------------------------------

void PipelineEditor::editSchedule()
{
    if (m_viewing || workspaceRoot().isEmpty())
        return;
    ScheduleDialog dialog(m_model->document().schedule, this);
    dialog.loadHistory(workspaceRoot(), currentSlug());
    if (dialog.exec() != QDialog::Accepted)
        return;
    applySchedule(dialog.schedule());
    if (isModified())
        Q_EMIT statusMessage(tr("Schedule changed; save a version for the scheduler to use it."));
}

void PipelineEditor::applySchedule(const std::optional<ScheduleSpec> &schedule)
{
    if (schedule == m_model->document().schedule)
        return;
    QJsonValue value = QJsonValue::Null;
    if (schedule) {
        // The pipeline format's own writer makes the schedule object.
        PipelineDocument carrier;
        carrier.schedule = schedule;
        value = QJsonDocument::fromJson(carrier.toJson()).object().value(u"schedule"_s);
    }
    if (const Status set = m_model->setValue(QString(), u"schedule"_s, value); !set)
        report(set.error().message);
}

// --- State of the page ------------------------------------------------------------------------

void PipelineEditor::updateTitle()
{
    const QString name = m_model->document().name;
    const bool modified = isModified();
    m_modified->setText(modified ? tr("● edited") : QString());
    m_modified->setToolTip(modified ? tr("Changes not saved as a version yet") : QString());
    const int index = m_pipelines->findData(currentSlug());
    if (index >= 0 && !name.isEmpty())
        m_pipelines->setItemText(index,
                                 currentSlug().isEmpty() ? tr("%1 (not saved)").arg(name) : name);
}

void PipelineEditor::updateActions()
{
    const bool open = !workspaceRoot().isEmpty() &&
                      (!currentSlug().isEmpty() || !m_model->document().name.isEmpty() ||
                       !m_model->nodes().isEmpty());
    const bool editing = open && !m_viewing;
    const bool running = m_runs->isActive();
    const bool oneSelected = m_scene->selectedNodeIds().size() == 1;
    auto enable = [this](const QString &name, bool on) {
        if (QAction *a = m_actions.value(name))
            a->setEnabled(on);
    };
    enable(u"new"_s, !workspaceRoot().isEmpty());
    enable(u"save"_s, editing && isModified());
    enable(u"history"_s, open && !currentSlug().isEmpty());
    enable(u"undo"_s, editing && m_model->undoStack()->canUndo());
    enable(u"redo"_s, editing && m_model->undoStack()->canRedo());
    enable(u"autoLayout"_s, editing && !m_model->nodes().isEmpty());
    enable(u"fit"_s, open);
    // A pipeline the Checks refuse would only fail to start: Run waits, its tooltip says why.
    const QStringList problems = editing ? runProblems() : QStringList();
    const bool runnable = problems.isEmpty();
    enable(u"runAll"_s, editing && !running && !m_model->nodes().isEmpty() && runnable);
    enable(u"runFrom"_s, editing && !running && oneSelected && runnable);
    enable(u"runOnly"_s, editing && !running && oneSelected && runnable);
    const QString refused =
        runnable ? QString()
                 : tr("\nOff until the pipeline passes its Checks: %1").arg(problems.constFirst());
    // A disabled button shows no tooltip: say it once where it is read, when it changes.
    const QString reason = runnable ? QString() : problems.constFirst();
    if (reason != m_runRefusal) {
        m_runRefusal = reason;
        if (!reason.isEmpty())
            Q_EMIT statusMessage(
                tr("Run is off until the pipeline passes its Checks: %1").arg(reason));
    }
    m_actions.value(u"runAll"_s)->setToolTip(tr("Run the whole pipeline (F5)") + refused);
    m_actions.value(u"runFrom"_s)
        ->setToolTip(tr("Run the selected node and everything downstream of it; upstream "
                        "outputs come from earlier runs") +
                     refused);
    m_actions.value(u"runOnly"_s)
        ->setToolTip(tr("Debug: run only the selected node, with its inputs from earlier runs") +
                     refused);
    enable(u"stop"_s, running);
    enable(u"schedule"_s, editing);
    if (QAction *undo = m_actions.value(u"undo"_s)) {
        const QString text = m_model->undoStack()->undoText();
        undo->setToolTip(text.isEmpty() ? tr("Undo (Ctrl+Z)") : tr("Undo %1 (Ctrl+Z)").arg(text));
    }
    if (QAction *redo = m_actions.value(u"redo"_s)) {
        const QString text = m_model->undoStack()->redoText();
        redo->setToolTip(text.isEmpty() ? tr("Redo (Ctrl+Shift+Z)")
                                        : tr("Redo %1 (Ctrl+Shift+Z)").arg(text));
    }
}

QStringList PipelineEditor::runProblems() const
{
    QStringList problems;
    for (const ValidationIssue &issue : m_model->validate())
        problems.append(issue.toString());
    return problems;
}

void PipelineEditor::report(const QString &message)
{
    Q_EMIT statusMessage(message);
    Q_EMIT failed(message);
    if (!offscreen() && isVisible())
        QMessageBox::warning(this, tr("Pipelines"), message);
}

} // namespace atelier
