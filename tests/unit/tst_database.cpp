#include "catalog/database.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace atelier;

class TestDatabase : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Database> openFresh(const QTemporaryDir &dir)
    {
        auto db = Database::open(dir.filePath(u"test.db"_s), Database::Mode::ReadWriteCreate);
        if (!db || !db.value()->enableWriteAheadLog()) {
            qWarning("cannot open a test database");
            return nullptr;
        }
        return std::move(db).value();
    }

    static QString pragmaText(Database &db, const char *sql)
    {
        Query q = db.query(sql);
        auto row = q.next();
        return row && row.value() ? q.text(0) : QString();
    }

private Q_SLOTS:
    void createsWithWalAndForeignKeys()
    {
        QTemporaryDir dir;
        auto db = openFresh(dir);
        QVERIFY(db);
        QCOMPARE(pragmaText(*db, "PRAGMA journal_mode;"), u"wal"_s);
        QCOMPARE(pragmaText(*db, "PRAGMA foreign_keys;"), u"1"_s);
    }

    void openingWritesNothing()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"rollback.db"_s);
        {
            auto db = Database::open(path, Database::Mode::ReadWriteCreate);
            QVERIFY(db);
            QVERIFY(db.value()->execScript("CREATE TABLE t (v); INSERT INTO t VALUES (1);"));
        }
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray before = file.readAll();
        file.close();
        {
            auto db = Database::open(path, Database::Mode::ReadWrite);
            QVERIFY(db);
            QCOMPARE(pragmaText(*db.value(), "PRAGMA journal_mode;"), u"delete"_s);
        }
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), before);
    }

    void missingFileRefusedWithoutCreate()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"absent.db"_s);
        auto db = Database::open(path, Database::Mode::ReadWrite);
        QVERIFY(!db);
        QCOMPARE(db.error().code, ErrorCode::NotFound);
        QVERIFY(db.error().message.contains(path));
        QVERIFY(!QFile::exists(path));
    }

    void nonDatabaseRefusedAndUntouched()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"garbage.db"_s);
        QByteArray bytes(4096, 'x');
        bytes.replace(0, 20, "this is not sqlite!!");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
        file.close();

        auto db = Database::open(path, Database::Mode::ReadWrite);
        QVERIFY(!db);
        QCOMPARE(db.error().code, ErrorCode::Corrupt);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), bytes);
        QVERIFY(!QFile::exists(path + u"-wal"_s));
    }

    void boundParametersRoundTrip_data()
    {
        QTest::addColumn<QVariant>("value");
        QTest::newRow("text") << QVariant(u"plain"_s);
        QTest::newRow("quotes") << QVariant(u"Robert'); DROP TABLE t;--"_s);
        QTest::newRow("chinese") << QVariant(u"标注员 张伟"_s);
        QTest::newRow("int") << QVariant(qint64(1) << 40);
        QTest::newRow("real") << QVariant(0.125);
        QTest::newRow("blob") << QVariant(QByteArray("\0\1\2binary", 9));
        QTest::newRow("null") << QVariant();
    }

    void boundParametersRoundTrip()
    {
        QFETCH(QVariant, value);
        QTemporaryDir dir;
        auto db = openFresh(dir);
        QVERIFY(db);
        QVERIFY(db->execScript("CREATE TABLE t (v);"));
        QVERIFY(db->query("INSERT INTO t (v) VALUES (?1);").bind(1, value).exec());
        QVERIFY(db->tableExists(u"t"_s)); // the table survived whatever the text said
        Query q = db->query("SELECT v, typeof(v) FROM t;");
        auto row = q.next();
        QVERIFY(row && row.value());
        switch (value.typeId()) {
        case QMetaType::QString:
            QCOMPARE(q.text(0), value.toString());
            break;
        case QMetaType::LongLong:
            QCOMPARE(q.int64(0), value.toLongLong());
            break;
        case QMetaType::Double:
            QCOMPARE(q.real(0), value.toDouble());
            break;
        case QMetaType::QByteArray:
            QCOMPARE(q.blob(0), value.toByteArray());
            QCOMPARE(q.text(1), u"blob"_s);
            break;
        default:
            QVERIFY(q.isNull(0));
        }
    }

    void statementsAreReusedAndNestable()
    {
        QTemporaryDir dir;
        auto db = openFresh(dir);
        QVERIFY(db);
        QVERIFY(db->execScript("CREATE TABLE n (i INTEGER); INSERT INTO n VALUES (1), (2), (3);"));
        const char *sql = "SELECT i FROM n WHERE i >= ?1 ORDER BY i;";
        for (int round = 0; round < 3; ++round) { // the cached statement is reset between uses
            Query q = db->query(sql);
            q.bind(1, 2);
            QList<qint64> seen;
            while (q.next().value())
                seen.append(q.int64(0));
            QCOMPARE(seen, (QList<qint64>{2, 3}));
        }
        Query outer = db->query(sql);
        outer.bind(1, 1);
        int pairs = 0;
        while (outer.next().value()) {
            Query inner = db->query(sql); // same text while the first is still stepping
            inner.bind(1, outer.int64(0));
            while (inner.next().value())
                ++pairs;
        }
        QCOMPARE(pairs, 3 + 2 + 1);
    }

    void heldStatementRunsAgainAfterAFailure()
    {
        // A bulk writer keeps one Query across rows: a refused row must not spoil the next.
        QTemporaryDir dir;
        auto db = openFresh(dir);
        QVERIFY(db);
        QVERIFY(db->execScript("CREATE TABLE t (k TEXT PRIMARY KEY);"));
        Query insert = db->query("INSERT INTO t (k) VALUES (?1);");
        QVERIFY(insert.bindUtf8(1, "a").exec());
        Status twice = insert.bindUtf8(1, "a").exec();
        QVERIFY(!twice);
        QVERIFY(twice.error().message.contains(u"UNIQUE"_s, Qt::CaseInsensitive));
        QVERIFY(insert.bindUtf8(1, "b").exec());
        // A failed bind (index out of range) is reported once, then the statement works.
        QVERIFY(!insert.bindUtf8(7, "x").exec());
        QVERIFY(insert.bindUtf8(1, "c").exec());
        QCOMPARE(db->rowCount(u"t"_s).value(), 3);
    }

    void transactionRollsBackOnFailure()
    {
        QTemporaryDir dir;
        auto db = openFresh(dir);
        QVERIFY(db);
        QVERIFY(db->execScript("CREATE TABLE u (name TEXT UNIQUE);"));
        Status result = db->transaction([&]() -> Status {
            if (auto first = db->query("INSERT INTO u VALUES (?1);").bind(1, u"a"_s).exec(); !first)
                return first;
            return db->query("INSERT INTO u VALUES (?1);").bind(1, u"a"_s).exec();
        });
        QVERIFY(!result);
        QCOMPARE(result.error().code, ErrorCode::Conflict);
        QCOMPARE(db->rowCount(u"u"_s).value(), 0);

        QVERIFY(db->transaction([&]() -> Status {
            return db->query("INSERT INTO u VALUES (?1);").bind(1, u"b"_s).exec();
        }));
        QCOMPARE(db->rowCount(u"u"_s).value(), 1);
    }

    void foreignKeysEnforced()
    {
        QTemporaryDir dir;
        auto db = openFresh(dir);
        QVERIFY(db);
        QVERIFY(db->execScript("CREATE TABLE p (id INTEGER PRIMARY KEY);"
                               "CREATE TABLE c (p INTEGER REFERENCES p(id));"));
        Status orphan = db->query("INSERT INTO c VALUES (?1);").bind(1, 42).exec();
        QVERIFY(!orphan);
        QCOMPARE(orphan.error().code, ErrorCode::Conflict);
    }

    void rowCountChecksTheName_data()
    {
        QTest::addColumn<QString>("table");
        QTest::newRow("missing") << u"nosuch"_s;
        QTest::newRow("injection") << u"t; DROP TABLE t"_s;
        QTest::newRow("quote") << u"t\""_s;
    }

    void rowCountChecksTheName()
    {
        QFETCH(QString, table);
        QTemporaryDir dir;
        auto db = openFresh(dir);
        QVERIFY(db);
        QVERIFY(db->execScript("CREATE TABLE t (v); INSERT INTO t VALUES (1);"));
        auto count = db->rowCount(table);
        QVERIFY(!count);
        QCOMPARE(count.error().code, ErrorCode::NotFound);
        QCOMPARE(db->rowCount(u"t"_s).value(), 1);
    }

    void userVersionRoundTrip()
    {
        QTemporaryDir dir;
        auto db = openFresh(dir);
        QVERIFY(db);
        QCOMPARE(db->userVersion(), 0);
        QVERIFY(db->setUserVersion(7));
        QCOMPARE(db->userVersion(), 7);
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
