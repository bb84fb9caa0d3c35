#include "sweeps/sweepstore.h"

#include "sweeps/sweepdriver.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTemporaryFile>
#include <QThread>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <signal.h>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

Status writeJson(const QString &path, const QJsonObject &object)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(object).toJson()) < 0 ||
        !file.commit())
        return makeError(ErrorCode::Io,
                         SweepStore::tr("Could not write %1: %2").arg(path, file.errorString()));
    return {};
}

/// Replaces \a path atomically (a reader sees the old or the new file, never a part) without
/// waiting for the disk: status.json is rewritten at every trial, and a status lost in a crash
/// is told by its dead pid anyway. A flush to disk here cost more than the trial's own work
/// (tests/bench/sweep_overhead.sh).
Status replaceJson(const QString &path, const QJsonObject &object)
{
    QTemporaryFile file(path + u".XXXXXX"_s);
    if (!file.open() || file.write(QJsonDocument(object).toJson()) < 0 || !file.flush())
        return makeError(ErrorCode::Io,
                         SweepStore::tr("Could not write %1: %2").arg(path, file.errorString()));
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup |
                        QFileDevice::ReadOther);
    if (::rename(QFile::encodeName(file.fileName()).constData(),
                 QFile::encodeName(path).constData()) != 0)
        return makeError(ErrorCode::Io, SweepStore::tr("Could not write %1: %2")
                                            .arg(path, QString::fromLocal8Bit(strerror(errno))));
    file.setAutoRemove(false); // it is status.json now
    return {};
}

QJsonObject readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

} // namespace

QJsonObject SweepStatus::toJson() const
{
    return {{u"state"_s, state}, {u"pid"_s, pid}, {u"message"_s, message}, {u"summary"_s, summary}};
}

SweepStatus SweepStatus::fromJson(const QJsonObject &object)
{
    SweepStatus status;
    status.state = object.value(u"state"_s).toString();
    status.pid = qint64(object.value(u"pid"_s).toDouble());
    status.message = object.value(u"message"_s).toString();
    status.summary = object.value(u"summary"_s).toObject();
    return status;
}

SweepStore::SweepStore(QString workspaceRoot) : m_root(std::move(workspaceRoot)) {}

QString SweepStore::folder(const QString &name) const
{
    return QDir(m_root).filePath(u"sweeps/"_s + name);
}

QString SweepStore::storageUrl(const QString &name) const
{
    return u"sqlite:///"_s + QDir(folder(name)).absoluteFilePath(u"study.db"_s);
}

QStringList SweepStore::list() const
{
    QStringList names;
    const QDir dir(QDir(m_root).filePath(u"sweeps"_s));
    for (const QString &entry : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        if (QFileInfo(dir.filePath(entry + u"/sweep.json"_s)).isFile())
            names.append(entry);
    }
    return names;
}

bool SweepStore::exists(const QString &name) const
{
    return SweepConfig::isValidName(name) &&
           QFileInfo(QDir(folder(name)).filePath(u"sweep.json"_s)).isFile();
}

Status SweepStore::create(const SweepConfig &config)
{
    if (exists(config.name))
        return makeError(ErrorCode::Conflict,
                         tr("A sweep named %1 exists; choose another --name, or 'atelier sweep "
                            "resume %1'.")
                             .arg(config.name));
    if (!QDir().mkpath(folder(config.name)))
        return makeError(ErrorCode::Io, tr("Could not make %1.").arg(folder(config.name)));
    return writeJson(QDir(folder(config.name)).filePath(u"sweep.json"_s), config.toJson());
}

Result<SweepConfig> SweepStore::config(const QString &name) const
{
    if (!exists(name)) {
        const QStringList names = list();
        return makeError(
            ErrorCode::NotFound,
            names.isEmpty()
                ? tr("No sweep is named \"%1\"; this workspace has none.").arg(name)
                : tr("No sweep is named \"%1\" (sweeps: %2).").arg(name, names.join(u", "_s)));
    }
    return SweepConfig::fromJson(readJson(QDir(folder(name)).filePath(u"sweep.json"_s)));
}

