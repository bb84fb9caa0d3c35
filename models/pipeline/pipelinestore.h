#pragma once

#include "core/result.h"
#include "pipeline/pipelinedocument.h"
#include "versioning/gitrepository.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace atelier {

/// A pipeline found by file or by name, with what a run records of it.
struct LocatedPipeline
{
    PipelineDocument document;
    QString key;      ///< the slug when it lives in repo/pipelines, else the absolute file path
    QString commitId; ///< the newest commit of that file; empty for a loose file
    bool uncommitted = false; ///< the file differs from its newest commit
};

/// Pipelines as versioned files in the workspace repository: `repo/pipelines/<slug>.json`,
/// every save a commit.
class PipelineStore final
{
    Q_DECLARE_TR_FUNCTIONS(PipelineStore)

public:
    explicit PipelineStore(QString workspaceRoot);

    QString fileFor(const QString &slug) const;
    /// Slugs of the saved pipelines.
    QStringList list() const;
    /// Commits the document as pipelines/<slug of its name>.json; returns the commit id.
    /// Refuses (Conflict) a name whose slug is taken by a pipeline with another name, unless
    /// that pipeline is \a renaming: the slug the document was opened from (an editor renaming
    /// "Shapes" to "shapes").
    Result<QString> save(const PipelineDocument &doc, const QString &message,
                         const GitSignature &author, const QString &renaming = {});
    Result<QList<CommitInfo>> history(const QString &slug) const;
    /// The pipeline at \a commit, or as in the working tree when \a commit is empty.
    Result<PipelineDocument> load(const QString &slug, const QString &commit = {}) const;
    /// Makes the version at \a commit the newest again, as a new commit.
    Result<QString> restore(const QString &slug, const QString &commit, const GitSignature &author);
    /// A path to a pipeline file, or the name (slug) of a saved one.
    Result<LocatedPipeline> locate(const QString &fileOrName) const;

private:
    QString m_root;
};

} // namespace atelier
