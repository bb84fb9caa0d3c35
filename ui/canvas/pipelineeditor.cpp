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
#include "core/appsettings.h"
#include "core/workspace.h"
#include "pipeline/graphmodel.h"
#include "pipeline/pipelinestore.h"
#include "runs/rundetail.h"
#include "shell/workspacesnapshot.h"

#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QFutureWatcher>
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
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

constexpr int kRecentRuns = 30;

GitSignature author()
{
    return GitSignature{AppSettings().annotatorName(), u"atelier@localhost"_s};
}

bool offscreen()
{
    return QGuiApplication::platformName() == u"offscreen"_s;
}

/// Keeps a read-only canvas read-only: clicks select, wheel and keys navigate, nothing edits.
class ReadOnlyFilter final : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        switch (event->type()) {
        case QEvent::MouseMove:
            return static_cast<QMouseEvent *>(event)->buttons() & Qt::LeftButton;
        case QEvent::MouseButtonDblClick:
        case QEvent::DragEnter:
        case QEvent::DragMove:
        case QEvent::Drop:
            return true;
        case QEvent::KeyPress:
        case QEvent::ShortcutOverride: {
            const auto *key = static_cast<QKeyEvent *>(event);
            const bool navigation = key->key() == Qt::Key_F || key->key() == Qt::Key_1 ||
                                    key->key() == Qt::Key_Plus || key->key() == Qt::Key_Minus ||
                                    key->key() == Qt::Key_Space || key->matches(QKeySequence::Copy);
            return !navigation;
        }
        default:
            return false;
        }
    }
};

struct Opened
{
    QString error;
    PipelineDocument doc;
    RunRecord latestRun;
    QList<TaskRecord> tasks;
};

struct WorkspaceListing
{
    QStringList slugs;
    QStringList names;
    TemplateLibrary library;
};

QString lastPipelineKey(const QString &root)
{
    return u"editor/lastPipeline/"_s + QString::fromLatin1(root.toUtf8().toHex());
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
        m_overlay->setRun(m_root, runId);
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
}

QWidget *PipelineEditor::buildCentre()
{
    auto *centre = new QWidget(this);
    centre->setObjectName(u"editorCentre"_s);
    auto *layout = new QVBoxLayout(centre);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    m_banner = new QLabel(centre);
    m_banner->setObjectName(u"editorBanner"_s);
    m_banner->setWordWrap(true);
    m_banner->setVisible(false);
    m_banner->setTextFormat(Qt::RichText);
    connect(m_banner, &QLabel::linkActivated, this, [this] { backToEditing(); });
    layout->addWidget(m_banner);

    m_canvasStack = new QStackedWidget(centre);
    m_view = new CanvasView(m_scene, m_canvasStack);
    m_view->setObjectName(u"canvasView"_s);
    m_viewView = new CanvasView(m_viewScene, m_canvasStack);
    m_viewView->setObjectName(u"viewerCanvas"_s);
    auto *filter = new ReadOnlyFilter(m_viewView);
    m_viewView->installEventFilter(filter);
    m_viewView->viewport()->installEventFilter(filter);
    m_canvasStack->addWidget(m_view);
    m_canvasStack->addWidget(m_viewView);
    // The docks give way before the canvas goes below this (a 1024-pixel window).
    m_canvasStack->setMinimumWidth(340);
    layout->addWidget(m_canvasStack, 1);
    return centre;
}

