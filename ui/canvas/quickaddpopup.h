#pragma once

#include "pipeline/templatespec.h"

#include <QFrame>
#include <QList>
#include <QModelIndex>
#include <QStringList>

class QLabel;
class QLineEdit;
class QTreeView;

namespace atelier {

class TemplatePaletteModel;

/// A search box with the matching templates, shown at the cursor (double-click on the canvas,
/// Ctrl+.) or where a dragged link was dropped, then limited to the templates that can take
/// that link. Enter or a click picks one; Escape closes.
class QuickAddPopup final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QuickAddPopup)

public:
    explicit QuickAddPopup(QWidget *parent = nullptr);
    ~QuickAddPopup() override;

    /// The templates to offer (newest versions).
    void setTemplates(const QList<TemplateSpec> &templates);
    /// Offers only these references ("id@version"); an empty list with \a restricted false
    /// offers every template. \a why is shown above the list ("Takes a table").
    void setAllowed(const QStringList &refs, bool restricted, const QString &why = {});
    /// Shows the popup with its top-left corner at \a globalPos, the search box empty and
    /// focused.
    void popup(const QPoint &globalPos);
    /// Sets the search text (as typed).
    void setSearch(const QString &text);
    /// References shown now, best match first.
    QStringList shownTemplates() const;

Q_SIGNALS:
    void templateChosen(const QString &ref);
    void dismissed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void refilled();
    void choose(const QModelIndex &index);
    /// Moves the current row to the next template row in \a direction (+1 / -1).
    void step(int direction);

    TemplatePaletteModel *m_model = nullptr;
    bool m_chosen = false;
    QLabel *m_why = nullptr;
    QLineEdit *m_search = nullptr;
    QTreeView *m_list = nullptr;
};

} // namespace atelier
