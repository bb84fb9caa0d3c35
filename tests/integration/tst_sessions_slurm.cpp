// An interactive session on the Slurm test cluster of scripts/slurm-up (issue #18 item 2),
// through the `atelier` binary: the session is a batch job (squeue lists it), its folder is in
// the pool's staging folder, the URL names the node, the API answers with the dataset bound
// read-only, and `session stop` cancels the job. Needs the cluster as the other Slurm tests do.
#include "mountnamespace.h"
#include "pipeline/pythonresolver.h"
#include "slurmenv.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUrl>
#include <QUrlQuery>

#include <netdb.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace atelier;

namespace {

/// GET \a path from \a url's host and port with the token in a header; the status code.
int getStatus(const QUrl &url, const QString &path, QByteArray *body)
{
    addrinfo hints = {};
    hints.ai_family = AF_INET;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo *found = nullptr;
    if (::getaddrinfo(url.host().toLatin1().constData(), QByteArray::number(url.port()).constData(),
                      &hints, &found) != 0)
        return 0;
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    const bool connected = ::connect(fd, found->ai_addr, found->ai_addrlen) == 0;
    ::freeaddrinfo(found);
    if (!connected) {
        ::close(fd);
        return 0;
    }
    const QString token = QUrlQuery(url).queryItemValue(u"token"_s);
    const QByteArray request = "GET " + path.toUtf8() +
                               " HTTP/1.0\r\nHost: " + url.authority().toLatin1() +
                               "\r\nAuthorization: token " + token.toLatin1() + "\r\n\r\n";
    [[maybe_unused]] const auto sent = ::send(fd, request.constData(), size_t(request.size()), 0);
    QByteArray answer;
    char buffer[8192];
    for (ssize_t n; (n = ::recv(fd, buffer, sizeof buffer, 0)) > 0;)
        answer.append(buffer, n);
    ::close(fd);
    *body = answer.mid(answer.indexOf("\r\n\r\n") + 4);
    return answer.mid(9, 3).toInt();
}

} // namespace

class TestSessionsSlurm : public QObject
{
    Q_OBJECT

private:
    QMap<QString, QString> m_env;
    QTemporaryDir m_home;
    QString m_workspace;

    QJsonObject atelier(QStringList arguments, int *exitCode = nullptr)
    {
        arguments << u"--workspace"_s << m_workspace << u"--json"_s;
        QProcess process;
        process.start(QStringLiteral(ATELIER_BINARY), arguments);
        if (!process.waitForFinished(180000))
            process.kill();
        process.waitForFinished();
        if (exitCode)
            *exitCode = process.exitCode();
        const QByteArray out = process.readAllStandardOutput();
        const QJsonObject object = QJsonDocument::fromJson(out).object();
        if (object.isEmpty())
            qWarning().noquote() << arguments << out << process.readAllStandardError();
        return object;
    }

    /// The job's state as squeue prints it; empty once it left the queue.
    static QString squeueState(const QString &jobId)
    {
        QProcess squeue;
        squeue.start(u"squeue"_s, {u"-h"_s, u"-j"_s, jobId, u"-o"_s, u"%T"_s});
        squeue.waitForFinished(30000);
        return QString::fromUtf8(squeue.readAllStandardOutput()).trimmed();
    }

private Q_SLOTS:
    void initTestCase()
    {
        REQUIRE_SLURM(m_env);
        if (!PythonResolver::find({u"notebook"_s}))
            QSKIP("Jupyter Notebook is not installed (python3-notebook / jupyter-notebook)");
        if (!test::mountNamespaceAllowed())
            QSKIP("this machine allows no private mount namespace (a chroot, whose / is not a "
                  "mount point), which a session's read-only bindings need");
        QVERIFY(m_home.isValid());
        m_workspace = m_home.filePath(u"ws"_s);
        QProcess init;
        init.start(QStringLiteral(ATELIER_BINARY), {u"init"_s, m_workspace, u"--demo"_s});
        QVERIFY(init.waitForFinished(120000) && init.exitCode() == 0);
        int code = -1;
        atelier({u"pool"_s, u"add-slurm"_s, u"cluster"_s, u"--url"_s,
                 m_env.value(u"ATELIER_SLURM_URL"_s), u"--token-file"_s,
                 m_env.value(u"ATELIER_SLURM_TOKEN_FILE"_s), u"--partition"_s,
                 m_env.value(u"ATELIER_SLURM_PARTITION"_s), u"--staging"_s,
                 m_env.value(u"ATELIER_SLURM_STAGING"_s)},
                &code);
        QCOMPARE(code, 0);
    }

