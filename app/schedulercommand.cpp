#include "schedulercommand.h"

#include "cliutil.h"

#include "core/workspace.h"
#include "launch/runlauncher.h"
#include "pipeline/scheduleservice.h"

#include <QCoreApplication>
#include <QDir>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

/// One look at the schedules: starts each due run as its own `atelier pipeline run` process.
bool tick(ScheduleService &service, const QString &root)
{
    bool ok = true;
    auto launches = service.due(QDateTime::currentDateTimeUtc());
    if (!launches) {
        err() << "atelier: " << launches.error().message << Qt::endl;
        return false;
    }
    for (const QString &warning : service.warnings())
        err() << "atelier: " << CommandLine::tr("warning: %1").arg(warning) << Qt::endl;
    for (const ScheduledStart &start : RunLauncher::startScheduled(
             service, launches.value(), QCoreApplication::applicationFilePath(), root)) {
        const QString slot = start.launch.logicalDate.toString(Qt::ISODate);
        if (start.pid > 0) {
            out() << CommandLine::tr("Started %1 for %2 (pid %3)")
                         .arg(start.launch.pipeline, slot)
                         .arg(start.pid)
                  << Qt::endl;
            continue;
        }
        ok = false;
        err() << CommandLine::tr("Could not start %1 for %2: %3")
                     .arg(start.launch.pipeline, slot, start.error)
              << Qt::endl;
    }
    return ok;
}

} // namespace

int runSchedulerCommand(const Invocation &invocation)
{
    SubcommandParser sub;
    const QCommandLineOption once(u"once"_s,
                                  CommandLine::tr("Look once, start what is due, exit."));
    const QCommandLineOption interval(
        u"interval"_s, CommandLine::tr("Seconds between looks (default 30)."), u"S"_s, u"30"_s);
    sub.parser.addOptions({once, interval});
    if (!sub.parse(invocation, 0, 0))
        return ExitUsage;
    bool ok = false;
    const int seconds = sub.parser.value(interval).toInt(&ok);
    if (!ok || seconds < 1)
        return usage(CommandLine::tr("--interval takes a whole number of seconds, 1 or more."));
    auto workspace = openWorkspace(sub);
    if (!workspace)
        return refuse(workspace.error().message);
    const QString root = workspace->root();
    ScheduleService service(root);
    if (sub.parser.isSet(once))
        return tick(service, root) ? ExitOk : ExitRefused;

    out() << CommandLine::tr("Watching the schedules of %1 every %2 s; Ctrl+C ends.")
                 .arg(root)
                 .arg(seconds)
          << Qt::endl;
    QTimer timer;
    QObject::connect(&timer, &QTimer::timeout, &timer, [&] { tick(service, root); });
    timer.start(seconds * 1000);
    tick(service, root);
    return QCoreApplication::exec();
}

} // namespace atelier
