#include "canvas/quickaddpopup.h"

#include "canvas/templatepalette.h"
#include "pipeline/templatepalettemodel.h"

#include <QHideEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QScreen>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace atelier {

QuickAddPopup::QuickAddPopup(QWidget *parent) : QFrame(parent, Qt::Popup)
{
    setObjectName(u"quickAddPopup"_s);
    setFrameShape(QFrame::StyledPanel);
    setMinimumWidth(340);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(4);
    m_why = new QLabel(this);
    m_why->setObjectName(u"quickAddWhy"_s);
    m_why->setVisible(false);
    m_search = new QLineEdit(this);
    m_search->setObjectName(u"quickAddSearch"_s);
    m_search->setPlaceholderText(tr("Add a node: type to search templates"));
    m_search->setClearButtonEnabled(true);
    m_model = new TemplatePaletteModel(this);
    auto *proxy = new TemplateDecorationProxy(this);
    proxy->setSourceModel(m_model);
    m_list = new QTreeView(this);
    m_list->setObjectName(u"quickAddList"_s);
    m_list->setModel(proxy);
    m_list->setHeaderHidden(true);
    m_list->setRootIsDecorated(false);
    m_list->setItemsExpandable(false);
    m_list->setIndentation(8);
    m_list->setUniformRowHeights(true);
    m_list->setMinimumHeight(280);
    layout->addWidget(m_why);
    layout->addWidget(m_search);
    layout->addWidget(m_list);
    m_search->installEventFilter(this);
    connect(m_search, &QLineEdit::textChanged, m_model, &TemplatePaletteModel::setFilterText);
    connect(m_model, &QAbstractItemModel::modelReset, this, &QuickAddPopup::refilled);
    connect(m_model, &QAbstractItemModel::layoutChanged, this, &QuickAddPopup::refilled);
    connect(m_list, &QTreeView::activated, this,
            [this, proxy](const QModelIndex &index) { choose(proxy->mapToSource(index)); });
    connect(m_list, &QTreeView::clicked, this,
            [this, proxy](const QModelIndex &index) { choose(proxy->mapToSource(index)); });
}

QuickAddPopup::~QuickAddPopup() = default;

void QuickAddPopup::setTemplates(const QList<TemplateSpec> &templates)
{
    m_model->setTemplates(templates);
    refilled();
}

void QuickAddPopup::setAllowed(const QStringList &refs, bool restricted, const QString &why)
{
    if (restricted)
        m_model->setAllowedTemplates(refs);
    else
        m_model->clearAllowedTemplates();
    m_why->setText(why);
    m_why->setVisible(!why.isEmpty());
    refilled();
}

void QuickAddPopup::popup(const QPoint &globalPos)
{
    m_chosen = false;
    m_search->clear();
    refilled();
    adjustSize();
    QPoint pos = globalPos;
    if (const QScreen *screen = QWidget::screen()) {
        const QRect area = screen->availableGeometry();
        pos.setX(qBound(area.left(), pos.x(), qMax(area.left(), area.right() - width())));
        pos.setY(qBound(area.top(), pos.y(), qMax(area.top(), area.bottom() - height())));
    }
    move(pos);
    show();
    m_search->setFocus(Qt::PopupFocusReason);
}

void QuickAddPopup::setSearch(const QString &text)
{
    m_search->setText(text);
}

QStringList QuickAddPopup::shownTemplates() const
{
    QStringList refs;
    for (int i = 0; i < m_model->rowCount(); ++i) {
        const QModelIndex category = m_model->index(i, 0);
        for (int j = 0; j < m_model->rowCount(category); ++j)
            refs.append(m_model->templateRef(m_model->index(j, 0, category)));
    }
    return refs;
}

void QuickAddPopup::refilled()
{
    m_list->expandAll();
    auto *proxy = static_cast<QIdentityProxyModel *>(m_list->model());
    m_list->setCurrentIndex(proxy->mapFromSource(m_model->firstTemplate()));
}

void QuickAddPopup::step(int direction)
{
    auto *proxy = static_cast<QIdentityProxyModel *>(m_list->model());
    QModelIndex index = m_list->currentIndex();
    for (int guard = 0; guard < 10000; ++guard) {
        index = direction > 0 ? m_list->indexBelow(index.isValid() ? index : proxy->index(0, 0))
                              : m_list->indexAbove(index);
        if (!index.isValid())
            return;
        if (!m_model->templateRef(proxy->mapToSource(index)).isEmpty()) {
            m_list->setCurrentIndex(index);
            return;
        }
    }
}

void QuickAddPopup::choose(const QModelIndex &index)
{
    const QString ref = m_model->templateRef(index);
    if (ref.isEmpty())
        return;
    m_chosen = true;
    hide();
    Q_EMIT templateChosen(ref);
}

bool QuickAddPopup::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        auto *proxy = static_cast<QIdentityProxyModel *>(m_list->model());
        switch (key->key()) {
        case Qt::Key_Down:
            step(+1);
            return true;
        case Qt::Key_Up:
            step(-1);
            return true;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            choose(proxy->mapToSource(m_list->currentIndex()));
            return true;
        case Qt::Key_Escape:
            hide();
            return true;
        default:
            break;
        }
    }
    return QFrame::eventFilter(watched, event);
}

void QuickAddPopup::hideEvent(QHideEvent *event)
{
    QFrame::hideEvent(event);
    if (!m_chosen)
        Q_EMIT dismissed();
}

} // namespace atelier
