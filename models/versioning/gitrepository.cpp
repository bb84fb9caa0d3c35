#include "versioning/gitrepository.h"

#include <git2.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

constexpr const char *MainRef = "refs/heads/main";

/// libgit2 must be initialised once per process before any call; never shut down, as
/// repositories may outlive any owner we could hang the shutdown on.
void ensureLibgit2()
{
    static const int initialised = git_libgit2_init();
    Q_UNUSED(initialised);
}

struct GitFree
{
    void operator()(git_blob *p) const { git_blob_free(p); }
    void operator()(git_commit *p) const { git_commit_free(p); }
    void operator()(git_config *p) const { git_config_free(p); }
    void operator()(git_diff *p) const { git_diff_free(p); }
    void operator()(git_index *p) const { git_index_free(p); }
    void operator()(git_object *p) const { git_object_free(p); }
    void operator()(git_patch *p) const { git_patch_free(p); }
    void operator()(git_repository *p) const { git_repository_free(p); }
    void operator()(git_revwalk *p) const { git_revwalk_free(p); }
    void operator()(git_signature *p) const { git_signature_free(p); }
    void operator()(git_tree *p) const { git_tree_free(p); }
    void operator()(git_tree_entry *p) const { git_tree_entry_free(p); }
};

template <typename T> using GitPtr = std::unique_ptr<T, GitFree>;

/// Adapts a GitPtr to libgit2's `T **out` parameters. The owner takes the object only when
/// the full expression ends, so call libgit2 in a statement of its own before using it.
template <typename T> class OutPtr final
{
public:
    explicit OutPtr(GitPtr<T> &owner) : m_owner(owner) {}
    ~OutPtr() { m_owner.reset(m_raw); }
    OutPtr(const OutPtr &) = delete;
    OutPtr &operator=(const OutPtr &) = delete;
    operator T **() { return &m_raw; }

private:
    GitPtr<T> &m_owner;
    T *m_raw = nullptr;
};

template <typename T> OutPtr<T> out(GitPtr<T> &owner)
{
    return OutPtr<T>(owner);
}

/// A git_buf that frees itself.
struct GitBuffer final
{
    GitBuffer() = default;
    GitBuffer(const GitBuffer &) = delete;
    GitBuffer &operator=(const GitBuffer &) = delete;
    ~GitBuffer() { git_buf_dispose(&buf); }
    QByteArray bytes() const { return QByteArray(buf.ptr, qsizetype(buf.size)); }

    git_buf buf = GIT_BUF_INIT;
};

QString lastGitMessage()
{
    const git_error *error = git_error_last();
    if (error && error->message && error->message[0] != '\0')
        return QString::fromUtf8(error->message).trimmed();
    return GitRepository::tr("unknown libgit2 error");
}

/// An error whose message is \a what (with one `%1` for libgit2's own message).
Error gitError(ErrorCode code, const QString &what)
{
    return makeError(code, what.arg(lastGitMessage()));
}

QString oidToString(const git_oid *oid)
{
    std::array<char, GIT_OID_HEXSZ + 1> text{};
    git_oid_tostr(text.data(), text.size(), oid);
    return QString::fromLatin1(text.data());
}

QByteArray nativePath(const QString &path)
{
    return QFile::encodeName(path);
}

QString absoluteClean(const QString &dir)
{
    return QDir::cleanPath(QFileInfo(dir).absoluteFilePath());
}