void PipelineEditor::buildDocks()
{
    auto dock = [this](const QString &name, const QString &title, QWidget *content,
                       Qt::DockWidgetArea area) {
        auto *widget = new QDockWidget(title, this);
        widget->setObjectName(name);
        widget->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable |
                            QDockWidget::DockWidgetClosable);
        widget->setWidget(content);
        addDockWidget(area, widget);
        return widget;
    };
    m_palette = new TemplatePalette(this);
    // Narrow enough for the canvas to keep its minimum in a 1024-pixel window.
    m_palette->setMinimumWidth(150);
    QDockWidget *palette =
        dock(u"paletteDock"_s, tr("Templates"), m_palette, Qt::LeftDockWidgetArea);
    m_properties = new PropertiesPanel(this);
    m_properties->setMinimumWidth(250);
    QDockWidget *properties =
        dock(u"propertiesDock"_s, tr("Properties"), m_properties, Qt::RightDockWidgetArea);
    m_versions = new VersionsPanel(this);
    m_versions->setMinimumWidth(250); // tabbed with the properties: the same narrowest width
    QDockWidget *versions =
        dock(u"versionsDock"_s, tr("History"), m_versions, Qt::RightDockWidgetArea);
    tabifyDockWidget(properties, versions);
    properties->raise();

    auto *bottom = new QSplitter(Qt::Horizontal, this);
    bottom->setObjectName(u"runSplitter"_s);
    m_runList = new QTreeWidget(bottom);
    m_runList->setObjectName(u"editorRunList"_s);
    m_runList->setMinimumWidth(150); // a date and a state, readable
    m_runList->setRootIsDecorated(false);
    m_runList->setHeaderLabels({tr("Started"), tr("State")});
    m_runList->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_runList->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_runList->header()->setStretchLastSection(false);
    m_runList->setToolTip(
        tr("Runs of this pipeline; click one to see the pipeline as it was at that run"));
    m_overlay = new RunOverlay(bottom);
    m_overlay->setMinimumWidth(180);
    bottom->setChildrenCollapsible(false);
    bottom->addWidget(m_runList);
    bottom->addWidget(m_overlay);
    bottom->setStretchFactor(0, 1);
    bottom->setStretchFactor(1, 3);
    bottom->setSizes({260, 800});
    QDockWidget *runs = dock(u"runDock"_s, tr("Runs"), bottom, Qt::BottomDockWidgetArea);
    // One click shows a run, as everywhere else a list shows what is picked in it.
    auto show = [this](QTreeWidgetItem *item) {
        const QString runId = item->data(0, Qt::UserRole).toString();
        if (!m_viewing || runId != m_viewRun)
            openRun(runId);
    };
    connect(m_runList, &QTreeWidget::itemClicked, this, show);
    connect(m_runList, &QTreeWidget::itemActivated, this, show);

    fitDocks();
    resizeDocks({runs}, {210}, Qt::Vertical);
}

