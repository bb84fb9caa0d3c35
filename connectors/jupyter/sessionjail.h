#pragma once

#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace atelier {

/// How a session's bindings are made read-only, even for root: the server runs in a mount
/// namespace of its own (`unshare --mount`, with `--map-root-user` for anyone but root) where
/// each source folder is bind-mounted read-only onto its inputK folder; outside that namespace
/// inputK stays an empty folder, and the mounts vanish with the server. The jail is
/// `atelier session jail`, run inside the namespace on the machine that runs the server (this
/// one, or a cluster node), which mounts, notes the node's name, and executes the server.
class SessionJail final
{
    Q_DECLARE_TR_FUNCTIONS(SessionJail)

public:
    /// source folder → mount point
    using Mounts = QList<QPair<QString, QString>>;

    /// The argv that runs \a server through the jail with \a mounts, writing the node's host
    /// name into \a nodeFile.
    static QStringList wrap(const QString &atelierBinary, const Mounts &mounts,
                            const QString &nodeFile, const QStringList &server);
    /// The jail itself (in the namespace): `--ro SRC DST`… `--node FILE` `--` then the server's
    /// argv. Mounts, then replaces this process with the server; returns (with a reason printed
    /// on stderr) only when that fails.
    static int run(const QStringList &arguments);
};

} // namespace atelier
