#include "core/workspace.h"

#include "catalog/database.h"
#include "catalog/migrations.h"
#include "core/installpaths.h"
#include "datasets/demodatasets.h"
#include "versioning/gitrepository.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>

#include <algorithm>

#include <cerrno>
#include <signal.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

const QString kCatalogFile = u"atelier.db"_s;
const QString kObjectsDir = u"objects"_s;
const QString kRepoDir = u"repo"_s;
const QString kRunsDir = u"runs"_s;
const QString kDemoDir = u"demo"_s;
const QString kScratchDir = u"scratch"_s;

/// Removes the unpack folders of processes that are gone (killed mid-import); those of a
/// process still running (another import right now) stay.
void cleanScratch(const QString &root)
{
    QDir scratch(QDir(root).filePath(kScratchDir));
    const QStringList left = scratch.entryList({u"unpack-*"_s}, QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &name : left) {
        const qint64 pid = name.section(u'-', 1, 1).toLongLong();
        const bool alive = pid > 0 && (::kill(pid_t(pid), 0) == 0 || errno == EPERM);
        if (!alive)
            QDir(scratch.filePath(name)).removeRecursively();
    }
}

QString systemReason()
{
    return QString::fromLocal8Bit(strerror(errno));
}

/// Writability as the OS will judge it for this process (root passes everywhere).
bool canWrite(const QString &path)
{
    return ::access(QFile::encodeName(path).constData(), W_OK) == 0;
}

/// Removes what create() made, newest first, and nothing else.
void undoCreate(const QString &root, bool madeRoot)
{
    if (madeRoot) {
        QDir(root).removeRecursively();
        return;
    }
    for (const QString &entry : {kCatalogFile, kCatalogFile + u"-wal"_s, kCatalogFile + u"-shm"_s})
        QFile::remove(QDir(root).filePath(entry));
    for (const QString &entry : {kObjectsDir, kRepoDir, kRunsDir, kDemoDir})
        QDir(QDir(root).filePath(entry)).removeRecursively();
}

} // namespace

Workspace::Workspace(QString root, std::unique_ptr<Database> db)
    : m_root(std::move(root)), m_db(std::move(db))
{
}

Workspace::Workspace(Workspace &&) noexcept = default;
Workspace &Workspace::operator=(Workspace &&) noexcept = default;
Workspace::~Workspace() = default;

bool Workspace::looksLikeWorkspace(const QString &dir)
{
    return QFileInfo(QDir(dir).filePath(kCatalogFile)).isFile();
}

