// PipelineEditor: building the page (canvas, docks, tool bar and its actions) and fitting it to the
// window.
#include "canvas/pipelineeditor.h"

#include "canvas/canvasscene.h"
#include "canvas/canvasview.h"
#include "canvas/minimap.h"
#include "canvas/propertiespanel.h"
#include "canvas/runoverlay.h"
#include "canvas/templatepalette.h"
#include "canvas/versionspanel.h"
#include "pipeline/graphmodel.h"

#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QResizeEvent>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QToolBar>
#include <QToolButton>
#include <QTreeWidget>
#include <QUndoStack>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

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

} // namespace

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
        if (slug == currentSlug() && !m_viewing)
            return;
        if (!maybeDiscard()) {
            m_pipelines->setCurrentIndex(m_pipelines->findData(currentSlug()));
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

} // namespace atelier
