#include "catalog/database.h"
#include "catalog/migrations.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace atelier;

class TestMigrations : public QObject
{
    Q_OBJECT

private:
    static std::unique_ptr<Database> open(const QTemporaryDir &dir)
    {
        auto db = Database::open(dir.filePath(u"atelier.db"_s), Database::Mode::ReadWriteCreate);
        return db ? std::move(db).value() : nullptr;
    }

private Q_SLOTS:
    void freshCatalogReachesLatest()
    {
        QTemporaryDir dir;
        auto db = open(dir);
        QVERIFY(db);
        QVERIFY(Migrations::latestVersion() >= 2);
        QVERIFY(Migrations::migrate(*db));
        QCOMPARE(db->userVersion(), Migrations::latestVersion());
        for (const QString &table : {u"workspace_meta"_s, u"pools"_s, u"objects"_s})
            QVERIFY2(db->tableExists(table), qPrintable(table));
        QCOMPARE(db->rowCount(u"pools"_s).value(), 1); // the local pool
        QVERIFY(Migrations::migrate(*db));             // idempotent
        QCOMPARE(db->rowCount(u"pools"_s).value(), 1);
    }

    void upgradeFromFirstVersionKeepsData()
    {
        QTemporaryDir dir;
        {
            auto db = open(dir);
            QVERIFY(db);
            QVERIFY(Migrations::migrate(*db, 1));
            QCOMPARE(db->userVersion(), 1);
            QVERIFY(!db->tableExists(u"objects"_s));
            QVERIFY(db->query("INSERT INTO pools (name, kind) VALUES (?1, ?2);")
                        .bind(1, u"gpu-partition"_s)
                        .bind(2, u"slurm"_s)
                        .exec());
            QVERIFY(db->query("INSERT INTO workspace_meta (key, value) VALUES (?1, ?2);")
                        .bind(1, u"name"_s)
                        .bind(2, u"old"_s)
                        .exec());
        }
        auto db = open(dir); // a later program opens the old catalog
        QVERIFY(db);
        QCOMPARE(db->userVersion(), 1);
        QVERIFY(Migrations::migrate(*db));
        QCOMPARE(db->userVersion(), Migrations::latestVersion());
        QVERIFY(db->tableExists(u"objects"_s));
        QCOMPARE(db->rowCount(u"pools"_s).value(), 2);
        Query q = db->query("SELECT value FROM workspace_meta WHERE key = 'name';");
        QVERIFY(q.next().value());
        QCOMPARE(q.text(0), u"old"_s);
    }

    void newerCatalogRefusedUntouched()
    {
        QTemporaryDir dir;
        auto db = open(dir);
        QVERIFY(db);
        QVERIFY(db->setUserVersion(Migrations::latestVersion() + 5));
        Status result = Migrations::migrate(*db);
        QVERIFY(!result);
        QCOMPARE(result.error().code, ErrorCode::Unsupported);
        QVERIFY(result.error().message.contains(u"newer"_s));
        QCOMPARE(db->userVersion(), Migrations::latestVersion() + 5);
        QVERIFY(!db->tableExists(u"pools"_s));
    }

    void lostTaskStateKeepsEarlierTasks()
    {
        QTemporaryDir dir;
        auto db = open(dir);
        QVERIFY(db);
        QVERIFY(Migrations::migrate(*db, 5));
        QVERIFY(db->execScript(
            "INSERT INTO runs (id, pipeline, pipeline_name, state, created_at) "
            "VALUES ('r1', 'p', 'P', 'succeeded', '2026-01-01T00:00:00Z');"
            "INSERT INTO tasks (run_id, node_id, template, state, attempts, exit_code, job_id) "
            "VALUES ('r1', 'a', 't@1', 'succeeded', 2, 0, '42');"));
        // Before the step, 'lost' is refused by the CHECK.
        QVERIFY(!db->execScript("UPDATE tasks SET state = 'lost';"));
        QVERIFY(Migrations::migrate(*db));
        Query q = db->query("SELECT state, attempts, job_id FROM tasks WHERE node_id = 'a';");
        QVERIFY(q.next().value());
        QCOMPARE(q.text(0), u"succeeded"_s);
        QCOMPARE(q.int64(1), 2);
        QCOMPARE(q.text(2), u"42"_s);
        QVERIFY(db->execScript("UPDATE tasks SET state = 'lost';"));
        QVERIFY(!db->execScript("UPDATE tasks SET state = 'vanished';")); // still checked
        // The rebuilt table still cascades with its run.
        QVERIFY(db->execScript("DELETE FROM runs WHERE id = 'r1';"));
        QCOMPARE(db->rowCount(u"tasks"_s).value(), 0);
    }

