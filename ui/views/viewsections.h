#pragma once

#include "views/listpage.h"

namespace atelier {

/// What each view lists of a workspace snapshot; one function per view.
class ViewSections final
{
    Q_DECLARE_TR_FUNCTIONS(ViewSections)

public:
    static QList<PageSection> pipelines(const WorkspaceSnapshot &snapshot);
    static QList<PageSection> datasets(const WorkspaceSnapshot &snapshot);
    static QList<PageSection> pools(const WorkspaceSnapshot &snapshot);
    /// The pool kinds and states of the catalog, in the user's language.
    static QString poolKind(const QString &kind);
    static QString poolState(const QString &state);
};

} // namespace atelier
