// Lineage down to the environment on the Models page: a version registered from a task that
// ran in an image shows that image (ModelRegistry::trainingImage, as `model show` prints it);
// one registered from a file shows none.
#include "core/workspace.h"
#include "registry/modelregistry.h"
#include "registryview/modelsview.h"
#include "runs/runstore.h"

#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace atelier;

class TestModelsImage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lineageNamesTheTrainingImage()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString root = tmp.filePath(u"ws"_s);
        const QString imageId = u"0123456789abcdef0123456789abcdef"_s;
        qint64 fromRun = 0;
        qint64 fromFile = 0;
        {
            auto workspace = Workspace::create(root, {});
            QVERIFY2(workspace, workspace ? "" : qPrintable(workspace.error().message));
            RunStore runs(workspace->catalog());
            RunRecord run;
            run.id = RunStore::newRunId();
            run.pipeline = u"p"_s;
            run.pipelineName = u"P"_s;
            run.state = u"succeeded"_s;
            run.pool = u"local"_s;
            QVERIFY(runs.insertRun(run));
            TaskRecord task;
            task.runId = run.id;
            task.nodeId = u"train"_s;
            task.templateRef = u"shell@1.0"_s;
            task.state = u"succeeded"_s;
            task.image = u"localhost/trainer:1"_s;
            task.imageId = imageId;
            QVERIFY(runs.saveTask(task));

            const QString file = tmp.filePath(u"model.onnx"_s);
            QFile onnx(file);
            QVERIFY(onnx.open(QIODevice::WriteOnly));
            onnx.write("not really onnx");
            onnx.close();
            ModelRegistry registry(workspace->catalog(), workspace->root());
            ModelRegisterOptions options;
            options.name = u"m"_s;
            options.runId = run.id;
            options.taskId = u"train"_s;
            auto registered = registry.registerPath(file, options);
            QVERIFY2(registered, registered ? "" : qPrintable(registered.error().message));
            fromRun = registered->id;
            ModelRegisterOptions plain;
            plain.name = u"m"_s;
            auto second = registry.registerPath(file, plain);
            QVERIFY2(second, second ? "" : qPrintable(second.error().message));
            fromFile = second->id;
        }

        auto snapshot = ModelsSnapshot::load(root);
        QVERIFY2(snapshot, snapshot ? "" : qPrintable(snapshot.error().message));
        QCOMPARE(snapshot->images.value(fromRun), u"localhost/trainer:1@"_s + imageId);
        QVERIFY(!snapshot->images.contains(fromFile));

        ModelsView view;
        view.resize(1200, 800);
        view.show();
        QSignalSpy loaded(&view, &ModelsView::loaded);
        view.setWorkspace(root);
        QVERIFY(loaded.wait(20000));
        auto *lineage = view.findChild<QLabel *>(u"versionLineage"_s);
        QVERIFY(lineage);
        QVERIFY(view.selectVersion(u"m"_s, 1));
        QVERIFY2(lineage->text().contains(u"localhost/trainer:1 (%1)"_s.arg(imageId.left(12))),
                 qPrintable(lineage->text()));
        QVERIFY(view.selectVersion(u"m"_s, 2));
        QVERIFY2(!lineage->text().contains(u"localhost/trainer"_s), qPrintable(lineage->text()));
    }
};

QTEST_MAIN(TestModelsImage)
#include "tst_modelsimage.moc"
