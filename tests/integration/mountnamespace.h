#pragma once

#include <QProcess>
#include <QStringList>

namespace atelier::test {

/// Whether this machine lets a session's server have its own mount namespace with private
/// propagation (what its read-only bindings need); a chroot, whose / is not a mount point, does not.
inline bool mountNamespaceAllowed()
{
    using namespace Qt::StringLiterals;
    return QProcess::execute(u"unshare"_s,
                             {u"--mount"_s, u"--propagation"_s, u"private"_s, u"true"_s}) == 0 ||
           QProcess::execute(u"unshare"_s, {u"--mount"_s, u"--map-root-user"_s, u"true"_s}) == 0;
}

} // namespace atelier::test