Status SweepStore::saveStatus(const QString &name, const SweepStatus &status)
{
    return replaceJson(QDir(folder(name)).filePath(u"status.json"_s), status.toJson());
}

SweepStatus SweepStore::status(const QString &name) const
{
    SweepStatus status =
        SweepStatus::fromJson(readJson(QDir(folder(name)).filePath(u"status.json"_s)));
    if (status.state.isEmpty() || (status.state == u"running"_s && !isAlive(status.pid)))
        status.state = u"interrupted"_s;
    return status;
}

Result<QJsonObject> SweepStore::loadSummary(const QString &name) const
{
    if (!exists(name))
        return config(name).error();
    SweepDriver driver;
    if (Status started = driver.start(); !started)
        return started.error();
    auto loaded = driver.request(
        {{u"op"_s, u"load"_s}, {u"study"_s, name}, {u"storage"_s, storageUrl(name)}});
    if (!loaded)
        return loaded.error();
    auto summary = driver.request({{u"op"_s, u"summary"_s}});
    if (!summary)
        return summary;
    auto importances = driver.request({{u"op"_s, u"importances"_s}});
    summary->insert(u"importances"_s,
                    importances ? importances->value(u"importances"_s).toObject() : QJsonObject());
    return summary;
}

QList<QPair<int, double>> SweepStore::bestSoFar(const QJsonObject &summary)
{
    const bool maximize = summary.value(u"direction"_s).toString() != u"minimize"_s;
    QList<QPair<int, double>> points;
    for (const QJsonValue &entry : summary.value(u"trials"_s).toArray()) {
        const QJsonObject trial = entry.toObject();
        if (trial.value(u"state"_s).toString() != u"complete"_s ||
            !trial.value(u"value"_s).isDouble())
            continue;
        const double value = trial.value(u"value"_s).toDouble();
        const double best = points.isEmpty() ? value
                            : maximize       ? std::max(points.constLast().second, value)
                                             : std::min(points.constLast().second, value);
        points.append({trial.value(u"number"_s).toInt(), best});
    }
    return points;
}

Status SweepStore::requestStop(const QString &name)
{
    QFile file(QDir(folder(name)).filePath(u"stop"_s));
    if (!file.open(QIODevice::WriteOnly))
        return makeError(ErrorCode::Io,
                         tr("Could not ask sweep %1 to stop: %2").arg(name, file.errorString()));
    return {};
}

Result<SweepStatus> SweepStore::stop(const QString &name, int waitMs)
{
    if (auto known = config(name); !known)
        return known.error();
    SweepStatus status = this->status(name);
    if (status.state != u"running"_s)
        return makeError(ErrorCode::Conflict,
                         tr("Sweep %1 is not running (it is %2).").arg(name, status.state));
    if (Status asked = requestStop(name); !asked)
        return asked.error();
    QElapsedTimer waited;
    waited.start();
    while (waited.elapsed() < waitMs) {
        status = this->status(name);
        if (status.state != u"running"_s)
            break;
        QThread::msleep(100);
    }
    return status;
}

bool SweepStore::stopRequested(const QString &name) const
{
    return QFileInfo::exists(QDir(folder(name)).filePath(u"stop"_s));
}

void SweepStore::clearStop(const QString &name)
{
    QFile::remove(QDir(folder(name)).filePath(u"stop"_s));
}

bool SweepStore::isAlive(qint64 pid)
{
    if (pid <= 0)
        return false;
    if (::kill(pid_t(pid), 0) != 0 && errno == ESRCH)
        return false;
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    const QByteArray text = stat.readAll();
    const qsizetype close = text.lastIndexOf(')');
    return close < 0 || close + 2 >= text.size() ||
           (text.at(close + 2) != 'Z' && text.at(close + 2) != 'X');
}

} // namespace atelier
