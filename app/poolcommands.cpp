#include "poolcommands.h"
#include "core/textwidth.h"

#include "cliutil.h"

#include "core/workspace.h"
#include "health/poolhealth.h"
#include "pools/poolstore.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

QString capacityText(const PoolRecord &pool)
{
    if (!pool.capacity)
        return u"-"_s;
    const PoolCapacity &c = *pool.capacity;
    return CommandLine::tr("%1 nodes × %2 CPUs, %3 MB, %4 GPUs")
        .arg(c.nodes)
        .arg(c.cpus)
        .arg(c.memoryMb)
        .arg(c.gpus.size());
}

QJsonObject poolJson(const PoolRecord &pool)
{
    QJsonObject object{{u"name"_s, pool.name},
                       {u"kind"_s, pool.kind},
                       {u"state"_s, pool.state},
                       {u"reason"_s, pool.reason},
                       {u"checked_at"_s, pool.checkedAt.isValid()
                                             ? QJsonValue(pool.checkedAt.toString(Qt::ISODate))
                                             : QJsonValue()}};
    if (pool.capacity)
        object.insert(u"capacity"_s, QJsonObject{{u"nodes"_s, pool.capacity->nodes},
                                                 {u"cpus"_s, pool.capacity->cpus},
                                                 {u"memory_mb"_s, double(pool.capacity->memoryMb)},
                                                 {u"gpus"_s, int(pool.capacity->gpus.size())}});
    if (pool.kind == u"slurm"_s) { // settings only: a token never reaches the catalog
        QJsonObject slurm = PoolStore::configFrom(pool).value(u"slurm"_s).toObject();
        slurm.insert(u"url"_s, pool.slurm.displayUrl());
        object.insert(u"slurm"_s, slurm);
    }
    return object;
}

int list(SubcommandParser &sub, PoolStore &store)
{
    auto pools = store.list();
    if (!pools)
        return refuse(pools.error().message);
    if (sub.wantsJson()) {
        QJsonArray array;
        for (const PoolRecord &pool : pools.value())
            array.append(poolJson(pool));
        printJson({{u"pools"_s, array}});
        return ExitOk;
    }
    out() << padToWidth(CommandLine::tr("NAME"), 16) << padToWidth(CommandLine::tr("KIND"), 7)
          << padToWidth(CommandLine::tr("STATE"), 13) << padToWidth(CommandLine::tr("CAPACITY"), 38)
          << CommandLine::tr("CHECKED") << Qt::endl;
    for (const PoolRecord &pool : pools.value()) {
        out() << padToWidth(pool.name, 15) << ' ' << padToWidth(pool.kind, 6) << ' '
              << padToWidth(pool.state, 12) << ' ' << padToWidth(capacityText(pool), 37) << ' '
              << (pool.checkedAt.isValid() ? pool.checkedAt.toString(Qt::ISODate) : u"-"_s)
              << Qt::endl;
        if (!pool.reason.isEmpty())
            out() << u"  "_s << pool.reason << Qt::endl;
    }
    return ExitOk;
}

int check(SubcommandParser &sub, PoolStore &store, const QString &name)
{
    auto pool = store.find(name);
    if (!pool)
        return refuse(pool.error().message);
    const PoolHealthResult result = PoolHealth::checkAndSave(store, pool.value());
    auto after = store.find(name);
    if (sub.wantsJson())
        printJson(poolJson(after ? after.value() : pool.value()));
    else
        out() << CommandLine::tr("Pool %1: %2%3")
                     .arg(name, result.state,
                          after && after->capacity ? u" ("_s + capacityText(after.value()) + u')'
                                                   : QString())
              << Qt::endl;
    if (result.state != u"online"_s)
        return refuse(CommandLine::tr("Pool %1 is %2: %3").arg(name, result.state, result.reason));
    return ExitOk;
}

} // namespace

