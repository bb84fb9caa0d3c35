#include "slurmclient.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QUrl>

#include <curl/curl.h>
#include <fcntl.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <memory>

using namespace Qt::StringLiterals;

namespace atelier {

namespace {

constexpr qint64 kMintedLifespanS = 3600;

size_t appendBody(char *data, size_t size, size_t count, void *target)
{
    static_cast<QByteArray *>(target)->append(data, qsizetype(size * count));
    return size * count;
}

/// "gpu:fake:2(S:0)", "gpu:2", "gpu:a100:4,shard:8" → the GPU count.
int gpusIn(const QString &gres)
{
    int total = 0;
    for (const QString &item : gres.split(u',', Qt::SkipEmptyParts)) {
        if (!item.startsWith(u"gpu"_s))
            continue;
        const QString spec = item.section(u'(', 0, 0);
        bool ok = false;
        const int count = spec.section(u':', -1).toInt(&ok);
        total += ok ? count : 1;
    }
    return total;
}

QString errorsText(const QJsonObject &answer)
{
    QStringList lines;
    for (const QJsonValue &error : answer.value(u"errors"_s).toArray()) {
        const QJsonObject e = error.toObject();
        QString line = e.value(u"description"_s).toString();
        const QString kind = e.value(u"error"_s).toString();
        if (!kind.isEmpty() && kind != line)
            line = line.isEmpty() ? kind : line + u" ("_s + kind + u')';
        const int number = e.value(u"error_number"_s).toInt();
        if (number != 0)
            line += u" [%1]"_s.arg(number);
        lines.append(line);
    }
    return lines.join(u"; "_s);
}

bool hasErrorNumber(const QJsonObject &answer, int number)
{
    for (const QJsonValue &error : answer.value(u"errors"_s).toArray()) {
        if (error.toObject().value(u"error_number"_s).toInt() == number)
            return true;
    }
    return false;
}

} // namespace

SlurmClient::SlurmClient(SlurmSettings settings, int timeoutMs)
    : m_settings(std::move(settings)), m_timeoutMs(timeoutMs)
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

Result<QByteArray> SlurmClient::readTokenFile(const QString &path)
{
    // One open, then every check on that descriptor: no race between the check and the read,
    // no symbolic link followed, and the file must be ours and private.
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        const int error = errno;
        if (error == ENOENT)
            return makeError(ErrorCode::NotFound,
                             tr("The token file %1 does not exist; write a token from 'scontrol "
                                "token' into it (mode 0600).")
                                 .arg(path));
        if (error == ELOOP)
            return makeError(ErrorCode::Invalid,
                             tr("The token file %1 is a symbolic link; give the path of the file "
                                "itself.")
                                 .arg(path));
        return makeError(ErrorCode::Io, tr("Cannot read the token file %1: %2.")
                                            .arg(path, QString::fromLocal8Bit(::strerror(error))));
    }
    const std::unique_ptr<int, void (*)(int *)> closer(new int(fd), [](int *f) {
        ::close(*f);
        delete f;
    });
    struct stat info
    {
    };
    if (::fstat(fd, &info) != 0)
        return makeError(ErrorCode::Io, tr("Cannot read the token file %1: %2.")
                                            .arg(path, QString::fromLocal8Bit(::strerror(errno))));
    if (!S_ISREG(info.st_mode))
        return makeError(ErrorCode::Invalid, tr("The token file %1 is not a file.").arg(path));
    if (info.st_uid != ::geteuid())
        return makeError(ErrorCode::Invalid,
                         tr("The token file %1 belongs to another user; copy the token into a "
                            "file of your own (mode 0600).")
                             .arg(path));
    if ((info.st_mode & 077) != 0)
        return makeError(ErrorCode::Invalid,
                         tr("The token file %1 can be read by others (mode %2); run 'chmod 600 "
                            "%1' and try again.")
                             .arg(path)
                             .arg(QString::number(info.st_mode & 0777, 8).rightJustified(4, u'0')));
    constexpr qint64 kMaxTokenBytes = 64 * 1024;
    if (info.st_size > kMaxTokenBytes)
        return makeError(ErrorCode::Invalid,
                         tr("The token file %1 does not hold one token on one line.").arg(path));
    QByteArray token;
    char buffer[4096];
    for (;;) {
        const ssize_t got = ::read(fd, buffer, sizeof buffer);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            return makeError(ErrorCode::Io,
                             tr("Cannot read the token file %1: %2.")
                                 .arg(path, QString::fromLocal8Bit(::strerror(errno))));
        if (got == 0)
            break;
        token.append(buffer, got);
        if (token.size() > kMaxTokenBytes)
            return makeError(
                ErrorCode::Invalid,
                tr("The token file %1 does not hold one token on one line.").arg(path));
    }
    token = token.trimmed();
    if (token.startsWith("SLURM_JWT="))
        token = token.mid(10);
    if (token.isEmpty() || token.contains('\n') || token.contains('\r'))
        return makeError(ErrorCode::Invalid,
                         tr("The token file %1 does not hold one token on one line.").arg(path));
    return token;
}

