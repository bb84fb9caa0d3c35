#include "shell/mainwindow.h"

#include "canvas/pipelineeditor.h"
#include "common/background.h"
#include "core/appsettings.h"
#include "core/buildinfo.h"
#include "labeling/datasetspage.h"
#include "monitor/runsview.h"
#include "registryview/modelsview.h"
#include "sessionsview/sessionsview.h"
#include "shell/schedulerunner.h"
#include "shell/settingsdialog.h"
#include "shell/welcomepage.h"
#include "views/listpage.h"
#include "views/slurmpooldialog.h"
#include "views/viewsections.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QProgressBar>
#include <QProgressDialog>
#include <QPushButton>
#include <QScreen>
#include <QStackedWidget>
#include <QStatusBar>
#include <QUndoGroup>
#include <QUndoStack>
#include <QVBoxLayout>

#include <atomic>
#include <functional>
#include <memory>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

struct ViewSpec
{
    QString name;
    QString title;
    QString subtitle;
    QString emptyHint;
    QList<PageSection> (*sections)(const WorkspaceSnapshot &);
};

QList<ViewSpec> viewSpecs()
{
    return {
        {u"pipelines"_s, MainWindow::tr("Pipelines"),
         MainWindow::tr("Graphs of jobs built from templates; every save is a version you can "
                        "compare and restore."),
         MainWindow::tr("No pipelines yet.\nSaved pipelines appear here, each save a commit in "
                        "the workspace's repo/."),
         nullptr}, // the pipeline editor is a view of its own
        {u"datasets"_s, MainWindow::tr("Datasets"),
         MainWindow::tr("Images and text with their labels, versioned; import from COCO, VOC, "
                        "YOLO, labelme, CSV, JSONL and CoNLL."),
         MainWindow::tr("No datasets yet.\nImport one with: atelier dataset import PATH --name "
                        "NAME --format FORMAT"),
         nullptr}, // the Datasets view is a view of its own
        {u"runs"_s, MainWindow::tr("Runs"),
         MainWindow::tr("Every execution of a pipeline, with its logs, metrics and the version "
                        "it ran."),
         MainWindow::tr("No runs yet.\nRun a pipeline and it appears here with its live "
                        "metrics."),
         nullptr}, // the Runs view is a view of its own
        {u"models"_s, MainWindow::tr("Models"),
         MainWindow::tr("Registered models with versions, lineage and deployments."),
         MainWindow::tr("No models yet.\nRegister one with: atelier model register PATH --name "
                        "NAME"),
         nullptr}, // the Models view is a view of its own
        {u"sessions"_s, MainWindow::tr("Sessions"),
         MainWindow::tr("Jupyter sessions with datasets and models bound read-only."),
         MainWindow::tr("No sessions yet."), nullptr}, // the Sessions view is a view of its own
        {u"pools"_s, MainWindow::tr("Pools"),
         MainWindow::tr("Where work runs: this workstation's CPUs and GPUs, or a cluster."),
         MainWindow::tr("No pools."), &ViewSections::pools},
    };
}

} // namespace

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("Atelier"));
    setMinimumSize(720, 480);
    resize(1180, 760);

    m_pages = new QStackedWidget(this);
    m_welcome = new WelcomePage(m_pages);
    m_shell = buildShell();
    m_pages->addWidget(m_welcome);
    m_pages->addWidget(m_shell);
    setCentralWidget(m_pages);

    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(160);
    m_busy->setVisible(false);
    statusBar()->addPermanentWidget(m_busy);

    buildMenus();
    m_scheduler = new ScheduleRunner(this);
    connect(m_scheduler, &ScheduleRunner::launched, this,
            [this](const QString &, const QString &message) {
                statusBar()->showMessage(message, 10000);
            });
    connect(m_welcome, &WelcomePage::newRequested, this, &MainWindow::chooseNewWorkspace);
    connect(m_welcome, &WelcomePage::openRequested, this, &MainWindow::chooseWorkspaceToOpen);
    connect(m_welcome, &WelcomePage::demoRequested, this, &MainWindow::openDemo);
    connect(m_welcome, &WelcomePage::recentRequested, this, &MainWindow::openWorkspace);

    const AppSettings settings;
    if (!restoreGeometry(settings.windowGeometry()))
        fitToScreen();
    restoreState(settings.windowState());
    showWelcome();
}

