#include "core/appsettings.h"

#include <QDir>
#include <QLocale>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {
constexpr int kMaxRecent = 10;
} // namespace

AppSettings::AppSettings() : m_settings(u"Atelier"_s, u"atelier"_s) {}

QString AppSettings::language() const
{
    const QString value = m_settings.value(u"language"_s, u"system"_s).toString();
    return (value == u"en"_s || value == u"zh_CN"_s) ? value : u"system"_s;
}

void AppSettings::setLanguage(const QString &language)
{
    m_settings.setValue(u"language"_s, language);
}

QString AppSettings::effectiveLocale() const
{
    const QString chosen = language();
    return chosen == u"system"_s ? QLocale::system().name() : chosen;
}

QString AppSettings::commandLineLocale()
{
    for (const char *variable : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const QString value = qEnvironmentVariable(variable);
        if (value.isEmpty())
            continue;
        // "zh_CN.UTF-8@pinyin" → "zh_CN": the encoding and modifier do not pick a language.
        QString name = value.section(u'.', 0, 0).section(u'@', 0, 0);
        if (name == u"C"_s || name == u"POSIX"_s)
            return u"C"_s;
        return QLocale(name).name();
    }
    return u"C"_s;
}

QString AppSettings::annotatorName() const
{
    QString fallback = qEnvironmentVariable("USER");
    if (fallback.isEmpty())
        fallback = u"annotator"_s;
    return m_settings.value(u"annotator"_s, fallback).toString();
}

void AppSettings::setAnnotatorName(const QString &name)
{
    m_settings.setValue(u"annotator"_s, name.trimmed());
}

QString AppSettings::defaultPool() const
{
    return m_settings.value(u"defaultPool"_s, u"local"_s).toString();
}

void AppSettings::setDefaultPool(const QString &pool)
{
    m_settings.setValue(u"defaultPool"_s, pool);
}

QStringList AppSettings::recentWorkspaces() const
{
    return m_settings.value(u"recentWorkspaces"_s).toStringList();
}

void AppSettings::addRecentWorkspace(const QString &path)
{
    const QString clean = QDir::cleanPath(QDir(path).absolutePath());
    QStringList recent = recentWorkspaces();
    recent.removeAll(clean);
    recent.prepend(clean);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    m_settings.setValue(u"recentWorkspaces"_s, recent);
}

void AppSettings::removeRecentWorkspace(const QString &path)
{
    QStringList recent = recentWorkspaces();
    recent.removeAll(QDir::cleanPath(QDir(path).absolutePath()));
    m_settings.setValue(u"recentWorkspaces"_s, recent);
}

QByteArray AppSettings::windowGeometry() const
{
    return m_settings.value(u"window/geometry"_s).toByteArray();
}

QByteArray AppSettings::windowState() const
{
    return m_settings.value(u"window/state"_s).toByteArray();
}

void AppSettings::setWindowLayout(const QByteArray &geometry, const QByteArray &state)
{
    m_settings.setValue(u"window/geometry"_s, geometry);
    m_settings.setValue(u"window/state"_s, state);
}

QString AppSettings::lastView() const
{
    return m_settings.value(u"window/view"_s, u"pipelines"_s).toString();
}

void AppSettings::setLastView(const QString &view)
{
    m_settings.setValue(u"window/view"_s, view);
}

QString AppSettings::demoWorkspacePath()
{
    const QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    return QDir(base).filePath(u"atelier/demo"_s);
}

} // namespace atelier