Result<QByteArray> SlurmClient::token()
{
    if (m_settings.auth == u"token-file"_s)
        return readTokenFile(m_settings.tokenFile);
    if (m_settings.auth != u"scontrol"_s)
        return QByteArray();
    const std::lock_guard lock(m_tokenMutex);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (!m_mintedToken.isEmpty() && now - m_mintedAtMs < (kMintedLifespanS - 300) * 1000)
        return m_mintedToken;
    const QString scontrol = QStandardPaths::findExecutable(u"scontrol"_s);
    if (scontrol.isEmpty())
        return makeError(ErrorCode::NotFound,
                         tr("scontrol is not installed here, so no token can be minted; give "
                            "the pool a token file instead."));
    QProcess process;
    QStringList arguments{u"token"_s, u"lifespan=%1"_s.arg(kMintedLifespanS)};
    const passwd *me = ::getpwuid(::geteuid());
    if (!m_settings.user.isEmpty() &&
        (!me || m_settings.user != QString::fromLocal8Bit(me->pw_name)))
        arguments.append(u"username="_s + m_settings.user); // allowed to root and SlurmUser
    process.start(scontrol, arguments);
    if (!process.waitForFinished(m_timeoutMs) || process.exitCode() != 0) {
        process.kill();
        process.waitForFinished(1000);
        return makeError(ErrorCode::Io,
                         tr("'scontrol token' failed: %1")
                             .arg(QString::fromUtf8(process.readAllStandardError())
                                      .trimmed()
                                      .section(u'\n', -1))); // the last line says why
    }
    for (const QByteArray &line : process.readAllStandardOutput().split('\n')) {
        if (line.startsWith("SLURM_JWT=")) {
            m_mintedToken = line.mid(10).trimmed();
            m_mintedAtMs = now;
            return m_mintedToken;
        }
    }
    return makeError(ErrorCode::Io, tr("'scontrol token' printed no token."));
}

Result<QJsonObject> SlurmClient::request(const QByteArray &method, const QString &path,
                                         const QByteArray &body)
{
    auto jwt = token();
    if (!jwt)
        return jwt.error();
    // The user name goes into a header: a name with a line break would add headers of its own.
    if (!jwt.value().isEmpty()) {
        if (Status names = PoolStore::checkSlurmNames(m_settings); !names)
            return names.error();
    }

    QByteArray address;
    if (m_settings.isUnixSocket())
        address = "http://localhost" + path.toUtf8();
    else
        address =
            (m_settings.url.endsWith(u'/') ? m_settings.url.chopped(1) : m_settings.url).toUtf8() +
            path.toUtf8();
    // Errors name the address without anything that could be a credential.
    const QString where = m_settings.displayUrl();

    std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), &curl_easy_cleanup);
    if (!curl)
        return makeError(ErrorCode::Internal, tr("libcurl could not start a request."));
    QByteArray reply;
    char errorBuffer[CURL_ERROR_SIZE] = {0};
    const QByteArray socketPath = QFile::encodeName(m_settings.url.mid(5));
    CURL *h = curl.get();
    curl_easy_setopt(h, CURLOPT_URL, address.constData());
    if (m_settings.isUnixSocket())
        curl_easy_setopt(h, CURLOPT_UNIX_SOCKET_PATH, socketPath.constData());
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_PROXY, "");
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L); // TLS verification stays on
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, long(std::min(m_timeoutMs, 5000)));
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, long(m_timeoutMs));
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errorBuffer);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &appendBody);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &reply);
    curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, method.constData());
    struct curl_slist *headers = nullptr;
    headers = curl_slist_append(headers, "Accept: application/json");
    headers = curl_slist_append(headers, "Expect:");
    if (!jwt.value().isEmpty()) {
        headers = curl_slist_append(headers, "X-SLURM-USER-NAME: " + m_settings.user.toUtf8());
        headers = curl_slist_append(headers, "X-SLURM-USER-TOKEN: " + jwt.value());
    }
    if (method == "POST") {
        headers = curl_slist_append(headers, "Content-Type: application/json");
        curl_easy_setopt(h, CURLOPT_POSTFIELDS, body.constData());
        curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.size()));
    }
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
    const CURLcode code = curl_easy_perform(h);
    curl_slist_free_all(headers);
    if (code != CURLE_OK) {
        // libcurl's messages name the host and the failure, never a header.
        return makeError(
            ErrorCode::Io,
            tr("slurmrestd at %1 does not answer: %2")
                .arg(where,
                     QString::fromUtf8(errorBuffer[0] ? errorBuffer : curl_easy_strerror(code))));
    }
    long status = 0;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(reply, &parseError);
    if (status == 401 || status == 403)
        return makeError(ErrorCode::Invalid,
                         tr("slurmrestd at %1 refused the credentials (HTTP %2); check the "
                            "user and the token.")
                             .arg(where)
                             .arg(status));
    if (!document.isObject()) {
        if (status >= 500 || status == 0)
            return makeError(ErrorCode::Io,
                             tr("slurmrestd at %1 failed (HTTP %2).").arg(where).arg(status));
        return makeError(ErrorCode::Invalid,
                         tr("slurmrestd at %1 answered HTTP %2 without JSON (is API version "
                            "%3 enabled?).")
                             .arg(where)
                             .arg(status)
                             .arg(m_settings.apiVersion));
    }
    const QJsonObject answer = document.object();
    // The errors array is the truth: a bad token answers 500 with an error in it.
    if (!answer.value(u"errors"_s).toArray().isEmpty()) {
        const ErrorCode kind =
            hasErrorNumber(answer, 2017) ? ErrorCode::NotFound : ErrorCode::Invalid;
        return makeError(kind, tr("Slurm refused: %1").arg(errorsText(answer)));
    }
    if (status >= 400)
        return makeError(status >= 500 ? ErrorCode::Io : ErrorCode::Invalid,
                         tr("slurmrestd at %1 answered HTTP %2.").arg(where).arg(status));
    return answer;
}