MainWindow::~MainWindow() = default;

void MainWindow::fitToScreen()
{
    // A first start on a small screen (1024×700) must not open a window larger than it, with
    // its panels and status bar out of reach.
    const QScreen *screen = QGuiApplication::primaryScreen();
    if (!screen)
        return;
    const QRect available = screen->availableGeometry();
    const QSize fitted = size().boundedTo(available.size());
    if (fitted != size()) {
        resize(fitted.expandedTo(minimumSize()));
        move(available.topLeft());
    }
}

QStringList MainWindow::viewNames()
{
    QStringList names;
    for (const ViewSpec &spec : viewSpecs())
        names.append(spec.name);
    return names;
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *newAction =
        file->addAction(tr("&New Workspace…"), this, &MainWindow::chooseNewWorkspace);
    newAction->setShortcut(QKeySequence::New);
    QAction *openAction =
        file->addAction(tr("&Open Workspace…"), this, &MainWindow::chooseWorkspaceToOpen);
    openAction->setShortcut(QKeySequence::Open);
    file->addAction(tr("Open the &Demo"), this, &MainWindow::openDemo);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addSeparator();
    file->addAction(tr("&Close Workspace"), this, [this] {
        if (!m_editor || m_editor->maybeDiscard()) // unsaved pipeline edits: ask first
            showWelcome();
    });
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    // Undo and Redo act on the document shown, wherever the focus is (a text field keeps its
    // own Ctrl+Z); their text names the step. Only the pipeline being edited has one here.
    auto *undoGroup = new QUndoGroup(this);
    QAction *undo = undoGroup->createUndoAction(this, tr("&Undo"));
    undo->setObjectName(u"editUndo"_s);
    undo->setShortcuts(QKeySequence::Undo);
    QAction *redo = undoGroup->createRedoAction(this, tr("&Redo"));
    redo->setObjectName(u"editRedo"_s);
    redo->setShortcuts(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    undoGroup->addStack(m_editor->model()->undoStack());
    auto followDocument = [this, undoGroup] {
        const bool editing = m_pages->currentWidget() == m_shell &&
                             m_views->currentWidget() == m_editor && !m_editor->isReadOnly();
        undoGroup->setActiveStack(editing ? m_editor->model()->undoStack() : nullptr);
    };
    connect(m_pages, &QStackedWidget::currentChanged, this, followDocument);
    connect(m_views, &QStackedWidget::currentChanged, this, followDocument);
    connect(m_editor, &PipelineEditor::readOnlyChanged, this, followDocument);
    followDocument();
    QAction *settings = edit->addAction(tr("&Settings…"), this, &MainWindow::showSettings);
    settings->setShortcut(QKeySequence::Preferences);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    const QList<ViewSpec> specs = viewSpecs();
    for (int i = 0; i < specs.size(); ++i) {
        QAction *go =
            view->addAction(specs[i].title, this, [this, name = specs[i].name] { showView(name); });
        go->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
    }
    view->addSeparator();
    view->addAction(tr("Open the Selected Run on the &Canvas"), this, [this] {
        if (!m_runsView || m_runsView->currentRun().isEmpty() || currentView() != u"runs"_s) {
            statusBar()->showMessage(tr("Select a run in the Runs view first."), 5000);
            return;
        }
        const QString runId = m_runsView->currentRun();
        showView(u"pipelines"_s);
        m_editor->openRun(runId);
    });

    // Pools: checks and additions talk to clusters, so they run on a worker thread.
    QMenu *pools = menuBar()->addMenu(tr("&Pools"));
    auto runPoolTask = [this](const QString &busy, std::function<QString()> work) {
        if (m_workspacePath.isEmpty() || m_loading)
            return;
        setLoading(true, busy);
        runInBackground(this, std::move(work), [this](const QString &outcome) {
            setLoading(false);
            openWorkspace(m_workspacePath); // shows the new states
            statusBar()->showMessage(outcome, 15000);
        });
    };
    pools->addAction(tr("&Check Pools"), this, [this, runPoolTask] {
        runPoolTask(tr("Checking pools…"),
                    [path = m_workspacePath] { return PoolTasks::checkAll(path); });
    });
    pools->addAction(tr("&Add Slurm Pool…"), this, [this, runPoolTask] {
        SlurmPoolDialog dialog(this);
        if (dialog.exec() != QDialog::Accepted)
            return;
        runPoolTask(
            tr("Adding pool %1…").arg(dialog.poolName()),
            [path = m_workspacePath, name = dialog.poolName(), settings = dialog.settings()] {
                return PoolTasks::addSlurm(path, name, settings);
            });
    });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Atelier"), this, &MainWindow::showAbout);
}

QWidget *MainWindow::buildShell()
{
    auto *shell = new QWidget(this);
    shell->setObjectName(u"workspaceShell"_s);
    auto *row = new QHBoxLayout(shell);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(0);

    auto *side = new QWidget(shell);
    side->setObjectName(u"sidebar"_s);
    side->setFixedWidth(210);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 16, 0, 12);
    m_workspaceTitle = new QLabel(side);
    m_workspaceTitle->setObjectName(u"workspaceTitle"_s);
    m_workspaceDetail = new QLabel(side);
    m_workspaceDetail->setObjectName(u"workspaceDetail"_s);
    m_workspaceDetail->setWordWrap(true);
    m_navigation = new QListWidget(side);
    m_navigation->setObjectName(u"navigation"_s);
    m_navigation->setFrameShape(QFrame::NoFrame);
    sideLayout->addWidget(m_workspaceTitle);
    sideLayout->addWidget(m_workspaceDetail);
    sideLayout->addSpacing(12);
    sideLayout->addWidget(m_navigation, 1);
    auto *refresh = new QPushButton(tr("Refresh"), side);
    refresh->setObjectName(u"refreshButton"_s);
    connect(refresh, &QPushButton::clicked, this, [this] { openWorkspace(m_workspacePath); });
    sideLayout->addWidget(refresh);

    m_views = new QStackedWidget(shell);
    for (const ViewSpec &spec : viewSpecs()) {
        // Runs and Models carry charts: they are made the first time they are shown, so
        // start-up does not pay for them.
        QWidget *page = spec.sections
                            ? static_cast<QWidget *>(new ListPage(
                                  spec.name, spec.title, spec.subtitle, spec.emptyHint, m_views))
                            : new QWidget(m_views);
        if (spec.name == u"pipelines"_s) {
            delete page;
            page = m_editor = new PipelineEditor(m_views);
            connect(m_editor, &PipelineEditor::statusMessage, this,
                    [this](const QString &message) { statusBar()->showMessage(message, 8000); });
            connect(m_editor, &PipelineEditor::modifiedChanged, this, &QWidget::setWindowModified);
        }
        m_views->addWidget(page);
        m_viewPages.append(page);
        auto *item = new QListWidgetItem(spec.title, m_navigation);
        item->setData(Qt::UserRole, spec.name);
    }
    connect(m_navigation, &QListWidget::currentRowChanged, this, [this](int row) {
        ensurePage(row);
        m_views->setCurrentIndex(row);
    });
    // A click on a view's name shows that view's start, even when it is shown already (the
    // Datasets list from inside an annotator): no row change, so currentRowChanged is silent.
    connect(m_navigation, &QListWidget::itemClicked, this,
            [this](QListWidgetItem *item) { showView(item->data(Qt::UserRole).toString()); });

    row->addWidget(side);
    row->addWidget(m_views, 1);
    return shell;
}