/// Refuses anything that is not a plain relative path inside the working tree.
Status checkPath(const QString &path)
{
    if (path.isEmpty())
        return makeError(ErrorCode::Invalid, GitRepository::tr("A file path is empty."));
    if (path.contains(u'\\'))
        return makeError(ErrorCode::Invalid,
                         GitRepository::tr("The path “%1” contains a backslash; use “/” to "
                                           "separate folders.")
                             .arg(path));
    if (path.contains(QChar(u'\0')))
        return makeError(ErrorCode::Invalid,
                         GitRepository::tr("The path “%1” contains a NUL character.").arg(path));
    if (path.startsWith(u'/'))
        return makeError(ErrorCode::Invalid,
                         GitRepository::tr("The path “%1” is absolute; give it relative to the "
                                           "repository.")
                             .arg(path));
    const QStringList segments = path.split(u'/');
    for (const QString &segment : segments) {
        if (segment.isEmpty())
            return makeError(
                ErrorCode::Invalid,
                GitRepository::tr("The path “%1” has an empty folder name.").arg(path));
        if (segment == "."_L1 || segment == ".."_L1)
            return makeError(ErrorCode::Invalid,
                             GitRepository::tr("The path “%1” contains “.” or “..”; give a plain "
                                               "path inside the repository.")
                                 .arg(path));
        if (segment.compare(".git"_L1, Qt::CaseInsensitive) == 0)
            return makeError(ErrorCode::Invalid,
                             GitRepository::tr("The path “%1” is inside “.git”, which only git "
                                               "may change.")
                                 .arg(path));
    }
    return {};
}

/// Refuses a path whose folders or file are symbolic links in the working tree, so a write
/// cannot land outside it.
Status checkNoSymlink(const QString &workdir, const QString &path)
{
    QString current = workdir;
    const QStringList segments = path.split(u'/');
    for (const QString &segment : segments) {
        current += u'/' + segment;
        const QFileInfo info(current);
        if (info.isSymLink())
            return makeError(ErrorCode::Invalid,
                             GitRepository::tr("The path “%1” goes through the symbolic link "
                                               "“%2”; Atelier only writes plain files.")
                                 .arg(path, current));
        if (!info.exists())
            break;
    }
    return {};
}

Status writeFile(const QString &workdir, const QString &path, const QByteArray &content)
{
    const QString target = workdir + u'/' + path;
    const QString folder = QFileInfo(target).absolutePath();
    if (!QDir().mkpath(folder))
        return makeError(ErrorCode::Io,
                         GitRepository::tr("Could not create the folder “%1”.").arg(folder));
    QSaveFile file(target);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size() || !file.commit())
        return makeError(
            ErrorCode::Io,
            GitRepository::tr("Could not write “%1”: %2").arg(target, file.errorString()));
    return {};
}

Result<GitPtr<git_commit>> lookupCommit(git_repository *repo, const QString &spec)
{
    if (spec.trimmed().isEmpty())
        return makeError(ErrorCode::Invalid, GitRepository::tr("No commit was given."));
    GitPtr<git_object> object;
    const int rc = git_revparse_single(out(object), repo, spec.toUtf8().constData());
    if (rc == GIT_ENOTFOUND)
        return makeError(
            ErrorCode::NotFound,
            GitRepository::tr("There is no commit “%1” in this repository.").arg(spec));
    if (rc == GIT_EAMBIGUOUS)
        return makeError(ErrorCode::Invalid,
                         GitRepository::tr("“%1” matches more than one commit; give more digits "
                                           "of its id.")
                             .arg(spec));
    if (rc < 0)
        return makeError(
            ErrorCode::Invalid,
            GitRepository::tr("“%1” does not name a commit: %2").arg(spec, lastGitMessage()));
    GitPtr<git_object> peeled;
    if (git_object_peel(out(peeled), object.get(), GIT_OBJECT_COMMIT) < 0)
        return makeError(ErrorCode::Invalid,
                         GitRepository::tr("“%1” is not a commit: %2").arg(spec, lastGitMessage()));
    return GitPtr<git_commit>(reinterpret_cast<git_commit *>(peeled.release()));
}

Result<GitPtr<git_tree>> commitTree(const git_commit *commit)
{
    GitPtr<git_tree> tree;
    if (git_commit_tree(out(tree), commit) < 0)
        return makeError(ErrorCode::Corrupt,
                         GitRepository::tr("Could not read the files of commit %1: %2")
                             .arg(oidToString(git_commit_id(commit)), lastGitMessage()));
    return tree;
}