SlurmCheck SlurmClient::check()
{
    SlurmCheck result;
    result.state = u"abnormal"_s;
    const QString base = u"/slurm/"_s + m_settings.apiVersion;
    auto ping = request("GET", base + u"/ping"_s);
    if (!ping) {
        result.reason = ping.error().message;
        return result;
    }
    result.slurmVersion = ping->value(u"meta"_s)
                              .toObject()
                              .value(u"Slurm"_s)
                              .toObject()
                              .value(u"release"_s)
                              .toString();
    const QJsonArray pings = ping->value(u"pings"_s).toArray();
    bool controllerUp = pings.isEmpty();
    for (const QJsonValue &p : pings) {
        if (p.toObject().value(u"ping"_s).toString() == u"UP"_s)
            controllerUp = true;
    }
    if (!controllerUp) {
        result.reason = tr("slurmrestd answers but no Slurm controller is up.");
        return result;
    }
    auto nodes = request("GET", base + u"/nodes"_s);
    if (!nodes) {
        result.reason = nodes.error().message;
        return result;
    }
    PoolCapacity capacity;
    capacity.nodes = 0;
    capacity.cpus = 0;
    capacity.memoryMb = 0;
    int gpus = 0;
    int usable = 0;
    QStringList down;
    for (const QJsonValue &value : nodes->value(u"nodes"_s).toArray()) {
        const QJsonObject node = value.toObject();
        const QJsonArray partitions = node.value(u"partitions"_s).toArray();
        if (!m_settings.partition.isEmpty() &&
            !partitions.contains(QJsonValue(m_settings.partition)))
            continue;
        ++capacity.nodes;
        capacity.cpus = std::max(capacity.cpus, node.value(u"cpus"_s).toInt());
        capacity.memoryMb =
            std::max(capacity.memoryMb, qint64(node.value(u"real_memory"_s).toDouble()));
        gpus = std::max(gpus, gpusIn(node.value(u"gres"_s).toString()));
        const QString state = node.value(u"state"_s).toString().toLower();
        QStringList flags;
        for (const QJsonValue &flag : node.value(u"state_flags"_s).toArray())
            flags.append(flag.toString().toLower());
        if (state == u"down"_s || state == u"unknown"_s || flags.contains(u"drain"_s) ||
            flags.contains(u"not_responding"_s)) {
            const QString why = node.value(u"reason"_s).toString();
            down.append(node.value(u"name"_s).toString() + u" ("_s + state +
                        (why.isEmpty() ? QString() : u": "_s + why) + u')');
        } else {
            ++usable;
        }
    }
    for (int gpu = 0; gpu < gpus; ++gpu)
        capacity.gpus.append(gpu);
    if (capacity.nodes == 0) {
        result.reason =
            m_settings.partition.isEmpty()
                ? tr("The cluster has no nodes.")
                : tr("Partition \"%1\" does not exist or has no nodes.").arg(m_settings.partition);
        return result;
    }
    result.capacity = capacity;
    if (usable == 0) {
        result.reason = tr("No node can take work: %1").arg(down.join(u", "_s));
        return result;
    }
    result.state = u"online"_s;
    return result;
}

