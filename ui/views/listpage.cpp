#include "views/listpage.h"

#include <QDesktopServices>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace atelier {

ListPage::ListPage(const QString &objectName, const QString &title, const QString &subtitle,
                   const QString &emptyHint, QWidget *parent)
    : QWidget(parent)
{
    setObjectName(objectName);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(28, 22, 28, 22);
    layout->setSpacing(6);

    auto *titleLabel = new QLabel(title, this);
    titleLabel->setObjectName(u"pageTitle"_s);
    auto *subtitleLabel = new QLabel(subtitle, this);
    subtitleLabel->setObjectName(u"pageSubtitle"_s);
    subtitleLabel->setWordWrap(true);
    layout->addWidget(titleLabel);
    layout->addWidget(subtitleLabel);
    layout->addSpacing(10);

    m_stack = new QStackedWidget(this);
    m_empty = new QLabel(emptyHint, m_stack);
    m_empty->setObjectName(u"emptyHint"_s);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_tree = new QTreeWidget(m_stack);
    m_tree->setColumnCount(3);
    m_tree->setHeaderLabels({tr("Name"), tr("Details"), tr("Date")});
    m_tree->setRootIsDecorated(false);
    m_tree->setAlternatingRowColors(true);
    // Names and dates whole; a long detail (a pool's check reason) wraps in the room left
    // rather than pushing the name out of sight.
    m_tree->setWordWrap(true);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Interactive); // set by setSections
    m_tree->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    connect(m_tree, &QTreeWidget::itemActivated, this, [](QTreeWidgetItem *item) {
        const QString path = item->data(0, Qt::UserRole).toString();
        if (path.startsWith(u'/'))
            QDesktopServices::openUrl(QUrl::fromLocalFile(path));
    });

    m_stack->addWidget(m_empty);
    m_stack->addWidget(m_tree);
    layout->addWidget(m_stack, 1);
}

void ListPage::setSections(const QList<PageSection> &sections)
{
    m_tree->clear();
    int rows = 0;
    const QLocale locale;
    for (const PageSection &section : sections) {
        if (section.entries.isEmpty())
            continue;
        auto *heading = new QTreeWidgetItem(m_tree, {section.heading});
        QFont bold = heading->font(0);
        bold.setBold(true);
        heading->setFont(0, bold);
        heading->setFlags(Qt::ItemIsEnabled);
        heading->setFirstColumnSpanned(true);
        for (const ListedEntry &entry : section.entries) {
            const QString modified =
                entry.modified.isValid()
                    ? locale.toString(entry.modified.toLocalTime(), QLocale::ShortFormat)
                    : QString();
            auto *item = new QTreeWidgetItem(heading, {entry.name, entry.detail, modified});
            item->setData(0, Qt::UserRole, entry.path);
            item->setToolTip(0, entry.path);
            item->setToolTip(1, entry.detail);
            ++rows;
        }
        heading->setExpanded(true);
    }
    m_tree->setRootIsDecorated(false);
    // The name column as wide as its widest entry (headings span every column and do not
    // count), at most half the page.
    int nameWidth = m_tree->header()->sectionSizeHint(0);
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *heading = m_tree->topLevelItem(i);
        for (int j = 0; j < heading->childCount(); ++j)
            nameWidth = std::max(
                nameWidth, m_tree->fontMetrics().horizontalAdvance(heading->child(j)->text(0)) +
                               m_tree->indentation() + 24);
    }
    m_tree->header()->resizeSection(0, std::min(nameWidth, width() > 400 ? width() / 2 : 360));
    m_stack->setCurrentWidget(rows > 0 ? static_cast<QWidget *>(m_tree) : m_empty);
}

int ListPage::entryCount() const
{
    int rows = 0;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i)
        rows += m_tree->topLevelItem(i)->childCount();
    return rows;
}

bool ListPage::showsEmptyHint() const
{
    return m_stack->currentWidget() == m_empty;
}

} // namespace atelier
