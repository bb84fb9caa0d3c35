#pragma once

#include "pipeline/templatespec.h"

#include <QIdentityProxyModel>
#include <QList>
#include <QWidget>

class QLineEdit;
class QTreeView;

namespace atelier {

class TemplatePaletteModel;

/// Adds what the palette model leaves to the ui: a swatch of each template's first input and
/// output port colours, and a tooltip with its ports.
class TemplateDecorationProxy final : public QIdentityProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TemplateDecorationProxy)

public:
    using QIdentityProxyModel::QIdentityProxyModel;
    QVariant data(const QModelIndex &index, int role) const override;
};

/// The templates a pipeline can use, grouped by category, with a search box. A template is
/// dragged onto the canvas (mime type templateMimeType()) or double-clicked to add a node.
class TemplatePalette final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TemplatePalette)

public:
    explicit TemplatePalette(QWidget *parent = nullptr);
    ~TemplatePalette() override;

    void setTemplates(const QList<TemplateSpec> &templates);
    void setSearch(const QString &text);
    /// References of the templates shown now, in order (for tests).
    QStringList shownTemplates() const;
    /// Categories shown now.
    QStringList shownCategories() const;
    TemplatePaletteModel *model() const { return m_model; }

Q_SIGNALS:
    /// Double-click or Enter on a template: add it where the user looks.
    void templateActivated(const QString &ref);

private:
    TemplatePaletteModel *m_model = nullptr;
    QLineEdit *m_search = nullptr;
    QTreeView *m_tree = nullptr;
};

} // namespace atelier
