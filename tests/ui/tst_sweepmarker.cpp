// The swept-parameter marker on the canvas: in the properties panel a parameter is marked as
// swept with its SPEC checked against the template's schema as it is typed, each change is one
// undo step on the pipeline's "sweep" section, the pipeline page edits the objective, and a
// save writes the section into the pipeline file that `atelier sweep run` reads.
#include "canvas/canvasscene.h"
#include "canvas/pipelineeditor.h"
#include "canvas/propertiespanel.h"
#include "canvas/sweepeditors.h"
#include "pipeline/graphmodel.h"
#include "shell/mainwindow.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <memory>

using namespace Qt::StringLiterals;
using namespace atelier;

class TestSweepMarker : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_demo;
    std::unique_ptr<MainWindow> m_window;
    PipelineEditor *m_editor = nullptr;

    GraphModel *model() const { return m_editor->model(); }
    QString savedSpec(const QString &key) const
    {
        const auto &sweep = model()->document().sweep;
        return sweep ? sweep->params.value(key) : QString();
    }
    static void type(QLineEdit *edit, const QString &text)
    {
        edit->setFocus();
        edit->selectAll();
        QTest::keyClicks(edit, text);
        QTest::keyClick(edit, Qt::Key_Return);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_demo = m_tmp.filePath(u"demo"_s);
        QProcess init;
        init.start(QStringLiteral(ATELIER_BINARY), {u"init"_s, m_demo, u"--demo"_s});
        QVERIFY(init.waitForFinished(120000));
        QVERIFY2(init.exitCode() == 0, init.readAllStandardError().constData());
        m_window = std::make_unique<MainWindow>();
        m_window->resize(1200, 800);
        m_window->show();
        QSignalSpy loaded(m_window.get(), &MainWindow::workspaceLoaded);
        m_window->openWorkspace(m_demo);
        QVERIFY(loaded.wait(60000));
        QVERIFY(m_window->showView(u"pipelines"_s));
        m_editor = m_window->pipelineEditor();
        QVERIFY(m_editor);
        QTRY_COMPARE_WITH_TIMEOUT(m_editor->currentSlug(), u"shapes-classifier"_s, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_editor->isBusy(), 20000);
        QVERIFY(!model()->document().sweep);
    }

    void marksAParamAsSweptInOneUndoStep()
    {
        PropertiesPanel *panel = m_editor->propertiesPanel();
        QUndoStack *undo = model()->undoStack();
        m_editor->scene()->selectIds({u"train"_s});
        QTRY_COMPARE(panel->nodeId(), u"train"_s);
        SweepMarker *marker = panel->sweepMarker(u"n_estimators"_s);
        QVERIFY(marker);
        QVERIFY(!marker->isSwept());
        QVERIFY(panel->sweepMarker(u"target"_s)); // a string: choice(…)
        auto *toggle = marker->findChild<QCheckBox *>(u"sweepToggle"_s);
        auto *spec = marker->findChild<QLineEdit *>(u"sweepSpec"_s);
        QVERIFY(toggle && spec);

        const int before = undo->index();
        toggle->click();
        QCOMPARE(undo->index(), before + 1);
        // The first SPEC is the schema's range (n_estimators is an int in [1, 5000]).
        QCOMPARE(savedSpec(u"train.n_estimators"_s), u"int(1,5000)"_s);
        QVERIFY(m_editor->isModified());

        // A range outside the schema is shown with its reason and not saved.
        type(spec, u"int(0,10)"_s);
        QCOMPARE(undo->index(), before + 1);
        QCOMPARE(savedSpec(u"train.n_estimators"_s), u"int(1,5000)"_s);
        QVERIFY2(marker->problem().contains(u"leaves the schema"_s), qPrintable(marker->problem()));
        // A float range on an int parameter neither.
        type(spec, u"float(1,10)"_s);
        QVERIFY2(marker->problem().contains(u"int parameter"_s), qPrintable(marker->problem()));
        QCOMPARE(undo->index(), before + 1);

        type(spec, u"int(50,300,50)"_s);
        QVERIFY(marker->problem().isEmpty());
        QCOMPARE(undo->index(), before + 2);
        QCOMPARE(savedSpec(u"train.n_estimators"_s), u"int(50,300,50)"_s);

        // Undo goes back one SPEC, and the panel follows the model.
        undo->undo();
        QCOMPARE(savedSpec(u"train.n_estimators"_s), u"int(1,5000)"_s);
        m_editor->setFocus(); // out of the field, so it shows the model's value
        QTRY_COMPARE(spec->text(), u"int(1,5000)"_s);
        undo->redo();
        QCOMPARE(savedSpec(u"train.n_estimators"_s), u"int(50,300,50)"_s);
        QTRY_COMPARE(spec->text(), u"int(50,300,50)"_s);

        // An enum is swept over its choices.
        SweepMarker *algorithm = panel->sweepMarker(u"algorithm"_s);
        QVERIFY(algorithm);
        algorithm->findChild<QCheckBox *>(u"sweepToggle"_s)->click();
        QCOMPARE(savedSpec(u"train.algorithm"_s),
                 u"choice(random_forest,logistic_regression,gradient_boosting)"_s);
        auto *algorithmSpec = algorithm->findChild<QLineEdit *>(u"sweepSpec"_s);
        type(algorithmSpec, u"choice(random_forest,svm)"_s);
        QVERIFY2(algorithm->problem().contains(u"svm"_s), qPrintable(algorithm->problem()));
        // Unticking removes it from the section.
        algorithm->findChild<QCheckBox *>(u"sweepToggle"_s)->click();
        QVERIFY(!model()->document().sweep->params.contains(u"train.algorithm"_s));
    }

    void pipelinePageEditsTheObjectiveAndSaveWritesTheSection()
    {
        m_editor->scene()->selectIds({});
        auto *box = m_editor->propertiesPanel()->findChild<SweepSectionBox *>(u"sweepSection"_s);
        QVERIFY(box);
        QTRY_VERIFY(box->isVisible());
        auto *params = box->findChild<QLabel *>(u"sweepParams"_s);
        QVERIFY2(params->text().contains(u"train.n_estimators = int(50,300,50)"_s),
                 qPrintable(params->text()));
        auto *objective = box->findChild<QLineEdit *>(u"sweepObjective"_s);
        const int before = model()->undoStack()->index();
        type(objective, u"evaluate.accuracy"_s);
        QCOMPARE(model()->undoStack()->index(), before + 1);
        QCOMPARE(model()->document().sweep->objective, u"evaluate.accuracy"_s);
        QCOMPARE(model()->document().sweep->direction, u"maximize"_s);
        auto *direction = box->findChild<QComboBox *>(u"sweepDirection"_s);
        direction->setCurrentIndex(1);
        Q_EMIT direction->activated(1);
        QCOMPARE(model()->document().sweep->direction, u"minimize"_s);

        QSignalSpy saved(m_editor, &PipelineEditor::saved);
        m_editor->save(u"Sweep the forest"_s);
        QVERIFY(saved.wait(30000));
        QVERIFY(!m_editor->isModified());
        auto onDisk = PipelineDocument::load(m_demo + u"/repo/pipelines/shapes-classifier.json"_s);
        QVERIFY2(onDisk, onDisk ? "" : qPrintable(onDisk.error().message));
        QVERIFY(onDisk->sweep);
        QCOMPARE(onDisk->sweep->params,
                 (QMap<QString, QString>{{u"train.n_estimators"_s, u"int(50,300,50)"_s}}));
        QCOMPARE(onDisk->sweep->objective, u"evaluate.accuracy"_s);
        QCOMPARE(onDisk->sweep->direction, u"minimize"_s);
        QCOMPARE(*onDisk->sweep, *model()->document().sweep);

        // Removing the sweep is one step too.
        QLabel *clear = box->findChild<QLabel *>(u"sweepClear"_s);
        Q_EMIT clear->linkActivated(u"clear"_s);
        QVERIFY(!model()->document().sweep);
        model()->undoStack()->undo();
        QVERIFY(model()->document().sweep);
    }
};

QTEST_MAIN(TestSweepMarker)
#include "tst_sweepmarker.moc"
