// Interactive sessions (issue #18) with the real Jupyter, through the `atelier` binary: a
// session with a dataset and a model bound read-only, its REST API (contents listed, a write
// into input0 refused, a file written into home kept across stop and restart), idle culling,
// and a SIGKILLed supervisor whose server the next workspace open ends. The token must appear
// on no command line, in no log and not in the catalog. Sessions left by a failed test are
// stopped in cleanupTestCase().
#include "mountnamespace.h"
#include "pipeline/pythonresolver.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUrl>
#include <QUrlQuery>

#include <arpa/inet.h>
#include <cerrno>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace atelier;

namespace {

struct Outcome
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool isAlive(qint64 pid)
{
    if (pid <= 0 || (::kill(pid_t(pid), 0) != 0 && errno == ESRCH))
        return false;
    const QByteArray stat = readFile(u"/proc/%1/stat"_s.arg(pid));
    const qsizetype close = stat.lastIndexOf(')');
    return close >= 0 && close + 2 < stat.size() && stat.at(close + 2) != 'Z' &&
           stat.at(close + 2) != 'X';
}

struct HttpReply
{
    int status = 0;
    QByteArray body;
};

/// One HTTP/1.0 request to 127.0.0.1 (no client library: the test sees the wire).
HttpReply http(const QUrl &base, const QByteArray &method, const QString &path,
               const QString &token, const QByteArray &body = {})
{
    HttpReply reply;
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address = {};
    address.sin_family = AF_INET;
    address.sin_port = htons(uint16_t(base.port()));
    ::inet_pton(AF_INET, base.host().toLatin1().constData(), &address.sin_addr);
    if (::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0) {
        ::close(fd);
        return reply;
    }
    QByteArray request =
        method + ' ' + path.toUtf8() + " HTTP/1.0\r\nHost: " + base.authority().toLatin1() +
        "\r\nAuthorization: token " + token.toLatin1() + "\r\nContent-Type: application/json\r\n" +
        "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    for (qsizetype sent = 0; sent < request.size();) {
        const ssize_t n = ::send(fd, request.constData() + sent, size_t(request.size() - sent), 0);
        if (n <= 0)
            break;
        sent += n;
    }
    QByteArray answer;
    char buffer[8192];
    for (ssize_t n; (n = ::recv(fd, buffer, sizeof buffer, 0)) > 0;)
        answer.append(buffer, n);
    ::close(fd);
    const qsizetype split = answer.indexOf("\r\n\r\n");
    reply.status = answer.mid(9, 3).toInt();
    reply.body = split < 0 ? QByteArray() : answer.mid(split + 4);
    return reply;
}

QStringList namesIn(const QByteArray &contentsJson)
{
    QStringList names;
    for (const QJsonValue &entry :
         QJsonDocument::fromJson(contentsJson).object().value(u"content"_s).toArray())
        names << entry[u"name"_s].toString();
    names.sort();
    return names;
}

/// Every file under \a dir, relative, sorted.
QStringList filesUnder(const QString &dir)
{
    QStringList files;
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << QDir(dir).relativeFilePath(it.next());
    files.sort();
    return files;
}

} // namespace