    void datasetKeysMoveToTheirOwnTable()
    {
        QTemporaryDir dir;
        auto db = open(dir);
        QVERIFY(db);
        QVERIFY(Migrations::migrate(*db, 7));
        QVERIFY(db->execScript(
            "INSERT INTO datasets (id, name, media, task) VALUES (1, 'd', 'text', 'entities');"
            "INSERT INTO dataset_items (id, dataset_id, text, dedup_key, position) VALUES "
            "  (10, 1, 'a', 'k-a', 1), (11, 1, 'b', 'k-b', 2);"
            "INSERT INTO annotations (item_id, author, kind, label) VALUES "
            "  (10, 'ann', 'span', 'PER'), (11, 'ann', 'span', 'ORG'), (11, 'bob', 'span', 'X');"));
        QVERIFY(Migrations::migrate(*db));
        // The rebuild of dataset_items did not cascade into the annotations.
        QCOMPARE(db->rowCount(u"annotations"_s).value(), 3);
        QCOMPARE(db->rowCount(u"dataset_items"_s).value(), 2);
        Query keys = db->query("SELECT dedup_key, item_id FROM dataset_item_keys ORDER BY 1;");
        QVERIFY(keys.next().value());
        QCOMPARE(keys.text(0), u"k-a"_s);
        QCOMPARE(keys.int64(1), 10);
        QVERIFY(keys.next().value());
        QCOMPARE(keys.int64(1), 11);
        QVERIFY(keys.exec());
        // The key is still unique per dataset…
        QVERIFY(!db->execScript("INSERT INTO dataset_item_keys VALUES (1, 'k-a', 99);"));
        // …leaves with its item…
        QVERIFY(db->execScript("DELETE FROM dataset_items WHERE id = 10;"));
        QCOMPARE(db->rowCount(u"dataset_item_keys"_s).value(), 1);
        QCOMPARE(db->rowCount(u"annotations"_s).value(), 2);
        // …and only with its own: an item written without a key row, with the same text,
        // takes nobody's key with it.
        QVERIFY(db->execScript("INSERT INTO dataset_items (id, dataset_id, text, dedup_key, "
                               "position) VALUES (12, 1, 'b', 'k-b', 3);"
                               "DELETE FROM dataset_items WHERE id = 12;"));
        QCOMPARE(db->rowCount(u"dataset_item_keys"_s).value(), 1);
        // The items still cascade with their dataset, and their keys with them.
        QVERIFY(db->execScript("DELETE FROM datasets WHERE id = 1;"));
        QCOMPARE(db->rowCount(u"dataset_items"_s).value(), 0);
        QCOMPARE(db->rowCount(u"dataset_item_keys"_s).value(), 0);
        QCOMPARE(db->rowCount(u"annotations"_s).value(), 0);
        // Foreign keys are on again after the upgrade.
        Query fk = db->query("PRAGMA foreign_keys;");
        QVERIFY(fk.next().value());
        QCOMPARE(fk.int64(0), 1);
        QVERIFY(fk.exec());
    }

