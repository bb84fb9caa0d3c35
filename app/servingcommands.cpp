#include "servingcommands.h"

#include "core/workspace.h"
#include "serving/modelservices.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

class ServingCommands final
{
    Q_DECLARE_TR_FUNCTIONS(ServingCommands)

public:
    ServingCommands(SubcommandParser &sub, Workspace &workspace) : m_sub(sub), m_services(workspace)
    {
    }

    int run()
    {
        const QStringList positional = m_sub.positional();
        const QString action = positional.value(0);
        if (action == u"services"_s)
            return services(positional.value(1));
        if (positional.size() < 2)
            return usage(tr("'model %1' needs a model or a service.").arg(action));
        if (action == u"deploy"_s)
            return deploy(positional.at(1));
        if (action == u"undeploy"_s)
            return undeploy(positional.at(1));
        if (action == u"restart"_s)
            return restart(positional.at(1));
        if (action == u"predict"_s)
            return predict(positional.at(1));
        return usage(tr("Unknown model action: %1").arg(action));
    }

private:
    QString option(const char *name) const { return m_sub.parser.value(QString::fromLatin1(name)); }
    bool isSet(const char *name) const { return m_sub.parser.isSet(QString::fromLatin1(name)); }

    void printService(const ServiceInfo &service, const QString &verb)
    {
        if (m_sub.wantsJson()) {
            printJson(service.toJson());
            return;
        }
        out() << verb << ' ' << service.id << ' ' << service.model << ':' << service.version << ' '
              << service.url() << tr(" (pid %1)").arg(service.pid) << Qt::endl;
    }

    int deploy(const QString &reference)
    {
        DeployOptions options;
        if (isSet("host")) {
            options.host = option("host").trimmed();
            if (options.host.isEmpty())
                return usage(tr("--host needs an address."));
        }
        if (isSet("port")) {
            bool ok = false;
            options.port = option("port").toInt(&ok);
            if (!ok || options.port < 0 || options.port > 65535)
                return usage(
                    tr("--port needs a number from 0 to 65535, not '%1'.").arg(option("port")));
        }
        if (isSet("max-body-mb")) {
            bool ok = false;
            options.maxBodyMb = option("max-body-mb").toInt(&ok);
            if (!ok || options.maxBodyMb < 1 || options.maxBodyMb > DeployOptions::kMaxMaxBodyMb)
                return usage(tr("--max-body-mb needs a number of MiB from 1 to %1, not '%2'.")
                                 .arg(DeployOptions::kMaxMaxBodyMb)
                                 .arg(option("max-body-mb")));
        }
        const Result<qint64> version = m_services.resolveVersion(reference);
        if (!version)
            return refuse(version.error().message);
        const Result<ServiceInfo> service = m_services.deploy(version.value(), options);
        if (!service)
            return refuse(service.error().message);
        printService(service.value(), tr("Deployed"));
        // The URL above is how this machine reaches it; say where it really listens when that
        // is more than this machine.
        const QString host = service->host;
        const bool loopback = host.isEmpty() || host.startsWith(u"127."_s) || host == u"::1"_s ||
                              host == u"localhost"_s;
        if (!loopback)
            err() << "atelier: "
                  << tr("The service listens on %1 port %2: it is reachable from the network by "
                        "anyone who can reach this machine (use --host 127.0.0.1 for this "
                        "machine only).")
                         .arg(service->host)
                         .arg(service->port)
                  << Qt::endl;
        return ExitOk;
    }

    int undeploy(const QString &argument)
    {
        const Result<QList<ServiceInfo>> found = m_services.liveServicesOf(argument);
        if (!found)
            return refuse(found.error().message);
        if (found->isEmpty()) {
            out() << tr("Nothing to stop: no service of '%1' is running.").arg(argument)
                  << Qt::endl;
            return ExitOk;
        }
        int code = ExitOk;
        QJsonArray stopped;
        for (const ServiceInfo &service : found.value()) {
            const Result<ServiceInfo> result = m_services.undeploy(service.id);
            if (!result) {
                code = refuse(result.error().message);
                continue;
            }
            if (m_sub.wantsJson())
                stopped.append(result->toJson());
            else
                out() << tr("Stopped %1").arg(result->id) << Qt::endl;
        }
        if (m_sub.wantsJson())
            printJson(QJsonObject{{u"stopped"_s, stopped}});
        return code;
    }

    int restart(const QString &serviceId)
    {
        const Result<ServiceInfo> service = m_services.restart(serviceId);
        if (!service)
            return refuse(service.error().message);
        printService(service.value(), tr("Restarted"));
        return ExitOk;
    }