    void cleanupTestCase()
    {
        // The staged folders outlive the workspace (they are the cluster's side).
        for (const QString &name : {u"cl"_s, u"orphan"_s}) {
            const QFileInfo link(m_workspace + u"/sessions/"_s + name);
            if (link.isSymLink())
                QDir(link.symLinkTarget()).removeRecursively();
        }
    }

    void sessionIsABatchJob()
    {
        const QJsonObject started =
            atelier({u"session"_s, u"start"_s, u"--name"_s, u"cl"_s, u"--pool"_s, u"cluster"_s,
                     u"--bind"_s, u"input0=dataset:shapes"_s});
        QVERIFY2(started.value(u"state"_s).toString() == u"running"_s,
                 QJsonDocument(started).toJson().constData());
        QCOMPARE(started.value(u"pool"_s).toString(), u"cluster"_s);
        const QString jobId = started.value(u"job_id"_s).toString();
        QVERIFY(!jobId.isEmpty());
        QCOMPARE(squeueState(jobId), u"RUNNING"_s);

        // The folder is staged where the nodes see it; the workspace links to it.
        const QString folder = started.value(u"folder"_s).toString();
        QVERIFY2(folder.startsWith(m_env.value(u"ATELIER_SLURM_STAGING"_s)), qPrintable(folder));
        QCOMPARE(QFileInfo(m_workspace + u"/sessions/cl"_s).symLinkTarget(), folder);

        // The URL names the node the job runs on (the loopback address when that node is
        // this machine, whose name need not resolve here), and the server answers there.
        const QUrl url(started.value(u"url"_s).toString());
        QProcess nodes;
        nodes.start(u"squeue"_s, {u"-h"_s, u"-j"_s, jobId, u"-o"_s, u"%N"_s});
        nodes.waitForFinished(30000);
        const QString node = QString::fromUtf8(nodes.readAllStandardOutput()).trimmed();
        QVERIFY(!node.isEmpty());
        QCOMPARE(url.host(), node == QSysInfo::machineHostName() ? u"127.0.0.1"_s : node);
        QByteArray body;
        QCOMPARE(getStatus(url, u"/api/status"_s, &body), 200);
        QCOMPARE(getStatus(url, u"/api/contents/input0"_s, &body), 200);
        QVERIFY(!QJsonDocument::fromJson(body)[u"content"_s].toArray().isEmpty());

        // Stop cancels the job.
        const QJsonObject stopped = atelier({u"session"_s, u"stop"_s, u"cl"_s});
        QCOMPARE(stopped.value(u"state"_s).toString(), u"stopped"_s);
        QTRY_VERIFY_WITH_TIMEOUT(squeueState(jobId).isEmpty(), 20000);
        QCOMPARE(getStatus(url, u"/api/status"_s, &body), 0);
    }

    void killedSupervisorsJobIsCancelledOnOpen()
    {
        const QJsonObject started = atelier(
            {u"session"_s, u"start"_s, u"--name"_s, u"orphan"_s, u"--pool"_s, u"cluster"_s});
        QVERIFY2(started.value(u"state"_s).toString() == u"running"_s,
                 QJsonDocument(started).toJson().constData());
        const QString jobId = started.value(u"job_id"_s).toString();
        const qint64 supervisor = started.value(u"supervisor_pid"_s).toInteger();
        QVERIFY(supervisor > 0);
        QCOMPARE(::kill(pid_t(supervisor), SIGKILL), 0);
        QTRY_VERIFY(::kill(pid_t(supervisor), 0) != 0 ||
                    QFile(u"/proc/%1/stat"_s.arg(supervisor)).exists() == false);
        QThread::msleep(300);
        // The next open marks it lost and cancels its job, as a killed runner's jobs are.
        const QJsonObject lost = atelier({u"session"_s, u"show"_s, u"orphan"_s});
        QCOMPARE(lost.value(u"state"_s).toString(), u"lost"_s);
        QTRY_VERIFY_WITH_TIMEOUT(squeueState(jobId).isEmpty(), 20000);
        // Stopping what is already gone is not an error.
        atelier({u"session"_s, u"stop"_s, u"orphan"_s});
    }
};

QTEST_GUILESS_MAIN(TestSessionsSlurm)
#include "tst_sessions_slurm.moc"
