#include "jupyter/sessionjail.h"

#include <QFile>
#include <QSysInfo>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <sys/mount.h>
#include <sys/statvfs.h>
#include <unistd.h>
#include <vector>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "atelier session jail: %s\n", qUtf8Printable(message));
    return 126;
}

QString lastError()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

/// The flags a read-only remount must keep: in a user namespace the kernel refuses to drop
/// nosuid, nodev or noexec that the source's mount has (they are locked).
unsigned long keptFlags(const QByteArray &path)
{
    struct statvfs info = {};
    if (::statvfs(path.constData(), &info) != 0)
        return 0;
    unsigned long flags = 0;
    if (info.f_flag & ST_NOSUID)
        flags |= MS_NOSUID;
    if (info.f_flag & ST_NODEV)
        flags |= MS_NODEV;
    if (info.f_flag & ST_NOEXEC)
        flags |= MS_NOEXEC;
    return flags;
}

} // namespace

QStringList SessionJail::wrap(const QString &atelierBinary, const Mounts &mounts,
                              const QString &nodeFile, const QStringList &server)
{
    QStringList argv{u"unshare"_s, u"--mount"_s, u"--propagation"_s, u"private"_s};
    if (::geteuid() != 0)
        argv << u"--map-root-user"_s;
    argv << u"--"_s << atelierBinary << u"session"_s << u"jail"_s;
    for (const auto &mount : mounts)
        argv << u"--ro"_s << mount.first << mount.second;
    argv << u"--node"_s << nodeFile << u"--"_s << server;
    return argv;
}

int SessionJail::run(const QStringList &arguments)
{
    qsizetype i = 0;
    QString nodeFile;
    std::vector<std::pair<QByteArray, QByteArray>> mounts;
    for (; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        if (arg == u"--"_s) {
            ++i;
            break;
        }
        if (arg == u"--ro"_s && i + 2 < arguments.size()) {
            mounts.emplace_back(QFile::encodeName(arguments.at(i + 1)),
                                QFile::encodeName(arguments.at(i + 2)));
            i += 2;
        } else if (arg == u"--node"_s && i + 1 < arguments.size()) {
            nodeFile = arguments.at(++i);
        } else {
            return fail(tr("unexpected argument '%1'").arg(arg));
        }
    }
    if (i >= arguments.size())
        return fail(tr("no program to run after '--'"));
    for (const auto &[source, target] : mounts) {
        if (::mount(source.constData(), target.constData(), nullptr, MS_BIND | MS_REC, nullptr) !=
            0)
            return fail(
                tr("cannot bind %1 onto %2: %3")
                    .arg(QFile::decodeName(source), QFile::decodeName(target), lastError()));
        const unsigned long flags = MS_REMOUNT | MS_BIND | MS_RDONLY | keptFlags(source);
        if (::mount(nullptr, target.constData(), nullptr, flags, nullptr) != 0)
            return fail(
                tr("cannot make %1 read-only: %2").arg(QFile::decodeName(target), lastError()));
    }
    if (!nodeFile.isEmpty()) {
        QFile node(nodeFile);
        if (node.open(QIODevice::WriteOnly | QIODevice::Truncate))
            node.write(QSysInfo::machineHostName().toUtf8());
    }
    std::vector<QByteArray> bytes;
    for (qsizetype k = i; k < arguments.size(); ++k)
        bytes.push_back(QFile::encodeName(arguments.at(k)));
    std::vector<char *> argv;
    for (QByteArray &arg : bytes)
        argv.push_back(arg.data());
    argv.push_back(nullptr);
    ::execvp(argv.front(), argv.data());
    return fail(tr("cannot run %1: %2").arg(arguments.at(i), lastError()));
}

} // namespace atelier