    void annotationsTakeMasksAndAttributes()
    {
        QTemporaryDir dir;
        auto db = open(dir);
        QVERIFY(db);
        QVERIFY(Migrations::migrate(*db, 8));
        QVERIFY(db->execScript(
            "INSERT INTO datasets (id, name, media, task) VALUES (1, 'd', 'image', 'segmentation');"
            "INSERT INTO dataset_labels (dataset_id, name, position) VALUES (1, 'cat', 0);"
            "INSERT INTO dataset_items (id, dataset_id, text, dedup_key, position) VALUES "
            "  (10, 1, NULL, 'k-a', 1);"
            "INSERT INTO annotations (id, item_id, author, kind, label, geometry, source) VALUES "
            "  (5, 10, 'ann', 'polygon', 'cat', '[[0,0],[1,0],[1,1]]', 'import:coco');"));
        // Before the step, a mask is refused by the kind check.
        QVERIFY(!db->execScript("INSERT INTO annotations (item_id, author, kind) "
                                "VALUES (10, 'ann', 'mask');"));
        QVERIFY(Migrations::migrate(*db));
        // The rebuilt table kept the row as it was, with empty attributes.
        Query q = db->query("SELECT item_id, kind, label, geometry, source, attributes "
                            "FROM annotations WHERE id = 5;");
        QVERIFY(q.next().value());
        QCOMPARE(q.int64(0), 10);
        QCOMPARE(q.text(1), u"polygon"_s);
        QCOMPARE(q.text(3), u"[[0,0],[1,0],[1,1]]"_s);
        QCOMPARE(q.text(4), u"import:coco"_s);
        QCOMPARE(q.text(5), u"{}"_s);
        QVERIFY(q.exec());
        QVERIFY(db->execScript("INSERT INTO annotations (item_id, author, kind, attributes) "
                               "VALUES (10, 'ann', 'mask', '{\"iscrowd\":1}');"));
        QVERIFY(!db->execScript("INSERT INTO annotations (item_id, author, kind) "
                                "VALUES (10, 'ann', 'blob');")); // still checked
        QVERIFY(db->execScript("UPDATE dataset_items SET split = 'val', attributes = '{\"id\":7}';"
                               "UPDATE dataset_labels SET attributes = '{\"id\":42}';"));
        // The rebuilt annotations still go with their item.
        QVERIFY(db->execScript("DELETE FROM dataset_items WHERE id = 10;"));
        QCOMPARE(db->rowCount(u"annotations"_s).value(), 0);
    }

    void earlierOrphansDoNotBlockTheUpgrade()
    {
        // An annotation whose item went missing before this version (written with foreign
        // keys off) must not lock the user out of the workspace.
        QTemporaryDir dir;
        auto db = open(dir);
        QVERIFY(db);
        QVERIFY(Migrations::migrate(*db, 7));
        QVERIFY(db->execScript("PRAGMA foreign_keys = OFF;"
                               "INSERT INTO annotations (item_id, author, kind) "
                               "VALUES (404, 'a', 'tag');"
                               "PRAGMA foreign_keys = ON;"));
        Status upgraded = Migrations::migrate(*db);
        QVERIFY2(upgraded, upgraded ? "" : qPrintable(upgraded.error().message));
        QCOMPARE(db->userVersion(), Migrations::latestVersion());
        QCOMPARE(db->rowCount(u"annotations"_s).value(), 1);
    }

    /// The opcodes SQLite runs for \a sql.
    static QStringList opcodes(Database &db, const char *sql)
    {
        QStringList codes;
        Query q = db.query(QByteArray("EXPLAIN ") + sql);
        (void)q.forEach([&](const Query &row) { codes.append(row.text(1)); });
        return codes;
    }

