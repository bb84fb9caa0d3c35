#include "pools/poolstore.h"

#include "catalog/database.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrl>

#include <pwd.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

PoolRecord poolFrom(const Query &row)
{
    PoolRecord pool;
    pool.id = row.int64(0);
    pool.name = row.text(1);
    pool.kind = row.text(2);
    pool.state = row.text(3);
    const QJsonObject config = QJsonDocument::fromJson(row.text(4).toUtf8()).object();
    const QJsonObject slurm = config.value(u"slurm"_s).toObject();
    pool.slurm.url = slurm.value(u"url"_s).toString();
    pool.slurm.apiVersion = slurm.value(u"api_version"_s).toString(u"v0.0.38"_s);
    pool.slurm.auth = slurm.value(u"auth"_s).toString();
    pool.slurm.tokenFile = slurm.value(u"token_file"_s).toString();
    pool.slurm.user = slurm.value(u"user"_s).toString();
    pool.slurm.partition = slurm.value(u"partition"_s).toString();
    pool.slurm.account = slurm.value(u"account"_s).toString();
    pool.slurm.staging = slurm.value(u"staging"_s).toString();
    const QJsonObject check = config.value(u"check"_s).toObject();
    pool.reason = check.value(u"reason"_s).toString();
    pool.checkedAt = QDateTime::fromString(check.value(u"time"_s).toString(), Qt::ISODate);
    if (check.contains(u"capacity"_s)) {
        const QJsonObject c = check.value(u"capacity"_s).toObject();
        PoolCapacity capacity;
        capacity.nodes = c.value(u"nodes"_s).toInt(1);
        capacity.cpus = c.value(u"cpus"_s).toInt(1);
        capacity.memoryMb = qint64(c.value(u"memory_mb"_s).toDouble(1024));
        for (int gpu = 0; gpu < c.value(u"gpus"_s).toInt(0); ++gpu)
            capacity.gpus.append(gpu);
        pool.capacity = capacity;
    }
    return pool;
}

} // namespace

const QStringList &PoolStore::states()
{
    static const QStringList names = {u"initializing"_s, u"online"_s, u"abnormal"_s,
                                      u"unbinding"_s};
    return names;
}

Status PoolStore::checkName(const QString &name)
{
    static const QRegularExpression pattern(u"^[A-Za-z0-9][A-Za-z0-9_.-]{0,49}$"_s);
    if (!pattern.match(name).hasMatch())
        return makeError(ErrorCode::Invalid,
                         tr("\"%1\" is not a pool name: use 1–50 letters, digits, '-', '_' or "
                            "'.', starting with a letter or a digit.")
                             .arg(name));
    return {};
}

Status PoolStore::checkSlurmNames(const SlurmSettings &settings)
{
    // These names travel in HTTP headers and job requests: no spaces, no line breaks.
    static const QRegularExpression userName(u"^[A-Za-z0-9._][A-Za-z0-9._-]{0,63}$"_s);
    static const QRegularExpression slurmName(u"^[A-Za-z0-9._][A-Za-z0-9._-]{0,63}$"_s);
    if (!userName.match(settings.user).hasMatch())
        return makeError(ErrorCode::Invalid,
                         tr("\"%1\" is not a Slurm user name: use 1–64 letters, digits, '.', "
                            "'_' or '-', not starting with '-'.")
                             .arg(settings.user.simplified()));
    if (!settings.partition.isEmpty() && !slurmName.match(settings.partition).hasMatch())
        return makeError(ErrorCode::Invalid,
                         tr("\"%1\" is not a Slurm partition name: use 1–64 letters, digits, "
                            "'.', '_' or '-', not starting with '-'.")
                             .arg(settings.partition.simplified()));
    if (!settings.account.isEmpty() && !slurmName.match(settings.account).hasMatch())
        return makeError(ErrorCode::Invalid,
                         tr("\"%1\" is not a Slurm account name: use 1–64 letters, digits, "
                            "'.', '_' or '-', not starting with '-'.")
                             .arg(settings.account.simplified()));
    return {};
}

QJsonObject PoolStore::configFrom(const PoolRecord &pool)
{
    QJsonObject config;
    if (pool.kind == u"slurm"_s) {
        config.insert(u"slurm"_s, QJsonObject{{u"url"_s, pool.slurm.url},
                                              {u"api_version"_s, pool.slurm.apiVersion},
                                              {u"auth"_s, pool.slurm.auth},
                                              {u"token_file"_s, pool.slurm.tokenFile},
                                              {u"user"_s, pool.slurm.user},
                                              {u"partition"_s, pool.slurm.partition},
                                              {u"account"_s, pool.slurm.account},
                                              {u"staging"_s, pool.slurm.staging}});
    }
    QJsonObject check;
    if (!pool.reason.isEmpty())
        check.insert(u"reason"_s, pool.reason);
    if (pool.checkedAt.isValid())
        check.insert(u"time"_s, pool.checkedAt.toUTC().toString(Qt::ISODate));
    if (pool.capacity)
        check.insert(u"capacity"_s, QJsonObject{{u"nodes"_s, pool.capacity->nodes},
                                                {u"cpus"_s, pool.capacity->cpus},
                                                {u"memory_mb"_s, double(pool.capacity->memoryMb)},
                                                {u"gpus"_s, int(pool.capacity->gpus.size())}});
    if (!check.isEmpty())
        config.insert(u"check"_s, check);
    return config;
}