void PipelineEditor::buildActions()
{
    auto *bar = new QToolBar(tr("Pipeline"), this);
    m_toolBar = bar;
    bar->setObjectName(u"editorToolBar"_s);
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->setIconSize(QSize(16, 16));
    addToolBar(Qt::TopToolBarArea, bar);

    m_pipelines = new QComboBox(bar);
    m_pipelines->setObjectName(u"pipelineChooser"_s);
    // A width of its own, not its contents': a longer name (or "not saved") must not move
    // the buttons after it.
    m_pipelines->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_pipelines->setMinimumContentsLength(14);
    m_pipelines->setToolTip(tr("The pipeline being edited"));
    m_pipelines->setPlaceholderText(tr("No pipeline"));
    bar->addWidget(m_pipelines);
    m_modified = new QLabel(bar);
    m_modified->setObjectName(u"modifiedMark"_s);
    // Room for the mark whether it shows or not, so the buttons stay where they are.
    m_modified->setAlignment(Qt::AlignCenter);
    m_modified->setText(tr("● edited"));
    m_modified->ensurePolished(); // the style sheet's font and padding
    m_modified->setFixedWidth(m_modified->sizeHint().width() + 4);
    m_modified->clear();
    bar->addWidget(m_modified);
    connect(m_pipelines, &QComboBox::activated, this, [this](int index) {
        const QString slug = m_pipelines->itemData(index).toString();
        if (slug == m_slug && !m_viewing)
            return;
        if (!maybeDiscard()) {
            m_pipelines->setCurrentIndex(m_pipelines->findData(m_slug));
            return;
        }
        openPipeline(slug);
    });

    const QStyle *style = this->style();
    auto add = [this, bar](const QString &name, const QString &text, const QIcon &icon,
                           const QKeySequence &key, auto slot, const QString &tip = {},
                           bool iconOnly = false) {
        auto *action = new QAction(icon, text, this);
        action->setObjectName(name);
        if (!key.isEmpty()) {
            action->setShortcut(key);
            action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        }
        action->setToolTip(tip.isEmpty() ? text : tip);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        bar->addAction(action);
        if (iconOnly) {
            if (auto *button = qobject_cast<QToolButton *>(bar->widgetForAction(action)))
                button->setToolButtonStyle(Qt::ToolButtonIconOnly);
        }
        m_actions.insert(name, action);
        return action;
    };
    add(
        u"new"_s, tr("New"), style->standardIcon(QStyle::SP_FileIcon), {},
        [this] { promptNewPipeline(); }, tr("Make a new, empty pipeline"), true);
    add(
        u"save"_s, tr("Save…"), style->standardIcon(QStyle::SP_DialogSaveButton),
        QKeySequence::Save, [this] { askSaveMessage({}, false); },
        tr("Save a new version with a message (Ctrl+S)"));
    add(
        u"history"_s, tr("History"), style->standardIcon(QStyle::SP_FileDialogDetailedView), {},
        [this] {
            if (auto *versions = findChild<QDockWidget *>(u"versionsDock"_s)) {
                versions->show();
                versions->raise();
            }
            m_versions->reload();
        },
        tr("Versions of this pipeline: compare and restore"));
    bar->addSeparator();
    add(
        u"undo"_s, tr("Undo"), style->standardIcon(QStyle::SP_ArrowBack), {},
        [this] { m_model->undoStack()->undo(); }, {}, true);
    add(
        u"redo"_s, tr("Redo"), style->standardIcon(QStyle::SP_ArrowForward), {},
        [this] { m_model->undoStack()->redo(); }, {}, true);
    add(
        u"autoLayout"_s, tr("Arrange"), style->standardIcon(QStyle::SP_DialogResetButton), {},
        [this] { m_scene->autoLayout(); }, tr("Lay the graph out from left to right"), true);
    add(
        u"fit"_s, tr("Fit"), style->standardIcon(QStyle::SP_TitleBarMaxButton), {},
        [this] {
            if (m_viewing)
                m_viewView->fitToView();
            else
                m_view->fitToView();
        },
        tr("Show the whole pipeline (F)"), true);
    QAction *overview = add(
        u"overview"_s, tr("Overview"), style->standardIcon(QStyle::SP_FileDialogContentsView), {},
        [this](bool shown) {
            m_view->setMinimapVisible(shown);
            m_viewView->setMinimapVisible(shown);
            QSettings().setValue(u"editor/overview"_s, shown);
        },
        tr("Show or hide the overview in the corner of the canvas"), true);
    overview->setCheckable(true);
    overview->setChecked(QSettings().value(u"editor/overview"_s, true).toBool());
    m_view->setMinimapVisible(overview->isChecked());
    m_viewView->setMinimapVisible(overview->isChecked());
    bar->addSeparator();
    add(u"runAll"_s, tr("Run"), style->standardIcon(QStyle::SP_MediaPlay), QKeySequence(Qt::Key_F5),
        [this] { run(RunController::Mode::All); }); // tooltips: updateActions()
    add(u"runFrom"_s, tr("From here"), style->standardIcon(QStyle::SP_MediaSeekForward), {},
        [this] { run(RunController::Mode::From); });
    add(u"runOnly"_s, tr("Only this"), style->standardIcon(QStyle::SP_MediaSkipForward), {},
        [this] { run(RunController::Mode::Only); });
    add(
        u"stop"_s, tr("Stop"), style->standardIcon(QStyle::SP_MediaStop),
        QKeySequence(Qt::SHIFT | Qt::Key_F5), [this] { stopRun(); }, tr("Stop the run (Shift+F5)"));
    bar->addSeparator();
    add(
        u"schedule"_s, tr("Schedule…"), style->standardIcon(QStyle::SP_FileDialogInfoView), {},
        [this] { editSchedule(); }, tr("Run this pipeline on a cron schedule"));
}

void PipelineEditor::resizeEvent(QResizeEvent *event)
{
    QMainWindow::resizeEvent(event);
    fitToolBar();
    // Laid out narrow first (before the window had its size), the docks were pressed to
    // their minimums by the canvas's; the first roomy size gives them their own widths back.
    if (!m_docksFitted && width() >= 900) {
        m_docksFitted = true;
        fitDocks();
    }
}

