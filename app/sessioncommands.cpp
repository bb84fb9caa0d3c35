#include "sessioncommands.h"

#include "cliutil.h"

#include "core/workspace.h"
#include "jupyter/sessionjail.h"
#include "jupyter/sessions.h"
#include "jupyter/sessionsupervisor.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

class SessionCommands final
{
    Q_DECLARE_TR_FUNCTIONS(SessionCommands)

public:
    SessionCommands(SubcommandParser &sub, Workspace &workspace)
        : m_sub(sub), m_workspace(workspace),
          m_sessions(workspace, QCoreApplication::applicationFilePath())
    {
    }

    int run(const QString &action)
    {
        const QString id = m_sub.positional().value(1);
        if (action == u"start"_s)
            return start();
        if (action == u"list"_s)
            return list();
        if (action == u"supervise"_s)
            return supervise(id);
        if (id.isEmpty())
            return usage(tr("'session %1' takes a session's name.").arg(action));
        if (action == u"show"_s)
            return print(m_sessions.session(id), QString());
        if (action == u"stop"_s)
            return print(m_sessions.stop(id), QString());
        if (action == u"restart"_s)
            return print(m_sessions.restart(id), QString());
        if (action == u"logs"_s)
            return logs(id);
        if (action == u"open"_s)
            return open(id);
        return usage(tr("unknown action 'session %1'.").arg(action));
    }

private:
    QString option(const char *name) const { return m_sub.parser.value(QString::fromLatin1(name)); }
    bool isSet(const char *name) const { return m_sub.parser.isSet(QString::fromLatin1(name)); }

    /// --idle-timeout: minutes (fractions allowed), or seconds with an 's' ("30s").
    static std::optional<double> idleSeconds(const QString &text)
    {
        bool ok = false;
        const bool seconds = text.endsWith(u's');
        const double value = (seconds ? text.chopped(1) : text).toDouble(&ok);
        if (!ok || value < 0)
            return std::nullopt;
        return seconds ? value : value * 60.0;
    }

    int start()
    {
        SessionOptions options;
        if (isSet("pool"))
            options.pool = option("pool");
        auto number = [&](const char *name, int minimum, int &into) -> bool {
            if (!isSet(name))
                return true;
            bool ok = false;
            into = option(name).toInt(&ok);
            return ok && into >= minimum;
        };
        if (!number("cpus", 1, options.cpus))
            return usage(tr("--cpus needs a whole number of at least 1."));
        if (!number("memory", 64, options.memoryMb))
            return usage(tr("--memory needs megabytes, at least 64."));
        if (!number("gpus", 0, options.gpus))
            return usage(tr("--gpus needs a whole number of at least 0."));
        if (isSet("idle-timeout")) {
            const auto seconds = idleSeconds(option("idle-timeout"));
            if (!seconds)
                return usage(tr("--idle-timeout needs minutes (e.g. 30 or 0.5) or seconds "
                                "(e.g. 20s), not '%1'.")
                                 .arg(option("idle-timeout")));
            options.idleTimeoutS = *seconds;
        }
        static const QRegularExpression bindPattern(u"^input([0-4])=(.+)$"_s);
        for (const QString &bind : m_sub.parser.values(u"bind"_s)) {
            const auto match = bindPattern.match(bind);
            if (!match.hasMatch())
                return usage(
                    tr("--bind needs inputK=SOURCE with K from 0 to 4, not '%1'.").arg(bind));
            options.bindings.append({match.captured(1).toInt(), match.captured(2)});
        }
        return print(m_sessions.start(option("name"), options), tr("Started"));
    }

    int print(const Result<SessionRecord> &result, const QString &verb)
    {
        if (!result)
            return refuse(result.error().message);
        const SessionRecord &session = result.value();
        const QString url = Sessions::url(session);
        if (m_sub.wantsJson()) {
            QJsonObject object = session.toJson();
            object.insert(u"url"_s, url);
            printJson(object);
        } else {
            if (!verb.isEmpty())
                out() << verb << ' ';
            out() << session.id << ": " << session.state;
            if (!session.message.isEmpty())
                out() << " (" << session.message << ')';
            out() << Qt::endl;
            if (!url.isEmpty())
                out() << url << Qt::endl;
        }
        if (session.state == u"failed"_s || session.state == u"lost"_s)
            return ExitRefused;
        return ExitOk;
    }