Result<QList<PoolRecord>> PoolStore::list()
{
    QList<PoolRecord> pools;
    Query q = m_db.query("SELECT id, name, kind, state, config FROM pools ORDER BY id;");
    if (Status read = q.forEach([&](const Query &row) { pools.append(poolFrom(row)); }); !read)
        return read.error();
    return pools;
}

Result<PoolRecord> PoolStore::find(const QString &name)
{
    auto pools = list();
    if (!pools)
        return pools.error();
    QStringList names;
    for (const PoolRecord &pool : pools.value()) {
        if (pool.name == name)
            return pool;
        names.append(pool.name);
    }
    return makeError(ErrorCode::NotFound, tr("There is no pool \"%1\" (pools: %2); 'atelier pool "
                                             "list' shows them.")
                                              .arg(name, names.join(u", "_s)));
}

QString SlurmSettings::displayUrl() const
{
    if (isUnixSocket())
        return url;
    const QUrl parsed(url);
    if (!parsed.isValid())
        return {};
    QString shown = parsed.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemovePath |
                                           QUrl::RemoveQuery | QUrl::RemoveFragment);
    if (!parsed.path().isEmpty() && parsed.path() != u"/"_s)
        shown += u"/…"_s;
    return shown;
}

QString SlurmSettings::currentUser()
{
    if (const passwd *entry = ::getpwuid(::geteuid()))
        return QString::fromLocal8Bit(entry->pw_name);
    return qEnvironmentVariable("USER", qEnvironmentVariable("LOGNAME"));
}

QString SlurmSettings::defaultAuth(const QString &url, bool hasTokenFile)
{
    if (hasTokenFile)
        return u"token-file"_s;
    return url.startsWith(u"unix:"_s) ? u"local"_s : u"scontrol"_s;
}