/// The id of \a path in \a tree, or nothing when the tree has no such entry.
Result<std::optional<git_oid>> entryId(const git_tree *tree, const QByteArray &path)
{
    GitPtr<git_tree_entry> entry;
    const int rc = git_tree_entry_bypath(out(entry), tree, path.constData());
    if (rc == GIT_ENOTFOUND) {
        git_error_clear();
        return std::optional<git_oid>();
    }
    if (rc < 0)
        return makeError(ErrorCode::Corrupt,
                         GitRepository::tr("Could not read “%1” from a commit: %2")
                             .arg(QString::fromUtf8(path), lastGitMessage()));
    return std::optional<git_oid>(*git_tree_entry_id(entry.get()));
}

CommitInfo commitInfo(const git_commit *commit)
{
    CommitInfo info;
    info.id = oidToString(git_commit_id(commit));
    const char *summary = git_commit_summary(const_cast<git_commit *>(commit));
    info.summary = summary ? QString::fromUtf8(summary) : QString();
    QString message = QString::fromUtf8(git_commit_message(commit));
    while (message.endsWith(u'\n'))
        message.chop(1);
    info.message = message;
    const git_signature *author = git_commit_author(commit);
    info.authorName = QString::fromUtf8(author->name);
    info.authorEmail = QString::fromUtf8(author->email);
    info.time = QDateTime::fromSecsSinceEpoch(author->when.time, Qt::UTC);
    const unsigned int parents = git_commit_parentcount(commit);
    for (unsigned int i = 0; i < parents; ++i)
        info.parents.append(oidToString(git_commit_parent_id(commit, i)));
    return info;
}

Error noRepository()
{
    return makeError(ErrorCode::Internal,
                     GitRepository::tr("The repository was moved away and can no longer be used."));
}

} // namespace

GitRepository::GitRepository(git_repository *repo) : m_repo(repo) {}
GitRepository::GitRepository(GitRepository &&) noexcept = default;
GitRepository &GitRepository::operator=(GitRepository &&) noexcept = default;
GitRepository::~GitRepository() = default;

void GitRepository::Deleter::operator()(git_repository *repo) const
{
    git_repository_free(repo);
}

Result<GitRepository> GitRepository::init(const QString &dir)
{
    ensureLibgit2();
    if (dir.isEmpty())
        return makeError(ErrorCode::Invalid, tr("No folder was given for the repository."));
    const QString path = absoluteClean(dir);
    if (!QDir().mkpath(path))
        return makeError(ErrorCode::Io, tr("Could not create the folder “%1”.").arg(path));

    git_repository_init_options options;
    git_repository_init_options_init(&options, GIT_REPOSITORY_INIT_OPTIONS_VERSION);
    options.flags = GIT_REPOSITORY_INIT_MKPATH | GIT_REPOSITORY_INIT_NO_REINIT;
    options.initial_head = "main";

    GitPtr<git_repository> repo;
    const int rc = git_repository_init_ext(out(repo), nativePath(path).constData(), &options);
    if (rc == GIT_EEXISTS)
        return makeError(ErrorCode::Conflict,
                         tr("“%1” is already a git repository; open it instead.").arg(path));
    if (rc < 0)
        return makeError(
            ErrorCode::Io,
            tr("Could not create a repository in “%1”: %2").arg(path, lastGitMessage()));

    // Blobs must hold exactly the bytes the app wrote, whatever the user's global config says.
    GitPtr<git_config> config;
    if (git_repository_config(out(config), repo.get()) < 0)
        return makeError(
            ErrorCode::Io,
            tr("Could not configure the repository in “%1”: %2").arg(path, lastGitMessage()));
    if (git_config_set_bool(config.get(), "core.autocrlf", 0) < 0)
        return makeError(
            ErrorCode::Io,
            tr("Could not configure the repository in “%1”: %2").arg(path, lastGitMessage()));

    return GitRepository(repo.release());
}

