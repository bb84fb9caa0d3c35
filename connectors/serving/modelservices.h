#pragma once

#include "core/result.h"
#include "registry/servicestore.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace atelier {

class Workspace;

/// How to deploy a version.
struct DeployOptions
{
    QString pool = QStringLiteral("local");
    QString host = QStringLiteral("127.0.0.1"); ///< loopback unless the user asks otherwise
    int port = 0;                               ///< 0: a free port chosen by the service
    int healthTimeoutMs = 30000;                ///< how long to wait for GET /health to answer 200
    QString python;                             ///< interpreter; empty: PythonResolver decides
    QString serviceId;                          ///< empty: svc-<name>-v<version>-<4 hex>
    /// Largest request body the service accepts, in MiB (a bigger one gets 413); kept with
    /// the service, so that a restart keeps it.
    int maxBodyMb = kDefaultMaxBodyMb;
    static constexpr int kDefaultMaxBodyMb = 64;
    static constexpr int kMaxMaxBodyMb = 64 * 1024; ///< the most --max-body-mb accepts
};

/// Inference services of model versions (DESIGN.md "Service"): a built-in HTTP server
/// (resources/serving/serve.py) started detached in its own process group, so that it outlives
/// the command that deployed it; its pid, port and state are recorded in the catalog
/// (ServiceStore), its logs and metrics kept in `<workspace>/services/<id>/`. Blocking (processes,
/// HTTP through libcurl): use it from the command line or a worker thread, never the GUI thread.
class ModelServices final
{
    Q_DECLARE_TR_FUNCTIONS(ModelServices)

public:
    explicit ModelServices(Workspace &workspace);

    /// `NAME`, `NAME:VER` or `NAME@ALIAS` → the version's id. NAME alone is its newest version.
    Result<qint64> resolveVersion(const QString &reference);

    /// Materialises the version's files, starts the service and returns once GET /health
    /// answers 200. On failure nothing is left running; the service is recorded as failed with
    /// the reason the service printed (e.g. why the model could not be loaded).
    Result<ServiceInfo> deploy(qint64 versionId, const DeployOptions &options = {});
    /// Stops the service (SIGTERM to its group, SIGKILL after \a graceMs), marks it stopped and
    /// checks that its port is free again.
    Result<ServiceInfo> undeploy(const QString &serviceId, int graceMs = 5000);
    /// Stops a service (if live) and starts it again on the same host and port, with the same
    /// body cap.
    Result<ServiceInfo> restart(const QString &serviceId);

    /// Every service, newest first; live ones whose process is gone are marked failed first.
    Result<QList<ServiceInfo>> list();
    Result<ServiceInfo> service(const QString &serviceId);
    /// What \a argument names to stop: the service of that id, or the live services of a model
    /// (`NAME`: all its versions; `NAME:VER`, `NAME@ALIAS`: that version). Empty when they all
    /// stopped already; refused when nothing of that name was ever deployed.
    Result<QList<ServiceInfo>> liveServicesOf(const QString &argument);
    /// A running service of \a versionId, if any (after a refresh).
    Result<std::optional<ServiceInfo>> runningFor(qint64 versionId);

    /// POST /predict with \a rows (JSON objects feature → value) to a running service.
    /// Answers {"predictions": […], "probabilities": […], "classes": […]}.
    Result<QJsonObject> predict(const ServiceInfo &service, const QJsonArray &rows);
    /// The same answer without a service: serve.py in its one-shot mode.
    Result<QJsonObject> predictOnce(qint64 versionId, const QJsonArray &rows);
    /// The answer for \a rows from a running service of \a versionId when there is one, else
    /// from predictOnce(); "via" in the answer names the service, or "in-process".
    Result<QJsonObject> predictVersion(qint64 versionId, const QJsonArray &rows);
    /// A CSV with the version's features → the same rows plus `prediction` (and `probability`).
    /// Returns the number of rows written.
    Result<qint64> predictCsv(qint64 versionId, const QString &inputCsv, const QString &outputCsv);

    /// Links (or copies) the files of \a versionId from the object store into \a dir (also
    /// what an interactive session binds for a model).
    static Status materialise(Workspace &workspace, qint64 versionId, const QString &dir);

    /// serve.py in InstallPaths::servingDir(); empty when it is not there.
    static QString serveScript();
    /// GET (empty \a body) or POST of JSON to \a url through libcurl; the status code and body.
    struct HttpReply
    {
        long status = 0;
        QByteArray body;
    };
    static Result<HttpReply> http(const QString &url, const QByteArray &body = {},
                                  int timeoutMs = 60000);
    /// True when a TCP listener could bind \a host:\a port now.
    static bool portIsFree(const QString &host, int port);

private:
    Workspace &m_workspace;
};

} // namespace atelier
