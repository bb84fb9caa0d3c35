#pragma once

#include "core/result.h"
#include "demo/demodata.h"
#include "storage/objectstore.h"

#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QString>
#include <QTemporaryDir>

#include <atomic>
#include <memory>

namespace atelier {

class Database;
class GitRepository;

/// A workspace's figures, as `atelier info` shows them.
struct WorkspaceInfo
{
    QString root;
    QString name;
    int schemaVersion = 0;
    int programSchemaVersion = 0;
    QString catalogPath;
    QString objectsPath;
    QString repoPath;
    QString runsPath;
    QString demoPath;                          ///< empty when the workspace has no demo data
    QList<QPair<QString, qint64>> tableCounts; ///< catalog table → rows, sorted by table
    qint64 objectBytes = 0;
    int commits = 0;
    int runFolders = 0;
};

/// An object the catalog lists but the store cannot vouch for.
struct ObjectProblem
{
    QString hash;
    Error error;
};

/// A file in objects/ that the catalog does not list: left by an import that was killed before
/// its batch committed.
struct StrayObject
{
    QString path; ///< absolute
    qint64 size = 0;
    /// Changed within the last hour: a running import may still be about to record it, so
    /// removeStrayObjects() keeps it.
    bool recent = false;
};

/// A workspace folder: `atelier.db`, `objects/`, `repo/`, `runs/` (DESIGN.md).
/// Move-only; its catalog connection belongs to the thread that opened it.
class Workspace final
{
    Q_DECLARE_TR_FUNCTIONS(Workspace)

public:
    struct CreateOptions
    {
        bool demo = false;
        DemoData::Progress progress;
        const std::atomic_bool *cancel = nullptr;
        DemoSummary *demoSummary = nullptr; ///< filled when demo is true and it succeeds
    };

    Workspace(Workspace &&) noexcept;
    Workspace &operator=(Workspace &&) noexcept;
    ~Workspace();

    /// Makes a new workspace in \a dir, which must be missing or empty. On failure removes
    /// only what it made, so a refused folder is left exactly as it was.
    static Result<Workspace> create(const QString &dir, const CreateOptions &options);
    /// Opens the workspace in \a dir, migrating an older catalog; refuses a folder that is not
    /// a workspace, a corrupt catalog, a newer schema and a folder it cannot write.
    static Result<Workspace> open(const QString &dir);
    /// True when \a dir holds an `atelier.db` (a cheap check; open() validates).
    static bool looksLikeWorkspace(const QString &dir);
    /// A new private folder in the workspace's scratch/ for unpacking an archive, named after
    /// this process ("unpack-PID-XXXXXX"), removed with the QTemporaryDir; what a killed
    /// process left there is removed by the next open() of the workspace.
    static std::unique_ptr<QTemporaryDir> makeScratchFolder(const QString &root);

    QString root() const { return m_root; }
    QString catalogPath() const;
    QString objectsPath() const;
    QString repoPath() const;
    QString runsPath() const;
    QString demoPath() const;

    Database &catalog() { return *m_db; }
    ObjectStore objects() const;
    Result<GitRepository> repository() const;

    /// Puts \a file into the object store and records it in the catalog.
    Result<StoredObject> storeFile(const QString &file);
    /// Re-hashes every object the catalog lists; returns the ones missing or corrupt.
    Result<QList<ObjectProblem>> verifyObjects(const std::function<void(int, int)> &progress = {});
    /// Files in objects/ whose name the catalog does not list (objects and leftover
    /// temporary files alike), by path.
    Result<QList<StrayObject>> strayObjects();
    /// Removes the stray files that are not recent, checking each against the catalog again
    /// first (never a file the catalog knows); returns the ones removed.
    Result<QList<StrayObject>> removeStrayObjects(const QList<StrayObject> &strays);
    Result<WorkspaceInfo> info();

private:
    Workspace(QString root, std::unique_ptr<Database> db);
    QString m_root;
    std::unique_ptr<Database> m_db;
};

} // namespace atelier