Result<GitRepository> GitRepository::open(const QString &dir)
{
    ensureLibgit2();
    if (dir.isEmpty())
        return makeError(ErrorCode::Invalid, tr("No folder was given for the repository."));
    const QString path = absoluteClean(dir);
    GitPtr<git_repository> repo;
    const int rc = git_repository_open_ext(out(repo), nativePath(path).constData(),
                                           GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr);
    if (rc == GIT_ENOTFOUND)
        return makeError(ErrorCode::NotFound, tr("“%1” is not a git repository.").arg(path));
    if (rc < 0)
        return makeError(
            ErrorCode::Io,
            tr("Could not open the repository in “%1”: %2").arg(path, lastGitMessage()));
    if (git_repository_is_bare(repo.get()))
        return makeError(
            ErrorCode::Unsupported,
            tr("“%1” is a bare repository; Atelier needs one with a working tree.").arg(path));
    // Opening “x/.git” would otherwise succeed with the working tree “x”.
    const QString workdir = QString::fromUtf8(git_repository_workdir(repo.get()));
    if (QFileInfo(workdir).canonicalFilePath() != QFileInfo(path).canonicalFilePath())
        return makeError(ErrorCode::NotFound, tr("“%1” is not the working tree of a git "
                                                 "repository; open “%2” instead.")
                                                  .arg(path, QDir::cleanPath(workdir)));
    return GitRepository(repo.release());
}

QString GitRepository::workdir() const
{
    if (!m_repo)
        return {};
    const char *workdir = git_repository_workdir(m_repo.get());
    return workdir ? QDir::cleanPath(QString::fromUtf8(workdir)) : QString();
}

