#pragma once

#include "shell/workspacesnapshot.h"

#include <QWidget>

class QLabel;
class QStackedWidget;
class QTreeWidget;

namespace atelier {

/// A titled group of entries on a page.
struct PageSection
{
    QString heading;
    QList<ListedEntry> entries;
};

/// A view page: a title, a one-line purpose, then grouped entries, or a hint when empty.
class ListPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ListPage)

public:
    ListPage(const QString &objectName, const QString &title, const QString &subtitle,
             const QString &emptyHint, QWidget *parent = nullptr);

    void setSections(const QList<PageSection> &sections);
    /// Rows shown, not counting section headings (for tests).
    int entryCount() const;
    bool showsEmptyHint() const;

private:
    QStackedWidget *m_stack = nullptr;
    QTreeWidget *m_tree = nullptr;
    QLabel *m_empty = nullptr;
};

} // namespace atelier