Status PoolStore::addSlurm(const QString &name, const SlurmSettings &settings)
{
    if (Status valid = checkName(name); !valid)
        return valid;
    const QUrl url(settings.url);
    if (settings.isUnixSocket()) {
        if (!QDir::isAbsolutePath(settings.url.mid(5)))
            return makeError(ErrorCode::Invalid,
                             tr("A unix socket URL names an absolute path: unix:/path/to/"
                                "slurmrestd.sock, not \"%1\".")
                                 .arg(settings.url));
    } else if (!url.isValid() || (url.scheme() != u"http"_s && url.scheme() != u"https"_s) ||
               url.host().isEmpty()) {
        // The address is shown in errors and lists, so it must never echo what was typed
        // when that may hold credentials.
        const bool secret = url.isValid() && !url.userInfo().isEmpty();
        return makeError(
            ErrorCode::Invalid,
            tr("\"%1\" is not a slurmrestd address: use http(s)://HOST:PORT or "
               "unix:/path/to/slurmrestd.sock.")
                .arg(secret ? url.toDisplayString(QUrl::RemoveUserInfo) : settings.url));
    }
    if (!settings.isUnixSocket()) {
        if (!url.userInfo().isEmpty())
            return makeError(ErrorCode::Invalid,
                             tr("The slurmrestd address %1 holds a user name or password; give "
                                "only https://HOST:PORT and put credentials in a token file "
                                "(--token-file).")
                                 .arg(url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery |
                                                          QUrl::RemoveFragment)));
        // Atelier adds the API path (/slurm/VERSION/…) itself; anything after the host is not
        // an address but, typically, a token pasted into it — never stored nor shown.
        if (!url.path().isEmpty() && url.path() != u"/"_s)
            return makeError(
                ErrorCode::Invalid,
                tr("The slurmrestd address %1 has a path after the host; Atelier adds the API "
                   "path (/slurm/%2/…) itself, and a token in the address would be stored in "
                   "the catalog and shown by 'atelier pool list'. Give only https://HOST:PORT "
                   "and put the token in a token file (--token-file).")
                    .arg(url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemovePath |
                                             QUrl::RemoveQuery | QUrl::RemoveFragment),
                         settings.apiVersion));
        if (url.hasQuery() || url.hasFragment())
            return makeError(
                ErrorCode::Invalid,
                tr("The slurmrestd address %1 has a query or a fragment ('?' or "
                   "'#'); give only https://HOST:PORT and put credentials in a "
                   "token file (--token-file).")
                    .arg(url.toDisplayString(QUrl::RemoveQuery | QUrl::RemoveFragment)));
    }
    static const QRegularExpression version(u"^v0\\.0\\.3[6-8]$"_s);
    if (!version.match(settings.apiVersion).hasMatch())
        return makeError(ErrorCode::Invalid,
                         tr("API version \"%1\" is not supported; use v0.0.36, v0.0.37 or "
                            "v0.0.38.")
                             .arg(settings.apiVersion));
    if (settings.auth != u"local"_s && settings.auth != u"token-file"_s &&
        settings.auth != u"scontrol"_s)
        return makeError(ErrorCode::Invalid, tr("Unknown authentication \"%1\"; use local, "
                                                "token-file or scontrol.")
                                                 .arg(settings.auth));
    if (settings.auth == u"local"_s && !settings.isUnixSocket())
        return makeError(ErrorCode::Invalid,
                         tr("Local authentication works only on a unix socket; give "
                            "--token-file for %1.")
                             .arg(settings.url));
    if (settings.auth != u"local"_s && url.scheme() == u"http"_s) {
        const QString host = url.host().toLower();
        const bool loopback = host == u"127.0.0.1"_s || host == u"::1"_s || host == u"localhost"_s;
        if (!loopback)
            return makeError(ErrorCode::Invalid,
                             tr("%1 would send the Slurm token unencrypted; use https:// (plain "
                                "http:// is allowed only for 127.0.0.1, ::1 or localhost).")
                                 .arg(settings.url));
    }
    if (settings.auth == u"token-file"_s && !QDir::isAbsolutePath(settings.tokenFile))
        return makeError(
            ErrorCode::Invalid,
            tr("The token file must be an absolute path, not \"%1\".").arg(settings.tokenFile));
    if (settings.staging.isEmpty() || !QDir::isAbsolutePath(settings.staging))
        return makeError(ErrorCode::Invalid,
                         tr("The staging folder must be an absolute path that this machine "
                            "and the cluster both see; give --staging DIR."));
    if (settings.user.isEmpty())
        return makeError(ErrorCode::Invalid, tr("No Slurm user name; give --user."));
    if (Status valid = checkSlurmNames(settings); !valid)
        return valid;

    PoolRecord pool;
    pool.name = name;
    pool.kind = u"slurm"_s;
    pool.slurm = settings;
    const QByteArray config = QJsonDocument(configFrom(pool)).toJson(QJsonDocument::Compact);
    Query exists = m_db.query("SELECT 1 FROM pools WHERE name = ?1;");
    exists.bind(1, name);
    auto found = exists.next();
    if (!found)
        return found.error();
    if (found.value())
        return makeError(ErrorCode::Conflict,
                         tr("A pool named \"%1\" already exists; choose another name or "
                            "remove it first.")
                             .arg(name));
    return m_db
        .query("INSERT INTO pools (name, kind, state, config) VALUES (?1, 'slurm', "
               "'initializing', ?2);")
        .bind(1, name)
        .bind(2, QString::fromUtf8(config))
        .exec();
}

Status PoolStore::saveCheck(const QString &name, const QString &state, const QString &reason,
                            const std::optional<PoolCapacity> &capacity)
{
    if (!states().contains(state))
        return makeError(ErrorCode::Invalid, tr("Unknown pool state \"%1\".").arg(state));
    auto found = find(name);
    if (!found)
        return found.error();
    PoolRecord pool = found.value();
    pool.state = state;
    pool.reason = reason;
    if (capacity)
        pool.capacity = capacity;
    pool.checkedAt = QDateTime::currentDateTimeUtc();
    const QByteArray config = QJsonDocument(configFrom(pool)).toJson(QJsonDocument::Compact);
    return m_db.query("UPDATE pools SET state = ?2, config = ?3 WHERE name = ?1;")
        .bind(1, name)
        .bind(2, state)
        .bind(3, QString::fromUtf8(config))
        .exec();
}

Status PoolStore::remove(const QString &name)
{
    if (name == u"local"_s)
        return makeError(ErrorCode::Invalid,
                         tr("The local pool is this machine; it cannot be removed."));
    auto found = find(name);
    if (!found)
        return found.error();
    return m_db.transaction([&]() -> Status {
        Query active = m_db.query(
            "SELECT count(*) FROM tasks t JOIN runs r ON r.id = t.run_id "
            "WHERE t.pool = ?1 AND t.state IN ('queued', 'running') AND r.state = 'running';");
        active.bind(1, name);
        auto row = active.next();
        if (!row)
            return row.error();
        if (active.int64(0) > 0)
            return makeError(ErrorCode::Conflict,
                             tr("Pool \"%1\" has %2 running tasks; stop their runs first.")
                                 .arg(name)
                                 .arg(active.int64(0)));
        if (Status unbinding = m_db.query("UPDATE pools SET state = 'unbinding' WHERE name = ?1;")
                                   .bind(1, name)
                                   .exec();
            !unbinding)
            return unbinding;
        return m_db.query("DELETE FROM pools WHERE name = ?1;").bind(1, name).exec();
    });
}

} // namespace atelier
