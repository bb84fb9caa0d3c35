#pragma once

#include <QtGlobal>

namespace atelier {

/// A process as the kernel knows it: its pid and when it started (clock ticks since boot,
/// field 22 of /proc/PID/stat). The pair tells a process apart from a later one that the
/// kernel gave the same pid, so Atelier never signals a stranger. Linux only (/proc).
struct ProcessIdentity
{
    qint64 pid = 0;
    qint64 startTicks = 0; ///< 0: unknown (the process was gone, or there is no /proc)

    /// This program.
    static ProcessIdentity current();
    /// The process \a pid now; startTicks is 0 when there is none (or only its zombie).
    static ProcessIdentity of(qint64 pid);

    bool isKnown() const { return pid > 0 && startTicks > 0; }
    /// Whether this very process still runs: the pid exists, is no zombie, and started when
    /// recorded. Unknown identities are never alive.
    bool isAlive() const;
};

/// The process groups Atelier starts (a task, a service): each in its own session, so the
/// group's id is its leader's pid, and the leader's identity names the group.
namespace ProcessGroups {

/// Whether the group led by \a leader still has a member that runs. A group whose leader has
/// ended counts while members remain that started no earlier than the leader (a group of a
/// later process that drew the same pid would hold only later members too: that case cannot be
/// told apart, and /proc offers nothing better).
bool isAlive(const ProcessIdentity &leader);

/// SIGTERM to the group, SIGKILL after \a graceMs; only when the group is \a leader's (see
/// isAlive()). Returns true when nothing of it runs any more. Blocks up to graceMs + 3 s.
bool end(const ProcessIdentity &leader, int graceMs);

} // namespace ProcessGroups

} // namespace atelier