void MainWindow::showWelcome()
{
    m_workspacePath.clear();
    m_scheduler->setWorkspace({});
    setWindowTitle(tr("Atelier"));
    refreshRecent();
    m_pages->setCurrentWidget(m_welcome);
}

void MainWindow::refreshRecent()
{
    // Checking folders is quick local metadata, but it is still disk: do it on a worker.
    const QStringList recent = AppSettings().recentWorkspaces();
    ++m_pendingReads;
    runInBackground(
        this,
        [recent] {
            QStringList missing;
            for (const QString &path : recent) {
                if (!Workspace::looksLikeWorkspace(path))
                    missing.append(path);
            }
            return missing;
        },
        [this, recent](const QStringList &missing) {
            --m_pendingReads;
            m_welcome->setRecent(recent, missing);
            m_recentMenu->clear();
            for (const QString &path : recent) {
                m_recentMenu->addAction(QDir::toNativeSeparators(path), this,
                                        [this, path] { openWorkspace(path); });
            }
            m_recentMenu->setEnabled(!recent.isEmpty());
        });
}

void MainWindow::openWorkspace(const QString &path)
{
    if (m_loading || path.isEmpty())
        return;
    // Another workspace replaces the canvas's pipeline: its unsaved edits are asked about
    // first, as closing and quitting do (reloading the same workspace keeps them).
    // Paths compared as text: no disk access on the GUI thread (a link merely asks once more).
    const auto cleaned = [](const QString &p) {
        return QDir::cleanPath(QFileInfo(p).absoluteFilePath());
    };
    if (m_editor && !m_workspacePath.isEmpty() && cleaned(path) != cleaned(m_workspacePath) &&
        !m_editor->maybeDiscard()) {
        statusBar()->showMessage(tr("%1 was not opened: the pipeline has unsaved changes.")
                                     .arg(QDir::toNativeSeparators(path)),
                                 15000);
        return;
    }
    setLoading(true, tr("Opening %1…").arg(QDir::toNativeSeparators(path)));
    runInBackground(this, std::bind_front(&WorkspaceSnapshot::load, path),
                    [this, path](const Result<WorkspaceSnapshot> &result) {
                        setLoading(false);
                        if (!result) {
                            reportFailure(result.error().message);
                            return;
                        }
                        m_workspacePath = result->info.root;
                        AppSettings().addRecentWorkspace(m_workspacePath);
                        refreshRecent(); // File → Open Recent lists the workspace now open too
                        if (QGuiApplication::platformName() != u"offscreen"_s)
                            m_scheduler->setWorkspace(
                                m_workspacePath); // not for screenshots and tests
                        applySnapshot(result.value());
                        Q_EMIT workspaceLoaded(m_workspacePath);
                    });
}