class TestSessions : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_workspace;
    QString m_modelDir;

    Outcome atelier(QStringList arguments, int timeoutMs = 90000)
    {
        arguments << u"--workspace"_s << m_workspace;
        QProcess process;
        process.start(QStringLiteral(ATELIER_BINARY), arguments);
        Outcome outcome;
        if (!process.waitForFinished(timeoutMs)) {
            process.kill();
            process.waitForFinished();
        }
        outcome.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        outcome.out = process.readAllStandardOutput();
        outcome.err = process.readAllStandardError();
        return outcome;
    }

    QJsonObject json(const QStringList &arguments)
    {
        const Outcome outcome = atelier(arguments + QStringList{u"--json"_s});
        const QJsonObject object = QJsonDocument::fromJson(outcome.out).object();
        if (object.isEmpty())
            qWarning().noquote() << arguments << outcome.exitCode << outcome.out << outcome.err;
        return object;
    }

    /// Waits until session \a id is in \a state; returns its last show.
    QJsonObject waitFor(const QString &id, const QString &state, int timeoutMs)
    {
        QElapsedTimer timer;
        timer.start();
        QJsonObject shown;
        do {
            shown = json({u"session"_s, u"show"_s, id});
            if (shown.value(u"state"_s).toString() == state)
                break;
            QThread::msleep(200);
        } while (timer.elapsed() < timeoutMs);
        return shown;
    }

    static QString tokenOf(const QJsonObject &session)
    {
        return QUrlQuery(QUrl(session.value(u"url"_s).toString())).queryItemValue(u"token"_s);
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!PythonResolver::find({u"notebook"_s}))
            QSKIP("Jupyter Notebook is not installed (python3-notebook / jupyter-notebook)");
        if (!test::mountNamespaceAllowed())
            QSKIP("this machine allows no mount namespace (unshare --mount), which read-only "
                  "bindings need");
        QVERIFY(m_dir.isValid());
        m_workspace = m_dir.filePath(u"ws"_s);
        const Outcome init = atelier({u"init"_s, m_workspace, u"--demo"_s});
        QVERIFY2(init.exitCode == 0, init.err.constData());
        m_modelDir = m_dir.filePath(u"model"_s);
        QVERIFY(QDir().mkpath(m_modelDir + u"/weights"_s));
        QFile json(m_modelDir + u"/model.json"_s);
        QVERIFY(json.open(QIODevice::WriteOnly) && json.write("{}") == 2);
        json.close();
        QFile part(m_modelDir + u"/weights/part-1.bin"_s);
        QVERIFY(part.open(QIODevice::WriteOnly) && part.write("0123456789") == 10);
        part.close();
        const Outcome registered =
            atelier({u"model"_s, u"register"_s, m_modelDir, u"--name"_s, u"m"_s});
        QVERIFY2(registered.exitCode == 0, registered.err.constData());
    }

    void cleanupTestCase()
    {
        if (m_workspace.isEmpty())
            return;
        const QJsonObject listed = json({u"session"_s, u"list"_s});
        for (const QJsonValue &session : listed.value(u"sessions"_s).toArray())
            if (session[u"state"_s].toString() == u"running"_s)
                atelier({u"session"_s, u"stop"_s, session[u"id"_s].toString()});
    }

    void bindingsAreReadOnlyAndHomeIsKept()
    {
        const QJsonObject started =
            json({u"session"_s, u"start"_s, u"--name"_s, u"lab"_s, u"--bind"_s,
                  u"input0=dataset:shapes"_s, u"--bind"_s, u"input1=model:m"_s, u"--bind"_s,
                  u"input3=path:"_s + m_modelDir});
        QCOMPARE(started.value(u"state"_s).toString(), u"running"_s);
        QCOMPARE(started.value(u"id"_s).toString(), u"lab"_s);
        QCOMPARE(started.value(u"pool"_s).toString(), u"local"_s);
        const QUrl url(started.value(u"url"_s).toString());
        QCOMPARE(url.host(), u"127.0.0.1"_s);
        const QString token = tokenOf(started);
        QVERIFY(token.size() >= 32);

        // input0 holds the dataset as its own export writes it; input1 the model's files.
        const QString exported = m_dir.filePath(u"export"_s);
        const Outcome export_ = atelier({u"dataset"_s, u"export"_s, u"shapes"_s, u"--format"_s,
                                         u"folder"_s, u"--out"_s, exported});
        QVERIFY2(export_.exitCode == 0, export_.err.constData());
        const HttpReply input0 = http(url, "GET", u"/api/contents/input0"_s, token);
        QCOMPARE(input0.status, 200);
        QStringList top = QDir(exported).entryList(QDir::AllEntries | QDir::NoDotAndDotDot);
        top.sort();
        QVERIFY(!top.isEmpty());
        QCOMPARE(namesIn(input0.body), top);
        const HttpReply input1 = http(url, "GET", u"/api/contents/input1/weights"_s, token);
        QCOMPARE(input1.status, 200);
        QCOMPARE(namesIn(input1.body), QStringList{u"part-1.bin"_s});
        QCOMPARE(http(url, "GET", u"/api/contents/input0"_s, u"wrong"_s).status, 403);
        // A folder bound as it is, read-only too; the slot left out is not there.
        const HttpReply input3 = http(url, "GET", u"/api/contents/input3"_s, token);
        QCOMPARE(namesIn(input3.body), (QStringList{u"model.json"_s, u"weights"_s}));
        QCOMPARE(http(url, "GET", u"/api/contents/input2"_s, token).status, 404);
        QVERIFY(http(url, "PUT", u"/api/contents/input3/new.txt"_s, token,
                     R"({"type": "file", "format": "text", "content": "x"})")
                    .status >= 400);
        QVERIFY(!QFile::exists(m_modelDir + u"/new.txt"_s));

        // Writing into a binding fails, even though the server runs as root here.
        const QByteArray file = R"({"type": "file", "format": "text", "content": "kept"})";
        const HttpReply refused = http(url, "PUT", u"/api/contents/input0/new.txt"_s, token, file);
        QVERIFY2(refused.status >= 400, refused.body.constData());
        QVERIFY(refused.body.contains("Read-only"));
        QCOMPARE(http(url, "DELETE", u"/api/contents/input1/model.json"_s, token).status >= 400,
                 true);
        QVERIFY(QFile::exists(m_modelDir + u"/model.json"_s));
        // The working folder takes it.
        QCOMPARE(http(url, "PUT", u"/api/contents/home/note.txt"_s, token, file).status, 201);

        // The token is on no command line, in no log, not in the catalog.
        const QByteArray secret = token.toLatin1();
        for (const QString &pid : QDir(u"/proc"_s).entryList(QDir::Dirs)) {
            if (pid.toLongLong() > 0)
                QVERIFY2(!readFile(u"/proc/%1/cmdline"_s.arg(pid)).contains(secret),
                         qPrintable(pid));
        }
        const QString folder = started.value(u"folder"_s).toString();
        QVERIFY(!readFile(folder + u"/.atelier/server.log"_s).contains(secret));
        QVERIFY(!readFile(folder + u"/.atelier/supervisor.log"_s).contains(secret));
        QVERIFY(!atelier({u"session"_s, u"logs"_s, u"lab"_s}).out.contains(secret));
        for (const QString &name : {u"atelier.db"_s, u"atelier.db-wal"_s})
            QVERIFY(!readFile(m_workspace + u'/' + name).contains(secret));
        QCOMPARE(QFile(folder + u"/.atelier/token"_s).permissions() & 0x0077, 0);

        // Stopped: the file stays; the server is gone; the bindings were never written.
        const qint64 group = started.value(u"server_pgid"_s).toInteger();
        QVERIFY(isAlive(group));
        const QJsonObject stopped = json({u"session"_s, u"stop"_s, u"lab"_s});
        QCOMPARE(stopped.value(u"state"_s).toString(), u"stopped"_s);
        QVERIFY(!isAlive(group));
        QCOMPARE(readFile(folder + u"/home/note.txt"_s), QByteArray("kept"));
        QVERIFY(filesUnder(folder + u"/input0"_s).isEmpty());

        // Started again under the same name: the same home, a new token.
        const QJsonObject again = json({u"session"_s, u"start"_s, u"--name"_s, u"lab"_s});
        QCOMPARE(again.value(u"state"_s).toString(), u"running"_s);
        QVERIFY(tokenOf(again) != token);
        const HttpReply note = http(QUrl(again.value(u"url"_s).toString()), "GET",
                                    u"/api/contents/home/note.txt"_s, tokenOf(again));
        QCOMPARE(note.status, 200);
        QCOMPARE(QJsonDocument::fromJson(note.body)[u"content"_s].toString(), u"kept"_s);
        QCOMPARE(json({u"session"_s, u"stop"_s, u"lab"_s}).value(u"state"_s).toString(),
                 u"stopped"_s);
    }

    void idleSessionIsCulled()
    {
        const QJsonObject started =
            json({u"session"_s, u"start"_s, u"--name"_s, u"idle"_s, u"--idle-timeout"_s, u"2s"_s});
        QCOMPARE(started.value(u"state"_s).toString(), u"running"_s);
        const qint64 group = started.value(u"server_pgid"_s).toInteger();
        const QJsonObject culled = waitFor(u"idle"_s, u"stopped"_s, 20000);
        QCOMPARE(culled.value(u"state"_s).toString(), u"stopped"_s);
        QVERIFY2(culled.value(u"message"_s).toString().contains(u"idle"_s),
                 qPrintable(culled.value(u"message"_s).toString()));
        QVERIFY(!isAlive(group));
    }

    void killedSupervisorLeavesNoServer()
    {
        const QJsonObject started = json({u"session"_s, u"start"_s, u"--name"_s, u"orphan"_s});
        QCOMPARE(started.value(u"state"_s).toString(), u"running"_s);
        const qint64 supervisor = started.value(u"supervisor_pid"_s).toInteger();
        const qint64 group = started.value(u"server_pgid"_s).toInteger();
        QVERIFY(isAlive(supervisor) && isAlive(group));
        QCOMPARE(::kill(pid_t(supervisor), SIGKILL), 0);
        QTRY_VERIFY(!isAlive(supervisor));
        QVERIFY(isAlive(group)); // its own process group: the kill did not reach it

        // The next open of the workspace ends it and says so.
        const Outcome listed = atelier({u"session"_s, u"list"_s});
        QCOMPARE(listed.exitCode, 0);
        QVERIFY2(listed.err.contains("session"), listed.err.constData());
        QVERIFY(!isAlive(group));
        const QJsonObject lost = json({u"session"_s, u"show"_s, u"orphan"_s});
        QCOMPARE(lost.value(u"state"_s).toString(), u"lost"_s);
    }
};

QTEST_GUILESS_MAIN(TestSessions)
#include "tst_sessions.moc"