void PipelineEditor::fitDocks()
{
    auto *palette = findChild<QDockWidget *>(u"paletteDock"_s);
    auto *properties = findChild<QDockWidget *>(u"propertiesDock"_s);
    if (palette && properties)
        resizeDocks({palette, properties}, {230, 330}, Qt::Horizontal);
}

void PipelineEditor::fitToolBar()
{
    // Labels go, the least needed first, until every button fits; an icon keeps its tooltip.
    // (Past that the bar's own » menu holds the rest.)
    static const QStringList order = {u"schedule"_s, u"history"_s, u"new"_s,  u"stop"_s,
                                      u"runOnly"_s,  u"runFrom"_s, u"save"_s, u"runAll"_s};
    auto setLabelled = [this](const QString &name, bool labelled) {
        if (auto *button =
                qobject_cast<QToolButton *>(m_toolBar->widgetForAction(m_actions.value(name))))
            button->setToolButtonStyle(labelled ? Qt::ToolButtonTextBesideIcon
                                                : Qt::ToolButtonIconOnly);
    };
    for (const QString &name : order)
        setLabelled(name, true);
    const int room = width();
    for (const QString &name : order) {
        if (m_toolBar->sizeHint().width() <= room)
            break;
        setLabelled(name, false);
    }
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
    if (workspaceRoot != m_root) {
        m_root = workspaceRoot;
        m_runs->setWorkspace(workspaceRoot);
        m_slug.clear();
        m_slugs.clear();
        m_model->setDocument(PipelineDocument());
        m_overlay->setRun(workspaceRoot, {});
        m_versions->setPipeline(workspaceRoot, {});
        m_wantedSlug = QSettings().value(lastPipelineKey(workspaceRoot)).toString();
    }
    loadPipelineList(m_slug.isEmpty() ? m_wantedSlug : m_slug);
}

void PipelineEditor::loadPipelineList(const QString &select)
{
    if (m_root.isEmpty())
        return;
    beginWork();
    auto *watcher = new QFutureWatcher<WorkspaceListing>(this);
    const QString root = m_root;
    connect(
        watcher, &QFutureWatcher<WorkspaceListing>::finished, this, [this, watcher, root, select] {
            const WorkspaceListing listing = watcher->result();
            watcher->deleteLater();
            endWork();
            if (root != m_root)
                return;
            for (const Error &problem : listing.library.loadErrors())
                Q_EMIT statusMessage(problem.message);
            m_library = listing.library;
            m_model->setLibrary(m_library);
            m_viewModel->setLibrary(m_library);
            const QList<TemplateSpec> latest = m_library.latest();
            m_palette->setTemplates(latest);
            m_quickAdd->setTemplates(latest);
            m_slugs = listing.slugs;
            {
                const QSignalBlocker blocker(m_pipelines);
                m_pipelines->clear();
                for (int i = 0; i < listing.slugs.size(); ++i)
                    m_pipelines->addItem(listing.names.value(i), listing.slugs[i]);
                if (m_slug.isEmpty() && !m_model->document().name.isEmpty())
                    m_pipelines->addItem(tr("%1 (not saved)").arg(m_model->document().name),
                                         QString());
                m_pipelines->setCurrentIndex(m_pipelines->findData(m_slug));
            }
            const bool editingSomething = !m_slug.isEmpty() || !m_model->document().name.isEmpty();
            if (!editingSomething && !listing.slugs.isEmpty())
                openPipeline(listing.slugs.contains(select) ? select : listing.slugs.constFirst());
            updateTitle();
            updateActions();
            Q_EMIT workspaceShown(m_root);
        });
    watcher->setFuture(QtConcurrent::run([root]() {
        WorkspaceListing listing;
        const PipelineStore store(root);
        listing.slugs = store.list();
        for (const QString &slug : listing.slugs) {
            auto doc = store.load(slug);
            listing.names.append(doc && !doc->name.isEmpty() ? doc->name : slug);
        }
        listing.library = TemplateLibrary::forWorkspace(root);
        return listing;
    }));
}

