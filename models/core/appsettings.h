#pragma once

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QStringList>

namespace atelier {

/// The user's preferences (QSettings, per user): language, annotator, default pool, recent
/// workspaces and window layout. Every accessor reads or writes through at once.
class AppSettings final
{
public:
    AppSettings();

    /// "system", "en" or "zh_CN".
    QString language() const;
    void setLanguage(const QString &language);
    /// The locale name the GUI loads translations for: the setting, or the system's when
    /// "system".
    QString effectiveLocale() const;
    /// The locale name the command line speaks: the user's environment in POSIX order
    /// (LC_ALL, then LC_MESSAGES, then LANG), never the GUI's setting, which belongs to one
    /// account's window while a terminal may be anyone's; "C" when none or C/POSIX.
    static QString commandLineLocale();

    /// Recorded as the author of annotations; the login name until the user sets one.
    QString annotatorName() const;
    void setAnnotatorName(const QString &name);

    QString defaultPool() const;
    void setDefaultPool(const QString &pool);

    /// Most recent first, at most ten, without duplicates.
    QStringList recentWorkspaces() const;
    void addRecentWorkspace(const QString &path);
    void removeRecentWorkspace(const QString &path);

    QByteArray windowGeometry() const;
    QByteArray windowState() const;
    void setWindowLayout(const QByteArray &geometry, const QByteArray &state);
    /// The view shown when the window closed ("pipelines", "datasets", …).
    QString lastView() const;
    void setLastView(const QString &view);

    /// Where "Open the demo" keeps its workspace (under the user's data folder).
    static QString demoWorkspacePath();

private:
    mutable QSettings m_settings;
};

} // namespace atelier
