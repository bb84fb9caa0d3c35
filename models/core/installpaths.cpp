#include "core/installpaths.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;

// Set by CMake for this file only: the data folder relative to the executable's folder
// (GNUInstallDirs, "../share/atelier" by default), and the build and source folders for the
// build-folder fallback.
#ifndef ATELIER_INSTALL_DATA_FROM_BIN
#error "ATELIER_INSTALL_DATA_FROM_BIN must be defined by the build"
#endif

namespace atelier {

namespace {

QString installedDataDir()
{
    if (!QCoreApplication::instance())
        return {};
    const QString dir = QDir::cleanPath(QCoreApplication::applicationDirPath() + u'/' +
                                        QStringLiteral(ATELIER_INSTALL_DATA_FROM_BIN));
    return QFileInfo(dir).isDir() ? dir : QString();
}

/// Whether the executable lies in the build folder this code was compiled in (tests and
/// benchmarks run without an application object, and always from there).
bool runsFromBuildFolder()
{
#ifdef ATELIER_BUILD_DIR
    if (!QCoreApplication::instance())
        return true;
    // The executable's folder is a real path (/proc/self/exe); the build folder may be reached
    // through a link.
    const QString build = QFileInfo(QStringLiteral(ATELIER_BUILD_DIR)).canonicalFilePath();
    return !build.isEmpty() &&
           (QCoreApplication::applicationDirPath() + u'/').startsWith(build + u'/');
#else
    return false;
#endif
}

QString folderFromEnvironment(const char *name)
{
    const QString dir = qEnvironmentVariable(name);
    return !dir.isEmpty() && QFileInfo(dir).isDir() ? QDir(dir).absolutePath() : QString();
}

QString subfolder(const QString &name)
{
    const QString data = InstallPaths::dataDir();
    return data.isEmpty() ? QString() : data + u'/' + name;
}

} // namespace

QString InstallPaths::dataDir()
{
    if (const QString installed = installedDataDir(); !installed.isEmpty())
        return installed;
#ifdef ATELIER_SOURCE_RESOURCES_DIR
    if (runsFromBuildFolder())
        return QStringLiteral(ATELIER_SOURCE_RESOURCES_DIR);
#endif
    return {};
}

QString InstallPaths::templatesDir()
{
    const QString fromEnvironment = folderFromEnvironment("ATELIER_TEMPLATES_DIR");
    return fromEnvironment.isEmpty() ? subfolder(u"templates"_s) : fromEnvironment;
}

QString InstallPaths::servingDir()
{
    const QString fromEnvironment = folderFromEnvironment("ATELIER_SERVING_DIR");
    return fromEnvironment.isEmpty() ? subfolder(u"serving"_s) : fromEnvironment;
}

QString InstallPaths::sweepsDir()
{
    const QString fromEnvironment = folderFromEnvironment("ATELIER_SWEEPS_DIR");
    return fromEnvironment.isEmpty() ? subfolder(u"sweeps"_s) : fromEnvironment;
}

QString InstallPaths::demoDir()
{
    return subfolder(u"demo"_s);
}

QString InstallPaths::translationsDir()
{
    if (const QString installed = installedDataDir(); !installed.isEmpty())
        return installed + u"/translations"_s;
#ifdef ATELIER_BUILD_TRANSLATIONS_DIR
    if (runsFromBuildFolder())
        return QStringLiteral(ATELIER_BUILD_TRANSLATIONS_DIR);
#endif
    return {};
}

bool InstallPaths::isInstalled()
{
    return !installedDataDir().isEmpty();
}

} // namespace atelier