Result<QString> GitRepository::commit(const QMap<QString, QByteArray> &files,
                                      const QString &message, const GitSignature &author,
                                      const QStringList &removals)
{
    if (!m_repo)
        return noRepository();
    git_repository *repo = m_repo.get();
    const QString root = workdir();

    // Everything is checked before the working tree is touched.
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        if (Status status = checkPath(it.key()); !status)
            return status.error();
        if (Status status = checkNoSymlink(root, it.key()); !status)
            return status.error();
    }
    for (const QString &path : removals) {
        if (Status status = checkPath(path); !status)
            return status.error();
        if (Status status = checkNoSymlink(root, path); !status)
            return status.error();
        if (files.contains(path))
            return makeError(ErrorCode::Invalid,
                             tr("“%1” is both written and removed in one commit.").arg(path));
        if (QFileInfo(root + u'/' + path).isDir())
            return makeError(ErrorCode::Invalid,
                             tr("“%1” is a folder; remove the files in it instead.").arg(path));
    }
    if (message.trimmed().isEmpty())
        return makeError(ErrorCode::Invalid,
                         tr("The commit message is empty; describe what changed."));
    if (author.name.trimmed().isEmpty() || author.email.trimmed().isEmpty())
        return makeError(ErrorCode::Invalid,
                         tr("The commit author needs both a name and an e-mail address."));

    GitPtr<git_signature> signature;
    if (git_signature_now(out(signature), author.name.toUtf8().constData(),
                          author.email.toUtf8().constData()) < 0)
        return gitError(ErrorCode::Invalid, tr("The commit author is not valid: %1"));

    GitBuffer prettyMessage;
    if (git_message_prettify(&prettyMessage.buf, message.toUtf8().constData(), 0, '#') < 0)
        return gitError(ErrorCode::Internal, tr("Could not tidy the commit message: %1"));

    GitPtr<git_commit> parent;
    GitPtr<git_tree> parentTree;
    git_oid parentId;
    const int refRc = git_reference_name_to_id(&parentId, repo, MainRef);
    if (refRc == 0) {
        if (git_commit_lookup(out(parent), repo, &parentId) < 0)
            return gitError(ErrorCode::Corrupt, tr("Could not read the tip of “main”: %1"));
        auto tree = commitTree(parent.get());
        if (!tree)
            return tree.error();
        parentTree = std::move(tree).value();
    } else if (refRc == GIT_ENOTFOUND) {
        git_error_clear();
    } else {
        return gitError(ErrorCode::Corrupt, tr("Could not read the branch “main”: %1"));
    }

    GitPtr<git_index> index;
    if (git_repository_index(out(index), repo) < 0)
        return gitError(ErrorCode::Io, tr("Could not open the repository index: %1"));
    // Start from the tip so the commit holds exactly the tip plus these changes, even if an
    // earlier commit failed half-way and left entries staged.
    const int resetRc = parentTree ? git_index_read_tree(index.get(), parentTree.get())
                                   : git_index_clear(index.get());
    if (resetRc < 0)
        return gitError(ErrorCode::Internal, tr("Could not prepare the repository index: %1"));

    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        if (Status status = writeFile(root, it.key(), it.value()); !status)
            return status.error();
        if (git_index_add_bypath(index.get(), it.key().toUtf8().constData()) < 0)
            return makeError(
                ErrorCode::Io,
                tr("Could not add “%1” to the commit: %2").arg(it.key(), lastGitMessage()));
    }
    for (const QString &path : removals) {
        const QString target = root + u'/' + path;
        if (QFileInfo::exists(target) && !QFile::remove(target))
            return makeError(ErrorCode::Io, tr("Could not remove “%1”.").arg(target));
        const QString folder = QFileInfo(path).path();
        if (folder != "."_L1)
            QDir(root).rmpath(folder); // only removes folders left empty
        if (git_index_remove_bypath(index.get(), path.toUtf8().constData()) < 0)
            return makeError(
                ErrorCode::Io,
                tr("Could not remove “%1” from the commit: %2").arg(path, lastGitMessage()));
    }
    if (git_index_write(index.get()) < 0)
        return gitError(ErrorCode::Io, tr("Could not save the repository index: %1"));

    git_oid treeId;
    if (git_index_write_tree(&treeId, index.get()) < 0)
        return gitError(ErrorCode::Io, tr("Could not store the committed files: %1"));
    const bool unchanged = parentTree ? git_oid_equal(&treeId, git_tree_id(parentTree.get()))
                                      : git_index_entrycount(index.get()) == 0;
    if (unchanged)
        return makeError(ErrorCode::Conflict,
                         tr("There is nothing to commit: the files are unchanged."));

    GitPtr<git_tree> tree;
    if (git_tree_lookup(out(tree), repo, &treeId) < 0)
        return gitError(ErrorCode::Corrupt, tr("Could not read the committed files: %1"));

    const git_commit *parents[] = {parent.get()};
    git_oid commitId;
    if (git_commit_create(&commitId, repo, MainRef, signature.get(), signature.get(), nullptr,
                          prettyMessage.buf.ptr, tree.get(), parent ? 1 : 0, parents) < 0)
        return gitError(ErrorCode::Conflict, tr("Could not create the commit: %1"));
    return oidToString(&commitId);
}

Result<QString> GitRepository::head() const
{
    if (!m_repo)
        return noRepository();
    git_oid id;
    const int rc = git_reference_name_to_id(&id, m_repo.get(), MainRef);
    if (rc == GIT_ENOTFOUND) {
        git_error_clear();
        return makeError(ErrorCode::NotFound, tr("The repository has no commits yet."));
    }
    if (rc < 0)
        return gitError(ErrorCode::Corrupt, tr("Could not read the branch “main”: %1"));
    return oidToString(&id);
}

