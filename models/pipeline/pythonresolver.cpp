#include "pipeline/pythonresolver.h"

#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace atelier {

bool PythonResolver::canImport(const QString &interpreter, const QStringList &modules)
{
    static QMutex mutex;
    static QHash<QString, bool> answers;
    static const QRegularExpression moduleName(u"^[A-Za-z_][A-Za-z0-9_.]*$"_s);
    for (const QString &module : modules) {
        if (!moduleName.match(module).hasMatch())
            return false; // never hand anything but a module name to the interpreter
    }
    const QString key = interpreter + u'\n' + modules.join(u',');
    {
        QMutexLocker lock(&mutex);
        if (auto it = answers.constFind(key); it != answers.cend())
            return *it;
    }
    QProcess process;
    const QString code = modules.isEmpty() ? u"pass"_s : u"import "_s + modules.join(u", "_s);
    process.start(interpreter, {u"-c"_s, code});
    bool ok = process.waitForFinished(30000) && process.exitStatus() == QProcess::NormalExit &&
              process.exitCode() == 0;
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished(1000);
        ok = false;
    }
    QMutexLocker lock(&mutex);
    answers.insert(key, ok);
    return ok;
}

Result<QString> PythonResolver::find(const QStringList &modules, const QString &preferred)
{
    QStringList candidates;
    if (!preferred.isEmpty()) {
        candidates.append(preferred);
    } else {
        const QString onPath = QStandardPaths::findExecutable(u"python3"_s);
        if (!onPath.isEmpty())
            candidates.append(onPath);
        if (QFileInfo(u"/usr/bin/python3"_s).isExecutable() &&
            QFileInfo(onPath).canonicalFilePath() !=
                QFileInfo(u"/usr/bin/python3"_s).canonicalFilePath())
            candidates.append(u"/usr/bin/python3"_s);
    }
    if (candidates.isEmpty())
        return makeError(ErrorCode::NotFound,
                         tr("No python3 found. Install it with: apt-get install python3"));
    for (const QString &candidate : std::as_const(candidates)) {
        if (canImport(candidate, modules))
            return candidate;
    }
    QStringList packages;
    for (const QString &module : modules)
        packages.append(u"python3-"_s + module.section(u'.', 0, 0).toLower());
    return makeError(ErrorCode::NotFound,
                     tr("No Python can import %1 (tried %2). Install %3 with apt-get, or set an "
                        "interpreter that has them in Settings.")
                         .arg(modules.join(u", "_s), candidates.join(u", "_s),
                              packages.join(u' ')));
}

} // namespace atelier