Result<Workspace> Workspace::create(const QString &dir, const CreateOptions &options)
{
    const QString root = QDir::cleanPath(QDir(dir).absolutePath());
    const QFileInfo rootInfo(root);
    bool madeRoot = false;
    if (rootInfo.exists()) {
        if (!rootInfo.isDir())
            return makeError(ErrorCode::Invalid, tr("%1 is a file, not a folder.").arg(root));
        if (looksLikeWorkspace(root))
            return makeError(ErrorCode::Conflict,
                             tr("%1 is already an Atelier workspace; open it instead.").arg(root));
        if (!QDir(root).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden |
                                QDir::System))
            return makeError(ErrorCode::Conflict,
                             tr("%1 is not empty and is not an Atelier workspace; choose a new or "
                                "empty folder.")
                                 .arg(root));
        if (!canWrite(root))
            return makeError(ErrorCode::Io,
                             tr("Cannot write to %1: permission denied. Choose a folder you can "
                                "write to.")
                                 .arg(root));
    } else {
        if (!QDir().mkpath(root))
            return makeError(ErrorCode::Io, tr("Cannot create the folder %1: %2. Choose a folder "
                                               "you can write to.")
                                                .arg(root, systemReason()));
        madeRoot = true;
    }

    auto fail = [&](Error error) -> Result<Workspace> {
        undoCreate(root, madeRoot);
        return error;
    };

    const QDir base(root);
    for (const QString &sub : {kObjectsDir, kRunsDir}) {
        if (!base.mkdir(sub))
            return fail(makeError(
                ErrorCode::Io,
                tr("Cannot create the folder %1: %2.").arg(base.filePath(sub), systemReason())));
    }

    auto repo = GitRepository::init(base.filePath(kRepoDir));
    if (!repo)
        return fail(repo.error());
    const QByteArray readme = "This repository is managed by Atelier.\n"
                              "pipelines/  pipeline documents, one commit per save\n"
                              "labels/     dataset label snapshots, one commit per version\n"
                              "templates/  job templates of this workspace\n";
    auto first = repo->commit({{u"README.md"_s, readme}}, u"Create workspace"_s,
                              GitSignature{u"Atelier"_s, u"atelier@localhost"_s});
    if (!first)
        return fail(first.error());

    auto db = Database::open(base.filePath(kCatalogFile), Database::Mode::ReadWriteCreate);
    if (!db)
        return fail(db.error());
    if (auto wal = db.value()->enableWriteAheadLog(); !wal)
        return fail(wal.error());
    if (auto migrated = Migrations::migrate(*db.value()); !migrated)
        return fail(migrated.error());

    Workspace workspace(root, std::move(db).value());
    const auto now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    Status meta = workspace.catalog().transaction([&]() -> Status {
        const QList<QPair<QString, QString>> rows = {
            {u"name"_s, QFileInfo(root).fileName()},
            {u"created_at"_s, now},
            {u"created_by"_s, QStringLiteral("atelier " ATELIER_VERSION)},
            {u"demo"_s, options.demo ? u"1"_s : u"0"_s},
        };
        for (const auto &[key, value] : rows) {
            Query q = workspace.catalog().query(
                "INSERT INTO workspace_meta (key, value) VALUES (?1, ?2);");
            q.bind(1, key).bind(2, value);
            if (auto done = q.exec(); !done)
                return done;
        }
        return {};
    });
    if (!meta)
        return fail(meta.error());

    if (options.demo) {
        auto demo = DemoData::generate(base.filePath(kDemoDir), options.progress, options.cancel);
        if (!demo) {
            workspace = Workspace({}, nullptr); // close the catalog before removing it
            return fail(demo.error());
        }
        if (options.demoSummary)
            *options.demoSummary = demo.value();
        // The demo's pipelines, each its own commit, ready to run.
        QFile pipeline(InstallPaths::demoDir() + u"/shapes-classifier.json"_s);
        if (!pipeline.open(QIODevice::ReadOnly))
            return fail(makeError(ErrorCode::Internal,
                                  tr("The demo pipeline %1 cannot be read: reinstall Atelier.")
                                      .arg(QDir::toNativeSeparators(pipeline.fileName()))));
        auto committed = repo->commit({{u"pipelines/shapes-classifier.json"_s, pipeline.readAll()}},
                                      u"Add the demo pipeline Shapes classifier"_s,
                                      GitSignature{u"Atelier"_s, u"atelier@localhost"_s});
        if (!committed) {
            workspace = Workspace({}, nullptr);
            return fail(committed.error());
        }
        // The demo's images as datasets, so the Datasets view has content.
        if (auto datasets = importDemoDatasets(workspace.catalog(), root, base.filePath(kDemoDir));
            !datasets) {
            workspace = Workspace({}, nullptr);
            return fail(datasets.error());
        }
    }
    return workspace;
}

