#include "catalog/migrations.h"

#include "catalog/database.h"

#include <array>

namespace atelier {

namespace {

/// Append only: a released step is never edited; later issues add steps at the end.
constexpr std::array kSteps = {
    // 1 — the workspace itself and the pools work runs on.
    R"sql(
    CREATE TABLE workspace_meta (
        key   TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL
    );
    CREATE TABLE pools (
        id         INTEGER PRIMARY KEY,
        name       TEXT NOT NULL UNIQUE,
        kind       TEXT NOT NULL CHECK (kind IN ('local', 'slurm', 'kubernetes')),
        state      TEXT NOT NULL DEFAULT 'online'
                   CHECK (state IN ('initializing', 'online', 'abnormal', 'unbinding')),
        config     TEXT NOT NULL DEFAULT '{}',
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    INSERT INTO pools (name, kind, state) VALUES ('local', 'local', 'online');
    )sql",
    // 2 — content-addressed objects known to the catalog (the files live in objects/).
    R"sql(
    CREATE TABLE objects (
        hash     TEXT PRIMARY KEY NOT NULL CHECK (length(hash) = 64),
        size     INTEGER NOT NULL CHECK (size >= 0),
        added_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    )sql",
    // 3 — pipeline runs, their tasks, and the outputs a task may reuse (the cache).
    R"sql(
    CREATE TABLE runs (
        id             TEXT PRIMARY KEY NOT NULL,
        pipeline       TEXT NOT NULL,
        pipeline_name  TEXT NOT NULL,
        commit_id      TEXT,
        state          TEXT NOT NULL
                       CHECK (state IN ('pending', 'running', 'succeeded', 'failed', 'stopped')),
        pool           TEXT NOT NULL DEFAULT 'local',
        variables      TEXT NOT NULL DEFAULT '{}',
        options        TEXT NOT NULL DEFAULT '{}',
        logical_date   TEXT,
        created_at     TEXT NOT NULL,
        started_at     TEXT,
        finished_at    TEXT,
        stop_requested INTEGER NOT NULL DEFAULT 0,
        runner_pid     INTEGER,
        message        TEXT
    );
    CREATE INDEX runs_by_pipeline ON runs (pipeline, created_at);
    -- One run per schedule slot, however many schedulers (windows, atelier scheduler) look.
    CREATE UNIQUE INDEX runs_by_slot ON runs (pipeline, logical_date)
        WHERE logical_date IS NOT NULL;
    CREATE TABLE tasks (
        run_id      TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        node_id     TEXT NOT NULL,
        template    TEXT NOT NULL,
        state       TEXT NOT NULL CHECK (state IN ('pending', 'queued', 'running', 'succeeded',
                                                   'failed', 'stopped', 'skipped', 'cached')),
        attempts    INTEGER NOT NULL DEFAULT 0,
        exit_code   INTEGER,
        pool        TEXT,
        job_id      TEXT,
        started_at  TEXT,
        finished_at TEXT,
        message     TEXT,
        cache_key   TEXT,
        outputs_dir TEXT,
        PRIMARY KEY (run_id, node_id)
    );
    CREATE TABLE task_cache (
        key         TEXT PRIMARY KEY NOT NULL,
        run_id      TEXT NOT NULL,
        node_id     TEXT NOT NULL,
        outputs_dir TEXT NOT NULL,
        created_at  TEXT NOT NULL
    );
    )sql",
    // 4 — metrics and experiments: points reported by tasks (and sampled resources, keys
    // "sys/…"), where each metrics file's ingestion stands, runs grouped into experiments,
    // and runs imported from MLflow with their params and tags.
    R"sql(
    CREATE TABLE experiments (
        id          INTEGER PRIMARY KEY,
        name        TEXT NOT NULL UNIQUE,
        source      TEXT NOT NULL DEFAULT 'atelier',
        external_id TEXT,
        created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    ALTER TABLE runs ADD COLUMN experiment_id INTEGER REFERENCES experiments (id)
        ON DELETE SET NULL;
    ALTER TABLE runs ADD COLUMN run_name TEXT;
    ALTER TABLE runs ADD COLUMN source TEXT NOT NULL DEFAULT 'atelier';
    CREATE TABLE run_params (
        run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        key    TEXT NOT NULL,
        value  TEXT NOT NULL,
        PRIMARY KEY (run_id, key)
    );
    CREATE TABLE run_tags (
        run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        key    TEXT NOT NULL,
        value  TEXT NOT NULL,
        PRIMARY KEY (run_id, key)
    );
    CREATE TABLE metrics (
        run_id  TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        task_id TEXT NOT NULL DEFAULT '',
        key     TEXT NOT NULL,
        step    INTEGER,
        value   REAL NOT NULL,
        ts      REAL NOT NULL
    );
    CREATE INDEX metrics_by_key ON metrics (run_id, key, ts);
    CREATE TABLE metric_sources (
        run_id    TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        task_id   TEXT NOT NULL,
        path      TEXT NOT NULL,
        offset    INTEGER NOT NULL DEFAULT 0,
        points    INTEGER NOT NULL DEFAULT 0,
        malformed INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (run_id, task_id)
    );
    )sql",
    // 5 — the model registry: models, their versions (files in the object store, lineage to
    // the run, its pipeline commit and dataset versions), aliases with their history, and
    // services (deployed versions).
    R"sql(
    CREATE TABLE models (
        id          INTEGER PRIMARY KEY,
        name        TEXT NOT NULL UNIQUE,
        description TEXT NOT NULL DEFAULT '',
        created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    CREATE TABLE model_versions (
        id                 INTEGER PRIMARY KEY,
        model_id           INTEGER NOT NULL REFERENCES models (id) ON DELETE CASCADE,
        version            INTEGER NOT NULL CHECK (version >= 1),
        framework          TEXT NOT NULL,
        run_id             TEXT REFERENCES runs (id) ON DELETE SET NULL,
        task_id            TEXT,
        pipeline_commit    TEXT,
        source_path        TEXT NOT NULL,
        description        TEXT NOT NULL DEFAULT '',
        signature          TEXT,
        metrics            TEXT NOT NULL DEFAULT '{}',
        params             TEXT NOT NULL DEFAULT '{}',
        tags               TEXT NOT NULL DEFAULT '{}',
        validation         TEXT CHECK (validation IN ('passed', 'failed')),
        validation_message TEXT,
        validated_at       TEXT,
        created_by         TEXT NOT NULL DEFAULT '',
        created_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
        UNIQUE (model_id, version)
    );
    CREATE TABLE model_files (
        version_id INTEGER NOT NULL REFERENCES model_versions (id) ON DELETE CASCADE,
        path       TEXT NOT NULL,
        hash       TEXT NOT NULL REFERENCES objects (hash),
        size       INTEGER NOT NULL,
        PRIMARY KEY (version_id, path)
    );
    CREATE TABLE model_datasets (
        version_id      INTEGER NOT NULL REFERENCES model_versions (id) ON DELETE CASCADE,
        dataset         TEXT NOT NULL,
        dataset_version TEXT NOT NULL,
        PRIMARY KEY (version_id, dataset, dataset_version)
    );
    CREATE TABLE model_aliases (
        model_id   INTEGER NOT NULL REFERENCES models (id) ON DELETE CASCADE,
        alias      TEXT NOT NULL,
        version_id INTEGER NOT NULL REFERENCES model_versions (id) ON DELETE CASCADE,
        PRIMARY KEY (model_id, alias)
    );
    CREATE TABLE model_alias_history (
        id           INTEGER PRIMARY KEY,
        model_id     INTEGER NOT NULL REFERENCES models (id) ON DELETE CASCADE,
        alias        TEXT NOT NULL,
        from_version INTEGER,
        to_version   INTEGER,
        moved_by     TEXT NOT NULL DEFAULT '',
        moved_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    CREATE TABLE services (
        id         TEXT PRIMARY KEY NOT NULL,
        version_id INTEGER NOT NULL REFERENCES model_versions (id) ON DELETE CASCADE,
        pool       TEXT NOT NULL DEFAULT 'local',
        host       TEXT NOT NULL DEFAULT '127.0.0.1',
        port       INTEGER,
        pid        INTEGER,
        state      TEXT NOT NULL CHECK (state IN ('starting', 'running', 'stopped', 'failed')),
        folder     TEXT NOT NULL,
        started_at TEXT,
        stopped_at TEXT,
        message    TEXT
    );
    )sql",
    // 6 — remote pools (issue #8): a task whose pool stopped answering ends as 'lost', never
    // as succeeded. SQLite cannot alter a CHECK: the tasks table is rebuilt with its rows (no
    // table references tasks, and it has no indexes of its own besides its primary key). A
    // Slurm pool's settings and last check live in pools.config (JSON; never a token).
    R"sql(
    CREATE TABLE tasks_new (
        run_id      TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        node_id     TEXT NOT NULL,
        template    TEXT NOT NULL,
        state       TEXT NOT NULL CHECK (state IN ('pending', 'queued', 'running', 'succeeded',
                                                   'failed', 'stopped', 'skipped', 'cached',
                                                   'lost')),
        attempts    INTEGER NOT NULL DEFAULT 0,
        exit_code   INTEGER,
        pool        TEXT,
        job_id      TEXT,
        started_at  TEXT,
        finished_at TEXT,
        message     TEXT,
        cache_key   TEXT,
        outputs_dir TEXT,
        PRIMARY KEY (run_id, node_id)
    );
    INSERT INTO tasks_new (run_id, node_id, template, state, attempts, exit_code, pool, job_id,
                           started_at, finished_at, message, cache_key, outputs_dir)
        SELECT run_id, node_id, template, state, attempts, exit_code, pool, job_id,
               started_at, finished_at, message, cache_key, outputs_dir FROM tasks;
    DROP TABLE tasks;
    ALTER TABLE tasks_new RENAME TO tasks;
    )sql",
    // 7 — datasets: image and text datasets with their label set, items (an image in the object
    // store, or a text / text pair), annotations per author (accepted, suggested by a model,
    // rejected), and versions (frozen snapshots committed under repo/labels/<dataset>/).
    R"sql(
    CREATE TABLE datasets (
        id          INTEGER PRIMARY KEY,
        name        TEXT NOT NULL UNIQUE,
        media       TEXT NOT NULL CHECK (media IN ('image', 'text')),
        task        TEXT NOT NULL CHECK (task IN ('classification', 'detection', 'segmentation',
                                                  'text_classification', 'entities', 'pairs')),
        options     TEXT NOT NULL DEFAULT '{}',
        description TEXT NOT NULL DEFAULT '',
        created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    CREATE TABLE dataset_labels (
        id         INTEGER PRIMARY KEY,
        dataset_id INTEGER NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
        name       TEXT NOT NULL,
        color      TEXT NOT NULL DEFAULT '',
        hotkey     TEXT NOT NULL DEFAULT '',
        position   INTEGER NOT NULL DEFAULT 0,
        UNIQUE (dataset_id, name)
    );
    CREATE TABLE dataset_items (
        id             INTEGER PRIMARY KEY,
        dataset_id     INTEGER NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
        object_hash    TEXT REFERENCES objects (hash),
        text           TEXT,
        text_b         TEXT,
        source_name    TEXT NOT NULL DEFAULT '',
        width          INTEGER NOT NULL DEFAULT 0,
        height         INTEGER NOT NULL DEFAULT 0,
        status         TEXT NOT NULL DEFAULT 'unlabeled'
                       CHECK (status IN ('unlabeled', 'labeled', 'reviewed', 'rejected')),
        review_comment TEXT NOT NULL DEFAULT '',
        reviewer       TEXT NOT NULL DEFAULT '',
        dedup_key      TEXT NOT NULL,
        position       INTEGER NOT NULL,
        updated_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        UNIQUE (dataset_id, dedup_key)
    );
    CREATE INDEX dataset_items_by_position ON dataset_items (dataset_id, position);
    CREATE INDEX dataset_items_by_status ON dataset_items (dataset_id, status, position);
    CREATE TABLE annotations (
        id         INTEGER PRIMARY KEY,
        item_id    INTEGER NOT NULL REFERENCES dataset_items (id) ON DELETE CASCADE,
        author     TEXT NOT NULL,
        kind       TEXT NOT NULL CHECK (kind IN ('tag', 'box', 'polygon', 'span', 'pair')),
        label      TEXT NOT NULL DEFAULT '',
        geometry   TEXT NOT NULL DEFAULT 'null',
        state      TEXT NOT NULL DEFAULT 'accepted'
                   CHECK (state IN ('accepted', 'suggested', 'rejected')),
        source     TEXT NOT NULL DEFAULT 'manual',
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    );
    CREATE INDEX annotations_by_item ON annotations (item_id, author);
    CREATE INDEX annotations_by_label ON annotations (label, item_id);
    CREATE INDEX annotations_by_author ON annotations (author, item_id);
    CREATE TABLE dataset_versions (
        dataset_id INTEGER NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
        number     INTEGER NOT NULL CHECK (number >= 1),
        message    TEXT NOT NULL DEFAULT '',
        commit_id  TEXT NOT NULL,
        counts     TEXT NOT NULL DEFAULT '{}',
        created_by TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
        PRIMARY KEY (dataset_id, number)
    );
    )sql",
    // 8 — bulk text imports (issue #6): a million-line import spent most of its time in
    // random-order inserts into the unique (dataset_id, dedup_key) index of dataset_items and
    // into two annotation indexes no query needs (filters and label edits reach annotations
    // through their items). The uniqueness moves to dataset_item_keys, a table of its own that
    // a bulk import fills in key order at its end, inside its transaction; items are rebuilt
    // without the constraint (migrate() runs with foreign keys off, so the annotations stay).
    // A trigger keeps the keys in step when items go.
    R"sql(
    CREATE TABLE dataset_items_new (
        id             INTEGER PRIMARY KEY,
        dataset_id     INTEGER NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
        object_hash    TEXT REFERENCES objects (hash),
        text           TEXT,
        text_b         TEXT,
        source_name    TEXT NOT NULL DEFAULT '',
        width          INTEGER NOT NULL DEFAULT 0,
        height         INTEGER NOT NULL DEFAULT 0,
        status         TEXT NOT NULL DEFAULT 'unlabeled'
                       CHECK (status IN ('unlabeled', 'labeled', 'reviewed', 'rejected')),
        review_comment TEXT NOT NULL DEFAULT '',
        reviewer       TEXT NOT NULL DEFAULT '',
        dedup_key      TEXT NOT NULL,
        position       INTEGER NOT NULL,
        updated_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    );
    INSERT INTO dataset_items_new (id, dataset_id, object_hash, text, text_b, source_name, width,
                                   height, status, review_comment, reviewer, dedup_key, position,
                                   updated_at)
        SELECT id, dataset_id, object_hash, text, text_b, source_name, width, height, status,
               review_comment, reviewer, dedup_key, position, updated_at FROM dataset_items;
    DROP TABLE dataset_items;
    ALTER TABLE dataset_items_new RENAME TO dataset_items;
    CREATE INDEX dataset_items_by_position ON dataset_items (dataset_id, position);
    CREATE INDEX dataset_items_by_status ON dataset_items (dataset_id, status, position);
    CREATE TABLE dataset_item_keys (
        dataset_id INTEGER NOT NULL,
        dedup_key  TEXT NOT NULL,
        item_id    INTEGER NOT NULL,
        PRIMARY KEY (dataset_id, dedup_key)
    ) WITHOUT ROWID;
    INSERT INTO dataset_item_keys (dataset_id, dedup_key, item_id)
        SELECT dataset_id, dedup_key, id FROM dataset_items ORDER BY dataset_id, dedup_key;
    CREATE TRIGGER dataset_items_forget_key AFTER DELETE ON dataset_items BEGIN
        DELETE FROM dataset_item_keys
            WHERE dataset_id = old.dataset_id AND dedup_key = old.dedup_key
              AND item_id = old.id;
    END;
    DROP INDEX annotations_by_label;
    DROP INDEX annotations_by_author;
    )sql",
    // 9 — lossless datasets (issue #14): what the formats carry beyond a label and a shape.
    // Annotations gain the kind "mask" (run-length encoded, COCO's compressed counts) and
    // attributes (COCO iscrowd/area/id, VOC difficult/truncated/occluded/pose, labelme
    // group_id/flags/shape_type, …); items gain their split (train/val/test) and attributes
    // (labelme image flags and description, COCO image id, …); labels gain attributes (the
    // category id as given, supercategory). The kind check changes, so annotations are rebuilt.
    R"sql(
    CREATE TABLE annotations_new (
        id         INTEGER PRIMARY KEY,
        item_id    INTEGER NOT NULL REFERENCES dataset_items (id) ON DELETE CASCADE,
        author     TEXT NOT NULL,
        kind       TEXT NOT NULL
                   CHECK (kind IN ('tag', 'box', 'polygon', 'span', 'pair', 'mask')),
        label      TEXT NOT NULL DEFAULT '',
        geometry   TEXT NOT NULL DEFAULT 'null',
        state      TEXT NOT NULL DEFAULT 'accepted'
                   CHECK (state IN ('accepted', 'suggested', 'rejected')),
        source     TEXT NOT NULL DEFAULT 'manual',
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        attributes TEXT NOT NULL DEFAULT '{}'
    );
    INSERT INTO annotations_new (id, item_id, author, kind, label, geometry, state, source,
                                 created_at, updated_at)
        SELECT id, item_id, author, kind, label, geometry, state, source, created_at, updated_at
        FROM annotations;
    DROP TABLE annotations;
    ALTER TABLE annotations_new RENAME TO annotations;
    CREATE INDEX annotations_by_item ON annotations (item_id, author);
    ALTER TABLE dataset_items ADD COLUMN split TEXT NOT NULL DEFAULT '';
    ALTER TABLE dataset_items ADD COLUMN attributes TEXT NOT NULL DEFAULT '{}';
    ALTER TABLE dataset_labels ADD COLUMN attributes TEXT NOT NULL DEFAULT '{}';
    )sql",
    // 10 — leftovers of killed processes (issue #15): who runs a run (the runner's pid was
    // recorded; now also its start time, in clock ticks since boot, so that a pid drawn again
    // is told apart), each local task's process group with its leader's start time, and each
    // service's with the deploying process. Whoever opens the workspace next ends the groups
    // of runners and deployers that are gone (Leftovers).
    R"sql(
    ALTER TABLE runs ADD COLUMN runner_started INTEGER;
    ALTER TABLE tasks ADD COLUMN pgid INTEGER;
    ALTER TABLE tasks ADD COLUMN pgid_started INTEGER;
    ALTER TABLE services ADD COLUMN pid_started INTEGER;
    ALTER TABLE services ADD COLUMN deployer_pid INTEGER;
    ALTER TABLE services ADD COLUMN deployer_started INTEGER;
    )sql",
    // 11 — imports commit in short transactions (issue #15): a dataset whose import has not
    // committed its last batch carries that import (JSON: source, format, pid, host, process
    // start, started_at) and is shown as importing, or incomplete once that process is gone.
    R"sql(
    ALTER TABLE datasets ADD COLUMN pending_import TEXT;
    )sql",
    // 12 — interactive sessions (issue #18): a Jupyter server for one person on a pool, its
    // folder sessions/<id>/ (home kept between starts), what it was started with (resources,
    // bindings, idle timeout as JSON), where it answers, the supervising Atelier process and the
    // server's process group with their start times (Leftovers ends a session whose supervisor
    // is gone). The token is never stored here: it is a 0600 file in the session folder.
    R"sql(
    CREATE TABLE sessions (
        id                 TEXT PRIMARY KEY NOT NULL,
        pool               TEXT NOT NULL DEFAULT 'local',
        state              TEXT NOT NULL DEFAULT 'pending'
                           CHECK (state IN ('pending', 'starting', 'running', 'stopping',
                                            'stopped', 'failed', 'lost')),
        message            TEXT,
        options            TEXT NOT NULL DEFAULT '{}',
        folder             TEXT NOT NULL,
        host               TEXT,
        port               INTEGER,
        job_id             TEXT,
        supervisor_pid     INTEGER,
        supervisor_started INTEGER,
        pgid               INTEGER,
        pgid_started       INTEGER,
        created_at         TEXT NOT NULL,
        started_at         TEXT,
        stopped_at         TEXT
    );
    )sql",
    // 13 — a service's request body cap in MiB (issue #15, `model deploy --max-body-mb`), kept
    // so that `model restart` starts it again with the same cap; NULL: serve.py's default.
    R"sql(
    ALTER TABLE services ADD COLUMN max_body_mb INTEGER;
    )sql",
    // 14 — environments (issue #20): the image a task ran in, as the pipeline named it and its
    // id (what the cache key holds); NULL for a task on the host.
    R"sql(
    ALTER TABLE tasks ADD COLUMN image TEXT;
    ALTER TABLE tasks ADD COLUMN image_id TEXT;
    )sql",
    // 15 — bulk imports (issue #14): SQLite 3.40 checks `x IN ('a', 'b', …)` by building a
    // temporary b-tree of the list for every row written, a sixth of a COCO import's inserts.
    // The same checks as comparisons joined by OR cost nothing of the kind and accept and
    // refuse exactly the same values. SQLite cannot alter a CHECK: the two tables that bulk
    // imports fill, annotations and dataset_items, are rebuilt with their rows, indexes and
    // trigger (migrate() runs with foreign keys off, so nothing cascades).
    R"sql(
    CREATE TABLE annotations_new (
        id         INTEGER PRIMARY KEY,
        item_id    INTEGER NOT NULL REFERENCES dataset_items (id) ON DELETE CASCADE,
        author     TEXT NOT NULL,
        kind       TEXT NOT NULL
                   CHECK (kind = 'tag' OR kind = 'box' OR kind = 'polygon' OR kind = 'span'
                          OR kind = 'pair' OR kind = 'mask'),
        label      TEXT NOT NULL DEFAULT '',
        geometry   TEXT NOT NULL DEFAULT 'null',
        state      TEXT NOT NULL DEFAULT 'accepted'
                   CHECK (state = 'accepted' OR state = 'suggested' OR state = 'rejected'),
        source     TEXT NOT NULL DEFAULT 'manual',
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        attributes TEXT NOT NULL DEFAULT '{}'
    );
    INSERT INTO annotations_new (id, item_id, author, kind, label, geometry, state, source,
                                 created_at, updated_at, attributes)
        SELECT id, item_id, author, kind, label, geometry, state, source, created_at, updated_at,
               attributes FROM annotations;
    DROP TABLE annotations;
    ALTER TABLE annotations_new RENAME TO annotations;
    CREATE INDEX annotations_by_item ON annotations (item_id, author);
    CREATE TABLE dataset_items_new (
        id             INTEGER PRIMARY KEY,
        dataset_id     INTEGER NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
        object_hash    TEXT REFERENCES objects (hash),
        text           TEXT,
        text_b         TEXT,
        source_name    TEXT NOT NULL DEFAULT '',
        width          INTEGER NOT NULL DEFAULT 0,
        height         INTEGER NOT NULL DEFAULT 0,
        status         TEXT NOT NULL DEFAULT 'unlabeled'
                       CHECK (status = 'unlabeled' OR status = 'labeled' OR status = 'reviewed'
                              OR status = 'rejected'),
        review_comment TEXT NOT NULL DEFAULT '',
        reviewer       TEXT NOT NULL DEFAULT '',
        dedup_key      TEXT NOT NULL,
        position       INTEGER NOT NULL,
        updated_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        split          TEXT NOT NULL DEFAULT '',
        attributes     TEXT NOT NULL DEFAULT '{}'
    );
    INSERT INTO dataset_items_new (id, dataset_id, object_hash, text, text_b, source_name, width,
                                   height, status, review_comment, reviewer, dedup_key, position,
                                   updated_at, split, attributes)
        SELECT id, dataset_id, object_hash, text, text_b, source_name, width, height, status,
               review_comment, reviewer, dedup_key, position, updated_at, split, attributes
        FROM dataset_items;
    DROP TABLE dataset_items;
    ALTER TABLE dataset_items_new RENAME TO dataset_items;
    CREATE INDEX dataset_items_by_position ON dataset_items (dataset_id, position);
    CREATE INDEX dataset_items_by_status ON dataset_items (dataset_id, status, position);
    CREATE TRIGGER dataset_items_forget_key AFTER DELETE ON dataset_items BEGIN
        DELETE FROM dataset_item_keys
            WHERE dataset_id = old.dataset_id AND dedup_key = old.dedup_key
              AND item_id = old.id;
    END;
    )sql",
};

