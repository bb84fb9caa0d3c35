#include "canvas/pipelineeditor.h"
#include "core/appsettings.h"
#include "core/workspace.h"
#include "labeling/datasetspage.h"
#include "monitor/runsview.h"
#include "pipeline/graphmodel.h"
#include "registryview/modelsview.h"
#include "sessionsview/sessionsview.h"
#include "shell/mainwindow.h"
#include "shell/settingsdialog.h"
#include "shell/welcomepage.h"
#include "views/listpage.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QLineEdit>
#include <QPushButton>
#include <QScreen>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace atelier;

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_demo;

    static bool waitLoaded(QSignalSpy &loaded) { return loaded.count() > 0 || loaded.wait(30000); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_demo = m_tmp.filePath(u"demo"_s);
        Workspace::CreateOptions options;
        options.demo = true;
        QVERIFY(Workspace::create(m_demo, options));
        // CTest gives this test its own data folder; start without a demo workspace there.
        QVERIFY(!qEnvironmentVariableIsEmpty("XDG_DATA_HOME"));
        QDir(AppSettings::demoWorkspacePath()).removeRecursively();
    }

    void firstStartFitsASmallScreen()
    {
        // No saved geometry: the window must not be larger than the screen it opens on (the
        // offscreen screen is 800×600, smaller than the default 1180×760).
        AppSettings().setWindowLayout({}, {});
        MainWindow window;
        const QRect available = QGuiApplication::primaryScreen()->availableGeometry();
        QVERIFY2(available.width() < 1180, "the offscreen screen is expected to be small");
        QVERIFY2(available.contains(window.frameGeometry()),
                 qPrintable(u"%1x%2 on %3x%4"_s.arg(window.width())
                                .arg(window.height())
                                .arg(available.width())
                                .arg(available.height())));
    }

    void startsOnTheWelcomePage()
    {
        MainWindow window;
        window.show();
        QCOMPARE(window.currentView(), u"welcome"_s);
        QVERIFY(!window.showView(u"datasets"_s)); // no workspace yet
    }

    void opensTheDemoAndVisitsEveryView()
    {
        MainWindow window;
        window.show();
        QSignalSpy loaded(&window, &MainWindow::workspaceLoaded);
        window.openWorkspace(m_demo);
        QVERIFY(window.isLoading()); // the load runs off the GUI thread
        QVERIFY(waitLoaded(loaded));
        QCOMPARE(window.workspacePath(), m_demo);

        const QStringList views = MainWindow::viewNames();
        QCOMPARE(views, (QStringList{u"pipelines"_s, u"datasets"_s, u"runs"_s, u"models"_s,
                                     u"sessions"_s, u"pools"_s}));
        for (const QString &view : views) {
            QVERIFY2(window.showView(view), qPrintable(view));
            QCOMPARE(window.currentView(), view);
            QWidget *page = window.page(view);
            QVERIFY(page);
            QVERIFY(page->isVisible());
        }
        QVERIFY(window.datasetsPage());
        QCOMPARE(window.page(u"datasets"_s), window.datasetsPage());
        QCOMPARE(window.datasetsPage()->sampleCount(), 3); // the three sample sets
        QVERIFY(qobject_cast<ListPage *>(window.page(u"pools"_s))->entryCount() >=
                4); // local + cores, memory, GPUs
        // The Pipelines view is the editor, with the demo pipeline open.
        QCOMPARE(window.page(u"pipelines"_s), window.pipelineEditor());
        QTRY_COMPARE(window.pipelineEditor()->pipelineSlugs(), QStringList{u"shapes-classifier"_s});
        QTRY_COMPARE(window.pipelineEditor()->currentSlug(), u"shapes-classifier"_s);
        QCOMPARE(window.runsView()->visibleRunCount(), 0);
        QTRY_VERIFY(!window.isBusy());
        QCOMPARE(window.modelsView()->modelCount(), 0);
        QCOMPARE(window.page(u"sessions"_s), window.sessionsView());
        QCOMPARE(window.sessionsView()->sessionCount(), 0);
        QVERIFY(!window.showView(u"nosuch"_s));
        QVERIFY(AppSettings().recentWorkspaces().contains(m_demo));
    }

    void unsavedPipelineEditsKeepTheWorkspaceOpen()
    {
        // Opening another workspace would replace the canvas's pipeline. With no one to ask
        // (offscreen), unsaved edits win: the other workspace is not opened.
        const QString other = m_tmp.filePath(u"other"_s);
        QVERIFY(Workspace::create(other, {}));
        MainWindow window;
        window.show();
        QSignalSpy loaded(&window, &MainWindow::workspaceLoaded);
        window.openWorkspace(m_demo);
        QVERIFY(waitLoaded(loaded));
        QTRY_COMPARE(window.pipelineEditor()->currentSlug(), u"shapes-classifier"_s);
        QTRY_VERIFY(!window.isBusy());
        window.pipelineEditor()->model()->addNote(u"not saved yet"_s, {10, 10});
        QVERIFY(window.pipelineEditor()->isModified());
        window.openWorkspace(other);
        QVERIFY(!window.isLoading());
        QCOMPARE(window.workspacePath(), m_demo);
        QVERIFY(window.statusBar()->currentMessage().contains(u"unsaved"_s));
        QVERIFY(window.pipelineEditor()->isModified());
        // Reloading the same workspace keeps the edits and does not ask.
        loaded.clear();
        window.openWorkspace(m_demo);
        QVERIFY(window.isLoading());
        QVERIFY(waitLoaded(loaded));
        QVERIFY(window.pipelineEditor()->isModified());
        // Once saved or undone, the other workspace opens.
        window.pipelineEditor()->model()->undoStack()->undo();
        QTRY_VERIFY(!window.pipelineEditor()->isModified());
        loaded.clear();
        window.openWorkspace(other);
        QVERIFY(waitLoaded(loaded));
        QCOMPARE(window.workspacePath(), QFileInfo(other).canonicalFilePath());
    }

    void refusesAFolderThatIsNotAWorkspace()
    {
        MainWindow window;
        window.show();
        QSignalSpy failed(&window, &MainWindow::loadFailed);
        window.openWorkspace(m_tmp.path());
        QVERIFY(failed.wait(10000));
        QVERIFY(failed.at(0).at(0).toString().contains(u"atelier init"_s));
        QCOMPARE(window.currentView(), u"welcome"_s);
    }

    void remembersLayoutAndView()
    {
        {
            MainWindow window;
            window.show();
            QSignalSpy loaded(&window, &MainWindow::workspaceLoaded);
            window.openWorkspace(m_demo);
            QVERIFY(waitLoaded(loaded));
            window.resize(1001, 707);
            QVERIFY(window.showView(u"runs"_s));
            window.close();
        }
        MainWindow again;
        QCOMPARE(again.size(), QSize(1001, 707));
        again.show();
        QSignalSpy loaded(&again, &MainWindow::workspaceLoaded);
        again.openWorkspace(m_demo);
        QVERIFY(waitLoaded(loaded));
        QCOMPARE(again.currentView(), u"runs"_s);
    }

    void reopensTheLastWorkspace()
    {
        AppSettings settings;
        settings.addRecentWorkspace(m_tmp.filePath(u"gone"_s));
        MainWindow missing;
        missing.openLastWorkspace(); // a workspace that has gone: stays on the welcome page
        QTRY_VERIFY(!missing.isBusy());
        QCOMPARE(missing.currentView(), u"welcome"_s);

        settings.addRecentWorkspace(m_demo);
        MainWindow window;
        QSignalSpy loaded(&window, &MainWindow::workspaceLoaded);
        window.openLastWorkspace();
        QVERIFY(loaded.wait(30000));
        QCOMPARE(window.workspacePath(), m_demo);
    }

    void welcomeListsRecentWorkspaces()
    {
        AppSettings settings;
        for (const QString &path : settings.recentWorkspaces())
            settings.removeRecentWorkspace(path);
        settings.addRecentWorkspace(m_demo);
        settings.addRecentWorkspace(m_tmp.filePath(u"gone"_s));
        MainWindow window;
        window.show();
        auto *welcome = window.findChild<WelcomePage *>();
        QVERIFY(welcome);
        QTRY_COMPARE(welcome->recentCount(), 2);
    }

    void openingTheDemoMakesIt()
    {
        const QString demo = AppSettings::demoWorkspacePath();
        QVERIFY(demo.startsWith(qEnvironmentVariable("XDG_DATA_HOME")) ||
                qEnvironmentVariableIsEmpty("XDG_DATA_HOME"));
        MainWindow window;
        window.show();
        QSignalSpy loaded(&window, &MainWindow::workspaceLoaded);
        window.openDemo();
        QVERIFY(loaded.wait(60000));
        QCOMPARE(window.workspacePath(), demo);
        QVERIFY(window.showView(u"datasets"_s));
        QCOMPARE(window.datasetsPage()->sampleCount(), 3);
    }

    void settingsNeedAnAnnotatorName()
    {
        SettingsDialog dialog({u"local"_s, u"gpu"_s});
        auto *annotator = dialog.findChild<QLineEdit *>(u"annotatorEdit"_s);
        auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(annotator && ok);
        annotator->clear();
        QVERIFY(!ok->isEnabled());
        annotator->insert(u"李娜"_s); // as an input method would commit it
        QVERIFY(ok->isEnabled());
        ok->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(AppSettings().annotatorName(), u"李娜"_s);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
