#include "core/processidentity.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QList>
#include <QThread>

#include <cerrno>
#include <csignal>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

/// What /proc/PID/stat says of one process.
struct StatLine
{
    bool exists = false;
    char state = '?';
    qint64 pgrp = 0;
    qint64 startTicks = 0;
};

StatLine readStat(qint64 pid)
{
    StatLine stat;
    QFile file(u"/proc/%1/stat"_s.arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return stat;
    const QByteArray line = file.readAll();
    // The command name (field 2) is in parentheses and may hold spaces or parentheses itself.
    const qsizetype close = line.lastIndexOf(')');
    if (close < 0)
        return stat;
    const QList<QByteArray> fields = line.mid(close + 2).split(' ');
    // fields[0] is field 3 (state): field N is fields[N - 3].
    if (fields.size() < 20)
        return stat;
    stat.exists = true;
    stat.state = fields.at(0).isEmpty() ? '?' : fields.at(0).at(0);
    stat.pgrp = fields.at(2).toLongLong();
    stat.startTicks = fields.at(19).toLongLong();
    return stat;
}

bool running(const StatLine &stat)
{
    return stat.exists && stat.state != 'Z' && stat.state != 'X';
}

/// Whether group \a leader.pid is \a leader's, and whether one of its members still runs.
struct GroupState
{
    bool ours = false;
    bool alive = false;
};

GroupState groupState(const ProcessIdentity &leader)
{
    GroupState group;
    if (!leader.isKnown())
        return group;
    const StatLine head = readStat(leader.pid);
    if (head.exists) {
        // The leader's pid is taken: by the leader itself (even as a zombie), or by another
        // process, which means the leader's group had ended before the pid was drawn again.
        if (head.startTicks != leader.startTicks)
            return group;
        group.ours = true;
        if (running(head) && head.pgrp == leader.pid) {
            group.alive = true;
            return group;
        }
    }
    bool foreign = false;
    const QStringList pids = QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &name : pids) {
        bool number = false;
        const qint64 pid = name.toLongLong(&number);
        if (!number)
            continue;
        const StatLine member = readStat(pid);
        if (member.pgrp != leader.pid || !running(member))
            continue;
        // Members of the leader's group started after it; an older one is of another group.
        if (member.startTicks < leader.startTicks)
            foreign = true;
        else
            group.alive = true;
    }
    if (!head.exists)
        group.ours = !foreign;
    group.alive = group.alive && group.ours;
    return group;
}

bool waitUntilEnded(const ProcessIdentity &leader, int ms)
{
    for (int waited = 0;; waited += 50) {
        if (!groupState(leader).alive)
            return true;
        if (waited >= ms)
            return false;
        QThread::msleep(50);
    }
}

} // namespace

ProcessIdentity ProcessIdentity::current()
{
    return of(QCoreApplication::applicationPid());
}

ProcessIdentity ProcessIdentity::of(qint64 pid)
{
    ProcessIdentity identity;
    identity.pid = pid;
    const StatLine stat = readStat(pid);
    if (running(stat))
        identity.startTicks = stat.startTicks;
    return identity;
}

bool ProcessIdentity::isAlive() const
{
    if (!isKnown())
        return false;
    const StatLine stat = readStat(pid);
    if (!stat.exists) // a /proc that hides others' processes: alive unless the kernel says gone
        return ::kill(pid_t(pid), 0) == 0 || errno == EPERM;
    return running(stat) && stat.startTicks == startTicks;
}

namespace ProcessGroups {

bool isAlive(const ProcessIdentity &leader)
{
    return groupState(leader).alive;
}

bool end(const ProcessIdentity &leader, int graceMs)
{
    if (!groupState(leader).alive)
        return true;
    ::killpg(pid_t(leader.pid), SIGTERM);
    if (waitUntilEnded(leader, graceMs))
        return true;
    // Checked again: between the wait and here the group may have ended and its id been drawn.
    if (groupState(leader).alive)
        ::killpg(pid_t(leader.pid), SIGKILL);
    return waitUntilEnded(leader, 3000);
}

} // namespace ProcessGroups

} // namespace atelier
