#include "canvas/pipelinesession.h"

#include "common/background.h"
#include "core/appsettings.h"
#include "core/workspace.h"
#include "pipeline/graphmodel.h"
#include "pipeline/pipelinestore.h"

#include <QSettings>
#include <QUndoStack>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

QString lastPipelineKey(const QString &root)
{
    return u"editor/lastPipeline/"_s + QString::fromLatin1(root.toUtf8().toHex());
}

/// Opening a pipeline that cannot be read: what went wrong, or the pipeline.
using OpenResult = Result<PipelineSession::Opened>;

} // namespace

PipelineSession::PipelineSession(GraphModel *model, QObject *parent)
    : QObject(parent), m_model(model)
{
}

GitSignature PipelineSession::author()
{
    return GitSignature{AppSettings().annotatorName(), u"atelier@localhost"_s};
}

bool PipelineSession::setWorkspace(const QString &workspaceRoot)
{
    if (workspaceRoot == m_root)
        return false;
    m_root = workspaceRoot;
    m_slug.clear();
    m_slugs.clear();
    m_pendingRun.reset();
    return true;
}

QString PipelineSession::rememberedSlug() const
{
    return m_root.isEmpty() ? QString() : QSettings().value(lastPipelineKey(m_root)).toString();
}

void PipelineSession::setSlug(const QString &slug)
{
    m_slug = slug;
    if (!slug.isEmpty())
        QSettings().setValue(lastPipelineKey(m_root), slug);
}

bool PipelineSession::isModified() const
{
    return m_model->isModified() || (m_slug.isEmpty() && !m_model->document().name.isEmpty());
}

void PipelineSession::beginWork()
{
    if (++m_busy == 1)
        Q_EMIT busyChanged(true);
}

void PipelineSession::endWork()
{
    if (--m_busy == 0)
        Q_EMIT busyChanged(false);
}

void PipelineSession::refuse(const QString &message)
{
    m_pendingRun.reset();
    Q_EMIT failed(message);
}

void PipelineSession::list()
{
    if (m_root.isEmpty())
        return;
    beginWork();
    const QString root = m_root;
    runInBackground(
        this,
        [root]() {
            Listing listing;
            const PipelineStore store(root);
            listing.slugs = store.list();
            for (const QString &slug : listing.slugs) {
                auto doc = store.load(slug);
                listing.names.append(doc && !doc->name.isEmpty() ? doc->name : slug);
            }
            listing.library = TemplateLibrary::forWorkspace(root);
            return listing;
        },
        [this, root](const Listing &listing) {
            endWork();
            if (root != m_root)
                return;
            m_slugs = listing.slugs;
            Q_EMIT listed(listing);
        });
}

void PipelineSession::open(const QString &slug)
{
    if (m_root.isEmpty() || slug.isEmpty())
        return;
    beginWork();
    const QString root = m_root;
    runInBackground(
        this,
        [root, slug]() -> OpenResult {
            auto doc = PipelineStore(root).load(slug);
            if (!doc)
                return doc.error();
            Opened opened;
            opened.doc = doc.value();
            auto workspace = Workspace::open(root);
            if (!workspace)
                return opened; // the pipeline opens; its runs are not shown
            RunStore runs(workspace->catalog());
            auto latest = runs.runs(1, slug);
            if (latest && !latest->isEmpty()) {
                opened.latestRun = latest->constFirst();
                if (auto tasks = runs.tasks(opened.latestRun.id))
                    opened.tasks = tasks.value();
            }
            return opened;
        },
        [this, root, slug](const OpenResult &opened) {
            endWork();
            if (root != m_root)
                return;
            if (!opened) {
                Q_EMIT failed(opened.error().message);
                return;
            }
            Q_EMIT this->opened(slug, opened.value());
        });
}

void PipelineSession::save(const QString &message)
{
    if (m_root.isEmpty())
        return;
    const QString text = message.trimmed();
    if (text.isEmpty()) {
        refuse(tr("A version needs a message: say in a few words what changed."));
        return;
    }
    const PipelineDocument doc = m_model->document();
    if (doc.name.trimmed().isEmpty()) {
        refuse(tr("The pipeline has no name; give it one before saving."));
        return;
    }
    const QString slug = PipelineDocument::slugFor(doc.name);
    if (isTaken(slug)) {
        refuse(tr("Another pipeline is saved as “%1”; rename this one before saving.").arg(slug));
        return;
    }
    const int index = m_model->undoStack()->index();
    // What a run would refuse in the version saved: said with the save, not silently.
    QStringList problems;
    for (const ValidationIssue &issue : m_model->validate())
        problems.append(issue.toString());
    beginWork();
    const QString root = m_root;
    runInBackground(
        this,
        [root, doc, text, who = author(), opened = m_slug]() {
            PipelineStore store(root);
            return store.save(doc, text, who, opened);
        },
        [this, root, slug, index, problems](const Result<QString> &commit) {
            endWork();
            if (root != m_root)
                return;
            if (!commit) {
                refuse(commit.error().message);
                return;
            }
            // Edits made while it was written stay unsaved.
            if (m_model->undoStack()->index() == index)
                m_model->setClean();
            const bool added = slug != m_slug || !m_slugs.contains(slug);
            setSlug(slug);
            if (added)
                m_slugs.append(slug);
            Q_EMIT saved(commit.value(), added, problems);
            if (m_pendingRun) {
                const PendingRun run = *m_pendingRun;
                m_pendingRun.reset();
                Q_EMIT runReady(m_slug, run);
            }
        });
}

void PipelineSession::restore(const QString &commitId)
{
    if (m_root.isEmpty() || m_slug.isEmpty())
        return;
    beginWork();
    const QString root = m_root;
    const QString slug = m_slug;
    runInBackground(
        this,
        [root, slug, commitId, who = author()]() {
            PipelineStore store(root);
            return store.restore(slug, commitId, who);
        },
        [this, root, slug, commitId](const Result<QString> &commit) {
            endWork();
            if (root != m_root)
                return;
            if (!commit) {
                Q_EMIT failed(commit.error().message);
                return;
            }
            open(slug); // busy until reopened: observers of restored() see it still loading
            Q_EMIT restored(commit.value(), commitId);
        });
}

} // namespace atelier