void PipelineEditor::openPipeline(const QString &slug)
{
    if (m_root.isEmpty() || slug.isEmpty())
        return;
    beginWork();
    auto *watcher = new QFutureWatcher<Opened>(this);
    const QString root = m_root;
    connect(watcher, &QFutureWatcher<Opened>::finished, this, [this, watcher, root, slug] {
        const Opened opened = watcher->result();
        watcher->deleteLater();
        endWork();
        if (root != m_root)
            return;
        if (!opened.error.isEmpty()) {
            report(opened.error);
            return;
        }
        showPipeline(opened.doc, slug);
        // The states of the latest run, so a reopened pipeline shows how it last went.
        if (!opened.latestRun.id.isEmpty()) {
            applyTasks(m_scene, opened.tasks);
            m_overlay->setRun(m_root, opened.latestRun.id);
            if (opened.latestRun.state == u"running"_s || opened.latestRun.state == u"pending"_s) {
                if (!m_runs->isActive())
                    m_runs->follow(opened.latestRun.id);
            }
        } else {
            m_overlay->setRun(m_root, {});
        }
        Q_EMIT pipelineOpened(slug);
    });
    watcher->setFuture(QtConcurrent::run([root, slug]() {
        Opened opened;
        auto doc = PipelineStore(root).load(slug);
        if (!doc) {
            opened.error = doc.error().message;
            return opened;
        }
        opened.doc = doc.value();
        auto workspace = Workspace::open(root);
        if (!workspace)
            return opened; // the pipeline opens; its runs are not shown
        RunStore runs(workspace->catalog());
        auto latest = runs.runs(1, slug);
        if (latest && !latest->isEmpty()) {
            opened.latestRun = latest->constFirst();
            if (auto tasks = runs.tasks(opened.latestRun.id))
                opened.tasks = tasks.value();
        }
        return opened;
    }));
}

void PipelineEditor::showPipeline(const PipelineDocument &doc, const QString &slug)
{
    if (m_viewing)
        backToEditing();
    m_slug = slug;
    if (!slug.isEmpty())
        QSettings().setValue(lastPipelineKey(m_root), slug);
    m_model->setDocument(doc);
    m_scene->clearNodeStates();
    m_scene->clearDiffMarks();
    refreshProperties();
    m_overlay->setNode({});
    m_versions->setPipeline(m_root, slug);
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
    if (m_slugs.contains(slug))
        return makeError(
            ErrorCode::Invalid,
            tr("There is already a pipeline saved as “%1”; choose another name.").arg(slug));
    PipelineDocument doc;
    doc.name = trimmed;
    showPipeline(doc, {});
    m_overlay->setRun(m_root, {});
    Q_EMIT statusMessage(
        tr("New pipeline “%1”: drag templates from the palette, then Save.").arg(trimmed));
    return {};
}

void PipelineEditor::promptNewPipeline()
{
    if (m_root.isEmpty() || !maybeDiscard())
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
    return m_model->isModified() || (m_slug.isEmpty() && !m_model->document().name.isEmpty());
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
    return m_busy > 0 || m_versions->isLoading() || m_overlay->isBusy() || redrawing(m_view) ||
           redrawing(m_viewView);
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
    if (m_root.isEmpty() || m_viewing)
        return;
    if (!m_slug.isEmpty() && !m_model->isModified() && !thenRun) {
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
            m_runAfterSave.reset();
            return;
        }
        if (m_slugs.contains(PipelineDocument::slugFor(name.trimmed()))) {
            m_runAfterSave.reset();
            report(tr("There is already a pipeline saved as “%1”; choose another name.")
                       .arg(PipelineDocument::slugFor(name.trimmed())));
            return;
        }
        if (const Status set = m_model->setValue(QString(), u"name"_s, name.trimmed()); !set) {
            m_runAfterSave.reset();
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
        m_runAfterSave.reset();
        return;
    }
    save(message);
}