Result<Workspace> Workspace::open(const QString &dir)
{
    const QString root = QDir::cleanPath(QDir(dir).absolutePath());
    const QFileInfo rootInfo(root);
    if (!rootInfo.exists())
        return makeError(ErrorCode::NotFound, tr("%1 does not exist.").arg(root));
    if (!rootInfo.isDir())
        return makeError(ErrorCode::Invalid, tr("%1 is a file, not a workspace folder.").arg(root));
    if (!looksLikeWorkspace(root))
        return makeError(ErrorCode::NotFound,
                         tr("%1 is not an Atelier workspace (it has no atelier.db). Create one "
                            "with: atelier init %1")
                             .arg(root));
    const QDir base(root);
    const QString catalogPath = base.filePath(kCatalogFile);
    if (!canWrite(root) || !canWrite(catalogPath))
        return makeError(
            ErrorCode::Io,
            tr("%1 is read-only: Atelier saves every edit at once and needs to write "
               "to the workspace. Make it writable or copy it somewhere you can write.")
                .arg(root));

    auto db = Database::open(catalogPath, Database::Mode::ReadWrite);
    if (!db) {
        if (db.error().code == ErrorCode::Corrupt)
            return makeError(ErrorCode::Corrupt,
                             tr("%1 is damaged or is not an Atelier catalog; nothing was changed. "
                                "Restore it from a backup.")
                                 .arg(catalogPath));
        return db.error();
    }
    Database &catalog = *db.value();
    if (catalog.userVersion() == 0) {
        auto tables = catalog.query("SELECT count(*) FROM sqlite_schema WHERE type = 'table';");
        auto row = tables.next();
        if (row && row.value() && tables.int64(0) > 0)
            return makeError(ErrorCode::Corrupt,
                             tr("%1 is a SQLite database but not an Atelier catalog; nothing was "
                                "changed.")
                                 .arg(catalogPath));
    }
    // Refuses a newer schema before anything is written; only then is the file ours to change.
    if (auto migrated = Migrations::migrate(catalog); !migrated)
        return migrated.error();
    if (auto wal = catalog.enableWriteAheadLog(); !wal)
        return wal.error();

    cleanScratch(root);
    // Folders are cheap to restore; their absence must not stop the user.
    for (const QString &sub : {kObjectsDir, kRunsDir})
        base.mkpath(sub);
    if (!QFileInfo(base.filePath(kRepoDir)).isDir()) {
        if (auto repo = GitRepository::init(base.filePath(kRepoDir)); !repo)
            return repo.error();
    }
    return Workspace(root, std::move(db).value());
}

std::unique_ptr<QTemporaryDir> Workspace::makeScratchFolder(const QString &root)
{
    const QDir scratch(QDir(root).filePath(kScratchDir));
    if (!scratch.mkpath(u"."_s))
        return nullptr;
    auto dir = std::make_unique<QTemporaryDir>(
        scratch.filePath(u"unpack-%1-XXXXXX"_s.arg(QCoreApplication::applicationPid())));
    if (!dir->isValid())
        return nullptr;
    return dir;
}

QString Workspace::catalogPath() const
{
    return QDir(m_root).filePath(kCatalogFile);
}

QString Workspace::objectsPath() const
{
    return QDir(m_root).filePath(kObjectsDir);
}

QString Workspace::repoPath() const
{
    return QDir(m_root).filePath(kRepoDir);
}

QString Workspace::runsPath() const
{
    return QDir(m_root).filePath(kRunsDir);
}

QString Workspace::demoPath() const
{
    return QDir(m_root).filePath(kDemoDir);
}

ObjectStore Workspace::objects() const
{
    return ObjectStore(objectsPath());
}

Result<GitRepository> Workspace::repository() const
{
    return GitRepository::open(repoPath());
}

Result<StoredObject> Workspace::storeFile(const QString &file)
{
    auto stored = objects().put(file);
    if (!stored)
        return stored;
    Query q = m_db->query("INSERT OR IGNORE INTO objects (hash, size) VALUES (?1, ?2);");
    q.bind(1, stored->hash).bind(2, stored->size);
    if (auto done = q.exec(); !done)
        return done.error();
    return stored;
}

Result<QList<ObjectProblem>> Workspace::verifyObjects(const std::function<void(int, int)> &progress)
{
    QStringList hashes;
    Status listed =
        m_db->query("SELECT hash FROM objects ORDER BY hash;").forEach([&](const Query &row) {
            hashes.append(row.text(0));
        });
    if (!listed)
        return listed.error();
    const ObjectStore store = objects();
    QList<ObjectProblem> problems;
    for (int i = 0; i < hashes.size(); ++i) {
        if (auto ok = store.verify(hashes[i]); !ok)
            problems.append({hashes[i], ok.error()});
        if (progress)
            progress(i + 1, int(hashes.size()));
    }
    return problems;
}

