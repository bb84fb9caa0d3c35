// The node properties offer distributed training where the template supports it (#20): the
// strategy and the processes per node are edited like any other field, one undo step each, and
// a template without a strategy shows neither.
#include "canvas/canvasscene.h"
#include "canvas/pipelineeditor.h"
#include "canvas/propertiespanel.h"
#include "pipeline/graphmodel.h"
#include "shell/mainwindow.h"

#include <QComboBox>
#include <QProcess>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace atelier;

class TestDistributedSettings : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    std::unique_ptr<MainWindow> m_window;
    PipelineEditor *m_editor = nullptr;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        const QString workspace = m_tmp.filePath(u"ws"_s);
        QProcess init;
        init.start(QStringLiteral(ATELIER_BINARY), {u"init"_s, workspace});
        QVERIFY(init.waitForFinished(60000) && init.exitCode() == 0);
        m_window = std::make_unique<MainWindow>();
        m_window->resize(1200, 800);
        m_window->show();
        QSignalSpy loaded(m_window.get(), &MainWindow::workspaceLoaded);
        m_window->openWorkspace(workspace);
        QVERIFY(loaded.wait(60000));
        QVERIFY(m_window->showView(u"pipelines"_s));
        m_editor = m_window->pipelineEditor();
        QVERIFY(m_editor);
        QTRY_VERIFY_WITH_TIMEOUT(!m_editor->isBusy(), 20000);
    }

    void strategyAndProcessesAreEdited()
    {
        GraphModel *model = m_editor->model();
        PropertiesPanel *panel = m_editor->propertiesPanel();
        auto ddp = model->addNode(u"pytorch-ddp-train"_s, QPointF(0, 0));
        QVERIFY2(ddp, qPrintable(ddp ? QString() : ddp.error().message));
        m_editor->scene()->selectIds({ddp.value()});
        QTRY_COMPARE(panel->nodeId(), ddp.value());

        auto *strategy = panel->findChild<QComboBox *>(u"distributed"_s);
        auto *processes = panel->findChild<QSpinBox *>(u"processesPerNode"_s);
        QVERIFY(strategy && processes);
        QVERIFY(strategy->isVisible());
        QCOMPARE(processes->value(), 2); // the template's default
        QVERIFY(!processes->isEnabled()); // one process until a strategy is chosen
        const int index = strategy->findData(u"pytorch-ddp"_s);
        QVERIFY(index > 0);

        QUndoStack *undo = model->undoStack();
        const int before = undo->index();
        strategy->setCurrentIndex(index);
        Q_EMIT strategy->activated(index);
        QCOMPARE(model->value(ddp.value(), u"distributed"_s).toString(), u"pytorch-ddp"_s);
        QCOMPARE(undo->index(), before + 1);
        QTRY_VERIFY(processes->isEnabled());
        processes->setValue(3);
        QCOMPARE(model->value(ddp.value(), u"resources.processes_per_node"_s).toInt(), 3);
        QVERIFY(model->document().toJson().contains("\"distributed\": \"pytorch-ddp\""));

        undo->undo(); // the processes
        QVERIFY(model->value(ddp.value(), u"resources.processes_per_node"_s).isUndefined());
        undo->undo(); // the strategy
        QVERIFY(model->value(ddp.value(), u"distributed"_s).isUndefined());
        QTRY_COMPARE(strategy->currentIndex(), 0);

        // The model refuses a strategy the template does not list.
        auto shell = model->addNode(u"shell"_s, QPointF(200, 0));
        QVERIFY(shell);
        QVERIFY(!model->setValue(shell.value(), u"distributed"_s, u"pytorch-ddp"_s));
        m_editor->scene()->selectIds({shell.value()});
        QTRY_COMPARE(panel->nodeId(), shell.value());
        QVERIFY(!strategy->isVisible());
        QVERIFY(!processes->isVisible());
    }
};

QTEST_MAIN(TestDistributedSettings)
#include "tst_distributedsettings.moc"
