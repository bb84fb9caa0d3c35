#include "catalog/database.h"
#include "core/workspace.h"
#include "versioning/gitrepository.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace atelier;

class TestWorkspace : public QObject
{
    Q_OBJECT

private:
    static void writeFile(const QString &path, const QByteArray &content)
    {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }

    static qint64 count(Workspace &workspace, const QString &table)
    {
        auto rows = workspace.catalog().rowCount(table);
        return rows ? rows.value() : -1;
    }

private Q_SLOTS:
    void createMakesTheLayout()
    {
        QTemporaryDir tmp;
        const QString root = tmp.filePath(u"ws"_s);
        auto workspace = Workspace::create(root, {});
        QVERIFY2(workspace, workspace ? "" : qPrintable(workspace.error().message));
        for (const QString &entry : {u"atelier.db"_s, u"objects"_s, u"runs"_s, u"repo/.git"_s})
            QVERIFY2(QFileInfo::exists(QDir(root).filePath(entry)), qPrintable(entry));
        QVERIFY(!QFileInfo::exists(QDir(root).filePath(u"demo"_s)));
        auto repo = workspace->repository();
        QVERIFY(repo);
        QCOMPARE(repo->history().value().size(), 1);
        auto info = workspace->info();
        QVERIFY(info);
        QCOMPARE(info->name, u"ws"_s);
        QCOMPARE(info->commits, 1);
        QCOMPARE(info->schemaVersion, info->programSchemaVersion);
    }

    void createInEmptyExistingFolder()
    {
        QTemporaryDir tmp;
        auto workspace = Workspace::create(tmp.path(), {});
        QVERIFY(workspace);
        QVERIFY(Workspace::looksLikeWorkspace(tmp.path()));
    }

    void createRefusesNonEmptyFolderAndTouchesNothing()
    {
        QTemporaryDir tmp;
        writeFile(tmp.filePath(u"thesis.txt"_s), "years of work");
        auto workspace = Workspace::create(tmp.path(), {});
        QVERIFY(!workspace);
        QCOMPARE(workspace.error().code, ErrorCode::Conflict);
        QVERIFY(workspace.error().message.contains(u"not empty"_s));
        QCOMPARE(QDir(tmp.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot),
                 QStringList{u"thesis.txt"_s});
    }

    void createRefusesExistingWorkspace()
    {
        QTemporaryDir tmp;
        QVERIFY(Workspace::create(tmp.path(), {}));
        const QByteArray before = [&] {
            QFile db(tmp.filePath(u"atelier.db"_s));
            return db.open(QIODevice::ReadOnly) ? db.readAll() : QByteArray();
        }();
        auto again = Workspace::create(tmp.path(), {});
        QVERIFY(!again);
        QCOMPARE(again.error().code, ErrorCode::Conflict);
        QFile db(tmp.filePath(u"atelier.db"_s));
        QVERIFY(db.open(QIODevice::ReadOnly));
        QCOMPARE(db.readAll(), before);
    }

