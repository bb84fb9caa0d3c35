#pragma once

#include "pipeline/templatespec.h"

#include <QAbstractItemModel>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace atelier {

/// The template palette: categories at the top level, their templates below, narrowed by a
/// search text and optionally by a set of allowed templates (quick-add from a dangling link).
/// Plain data only: icons and port colours are the ui's (a delegate or a proxy).
class TemplatePaletteModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TemplatePaletteModel)

public:
    enum Role {
        TemplateRefRole = Qt::UserRole + 1, ///< "id@version"; empty for a category row
        TemplateIdRole,                     ///< "sklearn-train"
        CategoryRole,                       ///< the category name (both kinds of row)
        DescriptionRole,
        InputTypesRole,  ///< QStringList of input port types, in port order
        OutputTypesRole, ///< QStringList of output port types
        IsCategoryRole,  ///< bool
    };
    Q_ENUM(Role)

    explicit TemplatePaletteModel(QObject *parent = nullptr);
    ~TemplatePaletteModel() override;

    /// The templates to offer (TemplateLibrary::latest()); categories sorted by name,
    /// templates by name within them.
    void setTemplates(const QList<TemplateSpec> &templates);
    /// Words that must all appear (case-insensitive) in the name, id, category or description.
    void setFilterText(const QString &text);
    QString filterText() const { return m_filterText; }
    /// Offers only these template references ("id@version" or "id"); an empty list offers none.
    void setAllowedTemplates(const QStringList &refs);
    /// Offers every template again.
    void clearAllowedTemplates();

    /// The template reference of a template row; empty for a category row.
    QString templateRef(const QModelIndex &index) const;
    /// Templates shown now.
    int templateCount() const;
    /// The first template row shown (what Enter in a search box adds), or invalid.
    QModelIndex firstTemplate() const;
    /// Drag payload type; the same as ui/canvas/canvasmime.h templateMimeType().
    static QString mimeType();

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;

private:
    struct Category
    {
        QString name;
        QList<int> templates; // indexes into m_templates
    };

    void rebuild();
    bool accepts(const TemplateSpec &spec) const;

    QList<TemplateSpec> m_templates;
    QList<Category> m_categories; // shown ones only
    QString m_filterText;
    std::optional<QSet<QString>> m_allowed;
};

} // namespace atelier