void MainWindow::applySnapshot(const WorkspaceSnapshot &snapshot)
{
    const QList<ViewSpec> specs = viewSpecs();
    for (int i = 0; i < specs.size(); ++i) {
        if (auto *list = qobject_cast<ListPage *>(m_viewPages[i]); list && specs[i].sections)
            list->setSections(specs[i].sections(snapshot));
    }
    m_lastSnapshot = snapshot;
    if (m_runsView)
        m_runsView->setRuns(snapshot.info.root, snapshot.runs);
    if (m_modelsView)
        m_modelsView->setWorkspace(snapshot.info.root);
    if (m_sessionsView)
        m_sessionsView->setWorkspace(snapshot.info.root);
    if (m_datasetsPage) {
        m_datasetsPage->setWorkspace(snapshot.info.root);
        m_datasetsPage->setSampleData(snapshot.sampleData);
    }
    m_poolNames.clear();
    for (const PoolRow &pool : snapshot.pools)
        m_poolNames.append(pool.name);
    m_editor->setWorkspace(snapshot.info.root, m_poolNames);
    QStringList images;
    for (const ImageInfo &image : snapshot.images)
        images += image.names;
    m_editor->setImages(images);

    m_workspaceTitle->setText(snapshot.info.name);
    m_workspaceDetail->setText(QDir::toNativeSeparators(snapshot.info.root));
    m_workspaceDetail->setToolTip(
        tr("Catalog schema %1 · %n commits", nullptr, snapshot.info.commits)
            .arg(snapshot.info.schemaVersion));
    setWindowTitle(tr("%1[*] — Atelier").arg(snapshot.info.name));
    statusBar()->showMessage(tr("Opened %1").arg(QDir::toNativeSeparators(snapshot.info.root)),
                             5000);
    m_pages->setCurrentWidget(m_shell);
    if (m_navigation->currentRow() < 0 && !showView(AppSettings().lastView()))
        showView(u"pipelines"_s);
}

