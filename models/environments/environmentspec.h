#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace atelier {

/// Where a task runs: on the host (today's behaviour, the default) or in a container image
/// (`"environment": {"image": "NAME[:TAG]", "network": false}` on a template, a pipeline or
/// a node).
struct EnvironmentSpec
{
    Q_DECLARE_TR_FUNCTIONS(EnvironmentSpec)

public:
    QString image;        ///< NAME[:TAG] as written; empty: the host
    bool network = false; ///< the container gets the network; off unless asked

    bool isHost() const { return image.isEmpty(); }
    bool operator==(const EnvironmentSpec &) const = default;

    /// Reads an "environment" object; an empty object or {"image": "host"} is the host.
    /// Refuses unknown keys, wrong types and a malformed image reference, saying which.
    static Result<EnvironmentSpec> fromJson(const QJsonObject &object);
    QJsonObject toJson() const;
    /// The environment a node's task runs in: the node's, else the pipeline's, else the
    /// template's, else the host. Each argument is an "environment" object, maybe empty.
    /// Objects are expected to have been checked with fromJson() already.
    static EnvironmentSpec resolve(const QJsonObject &templateEnvironment,
                                   const QJsonObject &pipelineEnvironment,
                                   const QJsonObject &nodeEnvironment);
    /// Whether \a reference looks like NAME[:TAG] or NAME@sha256:HEX as podman takes them.
    static bool isValidReference(const QString &reference);
};

/// How a connector runs one task in an image instead of on the host: the task's argv is
/// wrapped (ContainerCommand in connectors/containers), its folders appear at the same paths.
struct ContainerLaunch
{
    QString image;   ///< as the pipeline names it (logs, the task record); empty: the host
    QString imageId; ///< the resolved id: what runs, so the recorded id is what ran
    bool network = false;
    QStringList writablePaths; ///< the task folder (outputs, logs, metrics)
    QStringList readOnlyPaths; ///< inputs, the template folder, files named by path params

    bool isHost() const { return imageId.isEmpty(); }
};

/// What the container engine says of one image (`atelier image list / inspect`).
struct ImageInfo
{
    QString id;        ///< the image id (sha256 hex of its config), the task records it
    QStringList names; ///< repository:tag names, e.g. localhost/atelier-test:bookworm
    qint64 sizeBytes = 0;
    QDateTime created;
    QString os;           ///< PRETTY_NAME of its /etc/os-release when known
    QString architecture; ///< amd64, arm64…

    QString shortId() const { return id.left(12); }
};

} // namespace atelier