Result<QList<CommitInfo>> GitRepository::history(const QString &path, int limit) const
{
    if (!m_repo)
        return noRepository();
    if (!path.isEmpty()) {
        if (Status status = checkPath(path); !status)
            return status.error();
    }
    QList<CommitInfo> commits;
    if (limit == 0)
        return commits;

    GitPtr<git_revwalk> walk;
    if (git_revwalk_new(out(walk), m_repo.get()) < 0)
        return gitError(ErrorCode::Internal, tr("Could not walk the history: %1"));
    // Topological as well, so a parent never precedes its child when both share a second.
    if (git_revwalk_sorting(walk.get(), GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME) < 0)
        return gitError(ErrorCode::Internal, tr("Could not walk the history: %1"));
    git_oid tip;
    const int tipRc = git_reference_name_to_id(&tip, m_repo.get(), MainRef);
    if (tipRc == GIT_ENOTFOUND) {
        git_error_clear();
        return commits; // no commit yet: an empty history
    }
    if (tipRc < 0 || git_revwalk_push(walk.get(), &tip) < 0)
        return gitError(ErrorCode::Corrupt, tr("Could not read the branch “main”: %1"));

    const QByteArray nativeEntry = path.toUtf8();
    git_oid id;
    int rc = 0;
    while ((rc = git_revwalk_next(&id, walk.get())) == 0) {
        GitPtr<git_commit> commit;
        if (git_commit_lookup(out(commit), m_repo.get(), &id) < 0)
            return makeError(
                ErrorCode::Corrupt,
                tr("Could not read commit %1: %2").arg(oidToString(&id), lastGitMessage()));
        if (!path.isEmpty()) {
            auto tree = commitTree(commit.get());
            if (!tree)
                return tree.error();
            auto mine = entryId(tree->get(), nativeEntry);
            if (!mine)
                return mine.error();
            std::optional<git_oid> before;
            if (git_commit_parentcount(commit.get()) > 0) {
                GitPtr<git_commit> parent;
                if (git_commit_parent(out(parent), commit.get(), 0) < 0)
                    return makeError(ErrorCode::Corrupt,
                                     tr("Could not read the parent of %1: %2")
                                         .arg(oidToString(&id), lastGitMessage()));
                auto parentTree = commitTree(parent.get());
                if (!parentTree)
                    return parentTree.error();
                auto theirs = entryId(parentTree->get(), nativeEntry);
                if (!theirs)
                    return theirs.error();
                before = theirs.value();
            }
            const std::optional<git_oid> &now = mine.value();
            const bool same =
                now.has_value() == before.has_value() && (!now || git_oid_equal(&*now, &*before));
            if (same)
                continue;
        }
        commits.append(commitInfo(commit.get()));
        if (limit > 0 && commits.size() >= limit)
            break;
    }
    if (rc < 0 && rc != GIT_ITEROVER)
        return gitError(ErrorCode::Corrupt, tr("Could not walk the history: %1"));
    return commits;
}

Result<QByteArray> GitRepository::readFile(const QString &commit, const QString &path) const
{
    if (!m_repo)
        return noRepository();
    if (Status status = checkPath(path); !status)
        return status.error();
    auto found = lookupCommit(m_repo.get(), commit);
    if (!found)
        return found.error();
    auto tree = commitTree(found->get());
    if (!tree)
        return tree.error();

    GitPtr<git_tree_entry> entry;
    const int rc = git_tree_entry_bypath(out(entry), tree->get(), path.toUtf8().constData());
    if (rc == GIT_ENOTFOUND) {
        git_error_clear();
        return makeError(ErrorCode::NotFound,
                         tr("There is no file “%1” in commit %2.").arg(path, commit));
    }
    if (rc < 0)
        return makeError(
            ErrorCode::Corrupt,
            tr("Could not look up “%1” in commit %2: %3").arg(path, commit, lastGitMessage()));
    if (git_tree_entry_type(entry.get()) != GIT_OBJECT_BLOB)
        return makeError(ErrorCode::Invalid,
                         tr("“%1” is a folder in commit %2, not a file.").arg(path, commit));
    GitPtr<git_blob> blob;
    if (git_blob_lookup(out(blob), m_repo.get(), git_tree_entry_id(entry.get())) < 0)
        return makeError(
            ErrorCode::Corrupt,
            tr("Could not read “%1” in commit %2: %3").arg(path, commit, lastGitMessage()));
    const auto *data = static_cast<const char *>(git_blob_rawcontent(blob.get()));
    const auto size = qsizetype(git_blob_rawsize(blob.get()));
    return size > 0 ? QByteArray(data, size) : QByteArray();
}