    int predict(const QString &reference)
    {
        const bool rows = isSet("rows");
        const bool input = isSet("input");
        if (rows == input)
            return usage(
                tr("'model predict' needs either --rows JSON or --input CSV --output CSV."));
        const Result<qint64> version = m_services.resolveVersion(reference);
        if (!version)
            return refuse(version.error().message);

        if (input) {
            if (!isSet("output"))
                return usage(tr("--input needs --output, the CSV to write."));
            const Result<qint64> written =
                m_services.predictCsv(version.value(), option("input"), option("output"));
            if (!written)
                return refuse(written.error().message);
            if (m_sub.wantsJson())
                printJson({{u"rows"_s, double(written.value())},
                           {u"output"_s, QFileInfo(option("output")).absoluteFilePath()}});
            else
                out() << tr("Wrote %n prediction(s) to %1", nullptr, int(written.value()))
                             .arg(option("output"))
                      << Qt::endl;
            return ExitOk;
        }

        QJsonParseError parseError;
        const QJsonDocument document =
            QJsonDocument::fromJson(option("rows").toUtf8(), &parseError);
        QJsonArray data;
        if (document.isArray())
            data = document.array();
        else if (document.isObject() && document.object().value(u"rows"_s).isArray())
            data = document.object().value(u"rows"_s).toArray();
        else if (document.isObject())
            data = QJsonArray{document.object()};
        else
            return usage(tr("--rows needs a JSON list of rows, e.g. '[{\"x\": 1}]': %1")
                             .arg(parseError.errorString()));

        const Result<QJsonObject> answer = m_services.predictVersion(version.value(), data);
        if (!answer)
            return refuse(answer.error().message);
        const QJsonObject &result = answer.value();
        if (m_sub.wantsJson()) {
            printJson(result);
            return ExitOk;
        }
        const QJsonArray predictions = result.value(u"predictions"_s).toArray();
        const QJsonArray probabilities = result.value(u"probabilities"_s).toArray();
        for (qsizetype i = 0; i < predictions.size(); ++i) {
            const QJsonValue value = predictions.at(i);
            out() << (value.isString()
                          ? value.toString()
                          : QString::fromUtf8(
                                QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact))
                                .mid(1)
                                .chopped(1));
            if (i < probabilities.size() && probabilities.at(i).isArray()) {
                double best = 0;
                for (const QJsonValue &p : probabilities.at(i).toArray())
                    best = std::max(best, p.toDouble());
                out() << '\t' << QString::number(best, 'g', 4);
            }
            out() << Qt::endl;
        }
        return ExitOk;
    }

    int services(const QString &filter)
    {
        const Result<QList<ServiceInfo>> all = m_services.list();
        if (!all)
            return refuse(all.error().message);
        QList<ServiceInfo> shown;
        for (const ServiceInfo &service : all.value())
            if (filter.isEmpty() || service.model == filter || service.id == filter)
                shown.append(service);
        if (m_sub.wantsJson()) {
            QJsonArray array;
            for (const ServiceInfo &service : shown)
                array.append(service.toJson());
            printJson({{u"services"_s, array}});
            return ExitOk;
        }
        if (shown.isEmpty()) {
            out() << tr("No services.") << Qt::endl;
            return ExitOk;
        }
        out() << tr("SERVICE\tMODEL\tSTATE\tURL\tPID\tREQUESTS\tMEAN MS\tMESSAGE") << Qt::endl;
        for (const ServiceInfo &service : shown)
            out() << service.id << '\t' << service.model << ':' << service.version << '\t'
                  << service.state << '\t' << (service.port > 0 ? service.url() : u"-"_s) << '\t'
                  << service.pid << '\t' << service.requests << '\t'
                  << QString::number(service.meanLatencyMs, 'f', 2) << '\t' << service.message
                  << Qt::endl;
        return ExitOk;
    }

    SubcommandParser &m_sub;
    ModelServices m_services;
};

} // namespace

int runServingAction(SubcommandParser &sub, Workspace &workspace)
{
    return ServingCommands(sub, workspace).run();
}

void addServingOptions(SubcommandParser &sub)
{
    sub.parser.addOption(
        {u"max-body-mb"_s,
         ServingCommands::tr("deploy: the largest request body the service accepts, in MiB; a "
                             "bigger one is refused with HTTP 413 (default: %1). Kept by "
                             "'model restart'.")
             .arg(DeployOptions::kDefaultMaxBodyMb),
         u"MIB"_s});
    sub.parser.addOption(
        {u"port"_s, ServingCommands::tr("deploy: the port to listen on (default: a free one)."),
         u"P"_s});
    sub.parser.addOption(
        {u"host"_s,
         ServingCommands::tr(
             "deploy: the address to listen on (default: 127.0.0.1, this machine only)."),
         u"H"_s});
    sub.parser.addOption({u"input"_s,
                          ServingCommands::tr("predict: a CSV with the model's feature columns."),
                          u"CSV"_s});
    sub.parser.addOption({u"output"_s,
                          ServingCommands::tr("predict: the CSV to write the predictions to."),
                          u"CSV"_s});
    sub.parser.addOption({u"rows"_s,
                          ServingCommands::tr("predict: rows as JSON, e.g. '[{\"x\": 1.5}]'."),
                          u"JSON"_s});
}

} // namespace atelier