    int list()
    {
        const auto sessions = m_sessions.list();
        if (!sessions)
            return refuse(sessions.error().message);
        if (m_sub.wantsJson()) {
            QJsonArray array;
            for (const SessionRecord &session : sessions.value())
                array.append(session.toJson());
            printJson(QJsonObject{{u"sessions"_s, array}});
            return ExitOk;
        }
        out() << tr("NAME\tPOOL\tSTATE\tCPUS\tMEMORY\tGPUS\tSTARTED\tMESSAGE") << Qt::endl;
        for (const SessionRecord &s : sessions.value())
            out() << s.id << '\t' << s.pool() << '\t' << s.state << '\t' << s.options.cpus << '\t'
                  << s.options.memoryMb << '\t' << s.options.gpus << '\t' << s.startedAt << '\t'
                  << s.message << Qt::endl;
        return ExitOk;
    }

    int logs(const QString &id)
    {
        const auto session = m_sessions.session(id);
        if (!session)
            return refuse(session.error().message);
        QFile log(Sessions::logPath(session.value()));
        if (!log.open(QIODevice::ReadOnly))
            return refuse(tr("Session %1 has no log yet.").arg(id));
        out().flush();
        while (!log.atEnd()) {
            const QByteArray chunk = log.read(1 << 16);
            fwrite(chunk.constData(), 1, size_t(chunk.size()), stdout);
        }
        fflush(stdout);
        return ExitOk;
    }

    int open(const QString &id)
    {
        const auto session = m_sessions.session(id);
        if (!session)
            return refuse(session.error().message);
        const auto page = Sessions::openPage(session.value());
        if (!page)
            return refuse(page.error().message);
        // The page forwards to the URL with its token: only the page's path is on the opener's
        // command line. (QDesktopServices needs the window's application; the GUI uses it.)
        if (!QProcess::startDetached(u"xdg-open"_s, {page.value()}))
            return refuse(tr("Could not start the browser; open %1 yourself.").arg(page.value()));
        out() << tr("Opened %1 in the browser.").arg(id) << Qt::endl;
        return ExitOk;
    }

    int supervise(const QString &id)
    {
        SessionSupervisor supervisor(m_workspace, QCoreApplication::applicationFilePath());
        QObject::connect(&supervisor, &SessionSupervisor::finished, qApp, &QCoreApplication::quit,
                         Qt::QueuedConnection);
        stopOnSignals(&supervisor, [&supervisor] {
            supervisor.requestStop(tr("stopped: its supervising process was asked to end"));
        });
        if (const Status ok = supervisor.start(id); !ok)
            return refuse(ok.error().message);
        return QCoreApplication::exec() == 0 ? ExitOk : ExitRefused;
    }

    SubcommandParser &m_sub;
    Workspace &m_workspace;
    Sessions m_sessions;
};

} // namespace

int runSessionCommand(const Invocation &invocation)
{
    // The jail runs inside the server's namespace before the server: no workspace, no parser
    // (everything after '--' is the server's).
    const qsizetype at = invocation.arguments.indexOf(invocation.command);
    if (invocation.arguments.value(at + 1) == u"jail"_s)
        return SessionJail::run(invocation.arguments.mid(at + 2));

    SubcommandParser sub;
    sub.parser.addOption({u"name"_s, SessionCommands::tr("start: the session's name."), u"N"_s});
    sub.parser.addOption(
        {u"pool"_s, SessionCommands::tr("start: the pool to run on (default: local)."), u"P"_s});
    sub.parser.addOption({u"cpus"_s, SessionCommands::tr("start: CPUs (default 1)."), u"N"_s});
    sub.parser.addOption(
        {u"memory"_s, SessionCommands::tr("start: memory in MB (default 2048)."), u"MB"_s});
    sub.parser.addOption({u"gpus"_s, SessionCommands::tr("start: GPUs (default 0)."), u"N"_s});
    sub.parser.addOption(
        {u"bind"_s,
         SessionCommands::tr("start: inputK=SOURCE, bound read-only (repeatable); SOURCE is "
                             "dataset:NAME[@V], model:NAME[:V|@ALIAS], run:RUN/NODE[/PORT] or "
                             "path:DIR."),
         u"inputK=SOURCE"_s});
    sub.parser.addOption(
        {u"idle-timeout"_s,
         SessionCommands::tr("start: stop after this many minutes without activity (or "
                             "seconds: 30s)."),
         u"MIN"_s});
    if (!sub.parse(invocation, 1, 2))
        return ExitUsage;
    const QString action = sub.positional().constFirst();
    static const QStringList actions = {u"start"_s,   u"list"_s, u"show"_s, u"stop"_s,
                                        u"restart"_s, u"logs"_s, u"open"_s, u"supervise"_s};
    if (!actions.contains(action))
        return usage(CommandLine::tr("unknown session action '%1'. Actions: %2")
                         .arg(action, actions.mid(0, 7).join(u", "_s)));
    auto workspace = openWorkspace(sub);
    if (!workspace)
        return refuse(workspace.error().message);
    return SessionCommands(sub, workspace.value()).run(action);
}

} // namespace atelier