Result<QList<FileChange>> GitRepository::diff(const QString &fromCommit,
                                              const QString &toCommit) const
{
    if (!m_repo)
        return noRepository();
    auto from = lookupCommit(m_repo.get(), fromCommit);
    if (!from)
        return from.error();
    auto to = lookupCommit(m_repo.get(), toCommit);
    if (!to)
        return to.error();
    auto fromTree = commitTree(from->get());
    if (!fromTree)
        return fromTree.error();
    auto toTree = commitTree(to->get());
    if (!toTree)
        return toTree.error();

    git_diff_options options;
    git_diff_options_init(&options, GIT_DIFF_OPTIONS_VERSION);
    GitPtr<git_diff> changes;
    if (git_diff_tree_to_tree(out(changes), m_repo.get(), fromTree->get(), toTree->get(),
                              &options) < 0)
        return makeError(
            ErrorCode::Internal,
            tr("Could not compare %1 with %2: %3").arg(fromCommit, toCommit, lastGitMessage()));
    git_diff_find_options findOptions;
    git_diff_find_options_init(&findOptions, GIT_DIFF_FIND_OPTIONS_VERSION);
    findOptions.flags = GIT_DIFF_FIND_RENAMES;
    if (git_diff_find_similar(changes.get(), &findOptions) < 0)
        return gitError(ErrorCode::Internal, tr("Could not look for renamed files: %1"));

    QList<FileChange> result;
    const size_t count = git_diff_num_deltas(changes.get());
    result.reserve(qsizetype(count));
    for (size_t i = 0; i < count; ++i) {
        const git_diff_delta *delta = git_diff_get_delta(changes.get(), i);
        FileChange change;
        const QString oldPath = QString::fromUtf8(delta->old_file.path);
        const QString newPath = QString::fromUtf8(delta->new_file.path);
        switch (delta->status) {
        case GIT_DELTA_ADDED:
        case GIT_DELTA_COPIED:
            change.kind = FileChange::Kind::Added;
            change.path = change.oldPath = newPath;
            break;
        case GIT_DELTA_DELETED:
            change.kind = FileChange::Kind::Removed;
            change.path = change.oldPath = oldPath;
            break;
        case GIT_DELTA_RENAMED:
            change.kind = FileChange::Kind::Renamed;
            change.path = newPath;
            change.oldPath = oldPath;
            break;
        default:
            change.kind = FileChange::Kind::Modified;
            change.path = change.oldPath = newPath;
            break;
        }

        GitPtr<git_patch> patch;
        if (git_patch_from_diff(out(patch), changes.get(), i) < 0)
            return makeError(
                ErrorCode::Internal,
                tr("Could not compute the changes of “%1”: %2").arg(change.path, lastGitMessage()));
        if (patch) { // none for an unchanged or binary file
            size_t context = 0;
            size_t additions = 0;
            size_t deletions = 0;
            if (git_patch_line_stats(&context, &additions, &deletions, patch.get()) < 0)
                return makeError(ErrorCode::Internal, tr("Could not count the changes of “%1”: %2")
                                                          .arg(change.path, lastGitMessage()));
            change.additions = int(additions);
            change.deletions = int(deletions);
            GitBuffer text;
            if (git_patch_to_buf(&text.buf, patch.get()) < 0)
                return makeError(ErrorCode::Internal, tr("Could not format the changes of “%1”: %2")
                                                          .arg(change.path, lastGitMessage()));
            change.patch = QString::fromUtf8(text.bytes());
        }
        result.append(std::move(change));
    }
    std::stable_sort(result.begin(), result.end(),
                     [](const FileChange &a, const FileChange &b) { return a.path < b.path; });
    return result;
}

} // namespace atelier
