#pragma once

#include "core/result.h"
#include "environments/environmentspec.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace atelier {

/// The podman command line: images (list, inspect, import, build, remove, pull) and checks
/// inside an image. Every call is an argv list, never a shell string. Podman's own settings
/// (runtime, cgroup manager, ulimits) come from its containers.conf (CONTAINERS_CONF); Atelier
/// sets none of them. Synchronous: call off the GUI thread.
class Podman final
{
    Q_DECLARE_TR_FUNCTIONS(Podman)

public:
    /// The podman executable: $ATELIER_PODMAN when set, else "podman" on PATH.
    static QString program();
    /// Whether podman is there and answers `podman version`; else why not and what to do.
    static Status available();

    /// Runs `podman ARGS`; returns its stdout, or its own stderr and what to do when it fails.
    /// \a timeoutMs 0: no limit (builds, pulls).
    static Result<QByteArray> run(const QStringList &arguments, int timeoutMs = 60000);

    static Result<QList<ImageInfo>> listImages();
    /// The image a reference (NAME[:TAG] or an id) names; NotFound when podman has none.
    static Result<ImageInfo> inspect(const QString &reference);
    /// `podman import TAR NAME`: a root file system archive becomes an image; an archive made
    /// by `podman save` goes to loadArchive().
    static Result<ImageInfo> importArchive(const QString &tarPath, const QString &name);
    /// `podman load`: an archive made by `podman save` (or docker save), tagged \a name.
    static Result<ImageInfo> loadArchive(const QString &tarPath, const QString &name);
    /// `podman build` of a folder holding a Containerfile or Dockerfile; no network.
    static Result<ImageInfo> build(const QString &context, const QString &name);
    static Status remove(const QString &reference);
    static Result<ImageInfo> pull(const QString &reference);

    /// Checks that python3 inside the image imports \a modules (a template's `requires`).
    static Status checkModules(const QString &imageId, const QStringList &modules);
    /// Resolves \a reference to its id and checks \a modules: what a connector does before a
    /// run (Connector::resolveImage).
    static Result<QString> resolve(const QString &reference, const QStringList &modules);
};

} // namespace atelier