    void cancelledDemoRemovesWhatItMade()
    {
        QTemporaryDir tmp;
        const QString root = tmp.filePath(u"new"_s);
        std::atomic_bool cancel = false;
        Workspace::CreateOptions options;
        options.demo = true;
        options.cancel = &cancel;
        options.progress = [&](int done, int) {
            if (done == 10)
                cancel = true;
        };
        auto workspace = Workspace::create(root, options);
        QVERIFY(!workspace);
        QCOMPARE(workspace.error().code, ErrorCode::Cancelled);
        QVERIFY(!QFileInfo::exists(root));

        // In a folder the user gave us, only our own entries go; the folder stays.
        cancel = false;
        auto inPlace = Workspace::create(tmp.path(), options);
        QVERIFY(!inPlace);
        QVERIFY(QFileInfo(tmp.path()).isDir());
        QVERIFY(QDir(tmp.path()).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden));
    }

    void demoSummaryReported()
    {
        QTemporaryDir tmp;
        DemoSummary summary;
        Workspace::CreateOptions options;
        options.demo = true;
        options.demoSummary = &summary;
        auto workspace = Workspace::create(tmp.filePath(u"demo"_s), options);
        QVERIFY(workspace);
        QCOMPARE(summary.classificationImages + summary.detectionImages, 300);
        QCOMPARE(summary.sentences, 200);
        QVERIFY(summary.boxes > 0);
        QCOMPARE(workspace->info()->demoPath, workspace->demoPath());
    }

    void openRefusesWhatIsNotAWorkspace()
    {
        QTemporaryDir tmp;
        auto missing = Workspace::open(tmp.filePath(u"nope"_s));
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, ErrorCode::NotFound);

        auto plain = Workspace::open(tmp.path());
        QVERIFY(!plain);
        QVERIFY(plain.error().message.contains(u"atelier init"_s));

        writeFile(tmp.filePath(u"atelier.db"_s), QByteArray(2048, '\x7f'));
        auto corrupt = Workspace::open(tmp.path());
        QVERIFY(!corrupt);
        QCOMPARE(corrupt.error().code, ErrorCode::Corrupt);
        QVERIFY(!QFileInfo::exists(tmp.filePath(u"objects"_s))); // nothing made beside it
    }

    void openRefusesForeignSqlite()
    {
        QTemporaryDir tmp;
        {
            auto db =
                Database::open(tmp.filePath(u"atelier.db"_s), Database::Mode::ReadWriteCreate);
            QVERIFY(db);
            QVERIFY(db.value()->execScript("CREATE TABLE invoices (id INTEGER);"));
        }
        auto workspace = Workspace::open(tmp.path());
        QVERIFY(!workspace);
        QCOMPARE(workspace.error().code, ErrorCode::Corrupt);
        auto db = Database::open(tmp.filePath(u"atelier.db"_s), Database::Mode::ReadWrite);
        QVERIFY(db);
        QVERIFY(!db.value()->tableExists(u"pools"_s));
    }

    void openRestoresMissingFolders()
    {
        QTemporaryDir tmp;
        QVERIFY(Workspace::create(tmp.path(), {}));
        QVERIFY(QDir(tmp.filePath(u"runs"_s)).removeRecursively());
        auto workspace = Workspace::open(tmp.path());
        QVERIFY(workspace);
        QVERIFY(QFileInfo(tmp.filePath(u"runs"_s)).isDir());
    }

    void storedObjectsAreCataloguedOnce()
    {
        QTemporaryDir tmp;
        auto workspace = Workspace::create(tmp.filePath(u"ws"_s), {});
        QVERIFY(workspace);
        writeFile(tmp.filePath(u"a.bin"_s), "same bytes");
        writeFile(tmp.filePath(u"b.bin"_s), "same bytes");
        writeFile(tmp.filePath(u"c.bin"_s), "other bytes");
        auto a = workspace->storeFile(tmp.filePath(u"a.bin"_s));
        auto b = workspace->storeFile(tmp.filePath(u"b.bin"_s));
        auto c = workspace->storeFile(tmp.filePath(u"c.bin"_s));
        QVERIFY(a && b && c);
        QVERIFY(!a->duplicate);
        QVERIFY(b->duplicate);
        QCOMPARE(a->hash, b->hash);
        QCOMPARE(count(workspace.value(), u"objects"_s), qint64(2));
        QCOMPARE(workspace->info()->objectBytes, qint64(10 + 11));
        QVERIFY(workspace->verifyObjects().value().isEmpty());
    }

    void verifyFindsMissingAndDamagedObjects()
    {
        QTemporaryDir tmp;
        auto workspace = Workspace::create(tmp.filePath(u"ws"_s), {});
        QVERIFY(workspace);
        writeFile(tmp.filePath(u"a.bin"_s), "first");
        writeFile(tmp.filePath(u"b.bin"_s), "second");
        const QString gone = workspace->storeFile(tmp.filePath(u"a.bin"_s))->hash;
        const QString damaged = workspace->storeFile(tmp.filePath(u"b.bin"_s))->hash;
        QVERIFY(QFile::remove(workspace->objects().pathFor(gone)));
        QFile object(workspace->objects().pathFor(damaged));
        object.setPermissions(object.permissions() | QFile::WriteOwner);
        QVERIFY(object.open(QIODevice::WriteOnly));
        object.write("tampered");
        object.close();

        int lastDone = 0;
        auto problems = workspace->verifyObjects([&](int done, int total) {
            lastDone = done;
            QCOMPARE(total, 2);
        });
        QVERIFY(problems);
        QCOMPARE(lastDone, 2);
        QCOMPARE(problems->size(), 2);
        QHash<QString, ErrorCode> codes;
        for (const ObjectProblem &problem : problems.value())
            codes.insert(problem.hash, problem.error.code);
        QCOMPARE(codes.value(gone), ErrorCode::NotFound);
        QCOMPARE(codes.value(damaged), ErrorCode::Corrupt);
    }
};

QTEST_GUILESS_MAIN(TestWorkspace)
#include "tst_workspace.moc"
