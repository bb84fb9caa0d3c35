#include "core/buildinfo.h"

#include <git2.h>
#include <sqlite3.h>

namespace atelier {

QString BuildInfo::atelierVersion()
{
    return QStringLiteral(ATELIER_VERSION);
}

QString BuildInfo::qtVersion()
{
    return QString::fromLatin1(qVersion());
}

QString BuildInfo::sqliteVersion()
{
    return QString::fromLatin1(sqlite3_libversion());
}

QString BuildInfo::libgit2Version()
{
    int major = 0;
    int minor = 0;
    int patch = 0;
    git_libgit2_version(&major, &minor, &patch);
    return QStringLiteral("%1.%2.%3").arg(major).arg(minor).arg(patch);
}

} // namespace atelier