/// How many rows reference a missing row (PRAGMA foreign_key_check).
Result<qint64> foreignKeyViolations(Database &db)
{
    qint64 count = 0;
    Query check = db.query("PRAGMA foreign_key_check;");
    if (auto read = check.forEach([&](const Query &) { ++count; }); !read)
        return read.error();
    return count;
}

} // namespace

int Migrations::latestVersion()
{
    return int(kSteps.size());
}

Status Migrations::migrate(Database &db, int target)
{
    if (target < 0)
        target = latestVersion();
    const int current = db.userVersion();
    if (current < 0)
        return makeError(
            ErrorCode::Corrupt,
            tr("Cannot read the schema version of %1: %2.").arg(db.path(), db.lastError()));
    if (current > latestVersion()) {
        return makeError(ErrorCode::Unsupported,
                         tr("%1 was made by a newer Atelier (schema %2; this version knows up to "
                            "%3). Update Atelier to open it.")
                             .arg(db.path())
                             .arg(current)
                             .arg(latestVersion()));
    }
    if (current >= target)
        return {};
    // SQLite's procedure for rebuilding a table: foreign keys off (they only switch outside a
    // transaction), checked before the commit, back on afterwards. Otherwise dropping the old
    // table would cascade into the rows that reference it.
    const bool foreignKeys = !db.inTransaction();
    if (foreignKeys) {
        if (auto off = db.execScript("PRAGMA foreign_keys = OFF;"); !off)
            return off;
    }
    Status migrated = db.transaction([&]() -> Status {
        // Rows whose reference was already missing do not stop the upgrade; new ones do.
        auto before = foreignKeyViolations(db);
        if (!before)
            return before.error();
        // Another process may have upgraded the file while this one waited for the write
        // lock: the version is read again inside the transaction.
        const int now = db.userVersion();
        if (now < 0)
            return makeError(
                ErrorCode::Corrupt,
                tr("Cannot read the schema version of %1: %2.").arg(db.path(), db.lastError()));
        for (int version = now + 1; version <= target; ++version) {
            if (auto step = db.execScript(kSteps[std::size_t(version - 1)]); !step) {
                return makeError(step.error().code,
                                 tr("Upgrading the catalog to schema %1 failed: %2")
                                     .arg(version)
                                     .arg(step.error().message));
            }
            if (auto set = db.setUserVersion(version); !set)
                return set;
        }
        auto after = foreignKeyViolations(db);
        if (!after)
            return after.error();
        if (after.value() > before.value()) {
            return makeError(ErrorCode::Corrupt,
                             tr("Upgrading the catalog left %n row(s) whose reference is "
                                "missing; the upgrade was undone.",
                                nullptr, int(after.value() - before.value())));
        }
        return {};
    });
    if (foreignKeys)
        (void)db.execScript("PRAGMA foreign_keys = ON;");
    return migrated;
}

} // namespace atelier