    void bulkTablesCheckWithoutTemporaryTrees()
    {
        QTemporaryDir dir;
        auto db = open(dir);
        QVERIFY(db);
        QVERIFY(Migrations::migrate(*db, 14));
        QVERIFY(db->execScript(
            "INSERT INTO datasets (id, name, media, task) VALUES (1, 'd', 'image', 'segmentation');"
            "INSERT INTO dataset_items (id, dataset_id, object_hash, source_name, width, height, "
            "  status, review_comment, reviewer, dedup_key, position, updated_at, split, "
            "  attributes) VALUES (10, 1, NULL, 'a/b.png', 640, 480, 'reviewed', 'ok', 'rev', "
            "  'k-a', 3, '2026-01-02T03:04:05.678Z', 'val', '{\"id\":7}');"
            "INSERT INTO dataset_item_keys VALUES (1, 'k-a', 10);"
            "INSERT INTO annotations VALUES (5, 10, 'ann', 'mask', 'cat', '{\"rle\":\"x\"}', "
            "  'suggested', 'import:coco', '2026-01-02T03:04:05.678Z', "
            "  '2026-02-02T03:04:05.678Z', '{\"iscrowd\":1}');"));
        const char *insert = "INSERT INTO annotations (item_id, author, kind, state) "
                             "VALUES (10, 'ann', 'box', 'accepted');";
        // Before the step, each row's IN checks build a temporary b-tree of their list.
        QVERIFY(opcodes(*db, insert).contains(u"OpenEphemeral"_s));
        auto rows = [&db](const char *table) {
            QStringList all;
            Query q = db->query(QByteArray("SELECT * FROM ") + table + " ORDER BY id;");
            (void)q.forEach([&](const Query &row) {
                QStringList values;
                for (int c = 0; c < row.columnCount(); ++c)
                    values.append(row.isNull(c) ? u"NULL"_s : row.text(c));
                all.append(values.join(u'|'));
            });
            return all;
        };
        const QStringList items = rows("dataset_items"), annotations = rows("annotations");
        QCOMPARE(annotations.size(), 1);
        QVERIFY(Migrations::migrate(*db));
        QCOMPARE(rows("dataset_items"), items); // every column of every row kept
        QCOMPARE(rows("annotations"), annotations);
        QVERIFY(!opcodes(*db, insert).contains(u"OpenEphemeral"_s));
        QVERIFY(!opcodes(*db, "UPDATE dataset_items SET status = 'labeled' WHERE id = 10;")
                     .contains(u"OpenEphemeral"_s));
        // The same values are accepted and refused as before.
        QVERIFY(db->execScript(insert));
        for (const char *kind : {"tag", "polygon", "span", "pair", "mask"}) {
            QVERIFY(db->execScript(QByteArray("INSERT INTO annotations (item_id, author, kind, "
                                              "state) VALUES (10, 'ann', '") +
                                   kind + "', 'rejected');"));
        }
        QVERIFY(!db->execScript("INSERT INTO annotations (item_id, author, kind) "
                                "VALUES (10, 'ann', 'blob');"));
        QVERIFY(!db->execScript("INSERT INTO annotations (item_id, author, kind, state) "
                                "VALUES (10, 'ann', 'box', 'maybe');"));
        QVERIFY(!db->execScript("INSERT INTO annotations (item_id, author, kind) "
                                "VALUES (10, 'ann', 'Box');"));
        QVERIFY(db->execScript("UPDATE dataset_items SET status = 'rejected';"));
        QVERIFY(!db->execScript("UPDATE dataset_items SET status = 'done';"));
        // Indexes, the trigger and the cascades are back.
        for (const QString &index : {u"annotations_by_item"_s, u"dataset_items_by_position"_s,
                                     u"dataset_items_by_status"_s}) {
            Query q = db->query("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?1;");
            q.bind(1, index);
            QVERIFY2(q.next().value(), qPrintable(index));
            QVERIFY(q.exec());
        }
        QVERIFY(db->execScript("DELETE FROM dataset_items WHERE id = 10;"));
        QCOMPARE(db->rowCount(u"annotations"_s).value(), 0);
        QCOMPARE(db->rowCount(u"dataset_item_keys"_s).value(), 0);
    }

    void failedStepRollsBackEveryStep()
    {
        QTemporaryDir dir;
        auto db = open(dir);
        QVERIFY(db);
        // A table in the way of step 2 makes it fail after step 1 has run.
        QVERIFY(db->execScript("CREATE TABLE objects (x);"));
        Status result = Migrations::migrate(*db);
        QVERIFY(!result);
        QVERIFY(result.error().message.contains(u"schema 2"_s));
        QCOMPARE(db->userVersion(), 0);
        QVERIFY(!db->tableExists(u"pools"_s)); // step 1 was rolled back with it
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