namespace {
/// How long an object may wait for its import's batch to commit; younger strays are kept.
constexpr qint64 kStrayGraceSecs = 3600;
} // namespace

Result<QList<StrayObject>> Workspace::strayObjects()
{
    QSet<QString> known;
    Status listed = m_db->query("SELECT hash FROM objects;").forEach([&](const Query &row) {
        known.insert(row.text(0));
    });
    if (!listed)
        return listed.error();
    auto files = objects().files();
    if (!files)
        return files.error();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<StrayObject> strays;
    for (const StoreFile &file : std::as_const(files.value())) {
        if (!file.hash.isEmpty() && known.contains(file.hash))
            continue;
        // A clock set back would make a file look old: only a positive age counts.
        const qint64 age = file.modified.secsTo(now);
        strays.append({file.path, file.size, age < kStrayGraceSecs});
    }
    std::sort(strays.begin(), strays.end(),
              [](const StrayObject &a, const StrayObject &b) { return a.path < b.path; });
    return strays;
}

Result<QList<StrayObject>> Workspace::removeStrayObjects(const QList<StrayObject> &strays)
{
    const ObjectStore store = objects();
    const QString root = QDir::cleanPath(objectsPath()) + QLatin1Char('/');
    QList<StrayObject> removed;
    for (const StrayObject &stray : strays) {
        if (stray.recent || !QDir::cleanPath(stray.path).startsWith(root))
            continue;
        // Recorded since it was found (an import committed meanwhile): keep it.
        const QString relative = QDir::cleanPath(stray.path).mid(root.size());
        const QString hash = QString(relative).remove(QLatin1Char('/'));
        if (ObjectStore::isValidHash(hash)) {
            Query q = m_db->query("SELECT 1 FROM objects WHERE hash = ?1;");
            q.bind(1, hash);
            auto row = q.next();
            if (!row)
                return row.error();
            if (row.value())
                continue;
        }
        if (!QFile::remove(stray.path)) {
            return makeError(ErrorCode::Io, tr("Cannot remove %1: check the permissions of the "
                                               "workspace's objects folder.")
                                                .arg(QDir::toNativeSeparators(stray.path)));
        }
        removed.append(stray);
    }
    return removed;
}

Result<WorkspaceInfo> Workspace::info()
{
    WorkspaceInfo info;
    info.root = m_root;
    info.schemaVersion = m_db->userVersion();
    info.programSchemaVersion = Migrations::latestVersion();
    info.catalogPath = catalogPath();
    info.objectsPath = objectsPath();
    info.repoPath = repoPath();
    info.runsPath = runsPath();
    if (QFileInfo(demoPath()).isDir())
        info.demoPath = demoPath();

    {
        Query q = m_db->query("SELECT value FROM workspace_meta WHERE key = 'name';");
        auto row = q.next();
        info.name = row && row.value() ? q.text(0) : QFileInfo(m_root).fileName();
    }
    QStringList tables;
    Status listed = m_db->query("SELECT name FROM sqlite_schema WHERE type = 'table' AND name "
                                "NOT LIKE 'sqlite_%' AND name <> 'workspace_meta' ORDER BY name;")
                        .forEach([&](const Query &row) { tables.append(row.text(0)); });
    if (!listed)
        return listed.error();
    for (const QString &table : std::as_const(tables)) {
        auto count = m_db->rowCount(table);
        if (!count)
            return count.error();
        info.tableCounts.append({table, count.value()});
    }
    {
        Query q = m_db->query("SELECT coalesce(sum(size), 0) FROM objects;");
        auto row = q.next();
        if (!row)
            return row.error();
        info.objectBytes = q.int64(0);
    }
    if (auto repo = repository(); repo) {
        auto history = repo->history();
        info.commits = history ? int(history->size()) : 0;
    }
    info.runFolders = int(QDir(runsPath()).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size());
    return info;
}

} // namespace atelier