QString SlurmClient::shellQuote(const QString &argument)
{
    QString quoted = argument;
    quoted.replace(u'\'', u"'\\''"_s);
    return u'\'' + quoted + u'\'';
}

QString SlurmClient::batchScript(const QStringList &argv, const QString &workingDirectory,
                                 bool clearGpus)
{
    QStringList words;
    for (const QString &argument : argv)
        words.append(shellQuote(argument));
    QString script = u"#!/bin/bash\n# Written by Atelier: runs one task's argv, unchanged.\n"_s;
    script += u"cd "_s + shellQuote(workingDirectory) + u" || exit 97\n"_s;
    if (clearGpus) // DESIGN.md: empty when the task was given no GPU
        script += u"export CUDA_VISIBLE_DEVICES=\n"_s;
    script += u"exec "_s + words.join(u' ') + u'\n';
    return script;
}

Result<QString> SlurmClient::submit(const SlurmJobSpec &spec)
{
    QJsonObject environment;
    for (auto it = spec.environment.begin(); it != spec.environment.end(); ++it)
        environment.insert(it.key(), it.value());
    QJsonObject job{{u"name"_s, spec.name},
                    {u"current_working_directory"_s, spec.workingDirectory},
                    {u"standard_output"_s, spec.stdoutPath},
                    {u"standard_error"_s, spec.stderrPath},
                    {u"environment"_s, environment},
                    {u"cpus_per_task"_s, spec.cpusPerTask},
                    {u"tasks"_s, spec.nodes},
                    {u"nodes"_s, QJsonArray{spec.nodes, spec.nodes}}};
    if (spec.memoryMb > 0)
        job.insert(u"memory_per_node"_s, double(spec.memoryMb));
    if (spec.gpus > 0)
        job.insert(u"gres"_s, u"gpu:%1"_s.arg(spec.gpus));
    if (spec.timeLimitMinutes > 0)
        job.insert(u"time_limit"_s, spec.timeLimitMinutes);
    if (!m_settings.partition.isEmpty())
        job.insert(u"partition"_s, m_settings.partition);
    if (!spec.comment.isEmpty())
        job.insert(u"comment"_s, spec.comment);
    if (!m_settings.account.isEmpty())
        job.insert(u"account"_s, m_settings.account);
    const QJsonObject body{{u"script"_s, spec.script}, {u"job"_s, job}};
    auto answer = request("POST", u"/slurm/%1/job/submit"_s.arg(m_settings.apiVersion),
                          QJsonDocument(body).toJson(QJsonDocument::Compact));
    if (!answer)
        return answer.error();
    const QJsonValue id = answer->value(u"job_id"_s);
    if (!id.isDouble())
        return makeError(ErrorCode::Io, tr("slurmrestd accepted the job but gave no job id."));
    return QString::number(qint64(id.toDouble()));
}

SlurmJobInfo SlurmClient::jobFrom(const QJsonObject &job)
{
    SlurmJobInfo info;
    info.id = QString::number(qint64(job.value(u"job_id"_s).toDouble()));
    info.state = job.value(u"job_state"_s).toString();
    info.reason = job.value(u"state_reason"_s).toString();
    const QJsonValue exit = job.value(u"exit_code"_s);
    info.exitStatus = exit.isDouble() ? int(exit.toDouble()) : -1;
    info.nodes = job.value(u"nodes"_s).toString();
    info.comment = job.value(u"comment"_s).toString();
    return info;
}

Result<QList<SlurmJobInfo>> SlurmClient::jobs()
{
    auto answer = request("GET", u"/slurm/%1/jobs"_s.arg(m_settings.apiVersion));
    if (!answer)
        return answer.error();
    QList<SlurmJobInfo> jobs;
    for (const QJsonValue &job : answer->value(u"jobs"_s).toArray())
        jobs.append(jobFrom(job.toObject()));
    return jobs;
}

Result<SlurmJobInfo> SlurmClient::job(const QString &id)
{
    auto answer = request("GET", u"/slurm/%1/job/%2"_s.arg(m_settings.apiVersion, id));
    if (!answer)
        return answer.error();
    const QJsonArray jobs = answer->value(u"jobs"_s).toArray();
    if (jobs.isEmpty())
        return makeError(ErrorCode::NotFound, tr("Slurm does not know job %1.").arg(id));
    return jobFrom(jobs.first().toObject());
}

Status SlurmClient::cancel(const QString &id)
{
    auto answer = request("DELETE", u"/slurm/%1/job/%2"_s.arg(m_settings.apiVersion, id));
    if (!answer)
        return answer.error();
    return {};
}

} // namespace atelier
