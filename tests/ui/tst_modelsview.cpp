#include "core/workspace.h"
#include "registryview/modelsview.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace atelier;

class TestModelsView : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_root;

    static int atelier(const QStringList &arguments)
    {
        QProcess process;
        process.start(QStringLiteral(ATELIER_BINARY), arguments);
        if (!process.waitForFinished(120000))
            return -1;
        if (process.exitCode() != 0)
            qWarning().noquote() << process.readAllStandardError();
        return process.exitCode();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_root = m_tmp.filePath(u"demo"_s);
        QCOMPARE(atelier({u"init"_s, m_root, u"--demo"_s}), 0);
        // The demo pipeline ends by registering its model.
        QCOMPARE(
            atelier({u"pipeline"_s, u"run"_s, u"shapes-classifier"_s, u"--workspace"_s, m_root}),
            0);
    }

    void showsDeploysTriesAndStops()
    {
        ModelsView view;
        view.resize(1200, 800);
        view.show();
        QSignalSpy loaded(&view, &ModelsView::loaded);
        view.setWorkspace(m_root);
        QVERIFY(loaded.wait(20000));
        QCOMPARE(view.modelCount(), 1);
        QCOMPARE(view.snapshot().versions.size(), 1);
        const ModelVersionRecord version = view.snapshot().versions.first();
        QCOMPARE(version.model, u"shapes-classifier"_s);
        QVERIFY(version.aliases.contains(u"staging"_s));
        QCOMPARE(version.taskId, u"train"_s);
        QVERIFY(!version.pipelineCommit.isEmpty());
        QVERIFY(view.selectVersion(version.model, version.version));

        QSignalSpy done(&view, &ModelsView::actionFinished);
        view.deploySelected();
        QVERIFY(done.wait(60000));
        QVERIFY2(done.last().at(0).toBool(), qPrintable(done.last().at(1).toString()));
        QTRY_VERIFY_WITH_TIMEOUT(!view.isBusy(), 20000);
        QCOMPARE(view.snapshot().services.size(), 1);
        const ServiceInfo service = view.snapshot().services.first();
        QCOMPARE(service.state, u"running"_s);
        QCOMPARE(service.host, u"127.0.0.1"_s); // loopback unless asked otherwise

        // "Try it": a row of the model's features, all zero.
        QJsonObject row;
        for (const QJsonValue &input : version.signature.value(u"inputs"_s).toArray())
            row.insert(input.toObject().value(u"name"_s).toString(), 0);
        QVERIFY(!row.isEmpty());
        done.clear();
        view.sendTryIt(QString::fromUtf8(QJsonDocument(QJsonArray{row}).toJson()));
        QVERIFY(done.wait(30000));
        QVERIFY2(done.last().at(0).toBool(), qPrintable(view.tryItAnswer()));
        const QJsonObject answer = QJsonDocument::fromJson(view.tryItAnswer().toUtf8()).object();
        QCOMPARE(answer.value(u"predictions"_s).toArray().size(), 1);

        done.clear();
        view.sendTryIt(u"not json"_s);
        QVERIFY(done.count() == 1 || done.wait(5000));
        QVERIFY(!done.last().at(0).toBool()); // refused before anything is sent

        done.clear();
        view.stopService(service.id);
        QVERIFY(done.wait(30000));
        QVERIFY2(done.last().at(0).toBool(), qPrintable(done.last().at(1).toString()));
        QTRY_VERIFY_WITH_TIMEOUT(::kill(pid_t(service.pid), 0) != 0, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!view.isBusy(), 20000);
        QCOMPARE(view.snapshot().services.first().state, u"stopped"_s);
    }
};

QTEST_MAIN(TestModelsView)
#include "tst_modelsview.moc"
