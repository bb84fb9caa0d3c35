#include "canvas/templatepalette.h"

#include "canvas/canvasstyle.h"
#include "pipeline/templatepalettemodel.h"

#include <QHeaderView>
#include <QIcon>
#include <QLineEdit>
#include <QPainter>
#include <QPixmap>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

/// A small swatch of the template's port colours, so a row hints at what it takes and gives.
QIcon portIcon(const QString &in, const QString &out)
{
    QPixmap pixmap(18, 18);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(CanvasStyle::cardBorder(), 1));
    painter.setBrush(CanvasStyle::cardFill());
    painter.drawRoundedRect(QRectF(3.5, 3.5, 11, 11), 2.5, 2.5);
    painter.setPen(Qt::NoPen);
    if (!in.isEmpty()) {
        painter.setBrush(CanvasStyle::portColor(in));
        painter.drawEllipse(QPointF(3.5, 9), 3, 3);
    }
    if (!out.isEmpty()) {
        painter.setBrush(CanvasStyle::portColor(out));
        painter.drawEllipse(QPointF(14.5, 9), 3, 3);
    }
    return QIcon(pixmap);
}

} // namespace

QVariant TemplateDecorationProxy::data(const QModelIndex &index, int role) const
{
    if (role != Qt::DecorationRole && role != Qt::ToolTipRole)
        return QIdentityProxyModel::data(index, role);
    if (QIdentityProxyModel::data(index, TemplatePaletteModel::IsCategoryRole).toBool())
        return QVariant();
    const QStringList ins =
        QIdentityProxyModel::data(index, TemplatePaletteModel::InputTypesRole).toStringList();
    const QStringList outs =
        QIdentityProxyModel::data(index, TemplatePaletteModel::OutputTypesRole).toStringList();
    if (role == Qt::DecorationRole)
        return portIcon(ins.value(0), outs.value(0));
    return tr("<b>%1</b> <i>%2</i><p>%3</p><p>In: %4<br>Out: %5</p>")
        .arg(QIdentityProxyModel::data(index, Qt::DisplayRole).toString().toHtmlEscaped(),
             QIdentityProxyModel::data(index, TemplatePaletteModel::TemplateRefRole)
                 .toString()
                 .toHtmlEscaped(),
             QIdentityProxyModel::data(index, TemplatePaletteModel::DescriptionRole)
                 .toString()
                 .toHtmlEscaped(),
             ins.isEmpty() ? tr("nothing") : ins.join(u", "_s),
             outs.isEmpty() ? tr("nothing") : outs.join(u", "_s));
}

TemplatePalette::TemplatePalette(QWidget *parent) : QWidget(parent)
{
    setObjectName(u"templatePalette"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(6);
    m_search = new QLineEdit(this);
    m_search->setObjectName(u"paletteSearch"_s);
    m_search->setPlaceholderText(tr("Search templates"));
    m_search->setClearButtonEnabled(true);
    m_model = new TemplatePaletteModel(this);
    auto *proxy = new TemplateDecorationProxy(this);
    proxy->setSourceModel(m_model);
    m_tree = new QTreeView(this);
    m_tree->setObjectName(u"paletteTree"_s);
    m_tree->setModel(proxy);
    m_tree->setHeaderHidden(true);
    m_tree->setDragEnabled(true);
    m_tree->setDragDropMode(QAbstractItemView::DragOnly);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setIndentation(10);
    m_tree->setUniformRowHeights(true);
    m_tree->setIconSize(QSize(18, 18));
    layout->addWidget(m_search);
    layout->addWidget(m_tree, 1);
    connect(m_search, &QLineEdit::textChanged, m_model, &TemplatePaletteModel::setFilterText);
    connect(m_model, &QAbstractItemModel::modelReset, m_tree, &QTreeView::expandAll);
    connect(m_model, &QAbstractItemModel::layoutChanged, m_tree, &QTreeView::expandAll);
    connect(m_model, &QAbstractItemModel::rowsInserted, m_tree, &QTreeView::expandAll);
    connect(m_tree, &QTreeView::activated, this, [this, proxy](const QModelIndex &index) {
        const QString ref = m_model->templateRef(proxy->mapToSource(index));
        if (!ref.isEmpty())
            Q_EMIT templateActivated(ref);
    });
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        const QString ref = m_model->templateRef(m_model->firstTemplate());
        if (!ref.isEmpty())
            Q_EMIT templateActivated(ref);
    });
}

TemplatePalette::~TemplatePalette() = default;

void TemplatePalette::setTemplates(const QList<TemplateSpec> &templates)
{
    m_model->setTemplates(templates);
    m_tree->expandAll();
}

void TemplatePalette::setSearch(const QString &text)
{
    m_search->setText(text);
    m_tree->expandAll();
}

QStringList TemplatePalette::shownTemplates() const
{
    QStringList refs;
    for (int i = 0; i < m_model->rowCount(); ++i) {
        const QModelIndex category = m_model->index(i, 0);
        for (int j = 0; j < m_model->rowCount(category); ++j)
            refs.append(m_model->templateRef(m_model->index(j, 0, category)));
    }
    return refs;
}

QStringList TemplatePalette::shownCategories() const
{
    QStringList categories;
    for (int i = 0; i < m_model->rowCount(); ++i)
        categories.append(m_model->index(i, 0).data(Qt::DisplayRole).toString());
    return categories;
}

} // namespace atelier
