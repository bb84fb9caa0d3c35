#include "canvas/versionspanel.h"

#include "common/background.h"
#include "pipeline/pipelinestore.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace atelier {

VersionsPanel::VersionsPanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(u"versionsPanel"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(6);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_list = new QTreeWidget(splitter);
    m_list->setObjectName(u"versionList"_s);
    m_list->setRootIsDecorated(false);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setHeaderLabels({tr("Version"), tr("When"), tr("Commit")});
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_list->header()->setStretchLastSection(false);
    auto *changesBox = new QWidget(splitter);
    auto *changesLayout = new QVBoxLayout(changesBox);
    changesLayout->setContentsMargins(0, 0, 0, 0);
    m_title = new QLabel(tr("Select one version to compare it with the pipeline as edited, or "
                            "two to compare them."),
                         changesBox);
    m_title->setObjectName(u"diffTitle"_s);
    m_title->setWordWrap(true);
    m_changes = new QListWidget(changesBox);
    m_changes->setObjectName(u"diffChanges"_s);
    m_changes->setWordWrap(true);
    m_changes->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    changesLayout->addWidget(m_title);
    changesLayout->addWidget(m_changes, 1);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);

    auto *buttons = new QHBoxLayout;
    m_compare = new QPushButton(tr("Compare"), this);
    m_compare->setObjectName(u"compareVersions"_s);
    m_clear = new QPushButton(tr("Clear marks"), this);
    m_restore = new QPushButton(tr("Restore…"), this);
    m_restore->setObjectName(u"restoreVersion"_s);
    m_restore->setToolTip(tr("Make the selected version the newest again, as a new commit"));
    buttons->addWidget(m_compare);
    buttons->addWidget(m_clear);
    buttons->addStretch(1);
    buttons->addWidget(m_restore);
    layout->addLayout(buttons);

    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &VersionsPanel::updateButtons);
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, &VersionsPanel::compareSelected);
    connect(m_compare, &QPushButton::clicked, this, &VersionsPanel::compareSelected);
    connect(m_clear, &QPushButton::clicked, this, [this] {
        m_changes->clear();
        m_clear->setEnabled(false);
        Q_EMIT diffCleared();
    });
    connect(m_restore, &QPushButton::clicked, this, [this] {
        const QStringList selected = selectedCommits();
        if (selected.size() != 1)
            return;
        for (const CommitInfo &commit : std::as_const(m_commits)) {
            if (commit.id == selected.constFirst())
                Q_EMIT restoreRequested(commit.id, commit.summary);
        }
    });
    updateButtons();
}

VersionsPanel::~VersionsPanel() = default;

void VersionsPanel::setPipeline(const QString &workspaceRoot, const QString &slug)
{
    m_root = workspaceRoot;
    m_slug = slug;
    m_changes->clear();
    reload();
}

void VersionsPanel::reload()
{
    m_list->clear();
    m_commits.clear();
    updateButtons();
    if (m_root.isEmpty() || m_slug.isEmpty())
        return;
    ++m_loading;
    using History = Result<QList<CommitInfo>>;
    const QString slug = m_slug;
    runInBackground(
        this, [root = m_root, slug]() -> History { return PipelineStore(root).history(slug); },
        [this, slug](const History &history) {
            --m_loading;
            if (slug != m_slug)
                return;
            if (!history) {
                Q_EMIT failed(history.error().message);
                return;
            }
            m_commits = history.value();
            const QLocale locale;
            m_list->clear();
            for (const CommitInfo &commit : std::as_const(m_commits)) {
                auto *item = new QTreeWidgetItem(
                    m_list,
                    {commit.summary, locale.toString(commit.time.toLocalTime(), u"d MMM HH:mm"_s),
                     commit.id.left(8)});
                item->setData(0, Qt::UserRole, commit.id);
                item->setToolTip(2, commit.id);
                item->setToolTip(
                    0, tr("%1\n\n%2 <%3>")
                           .arg(commit.message.trimmed(), commit.authorName, commit.authorEmail));
            }
            updateButtons();
            Q_EMIT historyLoaded();
        });
}

void VersionsPanel::selectRows(const QList<int> &rows)
{
    m_list->clearSelection();
    for (int row : rows) {
        if (QTreeWidgetItem *item = m_list->topLevelItem(row))
            item->setSelected(true);
    }
}

QStringList VersionsPanel::selectedCommits() const
{
    QStringList ids;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        if (item->isSelected())
            ids.append(item->data(0, Qt::UserRole).toString());
    }
    return ids;
}

void VersionsPanel::updateButtons()
{
    const int selected = int(selectedCommits().size());
    m_compare->setEnabled(selected == 1 || selected == 2);
    m_restore->setEnabled(selected == 1 && !m_commits.isEmpty() &&
                          selectedCommits().constFirst() != m_commits.constFirst().id);
    m_clear->setEnabled(m_changes->count() > 0);
}

QStringList VersionsPanel::changeLines() const
{
    QStringList lines;
    for (int i = 0; i < m_changes->count(); ++i)
        lines.append(m_changes->item(i)->text());
    return lines;
}

void VersionsPanel::compareSelected()
{
    const QStringList selected = selectedCommits(); // newest first
    if (selected.isEmpty() || selected.size() > 2 || m_root.isEmpty())
        return;
    struct Loaded
    {
        QString error;
        PipelineDocument before;
        PipelineDocument after;
    };
    const QString older = selected.constLast();
    const QString newer = selected.size() == 2 ? selected.constFirst() : QString();
    auto shortTitle = [this](const QString &id) {
        for (const CommitInfo &commit : std::as_const(m_commits)) {
            if (commit.id == id)
                return tr("“%1” (%2)").arg(commit.summary, id.left(8));
        }
        return id.left(8);
    };
    const QString title = newer.isEmpty()
                              ? tr("From %1 to the pipeline as edited").arg(shortTitle(older))
                              : tr("From %1 to %2").arg(shortTitle(older), shortTitle(newer));
    ++m_loading;
    runInBackground(
        this,
        [root = m_root, slug = m_slug, older, newer, current = m_current]() -> Loaded {
            Loaded result;
            const PipelineStore store(root);
            auto before = store.load(slug, older);
            if (!before) {
                result.error = before.error().message;
                return result;
            }
            result.before = before.value();
            if (newer.isEmpty()) {
                result.after = current;
                return result;
            }
            auto after = store.load(slug, newer);
            if (!after) {
                result.error = after.error().message;
                return result;
            }
            result.after = after.value();
            return result;
        },
        [this, title](const Loaded &loaded) {
            --m_loading;
            if (!loaded.error.isEmpty()) {
                Q_EMIT failed(loaded.error);
                return;
            }
            const QList<PipelineChange> changes =
                PipelineDiff::compare(loaded.before, loaded.after);
            m_title->setText(changes.isEmpty()
                                 ? tr("%1: no change.").arg(title)
                                 : tr("%1: %n changes.", nullptr, int(changes.size())).arg(title));
            m_changes->clear();
            for (const PipelineChange &change : changes)
                m_changes->addItem(change.toString());
            updateButtons();
            Q_EMIT diffReady(loaded.before, loaded.after, changes, title);
        });
}

} // namespace atelier