void PipelineEditor::save(const QString &message)
{
    if (m_root.isEmpty() || m_viewing)
        return;
    const QString text = message.trimmed();
    if (text.isEmpty()) {
        m_runAfterSave.reset();
        report(tr("A version needs a message: say in a few words what changed."));
        return;
    }
    const PipelineDocument doc = m_model->document();
    if (doc.name.trimmed().isEmpty()) {
        m_runAfterSave.reset();
        report(tr("The pipeline has no name; give it one before saving."));
        return;
    }
    const QString slug = PipelineDocument::slugFor(doc.name);
    if (slug != m_slug && m_slugs.contains(slug)) {
        m_runAfterSave.reset();
        report(tr("Another pipeline is saved as “%1”; rename this one before saving.").arg(slug));
        return;
    }
    const int index = m_model->undoStack()->index();
    const QStringList problems = runProblems();
    beginWork();
    auto *watcher = new QFutureWatcher<Result<QString>>(this);
    const QString root = m_root;
    connect(watcher, &QFutureWatcher<Result<QString>>::finished, this,
            [this, watcher, root, slug, index, doc, problems] {
                const Result<QString> commit = watcher->result();
                watcher->deleteLater();
                endWork();
                if (root != m_root)
                    return;
                if (!commit) {
                    m_runAfterSave.reset();
                    report(commit.error().message);
                    return;
                }
                if (m_model->undoStack()->index() == index)
                    m_model->setClean();
                const bool renamed = slug != m_slug;
                m_slug = slug;
                QSettings().setValue(lastPipelineKey(m_root), slug);
                if (renamed || !m_slugs.contains(slug)) {
                    m_slugs.append(slug);
                    const QSignalBlocker blocker(m_pipelines);
                    const int unsaved = m_pipelines->findData(QString());
                    if (unsaved >= 0)
                        m_pipelines->removeItem(unsaved);
                    m_pipelines->addItem(doc.name, slug);
                    m_pipelines->setCurrentIndex(m_pipelines->count() - 1);
                    m_versions->setPipeline(m_root, slug);
                } else {
                    m_pipelines->setItemText(m_pipelines->findData(slug), doc.name);
                    m_versions->reload();
                }
                updateTitle();
                updateActions();
                // Saved as asked, but not silently: what a run of it would refuse.
                Q_EMIT statusMessage(problems.isEmpty()
                                         ? tr("Saved version %1.").arg(commit.value().left(8))
                                         : tr("Saved version %1, but a run would refuse it: %2")
                                               .arg(commit.value().left(8), problems.constFirst()));
                Q_EMIT saved(commit.value());
                if (m_runAfterSave) {
                    const RunController::Mode mode = *m_runAfterSave;
                    m_runAfterSave.reset();
                    m_runs->start(m_slug, mode, m_runNode);
                    updateActions();
                }
            });
    watcher->setFuture(QtConcurrent::run([root, doc, text, who = author(), opened = m_slug]() {
        PipelineStore store(root);
        return store.save(doc, text, who, opened);
    }));
}

void PipelineEditor::restoreVersion(const QString &commitId)
{
    if (m_root.isEmpty() || m_slug.isEmpty())
        return;
    beginWork();
    auto *watcher = new QFutureWatcher<Result<QString>>(this);
    const QString root = m_root;
    const QString slug = m_slug;
    connect(watcher, &QFutureWatcher<Result<QString>>::finished, this,
            [this, watcher, root, slug, commitId] {
                const Result<QString> commit = watcher->result();
                watcher->deleteLater();
                endWork();
                if (root != m_root)
                    return;
                if (!commit) {
                    report(commit.error().message);
                    return;
                }
                Q_EMIT statusMessage(
                    tr("Restored version %1 as %2.").arg(commitId.left(8), commit.value().left(8)));
                openPipeline(slug);
                Q_EMIT restored(commit.value());
            });
    watcher->setFuture(QtConcurrent::run([root, slug, commitId, who = author()]() {
        PipelineStore store(root);
        return store.restore(slug, commitId, who);
    }));
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
        m_overlay->setRun(m_root, m_runs->runId());
    updateActions();
    Q_EMIT readOnlyChanged(false);
}

