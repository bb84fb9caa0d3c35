#include "cliutil.h"

#include "core/leftovers.h"

#include <QDir>
#include <QJsonDocument>
#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(signalPipe[0], &byte, 1);
}

} // namespace

void stopOnSignals(QObject *context, const std::function<void()> &stop)
{
    if (signalPipe[0] < 0 && ::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(signalPipe[1], QSocketNotifier::Read, context);
    QObject::connect(notifier, &QSocketNotifier::activated, context, [stop] {
        char byte = 0;
        [[maybe_unused]] const auto read = ::read(signalPipe[1], &byte, 1);
        stop();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGHUP, &action, nullptr); // a closed terminal must not orphan the tasks
}

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

int refuse(const QString &message)
{
    err() << "atelier: " << message << Qt::endl;
    return ExitRefused;
}

int usage(const QString &message)
{
    err() << "atelier: " << message << Qt::endl
          << CommandLine::tr("Run 'atelier --help' for the commands and options.") << Qt::endl;
    return ExitUsage;
}

void printJson(const QJsonObject &object)
{
    out() << QJsonDocument(object).toJson(QJsonDocument::Indented);
    out().flush();
}

SubcommandParser::SubcommandParser()
    : workspace(u"workspace"_s, CommandLine::tr("Workspace folder."), u"DIR"_s),
      json(u"json"_s, CommandLine::tr("Print JSON instead of a table."))
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addOption(workspace);
    parser.addOption(json);
}

bool SubcommandParser::parse(const Invocation &invocation, qsizetype minPositional,
                             qsizetype maxPositional)
{
    QStringList args = invocation.arguments;
    args.removeOne(invocation.command);
    args.prepend(u"atelier"_s);
    if (!parser.parse(args)) {
        usage(parser.errorText());
        return false;
    }
    const qsizetype count = parser.positionalArguments().size();
    if (count < minPositional || count > maxPositional) {
        usage(count < minPositional
                  ? CommandLine::tr("'%1' is missing an argument.").arg(invocation.command)
                  : CommandLine::tr("'%1' got an unexpected argument: %2")
                        .arg(invocation.command, parser.positionalArguments().constLast()));
        return false;
    }
    return true;
}

QString SubcommandParser::workspaceDir() const
{
    return parser.isSet(workspace) ? parser.value(workspace) : QDir::currentPath();
}

Result<Workspace> openWorkspace(const SubcommandParser &sub)
{
    auto workspace = Workspace::open(sub.workspaceDir());
    if (!workspace)
        return workspace;
    // A failure here must not keep the user from the workspace: said, not refused.
    const Result<LeftoverReport> reaped = Leftovers::reap(workspace->catalog());
    if (!reaped)
        err() << "atelier: " << reaped.error().message << Qt::endl;
    else if (!reaped->isEmpty())
        err() << "atelier: " << reaped->summary() << Qt::endl;
    return workspace;
}

} // namespace atelier