void MainWindow::createWorkspace(const QString &path, bool demo)
{
    if (m_loading)
        return;
    setLoading(true, tr("Creating %1…").arg(QDir::toNativeSeparators(path)));
    auto cancel = std::make_shared<std::atomic_bool>(false);
    auto *progress =
        new QProgressDialog(demo ? tr("Making the demo workspace…") : tr("Making the workspace…"),
                            tr("Cancel"), 0, 0, this);
    progress->setWindowTitle(tr("New workspace"));
    progress->setMinimumDuration(300);
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    connect(progress, &QProgressDialog::canceled, this, [cancel] { *cancel = true; });

    QPointer<QProgressDialog> guard(progress);
    DemoData::Progress report = [guard](int done, int total) {
        QMetaObject::invokeMethod(
            guard,
            [guard, done, total] {
                if (!guard)
                    return;
                guard->setMaximum(total);
                guard->setValue(done);
            },
            Qt::QueuedConnection);
    };
    runInBackground(
        this,
        [path, demo, report, cancel]() -> Status {
            Workspace::CreateOptions options;
            options.demo = demo;
            options.progress = report;
            options.cancel = cancel.get();
            auto workspace = Workspace::create(path, options);
            if (!workspace)
                return workspace.error();
            return {};
        },
        [this, progress, path](const Status &created) {
            progress->deleteLater();
            setLoading(false);
            if (!created) {
                if (created.error().code != ErrorCode::Cancelled)
                    reportFailure(created.error().message);
                return;
            }
            openWorkspace(path);
        });
}

void MainWindow::openLastWorkspace()
{
    const QStringList recent = AppSettings().recentWorkspaces();
    if (recent.isEmpty())
        return;
    const QString path = recent.constFirst();
    ++m_pendingReads;
    runInBackground(
        this, std::bind_front(&Workspace::looksLikeWorkspace, path),
        [this, path](const bool &there) {
            --m_pendingReads;
            if (there && m_workspacePath.isEmpty() && !m_loading)
                openWorkspace(path); // a workspace that has gone stays on the welcome page, quietly
        });
}

void MainWindow::openDemo()
{
    const QString path = AppSettings::demoWorkspacePath();
    runInBackground(this, std::bind_front(&Workspace::looksLikeWorkspace, path),
                    [this, path](const bool &exists) {
                        if (exists)
                            openWorkspace(path);
                        else
                            createWorkspace(path, true);
                    });
}

void MainWindow::ensurePage(int index)
{
    const QString name = viewNames().value(index);
    QWidget *made = nullptr;
    if (name == u"runs"_s && !m_runsView) {
        made = m_runsView = new RunsView(m_views);
        if (!m_workspacePath.isEmpty())
            m_runsView->setRuns(m_lastSnapshot.info.root, m_lastSnapshot.runs);
    } else if (name == u"datasets"_s && !m_datasetsPage) {
        made = m_datasetsPage = new DatasetsPage(m_views);
        if (!m_workspacePath.isEmpty()) {
            m_datasetsPage->setWorkspace(m_lastSnapshot.info.root);
            m_datasetsPage->setSampleData(m_lastSnapshot.sampleData);
        }
    } else if (name == u"models"_s && !m_modelsView) {
        made = m_modelsView = new ModelsView(m_views);
        if (!m_workspacePath.isEmpty())
            m_modelsView->setWorkspace(m_lastSnapshot.info.root);
    } else if (name == u"sessions"_s && !m_sessionsView) {
        made = m_sessionsView = new SessionsView(m_views);
        connect(m_sessionsView, &SessionsView::statusMessage, this,
                [this](const QString &message) { statusBar()->showMessage(message, 8000); });
        if (!m_workspacePath.isEmpty())
            m_sessionsView->setWorkspace(m_lastSnapshot.info.root);
    }
    if (!made)
        return;
    QWidget *placeholder = m_viewPages[index];
    m_views->insertWidget(index, made);
    m_views->removeWidget(placeholder);
    placeholder->deleteLater();
    m_viewPages[index] = made;
}

