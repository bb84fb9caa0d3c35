#include "pipeline/pipelinestore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace atelier {

PipelineStore::PipelineStore(QString workspaceRoot) : m_root(std::move(workspaceRoot)) {}

QString PipelineStore::fileFor(const QString &slug) const
{
    return QDir(m_root).filePath(u"repo/pipelines/"_s + slug + u".json"_s);
}

QStringList PipelineStore::list() const
{
    QStringList slugs;
    const QDir dir(QDir(m_root).filePath(u"repo/pipelines"_s));
    for (const QFileInfo &file : dir.entryInfoList({u"*.json"_s}, QDir::Files, QDir::Name))
        slugs.append(file.completeBaseName());
    return slugs;
}

Result<QString> PipelineStore::save(const PipelineDocument &doc, const QString &message,
                                    const GitSignature &author, const QString &renaming)
{
    auto repo = GitRepository::open(QDir(m_root).filePath(u"repo"_s));
    if (!repo)
        return repo.error();
    const QString slug = PipelineDocument::slugFor(doc.name);
    // Different names can share a file name ("x y" and "x/y" are both x-y.json): saving one
    // would silently become a new version of the other.
    if (slug != renaming && QFileInfo(fileFor(slug)).isFile()) {
        auto saved = PipelineDocument::load(fileFor(slug));
        if (saved && saved->name != doc.name)
            return makeError(ErrorCode::Conflict,
                             tr("The name \"%1\" cannot be saved: its file name %2.json belongs "
                                "to the pipeline \"%3\". Choose a name that differs in its "
                                "letters or digits.")
                                 .arg(doc.name, slug, saved->name));
    }
    return repo->commit({{u"pipelines/"_s + slug + u".json"_s, doc.toJson()}}, message, author);
}

Result<QList<CommitInfo>> PipelineStore::history(const QString &slug) const
{
    auto repo = GitRepository::open(QDir(m_root).filePath(u"repo"_s));
    if (!repo)
        return repo.error();
    return repo->history(u"pipelines/"_s + slug + u".json"_s);
}

Result<PipelineDocument> PipelineStore::load(const QString &slug, const QString &commit) const
{
    if (commit.isEmpty())
        return PipelineDocument::load(fileFor(slug));
    auto repo = GitRepository::open(QDir(m_root).filePath(u"repo"_s));
    if (!repo)
        return repo.error();
    const QString path = u"pipelines/"_s + slug + u".json"_s;
    auto bytes = repo->readFile(commit, path);
    if (!bytes)
        return bytes.error();
    return PipelineDocument::fromJson(bytes.value(), path + u'@' + commit.left(8));
}

Result<QString> PipelineStore::restore(const QString &slug, const QString &commit,
                                       const GitSignature &author)
{
    auto old = load(slug, commit);
    if (!old)
        return old.error();
    if (PipelineDocument::slugFor(old->name) != slug)
        return makeError(ErrorCode::Conflict,
                         tr("The version %1 of %2 is named \"%3\"; restoring it would save it "
                            "under another name.")
                             .arg(commit.left(8), slug, old->name));
    return save(old.value(), tr("Restore %1 to %2").arg(slug, commit.left(8)), author, slug);
}

Result<LocatedPipeline> PipelineStore::locate(const QString &fileOrName) const
{
    LocatedPipeline located;
    const QFileInfo asFile(fileOrName);
    const QString pipelinesDir =
        QFileInfo(QDir(m_root).filePath(u"repo/pipelines"_s)).canonicalFilePath();
    QString slug;
    if (asFile.isFile()) {
        auto doc = PipelineDocument::load(asFile.absoluteFilePath());
        if (!doc)
            return doc.error();
        located.document = doc.value();
        located.key = asFile.absoluteFilePath();
        if (!pipelinesDir.isEmpty() && asFile.canonicalPath() == pipelinesDir)
            slug = asFile.completeBaseName();
    } else {
        // A slug, or the pipeline's display name ("Shapes classifier").
        slug = QFileInfo(fileFor(fileOrName)).isFile() ? fileOrName
                                                       : PipelineDocument::slugFor(fileOrName);
        if (!QFileInfo(fileFor(slug)).isFile())
            return makeError(ErrorCode::NotFound,
                             tr("There is no pipeline file %1 and no saved pipeline named \"%1\" "
                                "(saved: %2).")
                                 .arg(fileOrName, list().isEmpty() ? tr("none")
                                                                   : list().join(u", "_s)));
        auto doc = load(slug);
        if (!doc)
            return doc.error();
        located.document = doc.value();
    }
    if (slug.isEmpty())
        return located;
    located.key = slug;
    auto commits = history(slug);
    if (commits && !commits->isEmpty()) {
        located.commitId = commits->constFirst().id;
        auto committed = load(slug, located.commitId);
        located.uncommitted = !committed || !(committed.value() == located.document);
    } else {
        located.uncommitted = true;
    }
    return located;
}

} // namespace atelier
