#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <memory>

struct git_repository;

namespace atelier {

/// Who made a commit.
struct GitSignature
{
    QString name;
    QString email;
};

/// One commit of the history.
struct CommitInfo
{
    QString id; ///< full 40-digit hex id
    QString summary;
    QString message;
    QString authorName;
    QString authorEmail;
    QDateTime time; ///< UTC
    QStringList parents;
};

/// One file's change between two commits.
struct FileChange
{
    enum class Kind { Added, Removed, Modified, Renamed };
    QString path;    ///< new path (old path for Removed)
    QString oldPath; ///< differs from path only for Renamed
    Kind kind = Kind::Modified;
    int additions = 0; ///< lines added
    int deletions = 0; ///< lines removed
    QString patch;     ///< unified diff text of this file
};

/// A git repository on libgit2 (the workspace's `repo/`): commit files, history, read, diff.
class GitRepository final
{
    Q_DECLARE_TR_FUNCTIONS(GitRepository)

public:
    GitRepository(GitRepository &&) noexcept;
    GitRepository &operator=(GitRepository &&) noexcept;
    ~GitRepository();

    /// Creates a non-bare repository in \a dir (created if missing) whose branch is `main`.
    static Result<GitRepository> init(const QString &dir);
    /// Opens the repository whose working tree is \a dir.
    static Result<GitRepository> open(const QString &dir);

    /// Writes \a files (repo-relative path → content) into the working tree, removes
    /// \a removals, and commits them on `main`. Paths must be relative, inside the tree,
    /// with no `..` and not under `.git`. Returns the new commit's id.
    Result<QString> commit(const QMap<QString, QByteArray> &files, const QString &message,
                           const GitSignature &author, const QStringList &removals = {});
    /// The id of `main`'s tip; NotFound when there is no commit yet.
    Result<QString> head() const;
    /// Commits reachable from `main`, newest first; only those touching \a path when given.
    Result<QList<CommitInfo>> history(const QString &path = {}, int limit = -1) const;
    /// The content of \a path at \a commit (full or abbreviated id, or a ref name).
    Result<QByteArray> readFile(const QString &commit, const QString &path) const;
    /// Files changed from \a fromCommit to \a toCommit, sorted by path.
    Result<QList<FileChange>> diff(const QString &fromCommit, const QString &toCommit) const;

    QString workdir() const;

private:
    explicit GitRepository(git_repository *repo);
    struct Deleter
    {
        void operator()(git_repository *repo) const;
    };
    std::unique_ptr<git_repository, Deleter> m_repo;
};

} // namespace atelier
