#pragma once

#include <QString>

namespace atelier {

/// Versions of Atelier and the libraries it runs on, for About and `--version`.
struct BuildInfo
{
    static QString atelierVersion();
    static QString qtVersion();
    static QString sqliteVersion();
    static QString libgit2Version();
};

} // namespace atelier