bool MainWindow::showView(const QString &name)
{
    const int index = int(viewNames().indexOf(name));
    if (index < 0 || m_workspacePath.isEmpty())
        return false;
    m_navigation->setCurrentRow(index);
    // The sidebar and View menu always reach the list of datasets, also from an annotator.
    if (name == u"datasets"_s && m_datasetsPage && !m_datasetsPage->openDatasetName().isEmpty())
        m_datasetsPage->showList();
    return true;
}

bool MainWindow::isBusy() const
{
    return m_loading || m_pendingReads > 0 || (m_editor && m_editor->isBusy()) ||
           (m_runsView && m_runsView->isLoading()) || (m_modelsView && m_modelsView->isBusy()) ||
           (m_sessionsView && m_sessionsView->isBusy()) ||
           (m_datasetsPage && m_datasetsPage->isBusy());
}

QString MainWindow::currentView() const
{
    if (m_pages->currentWidget() != m_shell)
        return u"welcome"_s;
    const int row = m_navigation->currentRow();
    return row >= 0 ? viewNames().value(row) : QString();
}

QWidget *MainWindow::page(const QString &name) const
{
    const int index = int(viewNames().indexOf(name));
    return index >= 0 ? m_viewPages.value(index) : nullptr;
}

void MainWindow::setLoading(bool loading, const QString &message)
{
    m_loading = loading;
    m_busy->setVisible(loading);
    m_welcome->setEnabled(!loading);
    if (loading)
        statusBar()->showMessage(message);
    else
        statusBar()->clearMessage();
}

void MainWindow::reportFailure(const QString &message)
{
    statusBar()->showMessage(message, 10000);
    Q_EMIT loadFailed(message);
    if (QGuiApplication::platformName() != u"offscreen"_s)
        QMessageBox::warning(this, tr("Atelier"), message);
}

void MainWindow::chooseNewWorkspace()
{
    const QString dir = QFileDialog::getExistingDirectory(
        this, tr("Choose a new, empty folder for the workspace"), QDir::homePath());
    if (!dir.isEmpty())
        createWorkspace(dir, false);
}

void MainWindow::chooseWorkspaceToOpen()
{
    const QString dir =
        QFileDialog::getExistingDirectory(this, tr("Open a workspace folder"), QDir::homePath());
    if (!dir.isEmpty())
        openWorkspace(dir);
}

void MainWindow::showSettings()
{
    SettingsDialog dialog(m_poolNames, this);
    dialog.exec();
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About Atelier"),
        tr("<h3>Atelier %1</h3><p>A desktop ML workstation: pipelines, labeling, runs and "
           "models, offline.</p><p>Qt %2 · SQLite %3 · libgit2 %4</p>")
            .arg(BuildInfo::atelierVersion(), BuildInfo::qtVersion(), BuildInfo::sqliteVersion(),
                 BuildInfo::libgit2Version()));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_editor && !m_workspacePath.isEmpty() && !m_editor->maybeDiscard() &&
        QGuiApplication::platformName() != u"offscreen"_s) {
        event->ignore(); // the user chose to save first, or cancelled
        return;
    }
    AppSettings settings;
    settings.setWindowLayout(saveGeometry(), saveState());
    if (!m_workspacePath.isEmpty())
        settings.setLastView(currentView());
    event->accept();
}

} // namespace atelier
