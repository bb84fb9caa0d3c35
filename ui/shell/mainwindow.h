#pragma once

#include "shell/workspacesnapshot.h"

#include <QMainWindow>
#include <QStringList>

class QLabel;
class QListWidget;
class QMenu;
class QProgressBar;
class QStackedWidget;

namespace atelier {

class DatasetsPage;
class ListPage;
class PipelineEditor;
class RunsView;
class ModelsView;
class SessionsView;
class ScheduleRunner;
class WelcomePage;

/// The application window: the welcome page, or a workspace with its five views.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// View names, in navigation order: pipelines, datasets, runs, models, pools.
    static QStringList viewNames();

    /// Opens the workspace at \a path on a worker thread; emits workspaceLoaded or loadFailed.
    void openWorkspace(const QString &path);
    /// Makes a workspace at \a path on a worker thread (with progress and cancel), then opens it.
    void createWorkspace(const QString &path, bool demo);
    /// Opens the most recent workspace when it is still there (checked on a worker).
    void openLastWorkspace();
    /// Opens the demo workspace, making it first when it does not exist yet.
    void openDemo();
    /// Shows the view called \a name (Datasets: its list, also from an annotator); false when
    /// there is no such view or no workspace open.
    bool showView(const QString &name);
    QString currentView() const;
    QString workspacePath() const { return m_workspacePath; }
    bool isLoading() const { return m_loading; }
    /// True while anything shown is still being read (for screenshots and tests).
    bool isBusy() const;
    /// The page of view \a name (a ListPage, or the RunsView for "runs").
    QWidget *page(const QString &name) const;
    /// The Runs and Models views, once shown (null before).
    RunsView *runsView() const { return m_runsView; }
    ModelsView *modelsView() const { return m_modelsView; }
    SessionsView *sessionsView() const { return m_sessionsView; }
    /// The Pipelines view (made with the window).
    PipelineEditor *pipelineEditor() const { return m_editor; }
    /// The Datasets view, once shown (null before).
    DatasetsPage *datasetsPage() const { return m_datasetsPage; }

Q_SIGNALS:
    void workspaceLoaded(const QString &path);
    void loadFailed(const QString &message);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    /// Without a saved geometry: the default size, shrunk to the screen when that is smaller.
    void fitToScreen();
    void buildMenus();
    QWidget *buildShell();
    void showWelcome();
    void refreshRecent();
    void applySnapshot(const WorkspaceSnapshot &snapshot);
    /// Makes the page at \a index if it is made on first show (Runs, Models).
    void ensurePage(int index);
    void setLoading(bool loading, const QString &message = {});
    void reportFailure(const QString &message);
    void chooseNewWorkspace();
    void chooseWorkspaceToOpen();
    void showSettings();
    void showAbout();

    QStackedWidget *m_pages = nullptr;
    WelcomePage *m_welcome = nullptr;
    QWidget *m_shell = nullptr;
    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_views = nullptr;
    QList<QWidget *> m_viewPages;
    RunsView *m_runsView = nullptr;
    PipelineEditor *m_editor = nullptr;
    ModelsView *m_modelsView = nullptr;
    SessionsView *m_sessionsView = nullptr;
    DatasetsPage *m_datasetsPage = nullptr;
    QLabel *m_workspaceTitle = nullptr;
    QLabel *m_workspaceDetail = nullptr;
    QMenu *m_recentMenu = nullptr;
    QProgressBar *m_busy = nullptr;
    ScheduleRunner *m_scheduler = nullptr;
    QString m_workspacePath;
    QStringList m_poolNames;
    WorkspaceSnapshot m_lastSnapshot;
    bool m_loading = false;
    int m_pendingReads = 0; ///< worker reads in flight (the recent list)
};

} // namespace atelier