void PipelineEditor::openRun(const QString &runId)
{
    if (m_root.isEmpty() || runId.isEmpty())
        return;
    beginWork();
    using Snapshot = Result<RunSnapshot>;
    auto *watcher = new QFutureWatcher<Snapshot>(this);
    const QString root = m_root;
    connect(watcher, &QFutureWatcher<Snapshot>::finished, this, [this, watcher, root, runId] {
        const Snapshot snapshot = watcher->result();
        watcher->deleteLater();
        endWork();
        if (root != m_root)
            return;
        if (!snapshot) {
            report(snapshot.error().message);
            return;
        }
        const QLocale locale;
        m_viewRun = runId;
        showViewer(snapshot->document,
                   tr("<b>Run %1</b> of %2, %3 — the pipeline as it was%4 (read-only). "
                      "<a href=\"back\">Back to editing</a>")
                       .arg(runId.toHtmlEscaped(), snapshot->document.name.toHtmlEscaped(),
                            WorkspaceSnapshot::runStateText(snapshot->run.state).toHtmlEscaped(),
                            snapshot->run.commitId.isEmpty()
                                ? QString()
                                : tr(" at version %1").arg(snapshot->run.commitId.left(8))));
        applyTasks(m_viewScene, snapshot->tasks);
        m_overlay->setRun(m_root, runId);
        m_overlay->setNode({});
        Q_EMIT runOpened(runId);
    });
    watcher->setFuture(QtConcurrent::run(&RunSnapshot::load, root, runId));
}

void PipelineEditor::loadRunList()
{
    if (m_root.isEmpty() || m_slug.isEmpty()) {
        m_runList->clear();
        return;
    }
    beginWork();
    using Runs = Result<QList<RunRecord>>;
    auto *watcher = new QFutureWatcher<Runs>(this);
    const QString slug = m_slug;
    connect(watcher, &QFutureWatcher<Runs>::finished, this, [this, watcher, slug] {
        const Runs runs = watcher->result();
        watcher->deleteLater();
        endWork();
        if (slug != m_slug)
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
            auto *item =
                new QTreeWidgetItem(m_runList, {when, WorkspaceSnapshot::runStateText(run.state)});
            item->setData(0, Qt::UserRole, run.id);
            item->setToolTip(0, tr("Run %1, started %2%3")
                                    .arg(run.id, locale.toString(started, QLocale::LongFormat),
                                         run.commitId.isEmpty()
                                             ? QString()
                                             : tr(" at version %1").arg(run.commitId.left(8))));
        }
    });
    watcher->setFuture(QtConcurrent::run([root = m_root, slug]() -> Runs {
        auto workspace = Workspace::open(root);
        if (!workspace)
            return workspace.error();
        return RunStore(workspace->catalog()).runs(kRecentRuns, slug);
    }));
}

// --- Running ----------------------------------------------------------------------------------

void PipelineEditor::run(RunController::Mode mode)
{
    if (m_root.isEmpty() || m_viewing)
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
    m_runNode = node;
    if (isModified()) {
        m_runAfterSave = mode;
        askSaveMessage(tr("Changes before a run"), true);
        return;
    }
    m_runs->start(m_slug, mode, node);
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
    if (ids.isEmpty() && (!m_slug.isEmpty() || !model->document().name.isEmpty())) {
        QStringList problems;
        for (const ValidationIssue &issue : model->validate())
            problems.append(issue.toString());
        m_properties->setReadOnly(m_viewing);
        m_properties->showPipeline(model->document(), problems);
        return;
    }
    if (ids.isEmpty() && m_slug.isEmpty() && model->document().name.isEmpty()) {
        m_properties->showMessage(
            m_root.isEmpty() ? QString()
            : m_slugs.isEmpty()
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
    if (m_viewing || m_root.isEmpty())
        return;
    ScheduleDialog dialog(m_model->document().schedule, this);
    dialog.loadHistory(m_root, m_slug);
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
    const int index = m_pipelines->findData(m_slug);
    if (index >= 0 && !name.isEmpty())
        m_pipelines->setItemText(index, m_slug.isEmpty() ? tr("%1 (not saved)").arg(name) : name);
}

void PipelineEditor::updateActions()
{
    const bool open =
        !m_root.isEmpty() &&
        (!m_slug.isEmpty() || !m_model->document().name.isEmpty() || !m_model->nodes().isEmpty());
    const bool editing = open && !m_viewing;
    const bool running = m_runs->isActive();
    const bool oneSelected = m_scene->selectedNodeIds().size() == 1;
    auto enable = [this](const QString &name, bool on) {
        if (QAction *a = m_actions.value(name))
            a->setEnabled(on);
    };
    enable(u"new"_s, !m_root.isEmpty());
    enable(u"save"_s, editing && isModified());
    enable(u"history"_s, open && !m_slug.isEmpty());
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