int runPoolCommand(const Invocation &invocation)
{
    SubcommandParser sub;
    const QCommandLineOption url(
        u"url"_s, CommandLine::tr("slurmrestd: http(s)://HOST:PORT or unix:/PATH."), u"URL"_s);
    const QCommandLineOption tokenFile(u"token-file"_s,
                                       CommandLine::tr("File holding a JWT (mode 0600)."), u"F"_s);
    const QCommandLineOption user(u"user"_s, CommandLine::tr("Slurm user (default: you)."), u"U"_s);
    const QCommandLineOption partition(u"partition"_s, CommandLine::tr("Slurm partition."), u"P"_s);
    const QCommandLineOption account(u"account"_s, CommandLine::tr("Slurm account."), u"A"_s);
    const QCommandLineOption staging(
        u"staging"_s, CommandLine::tr("Folder both this machine and the cluster see."), u"DIR"_s);
    const QCommandLineOption apiVersion(
        u"api-version"_s, CommandLine::tr("slurmrestd API (default v0.0.38)."), u"V"_s);
    const QCommandLineOption auth(
        u"auth"_s,
        CommandLine::tr("local (unix socket), token-file, or scontrol (mint tokens on demand)."),
        u"KIND"_s);
    const QCommandLineOption noCheck(u"no-check"_s, CommandLine::tr("Do not check it now."));
    sub.parser.addOptions(
        {url, tokenFile, user, partition, account, staging, apiVersion, auth, noCheck});
    if (!sub.parse(invocation, 1, 2))
        return ExitUsage;
    const QString action = sub.positional().value(0);
    static const QStringList actions = {u"list"_s, u"check"_s, u"remove"_s, u"add-slurm"_s};
    if (!actions.contains(action))
        return usage(CommandLine::tr("unknown pool action '%1'. Actions: %2")
                         .arg(action, actions.join(u", "_s)));
    const bool needsName = action != u"list"_s;
    if (needsName != (sub.positional().size() == 2))
        return usage(needsName ? CommandLine::tr("'pool %1' takes a pool name.").arg(action)
                               : CommandLine::tr("'pool list' takes no argument."));
    const QString name = sub.positional().value(1);

    auto workspace = openWorkspace(sub);
    if (!workspace)
        return refuse(workspace.error().message);
    PoolStore store(workspace->catalog());

    if (action == u"list"_s)
        return list(sub, store);
    if (action == u"check"_s)
        return check(sub, store, name);
    if (action == u"remove"_s) {
        if (Status removed = store.remove(name); !removed)
            return refuse(removed.error().message);
        if (sub.wantsJson())
            printJson({{u"removed"_s, name}});
        else
            out() << CommandLine::tr("Removed pool %1.").arg(name) << Qt::endl;
        return ExitOk;
    }

    // add-slurm
    if (!sub.parser.isSet(url))
        return usage(CommandLine::tr("'pool add-slurm' needs --url URL."));
    SlurmSettings settings;
    settings.url = sub.parser.value(url);
    if (sub.parser.isSet(apiVersion))
        settings.apiVersion = sub.parser.value(apiVersion);
    settings.user = sub.parser.isSet(user) ? sub.parser.value(user) : SlurmSettings::currentUser();
    settings.partition = sub.parser.value(partition);
    settings.account = sub.parser.value(account);
    if (sub.parser.isSet(staging))
        settings.staging = QFileInfo(sub.parser.value(staging)).absoluteFilePath();
    if (sub.parser.isSet(tokenFile))
        settings.tokenFile = QFileInfo(sub.parser.value(tokenFile)).absoluteFilePath();
    settings.auth = sub.parser.isSet(auth)
                        ? sub.parser.value(auth)
                        : SlurmSettings::defaultAuth(settings.url, sub.parser.isSet(tokenFile));
    if (settings.auth == u"token-file"_s && settings.tokenFile.isEmpty())
        return usage(CommandLine::tr("--auth token-file needs --token-file F."));
    if (Status added = PoolHealth::addSlurm(store, name, settings); !added)
        return refuse(added.error().message);
    if (sub.parser.isSet(noCheck)) {
        if (sub.wantsJson())
            printJson(poolJson(store.find(name).value_or(PoolRecord{})));
        else
            out() << CommandLine::tr("Added pool %1 (initializing; 'atelier pool check %1' "
                                     "checks it).")
                         .arg(name)
                  << Qt::endl;
        return ExitOk;
    }
    if (!sub.wantsJson())
        out() << CommandLine::tr("Added pool %1.").arg(name) << Qt::endl;
    return check(sub, store, name);
}

} // namespace atelier
