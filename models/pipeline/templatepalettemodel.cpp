#include "pipeline/templatepalettemodel.h"

#include <QMimeData>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

// Internal ids: a category row has 0, a template row its category's number plus one.
constexpr quintptr kCategoryRow = 0;

QStringList portTypes(const QList<PortSpec> &ports)
{
    QStringList types;
    for (const PortSpec &port : ports)
        types.append(port.type);
    return types;
}

} // namespace

TemplatePaletteModel::TemplatePaletteModel(QObject *parent) : QAbstractItemModel(parent) {}

TemplatePaletteModel::~TemplatePaletteModel() = default;

QString TemplatePaletteModel::mimeType()
{
    return u"application/x-atelier-template"_s;
}

void TemplatePaletteModel::setTemplates(const QList<TemplateSpec> &templates)
{
    m_templates = templates;
    std::stable_sort(m_templates.begin(), m_templates.end(),
                     [](const TemplateSpec &a, const TemplateSpec &b) {
                         const int byCategory = QString::localeAwareCompare(a.category, b.category);
                         if (byCategory != 0)
                             return byCategory < 0;
                         return QString::localeAwareCompare(a.name, b.name) < 0;
                     });
    rebuild();
}

void TemplatePaletteModel::setFilterText(const QString &text)
{
    if (text == m_filterText)
        return;
    m_filterText = text;
    rebuild();
}

void TemplatePaletteModel::setAllowedTemplates(const QStringList &refs)
{
    m_allowed = QSet<QString>(refs.cbegin(), refs.cend());
    rebuild();
}

void TemplatePaletteModel::clearAllowedTemplates()
{
    if (!m_allowed)
        return;
    m_allowed.reset();
    rebuild();
}

bool TemplatePaletteModel::accepts(const TemplateSpec &spec) const
{
    if (m_allowed && !m_allowed->contains(spec.ref()) && !m_allowed->contains(spec.id))
        return false;
    const QStringList words = m_filterText.split(u' ', Qt::SkipEmptyParts);
    for (const QString &word : words) {
        if (!spec.name.contains(word, Qt::CaseInsensitive) &&
            !spec.id.contains(word, Qt::CaseInsensitive) &&
            !spec.category.contains(word, Qt::CaseInsensitive) &&
            !spec.description.contains(word, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

void TemplatePaletteModel::rebuild()
{
    beginResetModel();
    m_categories.clear();
    for (int i = 0; i < m_templates.size(); ++i) {
        const TemplateSpec &spec = m_templates[i];
        if (!accepts(spec))
            continue;
        if (m_categories.isEmpty() || m_categories.last().name != spec.category)
            m_categories.append(Category{spec.category, {}});
        m_categories.last().templates.append(i);
    }
    endResetModel();
}

QString TemplatePaletteModel::templateRef(const QModelIndex &index) const
{
    return data(index, TemplateRefRole).toString();
}

int TemplatePaletteModel::templateCount() const
{
    int count = 0;
    for (const Category &category : m_categories)
        count += int(category.templates.size());
    return count;
}

QModelIndex TemplatePaletteModel::firstTemplate() const
{
    return m_categories.isEmpty() ? QModelIndex() : index(0, 0, index(0, 0));
}

QModelIndex TemplatePaletteModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column != 0 || row < 0)
        return {};
    if (!parent.isValid())
        return row < m_categories.size() ? createIndex(row, 0, kCategoryRow) : QModelIndex();
    if (parent.internalId() != kCategoryRow || parent.row() >= m_categories.size())
        return {};
    if (row >= m_categories[parent.row()].templates.size())
        return {};
    return createIndex(row, 0, quintptr(parent.row()) + 1);
}

QModelIndex TemplatePaletteModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kCategoryRow)
        return {};
    return createIndex(int(child.internalId() - 1), 0, kCategoryRow);
}

int TemplatePaletteModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_categories.size());
    if (parent.column() != 0 || parent.internalId() != kCategoryRow)
        return 0;
    return int(m_categories[parent.row()].templates.size());
}

int TemplatePaletteModel::columnCount(const QModelIndex &) const
{
    return 1;
}

QVariant TemplatePaletteModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == kCategoryRow) {
        const Category &category = m_categories[index.row()];
        switch (role) {
        case Qt::DisplayRole:
        case CategoryRole:
            return category.name;
        case IsCategoryRole:
            return true;
        default:
            return {};
        }
    }
    const Category &category = m_categories[int(index.internalId() - 1)];
    const TemplateSpec &spec = m_templates[category.templates[index.row()]];
    switch (role) {
    case Qt::DisplayRole:
        return spec.name;
    case Qt::ToolTipRole:
        return spec.description.isEmpty() ? spec.ref() : spec.ref() + u"\n"_s + spec.description;
    case TemplateRefRole:
        return spec.ref();
    case TemplateIdRole:
        return spec.id;
    case CategoryRole:
        return spec.category;
    case DescriptionRole:
        return spec.description;
    case InputTypesRole:
        return portTypes(spec.inputs);
    case OutputTypesRole:
        return portTypes(spec.outputs);
    case IsCategoryRole:
        return false;
    default:
        return {};
    }
}

Qt::ItemFlags TemplatePaletteModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    if (index.internalId() == kCategoryRow)
        return Qt::ItemIsEnabled;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled |
           Qt::ItemNeverHasChildren;
}

QHash<int, QByteArray> TemplatePaletteModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(TemplateRefRole, "templateRef");
    names.insert(TemplateIdRole, "templateId");
    names.insert(CategoryRole, "category");
    names.insert(DescriptionRole, "description");
    names.insert(InputTypesRole, "inputTypes");
    names.insert(OutputTypesRole, "outputTypes");
    names.insert(IsCategoryRole, "isCategory");
    return names;
}

QStringList TemplatePaletteModel::mimeTypes() const
{
    return {mimeType()};
}

QMimeData *TemplatePaletteModel::mimeData(const QModelIndexList &indexes) const
{
    for (const QModelIndex &index : indexes) {
        const QString ref = templateRef(index);
        if (ref.isEmpty())
            continue;
        auto *mime = new QMimeData;
        mime->setData(mimeType(), ref.toUtf8());
        return mime;
    }
    return nullptr;
}

} // namespace atelier
