#pragma once

#include "pipeline/templatespec.h"

#include <QCoreApplication>
#include <QList>
#include <QMap>
#include <QString>

namespace atelier {

/// The templates a workspace can use: the built-in library and the workspace's own
/// (`repo/templates/`). A later directory may add versions; the same id@version twice is an error.
class TemplateLibrary final
{
    Q_DECLARE_TR_FUNCTIONS(TemplateLibrary)

public:
    /// Loads every `*/template.json` under \a dir; files that fail are kept as loadErrors().
    /// With \a trustedRoots, a folder whose real path (symbolic links resolved) — or any file
    /// in it — lies outside all of them is refused with a load error naming where it points:
    /// a template runs its command, so a link must not smuggle in an outside one.
    void addDirectory(const QString &dir, const QStringList &trustedRoots = {});
    /// Why some template files were not loaded (each names its file and field).
    QList<Error> loadErrors() const { return m_errors; }

    /// "id@version", or "id" for the newest version. NotFound names the versions that exist.
    Result<TemplateSpec> resolve(const QString &ref) const;
    /// Every template, newest version only, sorted by category then name.
    QList<TemplateSpec> latest() const;
    /// Every version of every template.
    QList<TemplateSpec> all() const;

    /// Where the built-in templates are: InstallPaths::templatesDir().
    static QString builtinDirectory();
    /// The built-in library plus `<workspace>/repo/templates`, whose folders must really lie
    /// inside the workspace or the built-in library.
    static TemplateLibrary forWorkspace(const QString &workspaceRoot);

private:
    QMap<QString, QMap<QString, TemplateSpec>> m_templates; // id → version → spec
    QList<Error> m_errors;
};

} // namespace atelier
