// ServiceStore: the catalog rows of deployed services, written and read back through the store
// alone (no process is started).
#include "core/processidentity.h"
#include "core/workspace.h"
#include "registry/modelregistry.h"
#include "registry/servicestore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace atelier;
using namespace Qt::StringLiterals;

class TestServiceStore : public QObject
{
    Q_OBJECT

private:
    static bool writeFile(const QString &path, const QByteArray &bytes)
    {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
    }

private Q_SLOTS:
    void rowsFollowADeployment()
    {
        QTemporaryDir tmp;
        auto workspace = Workspace::create(tmp.filePath(u"ws"_s), {});
        QVERIFY(workspace);
        const QString folder = tmp.filePath(u"bundle"_s);
        QVERIFY(writeFile(folder + u"/weights/part-1.safetensors"_s, "\x10\0\0\0\0\0\0\0{}"));
        ModelRegisterOptions options;
        options.name = u"bundle"_s;
        auto version =
            ModelRegistry(workspace->catalog(), workspace->root()).registerPath(folder, options);
        QVERIFY2(version, version ? "" : qPrintable(version.error().message));

        ServiceStore store(workspace->catalog());
        const Result<ServedVersion> served = store.servedVersion(version->id);
        QVERIFY(served);
        QCOMPARE(served->model, u"bundle"_s);
        QCOMPARE(served->version, 1);
        QCOMPARE(served->framework, u"safetensors"_s);
        QCOMPARE(store.servedVersion(version->id + 100).error().code, ErrorCode::NotFound);
        const Result<QList<ModelFile>> files = store.files(version->id);
        QVERIFY(files);
        QCOMPARE(files->size(), 1);
        QCOMPARE(files->at(0).path, u"weights/part-1.safetensors"_s);
        QCOMPARE(files->at(0).hash.size(), 64);

        ServiceInfo service;
        service.id = u"svc-bundle-v1-0001"_s;
        service.versionId = version->id;
        service.pool = u"local"_s;
        service.host = u"127.0.0.1"_s;
        service.folder = tmp.filePath(u"ws/services/svc-bundle-v1-0001"_s);
        QVERIFY(store.insertStarting(service, ProcessIdentity::current()));
        auto listed = store.list();
        QVERIFY(listed);
        QCOMPARE(listed->size(), 1);
        QCOMPARE(listed->at(0).state, u"starting"_s);
        QCOMPARE(listed->at(0).model, u"bundle"_s);
        QCOMPARE(listed->at(0).port, 0);
        QVERIFY(listed->at(0).isLive());
        QVERIFY(!listed->at(0).startedAt.isEmpty());

        QVERIFY(store.recordProcess(service.id, ProcessIdentity::current()));
        QVERIFY(store.markRunning(service.id, 45678));
        listed = store.list();
        QVERIFY(listed);
        QCOMPARE(listed->at(0).state, u"running"_s);
        QCOMPARE(listed->at(0).pid, ProcessIdentity::current().pid);
        QCOMPARE(listed->at(0).url(), u"http://127.0.0.1:45678"_s);
        QVERIFY(listed->at(0).stoppedAt.isEmpty());

        QVERIFY(store.setState(service.id, u"failed"_s, u"the model could not be loaded"_s));
        listed = store.list();
        QVERIFY(listed);
        QCOMPARE(listed->at(0).state, u"failed"_s);
        QCOMPARE(listed->at(0).message, u"the model could not be loaded"_s);
        QVERIFY(!listed->at(0).stoppedAt.isEmpty());
        QVERIFY(!listed->at(0).isLive());
    }
};

QTEST_GUILESS_MAIN(TestServiceStore)
#include "tst_servicestore.moc"
