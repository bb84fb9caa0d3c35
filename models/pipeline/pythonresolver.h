#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace atelier {

/// Finds the Python interpreter for a template (DESIGN.md `{python}`): the one set in settings,
/// else the first `python3` that can import what the template modules — `python3` on PATH,
/// then Debian's `/usr/bin/python3`. Answers are cached per process. Blocking (runs Python).
class PythonResolver final
{
    Q_DECLARE_TR_FUNCTIONS(PythonResolver)

public:
    /// A refusal names the modules, the interpreters tried and the Debian packages to install.
    static Result<QString> find(const QStringList &modules, const QString &preferred = {});
    /// Whether \a interpreter can import every module of \a modules.
    static bool canImport(const QString &interpreter, const QStringList &modules);
};

} // namespace atelier
