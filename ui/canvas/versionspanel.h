#pragma once

#include "pipeline/pipelinediff.h"
#include "pipeline/pipelinedocument.h"
#include "versioning/gitrepository.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QTreeWidget;

namespace atelier {

/// The saved versions of a pipeline (its commits, newest first). Pick one to compare it with
/// the pipeline as edited, or two to compare them: the changes are listed here and marked on
/// the canvas by the editor. Restore makes a version the newest again. Reads git on workers.
class VersionsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VersionsPanel)

public:
    explicit VersionsPanel(QWidget *parent = nullptr);
    ~VersionsPanel() override;

    /// Shows the history of \a slug in the workspace (read on a worker); an empty slug clears.
    void setPipeline(const QString &workspaceRoot, const QString &slug);
    /// Reads the history again (after a save).
    void reload();
    /// The document as edited now, the "after" side when one version is compared.
    void setCurrentDocument(const PipelineDocument &doc) { m_current = doc; }

    const QList<CommitInfo> &commits() const { return m_commits; }
    /// Selects the commits at these rows (newest is row 0), for tests.
    void selectRows(const QList<int> &rows);
    /// Compares the selected versions (one: with the edited pipeline; two: older → newer).
    void compareSelected();
    bool isLoading() const { return m_loading > 0; }
    QStringList changeLines() const;

Q_SIGNALS:
    void historyLoaded();
    /// A comparison is ready: \a before and \a after with what changed between them.
    void diffReady(const atelier::PipelineDocument &before, const atelier::PipelineDocument &after,
                   const QList<atelier::PipelineChange> &changes, const QString &title);
    /// The user wants the marks gone.
    void diffCleared();
    void restoreRequested(const QString &commitId, const QString &summary);
    void failed(const QString &message);

private:
    QStringList selectedCommits() const; ///< newest first
    void updateButtons();

    QString m_root;
    QString m_slug;
    QList<CommitInfo> m_commits;
    PipelineDocument m_current;
    int m_loading = 0;
    QTreeWidget *m_list = nullptr;
    QListWidget *m_changes = nullptr;
    QLabel *m_title = nullptr;
    QPushButton *m_compare = nullptr;
    QPushButton *m_clear = nullptr;
    QPushButton *m_restore = nullptr;
};

} // namespace atelier
